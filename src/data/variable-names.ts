/**
 * Matching the column names people actually write to the codebook's variable names.
 *
 * Accepted spellings of a questionnaire item, all case-insensitive, surrounding spaces and
 * quotes ignored:
 *   - the codebook name itself: `q4_1`, `Q4_1`, `resp_id`, `fylke`;
 *   - another separator between question and item: `q4.1`, `q4-1`, `q4 1`, `q4:1`;
 *   - zero-padded numbers: `q04_01`, `q4_01`;
 *   - the Norwegian prefix `spm`/`sp` ("spørsmål") instead of `q`: `spm4_1`, `Spm 4.1`;
 *   - for the respondent id: `id`, `respid`, `resp.id`, `respondent`, `løpenr`, `lopenr`, `lnr`.
 * Not accepted, on purpose: SPSS position names such as `V12` (V12 is the 12th variable of some
 * file, not question 12, and guessing would silently load the wrong column), and run-together
 * numbers such as `q41` (q4 item 1, or q41?). Those headers are reported as unknown variables.
 */
import type { Codebook, CodebookVariable } from "./codebook";

/** Questionnaire variables followed by derived ones (type, county, size class …). */
export function allVariables(codebook: Codebook): CodebookVariable[] {
  return [...codebook.variables, ...(codebook.derived ?? [])];
}

/** The variable that identifies a respondent: `resp_id` when present, else the first id variable. */
export function respondentIdVariable(codebook: Codebook): CodebookVariable | undefined {
  const all = allVariables(codebook);
  return all.find((v) => v.name === "resp_id") ?? all.find((v) => v.kind === "id");
}

/**
 * True for variables whose values are numbers (codes, dichotomies, counts, the respondent id);
 * text variables (kommunenummer with its leading zero, names) and other ids stay strings.
 */
export function isNumericVariable(v: CodebookVariable, codebook: Codebook): boolean {
  if (v.kind === "text") return false;
  if (v.kind !== "id") return true;
  return v.name === respondentIdVariable(codebook)?.name;
}

const ID_ALIASES = new Set(["id", "respid", "resp_id", "respondent", "respondentid", "løpenr", "lopenr", "lnr"]);

/**
 * Canonical key for a header or variable name: lower case, the `spm`/`sp` prefix read as `q`,
 * any of `_ . - : space` between numbers read as `_`, and leading zeros of numbers dropped.
 */
export function canonicalName(raw: string): string {
  let s = raw.trim().replace(/^["']|["']$/g, "").trim().toLowerCase();
  const item = /^(?:q|spm|sp)\s*\.?\s*0*(\d+)(?:\s*[_.\-: ]\s*0*(\d+))?$/.exec(s);
  if (item) {
    const [, question, sub] = item;
    return sub === undefined ? `q${question}` : `q${question}_${sub}`;
  }
  s = s.replace(/[\s.\-:]+/g, "_");
  if (ID_ALIASES.has(s)) return "\u0000id"; // one key for every id spelling
  return s;
}

/** Looks up codebook variables by any accepted spelling of their name. */
export class VariableMatcher {
  private readonly byKey = new Map<string, CodebookVariable>();

  constructor(codebook: Codebook) {
    for (const v of allVariables(codebook)) this.byKey.set(canonicalName(v.name), v);
    const id = respondentIdVariable(codebook);
    if (id) this.byKey.set("\u0000id", id);
  }

  /** The variable a header denotes, or undefined when it denotes none. */
  match(header: string): CodebookVariable | undefined {
    return this.byKey.get(canonicalName(header));
  }
}

/**
 * A column name Arquero can hold: Arquero keeps columns in a plain object, where "__proto__"
 * would set the prototype instead of adding a column, so that one header is renamed.
 */
export function safeColumnName(name: string): string {
  return name === "__proto__" ? "proto_" : name;
}
