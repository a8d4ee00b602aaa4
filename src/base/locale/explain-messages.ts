/**
 * The words of notebook 06's generated sentences: the explanation under each verdict, the test in
 * words, the what-if's test line, and the shared-view guard notes every table that hides counts
 * prints. The numbers come in formatted (number-format.ts); the sentences around them are here.
 * `TableMessages` extends this, so `messages[locale]` has every key. The plain strings (the verdict
 * phrases, "the thesis leads us to expect") are what the browser language walk looks for.
 */

import { reasonEn, reasonNb, type ReasonMessages } from "./reason-messages";

/** A verdict on one draw (crosswalk-ensemble.ts). */
type DrawVerdictName = "agrees" | "contrasts" | "open" | "not comparable";

/** What a table that hides counts leaves out, in the guard note's last clause. */
export type GuardClauseName = "frequencies" | "sizeClassRates" | "sizeClassRatesIntervals" | "correlation" | "crosstab" | "reconciliation" | "columnShares" | "ranges" | "rowPercentages" | "crosswalk" | "groups";

/** Every message of 06's generated sentences and of the guard notes (and the reasons a comparison cannot be judged: reason-messages.ts). */
export interface ExplainMessages extends ReasonMessages {
  /** An audit line's base: the comparison's valid answers, in its groups or with a size class, among its restriction. */
  cwAuditBase(kind: "valid" | "groups" | "size-class", variable: string, by: string, among: string): string;
  /** "so the survey agrees with the thesis" without "so". */
  cwVerdictPhrase: Record<"agrees" | "contrasts" | "open" | "notComparable", string>;
  /** The what-if's two sides, the thesis's own split (crosswalk-diff.ts). */
  cwSmallVsLarge: { small: string; large: string };
  /** Before what the thesis leads us to expect. */
  cwExpectLead: string;
  /** Before the numbers when other reconstructions give other numbers. */
  cwShownDraw: string;
  cwYourData: string;
  cwTestNone: string;
  cwWilsonUndefined: string;
  cwWilson(interval: string, threshold: string, z: string, p: string): string;
  cwNotComputed(method: string): string;
  /** A test's name in the language ("Fisher's exact test" → "Fishers eksakte test"). */
  cwMethodName(method: string): string;
  cwFisher(minExpected: string, p: string): string;
  cwTrendUndefined: string;
  cwTrend(z: string, p: string): string;
  cwRUndefinedTest: string;
  cwPearsonR(df: string, r: string, p: string): string;
  cwKeyFigure(kind: "share" | "groups" | "size-trend" | "correlation"): string;
  /** "p n/a": a p that could not be computed. */
  cwPMissing(symbol: string): string;
  cwPlace(where: "above" | "below" | "straddles", threshold: string): string;
  cwExplainShare(c: { share: string; n: string; x: string; interval: string; place: string; p: string; adjusted: string; expect: "above" | "below"; threshold: string; verdict: DrawVerdictName }): string;
  cwExplainGroups(c: { a: string; na: string; la: string; b: string; nb: string; lb: string; test: string; adjusted: string; higher: boolean; verdict: DrawVerdictName }): string;
  cwSizeClassPart(sizeClass: number, share: string, n: string): string;
  /** A masked count of a base: "< 3 of 12" / "< 3 av 12". */
  cwMaskedOf(x: string, n: string): string;
  cwExplainTrend(c: { classes: string; rises: boolean; test: string; adjusted: string; expectRise: boolean; verdict: DrawVerdictName }): string;
  cwExplainCorrelation(c: { r: string; n: string; p: string; adjusted: string; positive: boolean; verdict: DrawVerdictName }): string;
  cwSpread(name: string, min: string, max: string): string;
  cwDependsMoved(qMin: string, qMax: string): string;
  cwExplainDepends(split: string, spread: string, moved: string): string;
  cwExplainDetermined(draws: number): string;
  cwExplainHolds(modal: string, k: number, draws: number, spread: string): string;
  /** The what-if's test of a difference. */
  cwDiffFisher(minExpected: string, p: string): string;
  cwDiffReason(reason: "correlation" | "groups" | "empty" | "noData" | "noTest"): string;
  cwDiffFinding(finding: "significant" | "not significant" | "depends" | "untestable"): string;
  cwDiffWhat(what: "group gap" | "correlation" | "share"): string;
  cwDiffAcross(k: number, m: number): string;
  cwDiffVerdicts(kind: "flips" | "same" | "differs", a: string, b: string): string;
  cwDiffUntestable(la: string, a: string, lb: string, b: string, test: string): string;
  cwDiffExplain(c: { what: string; a: string; la: string; b: string; lb: string; test: string; q: string; finding: string; across: string; verdicts: string }): string;
  /** The shared-view guard note under a table that hides counts (`symbol`: the correlation clause's coefficient). */
  guardNote(threshold: number, clause: GuardClauseName, symbol?: string): string;
  /** The sentence before the ensemble sentence of a crosswalk comparison that hides a count. */
  guardComparison(threshold: number): string;
  /** A hiding comparison's test. */
  guardNotShown: string;
}

