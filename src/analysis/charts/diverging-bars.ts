/**
 * Diverging bars for four-point scales (like Figur 1 of the 1999 report and Tabell 2.9): "Helt enig …
 * Helt uenig" or "I stor grad … I liten grad", centred on the scale's midpoint (between codes 2 and 3),
 * the agreeing / large-extent side to the right. "Vet ikke" is not part of the scale, so it gets its
 * own small panel to the right instead of being stacked onto either side.
 */
import { DEFAULT_LOCALE, messages, type Locale } from "../../base/locale/locale";
import type { Evidence } from "../evidence/evidence";
import { chartEvidence, ownEvidence, titleWithEvidence } from "./chart-evidence";
import {
  CHART_CLASS, CHART_FONT_SIZE, DIVERGING_COLORS, DONT_KNOW_COLOR, INK, MUTED_INK, estimateTextWidth, formatNumberNo, formatPercentNo, frameChart, percentTicks,
  textColorOn,
} from "./chart-theme";
import { type Box, bandScale, boxesPath, group, label, linearScale, linearTicks, panel, pixelOffset, segmentsPath, svgNode, tickCountFor, titled, xAxis, yAxisLabels } from "./svg-parts";

/** One statement: percentages of codes 1–4 and of "vet ikke", all of the same base. */
export interface DivergingItem {
  label: string;
  percents: readonly number[];
  dontKnow: number;
  /** Base of the percentages (printed after the label when given). */
  n?: number;
  /** What each percentage rests on (set by the charts' normaliser; see chart-evidence.ts). */
  evidence?: { percents: readonly (Evidence | undefined)[]; dontKnow?: Evidence };
}

/** Options of `divergingBars`; `document` creates the elements (browser or linkedom). */
export interface DivergingBarsOptions {
  document: Document;
  /** Labels of codes 1–4; default AGREEMENT_LABELS_NO. */
  scaleLabels?: readonly string[];
  dontKnowLabel?: string;
  title?: string;
  subtitle?: string;
  note?: string;
  width?: number;
  /** The language of axes, default labels and numbers (default "nb"). */
  locale?: Locale;
}

/** q29 (Tabell 2.9) codes 1–4. */
export const AGREEMENT_LABELS_NO: readonly string[] = ["Helt enig", "Delvis enig", "Delvis uenig", "Helt uenig"];
/** q28 / q30 (Figur 1) codes 1–4. */
export const EXTENT_LABELS_NO: readonly string[] = ["I stor grad", "I nokså stor grad", "I nokså liten grad", "I liten grad"];

/** One segment of the diverging part; negative x is the disagreeing / small-extent side. */
export interface DivergingSegment {
  item: string;
  code: number;
  codeLabel: string;
  percent: number;
  x1: number;
  x2: number;
  evidence?: Evidence;
  /** Where the segment's outer end lies across the reconstructions (its inner end held). */
  whisker?: { x1: number; x2: number };
}

/** The y value of an item: its label, with N when known (so labels stay unique per item). */
export function itemKey(item: DivergingItem): string {
  // No-break spaces keep "(N = 245)" together when the axis wraps long labels.
  return item.n === undefined ? item.label : `${item.label} (N\u00a0=\u00a0${item.n})`;
}

/**
 * Segments centred on the midpoint: code 2 from 0 rightwards then code 1 beyond it; code 3 from 0
 * leftwards then code 4 beyond it. Codes beyond 4 are ignored (they belong in `dontKnow`).
 */
export function divergingSegments(items: readonly DivergingItem[], scaleLabels: readonly string[] = AGREEMENT_LABELS_NO, codeLabel: (code: number) => string = messages.nb.code): DivergingSegment[] {
  const out: DivergingSegment[] = [];
  for (const item of items) {
    const [p1 = 0, p2 = 0, p3 = 0, p4 = 0] = item.percents;
    const key = itemKey(item);
    const seg = (code: number, percent: number, x1: number, x2: number): DivergingSegment => {
      const evidence = item.evidence?.percents[code - 1];
      const range = evidence?.range;
      // The outer end moves with the figure: right of the midpoint from x1, left of it from x2.
      const whisker = range && (x2 > 0 || code <= 2 ? { x1: x1 + range.min, x2: x1 + range.max } : { x1: x2 - range.max, x2: x2 - range.min });
      return { item: key, code, codeLabel: scaleLabels[code - 1] ?? codeLabel(code), percent, x1, x2, ...(evidence ? { evidence } : {}), ...(whisker ? { whisker } : {}) };
    };
    out.push(seg(4, p4, -p3 - p4, -p3), seg(3, p3, -p3, 0), seg(2, p2, 0, p2), seg(1, p1, p2, p2 + p1));
  }
  return out;
}

