/**
 * Stacked horizontal bars of the four status codes per model (like Figur 2–7 and Tabell 2.1 of the
 * 1999 report): percent of valid answers, each segment labelled, N at the end of each bar. The same
 * bars draw a crosstab's row percentages (any number of categories, `statusLabels` naming them). In
 * "printed-vs-recomputed" mode the report's printed percentages are drawn as ticks at their
 * cumulative positions, so a disagreement shows as a tick off a segment boundary.
 */
import { DEFAULT_LOCALE, messages, type Locale } from "../../base/locale/locale";
import type { Evidence } from "../evidence/evidence";
import { chartEvidence, ownEvidence, titleWithEvidence } from "./chart-evidence";
import {
  CHART_CLASS, DISCREPANCY, INK, MUTED_INK, PRINTED_TICK, type LegendItem, estimateTextWidth, formatNumberNo, formatPercentNo, frameChart, orderedColors, percentTicks, textColorOn,
} from "./chart-theme";
import {
  type Box, bandScale, boxesPath, group, label, linearScale, linearTicks, panel, pixelOffset, segmentsPath, svgNode, tickCountFor, titled, xAxis, yAxisLabels, yAxisTicks,
} from "./svg-parts";

/** One model's answers: counts of status codes 1–4 (valid answers only). */
export interface StatusBarModel {
  label: string;
  counts: readonly number[];
  /** The report's printed percentages for codes 1–4 (null where not printed). */
  printedPercent?: readonly (number | null)[];
  /** What each code's percentage rests on (set by the charts' normaliser; see chart-evidence.ts). */
  evidence?: readonly (Evidence | undefined)[];
}

/** Options of `statusBars`; `document` creates the elements (browser or linkedom). */
export interface StatusBarsOptions {
  document: Document;
  mode?: "recomputed" | "printed-vs-recomputed";
  /** Labels of codes 1–4 (or of every category); default the report's wording. */
  statusLabels?: readonly string[];
  /** The x axis label; default "Prosent av gyldige svar". */
  xLabel?: string;
  title?: string;
  subtitle?: string;
  note?: string;
  width?: number;
  /** Decimals of the segment labels (the report prints whole percent). */
  decimals?: number;
  /**
   * Printed and recomputed percentages further apart than this (points) are flagged. Default: the
   * rounding of each printed figure — 0.5 for "6", 0.05 for "9,6".
   */
  tolerance?: number;
  /**
   * Whom the printed figures count: "same" (default) — the same respondents as the bars, so a tick
   * off its segment is a discrepancy; "all" — all respondents while the bars are filtered, so the
   * ticks are for orientation ("Trykt (alle)", grey) and none is flagged.
   */
  printedBase?: "same" | "all";
  /** The language of axis, legend and numbers (default "nb"). */
  locale?: Locale;
}

/** The grey of printed ticks that count all respondents while the bars are filtered. */
export const PRINTED_ALL_TICK = "#8c8c8c";

/** Status codes 1–4 as Tabell 2.1 words them. */
export const STATUS_LABELS_NO: readonly string[] = [
  "Har allerede innført", "Holder på å innføre", "Planlegger å innføre", "Har ikke planer om å innføre",
];

/** One stacked segment in percent-of-valid coordinates. */
export interface StatusSegment {
  model: string;
  status: number;
  statusLabel: string;
  count: number;
  total: number;
  percent: number;
  x1: number;
  x2: number;
  /** What the percentage rests on. */
  evidence?: Evidence;
}

/** One printed figure placed at its cumulative position. */
export interface PrintedTick {
  model: string;
  status: number;
  printed: number;
  recomputed: number;
  /** Recomputed segment start + printed percent: where the segment would end if the print were exact. */
  x: number;
  agrees: boolean;
}

/** Percent-of-valid segments for every model and status code (models with no answers give none). */
export function statusSegments(models: readonly StatusBarModel[], statusLabels: readonly string[] = STATUS_LABELS_NO, codeLabel: (code: number) => string = messages.nb.code): StatusSegment[] {
  const out: StatusSegment[] = [];
  for (const m of models) {
    const total = m.counts.reduce((a, b) => a + b, 0);
    if (total <= 0) continue;
    let x = 0;
    m.counts.forEach((count, i) => {
      const percent = (100 * count) / total;
      const evidence = m.evidence?.[i];
      out.push({ model: m.label, status: i + 1, statusLabel: statusLabels[i] ?? codeLabel(i + 1), count, total, percent, x1: x, x2: x + percent, ...(evidence ? { evidence } : {}) });
      x += percent;
    });
  }
  return out;
}

