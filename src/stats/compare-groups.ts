/**
 * A numeric item compared across the groups of another variable (size classes, counties, kommune /
 * fylkeskommune): per group n, mean, standard deviation and median, then the one-way ANOVA with η²
 * and ω², Welch's F and the Kruskal–Wallis H with ε² (group-tests.ts). What SPSS prints for
 * `ONEWAY q1 BY size_class /STATISTICS=DESCRIPTIVES WELCH` and `NPAR TESTS /K-W=q1 BY size_class`.
 *
 * The item's missing codes (the codebook's, e.g. 9 "vet ikke") and blanks are dropped, as are cases
 * whose group is blank or a missing code of the group variable. Unweighted, as PSPP's K-W.
 */
import { kernelInput, sourceOf, type StatsData } from "./kernel-input";
import { onEach } from "./each-data";
import { rounded, withPicture } from "./result-picture";
import { makeAudit, pClause, type Audit } from "./audit";
import { formatNumber, messages, type Locale } from "../base/locale/locale";
import { prepareFrame, type SelectOptions } from "./select-rows";
import { missingTest, valueLabel, variableInfo, type MetaOptions, type MissingTest, type VariableInfo } from "./variable-info";
import { statsError } from "./stats-problem";
import { describeValue } from "../base/builtin-problem";
import { isTableLike, toNumber, type ColumnLike, type ColumnSource } from "./column-cache";
import { MissingTally } from "./missing-tally";
import { groupTests, type AnovaTest, type KruskalWallisTest, type WelchTest } from "./group-tests";
import { META_OPTIONS, SELECT_OPTIONS, type OptionNames } from "./option-names";

/** One group's valid answers. */
export interface GroupRow {
  /** The group's code (e.g. size class 3); null for all groups together. */
  group: number | null;
  /** The code's label in the codebook ("1000-4999 innbyggere"), else the code. */
  label: string;
  n: number;
  mean: number | null;
  /** Sample standard deviation (n − 1); null under 2 cases. */
  sd: number | null;
  median: number | null;
  /** Mean rank of the Kruskal–Wallis test (all groups ranked together); null for an empty group and for all groups. */
  meanRank: number | null;
}

/** `stats.compareGroups`' result. */
export interface GroupComparison {
  /** The compared item and its label. */
  variable: string;
  label: string;
  /** The variable whose codes make the groups, and its label. */
  groupVariable: string;
  groupLabel: string;
  /** One row per group in `groups` order (empty groups included, with n 0). */
  rows: GroupRow[];
  /** All compared groups together. */
  overall: GroupRow;
  anova: AnovaTest;
  welch: WelchTest;
  kruskalWallis: KruskalWallisTest;
  notes: string[];
  audit: Audit;
}

/** Options of `stats.compareGroups`. */
export interface CompareGroupsOptions extends MetaOptions, SelectOptions {
  /**
   * The group codes to compare, in order; default every valid code of the group variable in the data
   * (for the reconstructions, those of the selection itself).
   */
  groups?: number[];
}

/** The options of `stats.compareGroups`, by name (a weight is refused first, with what to do instead). */
export const COMPARE_GROUPS_OPTIONS: OptionNames<CompareGroupsOptions> = { ...META_OPTIONS, ...SELECT_OPTIONS, groups: true };

/** What to do instead of weighting: PSPP's weighted ONEWAY is not reproduced, so no weight is taken. */
const COMPARE_UNWEIGHTED = "It compares the respondents as sampled (PSPP's weighted ONEWAY is not reproduced here, and NPAR TESTS /K-W is unweighted too); for a weighted test of the groups use stats.crosstab(selection, group, item, {weight: w.weights}) (χ² of the weighted table).";

const BUILTIN = "stats.compareGroups";

function median(sorted: Float64Array): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const h = n >> 1;
  return n % 2 ? (sorted[h] ?? null) : ((sorted[h - 1] ?? 0) + (sorted[h] ?? 0)) / 2;
}

