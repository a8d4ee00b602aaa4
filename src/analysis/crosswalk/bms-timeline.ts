/**
 * BMS diffusion over fifteen years: the 1999 survey's status shares (adopted / being introduced /
 * planned, from q20 under the current filter) beside the national figures the thesis cites from
 * Fallan et al. (2015): 26 % using BMS in 2004, 56 % in 2014, and 65 % using or planning in 2014.
 *
 * The later figures are about kommuner, so the 1999 shares are by default taken among kommuner
 * (resp_type = 1); fylkeskommuner would otherwise mix into the same bar.
 */
import { classifyFigure, type Evidence } from "../evidence/evidence";
import { ChartEvidence, titleWithEvidence } from "../charts/chart-evidence";
import type { Codebook } from "../../data/codebook";
import type { ThesisData } from "../../data/thesis";
import * as stats from "../../stats/index";
import type { FilterCondition, Interval } from "../../stats/index";
import { CHART_CLASS, STATUS_COLORS, INK, formatNumberNo, formatPercentNo, frameChart } from "../charts/chart-theme";
import { type Box, bandScale, boxesPath, group, label, linearScale, linearTicks, panel, pixelOffset, segmentsPath, svgNode, tickCountFor, titled, xAxis, yAxis } from "../charts/svg-parts";
import { toSource, type CrosswalkData } from "./crosswalk-counts";
import { thesisNumber } from "./crosswalk-thesis";
import { DEFAULT_LOCALE, messages, type Locale } from "../../base/locale/locale";
import { percentUnit } from "../tables/table-dom";

/** The stages stacked in each year's bar. */
export type TimelineStage = "adopted" | "introducing" | "planned";

/** One stacked segment: a stage's share of municipalities in one year. */
export interface TimelineSegment {
  year: number;
  stage: TimelineStage;
  /** Percent 0–100. */
  percent: number;
  /** 1999 only: count, base and 95 % Wilson interval in percent. */
  count?: number;
  n?: number;
  interval?: Interval;
  /** Where the figure comes from, in the timeline's language: "undersøkelsen 1999, q20" or the thesis citation. */
  source: string;
  /** The thesis's words and seed lines (later figures). */
  quote?: string;
  lines?: [number, number];
  /** 1999 only: what the share rests on over the ensemble (bmsTimelineOnDraws). */
  evidence?: Evidence;
}

export interface BmsTimeline {
  segments: TimelineSegment[];
  /** 1999 base (valid q20 under the filter). */
  n: number;
  audit: string;
  notes: string[];
  /** The filter makes its small counts disclosive (a county or size class is chosen). */
  disclosureSensitive?: boolean;
  /** The 1999 bar was left out (a shared view): one of its counts is under this. */
  withheldBelow?: number;
}

/**
 * The timeline as a shared view may show it: when any 1999 count (the base or a stage) is 1 to
 * `threshold − 1`, the 1999 bar is left out — its percentages would give the counts away — and the
 * thesis's published figures stay.
 */
export function maskTimeline(timeline: BmsTimeline, threshold: number): BmsTimeline {
  const counts = [timeline.n, ...timeline.segments.filter((s) => s.year === 1999).map((s) => s.count ?? 0)];
  if (!counts.some((k) => k > 0 && k < threshold)) return timeline;
  return { ...timeline, segments: timeline.segments.filter((s) => s.year !== 1999), n: 0, withheldBelow: threshold };
}

export interface BmsTimelineOptions {
  codebook?: Codebook;
  /** Restrict the 1999 base to kommuner (default true), as the later figures are. */
  kommunerOnly?: boolean;
  /** The language of the figures' sources, shown in the bars' tooltips (default norsk). */
  locale?: Locale;
}

const STATUS_STAGE: [number, TimelineStage][] = [[1, "adopted"], [2, "introducing"], [3, "planned"]];