const nbPhrase = { agrees: "undersøkelsen stemmer med oppgaven", contrasts: "undersøkelsen står i kontrast til oppgaven", open: "undersøkelsen lar det stå åpent", notComparable: "de to kan ikke sammenlignes" };
const enPhrase = { agrees: "the survey agrees with the thesis", contrasts: "the survey contrasts with the thesis", open: "the survey leaves it open", notComparable: "the two cannot be compared" };
const nbPhraseLead = "ut fra oppgaven venter vi";
const enLead = "the thesis leads us to expect";
const phraseKey = (v: DrawVerdictName): keyof typeof nbPhrase => (v === "not comparable" ? "notComparable" : v);

const NB_CLAUSE: Record<GuardClauseName, string> = {
  frequencies: "prosentene deres og kumulativ prosent er utelatt",
  sizeClassRates: "andelene for skjulte tall er utelatt",
  sizeClassRatesIntervals: "andelene og intervallene for skjulte tall er utelatt",
  correlation: "{symbol} og p for skjulte n er utelatt",
  crosstab: "prosentene for skjulte tall og av skjulte summer er utelatt",
  reconciliation: "det samme gjelder residualene og statusene deres, og prosentene i en rad som skjuler et tall",
  columnShares: "andelene i en kolonne som skjuler et tall, er utelatt",
  ranges: "spennene for skjulte tall er utelatt",
  rowPercentages: "en rad som skjuler et tall, viser ingen prosenter",
  crosswalk: "en sammenligning som skjuler et tall, viser ingen andeler, spenn eller test",
  groups: "gjennomsnitt, standardavvik og median for skjulte grupper, hver gruppes gjennomsnittsrang og testene er utelatt",
};
const EN_CLAUSE: Record<GuardClauseName, string> = {
  frequencies: "their percentages and the cumulative percent are left out",
  sizeClassRates: "the rates of hidden counts are left out",
  sizeClassRatesIntervals: "the rates and intervals of hidden counts are left out",
  correlation: "the {symbol} and p of hidden n are left out",
  crosstab: "the percentages of hidden counts and on hidden totals are left out",
  reconciliation: "so are their residuals and statuses, and the percentages of a row that hides a count",
  columnShares: "the shares of a column that hides a count are left out",
  ranges: "the ranges of hidden counts are left out",
  rowPercentages: "a row that hides a count shows no percentages",
  crosswalk: "a comparison that hides a count shows no shares, ranges or test",
  groups: "the hidden groups' means, standard deviations and medians, every group's mean rank and the tests are left out",
};

