/**
 * Issue 12 on notebook 04: every printed table's figures are recounted on each reconstruction by one
 * compiled plan (recount-plan.ts: respondents found once per base restriction, each variable counted
 * once into a histogram, figures made from typed arrays). Each figure must be the one the record
 * path gives — the residual engine's own `rowRecount` on plain records, counted by hand here from
 * the draw's selected rows — on every draw, under counties, size classes, types, combinations, a
 * selection nobody meets and no filter, for a subset's plan and the whole survey's.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { applyFilter, type FilteredSurvey } from "../../../src/analysis/apply-filter";
import { missingCodesOf, reconcile, recordOf } from "../../../src/analysis/reconciliation/reconcile";
import { reconcileSelection } from "../../../src/analysis/reconciliation/reconciliation-builtins";
import { drawFigures, planOf } from "../../../src/analysis/reconciliation/recount-on-draws";
import type { Survey } from "../../../src/analysis/survey";
import { loadSurvey } from "../../../src/analysis/survey-source";
import type { PrintedTable } from "../../../src/data/printed-tables";
import { recordRespondents, type CodeCounts, type Respondents } from "../../../src/data/respondents";
import { rowRecount, withDerived, type MissingCodes, type RecordValues } from "../../../src/data/residuals";
import { EMPTY_FILTER, type SurveyFilter } from "../../../src/data/survey-filter";
import { frameOf } from "../../../src/stats/index";
import { compileRecountPlan, recountWithPlan, type RowToPlan } from "../../../src/analysis/reconciliation/recount-plan";
import { nodeHost } from "../notebooks/headless-survey";

let survey: Survey;
let tables: readonly PrintedTable[];
let missing: MissingCodes;

beforeAll(async () => {
  survey = await loadSurvey(nodeHost());
  const printed = survey.printed;
  if (!printed) throw new Error("the bundled survey carries its print");
  tables = printed.tables.filter((t) => t.kind !== "list");
  missing = missingCodesOf(survey.codebook);
});

/** The derived variables `withDerived` adds to every record. */
const DERIVED = ["n_models_adopted", "any_six_adopted", "any_model_adopted"];

/**
 * Plain records as the record path counts them (`recordRespondents`), but with the typed path's
 * rule for what is carried: a variable is carried when the survey has the column (even when no
 * record is selected); a restriction on a column nobody has is met by nobody.
 */
function respondentsOf(records: readonly RecordValues[], names: readonly string[]): Respondents {
  const carried = new Set([...names, ...DERIVED]);
  const counted = recordRespondents(records);
  return {
    codes: (variable, where): CodeCounts | undefined => {
      if (where.some((w) => !names.includes(w.variable))) return { counts: new Map(), total: 0 };
      if (!carried.has(variable)) return undefined;
      return counted.codes(variable, where) ?? { counts: new Map(), total: records.filter((r) => where.every((w) => w.codes.some((code) => r[w.variable] === code))).length };
    },
  };
}

/** Every respondent of a reconstruction as a plain record (blank: null, derived variables added), by backing row. */
const recordsOf = new WeakMap<object, RecordValues[]>();

/** A draw's selected respondents as plain records, by hand from its frame. */
function handCounted(draw: FilteredSurvey): Respondents {
  const frame = frameOf(draw.view);
  const names = frame.names();
  let all = recordsOf.get(draw.survey.table);
  if (!all) {
    const columns = names.map((name) => [name, frame.column(name)] as const);
    all = Array.from({ length: frame.totalRows }, (_, r) => {
      const rec: Record<string, number | null> = {};
      for (const [name, column] of columns) {
        const v = column[r] ?? Number.NaN;
        rec[name] = Number.isNaN(v) ? null : v;
      }
      return withDerived(rec);
    });
    recordsOf.set(draw.survey.table, all);
  }
  const everyone = all;
  const records = frame.rows ? Array.from(frame.rows, (r) => everyone[r] ?? {}) : everyone;
  return respondentsOf(records, names);
}

interface Case {
  name: string;
  filter: SurveyFilter;
  /** The selection is empty (nobody meets the filter). */
  empty?: boolean;
}

