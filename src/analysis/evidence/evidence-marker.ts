/**
 * How a figure's evidence shows on the page and in exports: a one-letter marker beside the number
 * (P printed, D determined, R rests on the reconstruction — with its range across the draws shown
 * next to it — Y your data), a class on the cell so "dim what rests on the reconstruction" can grey
 * it out, a legend under the table naming only the markers it uses, a summary for the audit line,
 * and the CSV columns that carry the same facts.
 */
import type { ExportFields } from "../export-fields";
import type { Evidence, EvidenceKind } from "./evidence";

/** The letter, the words and the long explanation of each kind. */
export const EVIDENCE_TEXT: Readonly<Record<EvidenceKind, { mark: string; name: string; explain: (draws: number) => string }>> = {
  printed: { mark: "P", name: "printed", explain: () => "printed in the 1999 report" },
  determined: { mark: "D", name: "determined", explain: (m) => `the same in all ${m} reconstructions: it follows from the printed tables and the named municipalities` },
  reconstruction: { mark: "R", name: "rests on the reconstruction", explain: (m) => `differs between the ${m} reconstructions: the build drew it, the report does not say it` },
  "your-data": { mark: "Y", name: "your data", explain: () => "computed on the file you loaded" },
};

/** The class a cell or element showing a figure of this kind carries (the dimming toggle reads it). */
export function evidenceClass(kind: EvidenceKind): string {
  return `tv-fig-${kind}`;
}

/** "12–19" or "8–20 %": a range as the figure itself is written, the unit once at the end. */
export function rangeText(evidence: Evidence, format: (n: number) => string, unit = ""): string {
  return evidence.range ? `${format(evidence.range.min)}–${format(evidence.range.max)}${unit}` : "";
}

/** "Rests on the reconstruction: differs between the 50 reconstructions: … (12–19 % across them)." — a marker's or a chart mark's tooltip. */
export function evidenceTitle(evidence: Evidence, format: (n: number) => string = String, unit = ""): string {
  const text = EVIDENCE_TEXT[evidence.kind];
  const range = rangeText(evidence, format, unit);
  return `${text.name[0]?.toUpperCase() ?? ""}${text.name.slice(1)}: ${text.explain(evidence.draws)}${range ? ` (${range} across them)` : ""}.`;
}

/** The legend's text: one entry per kind used, "P = printed in the 1999 report · R = …". */
export function evidenceLegendText(kinds: Iterable<EvidenceKind>, draws: number): string[] {
  const used = new Set(kinds);
  return (Object.keys(EVIDENCE_TEXT) as EvidenceKind[]).filter((k) => used.has(k)).map((k) => `${EVIDENCE_TEXT[k].mark} = ${EVIDENCE_TEXT[k].explain(draws)}`);
}

/** The marker after a number: its letter, and for a reconstruction-dependent figure its range. */
export function evidenceMarker(doc: Document, evidence: Evidence, format: (n: number) => string = String, unit = ""): HTMLElement {
  const text = EVIDENCE_TEXT[evidence.kind];
  const mark = doc.createElement("span");
  mark.className = `tv-ev tv-ev-${evidence.kind}`;
  const letter = doc.createElement("sup");
  letter.textContent = text.mark;
  const range = rangeText(evidence, format, unit);
  mark.title = evidenceTitle(evidence, format, unit);
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
export function evidenceLegend(doc: Document, kinds: Iterable<EvidenceKind>, draws: number): HTMLElement {
  const p = doc.createElement("p");
  p.className = "tv-ev-legend";
  p.textContent = evidenceLegendText(kinds, draws).join(" · ");
  return p;
}

/** "evidence: 12 printed, 3 determined, 9 rest on the reconstruction (50 reconstructions)". */
export function evidenceSummary(counts: Readonly<Record<EvidenceKind, number>>, draws: number): string {
  const parts = (Object.keys(EVIDENCE_TEXT) as EvidenceKind[]).filter((k) => counts[k] > 0).map((k) => `${counts[k]} ${EVIDENCE_TEXT[k].name}`);
  return `evidence: ${parts.join(", ") || "no figures"}${draws > 0 ? ` (over ${draws} reconstructions)` : ""}`;
}

/** The CSV columns of one figure's evidence: its kind, and the range for a reconstruction-dependent one. */
export function evidenceFields(prefix: string, evidence: Evidence | undefined): ExportFields {
  if (!evidence) return [];
  return [[`${prefix}_evidence`, evidence.kind], [`${prefix}_min`, evidence.range?.min ?? null], [`${prefix}_max`, evidence.range?.max ?? null]];
}
