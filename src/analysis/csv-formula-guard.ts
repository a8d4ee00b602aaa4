/**
 * OWASP's rule against CSV (formula) injection: a spreadsheet runs a cell that begins with = + - @,
 * a tab, a carriage return or a line feed as a formula (`=HYPERLINK(…)`, `=cmd|' /C calc'!A0`), so
 * such a text cell is written with a leading apostrophe, which Excel and LibreOffice read as "this
 * is text". We also guard the full-width forms (＝ ＋ － ＠), which some spreadsheets accept, and a
 * trigger behind leading blanks, which an import that trims blanks would expose.
 *
 * Only text is guarded. Numbers are written as numbers by the caller and never reach this; a text
 * cell that is exactly a number ("-2", "+47", "0,5") cannot run anything and is left alone so it
 * still reads as a number. The price, as OWASP notes: a guarded text comes back from a plain CSV
 * reader with its apostrophe ("'=1+2").
 */

/** First characters that make a spreadsheet read a cell as a formula. */
const TRIGGERS = new Set(["=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20"]);

/** A text that is only a number, with an optional sign and a decimal point or comma. */
const PLAIN_NUMBER = /^[+-]?\d+(?:[.,]\d+)?$/;

/** The first character a spreadsheet would see after trimming blanks (tab, CR, LF are triggers, not blanks). */
function firstSignificant(text: string): string {
  for (const ch of text) if (ch !== " " && ch !== "\u00a0" && ch !== "\u3000") return ch;
  return "";
}

/** True when a spreadsheet could read `text` as a formula. */
export function isFormulaLike(text: string): boolean {
  if (text === "" || PLAIN_NUMBER.test(text)) return false;
  return TRIGGERS.has(text.charAt(0)) || TRIGGERS.has(firstSignificant(text));
}

/** `text` as a spreadsheet shows it, never runs it: a leading apostrophe when it is formula-like. */
export function guardFormula(text: string): string {
  return isFormulaLike(text) ? `'${text}` : text;
}