/** norsk (bokmål). */
export const explainNb: ExplainMessages = {
  ...reasonNb,
  cwAuditBase: (kind, variable, by, among) => `gyldige ${variable}${kind === "groups" ? ` i gruppene etter ${by}` : kind === "size-class" ? " med størrelsesklasse" : ""}${among ? ` blant ${among}` : ""}`,
  cwVerdictPhrase: nbPhrase,
  cwSmallVsLarge: { small: "små kommuner (størrelsesklasse 1–3, som A og D)", large: "store kommuner (størrelsesklasse 4–6, som B og C)" },
  cwExpectLead: nbPhraseLead,
  cwShownDraw: "I rekonstruksjonen som vises: ",
  cwYourData: "Beregnet på dine data (ingen rekonstruksjoner).",
  cwTestNone: "ingen",
  cwWilsonUndefined: "Wilson-intervall og scoretest udefinert (intet grunnlag)",
  cwWilson: (interval, threshold, z, p) => `Wilsons 95 %-intervall ${interval} mot ${threshold}; scoretest z = ${z}, ${p}`,
  cwNotComputed: (method) => `${method} ikke beregnet`,
  cwMethodName: (method) => (method === "Fisher's exact test" ? "Fishers eksakte test" : method),
  cwFisher: (minExpected, p) => `Fishers eksakte test (minste forventede verdi ${minExpected} < 5), ${p}`,
  cwTrendUndefined: "Cochran–Armitage-trendtest ikke beregnet",
  cwTrend: (z, p) => `Cochran–Armitage-trendtest: z = ${z}, ${p}`,
  cwRUndefinedTest: "Pearsons r udefinert",
  cwPearsonR: (df, r, p) => `Pearsons r(${df}) = ${r}, ${p}`,
  cwKeyFigure: (kind) => ({ share: "andel", groups: "forskjell mellom gruppene", "size-trend": "trend-z", correlation: "r" })[kind],
  cwPMissing: (symbol) => `${symbol} mangler`,
  cwPlace: (where, t) => ({ above: ` ligger helt over ${t}`, below: ` ligger helt under ${t}`, straddles: ` omfatter ${t}` })[where],
  cwExplainShare: (c) => `${c.share} av ${c.n} (${c.x} ja; 95 % KI ${c.interval})${c.place} (scoretest ${c.p}${c.adjusted}); ${nbPhraseLead} en andel ${c.expect === "above" ? "over" : "under"} ${c.threshold}, så ${nbPhrase[phraseKey(c.verdict)]}.`,
  cwExplainGroups: (c) => `${c.a} av ${c.na} (${c.la}) mot ${c.b} av ${c.nb} (${c.lb}), ${c.test}${c.adjusted}; ${nbPhraseLead} at den første er ${c.higher ? "høyere" : "lavere"}, så ${nbPhrase[phraseKey(c.verdict)]}.`,
  cwSizeClassPart: (k, share, n) => `${k}: ${share} av ${n}`,
  cwMaskedOf: (x, n) => `${x} av ${n}`,
  cwExplainTrend: (c) => `Etter størrelsesklasse (${c.classes}) ${c.rises ? "stiger" : "synker"} andelen (${c.test}${c.adjusted}); ${nbPhraseLead} at den ${c.expectRise ? "stiger" : "synker"}, så ${nbPhrase[phraseKey(c.verdict)]}.`,
  cwExplainCorrelation: (c) => `r = ${c.r} over ${c.n} respondenter (${c.p}${c.adjusted}); ${nbPhraseLead} en ${c.positive ? "positiv" : "negativ"} sammenheng, så ${nbPhrase[phraseKey(c.verdict)]}.`,
  cwSpread: (name, min, max) => `${name} ${min} til ${max}`,
  cwDependsMoved: (qMin, qMax) => ` Tallene dens er like i alle rekonstruksjonene; vurderingen flytter seg fordi Benjamini–Hochberg rangerer p-verdien blant de andre sammenligningenes p-verdier, og de varierer (q ${qMin} til ${qMax}).`,
  cwExplainDepends: (split, spread, moved) => `På tvers av rekonstruksjonene blir den ${split}${spread ? ` (${spread})` : ""}: vurderingen avhenger av rekonstruksjonen og er ikke et funn.${moved}`,
  cwExplainDetermined: (draws) => `Bestemt: de samme tallene i alle de ${draws} rekonstruksjonene, så den følger av de trykte tallene og de navngitte respondentene.`,
  cwExplainHolds: (modal, k, draws, spread) => `Vurderingen avhenger ikke av rekonstruksjonen: ${modal} i ${k} av ${draws} rekonstruksjoner${spread ? ` (${spread} på tvers av dem)` : ""}.`,
  cwDiffFisher: (minExpected, p) => `Fishers eksakte test (minste forventede verdi ${minExpected}), ${p}`,
  cwDiffReason: (reason) => ({
    correlation: "Fisher z krever r og flere enn 3 tilfeller på begge sider",
    groups: "gruppeforskjellene kan ikke sammenlignes (en gruppe er tom eller uten variasjon)",
    empty: "en tilstand har ingen gyldige svar",
    noData: "ingen data",
    noTest: "ingen test",
  })[reason],
  cwDiffFinding: (f) => ({ significant: "en signifikant forskjell", "not significant": "ingen signifikant forskjell", depends: "en forskjell som avhenger av rekonstruksjonen", untestable: "ingen forskjell som kan testes" })[f],
  cwDiffWhat: (what) => ({ "group gap": "gruppeforskjellen", correlation: "korrelasjonen", share: "andelen" })[what],
  cwDiffAcross: (k, m) => ` (signifikant etter Benjamini–Hochberg i ${k} av ${m} rekonstruksjoner)`,
  cwDiffVerdicts: (kind, a, b) => ({ flips: `vurderingen snur fra ${a} til ${b}`, same: `vurderingen forblir ${a}`, differs: `vurderingene er ulike (${a} / ${b}), men én avhenger av rekonstruksjonen, så dette snur ikke vurderingen` })[kind],
  cwDiffUntestable: (la, a, lb, b, test) => `${la}: ${a}; ${lb}: ${b}. Forskjellen kan ikke testes: ${test}.`,
  cwDiffExplain: (c) => `${c.what.charAt(0).toUpperCase()}${c.what.slice(1)} er ${c.a} i ${c.la} og ${c.b} i ${c.lb} (${c.test}, ${c.q}: ${c.finding}${c.across}); ${c.verdicts}.`,
  guardNote: (threshold, clause, symbol = "r") => `Delt visning: tall på 1–${threshold - 1} vises som «< ${threshold}», tall (også 0) som ville gitt dem tilbake, som «·», og ${NB_CLAUSE[clause].replace("{symbol}", symbol)} (vern mot avsløring).`,
  guardComparison: (threshold) => `Delt visning: tall på 1–${threshold - 1} bak denne sammenligningen vises som «< ${threshold}», og andelene og testen er utelatt (vern mot avsløring).`,
  guardNotShown: "ikke vist (vern mot avsløring)",
};