const COUNTIES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 14, 15, 16, 17, 18, 19, 20];
const CASES: Case[] = [
  ...COUNTIES.map((fylke) => ({ name: `fylke ${fylke}`, filter: { ...EMPTY_FILTER, fylke: [fylke] } })),
  ...[1, 2, 3, 4, 5, 6].map((size) => ({ name: `size class ${size}`, filter: { ...EMPTY_FILTER, sizeClass: [size] } })),
  { name: "kommuner", filter: { ...EMPTY_FILTER, respType: [1] } },
  { name: "fylkeskommuner", filter: { ...EMPTY_FILTER, respType: [2] } },
  { name: "Hordaland, size classes 5 and 6", filter: { ...EMPTY_FILTER, fylke: [12], sizeClass: [5, 6] } },
  { name: "Rogaland and Nordland, kommuner", filter: { ...EMPTY_FILTER, fylke: [11, 18], respType: [1] } },
  { name: "adopted q3 and q12", filter: { ...EMPTY_FILTER, adopted: ["q3", "q12"] } },
  { name: "size class 1 fylkeskommuner (nobody)", filter: { ...EMPTY_FILTER, sizeClass: [1], respType: [2] }, empty: true },
  { name: "no filter", filter: EMPTY_FILTER },
];

/** Compare every figure of every table on every draw of `filter`; returns how many were compared and how many varied across draws. */
function compareAll(filter: SurveyFilter, subset: boolean): { compared: number; given: number; varied: number; n: number } {
  const selection = applyFilter(survey, filter);
  const draws = selection.draws() ?? [];
  expect(draws.length).toBe(50);
  let compared = 0;
  let given = 0;
  const seen = new Map<string, number>();
  const varied = new Set<string>();
  for (const [k, draw] of draws.entries()) {
    const who = handCounted(draw);
    for (const table of tables) {
      const plan = planOf(table, subset);
      const got = drawFigures(plan, draw, missing);
      expect(got.length).toBe(plan.size);
      for (const { label, variable, recount, at } of plan.rows) {
        const row = table.rows.find((r) => r.label === label);
        if (!row) throw new Error(`no row ${label}`);
        // The record path itself: the row compiled as the build compiles it, on the hand-counted records.
        const reference = rowRecount(table, row, { allRows: table.kind === "multiple-response" ? table.rows : undefined, variable, subset });
        expect(reference?.shapes).toEqual(recount.shapes);
        const want = new Array<number>(recount.shapes.length).fill(Number.NaN);
        const carried = reference?.figures(who, missing, want, 0) ?? false;
        recount.shapes.forEach((shape, i) => {
          const figure = `draw ${k}: ${table.id} | ${label} | ${variable} | ${String(shape.code)} | ${shape.measure}`;
          expect(got[at + i], figure).toBe(carried ? want[i] : Number.NaN);
          compared++;
          if (!carried) return;
          given++;
          const key = `${table.id}|${label}|${variable}|${i}`;
          const first = seen.get(key);
          if (first === undefined) seen.set(key, want[i] ?? Number.NaN);
          else if (first !== want[i]) varied.add(key);
        });
      }
    }
  }
  return { compared, given, varied: varied.size, n: selection.n };
}

describe("04's compiled recount gives every figure the record path gives, on every draw", () => {
  it.each(CASES)("$name", ({ filter, empty }) => {
    const filtered = filter !== EMPTY_FILTER;
    const { compared, given, varied, n } = compareAll(filter, filtered);
    // 727 figures are shown; the plan recounts every figure of every recountable row, on 50 draws.
    expect(compared).toBeGreaterThanOrEqual(727 * 50);
    expect(given).toBeGreaterThanOrEqual(727 * 50);
    if (empty) expect(n).toBe(0);
    // A filter leaves figures to the reconstruction: a plan that gave every draw draw 0's figures would fail here.
    else if (filtered) expect(varied).toBeGreaterThan(50);
  }, 60_000);

  it("a subset's plan on the whole survey, and the whole survey's plan under a county", () => {
    expect(compareAll(EMPTY_FILTER, true).given).toBeGreaterThanOrEqual(727 * 50);
    expect(compareAll({ ...EMPTY_FILTER, fylke: [11] }, false).varied).toBeGreaterThan(50);
  }, 60_000);
});

