/**
 * The words of the pairwise comparisons after a group comparison (`stats.postHoc`, `tables.postHoc`):
 * the methods' names, the table's headings, why a pair has no test and the audit's summary, one
 * catalogue per language. Its own file beside group-messages.ts; `Messages` extends it.
 */
import { formatNumber } from "./number-format";

/** Why a pair of groups has no test (post-hoc-tests.ts `PairReason`). */
export type PostHocPairReason = "empty-group" | "no-spread" | "no-within-variance";

/** Every message of the pairwise comparisons. */
export interface PostHocMessages {
  /** The methods as the table and the audit name them. */
  postHocTukey: string;
  postHocGamesHowell: string;
  /** "Dunn (Holm-justert)". */
  postHocDunn(adjust: "holm" | "bonferroni"): string;
  /** The table's headings. */
  postHocPair: string;
  postHocDifference: string;
  postHocRankDifference: string;
  postHocSe: string;
  postHocInterval(level: number): string;
  /** The caption: "q1 etter size_class: hvilke grupper skiller seg". */
  postHocCaption(item: string, group: string): string;
  /** A pair without a test, in the cell where its p would be. */
  postHocReason(reason: PostHocPairReason): string;
  /** The audit's test part: how many pairs of each method have p < .05. */
  postHocSummary(method: string, below: number, pairs: number): string;
  /** Below the table: what each method assumes, so the reader picks one. */
  postHocGuide: string;
}

const nb: PostHocMessages = {
  postHocTukey: "Tukey HSD (like varianser)",
  postHocGamesHowell: "Games–Howell (ulike varianser)",
  postHocDunn: (adjust) => `Dunn på rangene (${adjust === "holm" ? "Holm" : "Bonferroni"}-justert)`,
  postHocPair: "Par (I − J)",
  postHocDifference: "Differanse",
  postHocRankDifference: "Rangdifferanse",
  postHocSe: "Std.feil",
  postHocInterval: (level) => `${formatNumber("nb", level * 100)} % KI`,
  postHocCaption: (item, group) => `${item} etter ${group}: hvilke grupper skiller seg`,
  postHocReason: (reason) => (reason === "empty-group" ? "gruppen har ingen gyldige svar" : reason === "no-spread" ? "uten spredning i en av gruppene" : "ingen varians innen gruppene"),
  postHocSummary: (method, below, pairs) => `${method}: ${formatNumber("nb", below)} av ${formatNumber("nb", pairs)} par med p < 0,05`,
  postHocGuide: "Tukey antar like varianser i gruppene; Games–Howell gjør det ikke (velg den når Welchs F og ANOVA spriker). Dunn sammenligner rangene etter Kruskal–Wallis. p-verdiene er justert for antall par.",
};

const en: PostHocMessages = {
  postHocTukey: "Tukey HSD (equal variances)",
  postHocGamesHowell: "Games–Howell (unequal variances)",
  postHocDunn: (adjust) => `Dunn on the ranks (${adjust === "holm" ? "Holm" : "Bonferroni"}-adjusted)`,
  postHocPair: "Pair (I − J)",
  postHocDifference: "Difference",
  postHocRankDifference: "Rank difference",
  postHocSe: "Std. error",
  postHocInterval: (level) => `${formatNumber("en", level * 100)} % CI`,
  postHocCaption: (item, group) => `${item} by ${group}: which groups differ`,
  postHocReason: (reason) => (reason === "empty-group" ? "the group has no valid answers" : reason === "no-spread" ? "no spread in one of the groups" : "no variance within the groups"),
  postHocSummary: (method, below, pairs) => `${method}: ${formatNumber("en", below)} of ${formatNumber("en", pairs)} pairs with p < .05`,
  postHocGuide: "Tukey assumes equal variances in the groups; Games–Howell does not (choose it when Welch's F and the ANOVA disagree). Dunn compares the ranks after Kruskal–Wallis. The p-values are adjusted for the number of pairs.",
};

/** The pairwise comparisons' words in each language. */
export const postHocMessages = { nb, en };
