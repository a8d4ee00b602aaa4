/**
 * Notebook 03's size-class rates as Plot drew them up to stop 24, kept as the reference the
 * hand-drawn chart (src/analysis/charts/size-class-rates.ts) is compared with in
 * plot-geometry.test.ts. Not used by the app.
 */
import * as Plot from "@observablehq/plot";
import { DEFAULT_LOCALE, messages } from "../../../../src/base/locale/locale";
import { chartEvidence, ownEvidence, titleWithEvidence } from "../../../../src/analysis/charts/chart-evidence";
import { BAR_COLOR, CHART_CLASS, CHART_FONT_SIZE, INK, MUTED_INK, formatNumberNo, formatPercentNo, frameChart, percentTicks, plotSvg } from "../../../../src/analysis/charts/chart-theme";
import { classKey, hasInterval, partitionClasses, type SizeClassRate, type SizeClassRatesOptions } from "../../../../src/analysis/charts/size-class-rates";

/** The chart: one standalone `<svg>`. */
export function plotSizeClassRates(classes: readonly SizeClassRate[], options: SizeClassRatesOptions): SVGSVGElement {
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
  const rateText = (c: SizeClassRate): string => pct(c.rate ?? 0, decimals);
  const labelY = (c: SizeClassRate): number => Math.max(c.rate ?? 0, hasInterval(c) ? c.upper : 0);
  const overall = options.overall ?? null;
  const { evidence, dependent } = chartEvidence(classes, shown, locale);

  const plot = Plot.plot({
    document,
    width,
    height,
    marginLeft: 56,
    marginRight: overall === null ? 20 : 70,
    marginTop: 28,
    marginBottom: 44,
    style: { fontSize: `${CHART_FONT_SIZE}px` },
    x: { domain: sorted.map(classKey), label: m.sizeClassAxis, labelAnchor: "center", labelArrow: "none", padding: 0.25 },
    y: { domain: [0, yMax], label: options.yLabel ?? m.percentAxis, labelArrow: "none", grid: true, tickFormat: percentTicks(locale) },
    marks: [
      ...evidence.split(shown, ownEvidence, (subset, className) => Plot.barY(subset, {
        x: classKey, y: "rate", fill: BAR_COLOR, className,
        title: (c: SizeClassRate) => titleWithEvidence(`${classKey(c).replace("\n", ", ")}: ${pct(c.rate ?? 0, 1)}`, c.evidence, locale, (n) => formatNumberNo(n, 1, locale), " %"),
      })),
      Plot.barY(dependent, { x: classKey, y: "rate", ...evidence.hatchOptions() }),
      // The range across the reconstructions beside the interval (which is about sampling, not the build).
      Plot.ruleX(evidence.ranged(dependent, ownEvidence), { x: classKey, y1: (c: SizeClassRate) => c.evidence?.range?.min, y2: (c: SizeClassRate) => c.evidence?.range?.max, dx: 9, ...evidence.whiskerOptions(), strokeWidth: 3 }),
      Plot.ruleX(intervals, { x: classKey, y1: "lower", y2: "upper", stroke: INK, strokeWidth: 1.5, className: CHART_CLASS.ink }),
      Plot.tickY(intervals, { x: classKey, y: "lower", stroke: INK, strokeWidth: 1.5, inset: 14, className: CHART_CLASS.ink }),
      Plot.tickY(intervals, { x: classKey, y: "upper", stroke: INK, strokeWidth: 1.5, inset: 14, className: CHART_CLASS.ink }),
      Plot.text(shown, { x: classKey, y: labelY, text: rateText, dy: -8, fill: INK, className: CHART_CLASS.ink }),
      Plot.text(suppressed, { x: classKey, y: 0, text: () => `n < ${threshold}`, dy: -10, fill: MUTED_INK, fontStyle: "italic", className: CHART_CLASS.muted }),
      ...(overall === null
        ? []
        : [
            Plot.ruleY([overall], { stroke: MUTED_INK, strokeDasharray: "4,3", className: CHART_CLASS.muted }),
            Plot.text([overall], { y: (d: number) => d, frameAnchor: "right", text: (d: number) => `${m.all} ${pct(d, decimals)}`, textAnchor: "start", dx: 4, fill: MUTED_INK, className: CHART_CLASS.muted }),
          ]),
      Plot.ruleY([0]),
    ],
  });
  const parts = [
    options.intervalLabel ? m.intervalNote(options.intervalLabel) : "",
    suppressed.length > 0 ? m.fewerThanShown(threshold) : "",
    options.note ?? "",
  ].filter((s) => s !== "");
  return frameChart([{ svg: plotSvg(plot), x: 0, width, height }], {
    document, title: options.title, subtitle: options.subtitle, note: parts.length > 0 ? parts.join(" ") : undefined, width, evidence: evidence.legend(),
  });
}
