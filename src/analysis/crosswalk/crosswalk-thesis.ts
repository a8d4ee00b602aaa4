/**
 * Resolving a comparison's thesis reference to the words it rests on: the quote, the seed lines and
 * the cases that carry the finding. A reference that does not resolve is an error value naming the
 * reference, so a typo in the spec shows up in the crosswalk table instead of an empty cell.
 */
import type { CaseId, Cited, ThesisData, ThesisNumber } from "../../data/thesis";
import { casesWithChallenge } from "../../data/thesis";
import type { ThesisRef } from "./crosswalk-spec";

/** What the thesis says for one comparison. */
export interface ThesisEvidence {
  /** Short label, e.g. "Tilpasning til egen kontekst" or "Case C · dormancy". */
  label: string;
  /** The citations, one per case (case fields) or one for the whole reference. */
  citations: { caseId?: CaseId; quote: string; lines: [number, number] }[];
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

function cite(c: Cited<unknown>, caseId?: CaseId): { caseId?: CaseId; quote: string; lines: [number, number] } {
  return caseId ? { caseId, quote: c.quote, lines: c.lines } : { quote: c.quote, lines: c.lines };
}

/** Look up a number the thesis gives (2004 26 %, 2014 56 % …). */
export function thesisNumber(thesis: ThesisData, id: string): ThesisNumber | undefined {
  return thesis.numbers.find((n) => n.id === id);
}

/** Resolve `ref` in `thesis`. */
export function resolveThesisRef(thesis: ThesisData, ref: ThesisRef): ThesisEvidence | ThesisRefError {
  const fail = (what: string): ThesisRefError => ({
    kind: "thesis-ref-error",
    message: `${what} is not in thesis.json. Fix the reference in src/analysis/crosswalk-spec.ts or add the finding with scripts/data/thesis-source.ts.`,
  });
  switch (ref.kind) {
    case "challenge": {
      const label = thesis.challengeLabels[ref.challenge];
      if (!label) return fail(`Challenge "${ref.challenge}"`);
      const cases = casesWithChallenge(thesis, ref.challenge);
      const literature = thesis.literature.find((l) => l.id === ref.challenge);
      const citations = [
        ...(literature ? [cite(literature.cited)] : []),
        ...thesis.cases.filter((c) => cases.includes(c.id)).map((c) => cite(c.challenges, c.id)),
      ];
      if (citations.length === 0) return fail(`A citation for challenge "${ref.challenge}"`);
      return { label: label.no, citations, cases };
    }
    case "case-field": {
      const citations = [];
      for (const id of ref.cases) {
        const found = thesis.cases.find((c) => c.id === id);
        if (!found) return fail(`Case ${id}`);
        citations.push(cite(found[ref.field], id));
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
      return { label: item.no, citations: [cite(item.cited)], cases: [] };
    }
  }
}

/** "linje 4287–4289" or "linje 692". */
export function formatLines(lines: readonly [number, number]): string {
  return lines[0] === lines[1] ? `line ${lines[0]}` : `lines ${lines[0]}–${lines[1]}`;
}
