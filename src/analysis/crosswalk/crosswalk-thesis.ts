/**
 * Resolving a comparison's thesis reference to the words it rests on: the quote, the seed lines and
 * the cases that carry the finding. A reference that does not resolve is an error value naming the
 * reference, so a typo in the spec shows up in the crosswalk table instead of an empty cell.
 */
import type { CaseId, Cited, ThesisData, ThesisNumber } from "../../data/thesis";
import { caseFindings } from "../../data/thesis";
import type { ThesisRef } from "./crosswalk-spec";
import type { Locale } from "../../base/locale/locale";
import type { CitationSourceName } from "../../base/locale/table-messages";

/** One citation: the thesis words, their lines, the case they are about and where they stand. */
export interface ThesisCitation {
  caseId?: CaseId;
  quote: string;
  lines: [number, number];
  /** Where the words stand, worded in the page's language when shown (`cwQuoteSource`: "Tabell 14", "kommune A"). */
  source?: CitationSource;
}

/** Where a citation stands: the cases' table of challenges (Tabell 14), a case, or the literature review (Tabell 2). */
export type CitationSource = CitationSourceName;

/** What the thesis says for one comparison. */
export interface ThesisEvidence {
  /** Short label, e.g. "Tilpasning til egen kontekst" or "Case C · dormancy". */
  label: string;
  /** The citations, one per case (case fields and findings) after the table row they belong to. */
  citations: ThesisCitation[];
  /** Cases the finding concerns. */
  cases: CaseId[];
}

/** A reference that is not in thesis.json. */
export interface ThesisRefError {
  kind: "thesis-ref-error";
  message: string;
}

/** Type guard for the error value. */
export function isThesisRefError(value: ThesisEvidence | ThesisRefError): value is ThesisRefError {
  return "kind" in value && value.kind === "thesis-ref-error";
}

function cite(c: Cited<unknown>, caseId?: CaseId, source?: CitationSource): ThesisCitation {
  return { ...(caseId ? { caseId } : {}), quote: c.quote, lines: c.lines, ...(source ? { source } : {}) };
}

/** Look up a number the thesis gives (2004 26 %, 2014 56 % …). */
export function thesisNumber(thesis: ThesisData, id: string): ThesisNumber | undefined {
  return thesis.numbers.find((n) => n.id === id);
}

/** Resolve `ref` in `thesis`. */
export function resolveThesisRef(thesis: ThesisData, ref: ThesisRef): ThesisEvidence | ThesisRefError {
  const fail = (what: string): ThesisRefError => ({
    kind: "thesis-ref-error",
    message: `${what} is not in thesis.json. Fix the reference in src/analysis/crosswalk/crosswalk-spec.ts or add the finding with scripts/data/thesis-source.ts.`,
  });
  switch (ref.kind) {
    case "challenge": {
      // What the cases experienced: their own table (Tabell 14) and each case's words on it.
      const label = thesis.challengeLabels[ref.challenge];
      if (!label) return fail(`Challenge "${ref.challenge}"`);
      const row = thesis.challengeRows.find((r) => r.id === ref.challenge);
      if (!row) return fail(`Tabell 14 row "${ref.challenge}"`);
      const findings = caseFindings(thesis, `challenge:${ref.challenge}`);
      if (findings.length === 0) return fail(`A case's words on challenge "${ref.challenge}"`);
      const citations = [cite(row.cited, undefined, { kind: "challenges" }), ...findings.map((f) => cite(f.cited, f.caseId, { kind: "case", caseId: f.caseId }))];
      return { label: label.no, citations, cases: findings.map((f) => f.caseId) };
    }
    case "case-finding": {
      const citations = [];
      for (const id of ref.cases) {
        const found = caseFindings(thesis, ref.topic).find((f) => f.caseId === id);
        if (!found) return fail(`Case ${id}'s words on "${ref.topic}"`);
        citations.push(cite(found.cited, id, { kind: "case", caseId: id }));
      }
      return { label: `Case ${ref.cases.join(", ")} · ${ref.topic}`, citations, cases: [...ref.cases] };
    }
    case "case-field": {
      const citations = [];
      for (const id of ref.cases) {
        const found = thesis.cases.find((c) => c.id === id);
        if (!found) return fail(`Case ${id}`);
        citations.push(cite(found[ref.field], id, { kind: "case", caseId: id }));
      }
      return { label: `Case ${ref.cases.join(", ")} · ${ref.field}`, citations, cases: [...ref.cases] };
    }
    case "number": {
      const n = thesisNumber(thesis, ref.id);
      if (!n) return fail(`Number "${ref.id}"`);
      return { label: n.label, citations: [cite(n.cited)], cases: [] };
    }
    case "literature": {
      const item = thesis.literature.find((l) => l.id === ref.id);
      if (!item) return fail(`Literature item "${ref.id}"`);
      return { label: item.no, citations: [cite(item.cited, undefined, { kind: "literature" })], cases: [] };
    }
  }
}

/** "linje 4287–4289" or "linje 692". */
export function formatLines(lines: readonly [number, number], locale: Locale = "en"): string {
  const one = lines[0] === lines[1];
  const word = locale === "en" ? (one ? "line" : "lines") : "linje";
  return one ? `${word} ${lines[0]}` : `${word} ${lines[0]}–${lines[1]}`;
}
