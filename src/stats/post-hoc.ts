/**
 * Which groups differ: the pairwise comparisons after `stats.compareGroups`, on the same groups and
 * answers (its missing codes dropped, its groups fixed across the reconstructions). Tukey's HSD and
 * Games–Howell with mean differences, standard errors, simultaneous intervals and p-values on the
 * studentized range, as PSPP ONEWAY /POSTHOC=TUKEY GH prints them; Dunn's test on the Kruskal–Wallis
 * ranks with Holm's (or Bonferroni's) adjustment. All three from the comparison's group summaries
 * (post-hoc-tests.ts), so the pairs read the very figures `tables.groups` shows.
 */
import { COMPARE_GROUPS_OPTIONS, compareGroups, compareGroupsEach, type CompareGroupsOptions, type GroupComparison, type GroupRow } from "./compare-groups";
import { refuseUnknownOptions, type OptionNames } from "./option-names";
import { dunn, gamesHowell, tukeyHsd, type Adjustment, type DunnPair, type RangePair } from "./post-hoc-tests";
import { makeAudit, type Audit } from "./audit";
import { messages } from "../base/locale/locale";
import { rounded, withPicture } from "./result-picture";
import { statsError } from "./stats-problem";
import { asBuiltin, describeValue } from "../base/builtin-problem";
import type { StatsData } from "./kernel-input";

/** Options of `stats.postHoc`: those of `stats.compareGroups`, and the interval level and Dunn's adjustment. */
export interface PostHocOptions extends CompareGroupsOptions {
  /** The level of the simultaneous intervals, between 0 and 1 (default 0.95). */
  level?: number;
  /** How Dunn's p-values are adjusted for the pairs: "holm" (default) or "bonferroni" (SPSS's pairwise K–W). */
  adjust?: Adjustment;
}

/** `stats.postHoc`'s result. */
export interface PostHoc {
  variable: string;
  label: string;
  groupVariable: string;
  groupLabel: string;
  /** The comparison's groups, in its order: a pair's `a` and `b` index them. */
  rows: GroupRow[];
  level: number;
  adjust: Adjustment;
  /** Every pair of groups (1–2, 1–3, …, 2–3, …) by each method. */
  tukey: RangePair[];
  gamesHowell: RangePair[];
  dunn: DunnPair[];
  /** The comparison's notes (empty, small or single-answer groups). */
  notes: string[];
  audit: Audit;
}

const BUILTIN = "stats.postHoc";

/** The options of `stats.postHoc`, by name. */
const POST_HOC_OPTIONS: OptionNames<PostHocOptions> = { ...COMPARE_GROUPS_OPTIONS, level: true, adjust: true };

/** The options read: the comparison's own, and the level and adjustment checked. */
function split(options: PostHocOptions): { comparison: CompareGroupsOptions; level: number; adjust: Adjustment } {
  const raw: unknown = options;
  // Anything but an options object is stats.compareGroups' to refuse (it says what it expected).
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return { comparison: options, level: 0.95, adjust: "holm" };
  // A weight is left for stats.compareGroups to refuse, with what to do instead.
  const given: PostHocOptions & { weight?: unknown } = options;
  const { weight, ...named } = given;
  refuseUnknownOptions(BUILTIN, named, POST_HOC_OPTIONS);
  const { level = 0.95, adjust = "holm", ...comparison } = { ...named, ...(weight === undefined ? {} : { weight }) };
  const givenLevel: unknown = level;
  if (typeof givenLevel !== "number" || !(givenLevel > 0 && givenLevel < 1)) {
    throw statsError("bad-input", `option level is the intervals' level between 0 and 1, e.g. {level: 0.95}, but it got ${describeValue(givenLevel)}.`, {}, BUILTIN);
  }
  const givenAdjust: unknown = adjust;
  if (givenAdjust !== "holm" && givenAdjust !== "bonferroni") {
    throw statsError("bad-input", `option adjust is "holm" or "bonferroni", but it got ${describeValue(givenAdjust)}.`, {}, BUILTIN);
  }
  return { comparison, level: givenLevel, adjust: givenAdjust };
}

