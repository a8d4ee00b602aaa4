/**
 * The counts a table of groups shows or rests on — each group's n, their total and the audit's — and
 * the disclosure guard over them, in one place: `tables.groups` and `tables.postHoc` hide the same
 * groups (a count of 1–2 under a county or size class breakdown, and its complements), so a pair's
 * difference cannot give back a mean the group table hid.
 */
import type { Audit } from "../../stats/audit";
import { ShownCounts, type AuditIds } from "./shown-counts";

/** The guarded counts: `shown.hidden(groupCountId(i))` says whether group i is hidden. */
export interface GroupCounts {
  readonly shown: ShownCounts;
  readonly ids: AuditIds;
}

/** The id of group i's count. */
export function groupCountId(i: number): string {
  return `n:${i}`;
}

/** Register the groups' counts (adding up to `total`) and the audit's, then guard them when `mask`. */
export function groupCounts(rows: readonly { n: number }[], total: number, audit: Audit, mask: boolean): GroupCounts {
  const shown = new ShownCounts();
  rows.forEach((r, i) => shown.add(groupCountId(i), r.n));
  shown.add("n:all", total);
  shown.line(rows.map((_, i) => groupCountId(i)), "n:all");
  const ids: AuditIds = { n: "audit:n", base: "n:all", missing: (variable, code) => `audit:${variable}:${code ?? "blank"}` };
  shown.addAudit(audit, ids);
  shown.guard(mask);
  return { shown, ids };
}
