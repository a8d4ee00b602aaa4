/**
 * Issue 12 on notebook 04: the recount of every reconciled figure on every reconstruction reuses
 * work across draws (each row's key in the kept recounts is made once per list of rows; each
 * cell's figure is looked up where it sat on the draw before). The figures must be the ones a
 * direct recount gives: here every draw's respondents under the filter are taken as plain records
 * straight from ensemble.bin and reconciled in full by the record path (`reconcile`), and each
 * cell's class and range — and each summary count's — must be what those per-draw values give.
 * Filters are asked in a mixed order, the summary's list of every row before or after the
 * figures' list, so keys shared between lists or filters (e.g. made once for all) would show.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { applyFilter } from "../../../src/analysis/apply-filter";
import { reconcileSelection } from "../../../src/analysis/reconciliation/reconciliation-builtins";
import { evidenceOfReconciliation } from "../../../src/analysis/reconciliation/reconciliation-evidence";
import { missingCodesOf, reconcile, type ReconciledCell, type ReconciliationCounts } from "../../../src/analysis/reconciliation/reconcile";
import { everyRow, SUMMARY_COUNTS } from "../../../src/analysis/reconciliation/summary-evidence";
import { recountDraw } from "../../../src/analysis/reconciliation/recount-on-draws";
import { classifyFigure } from "../../../src/analysis/evidence/evidence";
import type { Survey } from "../../../src/analysis/survey";
import { loadSurvey } from "../../../src/analysis/survey-source";
import { decodeEnsemble, type Ensemble } from "../../../src/data/ensemble";
import { EMPTY_FILTER, type SurveyFilter } from "../../../src/data/survey-filter";
import { nodeHost, repo } from "../notebooks/headless-survey";

let survey: Survey;
let ensemble: Ensemble;
const host = nodeHost();

beforeAll(async () => {
  survey = await loadSurvey(host);
  const decoded = decodeEnsemble(new Uint8Array(readFileSync(path.join(repo, "data/survey-1999/ensemble.bin"))));
  if (!decoded.ok) throw new Error(decoded.error.message);
  ensemble = decoded.value;
});

const cellKey = (c: Pick<ReconciledCell, "table" | "row" | "variable" | "code" | "measure">): string => `${c.table}|${c.row}|${c.variable}|${String(c.code)}|${c.measure}`;

/** Each draw's reconciliation of the respondents meeting `keep`, by the record path: its cells' figures and its counts. */
function directPerDraw(keep: (column: (name: string) => number) => boolean, filtered: boolean, draws?: readonly number[]): { figures: Map<string, number>[]; counts: ReconciliationCounts[] } {
  const printed = survey.printed;
  if (!printed) throw new Error("the bundled survey carries its print");
  const missing = missingCodesOf(survey.codebook);
  const figures: Map<string, number>[] = [];
  const counts: ReconciliationCounts[] = [];
  for (const k of draws ?? Array.from({ length: ensemble.draws }, (_, i) => i)) {
    const columns = new Map(ensemble.variables.map((v): [string, Float64Array] => [v, ensemble.column(v, k) ?? new Float64Array()]));
    const records = [];
    for (let i = 0; i < ensemble.rows; i++) {
      if (!keep((name) => columns.get(name)?.[i] ?? Number.NaN)) continue;
      // A blank is null under its name, as recordOf gives a survey row's NaN.
      records.push(Object.fromEntries([...columns].map(([v, c]) => [v, Number.isFinite(c[i]) ? (c[i] ?? null) : null])));
    }
    const rec = reconcile(printed, records, missing, { filtered });
    figures.push(new Map(rec.tables.flatMap((t) => t.cells).map((c) => [cellKey(c), c.reconstructed])));
    counts.push(rec.counts);
  }
  return { figures, counts };
}

interface Case {
  name: string;
  filter: SurveyFilter;
  keep: (column: (name: string) => number) => boolean;
  /** Ask for the summary's tally (the list of every printed row) before the figures' classes. */
  summaryFirst: boolean;
}

