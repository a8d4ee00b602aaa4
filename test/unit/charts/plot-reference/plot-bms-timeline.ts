/**
 * Notebook 06's BMS timeline as Plot drew it up to stop 25, kept as the reference the hand-drawn
 * chart (src/analysis/crosswalk/bms-timeline.ts) is compared with in plot-geometry.test.ts. Not used
 * by the app.
 */
import * as Plot from "@observablehq/plot";
import type { Evidence } from "../../../../src/analysis/evidence/evidence";
import { ChartEvidence, titleWithEvidence } from "../../../../src/analysis/charts/chart-evidence";
import { CHART_CLASS, STATUS_COLORS, INK, CHART_FONT_SIZE, formatNumberNo, formatPercentNo, frameChart, plotSvg } from "../../../../src/analysis/charts/chart-theme";
import { yearTotal, type BmsTimeline, type BmsTimelineChartOptions, type TimelineSegment, type TimelineStage } from "../../../../src/analysis/crosswalk/bms-timeline";
import { DEFAULT_LOCALE, messages } from "../../../../src/base/locale/locale";
import { percentUnit } from "../../../../src/analysis/tables/table-dom";

/** Stacked bars per year (1999, 2004, 2014) with each bar's total above it. */
export function plotBmsTimelineChart(timeline: BmsTimeline, options: BmsTimelineChartOptions): SVGSVGElement {
  const { document } = options;
  const locale = options.locale ?? DEFAULT_LOCALE;
  const words = messages[locale];
  const unit = percentUnit(locale);
  const width = options.width ?? 560;
  const height = 260;
  const stages: TimelineStage[] = ["adopted", "introducing", "planned"];
  const years = [...new Set(timeline.segments.map((s) => s.year))].sort((a, b) => a - b);
  const totals = years.map((year) => ({ year, total: yearTotal(timeline, year) }));
  const colors = stages.map((_, i) => STATUS_COLORS[i] ?? INK);
  // Where each segment sits in its stacked bar (stages bottom-up), for the hatch and the whisker.
  const placed = years.flatMap((year) => {
    let y = 0;
    return stages.flatMap((stage) => timeline.segments.filter((s) => s.year === year && s.stage === stage).map((s) => ({ ...s, y1: y, y2: (y += s.percent) })));
  });
  const evidence = new ChartEvidence(timeline.segments, locale);
  const evidenceOf = (s: TimelineSegment): Evidence | undefined => s.evidence;
  const dependent = evidence.dependent(placed, evidenceOf);
  const plot = Plot.plot({
    document,
    width,
    height,
    marginLeft: 48,
    marginTop: 24,
    style: { fontSize: `${CHART_FONT_SIZE}px` },
    // Years are categories here; the default number format would print "1,999".
    x: { domain: years, label: null, padding: 0.35, tickFormat: (d: number) => String(d) },
    y: { domain: [0, 100], label: words.timelineAxis, labelArrow: "none", grid: true, tickFormat: (d: number) => `${d}${unit}` },
    color: { domain: stages, range: colors },
    marks: [
      ...evidence.split(placed, evidenceOf, (subset, className) => Plot.barY(subset, {
        x: "year", y1: "y1", y2: "y2", fill: "stage", className,
        title: (s: TimelineSegment) => titleWithEvidence(words.timelineTooltip(s.year, words.timelineStage(s.stage), formatPercentNo(s.percent, 1, locale), s.n ? `${s.count} ${words.of} ${s.n}` : undefined, s.source, s.lines ? `${s.lines[0]}–${s.lines[1]}` : undefined), s.evidence, locale, (n) => formatNumberNo(n, 1, locale), unit),
      })),
      Plot.barY(dependent, { x: "year", y1: "y1", y2: "y2", ...evidence.hatchOptions() }),
      // One whisker per stage beside the bar, side by side: each where its segment's top would be.
      ...stages.map((stage, i) => Plot.ruleX(evidence.ranged(dependent.filter((s) => s.stage === stage), evidenceOf), {
        x: "year", y1: (s: (typeof placed)[number]) => s.y1 + (s.evidence?.range?.min ?? 0), y2: (s: (typeof placed)[number]) => s.y1 + (s.evidence?.range?.max ?? 0), dx: 18 + 5 * i, ...evidence.whiskerOptions(),
      })),
      Plot.text(totals, { x: "year", y: "total", text: (d: { total: number }) => formatPercentNo(d.total, 0, locale), dy: -8, fill: INK, className: CHART_CLASS.ink }),
      Plot.ruleY([0]),
    ],
  });
  return frameChart([{ svg: plotSvg(plot), x: 0, width, height }], {
    document,
    title: options.title ?? words.timelineTitle,
    subtitle: options.subtitle,
    legend: stages.map((s, i) => ({ label: words.timelineStage(s), color: colors[i] ?? INK })),
    evidence: evidence.legend(),
    note: words.timelineNote(timeline.withheldBelow === undefined ? formatNumberNo(timeline.n, 0, locale) : undefined, timeline.withheldBelow),
    width,
  });
}
