/**
 * Notebook 04 (reconciliation), the weights section of notebook 03 and the PSPP export cells of
 * notebooks 01 and 03. Expected values come from the residual engine run directly on respondents.csv
 * read with PapaParse (not through the survey loader), from printed-tables.json read as plain JSON,
 * from hand-worked weights, and from PSPP itself.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { flaggedCells, missingCodesOf, reconcile, type ReconciledCell } from "../../../src/analysis/reconciliation/reconcile";
import { parseCodebook } from "../../../src/data/parse-codebook";
import { parsePrintedTables } from "../../../src/data/printed-tables";
import { computeResiduals } from "../../../src/data/residuals";
import { renderReconciledTable } from "../../../src/analysis/reconciliation/render-reconciliation";
import { toJsonValue, type HeadlessRun } from "../../../src/runtime/headless";
import { frequencies, pearson, postStratify } from "../../../src/stats/index";
import { liveRuntime, namesOf, nodeHost, notebook, repo, residualRecords, runHeadless, setFilter } from "./headless-survey";

const dataFile = (name: string): string => path.join(repo, "data/survey-1999", name);
const printed = parsePrintedTables(JSON.parse(readFileSync(dataFile("printed-tables.json"), "utf8")));
const codebook = parseCodebook(JSON.parse(readFileSync(dataFile("codebook.json"), "utf8")), "codebook.json");
const missing = missingCodesOf(codebook);

const records = residualRecords;

async function runReconciliation(): Promise<HeadlessRun> {
  return runHeadless("04-reconciliation.html");
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

describe("notebook 04: reconciliation", () => {
  it("runs headless with every cell fulfilled", async () => {
    const run = await runReconciliation();
    expect(run.cells.filter((c) => c.status !== "fulfilled").map((c) => `${c.id}: ${c.error?.message ?? c.status}`)).toEqual([]);
    expect(run.ok).toBe(true);
  }, 60_000);

  it("exits 0 from the CLI runner", () => {
    const out = execFileSync("npx", ["tsx", "scripts/run-notebook.ts", "notebooks/04-reconciliation.html"], { cwd: repo, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"], maxBuffer: 64 * 1024 * 1024 });
    expect(JSON.parse(out).ok).toBe(true);
  }, 120_000);

  it("prints the summary that computeResiduals gives on the respondents: no undocumented difference", async () => {
    const report = computeResiduals(printed, records(), missing);
    const expected = {
      compared: report.cells.length,
      exact: report.cells.filter((c) => c.ok && !c.soft && !c.conflict).length,
      conflictsMet: report.cells.filter((c) => c.ok && !c.soft && c.conflict).length,
      soft: report.cells.filter((c) => c.soft).length,
      softOff: report.cells.filter((c) => c.soft && !c.ok).length,
      conflictsOff: report.cells.filter((c) => !c.ok && !c.soft && c.conflict).length,
      differences: report.cells.filter((c) => !c.ok && !c.soft && !c.conflict).length,
    };
    const names = namesOf(await runReconciliation());
    const rec = names.rec;
    if (!isRecord(rec)) throw new Error("the rec cell printed no reconciliation");
    expect(rec.counts).toEqual(expected);
    expect(expected.differences).toBe(0);
    expect(expected.conflictsOff).toBe(0);
    expect(rec.skipped).toBe(report.skipped.length);
    expect(rec.filtered).toBe(false);
  }, 60_000);

  it("meets every documented conflict that printed-tables.json attaches to a recountable cell", () => {
    // Independently from the JSON: conflict ids on cells and on rows with a printed total, in
    // tables that are not lists (lists have nothing to recount).
    const raw: { tables: { kind: string; rows: { conflict?: string; total?: number | null; cells: { conflict?: string }[] }[] }[]; inconsistencies: { id: string }[] } =
      JSON.parse(readFileSync(dataFile("printed-tables.json"), "utf8"));
    const ids = new Set<string>();
    for (const t of raw.tables.filter((x) => x.kind !== "list")) {
      for (const row of t.rows) {
        for (const cell of row.cells) if (cell.conflict) ids.add(cell.conflict);
        if (row.conflict && row.total !== undefined && row.total !== null && t.kind === "frequency") ids.add(row.conflict);
      }
    }
    const rec = reconcile(printed, records(), missing);
    expect([...rec.conflictIds].sort()).toEqual([...ids].sort());
    expect(rec.conflictIds.length).toBe(18);
    expect(rec.inconsistencies.map((i) => i.id)).toEqual(raw.inconsistencies.map((i) => i.id));
    // The view model's cells are exactly the engine's cells.
    const strip = (c: ReconciledCell): Record<string, unknown> => {
      const { printed: _p, printedCount: _c, printedPercent: _q, label: _l, status: _s, ...rest } = c;
      return rest;
    };
    expect(rec.tables.flatMap((t) => t.cells).map(strip)).toEqual(computeResiduals(printed, records(), missing).cells);
  });

  it("flags exactly the two cells one flipped answer touches", () => {
    const base = records();
    const before = flaggedCells(reconcile(printed, base, missing));
    // A Servicetorg user (q7 = 1 or 2) who answered "I stor grad" (1) to q10_3 now says "I nokså stor grad" (2).
    const i = base.findIndex((r) => (r.q7 === 1 || r.q7 === 2) && r.q10_3 === 1);
    expect(i).toBeGreaterThanOrEqual(0);
    const mutated = base.map((r, j) => (j === i ? { ...r, q10_3: 2 } : r));
    const after = flaggedCells(reconcile(printed, mutated, missing));
    const key = (c: ReconciledCell): string => `${c.table}|${c.variable}|${String(c.code)}|${c.measure}`;
    const beforeKeys = new Set(before.map(key));
    const fresh = after.filter((c) => !beforeKeys.has(key(c)));
    // Tabell 3.4 prints counts: code 1 loses one, code 2 gains one; the row total is unchanged.
    expect(fresh.map((c) => [key(c), c.residual, c.status])).toEqual([
      ["3.4|q10_3|1|count", -1, "difference"],
      ["3.4|q10_3|2|count", 1, "difference"],
    ]);
    expect(after.length).toBe(before.length + 2);
  });

  it("highlights exactly the flipped cells in the per-table view", () => {
    const base = records();
    const i = base.findIndex((r) => (r.q7 === 1 || r.q7 === 2) && r.q10_3 === 1);
    const rec = reconcile(printed, base.map((r, j) => (j === i ? { ...r, q10_3: 2 } : r)), missing);
    const t34 = rec.tables.find((t) => t.id === "3.4");
    if (!t34) throw new Error("no Tabell 3.4");
    const doc = nodeHost().document;
    if (!doc) throw new Error("the node host has no document");
    const figure = renderReconciledTable(doc, rec, t34);
    const printedCount = (code: number): number => t34.cells.find((c) => c.variable === "q10_3" && c.code === code && c.measure === "count")?.printed ?? Number.NaN;
    const red = [...figure.querySelectorAll("tr.tv-differs")].map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent));
    // Columns: row, variable, category, measure, printed, resolved, recomputed, residual, conflict, status.
    expect(red.map((cells) => [cells[1], cells[2], cells[4], cells[6], cells[7]])).toEqual([
      ["q10_3", "1 I stor grad", String(printedCount(1)), String(printedCount(1) - 1), "−1"],
      ["q10_3", "2 I nokså stor grad", String(printedCount(2)), String(printedCount(2) + 1), "+1"],
    ]);
    expect(figure.querySelector("tr.tv-differs")?.getAttribute("style")).toMatch(/background/);
  });

  it("settles every cell, prints no NaN and says the print is for all 267 under narrow filters", async () => {
    const live = await liveRuntime("04-reconciliation.html");
    const { runtime } = live;
    const ids = notebook("04-reconciliation.html").cells.map((c) => c.id);
    try {
      for (const filter of [{ fylke: [], sizeClass: [1], respType: [2], adopted: [] }, { fylke: [11], sizeClass: [2], respType: [], adopted: [] }]) {
        await setFilter(live, filter);
        expect(ids.filter((id) => runtime.state(id)?.status !== "fulfilled")).toEqual([]);
        const shown = ids.flatMap((id) => [...(runtime.state(id)?.displays ?? []), runtime.state(id)?.value]).map((v) =>
          typeof v === "object" && v !== null && "outerHTML" in v ? String(v.outerHTML) : JSON.stringify(toJsonValue(v) ?? null)).join("\n");
        expect(shown).not.toMatch(/NaN|Infinity|>undefined<|undefined %/);
        expect(shown).toMatch(/trykte tabellene gjelder alle 267/);
      }
    } finally {
      runtime.dispose();
    }
  }, 60_000);

  it("says plainly that a filtered recomputation diverges from the print", () => {
    const subset = records().filter((r) => r.size_class === 6);
    const rec = reconcile(printed, subset, missing, { filtered: true });
    expect(rec.filtered).toBe(true);
    expect(rec.headline).toMatch(/trykte tabellene gjelder alle 267/);
    expect(reconcile(printed, subset, missing, { filtered: true, locale: "en" }).headline).toMatch(/printed tables are for all 267/);
    expect(rec.counts.differences).toBeGreaterThan(0);
  });
});

describe("post-stratification weights (notebook 03)", () => {
  it("weights a hand-worked 2-stratum sample to the population shares and sums to n", () => {
    // Sample n = 4: stratum A (size 1, kommune) 3 respondents, stratum B (size 6, fylkeskommune) 1.
    // Population P = 40: A 10 units, B 30 units.
    //   w_A = (10/40) / (3/4) = 0.25 / 0.75 = 1/3;   w_B = (30/40) / (1/4) = 0.75 / 0.25 = 3.
    //   Σ w = 3 · 1/3 + 1 · 3 = 4 = n.
    // y = 1 for two of A and 0 for the rest: unweighted 2/4 = 50 %; weighted (2 · 1/3) / 4 = 16.67 %
    // = the population share if A's 2/3 held for its 10 units: (10 · 2/3) / 40.
    const sample = { size_class: [1, 1, 1, 6], resp_type: [1, 1, 1, 2], y: [1, 1, 0, 0] };
    const post = postStratify(sample, [{ size_class: 1, resp_type: 1, population: 10 }, { size_class: 6, resp_type: 2, population: 30 }]);
    expect([...post.weights]).toEqual([1 / 3, 1 / 3, 1 / 3, 3].map((w) => expect.closeTo(w, 12)));
    expect([...post.weights].reduce((a, b) => a + b, 0)).toBeCloseTo(4, 12);
    const weighted = frequencies(sample, "y", { weight: post.weights });
    expect(weighted.valid.find((r) => r.code === 1)?.validPercent).toBeCloseTo(100 / 6, 10);
    expect(weighted.audit.line).toMatch(/vekt: poststratifiseringsvekt ·/);
  });

  it("shows SSB 1999 cells whose weights sum to N = 267 and a weighted Tabell 2.1 beside the unweighted one", async () => {
    const run = await runHeadless("03-size-and-correlations.html");
    expect(run.ok).toBe(true);
    const names = namesOf(run);
    expect(names.weightSum).toBeCloseTo(267, 9);
    // Population margins from municipalities.csv read independently: 435 kommuner + 18 fylkeskommuner.
    const units = Papa.parse<Record<string, string>>(readFileSync(dataFile("municipalities.csv"), "utf8"), { header: true, skipEmptyLines: true }).data;
    const population = names.population;
    if (!Array.isArray(population)) throw new Error("no population cells");
    const popOf = (s: number, t: number): number => units.filter((u) => Number(u.size_class) === s && Number(u.resp_type) === t).length;
    for (const cell of population) {
      if (!isRecord(cell)) throw new Error("bad cell");
      expect(cell.population).toBe(popOf(Number(cell.size_class), Number(cell.resp_type)));
    }
    expect(units.length).toBe(453);
    const weighted = names.weighted21;
    if (!Array.isArray(weighted)) throw new Error("no weighted Tabell 2.1");
    expect(weighted).toHaveLength(6);
    const first = weighted[0];
    if (!isRecord(first) || !isRecord(first.effect) || !isRecord(first.effect.audit) || !isRecord(first.effect.audit.weighted)) throw new Error("no effect");
    expect(first.effect.audit.weighted.weight).toBe("post-stratification weight");
  }, 60_000);
});

/**
 * Run a notebook's exported syntax through PSPP from the repository root (the syntax names
 * data/survey-1999/respondents.csv relatively) and return its CSV output. Two lines are added before
 * the first procedure so PSPP prints ten decimals instead of its display rounding.
 */