/** Half a unit of the printed figure's last decimal (0.5 for 6, 0.05 for 9.6), plus float slack. */
export function roundingTolerance(printed: number): number {
  const decimals = (String(printed).split(".")[1] ?? "").length;
  return 0.5 * 10 ** -decimals + 1e-9;
}

/**
 * Printed percentages as ticks. Each tick sits at the recomputed start of its segment plus the printed
 * percentage, i.e. where the segment would end if the printed figure were exact. Cumulating the
 * printed figures instead would add up their rounding and push later ticks off agreeing boundaries.
 */
export function printedTicks(models: readonly StatusBarModel[], tolerance?: number): PrintedTick[] {
  const out: PrintedTick[] = [];
  for (const m of models) {
    const total = m.counts.reduce((a, b) => a + b, 0);
    const printed = m.printedPercent;
    if (!printed || total <= 0) continue;
    let start = 0;
    m.counts.forEach((count, i) => {
      const recomputed = (100 * count) / total;
      const p = printed[i];
      if (p !== null && p !== undefined) {
        const allowed = tolerance ?? roundingTolerance(p);
        out.push({ model: m.label, status: i + 1, printed: p, recomputed, x: start + p, agrees: Math.abs(p - recomputed) <= allowed });
      }
      start += recomputed;
    });
  }
  return out;
}

