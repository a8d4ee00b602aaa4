/**
 * The printed tables of the 1999 survey report (Tabell 2.1–2.9, 3.1–3.12, the lists of the most
 * active municipalities and every figure the text states in numbers), transcribed exactly as
 * printed, with the questionnaire variable each row comes from and the report's
 * self-contradictions recorded next to the figures they affect.
 *
 * `data/survey-1999/printed-tables.json` has exactly the {@link PrintedTables} shape;
 * {@link parsePrintedTables} validates it once at the boundary so the reconstruction and the
 * residual tests can trust it.
 */
import { fail, ok, unwrap, type Result } from "../base/result";
import { dataFileProblem, type DataFileProblem } from "./data-file-problem";
import { isRecord } from "../base/guards";

/** One printed figure: a category of the row's variable with its printed count and/or percent. */
export interface PrintedCell {
  /** The response code (1 = "Har allerede innført" …) or a string for derived categories. */
  code: number | string;
  /** The column heading as printed. */
  label: string;
  /** The printed frequency; null when the report prints none; a printed "-" is 0. */
  count?: number | null;
  /** The printed percentage (one decimal or integer, as printed); null when none is printed. */
  percent?: number | null;
  /** Set when the printed figure is infeasible; the value the reconstruction reproduces instead. */
  resolved?: { count?: number; percent?: number };
  /** Id of the entry in `inconsistencies` that explains `resolved`. */
  conflict?: string;
}

/**
 * How a row's percentages are computed:
 * - `row-total`: count / printed row total (the row's printed cells include the "vet ikke" column);
 * - `valid`: count / total of the printed cells, "vet ikke" and blanks left out;
 * - `respondents`: count / all respondents N (multiple-response "i prosent av N");
 * - `answers`: count / all ticks of the multiple-response set ("i prosent av samlet antall svar").
 */
export type PercentBase = "row-total" | "respondents" | "answers" | "valid";

/** A restriction of the base: only respondents whose `variable` has one of `codes`. */
export interface BaseRestriction {
  variable: string;
  codes: number[];
}

/** One printed row (or, for matrices such as Tabell 2.6, one printed cell-group of one variable). */
export interface PrintedRow {
  label: string;
  /** Codebook variable name (q3, q4_1 …) or a derived variable documented in the table note. */
  variable: string;
  /** Restrict the base, e.g. to adopters and those introducing the model. */
  where?: BaseRestriction[];
  cells: PrintedCell[];
  /** The printed total (N of the row); null when none is printed. */
  total?: number | null;
  percentBase?: PercentBase;
  /** Id of the entry in `inconsistencies` that concerns the row as a whole (e.g. its total). */
  conflict?: string;
  resolved?: { total?: number };
}

/** The kinds of printed material. */
export type TableKind = "frequency" | "multiple-response" | "list" | "text";

export interface PrintedTable {
  /** "2.1", "3.4", "text:intranet" … */
  id: string;
  /** Caption as printed (or a short description for text figures). */
  caption: string;
  /** First and last line of the seed text the table is read from (1-based, inclusive). */
  lines: [number, number];
  /** The questionnaire questions it comes from, e.g. ["q3", "q7"]. */
  questions: string[];
  kind: TableKind;
  rows: PrintedRow[];
  note?: string;
}

/** One self-contradiction of the report and how the reconstruction resolves it. */
export interface Inconsistency {
  id: string;
  /** The table id (or ids, comma separated) it concerns. */
  table: string;
  description: string;
  reasoning: string;
  /** The figures as printed. */
  printed: unknown;
  /** What the reconstruction reproduces instead. */
  resolution: string;
}

export interface PrintedTables {
  source: string;
  tables: PrintedTable[];
  inconsistencies: Inconsistency[];
}

/** One thing wrong with a printed-tables document, located by its JSON path. */
export interface PrintedTablesIssue {
  /** JSON path such as `tables[3].rows[0].cells[2].count`. */
  path: string;
  message: string;
}

/** Why a document is not the printed tables: every issue with its JSON path. */
export type PrintedTablesProblem = DataFileProblem<PrintedTablesIssue>;

