/**
 * The survey charts as notebooks call them (`charts.statusBars(models, options)` …): one place that
 * normalises every chart's input and options — a statistic's result or a printed comparison is
 * turned into the chart's own shape here, the host's document is supplied, a shared view's
 * disclosure guard applied — so a chart kind is one entry below, not a hand-wired builtin and not a
 * conversion copied into every notebook cell.
 *
 * The disclosure guard: in a shared view, when the rows were selected by county or size class (or
 * the chart breaks down by one of them), a bar's length gives a count of 1–2 away as surely as the
 * number would, so a chart showing such a group is withheld with a note (its table shows "< 3").
 * Every chart kind says which counts it draws.
 *
 * What each plotted figure rests on (issue 10) is put on the chart's data here too, from the
 * evidence the comparison or the kernel's result carries (evidence/): printed, determined,
 * reconstruction-dependent with its range, or "your data". The charts draw it alike
 * (chart-evidence.ts). A chart withheld by the guard draws nothing, and a heatmap pair the guard
 * masks loses its evidence with its r (maskSmallPairs), so no range of a masked count shows either; data passed as plain arrays has no evidence and gets no marks.
 */
import { codebookKey, DEFAULT_LOCALE, messages, type Locale } from "../../base/locale/locale";
import { DISCLOSURE_THRESHOLD, DISCLOSURE_VARIABLES } from "../../stats/disclosure";
import type { Crosstab, CrosstabOptions } from "../../stats/crosstab";
import type { CorrelationMatrix } from "../../stats/correlation-matrix";
import type { StatsData } from "../../stats/kernel-input";
import type { SizeClassComparison } from "../../stats/size-class";
import { ratePercents } from "../../stats/size-class";
import type { Evidence } from "../evidence/evidence";
import { evidenceOfPart } from "../evidence/result-evidence";
import { drawingKeep } from "../kept-drawings";
import { isPrintedComparison, type PrintedComparison } from "../printed-comparison";
import { scaledEvidence } from "./chart-evidence";
import { CROSSTAB, isSizeClassComparison, resultInput } from "../result-input";
import { OptionReader } from "../tables/table-options";
import { correlationHeatmap, maskSmallPairs, type CorrelationHeatmapOptions, type HeatmapInput } from "./correlation-heatmap";
import { divergingBars, type DivergingBarsOptions, type DivergingItem } from "./diverging-bars";
import { sizeClassRates, type SizeClassRate, type SizeClassRatesOptions } from "./size-class-rates";
import { statusBars, type StatusBarModel, type StatusBarsOptions } from "./status-bars";

/** What every chart needs from the host. */
export interface ChartContext {
  /** Creates the elements (the page's document, or linkedom's in Node). */
  document: () => Document;
  /** A shared link or an export: small counts under a county or size filter are withheld. */
  shared: boolean;
  /** The language of axis labels, legends and numbers (default "nb"). */
  locale?: Locale;
}

/** A chart's own options, as notebooks pass them: without `document` (the host's is used). */
type Own<T> = Omit<T, "document">;

/** Options as notebooks pass them: the chart's own plus the selection's disclosure flag. */
export type ChartCallOptions<P> = P & {
  /**
   * The selection's `disclosureSensitive` (a county or size-class filter is on). Given a printed
   * comparison or a statistic's result, the chart reads it from there when this is left out.
   */
  disclosureSensitive?: boolean;
};

/** One chart kind: how its input becomes the chart's data, how to draw it, which counts its marks reveal. */
interface ChartKind<In, D, P> {
  /** The kind's name (a kept drawing is kept per kind: kept-drawings.ts). */
  name: string;
  /** The chart's data from what notebooks pass (a result, a comparison, or the data itself). */
  data(input: In, options: P | undefined, locale: Locale): { data: D; options: P | undefined; sensitive?: boolean };
  draw(data: D, options: P | undefined, document: Document, locale: Locale): SVGSVGElement;
  counts(data: D): readonly number[];
  /**
   * A chart that can hide its own small counts (the heatmap's n per pair) instead of being withheld:
   * its data with every count under `threshold` masked.
   */
  mask?(data: D, threshold: number): D;
}

/** Counts behind a diverging bar, recovered from its percentages and base. */
function divergingCounts(items: readonly DivergingItem[]): number[] {
  return items.flatMap((item) => (item.n ? [...item.percents, item.dontKnow].map((pct) => Math.round((pct * (item.n ?? 0)) / 100)) : []));
}