/** The timeline's data: 1999 from `data` (the filtered respondents), 2004 and 2014 from `thesis`. */
export function bmsTimeline(data: CrosswalkData, thesis: ThesisData, options: BmsTimelineOptions = {}): BmsTimeline {
  const source = toSource(data);
  const words = messages[options.locale ?? DEFAULT_LOCALE];
  const where: FilterCondition[] = options.kommunerOnly === false ? [] : [{ variable: "resp_type", codes: [1], label: "kommuner (resp_type = 1)" }];
  const freq = stats.frequencies(source, "q20", { codebook: options.codebook, where, language: "en" });
  const count = (code: number): number => freq.valid.find((r) => r.code === code)?.count ?? 0;
  const n = [1, 2, 3, 4].reduce((s, c) => s + count(c), 0);
  const segments: TimelineSegment[] = [];
  const notes: string[] = [];
  if (n > 0) {
    for (const [code, stage] of STATUS_STAGE) {
      const x = count(code);
      const ci = stats.wilsonInterval(x, n);
      segments.push({ year: 1999, stage, percent: (100 * x) / n, count: x, n, ...(ci ? { interval: { low: 100 * ci.low, high: 100 * ci.high } } : {}), source: words.timelineSurveySource });
    }
  } else {
    notes.push("No valid q20 answers under this filter: the 1999 bar is empty.");
  }
  const later = (id: string, stage: TimelineStage, minus?: string): void => {
    const num = thesisNumber(thesis, id);
    if (!num) {
      notes.push(`thesis.json has no number "${id}"; regenerate it with scripts/data/thesis-source.ts.`);
      return;
    }
    const base = minus ? (thesisNumber(thesis, minus)?.value ?? 0) : 0;
    segments.push({ year: num.year ?? 2014, stage, percent: num.value - base, source: words.timelineCitedSource(num.source), quote: num.cited.quote, lines: num.cited.lines });
  };
  later("bms-2004", "adopted");
  later("bms-2014", "adopted");
  // "65 % using or planning": the planning part is what 65 % adds to the 56 % already using.
  later("bms-using-or-planning", "planned", "bms-2014");
  const audit = freq.audit.line;
  return { segments, n, audit, notes };
}

/**
 * The timeline with each 1999 share classified over the reconstructions: `draws` are the same
 * filter on every draw ([the shown one, draw 1, …]), or undefined on the user's own file ("your data").
 */
export function bmsTimelineOnDraws(data: CrosswalkData, draws: readonly CrosswalkData[] | undefined, thesis: ThesisData, options: BmsTimelineOptions = {}): BmsTimeline {
  const shown = bmsTimeline(data, thesis, options);
  const others = draws?.slice(1).map((d) => bmsTimeline(d, thesis, options));
  const share = (t: BmsTimeline, stage: TimelineStage): number | null => t.segments.find((s) => s.year === 1999 && s.stage === stage)?.percent ?? null;
  return {
    ...shown,
    segments: shown.segments.map((s) => (s.year === 1999 ? { ...s, evidence: classifyFigure(others && [s.percent, ...others.map((t) => share(t, s.stage))]) } : s)),
  };
}

/** Total percent of a year's bar. */
export function yearTotal(timeline: BmsTimeline, year: number): number {
  return timeline.segments.filter((s) => s.year === year).reduce((sum, s) => sum + s.percent, 0);
}

export interface BmsTimelineChartOptions {
  document: Document;
  width?: number;
  title?: string;
  /** E.g. the filter summary, "N = 46 of 267 (size class 4, 5, 6)". */
  subtitle?: string;
  /** The language of the axis, legend, title, note and numbers (default norsk). */
  locale?: Locale;
}

