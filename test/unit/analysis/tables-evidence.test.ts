/**
 * Issue 10 item 3 on the report tables (tables.*): every figure a table shows carries what it rests
 * on, classified over the ensemble. The expected classes are counted here from ensemble.bin (not
 * through the code under test): a crosstab cell is "determined" when every draw has the same count,
 * else "reconstruction-dependent" with the draws' min and max. A user's own file marks every figure
 * "your data"; a result computed on plain columns carries no marker rather than an invented one.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseHTML } from "linkedom";
import { beforeAll, describe, expect, it } from "vitest";
import { applyFilter } from "../../../src/analysis/apply-filter";
import { statsBuiltin } from "../../../src/analysis/stats-builtin";
import type { Survey } from "../../../src/analysis/survey";
import { loadSurvey } from "../../../src/analysis/survey-source";
import { createTables } from "../../../src/analysis/tables/tables";
import { drawnMask } from "../../../src/analysis/evidence/drawn-values";
import { htmlTableData } from "../../../src/app/html-table-rows";
import { decodeEnsemble, type Ensemble } from "../../../src/data/ensemble";
import { EMPTY_FILTER } from "../../../src/data/survey-filter";
import { nodeHost, repo } from "../notebooks/headless-survey";

let survey: Survey;
let ensemble: Ensemble;
const { document } = parseHTML("<!doctype html><html><body></body></html>");
const tables = createTables({ document: () => document, shared: false, locale: "en" });

beforeAll(async () => {
  survey = await loadSurvey(nodeHost());
  const decoded = decodeEnsemble(new Uint8Array(readFileSync(path.join(repo, "data/survey-1999/ensemble.bin"))));
  if (!decoded.ok) throw new Error(decoded.error.message);
  ensemble = decoded.value;
});

/** Count of rows with row = a and column = b in draw k, straight from the ensemble's columns (optionally only in county `fylke`). */
function drawCount(k: number, row: string, a: number, column: string, b: number, fylke?: number): number {
  const x = ensemble.column(row, k) ?? new Float64Array();
  const y = ensemble.column(column, k) ?? new Float64Array();
  const f = ensemble.column("fylke", k) ?? new Float64Array();
  let n = 0;
  for (let i = 0; i < ensemble.rows; i++) if (x[i] === a && y[i] === b && (fylke === undefined || f[i] === fylke)) n++;
  return n;
}