function describe(values: Float64Array, group: number | null, label: string, meanRank: number | null): GroupRow {
  const n = values.length;
  if (n === 0) return { group, label, n, mean: null, sd: null, median: null, meanRank: null };
  let s = 0;
  for (const v of values) s += v;
  const mean = s / n;
  let ss = 0;
  for (const v of values) ss += (v - mean) * (v - mean);
  const sorted = Float64Array.from(values).sort();
  return { group, label, n, mean, sd: n > 1 ? Math.sqrt(ss / (n - 1)) : null, median: median(sorted), meanRank };
}

function isColumnLike(value: ColumnLike | ArrayLike<unknown>): value is ColumnLike {
  return "at" in value && typeof value.at === "function";
}

/** The first text of a column that is no number ("Bergen"), or undefined when every value is a number or blank. */
function firstText(source: ColumnSource, name: string): string | undefined {
  const col = isTableLike(source) ? source.column(name) : source[name];
  // Typed arrays hold numbers only.
  if (!col || ArrayBuffer.isView(col)) return undefined;
  const at = isColumnLike(col) ? (i: number): unknown => col.at(i) : (i: number): unknown => col[i];
  for (let i = 0; i < col.length; i++) {
    const v = at(i);
    if (typeof v === "string" && v.trim() !== "" && Number.isNaN(toNumber(v))) return v;
  }
  return undefined;
}

interface Plan {
  readonly variable: string;
  readonly groupVariable: string;
  readonly info: VariableInfo;
  readonly groupInfo: VariableInfo;
  readonly isMissing: MissingTest;
  readonly isGroupMissing: MissingTest;
  readonly groups: readonly number[] | undefined;
  readonly options: CompareGroupsOptions;
  readonly locale: Locale;
}

function plan(data: StatsData, group: string, item: string, options: CompareGroupsOptions): (source: ColumnSource) => GroupComparison {
  const input = kernelInput(BUILTIN, data, options, COMPARE_GROUPS_OPTIONS, COMPARE_UNWEIGHTED);
  const groupVariable = input.variable(group, "the group variable (2nd argument)");
  const variable = input.variable(item, "the item (3rd argument)");
  const text = firstText(input.source, variable);
  if (text !== undefined) {
    throw statsError("bad-input", `the item "${variable}" holds text, e.g. ${JSON.stringify(text)}, not numbers: compare a numeric item, e.g. ${BUILTIN}(selection, "${groupVariable}", "q1").`, { name: variable }, BUILTIN);
  }
  const given: unknown = input.options.groups;
  if (given !== undefined && !(Array.isArray(given) && given.every((c) => typeof c === "number"))) {
    throw statsError("bad-input", `option groups is a list of ${groupVariable}'s codes, e.g. {groups: [1, 2, 3]}, but it got ${describeValue(given)}.`, {}, BUILTIN);
  }
  const info = variableInfo(variable, input.options);
  const groupInfo = variableInfo(groupVariable, input.options);
  const p: Plan = { variable, groupVariable, info, groupInfo, isMissing: missingTest(info.missing), isGroupMissing: missingTest(groupInfo.missing), groups: input.options.groups, options: input.options, locale: input.locale };
  if (p.groups) return (source) => compute(p, source);
  // Without option groups, the groups are those of the first dataset (the selection itself), fixed
  // for every reconstruction: rows[i] is then the same group in every draw, as the evidence reads it.
  const first = compute(p, input.source);
  const fixed: Plan = { ...p, groups: first.rows.map((r) => r.group ?? 0) };
  return (source) => (source === input.source ? first : compute(fixed, source));
}

