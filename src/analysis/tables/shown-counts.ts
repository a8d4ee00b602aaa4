/**
 * The counts one table shows, under the disclosure guard: every count is registered with an id and
 * the lines it adds up in (a row and its total), the guard decides once which to hide — the counts
 * of 1–2 and, by complementary suppression, whatever would give them back — and the table, its
 * percentages and its audit line all ask this one object, so none of them can leak what another hides.
 */
import { auditLine, formatCount as auditCount, type Audit, type AuditCount } from "../../stats/audit";
import { DISCLOSURE_THRESHOLD, suppressedCounts, type CountLine } from "../../stats/disclosure";
import { formatCount } from "./table-dom";

/** Where an audit line's counts sit among the table's ids (a missing code without a row gets its own). */
export interface AuditIds {
  n: string;
  base: string;
  missing?: (variable: string, code: number | null) => string;
}

/** The registered counts of one table and what the guard hides. */
export class ShownCounts {
  private readonly counts = new Map<string, number>();
  private readonly lines: CountLine[] = [];
  private hiddenIds: ReadonlySet<string> = new Set();

  /** Register a count under `id`; returns the id. */
  add(id: string, count: number): string {
    this.counts.set(id, count);
    return id;
  }

  /** Register a line: `parts` add up to `total`. */
  line(parts: readonly string[], total: string): void {
    this.lines.push({ parts, total });
  }

  /** Register an audit's counts as `ids` says, with the line N = base + missing. */
  addAudit(audit: Audit, ids: AuditIds): void {
    if (!this.counts.has(ids.n)) this.add(ids.n, audit.n);
    if (!this.counts.has(ids.base)) this.add(ids.base, audit.base);
    const missing = audit.excluded.flatMap((e) => [
      ...e.userMissing.filter((u) => u.count > 0).map((u) => this.add(ids.missing?.(e.variable, u.code) ?? `audit:${e.variable}:${u.code}`, u.count)),
      ...(e.systemMissing > 0 ? [this.add(ids.missing?.(e.variable, null) ?? `audit:${e.variable}:blank`, e.systemMissing)] : []),
    ]);
    this.line([ids.base, ...missing], ids.n);
  }

  /** Decide what to hide (nothing when `mask` is off). */
  guard(mask: boolean): this {
    this.hiddenIds = suppressedCounts(this.counts, this.lines, { active: mask });
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
    return count > 0 && count < DISCLOSURE_THRESHOLD ? `< ${DISCLOSURE_THRESHOLD}` : "·";
  }

  /** The audit line with the same counts hidden. */
  auditLine(audit: Audit, ids: AuditIds): string {
    if (this.hiddenIds.size === 0) return audit.line;
    const id = (what: AuditCount): string =>
      what.kind === "n" ? ids.n : what.kind === "base" ? ids.base : (ids.missing?.(what.variable, what.code) ?? `audit:${what.variable}:${what.code ?? "blank"}`);
    return auditLine(audit, (value, what) => (this.hiddenIds.has(id(what)) ? this.text(id(what)) : auditCount(value)));
  }

  /** The note under a table that hides counts. */
  note(what: string): string[] {
    return this.hiddenIds.size === 0 ? [] : [`Shared view: counts of 1–2 are shown as “< ${DISCLOSURE_THRESHOLD}”, counts that would give them back as “·”, and ${what} (disclosure guard).`];
  }
}