describe("the compiled recount on hand-made columns: what the print does not exercise", () => {
  const table = (id: string, kind: PrintedTable["kind"], rows: PrintedTable["rows"]): PrintedTable => ({ id, caption: id, lines: [1, 2], questions: [], kind, rows });
  const cell = (code: number | string, figure: { count?: number; percent?: number }): PrintedTable["rows"][number]["cells"][number] => ({ code, label: String(code), ...figure });
  const tables: PrintedTable[] = [
    table("f", "frequency", [
      // Code 0, a code list, a range, "at least", and values outside 0–255 (300, −1, 2.5) in the data.
      { label: "counts", variable: "q1", cells: [cell(0, { count: 1 }), cell(1, { count: 1 }), cell("2+3", { count: 1 }), cell("41-50", { count: 1 }), cell("3+", { count: 1 })], total: 9 },
      { label: "of respondents", variable: "q1", where: [{ variable: "g", codes: [1] }], percentBase: "respondents", cells: [cell(1, { percent: 10 }), cell(0, { percent: 10.5 })] },
      { label: "of the printed total", variable: "q1", percentBase: "row-total", cells: [cell(1, { percent: 10 }), cell(2, { percent: 3 })], total: 40 },
      { label: "nobody can meet", variable: "q1", where: [{ variable: "nope", codes: [1] }], percentBase: "respondents", cells: [cell(1, { percent: 10 }), cell(1, { count: 2 })] },
      { label: "not carried", variable: "zz", cells: [cell(1, { count: 2 })] },
      // As today's recount: a restriction nobody can meet gives zeros, whether or not the variable is carried.
      { label: "not carried, nobody can meet", variable: "zz", where: [{ variable: "nope", codes: [1] }], cells: [cell(1, { count: 2 })] },
      { label: "of the row sum", variable: "q2", where: [{ variable: "g", codes: [1] }], cells: [cell(0, { percent: 50 }), cell(1, { percent: 50 })] },
    ]),
    table("text:t", "text", [
      { label: "of valid answers, missing left out", variable: "q1", cells: [cell(1, { percent: 20 }), cell("2+3", { percent: 20 })] },
      { label: "of every answer", variable: "q1", percentBase: "row-total", cells: [cell(1, { percent: 20 })] },
    ]),
    table("m", "multiple-response", [
      { label: "m1", variable: "m1", percentBase: "answers", cells: [cell(1, { percent: 40 })] },
      { label: "m2", variable: "m2", percentBase: "answers", cells: [cell(1, { percent: 60 })] },
      { label: "m1 of respondents", variable: "m1", where: [{ variable: "g", codes: [1, 2] }], percentBase: "respondents", cells: [cell(1, { percent: 40 })] },
    ]),
  ];
  const N = Number.NaN;
  const draws: Record<string, Float64Array>[] = [
    { q1: [0, 1, 2, 3, 9, N, 300, -1, 2.5, 1, 0, 41], q2: [1, 1, 0, 0, 1, N, 1, 0, 0, 1, 1, 0], g: [1, 2, 1, 1, 2, 1, 1, 2, 1, 1, 2, 1], m1: [1, 1, N, 1, 0, 1, 1, N, 1, 1, 0, 1], m2: [1, 0, 1, N, 1, 1, 0, 1, 1, 0, 1, 1] },
    { q1: [9, 0, 0, 1, 1, 2, 255, 256, 3, 50, N, 0], q2: [0, 0, 0, 1, 1, 1, 0, 1, N, 0, 1, 0], g: [2, 1, 1, 1, 2, 1, 2, 1, 1, 1, 2, 1], m1: [0, 1, 1, 1, 1, N, 0, 1, 1, 1, 1, 0], m2: [1, 1, 0, 1, N, 0, 1, 1, 0, 1, 1, 1] },
  ].map((d) => Object.fromEntries(Object.entries(d).map(([k, v]) => [k, Float64Array.from(v)])));
  const missing9 = (variable: string): readonly number[] => (variable === "q1" ? [9, 9] : []);

  it.each([
    { name: "all rows", subset: false, rows: null },
    { name: "a subset", subset: true, rows: Uint32Array.from([0, 2, 3, 6, 7, 8, 11]) },
    { name: "nobody", subset: true, rows: new Uint32Array(0) },
  ])("$name, on two draws in turn", ({ subset, rows }) => {
    const placed: { table: PrintedTable; row: PrintedTable["rows"][number]; at: number; shapes: number }[] = [];
    const specs: RowToPlan[] = [];
    let size = 0;
    for (const t of tables) {
      for (const row of t.rows) {
        const recount = rowRecount(t, row, { allRows: t.kind === "multiple-response" ? t.rows : undefined, subset });
        if (!recount) throw new Error(`${row.label} is recountable`);
        placed.push({ table: t, row, at: size, shapes: recount.shapes.length });
        specs.push({ spec: recount.spec, at: size });
        size += recount.shapes.length;
      }
    }
    const plan = compileRecountPlan(specs, size);
    let given = 0;
    // Twice over the two draws: what one draw leaves behind must not reach the next.
    for (const columns of [...draws, ...draws]) {
      const n = rows ? rows.length : 12;
      const got = new Float64Array(size).fill(Number.NaN);
      recountWithPlan(plan, { key: columns, values: (v) => columns[v], where: (v) => columns[v], rows, n }, missing9, got);
      const records = Array.from({ length: n }, (_, i) => Object.fromEntries(Object.entries(columns).map(([k, c]) => [k, Number.isNaN(c[rows ? (rows[i] ?? 0) : i] ?? N) ? null : (c[rows ? (rows[i] ?? 0) : i] ?? null)])));
      const who = respondentsOf(records, Object.keys(columns));
      for (const { table: t, row, at, shapes } of placed) {
        const want = new Array<number>(shapes).fill(Number.NaN);
        const carried = rowRecount(t, row, { allRows: t.kind === "multiple-response" ? t.rows : undefined, subset })?.figures(who, missing9, want, 0) ?? false;
        expect(carried).toBe(row.label !== "not carried");
        expect([...got.subarray(at, at + shapes)], `${t.id} | ${row.label}`).toEqual(carried ? want : want.map(() => N));
        if (carried) given += shapes;
      }
    }
    expect(given).toBe(4 * (size - 1));
  });
});

