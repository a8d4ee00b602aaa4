/**
 * The names the thesis-crosswalk notebook (notebooks/06-thesis-crosswalk.html) gets in scope next
 * to the survey builtins:
 *
 * - `thesis` — Promise<ThesisData>: data/thesis-2016/thesis.json, validated;
 * - `crosswalk` — the spec, `evaluate(selection, thesis)`, `table(evaluation)`, `timeline(selection,
 *   thesis)`, `timelineChart(timeline)`, `caseCards(thesis, filter)`, `diff(survey, a, b, thesis)`,
 *   `diffTable(diffs)` and the thesis's own split `SMALL_VS_LARGE`.
 *
 * `selection` is what `applyFilter(survey, filter)` returns (or the survey itself), so every result
 * is computed on the filtered respondents and its audit line names the filter; `evaluate` and
 * `diff` also evaluate the same filter on every reconstruction of the ensemble
 * (`selection.draws()`), and on a user's own file mark their verdicts "your data".
 */
import { EMPTY_FILTER, isDisclosureSensitive, type SurveyFilter } from "../../data/survey-filter";
import { DISCLOSURE_THRESHOLD } from "../../stats/disclosure";
import { parseThesis, type ThesisData } from "../../data/thesis";
import { THESIS_PATH } from "../../data/bundled-survey";
import { builtinError, describeValue } from "../../base/builtin-problem";
import { DEFAULT_LOCALE } from "../../base/locale/locale";
import { ProblemError } from "../../base/result";
import { filterView, type ColumnSource } from "../../stats/index";
import { isSelection, isSurvey, requireDocument, type AnalysisHost } from "../builtins";
import { bmsTimelineChart, bmsTimelineOnDraws, maskTimeline, type BmsTimeline } from "./bms-timeline";
import { caseCards, casesForFilter } from "./case-cards";
import { judgeDraws, measureDraws, type CrosswalkEvaluation } from "./evaluate-crosswalk";
import { COUNTY_MEASUREMENTS, evaluatedTheses, filterKey, FRAME_MEASUREMENTS, thesisKey, type MeasuredDraws } from "./measured-draws-cache";
import { diffCrosswalk, smallVsLarge, SMALL_VS_LARGE, type ComparisonDiff, type DiffSide, type FilterState } from "./crosswalk-diff";
import { applyFilter } from "../apply-filter";
import { CROSSWALK } from "./crosswalk-spec";
import { localizedCrosswalk } from "./localized-crosswalk";
import { renderCrosswalkTable, renderDiffTable } from "./crosswalk-table";
import { WHAT_IF_WAITS_FOR, WhatIfAhead } from "./what-if-ahead";
import type { Survey, SurveyHost } from "../survey";
import type { FilteredSurvey } from "../apply-filter";

/** Where the thesis findings are, relative to the app (browser) or repository (Node) root. */
export { THESIS_PATH } from "../../data/bundled-survey";

/** What the crosswalk builtins need from the host: the thesis file and a document. */
export type CrosswalkHost = SurveyHost & AnalysisHost;

/** A selection (or a whole survey) as the crosswalk reads it: source, survey, filter, and the same on every reconstruction. */
interface Target {
  source: ColumnSource;
  survey: Survey;
  filter: SurveyFilter | null;
  /** The same selection on every reconstruction, made when asked (undefined for a user's own file): measurements kept need none. */
  draws: () => readonly ColumnSource[] | undefined;
}

function targetOf(value: unknown, call: string): Target {
  if (isSelection(value)) return { source: value.view, survey: value.survey, filter: value.filter, draws: () => value.draws()?.map((d) => d.view) };
  if (isSurvey(value)) return { source: value.table, survey: value, filter: null, draws: () => value.draws?.map((d) => d.table) };
  throw builtinError(call, "bad-argument", `the first argument is \`selection\` (or \`survey\`), but it got ${describeValue(value)}.`);
}

