/**
 * The respondents a printed row is recounted over, as counts: one residual engine
 * (`residuals.ts`) works on code counts, whoever counts them. The build counts plain records; the
 * workbench counts every reconstruction of the ensemble straight from its typed columns, with the
 * counts the printed tables' comparison already made (analysis/reconciliation/recount-on-draws.ts).
 */
import type { BaseRestriction } from "./printed-tables";
import type { RecordValues } from "./residuals";

/** Each code's count of a variable among the respondents meeting a base restriction (blanks not counted), and how many meet it. */
export interface CodeCounts {
  readonly counts: ReadonlyMap<number, number>;
  readonly total: number;
}

/** Respondents, asked for counts. */
export interface Respondents {
  /** `variable`'s code counts among those meeting `where`; undefined when no respondent carries the variable. */
  codes(variable: string, where: readonly BaseRestriction[]): CodeCounts | undefined;
}

/** Plain records as respondents (a variable is carried when any record has the key). */
export function recordRespondents(records: readonly RecordValues[]): Respondents {
  return {
    codes: (variable, where) => {
      if (!records.some((r) => variable in r)) return undefined;
      const counts = new Map<number, number>();
      let total = 0;
      for (const r of records) {
        if (!where.every((w) => w.codes.includes(r[w.variable] ?? Number.NaN))) continue;
        total++;
        const v = r[variable];
        if (v !== null && v !== undefined) counts.set(v, (counts.get(v) ?? 0) + 1);
      }
      return { counts, total };
    },
  };
}
