/**
 * A spare notebook frame counts every printed table on every reconstruction before a notebook
 * opens in it (evidence/warm-evidence.ts), and those counts are kept per reconstruction table and
 * filter (frame-counter.ts, selectionCounter) for the notebook's own selection to find. These tests
 * hold the figures to a fresh load's and to counts made here from the columns, and show that
 * another ensemble (other tables) is counted afresh, not served the warmed counts.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { applyFilter, type FilteredSurvey } from "../../../src/analysis/apply-filter";
import { comparePrintedWithEvidence } from "../../../src/analysis/evidence/compare-evidence";
import { withEnsemble } from "../../../src/analysis/evidence/ensemble-surveys";
import { FILTERS_KEPT, selectionCounter } from "../../../src/analysis/evidence/frame-counter";
import { createReconciliationBuiltins } from "../../../src/analysis/reconciliation/reconciliation-builtins";
import { evidenceOfReconciliation } from "../../../src/analysis/reconciliation/reconciliation-evidence";
import { SUMMARY_COUNTS } from "../../../src/analysis/reconciliation/summary-evidence";
import type { Survey } from "../../../src/analysis/survey";
import { loadSurvey, primeBundledSurvey, SurveySource } from "../../../src/analysis/survey-source";
import { SURVEY_PATHS } from "../../../src/data/bundled-survey";
import { decodeEnsemble, type Ensemble } from "../../../src/data/ensemble";
import type { PrintedTable } from "../../../src/data/printed-tables";
import { EMPTY_FILTER } from "../../../src/data/survey-filter";
import { nodeHost } from "../notebooks/headless-survey";

let fresh: Survey;
const reconciliation = createReconciliationBuiltins({ document: nodeHost().document, view: "live" }).reconciliation;
let files: Map<string, Uint8Array>;
beforeAll(async () => {
  const host = nodeHost();
  files = new Map(await Promise.all(Object.values(SURVEY_PATHS).map(async (path) => [path, await host.readBytes(path)] as const)));
  fresh = await loadSurvey(host);
});

function printedTable(survey: Survey, id: string): PrintedTable {
  const table = survey.printed?.tables.find((t) => t.id === id);
  if (!table) throw new Error(`no Tabell ${id}`);
  return table;
}

/** A draw's selection (k ≥ 1). */
function drawOf(selection: FilteredSurvey, k: number): FilteredSurvey {
  const draw = selection.draws()?.[k];
  if (!draw) throw new Error(`no draw ${k}`);
  return draw;
}

/** `variable`'s code counts among `rows`, counted here from the column (NaN and null are blanks). */
function countCodes(values: ArrayLike<unknown>, rows: readonly number[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const r of rows) {
    const v = values[r];
    if (typeof v === "number" && !Number.isNaN(v)) out.set(v, (out.get(v) ?? 0) + 1);
  }
  return out;
}

const sorted = (m: ReadonlyMap<number, number>): [number, number][] => [...m].sort((a, b) => a[0] - b[0]);