function runPspp(syntax: string): string {
  const lines = syntax.split("\n");
  const first = lines.findIndex((l) => /^(FREQUENCIES|CROSSTABS|CORRELATIONS) /.test(l));
  lines.splice(first, 0, "SET FORMAT=F40.10.", "OUTPUT MODIFY /SELECT TABLES /TABLECELLS SELECT=[RESIDUAL CORRELATIONS PERCENT SIGNIFICANCE COUNT] FORMAT=F40.10.");
  const dir = mkdtempSync(path.join(tmpdir(), "tverrsnitt-rec-pspp-"));
  writeFileSync(path.join(dir, "export.sps"), lines.join("\n"));
  execFileSync("pspp", ["-O", "format=csv", "-o", path.join(dir, "out.csv"), path.join(dir, "export.sps")], { cwd: repo, stdio: "ignore" });
  return readFileSync(path.join(dir, "out.csv"), "utf8");
}

function csvLines(text: string): string[][] {
  return Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
}

/** "6.3241106719%" or ".2917784370[a]" as a number. */
function psppNumber(cell: string | undefined): number {
  return Number((cell ?? "").replace(/\[[a-z]\]$/, "").replace(/%$/, ""));
}

const hasPspp = existsSync("/usr/bin/pspp");

describe("PSPP export cells (notebooks 01 and 03)", () => {
  it.skipIf(!hasPspp)("reproduces notebook 03's Pearson r of q30_5 × q11 in PSPP to 1e-6", async () => {
    const names = namesOf(await runHeadless("03-size-and-correlations.html"));
    const syntax = names.syntax;
    if (typeof syntax !== "string") throw new Error("notebook 03 shows no PSPP syntax");
    // Whoever runs it is told the file is one reconstruction of fifty, in the app's language (norsk headless).
    expect(syntax).toMatch(/^\* Respondentene er én av 50 rekonstruksjoner bygd fra de trykte tabellene/m);
    const out = runPspp(syntax);
    expect(out).not.toMatch(/error:/i);
    // CORRELATIONS /VARIABLES=q30_5 q6 q11 …: the first "Pearson Correlation" line is q30_5's row,
    // and its columns follow the variable list after two label columns, so q11 is column 4.
    const row = csvLines(out).find((l) => l[1] === "Pearson Correlation") ?? [];
    const shown = Array.isArray(names.topManagement) ? names.topManagement.find((c) => isRecord(c) && c.variable === "q11") : undefined;
    if (!isRecord(shown) || typeof shown.r !== "number") throw new Error("notebook 03 shows no r for q11");
    expect(shown.r).toBeCloseTo(psppNumber(row[4]), 6);
    // The same figure computed here from respondents.csv read independently.
    expect(pearson(surveyColumns(), "q30_5", "q11", { codebook }).r ?? Number.NaN).toBeCloseTo(psppNumber(row[4]), 6);
  }, 120_000);

  it.skipIf(!hasPspp)("reproduces notebook 01's Tabell 2.1 valid percent of q3 = 1 in PSPP to 1e-6", async () => {
    const names = namesOf(await runHeadless("01-overview.html"));
    const syntax = names.syntax;
    if (typeof syntax !== "string") throw new Error("notebook 01 shows no PSPP syntax");
    const out = runPspp(syntax);
    expect(out).not.toMatch(/error:/i);
    // FREQUENCIES q3 …: the first "Valid" line is q3 = 1; columns: label, value, frequency, percent, valid percent.
    const valid = csvLines(out).find((l) => l[0] === "Valid") ?? [];
    const t21 = names.t21;
    const q3 = isRecord(t21) && Array.isArray(t21.rows) ? t21.rows.find((r) => isRecord(r) && r.variable === "q3") : undefined;
    const cell = isRecord(q3) && Array.isArray(q3.cells) ? q3.cells.find((c) => isRecord(c) && c.code === 1) : undefined;
    if (!isRecord(cell) || typeof cell.percent !== "number") throw new Error("notebook 01 shows no q3 = 1 percent");
    expect(cell.percent).toBeCloseTo(psppNumber(valid[4]), 6);
    expect(frequencies(surveyColumns(), "q3", { codebook }).valid.find((r) => r.code === 1)?.validPercent ?? Number.NaN).toBeCloseTo(psppNumber(valid[4]), 6);
  }, 120_000);
});

/** The respondents as plain columns (PapaParse, numbers only) for the statistics core. */
function surveyColumns(): Record<string, (number | null)[]> {
  const rows = records();
  const keys = Object.keys(rows[0] ?? {});
  return Object.fromEntries(keys.map((k) => [k, rows.map((r) => r[k] ?? null)]));
}
