/**
 * The words of a group comparison (`stats.compareGroups`, `tables.groups`): its audit base, why a
 * test has no statistic, its notes and its table's headings, one catalogue per language. Its own
 * file so the comparison's words grow without touching the shared catalogues; `Messages` extends it.
 */
import { formatNumber } from "./number-format";

/** Why a test of a group comparison has no statistic. */
export type GroupTestReason =
  /** Fewer than 2 groups have valid cases: nothing to compare. */
  | { kind: "one-group"; groups: number }
  /** No degrees of freedom within the groups (every group has one case). */
  | { kind: "no-within-df" }
  /** Every value equals its group's mean: the within-group variance is 0. */
  | { kind: "no-within-variance" }
  /** Welch needs every group to have ≥ 2 cases and a variance above 0. */
  | { kind: "welch-group"; group: number }
  /** Every value is the same: nothing to rank. */
  | { kind: "all-tied" };

/** Every message of a group comparison. */
export interface GroupMessages {
  /** The audit's base: "valid q1 with a size_class". */
  baseValidInGroups(variable: string, group: string): string;
  /** Why a test of the comparison gives no statistic; `groupName(i)` names the i-th compared group. */
  groupTestReason(reason: GroupTestReason, groupName: (index: number) => string): string;
  /** A note: groups with no valid case, left out of the tests. */
  groupsEmpty(groups: string): string;
  /** A note: groups under 5 cases (their means and medians are shaky). */
  groupsFew(groups: string): string;
  /** A note: groups with a single answer (no spread: Welch's F is not computed) and the call that leaves them out. */
  groupsSingle(groups: string, call: string): string;
  /** A note: cases with a valid item but no compared group. */
  groupsUnclassified(count: number, group: string): string;
  /** The table's headings. */
  groupHeading: string;
  groupMean: string;
  groupSd: string;
  groupMedian: string;
  groupMeanRank: string;
  groupAll: string;
  groupTest: string;
  groupStatistic: string;
  groupDf: string;
  groupEffect: string;
  /** The three tests' names in the table. */
  groupAnova: string;
  groupWelch: string;
  groupKruskal: string;
  /** The caption: "q1 by size_class". */
  groupCaption(item: string, group: string): string;
}

const nb: GroupMessages = {
  baseValidInGroups: (variable, group) => `gyldige ${variable} med gruppe i ${group}`,
  groupTestReason: (r, groupName) => {
    switch (r.kind) {
      case "one-group": return `færre enn 2 grupper har gyldige svar (${r.groups})`;
      case "no-within-df": return "hver gruppe har bare ett svar: ingen frihetsgrader innen gruppene";
      case "no-within-variance": return "alle svar er like innen hver gruppe: variansen innen gruppene er 0";
      case "welch-group": return `Welch trenger minst 2 svar med ulik verdi i hver gruppe; gruppe ${groupName(r.group)} har det ikke`;
      case "all-tied": return "alle svar har samme verdi: ingenting å rangere";
    }
  },
  groupsEmpty: (groups) => `Ingen gyldige svar i gruppe ${groups}: den er utelatt fra testene.`,
  groupsFew: (groups) => `Under 5 gyldige svar i gruppe ${groups}: gjennomsnitt og median der er usikre.`,
  groupsSingle: (groups, call) => `Bare ett gyldig svar i gruppe ${groups}: uten spredning kan Welchs F ikke beregnes (ANOVA og Kruskal–Wallis tar den med). Utelat den med ${call}, eller slå den sammen med en nabogruppe.`,
  groupsUnclassified: (count, group) => `${formatNumber("nb", count)} gyldige svar uten sammenlignet gruppe i ${group} er utelatt.`,
  groupHeading: "Gruppe",
  groupMean: "Gjennomsnitt",
  groupSd: "Std.avvik",
  groupMedian: "Median",
  groupMeanRank: "Gj.sn. rang",
  groupAll: "Alle grupper",
  groupTest: "Test",
  groupStatistic: "Verdi",
  groupDf: "fg",
  groupEffect: "Effektstørrelse",
  groupAnova: "Enveis variansanalyse (ANOVA)",
  groupWelch: "Welchs F (ulike varianser)",
  groupKruskal: "Kruskal–Wallis (rangbasert)",
  groupCaption: (item, group) => `${item} etter ${group}`,
};

const en: GroupMessages = {
  baseValidInGroups: (variable, group) => `valid ${variable} with a group of ${group}`,
  groupTestReason: (r, groupName) => {
    switch (r.kind) {
      case "one-group": return `fewer than 2 groups have valid answers (${r.groups})`;
      case "no-within-df": return "every group has a single answer: no degrees of freedom within the groups";
      case "no-within-variance": return "every answer equals its group's mean: the variance within the groups is 0";
      case "welch-group": return `Welch needs at least 2 answers that differ in every group; group ${groupName(r.group)} has not`;
      case "all-tied": return "every answer has the same value: nothing to rank";
    }
  },
  groupsEmpty: (groups) => `No valid answers in group ${groups}: it is left out of the tests.`,
  groupsFew: (groups) => `Fewer than 5 valid answers in group ${groups}: its mean and median are shaky.`,
  groupsSingle: (groups, call) => `A single valid answer in group ${groups}: without spread Welch's F cannot be computed (ANOVA and Kruskal–Wallis include it). Leave it out with ${call}, or merge it with a neighbouring group.`,
  groupsUnclassified: (count, group) => `${formatNumber("en", count)} valid answers without a compared group of ${group} are left out.`,
  groupHeading: "Group",
  groupMean: "Mean",
  groupSd: "Std. dev.",
  groupMedian: "Median",
  groupMeanRank: "Mean rank",
  groupAll: "All groups",
  groupTest: "Test",
  groupStatistic: "Value",
  groupDf: "df",
  groupEffect: "Effect size",
  groupAnova: "One-way ANOVA",
  groupWelch: "Welch's F (unequal variances)",
  groupKruskal: "Kruskal–Wallis (ranks)",
  groupCaption: (item, group) => `${item} by ${group}`,
};

/** The group comparison's words in each language. */
export const groupMessages = { nb, en };
