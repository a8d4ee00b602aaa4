/**
 * The counting step of the crosswalk. A comparison needs only a few counts — codes of one variable
 * among the rows meeting a restriction, and the sums of a correlation — but it needs them on every
 * reconstruction of the ensemble, fifty times per filter change. `crosswalkCounter` takes them
 * straight from the statistics core's cached typed arrays (`frameOf`, `selectRows`); the canonical
 * draw's audit line still comes from the kernels (`auditCount`), and a unit test holds the two to
 * the same counts on every comparison.
 */
import type { Codebook } from "../../data/codebook";
import { codebookKey, type Locale } from "../../base/locale/locale";
import * as stats from "../../stats/index";
import type { Audit, ColumnSource, FilterCondition } from "../../stats/index";
import type { Outcome, Restriction } from "./crosswalk-spec";

/** Anything the crosswalk can evaluate: a stats source (table, filter view, columns) or plain rows. */
export type CrosswalkData = ColumnSource | readonly Readonly<Record<string, unknown>>[];

/** Yes-count and bases of one outcome in one selection. */
export interface OutcomeCount {
  /** Respondents answering yes. */
  x: number;
  /** The answered base: valid answers, or all respondents for a ticked box. */
  n: number;
  /** The report's base ("vet ikke" kept in), when the outcome names one. */
  nReport: number | null;
}

/** Sums of a Pearson correlation over the rows valid on both variables. */
export interface PairSums {
  n: number;
  sx: number;
  sy: number;
  sxx: number;
  syy: number;
  sxy: number;
}

/** A split of the rows by the codes of a second variable: one group per list of codes. */
export interface Split {
  by: string;
  groups: readonly (readonly number[])[];
}

/**
 * One count a comparison needs, compiled once per evaluation and run on every draw: the outcome's
 * codes classed (yes, answered base, report base) and the split's codes as lookup tables.
 */
export interface CountPlan {
  outcome: Outcome;
  /** The restriction, and a key for it: counts with the same restriction share one row selection per draw. */
  where: readonly FilterCondition[];
  whereKey: string;
  /** The split: per small code its group (−1 none), and the groups' code lists for other codes. */
  split: { by: string; groupOfSmall: Int8Array; groups: readonly (readonly number[])[] } | null;
  /** Per code: bit IN_BASE, YES, REPORT_ONLY. */
  kinds: { small: Uint8Array; other: ReadonlyMap<number, number> };
}

/** The counts a comparison asks of one selection. */
export interface CrosswalkCounter {
  has(variable: string): boolean;
  /**
   * Yes, answered base and report base of the plan's outcome among the rows meeting its
   * restriction: one count, or one per group of its split (rows in no group are left out).
   */
  count(plan: CountPlan): OutcomeCount[];
  /** Correlation sums of x and y over the rows meeting `where` (which restricts both to valid codes). */
  pairs(x: string, y: string, where: readonly FilterCondition[]): PairSums;
}

function isRowArray(data: CrosswalkData): data is readonly Readonly<Record<string, unknown>>[] {
  return Array.isArray(data);
}

/**
 * A stats source for `data`. Plain rows become columns (every key seen in any row; a key missing
 * from a row is blank), so a notebook can pass `applySurveyFilter(rows, filter)` directly.
 */
export function toSource(data: CrosswalkData): ColumnSource {
  if (!isRowArray(data)) return data;
  const names = new Set<string>();
  for (const row of data) for (const key of Object.keys(row)) names.add(key);
  const columns: Record<string, unknown[]> = {};
  for (const name of names) columns[name] = data.map((row) => row[name] ?? null);
  return columns;
}

/** Codes 0–15 (every survey code) are looked up in a table; anything else in a list or map. */
const SMALL = 16;
const isSmall = (v: number): boolean => v >= 0 && v < SMALL && (v | 0) === v;

/** For each code 0–15 the index of the first group that lists it, −1 for none. */
function groupTable(groups: readonly (readonly number[])[]): Int8Array {
  const table = new Int8Array(SMALL).fill(-1);
  groups.forEach((codes, gi) => {
    for (const c of codes) if (isSmall(c) && table[c] === -1) table[c] = gi;
  });
  return table;
}

/** What an answer code counts as: bit 1 in the answered base, 2 yes, 4 in the report's base only. */
const IN_BASE = 1;
const YES = 2;
const REPORT_ONLY = 4;