/** The chart: one standalone `<svg>` (drawn by hand: svg-parts.ts says why). */
export function divergingBars(items: readonly DivergingItem[], options: DivergingBarsOptions): SVGSVGElement {
  const { document } = options;
  const locale = options.locale ?? DEFAULT_LOCALE;
  const m = messages[locale];
  const pct = (p: number, d = 0): string => formatPercentNo(p, d, locale);
  const scaleLabels = options.scaleLabels ?? m.agreementScale;
  const dontKnowLabel = options.dontKnowLabel ?? m.dontKnow;
  const width = options.width ?? 820;
  const segments = divergingSegments(items, scaleLabels, m.code);
  const { evidence, dependent: resting } = chartEvidence(items, segments, locale);
  // A segment of 0 % draws nothing to hatch.
  const dependent = resting.filter((s) => s.percent > 0);
  const dontKnowOf = (i: DivergingItem): Evidence | undefined => i.evidence?.dontKnow;
  const keys = items.map(itemKey);
  const sideTotals = items.flatMap((item) => {
    const [p1 = 0, p2 = 0, p3 = 0, p4 = 0] = item.percents;
    return [
      { item: itemKey(item), x: p1 + p2, text: pct(p1 + p2), anchor: "start" as const },
      { item: itemKey(item), x: -(p3 + p4), text: pct(p3 + p4), anchor: "end" as const },
    ];
  });
  // Symmetric so the midpoint sits in the middle; headroom for the side totals at the bar ends.
  const reach = Math.max(50, ...sideTotals.map((t) => Math.abs(t.x)));
  const extent = Math.ceil((reach + 12) / 10) * 10;
  const labelWidthEm = 18;
  // Labels wrap at `lineWidth` ems of Plot's glyph widths (svg-parts.ts); a full em per unit is the safe bound.
  const marginLeft = labelWidthEm * CHART_FONT_SIZE + 14;
  // A "vet ikke" panel where every bar is 0 % says nothing: it is left out, with its legend entry.
  const showDontKnow = items.some((i) => i.dontKnow > 0);
  const dkWidth = showDontKnow ? 110 : 0;
  const mainWidth = width - dkWidth;
  const rowHeight = 44;
  const height = items.length * rowHeight + 40;
  const pxPerPercent = (mainWidth - marginLeft - 24) / (2 * extent);
  const fits = (s: DivergingSegment): boolean =>
    (s.x2 - s.x1) * pxPerPercent >= estimateTextWidth(pct(s.percent)) + 4;
  const colorOf = (code: number): string => DIVERGING_COLORS[code - 1] ?? DONT_KNOW_COLOR;
  const band = bandScale(keys, [10, height - 30], 0.3);
  // Texts and rules are nudged as Plot nudges them (bars are not): svg-parts.ts, pixelOffset.
  const o = pixelOffset(document);
  const mid = (key: string): number => band.at(key) + band.bandwidth / 2;
  const hatch = evidence.hatchOptions();
  const whisker = evidence.whiskerOptions();
  const hatchPath = (boxes: readonly Box[]): Element[] => (boxes.length > 0 ? [svgNode(document, "path", { "aria-label": "bar", class: hatch.className, fill: hatch.fill, "pointer-events": hatch.pointerEvents, d: boxesPath(boxes) })] : []);
  const whiskerPath = (lines: readonly { x1: number; x2: number; y: number }[]): Element[] => (lines.length > 0 ? [svgNode(document, "path", { "aria-label": "rule", class: whisker.className, fill: "none", stroke: whisker.stroke, "stroke-width": whisker.strokeWidth, d: segmentsPath(lines) })] : []);
  const tooltip = (text: string, ev: Evidence | undefined): string => titleWithEvidence(text, ev, locale, (n) => formatNumberNo(n, 1, locale), " %");
  const mutedLabels = (anchor: "start" | "end", labels: readonly Element[]): Element => group(document, { "aria-label": "text", "text-anchor": anchor, fill: MUTED_INK, class: CHART_CLASS.muted }, labels);

  const xRange: [number, number] = [marginLeft, mainWidth - 24];
  const x = linearScale([-extent, extent], xRange);
  const box = (s: DivergingSegment): Box => ({ x: Math.min(x(s.x1), x(s.x2)), y: band.at(s.item), width: Math.abs(x(s.x2) - x(s.x1)), height: band.bandwidth });
  const segmentLabels = (ink: string): Element => group(document, { "aria-label": "text", fill: ink },
    segments.filter((s) => fits(s) && textColorOn(colorOf(s.code)) === ink).map((s) => label(document, pct(s.percent), (x(s.x1) + x(s.x2)) / 2 + o, mid(s.item) + o)));
  const main = panel(document, [
    ...xAxis(document, { x, ticks: linearTicks(-extent, extent, tickCountFor(xRange)), format: percentTicks(locale, true), y: height - 30, label: m.percentAxis, labelX: (xRange[0] + xRange[1]) / 2, offset: o }),
    yAxisLabels(document, keys, band, marginLeft, o, labelWidthEm),
    ...evidence.split(segments, ownEvidence, (subset, className) => group(document, { "aria-label": "bar", class: className, stroke: "#ffffff", "stroke-width": 0.5 },
      subset.map((s) => titled(document, "rect", { ...box(s), fill: colorOf(s.code) }, tooltip(`${s.item}: ${s.codeLabel} ${pct(s.percent, 1)}`, s.evidence))))),
    ...hatchPath(dependent.map(box)),
    ...whiskerPath(evidence.ranged(dependent, ownEvidence).flatMap((s) => (s.whisker ? [{ x1: x(s.whisker.x1), x2: x(s.whisker.x2), y: mid(s.item) + 15 + o }] : []))),
    segmentLabels("#ffffff"),
    segmentLabels(INK),
    mutedLabels("start", sideTotals.filter((t) => t.anchor === "start").map((t) => label(document, t.text, x(t.x) + 4 + o, mid(t.item) + o))),
    mutedLabels("end", sideTotals.filter((t) => t.anchor === "end").map((t) => label(document, t.text, x(t.x) - 4 + o, mid(t.item) + o))),
    svgNode(document, "line", { "aria-label": "rule", class: CHART_CLASS.ink, stroke: INK, "stroke-width": 1.5, x1: x(0) + o, x2: x(0) + o, y1: 10, y2: height - 30 }),
  ]);

  const dkExtent = Math.max(20, Math.ceil(Math.max(0, ...items.map((i) => i.dontKnow)) / 10) * 10);
  const dkRange: [number, number] = [16, dkWidth - 40];
  const dx = linearScale([0, dkExtent], dkRange);
  const dkBox = (i: DivergingItem): Box => ({ x: Math.min(dx(0), dx(i.dontKnow)), y: band.at(itemKey(i)), width: Math.abs(dx(i.dontKnow) - dx(0)), height: band.bandwidth });
  const dkDependent = evidence.dependent(showDontKnow ? items : [], dontKnowOf);
  const dk = panel(document, [
    ...xAxis(document, { x: dx, ticks: [0, dkExtent], format: percentTicks(locale), y: height - 30, label: dontKnowLabel, labelX: (dkRange[0] + dkRange[1]) / 2, offset: o }),
    ...evidence.split(showDontKnow ? items : [], dontKnowOf, (subset, className) => group(document, { "aria-label": "bar", class: className, fill: DONT_KNOW_COLOR },
      subset.map((i) => titled(document, "rect", { ...dkBox(i) }, tooltip(`${itemKey(i)}: ${dontKnowLabel} ${pct(i.dontKnow, 1)}`, i.evidence?.dontKnow))))),
    ...hatchPath(dkDependent.map(dkBox)),
    ...whiskerPath(evidence.ranged(dkDependent, dontKnowOf).map((i) => ({ x1: dx(i.evidence?.dontKnow?.range?.min ?? 0), x2: dx(i.evidence?.dontKnow?.range?.max ?? 0), y: mid(itemKey(i)) + 15 + o }))),
    mutedLabels("start", items.map((i) => label(document, pct(i.dontKnow, 1), dx(i.dontKnow) + 3 + o, mid(itemKey(i)) + o))),
    svgNode(document, "line", { "aria-label": "rule", stroke: "currentColor", x1: dx(0) + o, x2: dx(0) + o, y1: 10, y2: height - 30 }),
  ]);

  // Legend entries only for the codes some bar shows.
  const drawn = new Set(segments.filter((s) => s.percent > 0).map((s) => s.code));
  const legend = [
    ...[3, 2, 1, 0].filter((i) => drawn.has(i + 1)).map((i) => ({ label: scaleLabels[i] ?? m.code(i + 1), color: DIVERGING_COLORS[i] ?? DONT_KNOW_COLOR })),
    ...(showDontKnow ? [{ label: dontKnowLabel, color: DONT_KNOW_COLOR }] : []),
  ];
  return frameChart(
    [
      { svg: main, x: 0, width: mainWidth, height },
      ...(showDontKnow ? [{ svg: dk, x: mainWidth, width: dkWidth, height }] : []),
    ],
    { document, title: options.title, subtitle: options.subtitle, note: options.note, legend, width, evidence: evidence.legend() },
  );
}
