/**
 * The relations the reconstruction imposes beyond printed figures and named facts: only those the
 * report states in words (running text or the questionnaire's own wording). Each names its seed
 * lines (data/sources/000_7a6e6f7d2cc5bfc8.txt), the words, what is measured, the direction and the
 * band imposed, and how. Everything not listed here is drawn independently given its margins.
 *
 * The list is data: docs/data/reconstruction.md renders it, the build checks every draw against
 * the `check`ed ones, and the tests exempt exactly these pairs from "no invented relations".
 */

/** How a relation is imposed. */
export type Enforcement =
  /** redraw the stage until the measure falls in the band (uniform over the draws that satisfy it) */
  | "rejection"
  /** a hard rule on who may give which answer; within it, answers are drawn uniformly */
  | "rule"
  /** follows from named facts; every draw is checked, and redrawn in the rare case it fails */
  | "facts";

export interface StatedRelation {
  id: string;
  /** Line range in the seed. */
  lines: [number, number];
  /** The report's words, verbatim (whitespace aside). */
  quote: string;
  /** The variables the relation ties; the first is the one the others are measured against. */
  variables: readonly string[];
  /** What is computed. */
  measure: string;
  direction: string;
  /** The band imposed, in words. */
  band: string;
  enforcement: Enforcement;
  /** Why this reading (and not a stronger one). */
  reading: string;
}

export const SIX_STATUS = ["q3", "q7", "q12", "q16", "q20", "q24"] as const;
export const SIX_EXPECTATION = ["q6", "q11", "q15", "q19", "q23", "q27"] as const;

/** Two-sided 5 % critical value of Pearson's r for n pairs (t with n − 2 df). */
export function criticalR(n: number): number {
  // t quantile 0.975 by Hill's (1970) series: accurate to 1e-4 for df ≥ 3, ample for a band edge.
  const df = n - 2;
  if (df < 1) return 1;
  const z = 1.959963984540054;
  const g1 = (z ** 3 + z) / 4;
  const g2 = (5 * z ** 5 + 16 * z ** 3 + 3 * z) / 96;
  const g3 = (3 * z ** 7 + 19 * z ** 5 + 17 * z ** 3 - 15 * z) / 384;
  const g4 = (79 * z ** 9 + 776 * z ** 7 + 1482 * z ** 5 - 1920 * z ** 3 - 945 * z) / 92160;
  const t = z + g1 / df + g2 / df ** 2 + g3 / df ** 3 + g4 / df ** 4;
  return t / Math.sqrt(t * t + df);
}

/** The band r(q30_5, expectation) must fall in, for n pairs: weak and not significant, or significant (BPR). */
export function leadBand(expectation: string, n: number): [number, number] {
  const critical = criticalR(n);
  return expectation === "q27" ? [critical, 1] : [0, Math.min(0.3, critical)];
}

/** Does r(q30_5, expectation) over n pairs meet its band (open for the weak five, closed below for BPR)? */
export function leadBandHolds(expectation: string, r: number | null, n: number): boolean {
  if (r === null) return false;
  const [lo, hi] = leadBand(expectation, n);
  return expectation === "q27" ? r >= lo : r > lo && r < hi;
}

