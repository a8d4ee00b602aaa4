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
import { EMPTY_FILTER, type SurveyFilter } from "../../data/survey-filter";
import { parseThesis, type ThesisData } from "../../data/thesis";
import { ProblemError } from "../../base/result";
import type { DataSource } from "../../stats/index";
import { describe, isSelection, isSurvey, requireDocument, type AnalysisHost } from "../builtins";
import { bmsTimeline, bmsTimelineChart, type BmsTimeline } from "./bms-timeline";
import { caseCards, casesForFilter } from "./case-cards";
import { judgeDraws, measureDraws, type CrosswalkEvaluation } from "./evaluate-crosswalk";
import { filterKey, MeasuredDrawsCache, type MeasuredDraws } from "./measured-draws-cache";
import { diffCrosswalk, SMALL_VS_LARGE, type ComparisonDiff, type DiffSide, type FilterState } from "./crosswalk-diff";
import { applyFilter } from "../apply-filter";
import { CROSSWALK } from "./crosswalk-spec";
import { renderCrosswalkTable, renderDiffTable } from "./crosswalk-table";
import type { Survey, SurveyHost } from "../survey";

/** Where the thesis findings are, relative to the app (browser) or repository (Node) root. */
export const THESIS_PATH = "data/thesis-2016/thesis.json";

/** What the crosswalk builtins need from the host: the thesis file and a document. */
export type CrosswalkHost = SurveyHost & AnalysisHost;

/** A selection (or a whole survey) as the crosswalk reads it: source, survey, filter, and the same on every reconstruction. */
interface Target {
  source: DataSource;
  survey: Survey;
  filter: SurveyFilter | null;
  /** Undefined for a user's own file. */
  draws: readonly DataSource[] | undefined;
}

function targetOf(value: unknown, call: string): Target {
  if (isSelection(value)) return { source: value.view, survey: value.survey, filter: value.filter, draws: value.draws()?.map((d) => d.view) };
  if (isSurvey(value)) return { source: value.table, survey: value, filter: null, draws: value.draws?.map((d) => d.table) };
  throw new ProblemError({ kind: "bad-argument", message: `${call} expects the builtin \`selection\` (or the survey); got ${describe(value)}. Example: ${call}.` });
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
export function createCrosswalkBuiltins(host: CrosswalkHost): Record<string, unknown> {
  let loaded: Promise<ThesisData> | undefined;
  const thesis = (): Promise<ThesisData> => {
    if (!loaded) {
      loaded = loadThesis(host);
      loaded.catch(() => undefined);
    }
    return loaded;
  };
  const doc = (what: string): Document => requireDocument(host, what);
  const cache = new MeasuredDrawsCache();
  const optionsFor = (t: Target, data: ThesisData) => ({ codebook: t.survey.codebook, thesis: data, ...(t.draws ? { draws: t.draws } : {}) });
  /** `t` measured on all its reconstructions, or kept from an earlier call with the same filter. */
  const measured = (t: Target, data: ThesisData): MeasuredDraws =>
    cache.get(t.survey, data, filterKey(t.filter), () => measureDraws(t.source, CROSSWALK, optionsFor(t, data)));
  /** One what-if side: `state`'s filter applied to the survey, on every reconstruction. */
  const sideOf = (survey: Survey, state: FilterState, data: ThesisData): DiffSide => {
    const selection = applyFilter(survey, state.filter);
    const t = targetOf(selection, "crosswalk.diff");
    return { label: state.label ?? selection.description, data: t.source, ...(t.draws ? { draws: t.draws } : {}), measured: measured(t, data) };
  };
  const crosswalk = {
    spec: CROSSWALK,
    SMALL_VS_LARGE,
    evaluate: (selection: unknown, data: ThesisData): CrosswalkEvaluation => {
      const t = targetOf(selection, "crosswalk.evaluate(selection, thesis)");
      return judgeDraws(t.source, CROSSWALK, measured(t, data), optionsFor(t, data));
    },
    table: (evaluation: CrosswalkEvaluation, caption?: string): HTMLElement => renderCrosswalkTable(doc("The crosswalk table"), evaluation, caption),
    timeline: (selection: unknown, data: ThesisData): BmsTimeline => {
      const { source, survey } = targetOf(selection, "crosswalk.timeline(selection, thesis)");
      return bmsTimeline(source, data, { codebook: survey.codebook });
    },
    timelineChart: (timeline: BmsTimeline, subtitle?: string): SVGSVGElement => bmsTimelineChart(timeline, { document: doc("The timeline chart"), subtitle }),
    caseCards: (data: ThesisData, filter: SurveyFilter = EMPTY_FILTER): HTMLElement =>
      caseCards(doc("The case cards"), data, { highlight: casesForFilter(data, filter) }),
    casesForFilter,
    diff: (value: unknown, a: FilterState, b: FilterState, data: ThesisData): ComparisonDiff[] => {
      const { survey } = targetOf(value, "crosswalk.diff(survey, a, b, thesis)");
      return diffCrosswalk(sideOf(survey, a, data), sideOf(survey, b, data), { codebook: survey.codebook, thesis: data });
    },
    diffTable: (diffs: readonly ComparisonDiff[]): HTMLElement => renderDiffTable(doc("The what-if table"), diffs),
  };
  const names: Record<string, unknown> = { crosswalk };
  Object.defineProperty(names, "thesis", { enumerable: true, get: thesis });
  return names;
}
