/**
 * The labelled parts of an audit line, in one language: "filtre: … · utelatt som manglende: … ·
 * vekt: … · test: …". The one place their words (the catalogue's `audit…` keys) are put together, for
 * the statistics' audit lines (stats/audit.ts) and the lines a cell writes with `fmt.audit`, so the
 * two read alike in either language.
 */
import { analysisMessages } from "./analysis-messages";
import type { Locale } from "./locale";

/** A part given as text is written as is; null is written as "none" in the language; left out, it is not written. */
export type AuditPart = string | null | undefined;

/** The labelled parts after an audit line's counts. */
export interface AuditTail {
  /** What the figures are based on, in words (a statistic writes its base as a count instead). */
  base?: AuditPart;
  /** Where the figures come from: a file, a table of the report. */
  source?: AuditPart;
  filters?: AuditPart;
  missing?: AuditPart;
  weight?: AuditPart;
  test?: AuditPart;
}

/** Each given part of `tail` as "label: value" in `locale`, in the audit line's order. */
export function auditParts(locale: Locale, tail: AuditTail): string[] {
  const words = analysisMessages[locale];
  const labelled: [string, AuditPart][] = [
    [words.auditBase, tail.base],
    [words.auditSource, tail.source],
    [words.auditFilters, tail.filters],
    [words.auditMissingExcluded, tail.missing],
    [words.auditWeight, tail.weight],
    [words.auditTest, tail.test],
  ];
  return labelled.filter(([, value]) => value !== undefined).map(([label, value]) => `${label}: ${value ?? words.auditNone}`);
}
