/**
 * The comparison's counts taken straight from the typed arrays of a selection: the same counts the
 * statistics kernels give (code by code, rows meeting a base restriction, ticks of a
 * multiple-response set), without their audit lines and codebook lookups. A unit test holds it to
 * the kernels' counts on every printed table. One counter per draw's table and filter conditions
 * (`selectionCounter`): what the reconciliation's recounts are kept with (recount-on-draws.ts). A
 * selection's printed tables are counted on the draws by their compiled plans instead
 * (comparison-plan.ts: one loop per base restriction, no Map per row).
 */
import type { MultipleResponseSet } from "../../data/codebook";
import { frameOf, type ColumnSource } from "../../stats/index";
import type { FilteredSurvey } from "../apply-filter";
import type { RowCounter } from "../printed-comparison";

/** Codes 0–255 are counted in an array. */
const DENSE = 256;
/**
 * The array they are counted in, shared by every count (counting is synchronous) and left all zero
 * after each: a fresh array per count, and a scan of all 256 slots, cost more than the count itself
 * on a county's 15 rows — and a filter change counts about 5,000 rows of printed tables over the draws.
 */
const tally = new Float64Array(DENSE);

/** One counter per selection view: its counts are asked for again by every table and every rerun. */
const counters = new WeakMap<ColumnSource, RowCounter>();

/**
 * A RowCounter over `source` (a selection's view): plain loops over the selected rows, each count
 * kept with the view. A view never changes (a new filter or new data makes a new one), so a table
 * recomputed on a selection seen before — back to "no filter", another cell over the same table —
 * costs no loop over the fifty draws.
 */
export function frameCounter(source: ColumnSource): RowCounter {
  const known = counters.get(source);
  if (known) return known;
  const counter = memoised(countingOn(source));
  counters.set(source, counter);
  return counter;
}

/**
 * The counters of a reconstruction's table, by the filter's conditions: a selection's view is
 * made from its survey's table and its conditions alone (apply-filter.ts), so the same conditions
 * on the same table give the same counts, whichever selection object asks — the one a spare frame
 * warmed before the notebook opened (evidence/warm-evidence.ts), the one made again for the other
 * language, or after the survey source dropped it. Keyed on the table object: another survey (the
 * user's file, another ensemble) has other tables and is counted afresh.
 */
const byTable = new WeakMap<object, Map<string, RowCounter>>();

/** Filters whose counts are kept per table (the one asked for longest ago goes first). */
export const FILTERS_KEPT = 16;

/** The conditions as a key: variables and codes in order (labels are words, not rows). */
export function conditionsKey(selection: FilteredSurvey): string {
  return selection.conditions.map((c) => `${c.variable}=${c.codes.join(",")}`).join("\u0000");
}

/**
 * `frameCounter` of `selection.view`, shared by every selection of the same survey table under
 * the same conditions (see `byTable`).
 */
export function selectionCounter(selection: FilteredSurvey): RowCounter {
  const table: object = selection.survey.table;
  let kept = byTable.get(table);
  if (!kept) byTable.set(table, (kept = new Map()));
  const key = conditionsKey(selection);
  const known = kept.get(key);
  if (known) {
    // Refresh its place: the filters asked for last are dropped last.
    kept.delete(key);
    kept.set(key, known);
    return known;
  }
  const counter = frameCounter(selection.view);
  kept.set(key, counter);
  for (const old of kept.keys()) {
    if (kept.size <= FILTERS_KEPT) break;
    kept.delete(old);
  }
  return counter;
}

/** `counter` with each answer kept by its arguments. */
function memoised(counter: RowCounter): RowCounter {
  const codes = new Map<string, ReturnType<RowCounter["codes"]>>();
  const sets = new Map<MultipleResponseSet, ReturnType<RowCounter["multipleResponse"]>>();
  return {
    codes: (variable, where) => {
      let key = variable;
      for (const w of where) key += `\u0000${w.variable}=${w.codes.join(",")}`;
      let hit = codes.get(key);
      if (!hit) codes.set(key, (hit = counter.codes(variable, where)));
      return hit;
    },
    multipleResponse: (set) => {
      let hit = sets.get(set);
      if (!hit) sets.set(set, (hit = counter.multipleResponse(set)));
      return hit;
    },
  };
}

/** The counting loops over `source`'s selected rows. */
function countingOn(source: ColumnSource): RowCounter {
  const frame = frameOf(source);
  const rows = frame.rows;
  const n = frame.n;
  /**
   * The selected rows meeting each base restriction, by its key: a printed table asks for several
   * variables under one restriction (and the fifty draws ask again, each on its own view), and
   * testing the restriction once per row and restriction, not once per row and variable, was most
   * of a first open's counting (issue 11, cold start).
   */
  const meeting = new Map<string, Int32Array>();
  const rowsMeeting = (where: Parameters<RowCounter["codes"]>[1]): Int32Array => {
    let key = "";
    for (const w of where) key += `\u0000${w.variable}=${w.codes.join(",")}`;
    const known = meeting.get(key);
    if (known) return known;
    const tests = where.map((w) => ({ column: frame.column(w.variable), codes: w.codes }));
    const out = new Int32Array(n);
    let m = 0;
    rows: for (let i = 0; i < n; i++) {
      const r = rows ? (rows[i] ?? 0) : i;
      for (let t = 0; t < tests.length; t++) {
        const test = tests[t];
        if (test && !test.codes.includes(test.column[r] ?? Number.NaN)) continue rows;
      }
      out[m++] = r;
    }
    const made = out.subarray(0, m);
    meeting.set(key, made);
    return made;
  };
  return {
    codes: (variable, where) => {
      const column = frame.column(variable);
      const selected = rowsMeeting(where);
      // Codes are small integers: count them in an array (fifty draws × every printed row adds
      // up), anything else in a Map.
      const touched: number[] = [];
      const counts = new Map<number, number>();
      for (let j = 0; j < selected.length; j++) {
        const v = column[selected[j] ?? 0] ?? Number.NaN;
        if (v >= 0 && v < DENSE && (v | 0) === v) {
          if (tally[v] === 0) touched.push(v);
          tally[v] = (tally[v] ?? 0) + 1;
        } else if (!Number.isNaN(v)) counts.set(v, (counts.get(v) ?? 0) + 1);
      }
      touched.sort((a, b) => a - b);
      for (const v of touched) {
        counts.set(v, tally[v] ?? 0);
        tally[v] = 0;
      }
      return { counts, total: selected.length, audit: "" };
    },
    multipleResponse: (set: MultipleResponseSet) => {
      const columns = set.variables.map((v) => frame.column(v));
      const ticks = new Float64Array(columns.length);
      for (let i = 0; i < n; i++) {
        const r = rows ? (rows[i] ?? 0) : i;
        for (let j = 0; j < columns.length; j++) if (columns[j]?.[r] === set.countedValue) ticks[j] = (ticks[j] ?? 0) + 1;
      }
      const answers = ticks.reduce((a, b) => a + b, 0);
      return { count: (variable) => ticks[set.variables.indexOf(variable)] ?? 0, answers, caseBase: n, audit: "" };
    },
  };
}
