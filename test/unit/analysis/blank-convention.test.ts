/**
 * A blank answer looks the same to cell code in every survey-like table it can get: the survey, each
 * reconstruction (`survey.draws`, `selection.draws()`) and a user's own file. The convention
 * (docs/decisions.md, "Blanks are null"): a blank cell is `null` when read (`table.get`, `column.at`,
 * `rows`, Arquero expressions), so `=== null`, `op.valid` and `op.mean` agree; the statistics read
 * it as NaN (system missing) internally.
 *
 * The check that cannot be fooled by different respondents: a reconstruction built from draw 0 of
 * the ensemble file — the same respondents as respondents.csv, decoded by the ensemble's path — must
 * answer every question exactly as the survey does. Before the convention, it counted no blank with
 * `=== null` (its blanks were NaN), and notebook 03 counted NaN as "not adopted" on draws 1–49 only.
 *
 * The same holds for the identifier knr: text ("0231", its leading zero) in the survey, in every
 * reconstruction and in a user's file. Before, a reconstruction answered 231, so a cell looking a
 * kommune up by `d.knr === "0231"` found it in the survey and in no reconstruction.
 */
import { readFileSync } from "node:fs";
import { op, table as aqTable, type ColumnTable } from "arquero";
import { beforeAll, describe, expect, it } from "vitest";
import { withEnsemble } from "../../../src/analysis/evidence/ensemble-surveys";
import { surveyFromLoad, type Survey } from "../../../src/analysis/survey";
import { loadReportFacts, loadSurvey } from "../../../src/analysis/survey-source";
import { unwrap } from "../../../src/base/result";
import { decodeEnsemble, type Ensemble } from "../../../src/data/ensemble";
import { loadFile } from "../../../src/data/loaders/load-file";
import { frameOf, frequencies } from "../../../src/stats/index";
import { nodeHost, repo } from "../notebooks/headless-survey";

/** The bundled ensemble with every draw replaced by draw 0 (respondents.csv's respondents). */
function drawZeroEverywhere(ensemble: Ensemble): Ensemble {
  return {
    draws: ensemble.draws,
    rows: ensemble.rows,
    seed: ensemble.seed,
    drawSeeds: ensemble.drawSeeds,
    variables: ensemble.variables,
    values: (name) => ensemble.values(name),
    column: (name) => ensemble.column(name, 0),
    draw: () => ensemble.draw(0),
    stacked: (name) => ensemble.stacked(name),
  };
}

/** What cell code asks of one column, each in its own idiom. */
function answers(t: ColumnTable, name: string) {
  const list = Array.from(t.array(name));
  const answered = list.filter((v) => v !== null).map(Number);
  const rolled = t.rollup({ valid: op.valid(name), mean: op.mean(name) });
  const opValid: unknown = rolled.get("valid", 0);
  const opMean: unknown = rolled.get("mean", 0);
  const mean = answered.length === 0 ? null : answered.reduce((s, v) => s + v, 0) / answered.length;
  return {
    nullCount: list.filter((v) => v === null).length,
    looseNullCount: list.filter((v) => v == null).length,
    nanCount: list.filter((v) => Number.isNaN(v)).length,
    filteredNull: t.filter(`d[${JSON.stringify(name)}] === null`).numRows(),
    opValid,
    opMean,
    userMean: mean,
  };
}

let survey: Survey;
let reconstruction: Survey;

/** The columns both have, in the survey's order. */
function shared(): string[] {
  const drawn = new Set(reconstruction.table.columnNames());
  return survey.table.columnNames().filter((name) => drawn.has(name));
}

beforeAll(async () => {
  const loaded = await loadSurvey(nodeHost());
  const ensemble = unwrap(decodeEnsemble(new Uint8Array(readFileSync(`${repo}/data/survey-1999/ensemble.bin`))));
  survey = withEnsemble(loaded, drawZeroEverywhere(ensemble));
  const draw = survey.draws?.[1];
  if (!draw) throw new Error("no reconstruction 1");
  reconstruction = draw;
});

