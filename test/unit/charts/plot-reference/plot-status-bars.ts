/**
 * Notebook 01/02's status bars as Plot drew them up to stop 24, kept as the reference the hand-drawn
 * chart (src/analysis/charts/status-bars.ts) is compared with in plot-geometry.test.ts. Not used by
 * the app.
 */
import * as Plot from "@observablehq/plot";
import { DEFAULT_LOCALE, messages } from "../../../../src/base/locale/locale";
import { chartEvidence, ownEvidence, titleWithEvidence } from "../../../../src/analysis/charts/chart-evidence";
import {
  CHART_CLASS, CHART_FONT_SIZE, DISCREPANCY, INK, MUTED_INK, PRINTED_TICK, type LegendItem, estimateTextWidth, formatNumberNo, formatPercentNo, frameChart, orderedColors, percentTicks,
  plotSvg, textColorOn,
} from "../../../../src/analysis/charts/chart-theme";
import { PRINTED_ALL_TICK, printedTicks, statusSegments, type PrintedTick, type StatusBarModel, type StatusBarsOptions, type StatusSegment } from "../../../../src/analysis/charts/status-bars";

/** The chart: one standalone `<svg>` with title, legend and bars. */
export function plotStatusBars(models: readonly StatusBarModel[], options: StatusBarsOptions): SVGSVGElement {
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

  const plot = Plot.plot({
    document,
    width,
    height,
    marginLeft,
    marginRight,
    marginTop: 10,
    marginBottom: 30,
    style: { fontSize: `${CHART_FONT_SIZE}px` },
    x: { domain: [0, 100], label: options.xLabel ?? m.percentOfValid, labelAnchor: "center", labelArrow: "none", tickFormat: percentTicks(locale) },
    y: { domain: models.map((m) => m.label), label: null, padding: 0.25 },
    color: { domain: labels.slice(0, k), range: colors.slice(0, Math.min(k, labels.length)) },
    marks: [
      ...evidence.split(segments, ownEvidence, (subset, className) => Plot.barX(subset, {
        x1: "x1", x2: "x2", y: "model", fill: "statusLabel", stroke: "#ffffff", strokeWidth: 0.5, className,
        title: (s: StatusSegment) => titleWithEvidence(`${s.model}: ${s.statusLabel} ${pct(s.percent, 1)} (${s.count} ${m.of} ${s.total})`, s.evidence, locale, (n) => formatNumberNo(n, 1, locale), " %"),
      })),
      Plot.barX(dependent, { x1: "x1", x2: "x2", y: "model", ...evidence.hatchOptions() }),
      // Two label marks with constant fills: a fill channel would go through the colour scale.
      ...(["#ffffff", INK] as const).map((ink) =>
        Plot.text(segments.filter((s) => fits(s) && textColorOn(colors[s.status - 1] ?? "#ffffff") === ink), {
          x: (s: StatusSegment) => (s.x1 + s.x2) / 2, y: "model",
          text: (s: StatusSegment) => pct(s.percent, decimals), fill: ink,
        }),
      ),
      Plot.text(totals, { x: 100, y: "model", text: (t: { total: number }) => `N = ${t.total}`, textAnchor: "start", dx: 10, fill: MUTED_INK, className: CHART_CLASS.muted }),
      Plot.text(empty, { x: 0, y: "label", text: () => m.noAnswers, textAnchor: "start", dx: 4, fill: MUTED_INK, className: CHART_CLASS.muted }),
      Plot.tickX(ticks, {
        x: "x", y: "model", stroke: (t: PrintedTick) => (forAll ? PRINTED_ALL_TICK : t.agrees ? PRINTED_TICK : DISCREPANCY), strokeWidth: 2, inset: -3,
        title: (t: PrintedTick) => (forAll
          ? m.printedForAllTitle(pct(t.printed), pct(t.recomputed, 1))
          : m.printedTitle(pct(t.printed), pct(t.recomputed, 1))),
      }),
      // The range across the reconstructions: where the segment would end, from its start here —
      // one line per segment under the bar, staggered so neighbours' ranges stay apart. The last
      // segment ends at 100 % whatever its share (its range is in its tooltip).
      ...[...new Set(dependent.map((s) => s.status))].map((status) => Plot.ruleY(evidence.ranged(dependent.filter((s) => s.status === status && s.x2 < 100 - 1e-9), ownEvidence), {
        // Held inside 0–100 % by hand: Plot's clip paths carry a page-wide counter in their id, so the
        // same chart would not serialise the same twice.
        y: "model", x1: (s: StatusSegment) => Math.min(100, s.x1 + (s.evidence?.range?.min ?? 0)), x2: (s: StatusSegment) => Math.min(100, s.x1 + (s.evidence?.range?.max ?? 0)),
        dy: 11 + 2.5 * ((status - 1) % 3), ...evidence.whiskerOptions(),
      })),
      Plot.ruleX([0]),
    ],
  });
  const svg = plotSvg(plot);
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
