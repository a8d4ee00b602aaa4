/**
 * The counts a printed comparison shows (comparePrinted → renderComparison), under the one
 * disclosure guard (shown-counts.ts). A reader of a comparison knows more sums than a plain table
 * shows: a row's answers add up to its N row; its valid answers to its audit line's base; base plus
 * the listed missing values to the audit's N; a missing code's row is the same count as the audit's
 * entry for it; every row without a base restriction has the selection's N; in a multiple-response
 * table a variable's count is the same in every row it appears in, and the counts add up to all
 * answers. Every one of those is registered, so complementary suppression hides whatever would
 * give a masked count back — and a row that hides any count shows none of its percentages (a
 * percentage beside a known count pins its base, and a base minus the shown counts gives the rest).
 */
import type { PrintedComparison } from "../printed-comparison";
import { readAuditLine } from "../../stats/audit";
import { ShownCounts, type AuditIds } from "./shown-counts";

/** Ids of one comparison's counts, and what the guard hides. */
export interface ComparisonCounts {
  readonly shown: ShownCounts;
  /** Id of row `i`'s cell `j` count. */
  cell(i: number, j: number): string;
  /** Id of row `i`'s N row. */
  total(i: number): string;
  /** Where row `i`'s audit line's counts sit. */
  audit(i: number): AuditIds;
  /** True when row `i` hides any of its counts (then it shows no percentages). */
  rowHides(i: number): boolean;
}

/** Register every count of `cmp` and the sums that tie them; guard when `mask`. */
export function comparisonCounts(cmp: PrintedComparison, mask: boolean, threshold?: number): ComparisonCounts {
  const shown = new ShownCounts();
  const multiple = cmp.kind === "multiple-response";
  const cellIds: string[][] = [];
  const totalIds: string[] = [];
  const auditIds: AuditIds[] = [];
  const members: string[][] = [];
  const variableIds = new Map<string, string>();
  cmp.rows.forEach((row, i) => {
    const ids: AuditIds = { n: row.where.length === 0 ? "N" : `n:${JSON.stringify(row.where)}`, base: multiple ? "mr:base" : `r${i}:base` };
    const cells = row.cells.map((cell, j) => {
      if (!multiple) return shown.add(`r${i}:c${j}`, cell.count);
      const id = variableIds.get(row.variable) ?? shown.add(`v:${row.variable}`, cell.count);
      variableIds.set(row.variable, id);
      return id;
    });
    // A missing code's row and the audit's entry for it are one count.
    ids.missing = (variable, code) => {
      const j = row.cells.findIndex((c) => c.code === code);
      return variable === row.variable && code !== null && j >= 0 && !multiple ? (cells[j] ?? `r${i}:m${code}`) : `r${i}:${variable}:${code ?? "blank"}`;
    };
    // Read once: the line's counts and its missing codes below (issue 12: reading a line back is
    // the dearest step of a comparison's counts, and every row of every table has one).
    const read = readAuditLine(row.audit);
    if (read) shown.addAudit(read.parts, ids);
    const registered = read !== undefined;
    const n = shown.value(ids.n);
    const base = shown.value(ids.base);
    // The N row: the sum of the answers (or, multiple response, the answers or respondents base).
    const totalId = multiple ? (row.total === base ? ids.base : row.percentBase === "answers" ? "mr:answers" : `r${i}:total`) : row.total === n ? ids.n : `r${i}:total`;
    if (shown.value(totalId) === undefined) shown.add(totalId, row.total);
    if (!multiple) {
      shown.line(cells, totalId);
      if (registered && base !== undefined) {
        const missingCodes = new Set(read?.parts.excluded.filter((e) => e.variable === row.variable).flatMap((e) => e.userMissing.map((u) => u.code)));
        const valid = cells.filter((_, j) => !missingCodes.has(Number(row.cells[j]?.code)));
        if (valid.reduce((s, id) => s + (shown.value(id) ?? 0), 0) === base) shown.line(valid, ids.base);
      }
    }
    cellIds.push(cells);
    totalIds.push(totalId);
    auditIds.push(ids);
    members.push([...cells, totalId, ids.n, ids.base]);
  });
  if (multiple && variableIds.size > 0) shown.line([...variableIds.values()], "mr:answers");
  shown.guard(mask, threshold);
  // Asked for every cell of a row: decided once per row, after the guard.
  const hides = members.map((ids) => ids.some((id) => shown.hidden(id)) || (multiple && shown.hiddenCount > 0));
  return {
    shown,
    cell: (i, j) => cellIds[i]?.[j] ?? `r${i}:c${j}`,
    total: (i) => totalIds[i] ?? `r${i}:total`,
    audit: (i) => auditIds[i] ?? { n: "N", base: `r${i}:base` },
    rowHides: (i) => hides[i] ?? (multiple && shown.hiddenCount > 0),
  };
}

