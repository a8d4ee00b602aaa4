/**
 * The ensemble file keeps every column as numbers (its format packs codes, ensemble.ts), but the
 * survey keeps its identifiers as text: knr is "0231", four digits with the leading zero
 * (codebook; issue 11: identifiers are kept as text). A draw's knr is spelled back here, so cell
 * code reads it in a reconstruction exactly as in the survey and in a user's file — `d.knr ===
 * "0231"` finds the same kommune in every draw.
 */
import type { TextColumnData } from "./loaders/column-builders";
import { normalizeKnr } from "./municipalities";

/** The ensemble's columns that are text in the survey, each with how a stored number is spelled. */
const SPELLINGS: ReadonlyMap<string, (value: number) => string | undefined> = new Map([["knr", normalizeKnr]]);

/** True for a column the survey keeps as text (a draw spells it back, `ensembleTextColumn`). */
export function isEnsembleTextColumn(name: string): boolean {
  return SPELLINGS.has(name);
}

/**
 * One decoded column of a draw (NaN for blank) as text, the way the loaders keep text (codes into a
 * dictionary, −1 for blank); undefined for a column that is numbers in the survey.
 * Throws when a stored number has no spelling: the ensemble file is broken (rebuild it).
 */
export function ensembleTextColumn(name: string, decoded: Float64Array): TextColumnData | undefined {
  const spell = SPELLINGS.get(name);
  if (!spell) return undefined;
  const dictionary: string[] = [];
  const codeOf = new Map<number, number>();
  const codes = new Int32Array(decoded.length);
  for (let i = 0; i < decoded.length; i++) {
    const value = decoded[i] ?? Number.NaN;
    if (Number.isNaN(value)) {
      codes[i] = -1;
      continue;
    }
    let code = codeOf.get(value);
    if (code === undefined) {
      const text = spell(value);
      if (text === undefined) throw new Error(`The ensemble's ${name} ${value} cannot be spelled as the survey spells it; rebuild the ensemble with \`npm run data:build\`.`);
      code = dictionary.push(text) - 1;
      codeOf.set(value, code);
    }
    codes[i] = code;
  }
  return { type: "text", codes, dictionary };
}