/** Compile one count: `outcome` among the rows meeting `where`, split by `split` when given. */
export function planCount(outcome: Outcome, where: readonly FilterCondition[], split?: Split): CountPlan {
  const small = new Uint8Array(SMALL);
  const other = new Map<number, number>();
  const mark = (code: number, bit: number): void => {
    if (isSmall(code)) small[code] = (small[code] ?? 0) | bit;
    else other.set(code, (other.get(code) ?? 0) | bit);
  };
  // A ticked box (the set's counted value, 1) is yes; the base is every respondent.
  if (outcome.base === "respondents") mark(1, YES);
  else {
    for (const c of outcome.valid) mark(c, IN_BASE);
    for (const c of outcome.positive) mark(c, YES);
    for (const c of outcome.reportBase?.codes ?? []) if (!outcome.valid.includes(c)) mark(c, REPORT_ONLY);
  }
  return {
    outcome,
    where: where.map((w) => ({ ...w, codes: [...w.codes] })),
    whereKey: JSON.stringify(where.map((w) => [w.variable, w.codes])),
    split: split ? { by: split.by, groupOfSmall: groupTable(split.groups), groups: split.groups } : null,
    kinds: { small, other },
  };
}

/** One group's count from its tallies: a ticked box has every respondent in its base. */
function outcomeCount(outcome: Outcome, rows: number, yes: number, base: number, reportOnly: number): OutcomeCount {
  if (outcome.base === "respondents") return { x: yes, n: rows, nReport: null };
  return { x: yes, n: base, nReport: outcome.reportBase ? base + reportOnly : null };
}

/**
 * The counter over one selection: one tight loop over the selected rows of the cached columns per
 * count, with everything that does not depend on the draw compiled beforehand (`planCount`): the
 * ensemble asks for ~25 counts per draw, fifty draws per filter change.
 */
export function crosswalkCounter(data: CrosswalkData): CrosswalkCounter {
  const frame = stats.frameOf(toSource(data));
  const selected = frame.rows;
  const n = frame.n;
  const restricted = new Map<string, Uint32Array>();
  /** The selected rows meeting the plan's restriction (null: all rows 0…n−1). */
  const rowsMeeting = (plan: CountPlan): Uint32Array | null => {
    if (plan.where.length === 0) return selected;
    let rows = restricted.get(plan.whereKey);
    if (!rows) restricted.set(plan.whereKey, (rows = stats.selectRows(frame, plan.where)));
    return rows;
  };
  return {
    has: (variable) => frame.has(variable),
    count(plan) {
      // The hot loop of the ensemble. The restriction is applied once per draw (selectRows, shared by
      // every count with the same restriction), so the loops below only classify; table lookups index
      // with `v | 0` (an integer key, not a double, keeps them on V8's fast path), and a blank (NaN,
      // most rows of the BMS items) is settled before any map lookup.
      const rows = rowsMeeting(plan);
      const m = rows === null ? n : rows.length;
      const column = frame.column(plan.outcome.variable);
      const kindSmall = plan.kinds.small;
      const kindOther = plan.kinds.other;
      const split = plan.split;
      if (split === null) {
        let all = 0, yes = 0, base = 0, reportOnly = 0;
        for (let i = 0; i < m; i++) {
          const v = column[rows === null ? i : (rows[i] ?? 0)] ?? Number.NaN;
          const kind = v >= 0 && v < SMALL && (v | 0) === v ? (kindSmall[v | 0] ?? 0) : Number.isNaN(v) ? 0 : (kindOther.get(v) ?? 0);
          all++;
          if (kind & YES) yes++;
          if (kind & IN_BASE) base++;
          if (kind & REPORT_ONLY) reportOnly++;
        }
        return [outcomeCount(plan.outcome, all, yes, base, reportOnly)];
      }
      const splitColumn = frame.column(split.by);
      const groupOfSmall = split.groupOfSmall;
      const groupCount = split.groups.length;
      // Per group: rows, yes, answered base, report-only base.
      const tally = new Int32Array(groupCount * 4);
      for (let i = 0; i < m; i++) {
        const r = rows === null ? i : (rows[i] ?? 0);
        const g = splitColumn[r] ?? Number.NaN;
        const gi = g >= 0 && g < SMALL && (g | 0) === g ? (groupOfSmall[g | 0] ?? -1) : Number.isNaN(g) ? -1 : split.groups.findIndex((codes) => codes.includes(g));
        if (gi < 0) continue;
        const at = gi * 4;
        const v = column[r] ?? Number.NaN;
        const kind = v >= 0 && v < SMALL && (v | 0) === v ? (kindSmall[v | 0] ?? 0) : Number.isNaN(v) ? 0 : (kindOther.get(v) ?? 0);
        tally[at] = (tally[at] ?? 0) + 1;
        if (kind & YES) tally[at + 1] = (tally[at + 1] ?? 0) + 1;
        if (kind & IN_BASE) tally[at + 2] = (tally[at + 2] ?? 0) + 1;
        if (kind & REPORT_ONLY) tally[at + 3] = (tally[at + 3] ?? 0) + 1;
      }
      const out: OutcomeCount[] = [];
      for (let gi = 0; gi < groupCount; gi++) {
        out.push(outcomeCount(plan.outcome, tally[gi * 4] ?? 0, tally[gi * 4 + 1] ?? 0, tally[gi * 4 + 2] ?? 0, tally[gi * 4 + 3] ?? 0));
      }
      return out;
    },
    pairs(x, y, where) {
      const rows = stats.selectRows(frame, where);
      const cx = frame.column(x);
      const cy = frame.column(y);
      const s: PairSums = { n: 0, sx: 0, sy: 0, sxx: 0, syy: 0, sxy: 0 };
      for (let i = 0; i < rows.length; i++) {
        const r = rows[i] ?? 0;
        const a = cx[r] ?? Number.NaN;
        const b = cy[r] ?? Number.NaN;
        if (Number.isNaN(a) || Number.isNaN(b)) continue;
        s.n++;
        s.sx += a;
        s.sy += b;
        s.sxx += a * a;
        s.syy += b * b;
        s.sxy += a * b;
      }
      return s;
    },
  };
}