describe("evidence warmed in a spare frame", () => {
  it("gives the notebook opened in the primed frame the same figures as a fresh load, every printed table", async () => {
    const primed = primeBundledSurvey(files);
    await primed.warmed;
    const source = new SurveySource(nodeHost(), primed);
    const survey = await source.survey();
    expect(survey).toBe(await primed.survey);
    const warmedSelection = source.select(survey, EMPTY_FILTER, "en");
    const freshSelection = applyFilter(fresh, EMPTY_FILTER, { locale: "en" });
    let tables = 0;
    for (const table of survey.printed?.tables ?? []) {
      if (table.kind === "list") continue;
      tables++;
      const got = comparePrintedWithEvidence(warmedSelection, table);
      const want = comparePrintedWithEvidence(freshSelection, printedTable(fresh, table.id));
      expect(got.rows, table.id).toEqual(want.rows);
      expect(got.drawn, table.id).toBe(want.drawn);
    }
    expect(tables).toBeGreaterThan(20);
    // Notebook 04: every reconciled figure's class and the summary's, as on a fresh load.
    const classes = (selection: FilteredSurvey) => {
      const rec = reconciliation.build(selection);
      const evidence = evidenceOfReconciliation(rec);
      if (!evidence) throw new Error("no evidence");
      const cells = rec.tables.flatMap((t) => t.cells.map((c) => {
        const path = evidence.pathOf(c);
        return path ? evidence.figures.evidence(path) : null;
      }));
      const summary = evidence.summary();
      return { cells, summary: SUMMARY_COUNTS.map((name) => summary.evidence(name)) };
    };
    expect(classes(warmedSelection)).toEqual(classes(freshSelection));
    // The counts the spare made are the ones the notebook's selection reads (another selection object, another language).
    const spareSelection = applyFilter(survey, EMPTY_FILTER);
    expect(selectionCounter(drawOf(warmedSelection, 9))).toBe(selectionCounter(drawOf(spareSelection, 9)));
  }, 60_000);

  it("stops when a notebook opens, and the notebook still gets right figures", async () => {
    const primed = primeBundledSurvey(files);
    await primed.survey;
    const source = new SurveySource(nodeHost(), primed);
    await primed.warmed;
    const selection = source.select(await source.survey(), { ...EMPTY_FILTER, fylke: [11] });
    const want = comparePrintedWithEvidence(applyFilter(fresh, { ...EMPTY_FILTER, fylke: [11] }), printedTable(fresh, "3.2"));
    expect(comparePrintedWithEvidence(selection, printedTable(selection.survey, "3.2")).rows).toEqual(want.rows);
  });

  it("counts a survey with another ensemble afresh: its own draws' figures, not the warmed ones", async () => {
    const primed = primeBundledSurvey(files);
    await primed.warmed;
    const warmed = await primed.survey;
    const decoded = decodeEnsemble(files.get(SURVEY_PATHS.ensemble) ?? new Uint8Array());
    if (!decoded.ok) throw new Error(decoded.error.message);
    // The same ensemble, except that in draw 5 every municipality has introduced serviceerklæringer (q3 = 1).
    const base = decoded.value;
    // Asked for one column (draws decode a column when it is first read) or a whole draw, alike.
    const column = (name: string, k: number): Float64Array | undefined => (k === 5 && name === "q3" ? new Float64Array(base.rows).fill(1) : base.column(name, k));
    const changed: Ensemble = {
      ...base,
      values: (name) => base.values(name),
      column,
      stacked: (name) => base.stacked(name),
      draw: (k) => new Map(base.variables.map((name) => [name, column(name, k) ?? new Float64Array(base.rows)])),
    };
    const other = withEnsemble(warmed, changed);
    const before = applyFilter(warmed, EMPTY_FILTER);
    const after = applyFilter(other, EMPTY_FILTER);
    const q3 = selectionCounter(drawOf(after, 5)).codes("q3", []);
    expect(sorted(q3.counts)).toEqual([[1, base.rows]]);
    // Draw 5 of the bundled ensemble, counted here from its column.
    const all = Array.from({ length: base.rows }, (_, i) => i);
    expect(sorted(selectionCounter(drawOf(before, 5)).codes("q3", []).counts)).toEqual(sorted(countCodes(base.column("q3", 5) ?? [], all)));
    // Tabell 2.1's q3 row in Rogaland: the range of "har allerede innført" over the draws, counted
    // here from each draw's columns (draw 0 is respondents.csv) — with draw 5 changed, it reaches
    // every Rogaland respondent of draw 5.
    const rogaland = { ...EMPTY_FILTER, fylke: [11] };
    const table = printedTable(warmed, "2.1");
    const adopted = (s: FilteredSurvey) => comparePrintedWithEvidence(s, table).rows.find((r) => r.variable === "q3")?.cells.find((c) => c.code === 1)?.evidence?.count;
    const expectedRange = (q3Of: (k: number) => ArrayLike<unknown>) => {
      const counts = Array.from({ length: base.draws }, (_, k) => {
        const fylke = k === 0 ? warmed.table.array("fylke") : (base.column("fylke", k) ?? []);
        const rows = all.filter((i) => fylke[i] === 11);
        return countCodes(q3Of(k), rows).get(1) ?? 0;
      });
      const range = { min: Math.min(...counts), max: Math.max(...counts) };
      // The same count in every draw is determined; else it rests on the reconstruction, with its range.
      return range.min === range.max ? { kind: "determined" } : { kind: "reconstruction", range };
    };
    const q3Bundled = (k: number) => (k === 0 ? warmed.table.array("q3") : (base.column("q3", k) ?? []));
    const q3Changed = (k: number) => (k === 5 ? new Float64Array(base.rows).fill(1) : q3Bundled(k));
    expect(adopted(applyFilter(warmed, rogaland))).toMatchObject(expectedRange(q3Bundled));
    expect(expectedRange(q3Changed)).not.toEqual(expectedRange(q3Bundled));
    expect(adopted(applyFilter(other, rogaland))).toMatchObject(expectedRange(q3Changed));
    // Notebook 04's summary, unfiltered: with the bundled ensemble every draw reproduces the print,
    // so its count of exact figures is determined; with draw 5 changed, draw 5 has fewer exact
    // figures (Tabell 2.1's q3 row among them), and the count rests on the reconstruction.
    const exact = (s: FilteredSurvey) => {
      const rec = reconciliation.build(s);
      return { count: rec.counts.exact, evidence: evidenceOfReconciliation(rec)?.summary().evidence("exact") };
    };
    const bundledExact = exact(before);
    expect(bundledExact.evidence?.kind).toBe("determined");
    const changedExact = exact(after);
    expect(changedExact.count).toBe(bundledExact.count);
    expect(changedExact.evidence?.kind).toBe("reconstruction");
    expect(changedExact.evidence?.range?.max).toBe(bundledExact.count);
    expect(changedExact.evidence?.range?.min).toBeLessThan(bundledExact.count);
    // Unfiltered, the bundled ensemble's q3 figure is the print's.
    expect(comparePrintedWithEvidence(before, table).rows.find((r) => r.variable === "q3")?.cells.find((c) => c.code === 1)?.evidence?.count.kind).toBe("printed");
  }, 60_000);

  it("shares counts between selections of one table under the same conditions, and keeps the last filters asked for", async () => {
    const survey = fresh;
    const en = drawOf(applyFilter(survey, { ...EMPTY_FILTER, fylke: [11] }, { locale: "en" }), 3);
    const nb = drawOf(applyFilter(survey, { ...EMPTY_FILTER, fylke: [11] }, { locale: "nb" }), 3);
    expect(selectionCounter(en)).toBe(selectionCounter(nb));
    // Another draw (another table), or another filter: other counts.
    expect(selectionCounter(drawOf(applyFilter(survey, { ...EMPTY_FILTER, fylke: [11] }), 4))).not.toBe(selectionCounter(en));
    const other = drawOf(applyFilter(survey, { ...EMPTY_FILTER, fylke: [12] }), 3);
    expect(selectionCounter(other)).not.toBe(selectionCounter(en));
    // Rogaland's q3 on draw 3, counted here from the draw's columns.
    const table = survey.draws?.[3]?.table;
    if (!table) throw new Error("no draw 3");
    const fylke = table.array("fylke");
    const rogaland = Array.from({ length: table.numRows() }, (_, i) => i).filter((i) => fylke[i] === 11);
    expect(sorted(selectionCounter(en).codes("q3", []).counts)).toEqual(sorted(countCodes(table.array("q3"), rogaland)));
    // FILTERS_KEPT other filters later, Rogaland's counter is gone (a new one, the same counts).
    const kept = selectionCounter(en);
    for (let size = 1; size <= FILTERS_KEPT; size++) selectionCounter(drawOf(applyFilter(survey, { ...EMPTY_FILTER, sizeClass: [size % 6 + 1], fylke: [size] }), 3));
    const again = selectionCounter(drawOf(applyFilter(survey, { ...EMPTY_FILTER, fylke: [11] }), 3));
    expect(again).not.toBe(kept);
    expect(sorted(again.codes("q3", []).counts)).toEqual(sorted(kept.codes("q3", []).counts));
  });
});
