/**
 * How a figure's evidence shows on the page and in exports: a one-letter marker beside the number
 * (P printed, D determined, R rests on the reconstruction — with its range across the draws shown
 * next to it — Y your data), a class on the cell so "dim what rests on the reconstruction" can grey
 * it out, a legend under the table naming only the markers it uses, a summary for the audit line,
 * and the CSV columns that carry the same facts.
 */
import { messages, type Locale } from "../../base/locale/locale";
import type { ExportFields } from "../export-fields";
import type { Evidence, EvidenceKind } from "./evidence";

/**
 * The letter of each kind: the same in both languages (a marker is a symbol the legend under the
 * table explains in the reader's language; CSV and the dimming toggle name them alike).
 */
const MARK: Readonly<Record<EvidenceKind, string>> = { printed: "P", determined: "D", reconstruction: "R", "your-data": "Y" };

/** The letter, the words and the long explanation of each kind, in `locale`. */
export function evidenceText(kind: EvidenceKind, locale: Locale): { mark: string; name: string; explain: (draws: number) => string } {
  const words = messages[locale];
  return { mark: MARK[kind], name: words.evidenceName(kind), explain: (draws) => words.evidenceExplain(kind, draws) };
}

/** The kinds in the order the legends list them. */
const KINDS: readonly EvidenceKind[] = ["printed", "determined", "reconstruction", "your-data"];

/** The class a cell or element showing a figure of this kind carries (the dimming toggle reads it). */
export function evidenceClass(kind: EvidenceKind): string {
  return `tv-fig-${kind}`;
}

/** "12–19" or "8–20 %": a range as the figure itself is written, the unit once at the end. */
export function rangeText(evidence: Evidence, format: (n: number) => string, unit = ""): string {
  return evidence.range ? `${format(evidence.range.min)}–${format(evidence.range.max)}${unit}` : "";
}

/** "Rests on the reconstruction: differs between the 50 reconstructions: … (12–19 % across them)." — a marker's or a chart mark's tooltip, in `locale`. */
export function evidenceTitle(evidence: Evidence, locale: Locale, format: (n: number) => string = String, unit = ""): string {
  const text = evidenceText(evidence.kind, locale);
  const range = rangeText(evidence, format, unit);
  return `${text.name[0]?.toUpperCase() ?? ""}${text.name.slice(1)}: ${text.explain(evidence.draws)}${range ? ` ${messages[locale].evidenceAcross(range)}` : ""}.`;
}

/** The legend's text in `locale`: one entry per kind used, "P = printed in the 1999 report · R = …". */
export function evidenceLegendText(kinds: Iterable<EvidenceKind>, draws: number, locale: Locale): string[] {
  const used = new Set(kinds);
  return KINDS.filter((k) => used.has(k)).map((k) => `${MARK[k]} = ${evidenceText(k, locale).explain(draws)}`);
}

/** The marker after a number: its letter, and for a reconstruction-dependent figure its range; tooltip in `locale`. */
export function evidenceMarker(doc: Document, evidence: Evidence, locale: Locale, format: (n: number) => string = String, unit = ""): HTMLElement {
  const text = evidenceText(evidence.kind, locale);
  const mark = doc.createElement("span");
  mark.className = `tv-ev tv-ev-${evidence.kind}`;
  const letter = doc.createElement("sup");
  letter.textContent = text.mark;
  const range = rangeText(evidence, format, unit);
  mark.title = evidenceTitle(evidence, locale, format, unit);
  mark.append(letter);
  if (range) {
    const span = doc.createElement("span");
    span.className = "tv-ev-range";
    span.textContent = range;
    mark.append(span);
  }
  return mark;
}

/** The legend under a table: one line naming the markers it uses. */
export function evidenceLegend(doc: Document, kinds: Iterable<EvidenceKind>, draws: number, locale: Locale): HTMLElement {
  const p = doc.createElement("p");
  p.className = "tv-ev-legend";
  p.textContent = evidenceLegendText(kinds, draws, locale).join(" · ");
  return p;
}

/** "evidence: 12 printed, 3 determined, 9 rests on the reconstruction (over 50 reconstructions)", in `locale`. */
export function evidenceSummary(counts: Readonly<Record<EvidenceKind, number>>, draws: number, locale: Locale): string {
  const parts = KINDS.filter((k) => counts[k] > 0).map((k) => `${counts[k]} ${evidenceText(k, locale).name}`);
  return messages[locale].evidenceSummary(parts, draws);
}

/** The letter of a kind's marker. */
export function evidenceMark(kind: EvidenceKind): string {
  return MARK[kind];
}

/** The CSV columns of one figure's evidence: its kind, and the range for a reconstruction-dependent one. */
export function evidenceFields(prefix: string, evidence: Evidence | undefined): ExportFields {
  if (!evidence) return [];
  return [[`${prefix}_evidence`, evidence.kind], [`${prefix}_min`, evidence.range?.min ?? null], [`${prefix}_max`, evidence.range?.max ?? null]];
}