/**
 * The integer counts k (0 ≤ k ≤ base) whose percentage of `base`, rounded half-up to `decimals`
 * decimals, equals `percent`. Empty when the printed percentage is infeasible for that base.
 * A small tolerance absorbs floating-point noise in k/base*100.
 */
export function countsForPercent(percent: number, base: number, decimals: number): number[] {
  const out: number[] = [];
  if (!Number.isInteger(base) || base <= 0) return out;
  const scale = 10 ** decimals;
  for (let k = 0; k <= base; k++) {
    const rounded = Math.floor((k * 100 * scale) / base + 0.5 + 1e-9) / scale;
    if (Math.abs(rounded - percent) < 1e-9) out.push(k);
  }
  return out;
}

/** Decimals of a printed percentage (6 → 0, 10.4 → 1). */
export function decimalsOf(percent: number): number {
  return Number.isInteger(percent) ? 0 : 1;
}

/** Validate unknown JSON against {@link PrintedTables}; returns the issues (empty when valid). */
export function validatePrintedTables(json: unknown): PrintedTablesIssue[] {
  const issues: PrintedTablesIssue[] = [];
  const bad = (path: string, message: string): void => {
    issues.push({ path, message });
  };
  if (!isRecord(json)) {
    bad("$", "expected an object with source, tables and inconsistencies");
    return issues;
  }
  if (typeof json.source !== "string") bad("source", "expected a string naming the seed file");
  const ids = new Set<string>();
  if (!Array.isArray(json.inconsistencies)) bad("inconsistencies", "expected an array");
  else
    json.inconsistencies.forEach((inc: unknown, i) => {
      const p = `inconsistencies[${i}]`;
      if (!isRecord(inc)) return bad(p, "expected an object");
      for (const key of ["id", "table", "description", "reasoning", "resolution"]) {
        if (typeof inc[key] !== "string" || inc[key] === "") bad(`${p}.${key}`, "expected a non-empty string");
      }
      if (!("printed" in inc)) bad(`${p}.printed`, "missing: give the figures as printed");
      if (typeof inc.id === "string") {
        if (ids.has(inc.id)) bad(`${p}.id`, `duplicate inconsistency id "${inc.id}"`);
        ids.add(inc.id);
      }
    });
  const checkConflict = (path: string, value: unknown): void => {
    if (value === undefined) return;
    if (typeof value !== "string") bad(path, "expected a string id");
    else if (Array.isArray(json.inconsistencies) && !ids.has(value))
      bad(path, `no inconsistency with id "${value}"; add it to inconsistencies or remove the reference`);
  };
  if (!Array.isArray(json.tables)) {
    bad("tables", "expected an array");
    return issues;
  }
  const tableIds = new Set<string>();
  json.tables.forEach((t: unknown, ti) => {
    const p = `tables[${ti}]`;
    if (!isRecord(t)) return bad(p, "expected an object");
    if (typeof t.id !== "string" || t.id === "") bad(`${p}.id`, "expected a non-empty string");
    else if (tableIds.has(t.id)) bad(`${p}.id`, `duplicate table id "${t.id}"`);
    else tableIds.add(t.id);
    if (typeof t.caption !== "string") bad(`${p}.caption`, "expected a string");
    if (!isLineRange(t.lines)) bad(`${p}.lines`, "expected [first, last] seed line numbers with first ≤ last");
    if (!isStringArray(t.questions)) bad(`${p}.questions`, "expected an array of question names");
    if (!["frequency", "multiple-response", "list", "text"].includes(String(t.kind)))
      bad(`${p}.kind`, 'expected "frequency", "multiple-response", "list" or "text"');
    if (t.note !== undefined && typeof t.note !== "string") bad(`${p}.note`, "expected a string");
    if (!Array.isArray(t.rows)) return bad(`${p}.rows`, "expected an array");
    t.rows.forEach((r: unknown, ri) => validateRow(r, `${p}.rows[${ri}]`, bad, checkConflict));
  });
  return issues;
}

