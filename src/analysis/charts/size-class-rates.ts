/**
 * A rate by size class 1–6 (e.g. share that has adopted a model): one bar per class with its
 * confidence interval as a rule with caps, the rate above it and N under the class label. A class with
 * fewer respondents than `threshold` gets no bar and no rate — "n < 3" is printed instead — because a
 * percentage of one or two municipalities is both meaningless and can single out a municipality.
 */
import { DEFAULT_LOCALE, messages, type Locale } from "../../base/locale/locale";
import type { Evidence } from "../evidence/evidence";
import { chartEvidence, ownEvidence, titleWithEvidence } from "./chart-evidence";
import { BAR_COLOR, CHART_CLASS, INK, MUTED_INK, formatNumberNo, formatPercentNo, frameChart, percentTicks } from "./chart-theme";
import { type Box, bandScale, boxesPath, group, label, linearScale, linearTicks, panel, pixelOffset, segmentsPath, svgNode, tickCountFor, titled, xAxis, yAxis } from "./svg-parts";

/** One size class: the rate in percent (0–100) with its interval bounds, and the base N. */
export interface SizeClassRate {
  sizeClass: number;
  /** Axis label, e.g. "1000–4999"; default the class number. */
  label?: string;
  n: number;
  /** Percent; null when undefined (no respondents). */
  rate: number | null;
  lower?: number | null;
  upper?: number | null;
  /** What the rate rests on, its range in the rate's unit (set by the charts' normaliser; see chart-evidence.ts). */
  evidence?: Evidence;
}

/** Options of `sizeClassRates`; `document` creates the elements (browser or linkedom). */
export interface SizeClassRatesOptions {
  document: Document;
  /** Classes with fewer respondents are drawn as "n < threshold". Default 3. */
  threshold?: number;
  /** Y axis label; default "Prosent". */
  yLabel?: string;
  /** Interval description for the note, e.g. "95 % Wilson-intervall". */
  intervalLabel?: string;
  /** Overall rate drawn as a dashed reference line. */
  overall?: number | null;
  title?: string;
  subtitle?: string;
  note?: string;
  width?: number;
  decimals?: number;
  /** The language of axes, notes and numbers (default "nb"). */
  locale?: Locale;
}

/** The x value of a class: label and N on two lines (the axis breaks tick labels at "\n"). */
export function classKey(c: SizeClassRate): string {
  return `${c.label ?? String(c.sizeClass)}\nN = ${c.n}`;
}

/** Split classes into those drawn as bars and those too small to show. */
export function partitionClasses(classes: readonly SizeClassRate[], threshold = 3): { shown: SizeClassRate[]; suppressed: SizeClassRate[] } {
  const shown: SizeClassRate[] = [];
  const suppressed: SizeClassRate[] = [];
  for (const c of classes) {
    if (c.n >= threshold && c.rate !== null && Number.isFinite(c.rate)) shown.push(c);
    else suppressed.push(c);
  }
  return { shown, suppressed };
}

/** A class with both interval bounds (drawn as a rule with caps). */
export function hasInterval(c: SizeClassRate): c is SizeClassRate & { lower: number; upper: number } {
  return typeof c.lower === "number" && typeof c.upper === "number" && Number.isFinite(c.lower) && Number.isFinite(c.upper);
}