function compute(plan: Plan, source: ColumnSource): GroupComparison {
  const { variable, groupVariable, info, groupInfo, isMissing, isGroupMissing, options, locale } = plan;
  const words = messages[locale];
  const { frame, filters, disclosureSensitive } = prepareFrame(source, options);
  const col = frame.column(variable);
  const groupCol = frame.column(groupVariable);
  const byGroup = new Map<number, number[]>();
  const chosen = plan.groups ? new Set(plan.groups) : null;
  for (const g of plan.groups ?? []) byGroup.set(g, []);
  const itemMissing = new MissingTally(isMissing);
  const groupMissing = new MissingTally(isGroupMissing);
  let noGroup = 0;
  for (let i = 0; i < frame.n; i++) {
    const r = frame.rows ? (frame.rows[i] ?? 0) : i;
    const v = col[r] ?? Number.NaN;
    if (itemMissing.take(v)) continue;
    const g = groupCol[r] ?? Number.NaN;
    if (groupMissing.take(g)) continue;
    if (chosen && !chosen.has(g)) {
      noGroup++;
      continue;
    }
    let list = byGroup.get(g);
    if (!list) byGroup.set(g, (list = []));
    list.push(v);
  }
  const codes = plan.groups ? [...plan.groups] : [...byGroup.keys()].sort((a, b) => a - b);
  const values = codes.map((c) => Float64Array.from(byGroup.get(c) ?? []));
  const compared = values.filter((v) => v.length > 0);
  const comparedCodes = codes.filter((_, i) => (values[i]?.length ?? 0) > 0);
  const tests = groupTests(compared);
  const rank = new Map(comparedCodes.map((c, i) => [c, tests.kruskalWallis.meanRanks[i] ?? null]));
  const rows = codes.map((c, i) => describe(values[i] ?? new Float64Array(0), c, valueLabel(groupInfo, c), rank.get(c) ?? null));
  const all = new Float64Array(compared.reduce((a, v) => a + v.length, 0));
  let at = 0;
  for (const v of compared) {
    all.set(v, at);
    at += v.length;
  }
  const overall = describe(all, null, words.groupAll, null);

  const notes: string[] = [];
  const empty = rows.filter((r) => r.n === 0).map((r) => r.label);
  if (empty.length) notes.push(words.groupsEmpty(empty.join(", ")));
  const few = rows.filter((r) => r.n > 0 && r.n < 5).map((r) => r.label);
  if (few.length) notes.push(words.groupsFew(few.join(", ")));
  if (noGroup > 0) notes.push(words.groupsUnclassified(noGroup, groupVariable));
  // A single answer has no spread: ANOVA and Kruskal–Wallis take it (as PSPP does), Welch cannot.
  const single = rows.filter((r) => r.n === 1);
  if (single.length) {
    const keep = rows.filter((r) => r.n > 1).map((r) => r.group ?? 0);
    notes.push(words.groupsSingle(single.map((r) => `${r.group} (${r.label})`).join(", "), `${BUILTIN}(selection, "${groupVariable}", "${variable}", {groups: [${keep.join(", ")}]})`));
  }

  const result: GroupComparison = {
    variable, label: info.label, groupVariable, groupLabel: groupInfo.label, rows, overall, ...tests, notes,
    audit: makeAudit({
      locale,
      n: frame.n,
      base: all.length,
      baseLabel: words.baseValidInGroups(variable, groupVariable),
      filters,
      excluded: [itemMissing.excluded(variable), groupMissing.excluded(groupVariable)],
      weight: null,
      // Written when read: the evidence computes this on every reconstruction, whose line no one reads.
      test: () => testsLine(tests, (i) => String(comparedCodes[i] ?? i), locale),
      disclosureSensitive,
    }),
  };
  return withPicture(result, comparisonPicture);
}

/** "ANOVA F(5, 244) = 0.37, p = .867; Welch F(5, 40.12) = …; Kruskal–Wallis H(5) = 2.29, p = .807". */
export function testsLine(t: Pick<GroupComparison, "anova" | "welch" | "kruskalWallis">, groupName: (index: number) => string, locale: Locale): string {
  const words = messages[locale];
  const num = (x: number, d: number): string => formatNumber(locale, x, d);
  const df2 = (x: number): string => (Number.isInteger(x) ? num(x, 0) : num(x, 2));
  const one = (name: string, stat: number | null, df: string, p: number | null, why: Parameters<typeof words.groupTestReason>[0] | undefined): string =>
    stat === null ? `${name}: ${why ? words.groupTestReason(why, groupName) : "–"}` : `${name}(${df}) = ${num(stat, 2)}, ${pClause(p, locale)}`;
  const { anova: a, welch: w, kruskalWallis: k } = t;
  return [
    one("ANOVA F", a.f, `${a.df1}, ${df2(a.df2)}`, a.p, a.why),
    one("Welch F", w.f, `${w.df1}, ${w.df2 === null ? "–" : df2(w.df2)}`, w.p, w.why),
    one("Kruskal–Wallis H", k.h, `${k.df}`, k.p, k.why),
  ].join("; ");
}

