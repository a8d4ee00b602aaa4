/**
 * A printed table recomputed on a selection, with what each figure rests on: the comparison is
 * counted again on every reconstruction of the ensemble (the same filter on each draw, counted on
 * plain typed arrays: comparison-plan.ts), and each count, percentage and row total is classified —
 * printed (it equals the report's figure), determined (the same in every draw),
 * reconstruction-dependent (with its range across the draws), or the user's own data.
 *
 * The classes are kept per survey (its respondents and its reconstructions), filter conditions and
 * printed table: they follow from those alone, so a filter chosen again — in the other language, or
 * "no filter", which a spare frame classifies before a notebook opens in it (warm-evidence.ts) — is
 * not counted over the draws again. The figures themselves are the statistics kernels' on the
 * selection, computed once per selection.
 *
 * A county's classes may also have been made ahead, while the open notebook's thread was free
 * (warm-counties.ts: every county alone, the tables the notebook compared), into a store of their
 * own that the user's filters never push out; a comparison under that county then reads them and
 * filters no reconstruction.
 */
import { keptOrMade } from "../../base/recent-entries";
import { runSteps, type Steps } from "../../base/run-steps";
import type { PrintedTable } from "../../data/printed-tables";
import { isTableLike } from "../../stats/index";
import type { FilteredSurvey } from "../apply-filter";
import type { Survey } from "../survey";
import { comparePrinted, percentOf, type ComparedCell, type ComparedRow, type PrintedComparison } from "../printed-comparison";
import { comparisonPlan, drawNumbers } from "./comparison-plan";
import { drawnValuesLine } from "./drawn-values";
import { classifyDraws, classifyFigure, type Evidence } from "./evidence";
import { timedEvidence } from "./evidence-timing";
import { conditionsKey, FILTERS_KEPT } from "./frame-counter";
import { DRAWS_AHEAD_PER_STEP } from "../work-ahead";

/**
 * Comparisons per selection and printed table. A selection never changes (a new filter or new data
 * makes a new one) and the filter bar hands the same one back when a filter is chosen again, so its
 * comparison is computed once; each call gets its own copy to change as it likes.
 */
const computed = new WeakMap<FilteredSurvey, WeakMap<PrintedTable, PrintedComparison>>();

/**
 * `comparePrinted` on a selection, every figure classified over the ensemble: a notebook's
 * comparison, so the table is noted as one to work ahead on per county (`comparedTables`).
 */
export function comparePrintedWithEvidence(selection: FilteredSurvey, table: PrintedTable): PrintedComparison {
  const comparison = comparisonWithEvidence(selection, table);
  // Only a table compared without an error (a list of names is not) is worked ahead.
  comparedTables(selection.survey).add(table);
  return comparison;
}

/**
 * The same comparison, the table not noted: for work a spare frame does before any notebook
 * opens in it (warm-evidence.ts compares every printed table; the notebook that opens then works
 * ahead only on its own).
 */
export function comparisonWithEvidence(selection: FilteredSurvey, table: PrintedTable): PrintedComparison {
  let byTable = computed.get(selection);
  if (!byTable) computed.set(selection, (byTable = new WeakMap()));
  let known = byTable.get(table);
  if (!known) byTable.set(table, (known = timedEvidence(() => runSteps(comparingOnDraws(selection, table, Infinity)))));
  return copyOf(known);
}

/**
 * `comparisonWithEvidence` in steps, for work ahead (warm-evidence.ts): the comparison, the table's
 * plan, then a few reconstructions counted a step, and their classes (issue 12: a step is what a
 * click in the notebook sharing the thread waits for). Each step advances the same computation; the
 * last keeps its result as `comparisonWithEvidence` does.
 */
export function comparisonWithEvidenceSteps(selection: FilteredSurvey, table: PrintedTable): (() => void)[] {
  let steps: Steps<PrintedComparison> | undefined;
  const advance = (last: boolean) => (): void => {
    let byTable = computed.get(selection);
    if (!byTable) computed.set(selection, (byTable = new WeakMap()));
    if (byTable.has(table)) return;
    steps ??= comparingOnDraws(selection, table, DRAWS_PER_STEP);
    // The last step runs what is left, should the count below be short: the result is always kept.
    const next: IteratorResult<void, PrintedComparison> = last ? { done: true, value: runSteps(steps) } : steps.next();
    if (next.done === true) byTable.set(table, next.value);
  };
  // The comparison, the plan, then the draws a few at a time (`comparingOnDraws`'s pauses).
  const count = 2 + Math.ceil((selection.survey.draws?.length ?? 0) / DRAWS_PER_STEP);
  return Array.from({ length: count }, (_, i) => advance(i === count - 1));
}

