/**
 * The crosswalk between the 2016 thesis and the 1999 survey: each comparison links one thesis
 * finding (by reference into `data/thesis-2016/thesis.json`, so its quote and lines travel with it)
 * to the survey measure that speaks to it, and says what the thesis leads us to expect. The verdict
 * is never written here: `evaluate-crosswalk.ts` computes it from the respondents under the current
 * filter, on every reconstruction of the ensemble (`crosswalk-ensemble.ts`).
 *
 * Thresholds. A share is judged against a threshold the thesis's words justify, stated with its
 * reason beside each comparison (and on the page):
 * - 50 % (a majority) when the thesis finds it in all four cases, or in three, or the literature
 *   calls it a major challenge: if it holds generally, more than half should say so;
 * - 25 % when the thesis finds it in one or two of the four cases and does not generalise: the
 *   survey agrees when more than one in four say so (more than an exception), contrasts when fewer;
 * - 25 % from below when none of the four cases did it: it should stay the exception;
 * - the later national figure for diffusion (growth means 1999 lies below it).
 *
 * Bases. "Vet ikke" is left out of the base (the answered base). Where the report's printed table
 * keeps it in (Tabell 2.5, 2.9, 3.10: `reportBase`), the verdict is also computed on the report's
 * base, and the page shows both when they differ.
 *
 * Every variable and code below was checked against `data/survey-1999/codebook.json` (the unit test
 * `crosswalk.test.ts` re-checks them, and checks each `reportBase` against printed-tables.json): the
 * degree scales q22/q23/q28 code 1–4 with 9 "vet ikke", q29 codes 1–4 agree→disagree with 9, q30
 * codes 1–4 with 5 "uaktuelt/vet ikke", and q31 is a multiple-response set whose boxes are 1 when
 * ticked and blank otherwise.
 */
import type { CaseId, CaseTopic, ChallengeId } from "../../data/thesis";

/** Where in thesis.json the finding stands. */
export type ThesisRef =
  /** A challenge the cases experienced: its Tabell 14 row and each case's own words on it. */
  | { kind: "challenge"; challenge: ChallengeId }
  /** A single-valued case field (initiator, year …), one quote per case. */
  | { kind: "case-field"; field: CaseField; cases: CaseId[] }
  /** The cases' own words on one topic (effects, measures), one quote per case. */
  | { kind: "case-finding"; topic: CaseTopic; cases: CaseId[] }
  | { kind: "number"; id: string }
  /** The literature review (Tabell 2): for findings the thesis draws from earlier studies, not its cases. */
  | { kind: "literature"; id: string };

/** The single-valued case fields a comparison may cite. */
export type CaseField =
  | "size" | "introduced" | "initiator" | "motives" | "modelName" | "structure" | "thresholds"
  | "cardScope" | "benchmarking" | "staffInvolvement" | "topManagement" | "use" | "strategyMap" | "incentives"
  | "dormancy";

/**
 * The survey answer a comparison counts, as a yes/no.
 * - `valid`: a coded answer; `positive` codes count as yes, and the base is the rows whose code is
 *   in `valid` ("vet ikke" and blanks left out). `reportBase`: the codes the report's printed table
 *   adds to that base ("vet ikke"), and which table.
 * - `respondents`: one box of a multiple-response set ("kryss av en eller flere"): ticked (the set's
 *   counted value) is yes, blank is "not ticked", so the base is every respondent in the selection,
 *   as the report's "Svar i prosent av N" does.
 */
export type Outcome =
  | { base: "valid"; variable: string; positive: number[]; valid: number[]; reportBase?: { codes: number[]; table: string } }
  | { base: "respondents"; variable: string; set: string };

/** A restriction of the base beyond the filter bar, e.g. BMS adopters only. */
export interface Restriction {
  variable: string;
  codes: number[];
  label: string;
}

/** A share's threshold and why the thesis's words put it there. */
export interface Threshold {
  value: number;
  why: string;
}

interface MeasureBase {
  /** Restrict the base (all conditions must hold); shown in the audit line. */
  among?: Restriction[];
}