const CASES: Case[] = [
  { name: "Rogaland (fylke 11)", filter: { ...EMPTY_FILTER, fylke: [11] }, keep: (c) => c("fylke") === 11, summaryFirst: true },
  { name: "size class 2", filter: { ...EMPTY_FILTER, sizeClass: [2] }, keep: (c) => c("size_class") === 2, summaryFirst: false },
  { name: "no filter", filter: EMPTY_FILTER, keep: () => true, summaryFirst: true },
  { name: "Hordaland (fylke 12) and size class 5 or 6", filter: { ...EMPTY_FILTER, fylke: [12], sizeClass: [5, 6] }, keep: (c) => c("fylke") === 12 && [5, 6].includes(c("size_class")), summaryFirst: false },
];

describe("04's recount on every reconstruction gives each figure a direct recount gives", () => {
  it.each(CASES)("$name: every figure's and every summary count's class and range", ({ filter, keep, summaryFirst }) => {
    const rec = reconcileSelection(applyFilter(survey, filter));
    const evidence = evidenceOfReconciliation(rec);
    if (!evidence) throw new Error("a reconciliation built on a selection has evidence");
    const summary = summaryFirst ? evidence.summary() : undefined;
    const direct = directPerDraw(keep, rec.filtered);
    expect(rec.counts).toEqual(direct.counts[0]);
    let checked = 0;
    let dependent = 0;
    for (const cell of rec.tables.flatMap((t) => t.cells)) {
      const at = evidence.pathOf(cell);
      expect(at, cellKey(cell)).toBeDefined();
      const got = at === undefined ? undefined : evidence.figures.evidence(at);
      const values = direct.figures.map((f) => f.get(cellKey(cell)) ?? null);
      expect(values[0], cellKey(cell)).toBe(cell.reconstructed);
      const expected = classifyFigure(values, !rec.filtered && cell.ok && !cell.soft);
      expect(got, cellKey(cell)).toEqual(expected);
      checked++;
      if (expected.kind === "reconstruction") dependent++;
    }
    expect(checked).toBe(727);
    // A county or size class leaves most figures to the reconstruction; the test would not see a
    // wrong draw's figure if every class were "determined".
    if (rec.filtered) expect(dependent).toBeGreaterThan(100);
    const tally = summary ?? evidence.summary();
    for (const name of SUMMARY_COUNTS) expect(tally.evidence(name), name).toEqual(classifyFigure(direct.counts.map((c) => c[name])));
  }, 120_000);
});

describe("each row's recount is kept under its own row", () => {
  it("two lists of rows in other orders, asked on the same draws, each give every row its own figures", () => {
    const printed = survey.printed;
    if (!printed) throw new Error("the bundled survey carries its print");
    const missing = missingCodesOf(survey.codebook);
    const selection = applyFilter(survey, { ...EMPTY_FILTER, fylke: [11] });
    const drawn = selection.draws() ?? [];
    const picked = [0, 1, 17];
    const direct = directPerDraw((c) => c("fylke") === 11, true, picked);
    const all = everyRow(printed.tables);
    const lists = [[...all].reverse(), all.filter((_, i) => i % 3 === 1), all];
    let compared = 0;
    for (const list of lists) {
      picked.forEach((k, j) => {
        const draw = drawn[k];
        if (!draw) throw new Error(`no draw ${k}`);
        recountDraw(list, draw, missing, true).forEach((res, i) => {
          const row = list[i];
          for (const c of res) {
            expect(`${c.table}|${c.row}|${c.variable}`).toBe(`${row?.table.id}|${row?.row.label}|${row?.variable}`);
            const want = direct.figures[j]?.get(cellKey(c));
            if (want === undefined) continue;
            expect(c.reconstructed, `draw ${k}: ${cellKey(c)}`).toBe(want);
            compared++;
          }
        });
      });
    }
    expect(compared).toBeGreaterThan(1000);
  });
});