/**
 * Reconstructions counted in one step of `comparisonWithEvidenceSteps`: `DRAWS_AHEAD_PER_STEP`
 * (work-ahead.ts), where ten were up to 20–40 ms of CPU on a long table run for the first time
 * in a spare's realm (bench/step-cpu.ts).
 */
const DRAWS_PER_STEP = DRAWS_AHEAD_PER_STEP;

/** A comparison's copy: nothing a caller can change is shared (an `Evidence` is read-only). */
function copyOf(c: PrintedComparison): PrintedComparison {
  return {
    ...c,
    rows: c.rows.map((row) => ({
      ...row,
      where: row.where.map((w) => ({ variable: w.variable, codes: [...w.codes] })),
      cells: row.cells.map((cell) => ({ ...cell, target: { ...cell.target }, ...(cell.evidence ? { evidence: { ...cell.evidence } } : {}) })),
    })),
    skipped: c.skipped.map((s) => ({ ...s })),
  };
}

/** What a compared row's figures rest on. */
interface RowEvidence {
  readonly cells: readonly NonNullable<ComparedCell["evidence"]>[];
  readonly total: Evidence;
}

/**
 * Classes per survey, filter conditions (the last `FILTERS_KEPT` asked for) and printed table. Keyed
 * on the survey, not its table: two surveys may share respondents and differ in their ensembles.
 */
const kept = new WeakMap<Survey, Map<string, WeakMap<PrintedTable, readonly RowEvidence[]>>>();

function* comparingOnDraws(selection: FilteredSurvey, table: PrintedTable, drawsPerStep: number): Steps<PrintedComparison> {
  const canonical = comparePrinted(selection.view, table, { codebook: selection.survey.codebook, locale: selection.locale });
  // Only a survey with an ensemble has classes; its draws are filtered only when they must be counted.
  const evidence = selection.survey.draws ? yield* keptEvidence(selection, table, canonical.rows, drawsPerStep) : undefined;
  const rows = canonical.rows.map((row, r): ComparedRow => {
    const e = evidence?.[r];
    const cells = row.cells.map((cell, c) => ({ ...cell, evidence: e?.cells[c] ?? { count: classifyFigure(undefined), percent: classifyFigure(undefined) } }));
    return { ...row, cells, totalEvidence: e?.total ?? classifyFigure(undefined) };
  });
  const variables = [...selection.conditions.map((c) => c.variable), ...canonical.rows.flatMap((r) => [r.variable, ...r.where.map((w) => w.variable)])];
  return { ...canonical, rows, drawn: drawnValuesLine(selection, variables) };
}

/** The classes of `rows` (the canonical survey's), kept, made ahead, or made now. */
function* keptEvidence(selection: FilteredSurvey, table: PrintedTable, rows: readonly ComparedRow[], drawsPerStep: number): Steps<readonly RowEvidence[] | undefined> {
  let byConditions = kept.get(selection.survey);
  if (!byConditions) kept.set(selection.survey, (byConditions = new Map()));
  const key = conditionsKey(selection);
  const byTable = keptOrMade(byConditions, key, FILTERS_KEPT, () => new WeakMap<PrintedTable, readonly RowEvidence[]>());
  const known = byTable.get(table) ?? ahead.get(selection.survey)?.get(key)?.get(table);
  if (known) return known;
  const draws = selection.draws();
  if (!draws) return undefined;
  yield;
  const made = yield* classifyingRows(selection, table, rows, draws, drawsPerStep);
  byTable.set(table, made);
  return made;
}

/**
 * Classes made ahead, per survey, filter conditions and printed table (`classifyAhead`). Apart
 * from `kept`, whose last `FILTERS_KEPT` filters are the user's: work ahead must not push those out.
 * Only warm-counties.ts fills it, one entry per county, so it holds at most a county list's worth.
 */
const ahead = new WeakMap<Survey, Map<string, WeakMap<PrintedTable, readonly RowEvidence[]>>>();

/** The printed tables compared with evidence so far, per survey: what work ahead classifies. */
const compared = new WeakMap<Survey, Set<PrintedTable>>();