/** The pairs of one comparison. */
function pairsOf(c: GroupComparison, level: number, adjust: Adjustment): PostHoc {
  const words = messages[c.audit.locale];
  const msWithin = c.anova.df2 > 0 ? c.anova.ssWithin / c.anova.df2 : Number.NaN;
  const tukey = tukeyHsd(c.rows, msWithin, c.anova.df2, level);
  const gh = gamesHowell(c.rows, level);
  const ranks = dunn(c.rows, c.kruskalWallis.tieCorrection, adjust);
  const summary = (method: string, pairs: readonly { p: number | null }[]): string =>
    words.postHocSummary(method, pairs.filter((x) => x.p !== null && x.p < 0.05).length, pairs.filter((x) => x.p !== null).length);
  const a = c.audit;
  const result: PostHoc = {
    variable: c.variable, label: c.label, groupVariable: c.groupVariable, groupLabel: c.groupLabel, rows: c.rows, level, adjust,
    tukey, gamesHowell: gh, dunn: ranks, notes: c.notes,
    audit: makeAudit({
      locale: a.locale, n: a.n, base: a.base, baseLabel: a.baseLabel, filters: a.filters, excluded: a.excluded, weight: null, disclosureSensitive: a.disclosureSensitive,
      // Written when read, as the comparison's: the evidence computes this on every reconstruction.
      test: () => [summary("Tukey", tukey), summary("Games–Howell", gh), summary(`Dunn (${adjust === "holm" ? "Holm" : "Bonferroni"})`, ranks)].join("; "),
    }),
  };
  return withPicture(result, picture);
}

/** The inspector's picture: one line per pair and method. */
function picture(r: PostHoc): Record<string, unknown> {
  const name = (i: number): string => String(r.rows[i]?.group ?? i);
  const range = (x: RangePair): string => (x.difference === null ? `– (${x.why ?? ""})` : `diff ${rounded(x.difference, 3)}, se ${rounded(x.se, 3)}, CI [${rounded(x.low, 3)}, ${rounded(x.high, 3)}], p ${rounded(x.p, 4)}`);
  const rank = (x: DunnPair): string => (x.difference === null ? `– (${x.why ?? ""})` : `rank diff ${rounded(x.difference, 2)}, z ${rounded(x.z, 3)}, p ${rounded(x.p, 4)} (unadjusted ${rounded(x.pUnadjusted, 4)})`);
  return {
    postHoc: `${r.variable} (${r.label}) by ${r.groupVariable} (${r.groupLabel})`,
    tukey: Object.fromEntries(r.tukey.map((x) => [`${name(x.a)} − ${name(x.b)}`, range(x)])),
    gamesHowell: Object.fromEntries(r.gamesHowell.map((x) => [`${name(x.a)} − ${name(x.b)}`, range(x)])),
    dunn: Object.fromEntries(r.dunn.map((x) => [`${name(x.a)} − ${name(x.b)}`, rank(x)])),
    tests: r.audit.test,
    audit: r.audit.line,
    fields: "rows, tukey[i] / gamesHowell[i] ({a, b, difference, se, q, df, p, low, high}), dunn[i] ({a, b, difference, se, z, pUnadjusted, p}); a and b index rows · as a table: tables.postHoc(result)",
  };
}

/**
 * Which groups differ, after `stats.compareGroups`: every pair of groups by Tukey's HSD (equal
 * variances; SPSS/PSPP ONEWAY /POSTHOC=TUKEY), by Games–Howell (unequal variances; /POSTHOC=GH) —
 * mean difference, standard error, simultaneous interval and p on the studentized range — and by
 * Dunn's test on the Kruskal–Wallis ranks, p adjusted by Holm (or `{adjust: "bonferroni"}`). The
 * same arguments and groups as `stats.compareGroups`; the item's missing codes are left out. Unweighted.
 * @param data the rows: `selection`, `survey`, an Arquero table or columns
 * @param group the variable whose codes make the groups, e.g. "size_class"
 * @param item the numeric item compared, e.g. "q1"
 * @example stats.postHoc(selection, "size_class", "q1")
 */
export function postHoc(data: StatsData, group: string, item: string, options: PostHocOptions = {}): PostHoc {
  const { comparison, level, adjust } = split(options);
  let c: GroupComparison;
  try {
    c = compareGroups(data, group, item, comparison);
  } catch (e) {
    // The comparison's complaint (an unknown variable, fewer than 2 groups) told as this builtin's.
    throw asBuiltin(e, BUILTIN);
  }
  return pairsOf(c, level, adjust);
}

/**
 * `postHoc` on each dataset (the same filter on every reconstruction), arguments checked once: result
 * i is on data[i] with the groups of data[0], so tukey[j] is one pair in every result.
 */
export function postHocEach(data: readonly StatsData[], group: string, item: string, options: PostHocOptions = {}): PostHoc[] {
  const { comparison, level, adjust } = split(options);
  return compareGroupsEach(data, group, item, comparison).map((c) => pairsOf(c, level, adjust));
}