/** Filter conditions for the `among` restrictions. */
export function restrictionConditions(among: readonly Restriction[] | undefined): FilterCondition[] {
  return (among ?? []).map((r) => ({ variable: r.variable, codes: [...r.codes], label: r.label }));
}

/** Yes, answered base and report base of `outcome` among the rows meeting `where` (one-off; plan once for many draws). */
export function countOutcome(counter: CrosswalkCounter, outcome: Outcome, where: readonly FilterCondition[]): OutcomeCount {
  return counter.count(planCount(outcome, where))[0] ?? { x: 0, n: 0, nReport: null };
}

/**
 * The statistics core's audit of an outcome's count (canonical draw only: it also lists filters and
 * the missing values left out), with `x` and `n` as the kernels count them.
 */
export function auditCount(source: ColumnSource, outcome: Outcome, where: readonly FilterCondition[], codebook: Codebook | undefined, locale: Locale = "en"): { x: number; n: number; audit: Audit } {
  const language = codebookKey(locale);
  if (outcome.base === "respondents") {
    const set = codebook?.sets.find((s) => s.name === outcome.set);
    // Without a codebook the set is just this one box, counted when it holds 1.
    const table = stats.multipleResponse(source, set ?? { name: outcome.set, label: { no: outcome.set, en: outcome.set }, variables: [outcome.variable], countedValue: 1 }, {
      codebook,
      where: [...where],
      caseBase: "all",
      language,
    });
    const row = table.rows.find((r) => r.variable === outcome.variable);
    return { x: row?.count ?? 0, n: table.caseBase, audit: table.audit };
  }
  const freq = stats.frequencies(source, outcome.variable, { codebook, where: [...where], language });
  const valid = new Set(outcome.valid);
  const positive = new Set(outcome.positive);
  let x = 0;
  let n = 0;
  for (const row of [...freq.valid, ...freq.missing]) {
    if (row.code === null || !valid.has(row.code)) continue;
    n += row.count;
    if (positive.has(row.code)) x += row.count;
  }
  return { x, n, audit: freq.audit };
}

/** Readable form of an outcome's yes codes, e.g. "q29_2 ∈ {1, 2} of {1–4}" or "q31_2 ticked". */
export function describeOutcome(outcome: Outcome): string {
  if (outcome.base === "respondents") return `${outcome.variable} ticked (base: all respondents)`;
  return `${outcome.variable} ∈ {${outcome.positive.join(", ")}} of valid {${outcome.valid.join(", ")}}`;
}

/** An audit with a new base and test, keeping N, filters, missing values and weight. */
export function reAudit(audit: Audit, base: number, baseLabel: string, test: string | null): Audit {
  const { line: _line, ...parts } = audit;
  return stats.makeAudit({ ...parts, base, baseLabel, test });
}