/** The figure at `path` of a result (or of a field of one) when it was computed on a selection. */
function evidenceIn(value: unknown): ((path: string) => Evidence) | undefined {
  const found = evidenceOfPart(value);
  return found && ((path) => found.evidence.figures.evidence(`${found.prefix}${path}`));
}

/**
 * A printed comparison's rows as status bars: the recomputed counts with the printed percentages as
 * ticks, each segment with its percentage's evidence — when the bar's share (count over the row's
 * counts) is the comparison's percentage; on another base the bar draws a figure nobody classified.
 */
function comparisonModels(cmp: PrintedComparison): StatusBarModel[] {
  return cmp.rows.map((row) => {
    const sum = row.cells.reduce((a, c) => a + c.count, 0);
    const evidence = row.cells.map((c) => (sum > 0 && c.percent !== null && Math.abs(c.percent - (100 * c.count) / sum) < 1e-9 ? c.evidence?.percent : undefined));
    return { label: row.label, counts: row.cells.map((c) => c.count), printedPercent: row.cells.map((c) => c.printedPercent), ...(evidence.some((e) => e) ? { evidence } : {}) };
  });
}

/** The four-point scale codes of a diverging bar, and "vet ikke"/"uaktuelt". */
const SCALE_CODES = [1, 2, 3, 4];
const DONT_KNOW_CODE = 9;

/** A printed comparison's rows as diverging items: recomputed percentages of codes 1–4, "vet ikke" (9) apart. */
function comparisonItems(cmp: PrintedComparison): DivergingItem[] {
  const percent = (row: PrintedComparison["rows"][number], code: number): number => row.cells.find((c) => c.code === code)?.percent ?? 0;
  const evidence = (row: PrintedComparison["rows"][number], code: number): Evidence | undefined => row.cells.find((c) => c.code === code)?.evidence?.percent;
  return cmp.rows.map((row) => {
    const percents = SCALE_CODES.map((code) => evidence(row, code));
    const dontKnow = evidence(row, DONT_KNOW_CODE);
    const marked = percents.some((e) => e) || dontKnow ? { evidence: { percents, ...(dontKnow ? { dontKnow } : {}) } } : {};
    return { label: row.label, percents: SCALE_CODES.map((code) => percent(row, code)), dontKnow: percent(row, DONT_KNOW_CODE), n: row.total, ...marked };
  });
}

/** A crosstab's rows as stacked bars of row percentages, the columns' labels naming the segments. */
function crosstabModels(ct: Crosstab): StatusBarModel[] {
  const of = evidenceIn(ct);
  return ct.rows.map((row, i) => ({
    label: row.label, counts: (ct.cells[i] ?? []).map((c) => c.count),
    ...(of ? { evidence: (ct.cells[i] ?? []).map((_, j) => of(`cells.${i}.${j}.rowPercent`)) } : {}),
  }));
}

/** A heatmap's pairs with the evidence of each r (a matrix, or an object holding a matrix's `cells`). */
function heatmapWithEvidence(input: HeatmapCallInput): HeatmapInput {
  const whole = evidenceIn(input);
  const of = whole ? (path: string) => whole(`cells.${path}`) : evidenceIn(input.cells);
  if (!of) return input;
  return { ...input, cells: input.cells.map((row, a) => row.map((c, b) => ({ ...c, evidence: of(`${a}.${b}.r`) }))) };
}

type StatusBarsInput = readonly StatusBarModel[] | PrintedComparison;
const STATUS_BARS: ChartKind<StatusBarsInput, readonly StatusBarModel[], Own<StatusBarsOptions>> = {
  name: "statusBars",
  // Under a filter the printed figures count all respondents, not the bars' (printedBase "all").
  data: (input, options) => (isPrintedComparison(input) ? { data: comparisonModels(input), options: { printedBase: input.filtered ? "all" : "same", ...options }, sensitive: input.disclosureSensitive } : { data: input, options }),
  draw: (models, options, document, locale) => statusBars(models, { ...options, document, locale }),
  counts: (models) => models.flatMap((m) => m.counts),
};

type DivergingInput = readonly DivergingItem[] | PrintedComparison;
const DIVERGING_BARS: ChartKind<DivergingInput, readonly DivergingItem[], Own<DivergingBarsOptions>> = {
  name: "divergingBars",
  data: (input, options) => (isPrintedComparison(input) ? { data: comparisonItems(input), options, sensitive: input.disclosureSensitive } : { data: input, options }),
  draw: (items, options, document, locale) => divergingBars(items, { ...options, document, locale }),
  counts: divergingCounts,
};