export type Measure =
  /** Share answering yes against `threshold`: its 95 % Wilson interval, and the score test (BH-adjusted). */
  | (MeasureBase & { kind: "share"; outcome: Outcome; expect: "above" | "below"; threshold: Threshold })
  /** Share answering yes in group a vs group b (codes of `by`): Pearson χ² on the 2×2 table, Fisher's exact test when an expected count is below 5. */
  | (MeasureBase & { kind: "groups"; outcome: Outcome; expect: "a>b" | "a<b"; by: string; a: { label: string; codes: number[] }; b: { label: string; codes: number[] } })
  /** Share answering yes across SSB size classes 1–6, tested with the Cochran–Armitage trend test. */
  | (MeasureBase & { kind: "size-trend"; outcome: Outcome; expect: "increasing" | "decreasing" })
  /** Pearson r between two ordinal answers (codes outside `valid` left out pairwise). */
  | (MeasureBase & { kind: "correlation"; expect: "positive" | "negative"; x: { variable: string; valid: number[] }; y: { variable: string; valid: number[] } })
  /** 1999 share (with its Wilson interval) against a later national figure from thesis.json; `why` says why that side. */
  | (MeasureBase & { kind: "diffusion"; outcome: Outcome; expect: "below" | "above"; laterNumber: string; why: string });

export interface Comparison {
  id: string;
  title: string;
  /** The thesis finding in one sentence. */
  finding: string;
  thesis: ThesisRef;
  /** What the survey asked, in words. */
  surveyMeasure: string;
  measure: Measure;
  /** Why this pair, and why the expected direction. */
  rationale: string;
}

/** Codes 1–2 of the degree and agreement scales: "i stor / nokså stor grad", "helt / delvis enig". */
const TOP_TWO = [1, 2];
/** The four substantive codes of every degree/agreement scale (9, or 5 in q30, is "vet ikke"). */
const SCALE = [1, 2, 3, 4];
const STATUS = [1, 2, 3, 4];

/**
 * A coded answer counted as yes when in the top two of its four-point scale. `report`: the printed
 * table whose percentages keep "vet ikke" (code 9) in the base.
 */
function topTwo(variable: string, report?: string): Outcome {
  return { base: "valid", variable, positive: TOP_TWO, valid: SCALE, ...(report ? { reportBase: { codes: [9], table: report } } : {}) };
}

/** One ticked box of the q31 multiple-response set (base: all respondents). */
function ticked(variable: string): Outcome {
  return { base: "respondents", variable, set: "q31" };
}

const MAJORITY_ALL_FOUR = "All four cases met it: if it holds generally, more than half should say so (50 %).";
const QUARTER_SOME = (cases: string): string => `The thesis finds it in ${cases} of the four cases and does not generalise: the survey agrees when more than one in four say so, more than an exception (25 %).`;
const EXCEPTION_NONE = "None of the four cases did it: it should stay the exception, fewer than one in four (25 %).";

/** The thesis is about kommuner; fylkeskommuner sit in size class 6 only by convention. */
const KOMMUNER: Restriction = { variable: "resp_type", codes: [1], label: "kommuner (resp_type = 1)" };
/** Those who could report BMS results: adopted or introducing (q20 = 1, 2). */
const BMS_USERS: Restriction = { variable: "q20", codes: [1, 2], label: "BMS adopted or being introduced (q20 = 1, 2)" };
const BMS_SPLIT: { by: string; a: { label: string; codes: number[] }; b: { label: string; codes: number[] } } = {
  by: "q20",
  a: { label: "BMS adopted or being introduced", codes: [1, 2] },
  b: { label: "BMS planned or no plans", codes: [3, 4] },
};

