/**
 * The boundary between untrusted JSON and the {@link Codebook} type: `parseCodebook` checks the
 * shape and the cross-references (skip rules and sets name real variables, card columns fit the
 * record and do not overlap) once, so the rest of the code can trust the type. It builds a fresh
 * object from the checked fields instead of casting, and lists every problem, not just the first.
 */
import { fail, ok, unwrap, type Result } from "../base/result";
import { dataFileProblem, type DataFileProblem } from "./data-file-problem";
import type {
  CardColumns,
  CodeLabel,
  Codebook,
  CodebookVariable,
  MultipleResponseSet,
  SkipRule,
  VariableKind,
} from "./codebook";

/** One thing wrong with a codebook document, located by its JSON path. */
export interface CodebookIssue {
  /** JSON path such as `variables[12].columns.start`. */
  path: string;
  message: string;
  /** What to change so the codebook becomes valid. */
  fix: string;
}


const KINDS: readonly VariableKind[] = ["id", "categorical", "dichotomy", "numeric", "text"];
const NAME = /^[a-z][a-z0-9_]*$/;

type Obj = Readonly<Record<string, unknown>>;

function isObj(x: unknown): x is Obj {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

function isKind(x: unknown): x is VariableKind {
  return typeof x === "string" && KINDS.some((k) => k === x);
}

/** Collects issues while reading fields; every reader returns undefined on a bad field. */
class Reader {
  readonly issues: CodebookIssue[] = [];

  add(path: string, message: string, fix: string): void {
    this.issues.push({ path, message, fix });
  }

  obj(x: unknown, path: string): Obj | undefined {
    if (isObj(x)) return x;
    this.add(path, `expected an object, found ${describe(x)}`, "Replace it with a JSON object {…}.");
    return undefined;
  }

  arr(x: unknown, path: string): readonly unknown[] | undefined {
    if (Array.isArray(x)) return x;
    this.add(path, `expected an array, found ${describe(x)}`, "Replace it with a JSON array […].");
    return undefined;
  }

  str(o: Obj, key: string, path: string, optional = false): string | undefined {
    const x = o[key];
    if (x === undefined && optional) return undefined;
    if (typeof x === "string" && x.length > 0) return x;
    this.add(`${path}.${key}`, `expected a non-empty string, found ${describe(x)}`, `Give ${key} a text value.`);
    return undefined;
  }

  /** An integer field, at least `min` when given. */
  int(o: Obj, key: string, path: string, min?: number, optional = false): number | undefined {
    const x = o[key];
    if (x === undefined && optional) return undefined;
    if (typeof x === "number" && Number.isInteger(x) && (min === undefined || x >= min)) return x;
    const want = min === undefined ? "an integer" : `an integer ≥ ${min}`;
    this.add(`${path}.${key}`, `expected ${want}, found ${describe(x)}`, `Set ${key} to ${want}.`);
    return undefined;
  }

  ints(x: unknown, path: string): number[] | undefined {
    const a = this.arr(x, path);
    if (!a) return undefined;
    const out: number[] = [];
    a.forEach((n, i) => {
      if (typeof n === "number" && Number.isInteger(n)) out.push(n);
      else this.add(`${path}[${i}]`, `expected an integer code, found ${describe(n)}`, "Use whole-number codes.");
    });
    return out.length === a.length ? out : undefined;
  }

  strs(x: unknown, path: string): string[] | undefined {
    const a = this.arr(x, path);
    if (!a) return undefined;
    const out = a.filter((s): s is string => typeof s === "string");
    if (out.length !== a.length) this.add(path, "expected an array of variable names", "List variable names as strings.");
    return out.length === a.length ? out : undefined;
  }

  text(x: unknown, path: string): { no: string; en: string } | undefined {
    const o = this.obj(x, path);
    if (!o) return undefined;
    const no = this.str(o, "no", path);
    const en = this.str(o, "en", path);
    return no !== undefined && en !== undefined ? { no, en } : undefined;
  }
}

function describe(x: unknown): string {
  if (x === undefined) return "nothing";
  if (x === null) return "null";
  if (Array.isArray(x)) return "an array";
  return typeof x === "string" ? `"${x.slice(0, 40)}"` : `${typeof x} ${JSON.stringify(x)}`;
}

function readColumns(r: Reader, x: unknown, path: string, recordLength: number): CardColumns | undefined {
  const o = r.obj(x, path);
  if (!o) return undefined;
  const start = r.int(o, "start", path, 0);
  const end = r.int(o, "end", path, 0);
  const note = r.str(o, "note", path, true);
  const inferred = o.inferred;
  if (inferred !== undefined && typeof inferred !== "boolean") {
    r.add(`${path}.inferred`, `expected true or false, found ${describe(inferred)}`, "Set inferred to true or remove it.");
  }
  if (start === undefined || end === undefined) return undefined;
  if (end < start || (start === 0) !== (end === 0) || end > recordLength) {
    r.add(path, `columns ${start}–${end} do not fit a ${recordLength}-column record`,
      `Use 1 ≤ start ≤ end ≤ ${recordLength}, or start = end = 0 for a variable that is not on the card.`);
    return undefined;
  }
  return { start, end, ...(inferred === true ? { inferred: true } : {}), ...(note !== undefined ? { note } : {}) };
}

function readCodes(r: Reader, x: unknown, path: string): CodeLabel[] | undefined {
  const a = r.arr(x, path);
  if (!a) return undefined;
  const out: CodeLabel[] = [];
  a.forEach((c, i) => {
    const p = `${path}[${i}]`;
    const o = r.obj(c, p);
    if (!o) return;
    const code = r.int(o, "code", p);
    const label = r.text(o, p);
    if (code === undefined || !label) return;
    if (out.some((prev) => prev.code === code)) r.add(`${p}.code`, `code ${code} appears twice`, "Give each code one label.");
    else out.push({ code, no: label.no, en: label.en });
  });
  return out.length === a.length ? out : undefined;
}

function readVariable(r: Reader, x: unknown, path: string, recordLength: number): CodebookVariable | undefined {
  const o = r.obj(x, path);
  if (!o) return undefined;
  const name = r.str(o, "name", path);
  if (name !== undefined && !NAME.test(name)) {
    r.add(`${path}.name`, `"${name}" is not a valid variable name`, "Use lower-case letters, digits and _ (e.g. q4_1).");
  }
  const question = r.str(o, "question", path);
  const no = r.str(o, "no", path);
  const en = r.str(o, "en", path);
  const label = o.label === undefined ? undefined : r.text(o.label, `${path}.label`);
  const kind = o.kind;
  if (!isKind(kind)) r.add(`${path}.kind`, `unknown kind ${describe(kind)}`, `Use one of ${KINDS.join(", ")}.`);
  const codes = readCodes(r, o.codes, `${path}.codes`);
  const missing = r.ints(o.missing, `${path}.missing`);
  const columns = readColumns(r, o.columns, `${path}.columns`, recordLength);
  let range: { min: number; max: number } | undefined;
  if (o.range !== undefined) {
    const ro = r.obj(o.range, `${path}.range`);
    const min = ro ? r.int(ro, "min", `${path}.range`) : undefined;
    const max = ro ? r.int(ro, "max", `${path}.range`) : undefined;
    if (min !== undefined && max !== undefined && min > max) r.add(`${path}.range`, `min ${min} > max ${max}`, "Swap min and max.");
    else if (min !== undefined && max !== undefined) range = { min, max };
  }
  const set = r.str(o, "set", path, true);
  const note = r.str(o, "note", path, true);
  if ((kind === "categorical" || kind === "dichotomy") && codes !== undefined && codes.length === 0) {
    r.add(`${path}.codes`, `${kind} variable ${name ?? ""} has no codes`, "List its response codes with Norwegian and English labels.");
  }
  if (name === undefined || question === undefined || no === undefined || en === undefined || !isKind(kind)) return undefined;
  if (!codes || !missing || !columns) return undefined;
  return {
    name, question, no, en, ...(label ? { label } : {}), kind, codes, missing, columns,
    ...(range ? { range } : {}), ...(set !== undefined ? { set } : {}), ...(note !== undefined ? { note } : {}),
  };
}

function readList<T>(r: Reader, x: unknown, path: string, read: (item: unknown, p: string) => T | undefined): T[] {
  const a = r.arr(x, path) ?? [];
  const out: T[] = [];
  a.forEach((item, i) => {
    const v = read(item, `${path}[${i}]`);
    if (v !== undefined) out.push(v);
  });
  return out;
}

function readSkipRule(r: Reader, x: unknown, path: string): SkipRule | undefined {
  const o = r.obj(x, path);
  if (!o) return undefined;
  const id = r.str(o, "id", path);
  const variable = r.str(o, "variable", path);
  const codes = r.ints(o.codes, `${path}.codes`);
  const goto = r.str(o, "goto", path);
  const skips = r.strs(o.skips, `${path}.skips`);
  const printed = r.str(o, "printed", path);
  if (codes?.length === 0) r.add(`${path}.codes`, "the rule fires on no code", "List the codes that trigger the skip (e.g. [4]).");
  if (id === undefined || variable === undefined || !codes || goto === undefined || !skips || printed === undefined) return undefined;
  return { id, variable, codes, goto, skips, printed };
}

function readSet(r: Reader, x: unknown, path: string): MultipleResponseSet | undefined {
  const o = r.obj(x, path);
  if (!o) return undefined;
  const name = r.str(o, "name", path);
  const label = r.text(o.label, `${path}.label`);
  const variables = r.strs(o.variables, `${path}.variables`);
  const countedValue = r.int(o, "countedValue", path);
  if (name === undefined || !label || !variables || countedValue === undefined) return undefined;
  return { name, label, variables, countedValue };
}

/** Cross-checks that need the whole document: unique names, references, column overlaps. */
function crossCheck(r: Reader, cb: Codebook): void {
  const all = [...cb.variables, ...(cb.derived ?? [])];
  const index = new Map<string, number>();
  all.forEach((v, i) => {
    const path = i < cb.variables.length ? `variables[${i}]` : `derived[${i - cb.variables.length}]`;
    if (index.has(v.name)) r.add(`${path}.name`, `variable ${v.name} is defined twice`, "Rename or remove the duplicate.");
    index.set(v.name, i);
    if (v.set !== undefined && !cb.sets.some((s) => s.name === v.set)) {
      r.add(`${path}.set`, `set ${v.set} does not exist`, "Add the set to sets or remove the field.");
    }
  });
  const onCard = cb.variables.map((v, i) => ({ v, i })).filter(({ v }) => v.columns.start > 0);
  onCard.sort((a, b) => a.v.columns.start - b.v.columns.start);
  for (let k = 1; k < onCard.length; k++) {
    const prev = onCard[k - 1];
    const cur = onCard[k];
    if (prev && cur && cur.v.columns.start <= prev.v.columns.end) {
      r.add(`variables[${cur.i}].columns`, `${cur.v.name} overlaps ${prev.v.name} in column ${cur.v.columns.start}`,
        "Give each variable its own columns as printed in the questionnaire margin.");
    }
  }
  cb.variables.forEach((v, i) => {
    if (v.columns.start === 0) r.add(`variables[${i}].columns`, `${v.name} is not on the card`, "Move it to derived or give it its card columns.");
  });
  const ref = (name: string, path: string) => {
    if (!index.has(name)) r.add(path, `variable ${name} does not exist`, "Use a variable name defined in variables.");
  };
  cb.skipRules.forEach((s, i) => {
    ref(s.variable, `skipRules[${i}].variable`);
    s.skips.forEach((n, j) => ref(n, `skipRules[${i}].skips[${j}]`));
  });
  cb.sets.forEach((s, i) => s.variables.forEach((n, j) => ref(n, `sets[${i}].variables[${j}]`)));
}

/** Why a document is not a codebook: every issue with its JSON path and fix. */
export type CodebookProblem = DataFileProblem<CodebookIssue>;

function codebookProblem(source: string, issues: CodebookIssue[]): { ok: false; error: CodebookProblem } {
  return fail(dataFileProblem(source, issues, (i) => `${i.path}: ${i.message} (fix: ${i.fix})`, "correct those fields; if it is the bundled codebook, edit scripts/data/codebook-source.ts and regenerate it."));
}

/**
 * Validates untrusted JSON (already parsed) as a codebook: the codebook, or a Problem listing every
 * issue with its path and fix; `source` names the file in the message.
 */
export function tryParseCodebook(input: unknown, source = "codebook.json"): Result<Codebook, CodebookProblem> {
  const r = new Reader();
  const root = r.obj(input, "$");
  if (!root) return codebookProblem(source, r.issues);
  const title = r.str(root, "title", "$");
  const src = r.str(root, "source", "$");
  const recordLength = r.int(root, "recordLength", "$", 1) ?? 0;
  const variables = readList(r, root.variables, "variables", (x, p) => readVariable(r, x, p, recordLength));
  const derived = root.derived === undefined
    ? undefined
    : readList(r, root.derived, "derived", (x, p) => readVariable(r, x, p, recordLength));
  const skipRules = readList(r, root.skipRules, "skipRules", (x, p) => readSkipRule(r, x, p));
  const sets = readList(r, root.sets, "sets", (x, p) => readSet(r, x, p));
  if (r.issues.length > 0 || title === undefined || src === undefined) return codebookProblem(source, r.issues);
  const codebook: Codebook = { title, source: src, recordLength, variables, skipRules, sets, ...(derived ? { derived } : {}) };
  crossCheck(r, codebook);
  if (r.issues.length > 0) return codebookProblem(source, r.issues);
  return ok(codebook);
}

/** {@link tryParseCodebook} for trusted callers: the codebook, or its Problem thrown as a ProblemError. */
export function parseCodebook(input: unknown, source = "codebook.json"): Codebook {
  return unwrap(tryParseCodebook(input, source));
}
