/**
 * Issue 10 on notebook 04: every recomputed figure of the reconciliation says what it rests on, the
 * way tables do. Hand-checked here from outside the code under test: unfiltered, Tabell 2.1's
 * "Holder på å innføre" for serviceerklæringer is the printed count (37 in printed-tables.json) →
 * printed; under the Rogaland filter (fylke 11) each count is counted here in every draw of
 * ensemble.bin → determined when all draws agree, else reconstruction-dependent with that range.
 * A shared view that hides a count shows no marker or range for it.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { applyFilter } from "../../../src/analysis/apply-filter";
import { createReconciliationBuiltins } from "../../../src/analysis/reconciliation/reconciliation-builtins";
import { evidenceOfReconciliation } from "../../../src/analysis/reconciliation/reconciliation-evidence";
import { missingCodesOf, reconcile } from "../../../src/analysis/reconciliation/reconcile";
import { SUMMARY_COUNTS } from "../../../src/analysis/reconciliation/summary-evidence";
import type { Survey } from "../../../src/analysis/survey";
import { loadSurvey } from "../../../src/analysis/survey-source";
import { decodeEnsemble, type Ensemble } from "../../../src/data/ensemble";
import { EMPTY_FILTER } from "../../../src/data/survey-filter";
import { messages } from "../../../src/base/locale/locale";
import { nodeHost, repo } from "../notebooks/headless-survey";

let survey: Survey;
let ensemble: Ensemble;
const host = nodeHost();
const live = createReconciliationBuiltins({ document: host.document, view: "live" }).reconciliation;
const shared = createReconciliationBuiltins({ document: host.document, view: "shared" }).reconciliation;

const printed: { tables: { id: string; rows: { label: string; variable: string; cells: { code: number; count?: number }[] }[] }[] } = JSON.parse(
  readFileSync(path.join(repo, "data/survey-1999/printed-tables.json"), "utf8"),
);

beforeAll(async () => {
  survey = await loadSurvey(host);
  const decoded = decodeEnsemble(new Uint8Array(readFileSync(path.join(repo, "data/survey-1999/ensemble.bin"))));
  if (!decoded.ok) throw new Error(decoded.error.message);
  ensemble = decoded.value;
});

/** Respondents with `variable` = code in county `fylke`, in draw k, from the ensemble's columns. */
function drawCount(k: number, variable: string, code: number, fylke: number): number {
  const x = ensemble.column(variable, k) ?? new Float64Array();
  const f = ensemble.column("fylke", k) ?? new Float64Array();
  let n = 0;
  for (let i = 0; i < ensemble.rows; i++) if (x[i] === code && f[i] === fylke) n++;
  return n;
}

/** The rows of reconciliation.table(rec, "2.1") for serviceerklæringer (q3), by code. */
function q3Rows(el: HTMLElement): Map<number, Element> {
  const out = new Map<number, Element>();
  for (const tr of el.querySelectorAll("tbody tr")) {
    const tds = [...tr.querySelectorAll("td")].map((td) => td.textContent ?? "");
    if (tds[1] === "q3" && tds[3] === "n") out.set(Number(tds[2]?.split(" ")[0]), tr);
  }
  return out;
}