/** The thesis crosswalk in scope as `crosswalk`. */
export interface CrosswalkBuiltin {
  /**
   * The comparisons: each thesis finding with the survey measure it is set against and the rule, worded in the app's language.
   * @example crosswalk.spec.map((c) => c.id)
   */
  readonly spec: typeof CROSSWALK;
  /**
   * The thesis's own split as two filter states: small municipalities (A, D: size class 1–3) and large (B, C: 4–6), labelled in the app's language.
   * @example crosswalk.SMALL_VS_LARGE
   */
  readonly SMALL_VS_LARGE: typeof SMALL_VS_LARGE;
  /**
   * Every thesis finding against the survey under the current selection, with a verdict (agrees,
   * contrasts, open, not comparable) by the comparison's stated rule, judged on all 50
   * reconstructions: a verdict stands only when 48 of them give it, otherwise it "depends on the
   * reconstruction (k of 50)". Each row has its threshold and why, its test and an audit line.
   * @example crosswalk.evaluate(selection, thesis)
   */
  evaluate(selection: Survey | FilteredSurvey, thesis: ThesisData): CrosswalkEvaluation;
  /**
   * An evaluation as a table: finding, quote, survey measure, figure, verdict.
   * @example crosswalk.table(crosswalk.evaluate(selection, thesis))
   */
  table(evaluation: CrosswalkEvaluation, caption?: string): HTMLElement;
  /**
   * Balanced scorecard (q20) in 1999 beside the national figures the thesis cites for 2004 and 2014.
   * @example crosswalk.timeline(selection, thesis)
   */
  timeline(selection: Survey | FilteredSurvey, thesis: ThesisData): BmsTimeline;
  /**
   * The timeline as a chart.
   * @example crosswalk.timelineChart(crosswalk.timeline(selection, thesis), selection.summary)
   */
  timelineChart(timeline: BmsTimeline, subtitle?: string): SVGSVGElement;
  /**
   * The thesis's four cases as cards, those matching the filter highlighted.
   * @example crosswalk.caseCards(thesis, filter)
   */
  caseCards(thesis: ThesisData, filter?: SurveyFilter): HTMLElement;
  /**
   * The thesis cases a filter matches (by size class and type).
   * @example crosswalk.casesForFilter(thesis, {fylke: [], sizeClass: [1, 2, 3], respType: [], adopted: []})
   */
  casesForFilter: typeof casesForFilter;
  /**
   * The comparisons under two filter states side by side (what-if), with the test of their difference.
   * @example crosswalk.diff(survey, crosswalk.SMALL_VS_LARGE[0], crosswalk.SMALL_VS_LARGE[1], thesis)
   */
  diff(survey: Survey | FilteredSurvey, a: FilterState, b: FilterState, thesis: ThesisData): ComparisonDiff[];
  /**
   * A what-if comparison as a table.
   * @example crosswalk.diffTable(crosswalk.diff(survey, crosswalk.SMALL_VS_LARGE[0], crosswalk.SMALL_VS_LARGE[1], thesis))
   */
  diffTable(diffs: readonly ComparisonDiff[]): HTMLElement;
}

/** The crosswalk's names. */
export interface CrosswalkBuiltins {
  /**
   * The thesis and crosswalk tools: `crosswalk.evaluate(selection, thesis)` sets every finding of the
   * 2016 thesis against the survey.
   * @example crosswalk.evaluate(selection, thesis)
   */
  crosswalk: CrosswalkBuiltin;
  /**
   * The 2016 thesis (data/thesis-2016/thesis.json, validated): its four cases, the numbers it
   * reports with their quotes and line numbers, its comparative tables and literature.
   * @example thesis.cases.map((c) => c.id)
   */
  readonly thesis: Promise<ThesisData>;
}

/** Read and validate thesis.json through `host`. */
export async function loadThesis(host: SurveyHost): Promise<ThesisData> {
  let text: string;
  try {
    text = await host.readText(THESIS_PATH);
  } catch (e) {
    throw new ProblemError({ kind: "survey-file", message: `${THESIS_PATH} could not be read (${e instanceof Error ? e.message : String(e)}). Fix: regenerate it with \`npm run data:build\`, and serve the app with its data/ folder.` }, { cause: e });
  }
  return parseThesis(JSON.parse(text));
}