/** English. */
export const explainEn: ExplainMessages = {
  ...reasonEn,
  cwAuditBase: (kind, variable, by, among) => `valid ${variable}${kind === "groups" ? ` in ${by} groups` : kind === "size-class" ? " with a size class" : ""}${among ? ` among ${among}` : ""}`,
  cwVerdictPhrase: enPhrase,
  cwSmallVsLarge: { small: "small municipalities (size class 1–3, like A and D)", large: "large municipalities (size class 4–6, like B and C)" },
  cwExpectLead: enLead,
  cwShownDraw: "In the reconstruction shown: ",
  cwYourData: "Computed on your data (no reconstructions).",
  cwTestNone: "none",
  cwWilsonUndefined: "Wilson interval and score test undefined (no base)",
  cwWilson: (interval, threshold, z, p) => `Wilson 95% interval ${interval} against ${threshold}; score test z = ${z}, ${p}`,
  cwNotComputed: (method) => `${method} not computed`,
  cwMethodName: (method) => method,
  cwFisher: (minExpected, p) => `Fisher's exact test (smallest expected count ${minExpected} < 5), ${p}`,
  cwTrendUndefined: "Cochran–Armitage trend test not computed",
  cwTrend: (z, p) => `Cochran–Armitage trend test: z = ${z}, ${p}`,
  cwRUndefinedTest: "Pearson r undefined",
  cwPearsonR: (df, r, p) => `Pearson r(${df}) = ${r}, ${p}`,
  cwKeyFigure: (kind) => ({ share: "share", groups: "difference between the groups", "size-trend": "trend z", correlation: "r" })[kind],
  cwPMissing: (symbol) => `${symbol} n/a`,
  cwPlace: (where, t) => ({ above: ` lies entirely above ${t}`, below: ` lies entirely below ${t}`, straddles: ` straddles ${t}` })[where],
  cwExplainShare: (c) => `${c.share} of ${c.n} (${c.x} yes; 95% CI ${c.interval})${c.place} (score test ${c.p}${c.adjusted}); ${enLead} ${c.expect} ${c.threshold}, so ${enPhrase[phraseKey(c.verdict)]}.`,
  cwExplainGroups: (c) => `${c.a} of ${c.na} (${c.la}) against ${c.b} of ${c.nb} (${c.lb}), ${c.test}${c.adjusted}; ${enLead} the first ${c.higher ? "higher" : "lower"}, so ${enPhrase[phraseKey(c.verdict)]}.`,
  cwSizeClassPart: (k, share, n) => `${k}: ${share} of ${n}`,
  cwMaskedOf: (x, n) => `${x} of ${n}`,
  cwExplainTrend: (c) => `By size class (${c.classes}) the share ${c.rises ? "rises" : "falls"} (${c.test}${c.adjusted}); ${enLead} it to ${c.expectRise ? "rise" : "fall"}, so ${enPhrase[phraseKey(c.verdict)]}.`,
  cwExplainCorrelation: (c) => `r = ${c.r} over ${c.n} respondents (${c.p}${c.adjusted}); ${enLead} a ${c.positive ? "positive" : "negative"} relation, so ${enPhrase[phraseKey(c.verdict)]}.`,
  cwSpread: (name, min, max) => `${name} ${min} to ${max}`,
  cwDependsMoved: (qMin, qMax) => ` Its own numbers are the same in every reconstruction; the verdict moves because Benjamini–Hochberg ranks its p among the other comparisons' p-values, which do vary (q ${qMin} to ${qMax}).`,
  cwExplainDepends: (split, spread, moved) => `Across the reconstructions it comes out ${split}${spread ? ` (${spread})` : ""}: the verdict depends on the reconstruction and is not a finding.${moved}`,
  cwExplainDetermined: (draws) => `Determined: the same numbers in every one of the ${draws} reconstructions, so it follows from the printed figures and the named respondents.`,
  cwExplainHolds: (modal, k, draws, spread) => `The verdict does not depend on the reconstruction: ${modal} in ${k} of ${draws} reconstructions${spread ? ` (${spread} across them)` : ""}.`,
  cwDiffFisher: (minExpected, p) => `Fisher's exact test (smallest expected count ${minExpected}), ${p}`,
  cwDiffReason: (reason) => ({
    correlation: "Fisher z needs r and more than 3 cases on both sides",
    groups: "the group gaps cannot be compared (a group is empty or has no variation)",
    empty: "a state has no valid answers",
    noData: "no data",
    noTest: "no test",
  })[reason],
  cwDiffFinding: (f) => ({ significant: "a significant difference", "not significant": "no significant difference", depends: "a difference that depends on the reconstruction", untestable: "no testable difference" })[f],
  cwDiffWhat: (what) => what,
  cwDiffAcross: (k, m) => ` (significant after Benjamini–Hochberg in ${k} of ${m} reconstructions)`,
  cwDiffVerdicts: (kind, a, b) => ({ flips: `the verdict flips from ${a} to ${b}`, same: `the verdict stays ${a}`, differs: `the verdicts differ (${a} / ${b}), but one depends on the reconstruction, so this is no flip` })[kind],
  cwDiffUntestable: (la, a, lb, b, test) => `${la}: ${a}; ${lb}: ${b}. The difference cannot be tested: ${test}.`,
  cwDiffExplain: (c) => `The ${c.what} is ${c.a} in ${c.la} and ${c.b} in ${c.lb} (${c.test}, ${c.q}: ${c.finding}${c.across}); ${c.verdicts}.`,
  guardNote: (threshold, clause, symbol = "r") => `Shared view: counts of 1–${threshold - 1} are shown as “< ${threshold}”, counts (a 0 among them) that would give them back as “·”, and ${EN_CLAUSE[clause].replace("{symbol}", symbol)} (disclosure guard).`,
  guardComparison: (threshold) => `Shared view: counts of 1–${threshold - 1} behind this comparison are shown as “< ${threshold}”, and its shares and test are left out (disclosure guard).`,
  guardNotShown: "not shown (disclosure guard)",
};
