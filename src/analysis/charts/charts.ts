/**
 * The survey charts as notebooks call them (`charts.statusBars(models, options)` …): one place that
 * normalises every chart's options — the host's document, a shared view's disclosure guard — so a
 * chart kind is one entry below, not a hand-wired builtin.
 *
 * The disclosure guard: in a shared view under a county or size-class filter, a bar's length gives
 * a count of 1–2 away as surely as the number would, so a chart showing such a group is withheld
 * with a note (its table shows "< 3"). Every chart kind says which counts it draws.
 */
import { DISCLOSURE_THRESHOLD } from "../../stats/disclosure";
import { correlationHeatmap, type CorrelationHeatmapOptions, type HeatmapInput } from "./correlation-heatmap";
import { divergingBars, type DivergingBarsOptions, type DivergingItem } from "./diverging-bars";
import { sizeClassRates, type SizeClassRate, type SizeClassRatesOptions } from "./size-class-rates";
import { statusBars, type StatusBarModel, type StatusBarsOptions } from "./status-bars";

/** What every chart needs from the host. */
export interface ChartContext {
  /** Creates the elements (the page's document, or linkedom's in Node). */
  document: () => Document;
  /** A shared link or an export: small counts under a county or size filter are withheld. */
  shared: boolean;
}

/** A chart's own options, as notebooks pass them: without `document` (the host's is used). */
type Own<T> = Omit<T, "document">;

/** Options as notebooks pass them: the chart's own plus the selection's disclosure flag. */
export type ChartCallOptions<P> = P & {
  /** The selection's `disclosureSensitive` (a county or size-class filter is on). */
  disclosureSensitive?: boolean;
};

/** One chart kind: how to draw it on a document and which counts its marks reveal. */
interface ChartKind<D, P> {
  draw(data: D, options: P | undefined, document: Document): SVGSVGElement;
  counts(data: D): readonly number[];
}

/** Counts behind a diverging bar, recovered from its percentages and base. */
function divergingCounts(items: readonly DivergingItem[]): number[] {
  return items.flatMap((item) => (item.n ? [...item.percents, item.dontKnow].map((pct) => Math.round((pct * (item.n ?? 0)) / 100)) : []));
}

const STATUS_BARS: ChartKind<readonly StatusBarModel[], Own<StatusBarsOptions>> = {
  draw: (models, options, document) => statusBars(models, { ...options, document }),
  counts: (models) => models.flatMap((m) => m.counts),
};
const DIVERGING_BARS: ChartKind<readonly DivergingItem[], Own<DivergingBarsOptions>> = {
  draw: (items, options, document) => divergingBars(items, { ...options, document }),
  counts: divergingCounts,
};
const CORRELATION_HEATMAP: ChartKind<HeatmapInput, Own<CorrelationHeatmapOptions>> = {
  draw: (input, options, document) => correlationHeatmap(input, { ...options, document }),
  counts: (input) => input.cells.flatMap((row) => row.map((c) => c.n)),
};
const SIZE_CLASS_RATES: ChartKind<readonly SizeClassRate[], Own<SizeClassRatesOptions>> = {
  draw: (classes, options, document) => sizeClassRates(classes, { ...options, document }),
  counts: (classes) => classes.map((c) => c.n),
};

/** The note that stands in for a withheld chart. */
function withheldNote(doc: Document): HTMLElement {
  const note = doc.createElement("p");
  note.className = "tv-notice tv-warning";
  note.textContent = `Chart withheld in this shared view: under this county or size-class filter some groups have fewer than ${DISCLOSURE_THRESHOLD} respondents, and the bar lengths would reveal them (disclosure guard). The table shows them as “< ${DISCLOSURE_THRESHOLD}”.`;
  return note;
}

/** Normalise the call and apply the guard: the one path every chart takes. */
function bind<D, P>(kind: ChartKind<D, P>, context: ChartContext): (data: D, options?: ChartCallOptions<P>) => SVGSVGElement | HTMLElement {
  return (data, options) => {
    const doc = context.document();
    if (context.shared && options?.disclosureSensitive && kind.counts(data).some((k) => k > 0 && k < DISCLOSURE_THRESHOLD)) return withheldNote(doc);
    return kind.draw(data, options, doc);
  };
}

/** The `charts` builtin over a host. */
export function createCharts(context: ChartContext) {
  return {
    statusBars: bind(STATUS_BARS, context),
    divergingBars: bind(DIVERGING_BARS, context),
    correlationHeatmap: bind(CORRELATION_HEATMAP, context),
    sizeClassRates: bind(SIZE_CLASS_RATES, context),
  };
}