describe("tables.* mark every figure with what it rests on", () => {
  it("crosstab cells: the class and range counted from ensemble.bin; χ², p and V classified in the audit; legend; CSV columns", () => {
    const selection = applyFilter(survey, EMPTY_FILTER, { locale: "en" });
    const el = tables.crosstab(selection, "size_class", "q29_1", { percent: "none" });
    // Which code each row and column is (the categories, not the figures under test).
    const { rows: rowCodes, columns: columnCodes } = statsBuiltin.crosstab(selection, "size_class", "q29_1");
    const head = [...el.querySelectorAll("thead th")].map((th) => th.textContent ?? "");
    const rows = [...el.querySelectorAll("tbody tr")].slice(0, -1);
    let checked = 0;
    let dependent = 0;
    rows.forEach((tr, i) => {
      const a = rowCodes[i]?.code ?? Number.NaN;
      [...tr.querySelectorAll("td")].slice(0, -1).forEach((td, j) => {
        const code = columnCodes[j]?.code ?? Number.NaN;
        const counts = Array.from({ length: ensemble.draws }, (_, k) => drawCount(k, "size_class", a, "q29_1", code));
        const min = Math.min(...counts);
        const max = Math.max(...counts);
        const kind = min === max ? "determined" : "reconstruction";
        expect(td.classList.contains(`tv-fig-${kind}`), `size ${a} × q29_1 ${code}: ${td.outerHTML}`).toBe(true);
        if (kind === "reconstruction") {
          dependent++;
          expect(td.querySelector(".tv-ev-range")?.textContent).toBe(`${min}–${max}`);
        }
        checked++;
      });
    });
    expect(checked).toBeGreaterThan(20);
    expect(dependent).toBeGreaterThan(0);
    const audit = [...el.querySelectorAll(".tv-audit-line")].map((p) => p.textContent ?? "");
    // size × q29_1 is not a relation the report states: its χ² must show as resting on the reconstruction.
    expect(audit.find((l) => l.startsWith("evidence of the tests"))).toMatch(/χ² R \d+\.\d\d–\d+\.\d\d · p R .* · V R /);
    expect(audit.some((l) => /^evidence: .*rests on the reconstruction \(over 50 reconstructions\)$/.test(l))).toBe(true);
    expect(el.querySelector(".tv-ev-legend")?.textContent).toContain("R = differs between the 50 reconstructions");
    const csv = htmlTableData(el.querySelector("table") ?? el);
    const evidenceColumns = csv.columnNames().filter((c) => c.endsWith("_evidence"));
    expect(evidenceColumns.length).toBe(head.length - 1);
    expect(csv.columnNames()).toContain(`${head[1] ?? ""}_min`);
    // The CSV text column holds the count alone, not the marker's letter and range.
    expect(String(csv.get(head[1] ?? "", 0))).toMatch(/^\d+$/);
  });

  it("a margin's percentage takes its count's class, not the count's range as a range of percentages (Total 100.0% showed R 11.0–20.0%)", () => {
    const rogaland = applyFilter(survey, { ...EMPTY_FILTER, fylke: [11] }, { locale: "en" });
    const el = tables.crosstab(rogaland, "q1", "q20", { percent: "row", counts: false });
    const rows = [...el.querySelectorAll("tbody tr")].map((tr) => [...tr.querySelectorAll("td")]);
    const margins = [...rows.slice(0, -1).map((tds) => tds[tds.length - 1]), ...(rows[rows.length - 1] ?? [])];
    const inner = rows.slice(0, -1).flatMap((tds) => tds.slice(0, -1));
    const range = (td: Element | undefined): string | null => td?.querySelector(".tv-ev .tv-ev-range")?.textContent ?? null;
    // The margins are marked (their count is drawn by the reconstruction) but carry no range …
    expect(margins.filter((td) => td?.querySelector(".tv-ev-reconstruction")).length).toBeGreaterThan(0);
    expect(margins.map(range)).toEqual(margins.map(() => null));
    // … while the cells' own percentages keep the range of their percentages across the draws.
    expect(inner.filter((td) => range(td) !== null).length).toBeGreaterThan(0);
  });

  it("names the variables the reconstruction drew, and for how many, in the audit line (counted from ensemble.bin, respondents matched by knr)", () => {
    const selection = applyFilter(survey, { ...EMPTY_FILTER, fylke: [11] }, { locale: "en" });
    const el = tables.frequencies(selection, "q29_1");
    // A row number is not a respondent across draws: a named kommune is found by its knr in each
    // draw; an anonymous respondent has no counterpart, and q29_1 is not forced for all of them.
    const shownKnr = survey.table.array("knr");
    const shownValue = survey.table.array("q29_1");
    const byKnr = Array.from({ length: ensemble.draws }, (_, k) => {
      const knr = ensemble.column("knr", k) ?? new Float64Array();
      const value = ensemble.column("q29_1", k) ?? new Float64Array();
      return new Map(Array.from(knr, (kn, i) => [kn, value[i]] as const).filter(([kn]) => !Number.isNaN(kn)));
    });
    const rows = [...selection.view.indices()];
    const drawn = rows.filter((i) => {
      const knr = Number(shownKnr[i] ?? Number.NaN);
      if (Number.isNaN(knr) || shownKnr[i] === null || shownKnr[i] === "") return true;
      const v = shownValue[i] === null || shownValue[i] === undefined ? Number.NaN : Number(shownValue[i]);
      return byKnr.some((m) => !Object.is(m.get(knr), v));
    }).length;
    expect(drawn).toBeGreaterThan(0);
    const audit = [...el.querySelectorAll(".tv-audit-line")].map((p) => p.textContent ?? "").join("\n");
    expect(audit).toContain(`q29_1 for ${drawn} of ${rows.length}`);
  });

  it("never counts a named municipality's county or any respondent's type as drawn; every anonymous kommune's county is drawn", () => {
    const fylke = drawnMask(survey, "fylke") ?? new Uint8Array();
    const type = drawnMask(survey, "resp_type") ?? new Uint8Array();
    const knr = survey.table.array("knr");
    const respType = survey.table.array("resp_type");
    let named = 0;
    let anonymousKommuner = 0;
    for (let i = 0; i < survey.table.numRows(); i++) {
      expect(type[i]).toBe(0);
      const isNamed = knr[i] !== null && knr[i] !== undefined && knr[i] !== "" && !Number.isNaN(Number(knr[i]));
      if (isNamed) {
        named++;
        expect(fylke[i]).toBe(0);
      } else if (Number(respType[i]) === 1) {
        anonymousKommuner++;
        expect(fylke[i]).toBe(1);
      }
    }
    // provenance.json: named respondents' county from SSB; anonymous kommuner drawn per size class.
    expect(named).toBeGreaterThan(100);
    expect(anonymousKommuner).toBeGreaterThan(0);
  });

  it("a result of stats.* on the selection is marked like the table given the data; one on a view is not marked", () => {
    const selection = applyFilter(survey, { ...EMPTY_FILTER, fylke: [11] }, { locale: "en" });
    const fromResult = tables.correlations(statsBuiltin.correlationMatrix(selection, ["size_class", "q29_1", "q1"]));
    const fromData = tables.correlations(selection, ["size_class", "q29_1", "q1"]);
    const classes = (el: HTMLElement): string[] => [...el.querySelectorAll("td")].map((td) => td.className);
    expect(classes(fromResult)).toEqual(classes(fromData));
    expect(fromData.querySelectorAll("td.tv-fig-reconstruction").length).toBeGreaterThan(0);
    const plain = tables.correlations(statsBuiltin.correlationMatrix(selection.view, ["size_class", "q29_1", "q1"], { codebook: survey.codebook }));
    expect(plain.querySelectorAll(".tv-ev")).toHaveLength(0);
  });

  it("a user's own data (no ensemble) marks every figure 'your data'", () => {
    const mine: Survey = { ...survey, draws: undefined, reconstructed: false };
    const el = tables.sizeClass(applyFilter(mine, EMPTY_FILTER, { locale: "en" }), "q20", [1]);
    const marked = [...el.querySelectorAll("td")].filter((td) => td.querySelector(".tv-ev"));
    expect(marked.length).toBeGreaterThan(10);
    expect(marked.every((td) => td.classList.contains("tv-fig-your-data"))).toBe(true);
    expect(el.querySelector(".tv-ev-legend")?.textContent).toBe("Y = computed on the file you loaded");
  });
});