/** Build the crosswalk names for a runtime over `host`. thesis.json is read once, on first use. */
export function createCrosswalkBuiltins(host: CrosswalkHost): CrosswalkBuiltins {
  let loaded: Promise<ThesisData> | undefined;
  const thesis = (): Promise<ThesisData> => {
    if (!loaded) {
      loaded = loadThesis(host);
      loaded.catch(() => undefined);
    }
    return loaded;
  };
  const doc = (what: string): Document => requireDocument(host, what);
  const locale = host.locale ?? DEFAULT_LOCALE;
  // Measured with the spec (the words do not enter a measurement, so one store serves both
  // languages), judged and drawn with the comparisons worded in the language.
  const spec = localizedCrosswalk(locale);
  // One store per realm, not per runtime: a spare frame measures ahead into it (warm-crosswalk.ts).
  const cache = FRAME_MEASUREMENTS;
  // A shared view (a shared link or an export) masks the counts of a county or size-class selection.
  const shared = host.view === "shared";
  const sensitive = (filter: SurveyFilter | null): boolean => filter !== null && isDisclosureSensitive(filter);
  const optionsFor = (t: Target, data: ThesisData) => ({ codebook: t.survey.codebook, thesis: data, locale });
  /**
   * `t` measured on all its reconstructions, or kept from an earlier call with the same filter, or
   * measured ahead for a county alone (warm-crosswalk.ts): then its draws are not asked for.
   */
  const measured = (t: Target, data: ThesisData): MeasuredDraws => {
    const key = filterKey(t.filter);
    return cache.get(t.survey, data, key, () => {
      const ahead = COUNTY_MEASUREMENTS.kept(t.survey, data, key);
      if (ahead) return ahead;
      const draws = t.draws();
      return measureDraws(t.source, CROSSWALK, { ...optionsFor(t, data), ...(draws ? { draws } : {}) });
    });
  };
  /**
   * One what-if side: `state`'s filter applied to the survey. Its reconstructions are only the views
   * the measurement counts — the selection's conditions on each draw's table, what
   * `applyFilter(draw, filter).view` is — made only when the side is not kept already.
   */
  const sideOf = (survey: Survey, state: FilterState, data: ThesisData): DiffSide => {
    const selection = applyFilter(survey, state.filter, { locale });
    const draws = (): readonly ColumnSource[] | undefined => survey.draws?.map((d, k) => (k === 0 ? selection.view : filterView(d.table, selection.conditions)));
    const t: Target = { source: selection.view, survey, filter: selection.filter, draws };
    return { label: state.label ?? selection.description, data: t.source, measured: measured(t, data) };
  };
  // The what-if's sides, measured ahead once an evaluation has run under a new filter.
  const whatIf = new WhatIfAhead();
  const crosswalk: CrosswalkBuiltin = {
    spec,
    SMALL_VS_LARGE: smallVsLarge(locale),
    evaluate: (selection, data) => {
      const t = targetOf(selection, "crosswalk.evaluate");
      // The notebook's evaluation: the frame measures each county ahead for this thesis (warm-crosswalk.ts).
      evaluatedTheses(t.survey).set(thesisKey(data), data);
      const evaluation = { ...judgeDraws(t.source, spec, measured(t, data), optionsFor(t, data)), disclosureSensitive: sensitive(t.filter) };
      // Then the what-if's sides under this filter, in steps before its cell runs (what-if-ahead.ts):
      // the cells reading `filter` that have not run yet wait for them.
      const ahead = whatIf.evaluated(t.survey, data, t.filter ?? EMPTY_FILTER);
      if (ahead) host.warm?.(WHAT_IF_WAITS_FOR, ahead);
      return evaluation;
    },
    table: (evaluation, caption) => renderCrosswalkTable(doc("crosswalk.table"), evaluation, caption, { mask: shared && evaluation.disclosureSensitive === true, locale }),
    timeline: (selection, data) => {
      const { source, survey, filter, draws } = targetOf(selection, "crosswalk.timeline");
      return { ...bmsTimelineOnDraws(source, draws(), data, { codebook: survey.codebook, locale }), disclosureSensitive: sensitive(filter) };
    },
    timelineChart: (timeline, subtitle) =>
      bmsTimelineChart(shared && timeline.disclosureSensitive !== false ? maskTimeline(timeline, DISCLOSURE_THRESHOLD) : timeline, { document: doc("crosswalk.timelineChart"), subtitle, locale }),
    caseCards: (data, filter = EMPTY_FILTER) => caseCards(doc("crosswalk.caseCards"), data, { highlight: casesForFilter(data, filter), locale }),
    casesForFilter,
    diff: (value, a, b, data) => {
      const { survey } = targetOf(value, "crosswalk.diff");
      whatIf.diffed([a.filter, b.filter]);
      const disclosureSensitive = sensitive(a.filter) || sensitive(b.filter);
      return diffCrosswalk(sideOf(survey, a, data), sideOf(survey, b, data), { codebook: survey.codebook, thesis: data, locale, comparisons: spec }).map((d) => ({ ...d, disclosureSensitive }));
    },
    diffTable: (diffs) => renderDiffTable(doc("crosswalk.diffTable"), diffs, { mask: shared && diffs.some((d) => d.disclosureSensitive === true), locale }),
  };
  // thesis.json is read only when a cell reads `thesis`: a getter, carried over as one by mergeLazy.
  return {
    crosswalk,
    get thesis() {
      return thesis();
    },
  };
}
