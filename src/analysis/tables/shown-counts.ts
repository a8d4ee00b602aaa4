/**
 * The counts one table shows, under the disclosure guard: every count is registered with an id and
 * the lines it adds up in (a row and its total), the guard decides once which to hide — the counts
 * of 1–2 and, by complementary suppression, whatever would give them back — and the table, its
 * percentages and its audit line all ask this one object, so none of them can leak what another hides.
 */
import { auditLine, formatCount as auditCount, readAuditLine, type Audit, type AuditCount } from "../../stats/audit";
import { DISCLOSURE_THRESHOLD, guardCount, suppression, type CountLine } from "../../stats/disclosure";
import { analysisMessages } from "../../base/locale/analysis-messages";
import { LOCALES, messages, type Locale } from "../../base/locale/locale";
import type { GuardClauseName } from "../../base/locale/explain-messages";
import { formatCount } from "./table-dom";

/** Where an audit line's counts sit among the table's ids (a missing code without a row gets its own). */
export interface AuditIds {
  n: string;
  base: string;
  missing?: (variable: string, code: number | null) => string;
}

/**
 * A test that could not be computed, without its reason: the reasons name the cases they were
 * computed on ("r undefined (size_class is constant in these 2 cases, …)", "only 1 case(s) have
 * both …"), the count a table that hides counts hides. Used only where the table hides a count.
 */
function withoutReason(test: string | null): string | null {
  if (test === null) return null;
  for (const pattern of UNDEFINED_TESTS) {
    const m = pattern.exec(test);
    if (m) return m[1] ?? test;
  }
  return test;
}