describe("notebook 04's figures are classified over the ensemble", () => {
  it("unfiltered: the printed count of Tabell 2.1 (q3 = 2, 37 in print) is marked printed", () => {
    const rec = live.build(applyFilter(survey, EMPTY_FILTER));
    const el = live.table(rec, "2.1");
    const row = printed.tables.find((t) => t.id === "2.1")?.rows.find((r) => r.variable === "q3");
    const count = row?.cells.find((c) => c.code === 2)?.count;
    expect(count).toBe(37);
    const tr = q3Rows(el).get(2);
    const recomputed = tr?.querySelectorAll("td")[6];
    expect(recomputed?.textContent?.startsWith(String(count))).toBe(true);
    expect(recomputed?.classList.contains("tv-fig-printed")).toBe(true);
    expect(el.querySelector(".tv-ev-legend")?.textContent).toContain(`P = ${messages.nb.evidenceExplain("printed", 0)}`);
  });

  it("under fylke 11: each q3 count classed and ranged as counted by hand in all 50 draws", () => {
    const rec = live.build(applyFilter(survey, { ...EMPTY_FILTER, fylke: [11] }));
    const rows = q3Rows(live.table(rec, "2.1"));
    let dependent = 0;
    for (const code of [1, 2, 3, 4]) {
      const counts = Array.from({ length: ensemble.draws }, (_, k) => drawCount(k, "q3", code, 11));
      const min = Math.min(...counts);
      const max = Math.max(...counts);
      const td = rows.get(code)?.querySelectorAll("td")[6];
      expect(td?.textContent?.startsWith(String(counts[0]))).toBe(true);
      const kind = min === max ? "determined" : "reconstruction";
      expect(td?.classList.contains(`tv-fig-${kind}`), `q3 = ${code}: ${td?.outerHTML ?? ""}`).toBe(true);
      if (kind === "reconstruction") {
        dependent++;
        expect(td?.querySelector(".tv-ev-range")?.textContent).toBe(`${min}–${max}`);
      }
    }
    expect(dependent).toBeGreaterThan(0);
    const evidence = evidenceOfReconciliation(rec);
    expect(evidence?.figures.counts.reconstruction).toBeGreaterThan(100);
  });

  it("every one of the 727 figures is classified, unfiltered and under a county (44 and 66 were left without a class)", () => {
    for (const filter of [EMPTY_FILTER, { ...EMPTY_FILTER, fylke: [11] }]) {
      const rec = live.build(applyFilter(survey, filter));
      const evidence = evidenceOfReconciliation(rec);
      const cells = rec.tables.flatMap((t) => t.cells);
      expect(cells.length).toBe(727);
      expect(evidence?.unclassified).toBe(0);
      expect(cells.filter((c) => evidence?.pathOf(c) === undefined)).toEqual([]);
    }
  });

  it("a running-text figure on a derived variable (three or more of the six models) is classed as counted by hand in every draw", () => {
    const six = ["q3", "q7", "q12", "q16", "q20", "q24"];
    /** Respondents in draw k (of county `fylke`, or all) who have adopted (code 1) three or more of the six. */
    const threeOrMore = (k: number, fylke?: number): number => {
      const columns = six.map((v) => ensemble.column(v, k) ?? new Float64Array());
      const f = ensemble.column("fylke", k) ?? new Float64Array();
      let n = 0;
      for (let i = 0; i < ensemble.rows; i++) {
        if (fylke !== undefined && f[i] !== fylke) continue;
        if (columns.filter((c) => c[i] === 1).length >= 3) n++;
      }
      return n;
    };
    for (const fylke of [undefined, 11]) {
      const rec = live.build(applyFilter(survey, fylke === undefined ? EMPTY_FILTER : { ...EMPTY_FILTER, fylke: [fylke] }));
      const cell = rec.tables.find((t) => t.id === "text:active-municipalities")?.cells.find((c) => c.variable === "n_models_adopted" && c.code === "3+");
      const counts = Array.from({ length: ensemble.draws }, (_, k) => threeOrMore(k, fylke));
      expect(cell?.reconstructed).toBe(counts[0]);
      const path = cell && evidenceOfReconciliation(rec)?.pathOf(cell);
      expect(path).toBeDefined();
      const evidence = path === undefined ? undefined : evidenceOfReconciliation(rec)?.figures.evidence(path);
      const [min, max] = [Math.min(...counts), Math.max(...counts)];
      if (min === max) expect(evidence).toEqual({ kind: "determined", draws: ensemble.draws });
      else expect(evidence).toEqual({ kind: "reconstruction", draws: ensemble.draws, range: { min, max } });
    }
  });

  it("the summary's counts under a county are classed as full reconciliations of each draw's records give them", () => {
    const printedTables = survey.printed;
    if (!printedTables) throw new Error("the bundled survey carries its print");
    const missing = missingCodesOf(survey.codebook);
    // Each draw's respondents of fylke 11 as plain records, straight from ensemble.bin, reconciled by
    // the record path (not the typed-array counts the workbench recounts with).
    const perDraw = Array.from({ length: ensemble.draws }, (_, k) => {
      const columns = ensemble.variables.map((v): [string, Float64Array] => [v, ensemble.column(v, k) ?? new Float64Array()]);
      const f = ensemble.column("fylke", k) ?? new Float64Array();
      const records = [];
      for (let i = 0; i < ensemble.rows; i++) {
        if (f[i] !== 11) continue;
        // A blank is null under its name, as recordOf gives a survey row's NaN.
        records.push(Object.fromEntries(columns.map(([v, c]) => [v, Number.isFinite(c[i]) ? (c[i] ?? null) : null])));
      }
      return reconcile(printedTables, records, missing, { filtered: true }).counts;
    });
    const rec = live.build(applyFilter(survey, { ...EMPTY_FILTER, fylke: [11] }));
    expect(rec.counts).toEqual(perDraw[0]);
    const summary = evidenceOfReconciliation(rec)?.summary();
    let dependent = 0;
    for (const name of SUMMARY_COUNTS) {
      const values = perDraw.map((c) => c[name]);
      const [min, max] = [Math.min(...values), Math.max(...values)];
      const expected = min === max ? { kind: "determined", draws: ensemble.draws } : { kind: "reconstruction", draws: ensemble.draws, range: { min, max } };
      if (min !== max) dependent++;
      expect(summary?.evidence(name), name).toEqual(expected);
    }
    expect(dependent).toBeGreaterThan(0);
    const exact = [...live.summary(rec).querySelectorAll("tr")].find((tr) => tr.textContent?.startsWith(messages.nb.recSummaryRows.exact));
    expect(exact?.querySelector("td:nth-child(2)")?.className).toMatch(/tv-fig-(determined|reconstruction)/);
  });

  it("Tabell 2.9 under a county takes its percentages of the county's own answers, not of the whole survey's 256", () => {
    const rec = live.build(applyFilter(survey, { ...EMPTY_FILTER, fylke: [11] }));
    const cells = rec.tables.find((t) => t.id === "2.9")?.cells.filter((c) => c.variable === "q29_1" && c.measure === "percent") ?? [];
    const q = ensemble.column("q29_1", 0) ?? new Float64Array();
    const f = ensemble.column("fylke", 0) ?? new Float64Array();
    let answered = 0;
    const byCode = new Map<number, number>();
    for (let i = 0; i < ensemble.rows; i++) {
      const v = q[i] ?? Number.NaN;
      if (f[i] !== 11 || ![1, 2, 3, 4, 9].includes(v)) continue;
      answered++;
      byCode.set(v, (byCode.get(v) ?? 0) + 1);
    }
    expect(answered).toBeGreaterThan(5);
    expect(cells.map((c) => c.code)).toEqual([1, 2, 3, 4, 9]);
    for (const c of cells) {
      const decimals = String(c.target).split(".")[1]?.length ?? 0;
      const expected = Math.floor((((byCode.get(Number(c.code)) ?? 0) / answered) * 100) * 10 ** decimals + 0.5 + 1e-9) / 10 ** decimals;
      expect(c.reconstructed, `q29_1 = ${c.code}`).toBe(expected);
    }
  });

  it("a shared view of a county with 1–2 respondents in a cell: the hidden count has no marker and no range", () => {
    const rec = shared.build(applyFilter(survey, { ...EMPTY_FILTER, fylke: [9] }, { shared: true }));
    const el = shared.table(rec, "2.1");
    const hidden = [...el.querySelectorAll("tbody td:nth-child(7)")].filter((td) => /< 3|·/.test(td.textContent ?? ""));
    expect(hidden.length).toBeGreaterThan(0);
    for (const td of hidden) {
      expect(td.querySelector(".tv-ev")).toBeNull();
      expect(td.className).not.toMatch(/tv-fig-/);
    }
  });
});