export const STATED_RELATIONS: readonly StatedRelation[] = [
  {
    id: "size-adoption",
    lines: [578, 582],
    quote: "En korrelasjonstest (Pearsons R) viser at store kommuner har en større tilbøyelighet til å ta i bruk de seks modellene enn de minste kommunene. Dette mønsteret gjelder for alle de seks modellene.",
    variables: ["size_class", ...SIX_STATUS],
    measure: "Pearson r(size class, adopted = status 1) over those answering the status question, per model",
    direction: "positive for each of the six models",
    band: "r > 0 (no strength is stated)",
    enforcement: "facts",
    reading: "Every adopter but two servicetorg adopters is named with its real size class, so the sign follows from the appendix; the build checks it in every draw and would redraw the blanks and codes 2–4 if it failed. Nothing about size is put into codes 2–4 (holder på, planlegger, ingen planer): the sentence is about adoption.",
  },
  {
    id: "lead-expectations",
    lines: [1245, 1251],
    quote: "Testen viser en svak sammenheng for de fem første modellene og en signifikant sammenheng for prosessforbedring/-ombygginger. Tendensen er følgende: Desto større grad kvalitetsforbedringsarbeidet er knyttet til en beslutning i toppledelsen, desto mer fornøyde er administrasjonssjefene med resultatene.",
    variables: ["q30_5", ...SIX_EXPECTATION],
    measure: "Pearson r(q30_5, expectations met) in raw codes (1 = I stor grad on both), vet ikke (q30_5 = 5, expectation = 9) left out",
    direction: "positive",
    band: "five models: 0 < r < min(0.30, r₀.₀₅(n)) (weak, not significant); BPR (q27): r ≥ r₀.₀₅(n) (significant at 5 %, two-sided)",
    enforcement: "rejection",
    reading: "q30_5 is drawn first, independently of everything; each model's expectation answers are then redrawn until r falls in its band. r₀.₀₅(n) is the two-sided 5 % critical r for the n pairs of that draw.",
  },
  {
    id: "size-intranet",
    lines: [1597, 1599],
    quote: "En korrelasjonsanalyse viser at dess større kommunen er, desto større er sannsynligheten for at kommunen har tatt i bruk intranettløsninger.",
    variables: ["size_class", "q9"],
    measure: "Pearson r(size class, 5 − q9) over the q7 = 1–3 respondents asked q9 (the raw codes, as an SPSS correlation matrix would take them)",
    direction: "positive",
    band: "r > 0 (no strength is stated)",
    enforcement: "rejection",
    reading: "q9 is drawn uniformly with its printed shares and redrawn until the sign holds.",
  },
  {
    id: "area-status",
    lines: [4134, 4140],
    quote: "Innenfor hvilke tjenesteområder har kommunen eller fylkeskommunen innført eller planlegger å innføre serviceerklæringer? Sett ett kryss for hver linje.",
    variables: ["q3", "q4_1"],
    measure: "service-area answer (1 Er innført, 2 Under innføring, 3 Planlagt innført, 9 Vet ikke) against the model's status; the same for q8/q13/q17/q21/q25",
    direction: "an area can be Er innført or Under innføring only where the model is introduced or being introduced",
    band: "codes 1 and 2 only from status 1–2 (status 2 may answer 1: inconsistency t26-se-pleie-exceeds-adopters); status 3 answers 3, 9 or blank",
    enforcement: "rule",
    reading: "What the answer categories mean, not a tendency: within the rule every answer is drawn uniformly, so an adopter is no likelier than one still introducing the model to say Er innført.",
  },
  {
    id: "results-asked-of-adopters",
    lines: [4165, 4165],
    quote: "Hvis dere har innført serviceerklæringer, hvilke resultater har dere oppnådd?",
    variables: ["q3", "q5_1", "q6"],
    measure: "who answers the results and expectation items (q5/q10/q14/q18/q22/q26, q6/q11/q15/q19/q23/q27)",
    direction: "addressed to adopters",
    band: "every adopter (status 1) answers each item; the rest of the printed N comes from status 2, drawn uniformly per item (inconsistencies results-base-exceeds-adopters, t24-totals-exceed-adopters)",
    enforcement: "rule",
    reading: "The question is put to those who have introduced the model; the printed N exceeds the adopters, and only status 2 can make up the difference. The answers themselves are drawn uniformly.",
  },
  {
    id: "representative-size",
    lines: [514, 520],
    quote: "De kommunene som har svart på spørreskjemaet er representative med hensyn til innbyggertall i norske kommuner totalt sett",
    variables: ["size_class", "q34"],
    measure: "respondents per SSB size class",
    direction: "kommuner per size class as in SSB 1999; fylkeskommuner ticked class 6 (lines 518–520)",
    band: "anonymous kommuner per class = SSB 1999 × 257/435 (largest remainder) minus the named ones; q34 = the size code printed beside a named kommune, else its class",
    enforcement: "rule",
    reading: "A statement about a margin; which SSB kommuner stand behind the anonymous respondents (and so their county) is drawn anew in each reconstruction.",
  },
  {
    id: "unnamed-servicetorg",
    lines: [883, 884],
    quote: "Ingen av fylkeskommunene som er med i undersøkelsen har innført 2 av kvalitetsmodellene og –metodene.",
    variables: ["q7", "resp_type"],
    measure: "where the two servicetorg adopters that Tabell 4.2 does not name sit",
    direction: "on named kommuner that adopted exactly one other of the six models",
    band: "any-of-six = 113 of 267 (42.3 %, \"ca 42 prosent\", lines 572–573); no fylkeskommune with two models; three or more stays Tabell 2.3's 12",
    enforcement: "rule",
    reading: "See inconsistency adoption-share-42: the text's 42 % is reachable only this way.",
  },
];