/** "r undefined (…)" in every language, from the catalogue's own wording (word order may differ). */
const UNDEFINED_TESTS: readonly RegExp[] = LOCALES.map((locale) => {
  const [before = "", after = ""] = analysisMessages[locale].correlationUndefined("\u0000", "\u0001").split("\u0001");
  const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  // The reason's brackets go; the symbol and the word for "undefined" stay.
  const head = escape(before.replace(/\s*\($/, "")).replace("\u0000", "\\S+");
  return new RegExp(`^(${head})\\s*\\(.*\\)${escape(after.replace(/^\)/, ""))}$`, "s");
});

/** The registered counts of one table and what the guard hides. */
export class ShownCounts {
  private readonly counts = new Map<string, number>();
  private readonly lines: CountLine[] = [];
  /** Ids of the selection's N (an audit line's N): known to the reader from the filter bar and every other table. */
  private readonly known = new Set<string>();
  private hiddenIds: ReadonlySet<string> = new Set();
  private opaqueIds: ReadonlySet<string> = new Set();
  private masking = false;
  private threshold = DISCLOSURE_THRESHOLD;

  /** Register a count under `id`; returns the id. */
  add(id: string, count: number): string {
    this.counts.set(id, count);
    return id;
  }

  /** Register a line: `parts` add up to `total` ("bound": each is at most `total`, see CountLine). */
  line(parts: readonly string[], total: string, kind: "sum" | "bound" = "sum"): void {
    this.lines.push({ parts, total, kind });
  }

  /** The count registered under `id` (undefined if none). */
  value(id: string): number | undefined {
    return this.counts.get(id);
  }

  /** Register an audit's counts as `ids` says, with the line N = base + missing. */
  addAudit(audit: Pick<Audit, "n" | "base" | "excluded">, ids: AuditIds): void {
    if (!this.counts.has(ids.n)) this.add(ids.n, audit.n);
    // The selected rows: the filter bar and every other table's audit line print this N, so hiding
    // it here (as a complement) would protect nothing — notebook 01's Tabell 2.1 printed it as "·"
    // while Tabell 2.2 printed N = 3, and a reader solved 2.1's masked counts from that.
    this.known.add(ids.n);
    if (!this.counts.has(ids.base)) this.add(ids.base, audit.base);
    const missing = audit.excluded.flatMap((e) => [
      ...e.userMissing.filter((u) => u.count > 0).map((u) => this.add(ids.missing?.(e.variable, u.code) ?? `audit:${e.variable}:${u.code}`, u.count)),
      ...(e.systemMissing > 0 ? [this.add(ids.missing?.(e.variable, null) ?? `audit:${e.variable}:blank`, e.systemMissing)] : []),
    ]);
    // Several variables' missing values overlap: N − base is their union, bounded, not their sum.
    const variables = audit.excluded.filter((e) => e.systemMissing > 0 || e.userMissing.some((u) => u.count > 0)).length;
    this.line([ids.base, ...missing], ids.n, variables > 1 ? "bound" : "sum");
  }

  /**
   * Register the counts of an audit line given as text (`result.audit.line`, "q6: N = 13 · base = …"),
   * read back by `readAuditLine`. False when the text is not an audit line: `auditText` then masks
   * its "N = k" / "n = k" counts on their own.
   */
  addAuditText(text: string, ids: AuditIds): boolean {
    const read = readAuditLine(text);
    if (read) this.addAudit(read.parts, ids);
    return read !== undefined;
  }

  /** Decide what to hide (nothing when `mask` is off). */
  guard(mask: boolean, threshold = DISCLOSURE_THRESHOLD): this {
    this.masking = mask;
    this.threshold = threshold;
    const decided = suppression(this.counts, this.lines, { active: mask, threshold, known: this.known });
    this.hiddenIds = decided.hidden;
    this.opaqueIds = decided.opaque;
    return this;
  }

  /** Is the count `id` hidden? */
  hidden(id: string): boolean {
    return this.hiddenIds.has(id);
  }

  /** How many counts are hidden. */
  get hiddenCount(): number {
    return this.hiddenIds.size;
  }

  /** The count `id` as shown: "< 3" for a small one, "·" for one hidden because it would give a small one back. */
  text(id: string): string {
    const count = this.counts.get(id) ?? 0;
    if (!this.hiddenIds.has(id)) return formatCount(count);
    return count > 0 && count < this.threshold && !this.opaqueIds.has(id) ? `< ${this.threshold}` : "·";
  }

  /** The audit line with the same counts hidden. */
  auditLine(audit: Audit, ids: AuditIds): string {
    if (this.hiddenIds.size === 0) return audit.line;
    const id = (what: AuditCount): string =>
      what.kind === "n" ? ids.n : what.kind === "base" ? ids.base : (ids.missing?.(what.variable, what.code) ?? `audit:${what.variable}:${what.code ?? "blank"}`);
    return auditLine({ ...audit, test: withoutReason(audit.test) }, audit.locale, (value, what) => (this.hiddenIds.has(id(what)) ? this.text(id(what)) : auditCount(value, audit.locale)));
  }

  /**
   * An audit line given as text with the same counts hidden as the table hides (see `addAuditText`).
   * Text that is not an audit line (a selection's summary, "Σ weights = … (n = 2)") has each
   * "N = k" / "n = k" guarded: hidden as the table's N (`nId`) when it is that count, else masked
   * when it is 1–2.
   */
  auditText(text: string, ids: AuditIds, nId = ids.n): string {
    if (!this.masking) return text;
    const read = readAuditLine(text);
    if (read) return read.prefix + this.auditLine({ ...read.parts, locale: read.locale, line: auditLine(read.parts, read.locale), disclosureSensitive: true }, ids);
    return text.replace(/\b([Nn]) = (\d+)\b/g, (all, letter: string, digits: string) => {
      const k = Number(digits);
      if (this.hiddenIds.has(nId) && this.counts.get(nId) === k) return `${letter} = ${this.text(nId)}`;
      const shown = guardCount(k, { active: true, threshold: this.threshold });
      return shown.masked ? `${letter} = ${shown.text}` : all;
    });
  }

  /**
   * The note under a table that hides counts, in `locale`, ending with what this kind of table
   * leaves out (`clause`; `symbol` names a correlation table's coefficient).
   */
  note(clause: GuardClauseName, locale: Locale, symbol?: string): string[] {
    return this.hiddenIds.size === 0 ? [] : [messages[locale].guardNote(this.threshold, clause, symbol)];
  }
}
