/**
 * Diverging bars for four-point scales (like Figur 1 of the 1999 report and Tabell 2.9): "Helt enig …
 * Helt uenig" or "I stor grad … I liten grad", centred on the scale's midpoint (between codes 2 and 3),
 * the agreeing / large-extent side to the right. "Vet ikke" is not part of the scale, so it gets its
 * own small panel to the right instead of being stacked onto either side.
 */
import { DEFAULT_LOCALE, messages, type Locale } from "../../base/locale/locale";
import * as Plot from "@observablehq/plot";
import type { Evidence } from "../evidence/evidence";
import { chartEvidence, ownEvidence, titleWithEvidence } from "./chart-evidence";
import {
  CHART_CLASS, CHART_FONT_SIZE, DIVERGING_COLORS, DONT_KNOW_COLOR, INK, MUTED_INK, estimateTextWidth, formatNumberNo, formatPercentNo, frameChart, percentTicks,
  plotSvg, textColorOn,
} from "./chart-theme";

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

/** The chart: one standalone `<svg>`. */
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
  // Plot wraps at `lineWidth` ems of its own average glyph width; a full em per unit is the safe bound.
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
  const y = { domain: keys, label: null, padding: 0.3 };
  const common = { document, height, marginTop: 10, marginBottom: 30, style: { fontSize: `${CHART_FONT_SIZE}px` } };

  const main = Plot.plot({
    ...common,
    width: mainWidth,
    marginLeft,
    marginRight: 24,
    x: { domain: [-extent, extent], label: m.percentAxis, labelAnchor: "center", labelArrow: "none", tickFormat: percentTicks(locale, true) },
    y,
    color: { domain: scaleLabels.slice(0, 4), range: DIVERGING_COLORS.slice(0, 4) },
    marks: [
      Plot.axisY({ lineWidth: labelWidthEm, tickSize: 0, textAnchor: "end" }),
      ...evidence.split(segments, ownEvidence, (subset, className) => Plot.barX(subset, {
        x1: "x1", x2: "x2", y: "item", fill: "codeLabel", stroke: "#ffffff", strokeWidth: 0.5, className,
        title: (s: DivergingSegment) => titleWithEvidence(`${s.item}: ${s.codeLabel} ${pct(s.percent, 1)}`, s.evidence, locale, (n) => formatNumberNo(n, 1, locale), " %"),
      })),
      Plot.barX(dependent, { x1: "x1", x2: "x2", y: "item", ...evidence.hatchOptions() }),
      Plot.ruleY(evidence.ranged(dependent, ownEvidence), { y: "item", x1: (s: DivergingSegment) => s.whisker?.x1, x2: (s: DivergingSegment) => s.whisker?.x2, dy: 15, ...evidence.whiskerOptions() }),
      ...(["#ffffff", INK] as const).map((ink) =>
        Plot.text(segments.filter((s) => fits(s) && textColorOn(colorOf(s.code)) === ink), {
          x: (s: DivergingSegment) => (s.x1 + s.x2) / 2, y: "item", text: (s: DivergingSegment) => pct(s.percent), fill: ink,
        }),
      ),
      Plot.text(sideTotals.filter((t) => t.anchor === "start"), { x: "x", y: "item", text: "text", textAnchor: "start", dx: 4, fill: MUTED_INK, className: CHART_CLASS.muted }),
      Plot.text(sideTotals.filter((t) => t.anchor === "end"), { x: "x", y: "item", text: "text", textAnchor: "end", dx: -4, fill: MUTED_INK, className: CHART_CLASS.muted }),
      Plot.ruleX([0], { stroke: INK, strokeWidth: 1.5, className: CHART_CLASS.ink }),
    ],
  });

  const dkExtent = Math.max(20, Math.ceil(Math.max(0, ...items.map((i) => i.dontKnow)) / 10) * 10);
  const dk = Plot.plot({
    ...common,
    width: dkWidth,
    marginLeft: 16,
    marginRight: 40,
    x: { domain: [0, dkExtent], label: dontKnowLabel, labelAnchor: "center", labelArrow: "none", ticks: [0, dkExtent], tickFormat: percentTicks(locale) },
    y: { ...y, axis: null },
    marks: [
      ...evidence.split(showDontKnow ? items : [], dontKnowOf, (subset, className) => Plot.barX(subset, {
        x: "dontKnow", y: itemKey, fill: DONT_KNOW_COLOR, className,
        title: (i: DivergingItem) => titleWithEvidence(`${itemKey(i)}: ${dontKnowLabel} ${pct(i.dontKnow, 1)}`, i.evidence?.dontKnow, locale, (n) => formatNumberNo(n, 1, locale), " %"),
      })),
      Plot.barX(evidence.dependent(showDontKnow ? items : [], dontKnowOf), { x: "dontKnow", y: itemKey, ...evidence.hatchOptions() }),
      Plot.ruleY(evidence.ranged(evidence.dependent(showDontKnow ? items : [], dontKnowOf), dontKnowOf), {
        y: itemKey, x1: (i: DivergingItem) => i.evidence?.dontKnow?.range?.min, x2: (i: DivergingItem) => i.evidence?.dontKnow?.range?.max, dy: 15, ...evidence.whiskerOptions(),
      }),
      Plot.text(items, { x: "dontKnow", y: itemKey, text: (i: DivergingItem) => pct(i.dontKnow, 1), textAnchor: "start", dx: 3, fill: MUTED_INK, className: CHART_CLASS.muted }),
      Plot.ruleX([0]),
    ],
  });

  // Legend entries only for the codes some bar shows.
  const drawn = new Set(segments.filter((s) => s.percent > 0).map((s) => s.code));
  const legend = [
    ...[3, 2, 1, 0].filter((i) => drawn.has(i + 1)).map((i) => ({ label: scaleLabels[i] ?? m.code(i + 1), color: DIVERGING_COLORS[i] ?? DONT_KNOW_COLOR })),
    ...(showDontKnow ? [{ label: dontKnowLabel, color: DONT_KNOW_COLOR }] : []),
  ];
  return frameChart(
    [
      { svg: plotSvg(main), x: 0, width: mainWidth, height },
      ...(showDontKnow ? [{ svg: plotSvg(dk), x: mainWidth, width: dkWidth, height }] : []),
    ],
    { document, title: options.title, subtitle: options.subtitle, note: options.note, legend, width, evidence: evidence.legend() },
  );
}
