/**
 * Close matches for a variable name that is not in the data, by name and by label: "q2O" finds
 * q20, "Q20" and "spm 20" find q20, "målstyring" finds the variables whose label says so, and
 * "Rogaland" finds fylke (a value label), and a battery's question number its items ("q30" finds
 * q30_1 … q30_5). Only columns the data has are suggested.
 */
import type { Codebook, CodebookVariable } from "../data/codebook";
import { allVariables, canonicalName } from "../data/variable-names";

/** One suggested variable with what makes it a match. */
export interface VariableSuggestion {
  name: string;
  /** Its codebook label (or question text), when known. */
  label: string;
  /** Why it matched, when not by its name: `"Rogaland" is its code 11`. */
  why?: string;
}

/** Lower case without diacritics, for matching typed words to Norwegian labels. */
function fold(text: string): string {
  return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
}

/** Characters typed for one another: O for 0, l and I for 1 (half a substitution). */
const CONFUSABLE = new Set(["o0", "0o", "l1", "1l", "i1", "1i"]);

/** Edit distance (insert, delete, substitute, swap neighbours), stopping early above `limit`. */
export function editDistance(a: string, b: string, limit = 3): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) rows.push([i]);
  for (let j = 1; j <= b.length; j++) (rows[0] ??= [])[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const row = rows[i] ?? [];
    const prev = rows[i - 1] ?? [];
    let best = Number.POSITIVE_INFINITY;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : CONFUSABLE.has(`${a[i - 1]}${b[j - 1]}`) ? 0.5 : 1;
      let d = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, (rows[i - 2]?.[j - 2] ?? 0) + 1);
      row[j] = d;
      best = Math.min(best, d);
    }
    if (best > limit) return limit + 1;
  }
  return rows[a.length]?.[b.length] ?? limit + 1;
}

function labelOf(v: CodebookVariable | undefined): string {
  return v?.label?.no ?? v?.no ?? "";
}

/** Up to `limit` variables of `columns` close to `wanted`, best first. */
export function suggestVariables(wanted: string, columns: readonly string[], codebook?: Codebook, limit = 5): VariableSuggestion[] {
  const byName = new Map((codebook ? allVariables(codebook) : []).map((v) => [v.name, v]));
  const key = canonicalName(wanted);
  const folded = fold(wanted.trim());
  const words = folded.split(/[^a-z0-9]+/).filter((w) => w.length >= 3);
  // A question asked as a battery has no column of its own: "q30" names its items q30_1 … q30_5.
  const items = columns.filter((name) => name.startsWith(`${key}_`));
  if (items.length > 0) {
    const of = `one of ${key}'s ${items.length} items`;
    return items.slice(0, limit).map((name) => ({ name, label: labelOf(byName.get(name)), why: of }));
  }
  const scored: { score: number; s: VariableSuggestion }[] = [];
  for (const name of columns) {
    const entry = byName.get(name);
    const label = labelOf(entry);
    const s: VariableSuggestion = { name, label };
    if (canonicalName(name) === key) {
      scored.push({ score: 0, s });
      continue;
    }
    const distance = editDistance(folded, name.toLowerCase(), 2);
    if (distance <= (folded.length <= 3 ? 1 : 2)) {
      scored.push({ score: distance, s });
      continue;
    }
    if (!entry || words.length === 0) continue;
    // The short label first ("Balansert målstyring", "County (1999)"), then the question's full text.
    const short = fold(entry.label ? `${entry.label.no} ${entry.label.en}` : `${entry.no} ${entry.en}`);
    if (words.every((w) => short.includes(w))) {
      scored.push({ score: 3, s });
      continue;
    }
    if (words.every((w) => fold(`${entry.no} ${entry.en}`).includes(w))) {
      scored.push({ score: 4, s });
      continue;
    }
    const code = entry.codes.find((c) => words.every((w) => fold(`${c.no} ${c.en}`).includes(w)));
    if (code) scored.push({ score: 5, s: { ...s, why: `"${code.no}" is its code ${code.code}` } });
  }
  // Only the best kind of match: "q2O" suggests q20, not every name one edit away.
  const best = Math.min(...scored.map((x) => x.score));
  return scored.filter((x) => x.score <= best).slice(0, limit).map((x) => x.s);
}

/** The suggestions as a sentence: ` Did you mean q20 (Balansert målstyring)?` or "". */
export function suggestionText(suggestions: readonly VariableSuggestion[]): string {
  if (suggestions.length === 0) return "";
  const parts = suggestions.map((s) => {
    const about = [s.label, s.why].filter((x) => x).join("; ");
    return about ? `${s.name} (${about})` : s.name;
  });
  return ` Did you mean ${parts.length === 1 ? parts[0] : `one of ${parts.join(", ")}`}?`;
}