/** The printed tables `comparePrintedWithEvidence` has been asked for on `survey` (live: it grows). */
export function comparedTables(survey: Survey): Set<PrintedTable> {
  let tables = compared.get(survey);
  if (!tables) compared.set(survey, (tables = new Set()));
  return tables;
}

/**
 * Classify `table`'s figures under `selection` ahead of time, into the store a comparison under
 * the same conditions reads when it has none of its own kept (see `ahead`), in steps: the
 * comparison and the table's plan, then {@link DRAWS_AHEAD_PER_STEP} reconstructions counted a step
 * (the caller runs them between other tasks: a step is what a click waits behind). Does nothing
 * when they are kept or made already, or the survey has no ensemble. Returns whether it counted.
 */
export function* classifyingAhead(selection: FilteredSurvey, table: PrintedTable): Steps<boolean> {
  const survey = selection.survey;
  if (!survey.draws || table.kind === "list") return false;
  const key = conditionsKey(selection);
  let byConditions = ahead.get(survey);
  if (!byConditions) ahead.set(survey, (byConditions = new Map()));
  let byTable = byConditions.get(key);
  if (!byTable) byConditions.set(key, (byTable = new WeakMap()));
  if (byTable.has(table) || kept.get(survey)?.get(key)?.has(table)) return false;
  const draws = selection.draws();
  if (!draws) return false;
  const canonical = comparePrinted(selection.view, table, { codebook: survey.codebook });
  byTable.set(table, yield* classifyingRows(selection, table, canonical.rows, draws, DRAWS_AHEAD_PER_STEP));
  return true;
}

/** {@link classifyingAhead} at once. */
export function classifyAhead(selection: FilteredSurvey, table: PrintedTable): boolean {
  return runSteps(classifyingAhead(selection, table));
}

/**
 * Each figure of `rows` classified over the draws: draw 0 is the canonical survey (its figures are
 * `rows`'), draws 1 … M−1 are counted by the table's plan, numbers only. A figure's values are laid
 * out in one array (NaN where a draw gives none, as null does for `classifyDraws`) and classified.
 * In steps: it pauses after compiling the plan and after every `drawsPerStep` draws counted.
 */
function* classifyingRows(selection: FilteredSurvey, table: PrintedTable, rows: readonly ComparedRow[], draws: readonly FilteredSurvey[], drawsPerStep: number): Steps<RowEvidence[]> {
  const columns = new Set(isTableLike(selection.view) ? selection.view.columnNames() : []);
  const plan = comparisonPlan(table, selection.survey.table, columns);
  const others: Float64Array[] = [];
  for (const [k, draw] of draws.slice(1).entries()) {
    if (k % drawsPerStep === 0) yield;
    others.push(drawNumbers(plan, draw));
  }
  const m = others.length + 1;
  const values = new Float64Array(m);
  const valueAt = (k: number): number => values[k] ?? Number.NaN;
  /** `values` from draw 0's `canonical` and each other draw's `of(numbers)`, classified. */
  const classify = (canonical: number | null, printed: boolean, of: (numbers: Float64Array) => number): Evidence => {
    if (printed) return classifyDraws(m, valueAt, true);
    values[0] = canonical ?? Number.NaN;
    for (let k = 1; k < m; k++) {
      const numbers = others[k - 1];
      values[k] = numbers ? of(numbers) : Number.NaN;
    }
    return classifyDraws(m, valueAt);
  };
  return rows.map((row, r) => {
    // The plan compiles the rows `compareRows` compares, in its order: row r is slots r.
    const slots = plan.rows[r];
    const at = slots?.at ?? 0;
    const baseAt = at + (slots?.cells ?? 0);
    const number = (numbers: Float64Array, i: number): number => (slots ? (numbers[i] ?? Number.NaN) : Number.NaN);
    const percent = (numbers: Float64Array, c: number): number => {
      const base = number(numbers, baseAt);
      return percentOf(number(numbers, at + c), Number.isNaN(base) ? null : base) ?? Number.NaN;
    };
    return {
      cells: row.cells.map((cell, c) => {
        const printed = cell.matches === true;
        return { count: classify(cell.count, printed, (numbers) => number(numbers, at + c)), percent: classify(cell.percent, printed, (numbers) => percent(numbers, c)) };
      }),
      total: classify(row.total, row.totalMatches === true, (numbers) => number(numbers, baseAt + 1)),
    };
  });
}