/** The comparisons, in reading order. */
export const CROSSWALK: readonly Comparison[] = [
  {
    id: "adaptation",
    title: "Adapting the model to the municipality",
    finding: "All four cases found it hard to adapt BMS to their own context (Tabell 14); A, B and C first introduced it with too little adaptation.",
    thesis: { kind: "challenge", challenge: "adaptation" },
    surveyMeasure: "q29_2 — the quality models are poorly adapted to the municipal sector (helt/delvis enig)",
    measure: { kind: "share", outcome: topTwo("q29_2", "2.9"), expect: "above", threshold: { value: 0.5, why: "All four cases met it, and the thesis calls adaptation one of the biggest challenges for BMS in municipalities: if that holds generally, more than half should agree (50 %)." } },
    rationale: "If poor fit to the municipal sector is a general barrier, most chief officers should agree.",
  },
  {
    id: "time",
    title: "Limited resources: time",
    finding: "The literature review names limited resources — money, time and capacity — as a major challenge for BMS in municipalities (Tabell 2); none of the four cases names it (Tabell 14).",
    thesis: { kind: "literature", id: "limited-resources" },
    surveyMeasure: "q29_6 — not enough time for the work (helt/delvis enig)",
    measure: { kind: "share", outcome: topTwo("q29_6", "2.9"), expect: "above", threshold: { value: 0.5, why: "The literature calls limited resources «en stor utfordring»: a general barrier should be agreed by more than half (50 %)." } },
    rationale: "Time is the resource a chief officer feels first.",
  },
  {
    id: "resource-demanding",
    title: "Limited resources: cost of quality work",
    finding: "C's BMS reporting system became very resource demanding, and C simplified it into mål- og resultatstyring (MRS).",
    thesis: { kind: "case-finding", topic: "resource-demanding", cases: ["C"] },
    surveyMeasure: "q30_2 — quality work has been resource demanding, money or man-years (i stor / nokså stor grad)",
    measure: { kind: "share", outcome: topTwo("q30_2"), expect: "above", threshold: { value: 0.25, why: QUARTER_SOME("one (C)") } },
    rationale: "If quality work is costly beyond C, more than an exception should say it demanded money or man-years to a large degree.",
  },
  {
    id: "initiator",
    title: "The rådmann as initiator",
    finding: "In all four cases the rådmann initiated BMS (and in A and C a new rådmann revived or transformed it).",
    thesis: { kind: "case-field", field: "initiator", cases: ["A", "B", "C", "D"] },
    surveyMeasure: "q31_2 — quality work was put on the agenda on the administration's initiative (ticked; base all respondents)",
    measure: { kind: "share", outcome: ticked("q31_2"), expect: "above", threshold: { value: 0.5, why: MAJORITY_ALL_FOUR } },
    rationale: "An administration-led agenda is what the thesis describes; an unticked box counts as 'not the administration'.",
  },
  {
    id: "political-initiative",
    title: "Politicians rarely initiate",
    finding: "None of the four cases had a political initiative behind BMS; all came from the rådmann.",
    thesis: { kind: "case-field", field: "initiator", cases: ["A", "B", "C", "D"] },
    surveyMeasure: "q31_1 — initiative from the political milieu (ticked; base all respondents)",
    measure: { kind: "share", outcome: ticked("q31_1"), expect: "below", threshold: { value: 0.25, why: EXCEPTION_NONE } },
    rationale: "A political initiative should be the exception.",
  },
  {
    id: "state-requirement",
    title: "Own motives, not state demands",
    finding: "The cases name their own motives — new public management, legitimacy, better management — not a requirement from the state.",
    thesis: { kind: "case-field", field: "motives", cases: ["A", "B", "C", "D"] },
    surveyMeasure: "q31_3 — quality work put on the agenda by requirements from central government (ticked; base all respondents)",
    measure: { kind: "share", outcome: ticked("q31_3"), expect: "below", threshold: { value: 0.25, why: EXCEPTION_NONE } },
    rationale: "If the drive is local, few should name the state as the one who set the agenda.",
  },
  {
    id: "politicians",
    title: "Political governance",
    finding: "C and D name political governance — an elected council that must understand the system — as a challenge (Tabell 14).",
    thesis: { kind: "challenge", challenge: "political-governance" },
    surveyMeasure: "q29_4 — the work has too little support among politicians (helt/delvis enig)",
    measure: { kind: "share", outcome: topTwo("q29_4", "2.9"), expect: "above", threshold: { value: 0.25, why: QUARTER_SOME("two (C and D)") } },
    rationale: "If politics is a barrier beyond C and D, more than an exception should agree that support among politicians is lacking.",
  },
  {
    id: "size-adoption",
    title: "Large municipalities adopt earlier",
    finding: "The two large cases (B, C) introduced BMS in 2003, the small ones later (A 2006, D 2011).",
    thesis: { kind: "case-field", field: "introduced", cases: ["A", "B", "C", "D"] },
    surveyMeasure: "q20 — BMS adopted or being introduced, by SSB size class (kommuner)",
    measure: { kind: "size-trend", outcome: { base: "valid", variable: "q20", positive: [1, 2], valid: STATUS }, expect: "increasing", among: [KOMMUNER] },
    rationale: "Early adoption by large municipalities implies a rising adoption rate with size in 1999.",
  },
  {
    id: "bms-effects-reporting",
    title: "BMS gives better reporting",
    finding: "All four cases say BMS (or MRS) led to better reporting or more useful information.",
    thesis: { kind: "case-finding", topic: "effect:reporting", cases: ["A", "B", "C", "D"] },
    surveyMeasure: "q22_2 — BMS gave a more complete basis for reporting and evaluation (i stor / nokså stor grad), BMS adopters and introducers",
    measure: { kind: "share", outcome: topTwo("q22_2", "3.10"), expect: "above", among: [BMS_USERS], threshold: { value: 0.5, why: MAJORITY_ALL_FOUR } },
    rationale: "The survey's own result item for reporting, answered by those who have BMS or are introducing it.",
  },
  {
    id: "bms-effects-focus",
    title: "BMS widens the focus beyond money",
    finding: "A and C stress that BMS put focus on more than money and the economy.",
    thesis: { kind: "case-finding", topic: "effect:focus", cases: ["A", "C"] },
    surveyMeasure: "q22_3 — more focus on staff, internal processes, users and learning (i stor / nokså stor grad), BMS adopters and introducers",
    measure: { kind: "share", outcome: topTwo("q22_3", "3.10"), expect: "above", among: [BMS_USERS], threshold: { value: 0.25, why: QUARTER_SOME("two (A and C)") } },
    rationale: "The non-financial perspectives are exactly what this item names.",
  },
  {
    id: "bms-expectations",
    title: "Expectations met",
    finding: "A and C say their simplified BMS or MRS works well; D says BMS has absolutely met its expectations.",
    thesis: { kind: "case-finding", topic: "expectations-met", cases: ["A", "C", "D"] },
    surveyMeasure: "q23 — expectations of BMS met (i stor / nokså stor grad), BMS adopters and introducers",
    measure: { kind: "share", outcome: topTwo("q23"), expect: "above", among: [BMS_USERS], threshold: { value: 0.5, why: "Three of the four cases (A, C, D) are satisfied: more than half should say their expectations were met (50 %)." } },
    rationale: "Satisfied adopters should say their expectations were largely met.",
  },
  {
    id: "top-management",
    title: "Top management matters",
    finding: "Support and demand from the rådmann decided whether BMS lived (D, revived A) or slept (early A, B).",
    thesis: { kind: "case-field", field: "topManagement", cases: ["A", "B", "C", "D"] },
    surveyMeasure: "q30_5 (quality work tied to a strategic top-management decision) × q23 (BMS expectations met); code 1 = large degree on both",
    measure: { kind: "correlation", x: { variable: "q30_5", valid: SCALE }, y: { variable: "q23", valid: SCALE }, expect: "positive" },
    rationale: "Both scales run from 1 = large degree, so a stronger top-management anchor going with expectations met gives r > 0.",
  },
  {
    id: "bms-top-anchor",
    title: "BMS is a top-management project",
    finding: "Involved top management is a success factor, and every case's BMS came from the rådmann.",
    thesis: { kind: "literature", id: "top-management" },
    surveyMeasure: "q30_5 — quality work tied to a strategic decision by top management (i stor / nokså stor grad): BMS adopters or introducing vs the rest",
    measure: { kind: "groups", outcome: topTwo("q30_5"), expect: "a>b", ...BMS_SPLIT },
    rationale: "If BMS is a rådmann's tool, municipalities with BMS should more often anchor quality work in a strategic top-management decision.",
  },
  {
    id: "user-involvement",
    title: "Users are involved",
    finding: "All four cards carry a user perspective and measure user participation (brukermedvirkning, Tabell 7–10).",
    thesis: { kind: "case-finding", topic: "user-participation", cases: ["A", "B", "C", "D"] },
    surveyMeasure: "q30_1 — users involved in quality work (i stor / nokså stor grad)",
    measure: { kind: "share", outcome: topTwo("q30_1"), expect: "above", threshold: { value: 0.5, why: MAJORITY_ALL_FOUR } },
    rationale: "A user perspective everywhere implies most municipalities involve users.",
  },
  {
    id: "user-surveys",
    title: "User surveys as a measurement source",
    finding: "All four measure with user surveys (B now as qualitative in-depth interviews with users).",
    thesis: { kind: "case-finding", topic: "user-surveys", cases: ["A", "B", "C", "D"] },
    surveyMeasure: "q28_2 — user surveys used (i stor / nokså stor grad): BMS adopters or introducing vs the rest",
    measure: { kind: "groups", outcome: topTwo("q28_2", "2.5"), expect: "a>b", ...BMS_SPLIT },
    rationale: "If BMS rests on user surveys, BMS municipalities should use them more.",
  },
  {
    id: "quality-indicators",
    title: "Quality indicators",
    finding: "Establishing indicators, above all of quality, was hard in every case (Tabell 14), yet all built quality indicators into their cards.",
    thesis: { kind: "challenge", challenge: "indicators" },
    surveyMeasure: "q28_7 — quality indicators/standards used (i stor / nokså stor grad): BMS adopters or introducing vs the rest",
    measure: { kind: "groups", outcome: topTwo("q28_7", "2.5"), expect: "a>b", ...BMS_SPLIT },
    rationale: "BMS needs indicators; its users should report them more often.",
  },
  {
    id: "benchmarking-small",
    title: "Small municipalities benchmark",
    finding: "Only the two small cases (A, D) benchmarked against other municipalities.",
    thesis: { kind: "case-field", field: "benchmarking", cases: ["A", "D"] },
    surveyMeasure: "q28_1 — benchmarking used (i stor / nokså stor grad), by SSB size class (kommuner)",
    measure: { kind: "size-trend", outcome: topTwo("q28_1", "2.5"), expect: "decreasing", among: [KOMMUNER] },
    rationale: "If benchmarking is a small-municipality strategy, its use should fall with size.",
  },
  {
    id: "mindset",
    title: "Changing the mindset of staff",
    finding: "All four cases found it hard to change the mindset of service leaders and staff (Tabell 14).",
    thesis: { kind: "challenge", challenge: "mindset" },
    surveyMeasure: "q29_3 — employees too little motivated for quality improvement (helt/delvis enig)",
    measure: { kind: "share", outcome: topTwo("q29_3", "2.9"), expect: "above", threshold: { value: 0.5, why: MAJORITY_ALL_FOUR } },
    rationale: "A general mindset barrier would show as low motivation among staff.",
  },
  {
    id: "leaders-follow-up",
    title: "Leaders who do not ask for the data",
    finding: "In A and B the lack of demand from management let BMS fall dormant.",
    thesis: { kind: "case-field", field: "topManagement", cases: ["A", "B"] },
    surveyMeasure: "q29_5 — heads of department follow up quality work too little (helt/delvis enig)",
    measure: { kind: "share", outcome: topTwo("q29_5", "2.9"), expect: "above", threshold: { value: 0.25, why: QUARTER_SOME("two (A and B)") } },
    rationale: "If weak follow-up is more than A's and B's story, more than an exception should agree.",
  },
  {
    id: "unfinished",
    title: "Work that is not completed",
    finding: "A's BMS slept for years; B's never became a living tool at first.",
    thesis: { kind: "case-field", field: "dormancy", cases: ["A", "B"] },
    surveyMeasure: "q29_7 — the work is not completed (helt/delvis enig)",
    measure: { kind: "share", outcome: topTwo("q29_7", "2.9"), expect: "above", threshold: { value: 0.25, why: QUARTER_SOME("two (A and B)") } },
    rationale: "Dormant initiatives are unfinished work.",
  },
  {
    id: "it-support",
    title: "Data systems",
    finding: "B found its data systems poor at making data available (data collection, Tabell 14).",
    thesis: { kind: "challenge", challenge: "data-collection" },
    surveyMeasure: "q30_3 — ICT-based support systems used in quality work (i stor / nokså stor grad)",
    measure: { kind: "share", outcome: topTwo("q30_3"), expect: "below", threshold: { value: 0.5, why: "B's data systems were poor (one case of four): if that is typical, ICT support is not the rule, so fewer than half use it to a large degree (50 %)." } },
    rationale: "If data systems are a bottleneck, few use ICT support to a large degree.",
  },
  {
    id: "diffusion-2004",
    title: "Diffusion: 1999 against 2004",
    finding: "26 % of Norwegian municipalities used BMS in 2004 (Fallan et al., 2015).",
    thesis: { kind: "number", id: "bms-2004" },
    surveyMeasure: "q20 — BMS already adopted in 1999 (kommuner)",
    measure: { kind: "diffusion", outcome: { base: "valid", variable: "q20", positive: [1], valid: STATUS }, expect: "below", laterNumber: "bms-2004", among: [KOMMUNER], why: "BMS kept spreading after 1999 (26 % in 2004, 56 % in 2014): the 1999 share should lie below the 2004 figure." },
    rationale: "Growth from 1999 to 2004 means the 1999 adoption share lies below 26 %.",
  },
  {
    id: "diffusion-2014",
    title: "Diffusion: 1999 pipeline against 2014 use or plans",
    finding: "65 % of municipalities used or planned to use BMS in 2014.",
    thesis: { kind: "number", id: "bms-using-or-planning" },
    surveyMeasure: "q20 — BMS adopted, being introduced or planned in 1999 (kommuner)",
    measure: { kind: "diffusion", outcome: { base: "valid", variable: "q20", positive: [1, 2, 3], valid: STATUS }, expect: "below", laterNumber: "bms-using-or-planning", among: [KOMMUNER], why: "If BMS kept spreading, the 1999 pipeline (adopted, introducing or planned) should be smaller than the 2014 share using or planning it." },
    rationale: "The 1999 pipeline should be smaller than the 2014 one if BMS kept spreading.",
  },
];