/** Stacked bars per year (1999, 2004, 2014) with each bar's total above it (drawn by hand: charts/svg-parts.ts says why). */
export function bmsTimelineChart(timeline: BmsTimeline, options: BmsTimelineChartOptions): SVGSVGElement {
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

  // Plot's margins of this chart (left 48, top 24, its default right 20 and bottom 30); years are
  // categories here, printed as they are ("1999", not "1,999").
  const left = 48;
  const right = width - 20;
  const top = 24;
  const bottom = height - 30;
  const keys = years.map(String);
  const band = bandScale(keys, [left, right], 0.35);
  const y = linearScale([0, 100], [bottom, top]);
  // Lines, ticks and texts are nudged as Plot nudges them (bars are not): svg-parts.ts, pixelOffset.
  const o = pixelOffset(document);
  const mid = (year: number): number => band.at(String(year)) + band.bandwidth / 2;
  const box = (s: (typeof placed)[number]): Box => {
    const [a, b] = [y(s.y1), y(s.y2)];
    return { x: band.at(String(s.year)), y: Math.min(a, b), width: band.bandwidth, height: Math.abs(a - b) };
  };
  const colorOf = (stage: TimelineStage): string => colors[stages.indexOf(stage)] ?? INK;
  const whisker = evidence.whiskerOptions();
  const hatch = evidence.hatchOptions();
  // One whisker per stage beside the bar, side by side: each where its segment's top would be.
  const whiskers = stages.flatMap((stage, i) => evidence.ranged(dependent.filter((s) => s.stage === stage), evidenceOf)
    .map((s) => ({ x: mid(s.year) + 18 + 5 * i + o, y1: y(s.y1 + (s.evidence?.range?.min ?? 0)), y2: y(s.y1 + (s.evidence?.range?.max ?? 0)) })));

  const svg = panel(document, [
    ...yAxis(document, { y, ticks: linearTicks(0, 100, tickCountFor([bottom, top], 35)), format: (d) => `${d}${unit}`, x: left, gridTo: right, label: words.timelineAxis, offset: o }),
    ...xAxis(document, { x: (key: string) => band.at(key) + band.bandwidth / 2, ticks: keys, format: (key) => key, y: bottom, labelX: 0, numeric: false, offset: o }),
    ...evidence.split(placed, evidenceOf, (subset, className) => group(document, { "aria-label": "bar", class: className },
      subset.map((s) => titled(document, "rect", { ...box(s), fill: colorOf(s.stage) },
        titleWithEvidence(words.timelineTooltip(s.year, words.timelineStage(s.stage), formatPercentNo(s.percent, 1, locale), s.n ? `${s.count} ${words.of} ${s.n}` : undefined, s.source, s.lines ? `${s.lines[0]}–${s.lines[1]}` : undefined), s.evidence, locale, (n) => formatNumberNo(n, 1, locale), unit))))),
    ...(dependent.length > 0 ? [svgNode(document, "path", { "aria-label": "bar", class: hatch.className, fill: hatch.fill, "pointer-events": hatch.pointerEvents, d: boxesPath(dependent.map(box)) })] : []),
    ...(whiskers.length > 0 ? [svgNode(document, "path", { "aria-label": "rule", class: whisker.className, fill: "none", stroke: whisker.stroke, "stroke-width": whisker.strokeWidth, d: segmentsPath(whiskers) })] : []),
    group(document, { "aria-label": "text", fill: INK, class: CHART_CLASS.ink }, totals.map((t) => label(document, formatPercentNo(t.total, 0, locale), mid(t.year) + o, y(t.total) - 8 + o))),
    svgNode(document, "line", { "aria-label": "rule", stroke: "currentColor", x1: left, x2: right, y1: bottom + o, y2: bottom + o }),
  ]);
  return frameChart([{ svg, x: 0, width, height }], {
    document,
    title: options.title ?? words.timelineTitle,
    subtitle: options.subtitle,
    legend: stages.map((s, i) => ({ label: words.timelineStage(s), color: colors[i] ?? INK })),
    evidence: evidence.legend(),
    note: words.timelineNote(timeline.withheldBelow === undefined ? formatNumberNo(timeline.n, 0, locale) : undefined, timeline.withheldBelow),
    width,
  });
}