/** The chart: one standalone `<svg>` (drawn by hand: svg-parts.ts says why). */
export function sizeClassRates(classes: readonly SizeClassRate[], options: SizeClassRatesOptions): SVGSVGElement {
  const { document } = options;
  const locale = options.locale ?? DEFAULT_LOCALE;
  const m = messages[locale];
  const pct = (p: number, d = 0): string => formatPercentNo(p, d, locale);
  const threshold = options.threshold ?? 3;
  const decimals = options.decimals ?? 0;
  const width = options.width ?? 680;
  const height = 300;
  const sorted = [...classes].sort((a, b) => a.sizeClass - b.sizeClass);
  const { shown, suppressed } = partitionClasses(sorted, threshold);
  const intervals = shown.filter(hasInterval);
  const top = Math.max(10, ...shown.map((c) => Math.max(hasInterval(c) ? c.upper : (c.rate ?? 0), c.evidence?.range?.max ?? 0)), options.overall ?? 0);
  const yMax = Math.min(100, Math.ceil((top + 8) / 10) * 10);
  const labelY = (c: SizeClassRate): number => Math.max(c.rate ?? 0, hasInterval(c) ? c.upper : 0);
  const overall = options.overall ?? null;
  const { evidence, dependent } = chartEvidence(classes, shown, locale);

  // Plot's margins of this chart: room for the y labels, the N line under the classes, the overall label.
  const left = 56;
  const right = width - (overall === null ? 20 : 70);
  const plotTop = 28;
  const bottom = height - 44;
  const keys = sorted.map(classKey);
  const band = bandScale(keys, [left, right], 0.25);
  const y = linearScale([0, yMax], [bottom, plotTop]);
  // Lines, ticks and texts are nudged as Plot nudges them (bars are not): svg-parts.ts, pixelOffset.
  const o = pixelOffset(document);
  const mid = (c: SizeClassRate): number => band.at(classKey(c)) + band.bandwidth / 2;
  const box = (c: SizeClassRate): Box => {
    const y1 = y(c.rate ?? 0);
    return { x: band.at(classKey(c)), y: Math.min(y1, bottom), width: band.bandwidth, height: Math.abs(bottom - y1) };
  };
  const whisker = evidence.whiskerOptions();
  const hatch = evidence.hatchOptions();
  // The range across the reconstructions beside the interval (which is about sampling, not the build).
  const whiskers = evidence.ranged(dependent, ownEvidence).map((c) => ({ x: mid(c) + 9 + o, y1: y(c.evidence?.range?.min ?? 0), y2: y(c.evidence?.range?.max ?? 0) }));
  // Each interval: its rule and the two caps, all one stroke (none has a tooltip of its own).
  const capsAt = (c: SizeClassRate, v: number): { x1: number; x2: number; y: number } => ({ x1: band.at(classKey(c)) + 14, x2: band.at(classKey(c)) + band.bandwidth - 14, y: y(v) + o });
  const intervalLines = [
    ...intervals.map((c) => ({ x: mid(c) + o, y1: y(c.lower), y2: y(c.upper) })),
    ...intervals.map((c) => capsAt(c, c.lower)),
    ...intervals.map((c) => capsAt(c, c.upper)),
  ];

  const svg = panel(document, [
    ...yAxis(document, { y, ticks: linearTicks(0, yMax, tickCountFor([bottom, plotTop], 35)), format: percentTicks(locale), x: left, gridTo: right, label: options.yLabel ?? m.percentAxis, offset: o }),
    ...xAxis(document, { x: (key: string) => band.at(key) + band.bandwidth / 2, ticks: keys, format: (key) => key, y: bottom, label: m.sizeClassAxis, labelX: (left + right) / 2, labelOffset: 41, numeric: false, offset: o }),
    ...evidence.split(shown, ownEvidence, (subset, className) => group(document, { "aria-label": "bar", class: className, fill: BAR_COLOR },
      subset.map((c) => titled(document, "rect", { ...box(c) },
        titleWithEvidence(`${classKey(c).replace("\n", ", ")}: ${pct(c.rate ?? 0, 1)}`, c.evidence, locale, (n) => formatNumberNo(n, 1, locale), " %"))))),
    ...(dependent.length > 0 ? [svgNode(document, "path", { "aria-label": "bar", class: hatch.className, fill: hatch.fill, "pointer-events": hatch.pointerEvents, d: boxesPath(dependent.map(box)) })] : []),
    ...(whiskers.length > 0 ? [svgNode(document, "path", { "aria-label": "rule", class: whisker.className, fill: "none", stroke: whisker.stroke, "stroke-width": 3, d: segmentsPath(whiskers) })] : []),
    ...(intervalLines.length > 0 ? [svgNode(document, "path", { "aria-label": "interval", class: CHART_CLASS.ink, fill: "none", stroke: INK, "stroke-width": 1.5, d: segmentsPath(intervalLines) })] : []),
    group(document, { "aria-label": "text", fill: INK, class: CHART_CLASS.ink }, shown.map((c) => label(document, pct(c.rate ?? 0, decimals), mid(c) + o, y(labelY(c)) - 8 + o))),
    ...(suppressed.length > 0 ? [group(document, { "aria-label": "text", fill: MUTED_INK, "font-style": "italic", class: CHART_CLASS.muted }, suppressed.map((c) => label(document, `n < ${threshold}`, mid(c) + o, bottom - 10 + o)))] : []),
    ...(overall === null
      ? []
      : [
          svgNode(document, "line", { "aria-label": "rule", class: CHART_CLASS.muted, stroke: MUTED_INK, "stroke-dasharray": "4,3", x1: left, x2: right, y1: y(overall) + o, y2: y(overall) + o }),
          group(document, { "aria-label": "text", fill: MUTED_INK, "text-anchor": "start", class: CHART_CLASS.muted }, [label(document, `${m.all} ${pct(overall, decimals)}`, right + 4 + o, y(overall) + o)]),
        ]),
    svgNode(document, "line", { "aria-label": "rule", stroke: "currentColor", x1: left, x2: right, y1: bottom + o, y2: bottom + o }),
  ]);
  const parts = [
    options.intervalLabel ? m.intervalNote(options.intervalLabel) : "",
    suppressed.length > 0 ? m.fewerThanShown(threshold) : "",
    options.note ?? "",
  ].filter((s) => s !== "");
  return frameChart([{ svg, x: 0, width, height }], {
    document, title: options.title, subtitle: options.subtitle, note: parts.length > 0 ? parts.join(" ") : undefined, width, evidence: evidence.legend(),
  });
}