describe("reconciliation.build on a selection of the reconstruction counts with the plan", () => {
  it.each(CASES.filter((_, i) => i % 3 === 0 || i >= 25))("$name: the reconciliation its records give, key for key", ({ filter }) => {
    const selection = applyFilter(survey, filter);
    const printed = survey.printed;
    if (!printed) throw new Error("the bundled survey carries its print");
    for (const locale of ["nb", "en"] as const) {
      const { disclosureSensitive, ...built } = reconcileSelection(selection, locale);
      expect(typeof disclosureSensitive).toBe("boolean");
      const records = reconcile(printed, selection.rows.map(recordOf), missing, { filtered: filter !== EMPTY_FILTER, locale });
      // JSON: the same cells in the same order, each with its keys in the same order (exports read them so).
      expect(JSON.stringify(built)).toBe(JSON.stringify(records));
      if (selection.n > 0) expect(built.tables.flatMap((t) => t.cells)).toHaveLength(727);
      // Each cell's keys in the order the record (`cellResidual`) then the print gave them before.
      for (const cell of built.tables.flatMap((t) => t.cells)) {
        const optional = [...(cell.conflict === undefined ? [] : ["conflict"]), ...(cell.soft === undefined ? [] : ["soft"])];
        expect(Object.keys(cell)).toEqual(["table", "row", "variable", "code", "target", "measure", "reconstructed", "residual", "ok", ...optional, "printed", "printedCount", "printedPercent", "label", "status"]);
      }
    }
  });
});