type HeatmapCallInput = HeatmapInput | CorrelationMatrix;
const CORRELATION_HEATMAP: ChartKind<HeatmapCallInput, HeatmapInput, Own<CorrelationHeatmapOptions>> = {
  name: "correlationHeatmap",
  // Cells taken out of a matrix (notebook 03 relabels them) no longer say whether the selection was
  // filtered: a shared view then masks their small n as if it were.
  data: (input, options) => ({ data: heatmapWithEvidence(input), options, sensitive: "audit" in input ? input.audit.disclosureSensitive : true }),
  draw: (input, options, document, locale) => correlationHeatmap(input, { ...options, document, locale }),
  counts: (input) => input.cells.flatMap((row) => row.map((c) => c.n)),
  mask: maskSmallPairs,
};

/** A size-class chart's data: its classes, and the successes behind each rate (for the guard). */
interface SizeClassData {
  classes: readonly SizeClassRate[];
  successes: readonly number[];
}

type SizeClassInput = readonly SizeClassRate[] | SizeClassComparison;
const SIZE_CLASS_RATES: ChartKind<SizeClassInput, SizeClassData, Own<SizeClassRatesOptions>> = {
  name: "sizeClassRates",
  data: (input, options, locale) => {
    if (!isSizeClassComparison(input)) return { data: { classes: input, successes: [] }, options };
    const overall = input.overall.estimate === null ? null : (input.kind === "rate" ? 100 : 1) * input.overall.estimate;
    const defaults: Own<SizeClassRatesOptions> = { overall, ...(input.kind === "rate" ? { intervalLabel: messages[locale].wilsonInterval(Math.round(input.level * 100)) } : {}) };
    // The chart breaks down by size class: disclosive in a shared view whatever the filter.
    const of = evidenceIn(input);
    const scale = input.kind === "rate" ? 100 : 1;
    const classes = ratePercents(input).map((c, i) => {
      const evidence = of && scaledEvidence(of(`rows.${i}.estimate`), scale);
      return evidence ? { ...c, evidence } : c;
    });
    return { data: { classes, successes: input.rows.map((r) => r.successes ?? 0) }, options: { ...defaults, ...options }, sensitive: true };
  },
  draw: (data, options, document, locale) => sizeClassRates(data.classes, { ...options, document, locale }),
  counts: (data) => [...data.classes.map((c) => c.n), ...data.successes],
};

/** A crosstab with the bars it draws (the evidence of each row percentage read from the result). */
interface CrosstabBars {
  crosstab: Crosstab;
  models: readonly StatusBarModel[];
}

const CROSSTAB_BARS: ChartKind<Crosstab, CrosstabBars, Own<StatusBarsOptions>> = {
  name: "crosstab",
  data: (ct, options, locale) => ({
    data: { crosstab: ct, models: crosstabModels(ct) },
    options: {
      ...options,
      statusLabels: options?.statusLabels ?? ct.columns.map((c) => c.label),
      xLabel: options?.xLabel ?? messages[locale].percentOfRow,
      title: options?.title ?? `${ct.rowLabel} × ${ct.columnLabel}`,
      note: options?.note ?? ct.audit.test ?? undefined,
    },
    sensitive: ct.audit.disclosureSensitive || [ct.rowVariable, ct.columnVariable].some((v) => DISCLOSURE_VARIABLES.includes(v)),
  }),
  draw: (bars, options, document, locale) => statusBars(bars.models, { ...options, document, locale }),
  counts: (bars) => bars.crosstab.cells.flat().map((c) => c.count),
};

/** The note that stands in for a withheld chart. */
function withheldNote(doc: Document, locale: Locale): HTMLElement {
  const note = doc.createElement("p");
  note.className = "tv-notice tv-warning";
  note.textContent = messages[locale].chartWithheld(DISCLOSURE_THRESHOLD);
  return note;
}

/**
 * Charts drawn again for the same data, options and language are copies of the first drawing
 * (kept-drawings.ts): a filter change back to a filter shown before redraws nothing.
 */
const keptChart = drawingKeep<SVGSVGElement>();

/** Normalise the call and apply the guard: the one path every chart takes. */
function bind<In, D, P>(kind: ChartKind<In, D, P>, context: ChartContext): (input: In, options?: ChartCallOptions<P>) => SVGSVGElement | HTMLElement {
  const locale = context.locale ?? DEFAULT_LOCALE;
  return (input, options) => {
    const doc = context.document();
    const { data, options: drawn, sensitive } = kind.data(input, options, locale);
    const guarded = context.shared && (options?.disclosureSensitive ?? sensitive ?? false);
    const shown = guarded && kind.mask ? kind.mask(data, DISCLOSURE_THRESHOLD) : data;
    if (guarded && kind.counts(shown).some((k) => k > 0 && k < DISCLOSURE_THRESHOLD)) return withheldNote(doc, locale);
    return keptChart(doc, [kind.name, shown, drawn, locale], () => kind.draw(shown, drawn, doc, locale));
  };
}