describe("a blank reads the same in the survey and in a reconstruction", () => {
  it("the reconstruction built from draw 0 holds the survey's respondents (the comparison below is like for like)", () => {
    expect(reconstruction).not.toBe(survey);
    // A reconstruction carries every coded column; the survey has its names besides.
    const columns = shared();
    expect(columns.length).toBeGreaterThan(130);
    // As the statistics read them (blank = NaN), every column holds the same values row by row.
    for (const name of columns) expect(Array.from(frameOf(reconstruction.table).column(name)), name).toEqual(Array.from(frameOf(survey.table).column(name)));
  });

  it("counts the same blanks with === null, == null, op.valid and filter, and gives the same means, in every column", () => {
    let blanks = 0;
    for (const name of shared()) {
      const s = answers(survey.table, name);
      const r = answers(reconstruction.table, name);
      expect(r, name).toEqual(s);
      // One convention inside each table too: no NaN, and every idiom counts the same blanks.
      expect(s.nanCount, name).toBe(0);
      expect(s.looseNullCount, name).toBe(s.nullCount);
      expect(s.filteredNull, name).toBe(s.nullCount);
      expect(s.opValid, name).toBe(survey.table.numRows() - s.nullCount);
      blanks += s.nullCount;
    }
    // The survey has blanks to count (skip rules leave many questions unanswered).
    expect(blanks).toBeGreaterThan(1000);
  });

  it("gives the same row objects (`rows`), blanks as null", () => {
    const columns = shared();
    const pick = (rows: readonly Record<string, unknown>[]) => rows.map((row) => columns.map((name) => row[name]));
    const [s, r] = [pick(survey.rows), pick(reconstruction.rows)];
    expect(s.flat().filter((v) => v === null).length).toBeGreaterThan(1000);
    // Compared row by row, so a failure names the first row that differs.
    for (const [i, row] of s.entries()) expect(r[i], `row ${i}`).toEqual(row);
  });

  it("and the statistics count those blanks as system missing, alike", () => {
    for (const name of ["q3", "q20", "q30_5", "q33"]) {
      const s = frequencies(survey, name);
      const r = frequencies(reconstruction, name);
      expect(r.missing, name).toEqual(s.missing);
      const blank = s.missing.find((row) => row.kind === "system-missing")?.count ?? 0;
      expect(blank, name).toBe(answers(survey.table, name).nullCount);
    }
  });

  it("every real reconstruction (draws 1–49) has blanks as null and no NaN", () => {
    const real = withEnsemble(survey, unwrap(decodeEnsemble(new Uint8Array(readFileSync(`${repo}/data/survey-1999/ensemble.bin`)))));
    const draws = real.draws ?? [];
    expect(draws.length).toBeGreaterThan(1);
    for (const draw of draws.slice(1)) {
      const a = answers(draw.table, "q30_5");
      expect(a.nanCount).toBe(0);
      expect(a.nullCount).toBeGreaterThan(0);
      expect(a.opValid).toBe(draw.table.numRows() - a.nullCount);
    }
  });
});

/** Every row's knr as cell code reads it, three ways. */
function knrs(t: ColumnTable): { get: unknown[]; array: unknown[]; rows: unknown[] } {
  return {
    get: Array.from({ length: t.numRows() }, (_, i) => t.get("knr", i)),
    array: Array.from(t.array("knr")),
    rows: t.objects().map((row) => Reflect.get(row, "knr")),
  };
}

describe("knr, an identifier, is text wherever cell code reads it (issue 11: identifiers are kept as text)", () => {
  it("the reconstruction built from draw 0 answers knr exactly as the survey does, row by row: \"0231\", not 231", () => {
    const s = knrs(survey.table);
    const r = knrs(reconstruction.table);
    // The survey's own knr: four digits with the leading zero (codebook), blank for anonymous respondents.
    expect(s.get.filter((v) => typeof v === "string" && /^\d{4}$/.test(v)).length).toBeGreaterThan(100);
    expect(s.get.some((v) => typeof v === "string" && v.startsWith("0"))).toBe(true);
    for (const [i, value] of s.get.entries()) expect(r.get[i], `row ${i}`).toBe(value);
    expect(r.array).toEqual(s.array);
    expect(r.rows).toEqual(s.rows);
    // A cell that looks a kommune up by its number finds it in both.
    const oslo = (t: ColumnTable) => t.params({ k: "0301" }).filter((d: Record<string, unknown>, $: Record<string, unknown>) => d.knr === $.k).numRows();
    expect(oslo(survey.table)).toBe(1);
    expect(oslo(reconstruction.table)).toBe(1);
  });

  it("every real reconstruction (draws 1–49) spells the survey's knr: the same named respondents, as text", () => {
    const real = withEnsemble(survey, unwrap(decodeEnsemble(new Uint8Array(readFileSync(`${repo}/data/survey-1999/ensemble.bin`)))));
    const named = (t: ColumnTable) => knrs(t).get.filter((v) => v !== null).sort();
    const expected = named(survey.table);
    const draws = real.draws ?? [];
    expect(draws.length).toBeGreaterThan(1);
    for (const [k, draw] of draws.entries()) expect(named(draw.table), `draw ${k}`).toEqual(expected);
  });

  it("a user's file keeps knr as the survey does", async () => {
    const csv = readFileSync(`${repo}/data/survey-1999/respondents.csv`, "utf8");
    const own = surveyFromLoad(unwrap(await loadFile(new TextEncoder().encode(csv), { codebook: survey.codebook, name: "mine.csv", format: "csv" })), { facts: await loadReportFacts(nodeHost()) });
    expect(knrs(own.table)).toEqual(knrs(survey.table));
  });
});

describe("a user's file reads blanks as null too", () => {
  it("a CSV with empty fields: === null, op.valid and the statistics agree", async () => {
    const csv = readFileSync(`${repo}/data/survey-1999/respondents.csv`, "utf8");
    const own = surveyFromLoad(unwrap(await loadFile(new TextEncoder().encode(csv), { codebook: survey.codebook, name: "mine.csv", format: "csv" })), { facts: await loadReportFacts(nodeHost()) });
    for (const name of ["q3", "q30_5"]) {
      expect(answers(own.table, name), name).toEqual(answers(survey.table, name));
      expect(frequencies(own, name).missing).toEqual(frequencies(survey, name).missing);
    }
    // And an Arquero table a cell makes itself follows the same rule.
    expect(answers(aqTable({ x: [1, null, 3] }), "x")).toMatchObject({ nullCount: 1, opValid: 2, opMean: 2, userMean: 2 });
  });
});