function validateRow(
  r: unknown,
  p: string,
  bad: (path: string, message: string) => void,
  checkConflict: (path: string, value: unknown) => void,
): void {
  if (!isRecord(r)) return bad(p, "expected an object");
  if (typeof r.label !== "string") bad(`${p}.label`, "expected a string");
  if (typeof r.variable !== "string" || r.variable === "") bad(`${p}.variable`, "expected a variable name");
  if (r.where !== undefined) {
    if (!Array.isArray(r.where)) bad(`${p}.where`, "expected an array of { variable, codes }");
    else
      r.where.forEach((w: unknown, wi) => {
        if (!isRecord(w) || typeof w.variable !== "string" || !isNumberArray(w.codes))
          bad(`${p}.where[${wi}]`, "expected { variable: string, codes: number[] }");
      });
  }
  if (!isOptionalNumber(r.total)) bad(`${p}.total`, "expected a number or null");
  if (r.percentBase !== undefined && !["row-total", "respondents", "answers", "valid"].includes(String(r.percentBase)))
    bad(`${p}.percentBase`, 'expected "row-total", "respondents", "answers" or "valid"');
  checkConflict(`${p}.conflict`, r.conflict);
  if (r.resolved !== undefined && !(isRecord(r.resolved) && isOptionalNumber(r.resolved.total)))
    bad(`${p}.resolved`, "expected { total?: number }");
  if (!Array.isArray(r.cells)) return bad(`${p}.cells`, "expected an array");
  r.cells.forEach((c: unknown, ci) => {
    const cp = `${p}.cells[${ci}]`;
    if (!isRecord(c)) return bad(cp, "expected an object");
    if (typeof c.code !== "number" && typeof c.code !== "string") bad(`${cp}.code`, "expected a number or string");
    if (typeof c.label !== "string") bad(`${cp}.label`, "expected a string");
    if (!isOptionalNumber(c.count)) bad(`${cp}.count`, "expected a number or null");
    if (!isOptionalNumber(c.percent)) bad(`${cp}.percent`, "expected a number or null");
    if (c.resolved !== undefined) {
      if (!isRecord(c.resolved) || !isOptionalNumber(c.resolved.count) || !isOptionalNumber(c.resolved.percent))
        bad(`${cp}.resolved`, "expected { count?: number, percent?: number }");
      else if (c.conflict === undefined && r.conflict === undefined)
        bad(`${cp}.resolved`, "a resolved figure needs a conflict id on the cell or its row");
    }
    checkConflict(`${cp}.conflict`, c.conflict);
  });
}

/** Validate at the boundary: the typed document, or a Problem listing every issue with its JSON path. */
export function tryParsePrintedTables(json: unknown): Result<PrintedTables, PrintedTablesProblem> {
  const issues = validatePrintedTables(json);
  if (issues.length > 0 || !isPrintedTables(json)) {
    return fail(dataFileProblem("printed-tables.json", issues, (i) => `${i.path}: ${i.message}`, "correct the transcription in scripts/data/printed-tables-source.ts and regenerate the JSON (npm run data:build)."));
  }
  return ok(json);
}

/** {@link tryParsePrintedTables} for trusted callers: the document, or its Problem thrown as a ProblemError. */
export function parsePrintedTables(json: unknown): PrintedTables {
  return unwrap(tryParsePrintedTables(json));
}

/** Type guard used after full validation, so no cast is needed. */
function isPrintedTables(json: unknown): json is PrintedTables {
  return isRecord(json) && Array.isArray(json.tables) && Array.isArray(json.inconsistencies);
}
function isOptionalNumber(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === "number" && Number.isFinite(v));
}
function isStringArray(v: unknown): boolean {
  return Array.isArray(v) && v.every((x) => typeof x === "string");
}
function isNumberArray(v: unknown): boolean {
  return Array.isArray(v) && v.every((x) => typeof x === "number" && Number.isFinite(x));
}
function isLineRange(v: unknown): boolean {
  return (
    Array.isArray(v) &&
    v.length === 2 &&
    v.every((x) => Number.isInteger(x) && x >= 1) &&
    Number(v[0]) <= Number(v[1])
  );
}