/** The inspector's picture: one line per group, then the tests. */
function comparisonPicture(c: GroupComparison): Record<string, unknown> {
  const line = (r: GroupRow): string => (r.mean === null ? `n ${r.n}: –` : `mean ${rounded(r.mean, 2)}, sd ${r.sd === null ? "–" : rounded(r.sd, 2)}, median ${r.median ?? "–"} (n ${r.n})`);
  return {
    compareGroups: `${c.variable} (${c.label}) by ${c.groupVariable} (${c.groupLabel})`,
    groups: Object.fromEntries(c.rows.map((r) => [`${r.group ?? ""} ${r.label}`, line(r)])),
    overall: line(c.overall),
    tests: c.audit.test,
    effects: `η² ${c.anova.etaSquared === null ? "–" : rounded(c.anova.etaSquared, 3)}, ω² ${c.anova.omegaSquared === null ? "–" : rounded(c.anova.omegaSquared, 3)}, ε² ${c.kruskalWallis.epsilonSquared === null ? "–" : rounded(c.kruskalWallis.epsilonSquared, 3)}`,
    notes: c.notes,
    audit: c.audit.line,
    fields: "rows[i] ({group, label, n, mean, sd, median, meanRank}), overall, anova ({f, df1, df2, p, etaSquared, omegaSquared}), welch ({f, df1, df2, p}), kruskalWallis ({h, df, p, epsilonSquared}) · as a table: tables.groups(result)",
  };
}

/** A call with nothing to compare on the data as given, refused with the fix (the reconstructions are computed, not refused). */
function refuse(c: GroupComparison): void {
  const compared = c.rows.filter((r) => r.n > 0);
  if (compared.length < 2) {
    const which = compared.length === 1 ? ` only group ${compared[0]?.group} (${compared[0]?.label}) has` : " no group has";
    throw statsError("bad-input", `fewer than 2 groups to compare:${which} valid answers of ${c.variable}. Compare a variable with at least 2 groups in the selection, or widen the filter.`, { groups: compared.map((r) => r.group) }, BUILTIN);
  }
}

/**
 * Compare a numeric item across the groups of another variable — size class, county, kommune or
 * fylkeskommune — with per group n, mean, sd and median; the one-way ANOVA F with η² and ω² (SPSS ONEWAY), Welch's F for
 * unequal variances (ONEWAY /STATISTICS=WELCH) and the Kruskal–Wallis H with tie correction and ε²
 * (NPAR TESTS /K-W). The item's missing codes (9 "vet ikke") are left out. Unweighted. The data
 * comes first, then the group variable, then the item: ONEWAY q1 BY size_class is
 * `stats.compareGroups(selection, "size_class", "q1")`.
 * @param data the rows: `selection`, `survey`, an Arquero table or columns
 * @param group the variable whose codes make the groups, e.g. "size_class"
 * @param item the numeric item compared, e.g. "q1"
 * @example stats.compareGroups(selection, "size_class", "q1")
 */
export function compareGroups(data: StatsData, group: string, item: string, options: CompareGroupsOptions = {}): GroupComparison {
  const result = plan(data, group, item, options)(sourceOf(data));
  refuse(result);
  return result;
}

/**
 * `compareGroups` on each dataset (the same filter on every reconstruction), the arguments checked
 * once: result i is `compareGroups(data[i], …)` with the groups of `data[0]` (so rows[i] is one group
 * in every result), except that a reconstruction with fewer than 2 groups is computed (its tests are
 * then null with the reason), not refused.
 */
export function compareGroupsEach(data: readonly StatsData[], group: string, item: string, options: CompareGroupsOptions = {}): GroupComparison[] {
  return onEach(data, (first) => plan(first, group, item, options), (d) => plan(d, group, item, options)(sourceOf(d)));
}
