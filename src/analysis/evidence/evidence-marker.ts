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
import { isElementNode } from "../../base/guards";

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

/**
 * "Rests on the reconstruction: differs between the 50 reconstructions" per language, kind and
 * number of draws: the same few texts head every marker's tooltip, and 04 draws some 1,400 markers a
 * filter change (issue 12), so each is written once rather than per marker.
 */
const titleHeads = new Map<string, string>();

function titleHead(kind: EvidenceKind, draws: number, locale: Locale): string {
  const key = `${locale}\u0000${kind}\u0000${draws}`;
  let head = titleHeads.get(key);
  if (head === undefined) {
    const text = evidenceText(kind, locale);
    head = `${text.name[0]?.toUpperCase() ?? ""}${text.name.slice(1)}: ${text.explain(draws)}`;
    titleHeads.set(key, head);
  }
  return head;
}

/** The tooltip of a figure of `evidence` whose range reads `range` ("" without one). */
function titleWith(evidence: Evidence, locale: Locale, range: string): string {
  return `${titleHead(evidence.kind, evidence.draws, locale)}${range ? ` ${messages[locale].evidenceAcross(range)}` : ""}.`;
}

/** "Rests on the reconstruction: differs between the 50 reconstructions: … (12–19 % across them)." — a marker's or a chart mark's tooltip, in `locale`. */
export function evidenceTitle(evidence: Evidence, locale: Locale, format: (n: number) => string = String, unit = ""): string {
  return titleWith(evidence, locale, rangeText(evidence, format, unit));
}

/** The legend's text in `locale`: one entry per kind used, "P = printed in the 1999 report · R = …". */
export function evidenceLegendText(kinds: Iterable<EvidenceKind>, draws: number, locale: Locale): string[] {
  const used = new Set(kinds);
  return KINDS.filter((k) => used.has(k)).map((k) => `${MARK[k]} = ${evidenceText(k, locale).explain(draws)}`);
}

/**
 * Per document, a marker's empty form by kind and whether it shows a range, cloned for every marker
 * (issue 12: one clone makes its two or three elements, their classes and the letter at once, where
 * creating them one by one was a large part of drawing 04's tables). The forms are never shown.
 */
const markerForms = new WeakMap<Document, Map<string, Node>>();

function markerForm(doc: Document, kind: EvidenceKind, withRange: boolean): Node {
  let forms = markerForms.get(doc);
  if (!forms) markerForms.set(doc, (forms = new Map()));
  const key = `${kind}\u0000${withRange}`;
  let form = forms.get(key);
  if (!form) {
    const mark = doc.createElement("span");
    mark.className = `tv-ev tv-ev-${kind}`;
    const letter = doc.createElement("sup");
    letter.textContent = MARK[kind];
    mark.append(letter);
    if (withRange) {
      const span = doc.createElement("span");
      span.className = "tv-ev-range";
      mark.append(span);
    }
    forms.set(key, (form = mark));
  }
  return form;
}

/** The marker after a number: its letter, and for a reconstruction-dependent figure its range; tooltip in `locale`. */
export function evidenceMarker(doc: Document, evidence: Evidence, locale: Locale, format: (n: number) => string = String, unit = ""): HTMLElement {
  const range = rangeText(evidence, format, unit);
  const mark = markerForm(doc, evidence.kind, range !== "").cloneNode(true);
  if (!isElementNode(mark)) throw new Error("a marker's form cloned to a non-element");
  mark.title = titleWith(evidence, locale, range);
  const span = mark.lastChild;
  if (range && span) span.textContent = range;
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
