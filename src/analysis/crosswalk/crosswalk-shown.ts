/**
 * The counts a crosswalk table shows, under the one disclosure guard (tables/shown-counts.ts). A
 * reader of the crosswalk knows: a share's yes count and its "no" count add up to its base; two
 * groups' bases add up to the comparison's base, and size classes to the trend's N; the audit
 * line's base is the comparison's base, and base plus the missing values it lists is its N; the
 * report's base is the answered base plus the "vet ikke"; and every audit line under the same
 * filters has the same N and the same missing counts. All of it goes into one ShownCounts per
 * table, so complementary suppression hides whatever would give a count of 1–2 back.
 *
 * A comparison that hides any count shows it as "< 3" (or "·") and none of its percentages,
 * intervals, ranges or test statistics (a share of a known base, or a df, gives the count back);
 * its verdict stays, since it is over the ensemble, with the ensemble sentence without its range.
 * Unmasked (the owner's view) every text is the one the table always printed.
 */
import { auditLine } from "../../stats/audit";
import { ShownCounts, type AuditIds } from "../tables/shown-counts";
import type { BaseResult, ComparisonResult } from "./evaluate-crosswalk";
import { explainEnsemble, keyFigure, localPct } from "./explain-comparison";
import type { ComparisonNumbers } from "./measure-comparison";
import { messages, type Locale } from "../../base/locale/locale";
import { DISCLOSURE_THRESHOLD } from "../../stats/disclosure";

/** What the guard decided for one crosswalk table (one evaluation, or one side of a what-if). */
export interface CrosswalkShown {
  /** Is the guard on? */
  readonly masking: boolean;
  /** Does comparison `r` hide any of its counts (then it shows no percentages, ranges or statistics)? */
  hides(r: ComparisonResult): boolean;
  /** The numbers of `r` (or its report's base) in a few words, counts hidden as the guard says. */
  numbers(r: ComparisonResult, which?: "answered" | "report"): string | undefined;
  /** The explanation of `r` (or its report's base), without numbers when `r` hides a count. */
  explanation(r: ComparisonResult, which?: "answered" | "report"): string | undefined;
  /** The audit line of `r` with the same counts hidden (its test left out when `r` hides a count). */
  audit(r: ComparisonResult): string;
  /** Text with "N = k" counts (a caption with the selection's summary) guarded. */
  text(text: string): string;
  /** The note under a table that hides counts. */
  note(): string[];
}


/** Register the counts of `numbers` under `p`; returns their ids, the base's first. */
function register(shown: ShownCounts, p: string, numbers: ComparisonNumbers): string[] {
  const pair = (q: string, x: number, n: number): string[] => {
    const ids = [shown.add(`${q}:n`, n), shown.add(`${q}:x`, x), shown.add(`${q}:no`, n - x)];
    shown.line([`${q}:x`, `${q}:no`], `${q}:n`);
    return ids;
  };
  switch (numbers.kind) {
    case "share":
    case "diffusion":
      return pair(p, numbers.x, numbers.n);
    case "groups": {
      const total = shown.add(`${p}:n`, numbers.a.n + numbers.b.n);
      const ids = [total, ...pair(`${p}:a`, numbers.a.x, numbers.a.n), ...pair(`${p}:b`, numbers.b.x, numbers.b.n)];
      shown.line([`${p}:a:n`, `${p}:b:n`], total);
      return ids;
    }
    case "size-trend": {
      const ids = [...pair(p, numbers.x, numbers.n)];
      const classes = numbers.classes.map((k) => pair(`${p}:k${k.sizeClass}`, k.x, k.n));
      ids.push(...classes.flat());
      shown.line(numbers.classes.map((k) => `${p}:k${k.sizeClass}:n`), `${p}:n`);
      shown.line(numbers.classes.map((k) => `${p}:k${k.sizeClass}:x`), `${p}:x`);
      return ids;
    }
    case "correlation":
      return [shown.add(`${p}:n`, numbers.n)];
  }
}

/** The numbers in a few words with every count as `t` writes it and no share (a hiding comparison). */
function maskedNumbers(numbers: ComparisonNumbers, p: string, t: (id: string) => string, hidden: (id: string) => boolean, locale: Locale): string {
  const words = messages[locale];
  // "0 of < 3" would say that the 1–2 respondents all answered no: under a hidden base the part
  // is hidden too (a 0 is never small, so the guard alone would print it).
  const part = (q: string): string => (hidden(`${q}:n`) && !hidden(`${q}:x`) ? "·" : t(`${q}:x`));
  const of = (q: string): string => words.cwMaskedOf(part(q), t(`${q}:n`));
  switch (numbers.kind) {
    case "share":
    case "diffusion":
      return words.cwShareNumbers(part(p), undefined, t(`${p}:n`), localPct(numbers.threshold, locale));
    case "groups":
      return words.cwGroupNumbers(part(`${p}:a`), t(`${p}:a:n`), part(`${p}:b`), t(`${p}:b:n`), words.cwMethodName(numbers.method));
    case "size-trend":
      return `${numbers.classes.filter((k) => k.n > 0).map((k) => `${k.sizeClass}: ${of(`${p}:k${k.sizeClass}`)}`).join(" · ")} (N = ${t(`${p}:n`)})`;
    case "correlation":
      return `n = ${t(`${p}:n`)}`;
  }
}