/** The chart: one standalone `<svg>` with title, legend and bars (drawn by hand: svg-parts.ts says why). */
export function statusBars(models: readonly StatusBarModel[], options: StatusBarsOptions): SVGSVGElement {
  const { document } = options;
  const locale = options.locale ?? DEFAULT_LOCALE;
  const m = messages[locale];
  const pct = (p: number, d = 0): string => formatPercentNo(p, d, locale);
  const labels = options.statusLabels ?? m.statusScale;
  const decimals = options.decimals ?? 0;
  const width = options.width ?? 720;
  const segments = statusSegments(models, labels, m.code);
  const { evidence, dependent: resting } = chartEvidence(segments, segments, locale);
  // A segment of 0 % draws nothing to hatch.
  const dependent = resting.filter((s) => s.count > 0);
  const k = Math.max(4, ...models.map((m) => m.counts.length));
  const colors = orderedColors(k === 4 ? 4 : k);
  const ticks = options.mode === "printed-vs-recomputed" ? printedTicks(models, options.tolerance) : [];
  // Under a filter the print counts other respondents than the bars: nothing to agree with.
  const forAll = options.printedBase === "all";
  const marginLeft = Math.ceil(Math.max(60, ...models.map((m) => estimateTextWidth(m.label))) + 14);
  const marginRight = 64;
  const plotWidth = width - marginLeft - marginRight;
  const rowHeight = 34;
  const height = models.length * rowHeight + 30 + 10;
  const pxPerPercent = plotWidth / 100;
  const fits = (s: StatusSegment): boolean =>
    (s.x2 - s.x1) * pxPerPercent >= estimateTextWidth(pct(s.percent, decimals)) + 4;
  const empty = models.filter((m) => m.counts.reduce((a, b) => a + b, 0) <= 0);
  const totals = models
    .map((m) => ({ model: m.label, total: m.counts.reduce((a, b) => a + b, 0) }))
    .filter((t) => t.total > 0);

  const keys = models.map((m) => m.label);
  const xRange: [number, number] = [marginLeft, width - marginRight];
  const x = linearScale([0, 100], xRange);
  const band = bandScale(keys, [10, height - 30], 0.25);
  const top = (key: string): number => band.at(key);
  const mid = (key: string): number => band.at(key) + band.bandwidth / 2;
  // Texts, rules and ticks are nudged as Plot nudges them (bars are not): svg-parts.ts, pixelOffset.
  const o = pixelOffset(document);
  const box = (s: StatusSegment): Box => ({ x: Math.min(x(s.x1), x(s.x2)), y: top(s.model), width: Math.abs(x(s.x2) - x(s.x1)), height: band.bandwidth });
  const colorOf = (s: StatusSegment): string => colors[labels.slice(0, k).indexOf(s.statusLabel)] ?? colors[s.status - 1] ?? "#cccccc";
  const segmentLabels = (ink: string): Element => group(document, { "aria-label": "text", fill: ink },
    segments.filter((s) => fits(s) && textColorOn(colors[s.status - 1] ?? "#ffffff") === ink).map((s) => label(document, pct(s.percent, decimals), (x(s.x1) + x(s.x2)) / 2 + o, mid(s.model) + o)));
  // The range across the reconstructions: where the segment would end, from its start here — one
  // line per segment under the bar, staggered so neighbours' ranges stay apart. The last segment
  // ends at 100 % whatever its share (its range is in its tooltip).
  const whiskers = evidence.ranged(dependent.filter((s) => s.x2 < 100 - 1e-9), ownEvidence).map((s) => ({
    x1: x(Math.min(100, s.x1 + (s.evidence?.range?.min ?? 0))), x2: x(Math.min(100, s.x1 + (s.evidence?.range?.max ?? 0))), y: mid(s.model) + 11 + 2.5 * ((s.status - 1) % 3) + o,
  }));
  const whisker = evidence.whiskerOptions();
  const hatch = evidence.hatchOptions();

  const svg = panel(document, [
    yAxisTicks(document, keys, band, marginLeft, o),
    yAxisLabels(document, keys, band, marginLeft, o),
    ...xAxis(document, {
      x, ticks: linearTicks(0, 100, tickCountFor(xRange)), format: percentTicks(locale), y: height - 30,
      label: options.xLabel ?? m.percentOfValid, labelX: (xRange[0] + xRange[1]) / 2, offset: o,
    }),
    ...evidence.split(segments, ownEvidence, (subset, className) => group(document, { "aria-label": "bar", class: className, stroke: "#ffffff", "stroke-width": 0.5 },
      subset.map((s) => titled(document, "rect", { ...box(s), fill: colorOf(s) },
        titleWithEvidence(`${s.model}: ${s.statusLabel} ${pct(s.percent, 1)} (${s.count} ${m.of} ${s.total})`, s.evidence, locale, (n) => formatNumberNo(n, 1, locale), " %"))))),
    ...(dependent.length > 0 ? [svgNode(document, "path", { "aria-label": "bar", class: hatch.className, fill: hatch.fill, "pointer-events": hatch.pointerEvents, d: boxesPath(dependent.map(box)) })] : []),
    // Two label groups with constant fills, white on the dark segments and ink on the light ones.
    segmentLabels("#ffffff"),
    segmentLabels(INK),
    group(document, { "aria-label": "text", "text-anchor": "start", fill: MUTED_INK, class: CHART_CLASS.muted },
      [...totals.map((t) => label(document, `N = ${t.total}`, x(100) + 10 + o, mid(t.model) + o)), ...empty.map((e) => label(document, m.noAnswers, x(0) + 4 + o, mid(e.label) + o))]),
    ...(ticks.length > 0 ? [group(document, { "aria-label": "tick", "stroke-width": 2 }, ticks.map((t) => titled(document, "line", {
      x1: x(t.x) + o, x2: x(t.x) + o, y1: top(t.model) - 3, y2: top(t.model) + band.bandwidth + 3,
      stroke: forAll ? PRINTED_ALL_TICK : t.agrees ? PRINTED_TICK : DISCREPANCY,
    }, forAll ? m.printedForAllTitle(pct(t.printed), pct(t.recomputed, 1)) : m.printedTitle(pct(t.printed), pct(t.recomputed, 1)))))] : []),
    ...(whiskers.length > 0 ? [svgNode(document, "path", { "aria-label": "rule", class: whisker.className, fill: "none", stroke: whisker.stroke, "stroke-width": whisker.strokeWidth, d: segmentsPath(whiskers) })] : []),
    svgNode(document, "line", { "aria-label": "rule", stroke: "currentColor", x1: x(0) + o, x2: x(0) + o, y1: 10, y2: height - 30 }),
  ]);
  // A legend entry only for a category some bar shows (no entry for a series absent under a filter).
  const drawn = new Set(segments.filter((s) => s.count > 0).map((s) => s.status));
  const legend: LegendItem[] = labels.slice(0, k).flatMap((label, i) => (drawn.has(i + 1) ? [{ label, color: colors[i] ?? "#cccccc" }] : []));
  if (ticks.length > 0 && forAll) legend.push({ label: m.printedAll, color: PRINTED_ALL_TICK, shape: "tick" });
  else if (ticks.length > 0) {
    legend.push({ label: m.printedInReport, color: PRINTED_TICK, shape: "tick" });
    if (ticks.some((t) => !t.agrees)) legend.push({ label: m.printedDiffers, color: DISCREPANCY, shape: "tick" });
  }
  return frameChart([{ svg, x: 0, width, height }], {
    document, title: options.title, subtitle: options.subtitle, note: options.note, legend, width, evidence: evidence.legend(),
  });
}