/** Options of `charts.crosstab`: the bars' options, plus `stats.crosstab`'s when given data. */
export type CrosstabChartOptions = ChartCallOptions<Pick<StatusBarsOptions, "title" | "subtitle" | "note" | "xLabel" | "width" | "decimals">> & Pick<CrosstabOptions, "weight" | "allCodes" | "missing" | "where">;

/** The `charts` builtin. */
export interface ChartsBuiltin {
  /**
   * Stacked bars of the status codes per model (percent of valid answers, N at the end); given a
   * printed comparison (`comparePrinted(selection, "2.1")`), the printed percentages are drawn as ticks.
   * @example charts.statusBars(comparePrinted(selection, "2.1"), {mode: "printed-vs-recomputed", title: "Innføring av de seks modellene"})
   */
  statusBars(input: StatusBarsInput, options?: ChartCallOptions<Own<StatusBarsOptions>>): SVGSVGElement | HTMLElement;
  /**
   * Diverging bars for four-point scales ("I stor grad … I liten grad"), "vet ikke" in a panel of its
   * own; takes items or a printed comparison (`comparePrinted(selection, "2.5")`).
   * @example charts.divergingBars(comparePrinted(selection, "2.5"), {scaleLabels: ["I stor grad", "I nokså stor grad", "I nokså liten grad", "I liten grad"], dontKnowLabel: "Uaktuelt/vet ikke"})
   */
  divergingBars(input: DivergingInput, options?: ChartCallOptions<Own<DivergingBarsOptions>>): SVGSVGElement | HTMLElement;
  /**
   * A correlation heatmap coloured by r, the r and its mark in each cell; takes `stats.correlationMatrix`'s result as is.
   * @example charts.correlationHeatmap(stats.correlationMatrix(selection, ["q30_5", "q6", "q11", "q23"]), {triangle: "lower"})
   */
  correlationHeatmap(input: HeatmapCallInput, options?: ChartCallOptions<Own<CorrelationHeatmapOptions>>): SVGSVGElement | HTMLElement;
  /**
   * Rates by size class with their intervals and the overall rate; takes `stats.sizeClassRates`'s result as is.
   * @example charts.sizeClassRates(stats.sizeClassRates(selection, "q20", [1]), {title: "Balansert målstyring innført"})
   */
  sizeClassRates(input: SizeClassInput, options?: ChartCallOptions<Own<SizeClassRatesOptions>>): SVGSVGElement | HTMLElement;
  /**
   * A crosstab as stacked bars of row percentages, one bar per row category; takes the crosstab or the data.
   * @example charts.crosstab(selection, "size_class", "q20")
   */
  crosstab(data: StatsData, rowVariable: string, columnVariable: string, options?: CrosstabChartOptions): SVGSVGElement | HTMLElement;
  crosstab(result: Crosstab, options?: CrosstabChartOptions): SVGSVGElement | HTMLElement;
}

/** The `charts` builtin over a host. */
export function createCharts(context: ChartContext): ChartsBuiltin {
  const crosstabBars = bind(CROSSTAB_BARS, context);
  return {
    statusBars: bind(STATUS_BARS, context),
    divergingBars: bind(DIVERGING_BARS, context),
    correlationHeatmap: bind(CORRELATION_HEATMAP, context),
    sizeClassRates: bind(SIZE_CLASS_RATES, context),
    crosstab(...args: unknown[]) {
      const input = resultInput("charts.crosstab", args, CROSSTAB);
      const o = new OptionReader("charts.crosstab", input.options);
      const own: ChartCallOptions<Own<StatusBarsOptions>> = {
        title: o.string("title"), subtitle: o.string("subtitle"), note: o.string("note"), xLabel: o.string("xLabel"),
        width: o.maybeInteger("width", 200, 4000), decimals: o.maybeInteger("decimals", 0, 3), disclosureSensitive: o.maybeBoolean("disclosureSensitive"),
      };
      const kernel = o.passOn(["weight", "allCodes", "missing", "where"]);
      o.done();
      return crosstabBars(input.result(kernel, codebookKey(context.locale ?? DEFAULT_LOCALE)), own);
    },
  };
}