/** The ensemble sentence without the key figure's range (a share's range of a determined figure is the share). */
function maskedExplanation(r: BaseResult, locale: Locale): string {
  const e = r.ensemble;
  const plain = { ...e, evidence: { kind: e.evidence.kind, draws: e.evidence.draws } };
  return `${messages[locale].guardComparison(DISCLOSURE_THRESHOLD)} ${explainEnsemble(plain, keyFigure(r.numbers, locale), locale)}`;
}

/**
 * The guard's decision for the comparisons of one table. `mask` off: every text is the table's own.
 * `formatNumbers` is the table's unmasked formatter (crosswalk-table.ts).
 */
export function crosswalkShown(results: readonly ComparisonResult[], mask: boolean, formatNumbers: (n: ComparisonNumbers | null) => string, locale: Locale): CrosswalkShown {
  if (!mask) {
    return {
      masking: false,
      hides: () => false,
      numbers: (r, which = "answered") => (which === "report" ? (r.reportBase ? formatNumbers(r.reportBase.numbers) : undefined) : formatNumbers(r.numbers)),
      explanation: (r, which = "answered") => (which === "report" ? r.reportBase?.explanation : r.explanation),
      audit: (r) => r.audit,
      text: (text) => text,
      note: () => [],
    };
  }
  const shown = new ShownCounts();
  const members = new Map<ComparisonResult, string[]>();
  const auditIds = new Map<ComparisonResult, AuditIds>();
  let selectionN: string | undefined;
  results.forEach((r, i) => {
    const ids: string[] = [];
    if (r.numbers) ids.push(...register(shown, `c${i}`, r.numbers));
    const report = r.reportBase;
    if (report?.numbers) {
      ids.push(...register(shown, `c${i}:r`, report.numbers));
      // The report's base is the answered base plus the "vet ikke" kept in.
      if (r.numbers && report.n >= r.n) {
        ids.push(shown.add(`c${i}:dk`, report.n - r.n));
        shown.line([`c${i}:n`, `c${i}:dk`], `c${i}:r:n`);
      }
    }
    const numbers = r.numbers;
    // The audit's parts as the kernels gave them (never the line read back: it is in the language).
    const audit = numbers ? r.auditParts : null;
    if (audit && numbers) {
      // Audit lines under the same filters count the same N and the same missing values.
      const key = audit.filters.join("; ");
      const base = shown.value(`c${i}:n`) === audit.base ? `c${i}:n` : `c${i}:base`;
      const a: AuditIds = { n: `N:${key}`, base, missing: (variable, code) => `m:${key}:${variable}:${code ?? "blank"}` };
      shown.addAudit(audit, a);
      auditIds.set(r, a);
      ids.push(a.n, base, ...audit.excluded.flatMap((e) => [...e.userMissing.map((u) => a.missing?.(e.variable, u.code) ?? ""), a.missing?.(e.variable, null) ?? ""]));
      if (selectionN === undefined && !r.comparison.measure.among?.length && numbers.kind !== "groups" && numbers.kind !== "size-trend") selectionN = a.n;
    }
    members.set(r, ids);
  });
  shown.guard(true);
  const hides = (r: ComparisonResult): boolean => (members.get(r) ?? []).some((id) => shown.hidden(id));
  const prefixOf = (r: ComparisonResult): string => `c${results.indexOf(r)}`;
  const t = (id: string): string => shown.text(id);
  return {
    masking: true,
    hides,
    numbers: (r, which = "answered") => {
      const base = which === "report" ? r.reportBase : r;
      if (!base) return undefined;
      if (!hides(r) || base.numbers === null) return formatNumbers(base.numbers);
      return maskedNumbers(base.numbers, which === "report" ? `${prefixOf(r)}:r` : prefixOf(r), t, (id) => shown.hidden(id), locale);
    },
    explanation: (r, which = "answered") => {
      const base = which === "report" ? r.reportBase : r;
      if (!base) return undefined;
      return hides(r) && base.numbers !== null ? maskedExplanation(base, locale) : base.explanation;
    },
    audit: (r) => {
      const audit = r.auditParts;
      const ids = auditIds.get(r);
      if (!audit || !ids) return r.audit;
      const parts = hides(r) ? { ...audit, test: messages[audit.locale].guardNotShown } : audit;
      return shown.auditLine({ ...parts, line: auditLine(parts, audit.locale), disclosureSensitive: true }, ids);
    },
    text: (text) => shown.auditText(text, { n: selectionN ?? "N", base: "-" }),
    note: () => shown.note("crosswalk", locale),
  };
}
