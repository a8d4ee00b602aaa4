/**
 * The 2016 thesis on balanced scorecard (BMS) in four Norwegian municipalities, as data.
 *
 * Every finding is a `Cited<T>`: the value, the exact words of the thesis it rests on, and the
 * line range of `data/sources/004_6c54c9eeaa470838.txt` where those words stand. The build script
 * (`scripts/data/thesis-source.ts`) finds the lines from the quote, so a citation cannot drift from
 * its text; `parseThesis` validates the JSON once at the boundary.
 */
import { fail, ok, ProblemError, unwrap, type Result } from "../base/result";
import { dataFileProblem, type DataFileProblem } from "./data-file-problem";
import { isRecord } from "../base/guards";

/** A value with the thesis words it rests on. */
export interface Cited<T> {
  value: T;
  /** Exact words from the thesis (whitespace collapsed). */
  quote: string;
  /** First and last line (1-based) of the quote in the seed text. */
  lines: [number, number];
}

export type CaseId = "A" | "B" | "C" | "D";
export const CASE_IDS: readonly CaseId[] = ["A", "B", "C", "D"];

/** The literature's challenges (Tabell 2, left column) and the cases' experienced ones (Tabell 14). */
export const CHALLENGE_IDS = [
  "adaptation",
  "stakeholders",
  "indicators",
  "data-collection",
  "complex-goals",
  "strategy-maps",
  "cascading",
  "limited-resources",
  "hard-to-measure",
  "reporting-times",
  "mindset",
  "maintenance",
  "political-governance",
] as const;
export type ChallengeId = (typeof CHALLENGE_IDS)[number];

/**
 * What a case is cited for beyond its single-valued fields: each challenge it experienced
 * (Tabell 14, section 5.3 and its own "Utfordringer" section), and the effects and measures a
 * comparison rests on. A field like `effects` lists several things under one quote; a topic has one
 * quote per case that says exactly that thing.
 */
export const CASE_TOPICS = [
  ...CHALLENGE_IDS.map((id) => `challenge:${id}` as const),
  "effect:reporting",
  "effect:focus",
  "expectations-met",
  "user-participation",
  "user-surveys",
  "resource-demanding",
] as const;
export type CaseTopic = (typeof CASE_TOPICS)[number];

/** One case's words on one topic. */
export interface ThesisCaseFinding {
  caseId: CaseId;
  topic: CaseTopic;
  /** The value is a short English gloss of what the quote says. */
  cited: Cited<string>;
}

/** A row of Tabell 14 ("Utfordringer knyttet til BMS og MRS"): a challenge the cases experienced. */
export interface ThesisChallengeRow {
  id: ChallengeId;
  /** The row as printed, cited inside Tabell 14. */
  cited: Cited<string>;
}

export interface ThesisCase {
  id: CaseId;
  size: Cited<"small" | "large">;
  introduced: Cited<number>;
  initiator: Cited<string>;
  motives: Cited<string[]>;
  modelName: Cited<string>;
  perspectives: Cited<string[]>;
  /** Levels of the scorecard, top to bottom (Tabell 13). */
  structure: Cited<string[]>;
  thresholds: Cited<"ambition-level" | "result-target" | "traffic-light">;
  /** One card per service area, or one card shared by all. */
  cardScope: Cited<"per-service" | "shared">;
  benchmarking: Cited<boolean>;
  staffInvolvement: Cited<string>;
  topManagement: Cited<string>;
  /** Steering and management vs mainly performance measurement. */
  use: Cited<"steering" | "measurement">;
  strategyMap: Cited<string>;
  incentives: Cited<string>;
  dormancy: Cited<string>;
  effects: Cited<string[]>;
  indicators: Cited<string[]>;
  measurementSources: Cited<string[]>;
}

/** A number the thesis states about Norwegian municipalities. */
export interface ThesisNumber {
  id: string;
  label: string;
  value: number;
  unit: "percent" | "count";
  year?: number;
  source: string;
  cited: Cited<number>;
}

export interface ThesisLiteratureItem {
  id: string;
  no: string;
  en: string;
  kind: "challenge" | "success-factor";
  cited: Cited<string>;
}

/**
 * A table of the thesis and where its content lives in this data: the case field(s) it fills
 * (Tabell 11 → `introduced`, 12 → `perspectives` …) or the literature list (Tabell 2).
 */
export interface ThesisTable {
  id: string;
  caption: Cited<string>;
  /** Case fields (or "literature") carrying the table's content. */
  fields: string[];
  /** What the text extraction lost, and how the content was recovered. */
  note?: string;
}

export interface ThesisData {
  source: string;
  seedFile: string;
  tables: ThesisTable[];
  cases: ThesisCase[];
  numbers: ThesisNumber[];
  literature: ThesisLiteratureItem[];
  /** Tabell 14: the challenges the four cases experienced. */
  challengeRows: ThesisChallengeRow[];
  /** Each case's own words per topic (see CASE_TOPICS). */
  caseFindings: ThesisCaseFinding[];
  challengeLabels: Record<ChallengeId, { no: string; en: string }>;
}

/** Why a document is not the thesis findings: every problem, each naming its path. */
export type ThesisProblem = DataFileProblem<string>;

function thesisProblem(problems: string[]): ThesisProblem {
  return dataFileProblem("thesis.json", problems, (p) => p, "regenerate it with `npm run data:build` (scripts/data/thesis-source.ts).");
}

function checkCited(value: unknown, path: string, problems: string[]): void {
  if (!isRecord(value)) {
    problems.push(`${path} must be an object {value, quote, lines}`);
    return;
  }
  if (!("value" in value)) problems.push(`${path}.value is missing`);
  if (typeof value.quote !== "string" || value.quote.length < 3) problems.push(`${path}.quote must be the thesis words`);
  const lines = value.lines;
  if (!Array.isArray(lines) || lines.length !== 2 || !lines.every((n) => Number.isInteger(n) && n > 0)) {
    problems.push(`${path}.lines must be [first, last] line numbers`);
  }
}

/** Type guard: collects every problem into `problems` and is true only when there are none. */
function isThesisData(json: unknown, problems: string[]): json is ThesisData {
  if (!isRecord(json)) {
    problems.push("top level must be an object");
    return false;
  }
  const cases = json.cases;
  if (!Array.isArray(cases) || cases.length !== 4) problems.push("cases must list the four cases A–D");
  else {
    cases.forEach((c: unknown, i) => {
      if (!isRecord(c)) return problems.push(`cases[${i}] must be an object`);
      if (typeof c.id !== "string" || !CASE_IDS.some((id) => id === c.id)) problems.push(`cases[${i}].id must be A, B, C or D`);
      for (const [key, field] of Object.entries(c)) if (key !== "id") checkCited(field, `cases[${i}].${key}`, problems);
    });
  }
  if (!Array.isArray(json.tables)) problems.push("tables must be an array");
  else json.tables.forEach((t: unknown, i) => (isRecord(t) ? checkCited(t.caption, `tables[${i}].caption`, problems) : problems.push(`tables[${i}] must be an object`)));
  if (!Array.isArray(json.numbers)) problems.push("numbers must be an array");
  else json.numbers.forEach((n: unknown, i) => (isRecord(n) ? checkCited(n.cited, `numbers[${i}].cited`, problems) : problems.push(`numbers[${i}] must be an object`)));
  if (!Array.isArray(json.literature)) problems.push("literature must be an array");
  else json.literature.forEach((n: unknown, i) => (isRecord(n) ? checkCited(n.cited, `literature[${i}].cited`, problems) : problems.push(`literature[${i}] must be an object`)));
  if (!Array.isArray(json.challengeRows)) problems.push("challengeRows must be an array");
  else json.challengeRows.forEach((r: unknown, i) => {
    if (!isRecord(r)) return problems.push(`challengeRows[${i}] must be an object`);
    if (!CHALLENGE_IDS.some((id) => id === r.id)) problems.push(`challengeRows[${i}].id must be a challenge id`);
    checkCited(r.cited, `challengeRows[${i}].cited`, problems);
  });
  if (!Array.isArray(json.caseFindings)) problems.push("caseFindings must be an array");
  else json.caseFindings.forEach((f: unknown, i) => {
    if (!isRecord(f)) return problems.push(`caseFindings[${i}] must be an object`);
    if (!CASE_IDS.some((id) => id === f.caseId)) problems.push(`caseFindings[${i}].caseId must be A, B, C or D`);
    if (!CASE_TOPICS.some((t) => t === f.topic)) problems.push(`caseFindings[${i}].topic must be one of ${CASE_TOPICS.join(", ")}`);
    checkCited(f.cited, `caseFindings[${i}].cited`, problems);
  });
  if (!isRecord(json.challengeLabels)) problems.push("challengeLabels must be an object");
  return problems.length === 0;
}

/** Validate thesis JSON at the boundary: the findings, or a Problem naming every bad path. */
export function tryParseThesis(json: unknown): Result<ThesisData, ThesisProblem> {
  const problems: string[] = [];
  return isThesisData(json, problems) ? ok(json) : fail(thesisProblem(problems));
}

/** {@link tryParseThesis} for trusted callers: the findings, or the Problem thrown as a ProblemError. */
export function parseThesis(json: unknown): ThesisData {
  return unwrap(tryParseThesis(json));
}

/** A case by id. */
export function thesisCase(data: ThesisData, id: CaseId): ThesisCase {
  const found = data.cases.find((c) => c.id === id);
  if (!found) throw new ProblemError(thesisProblem([`case ${id} is missing`]));
  return found;
}

/** The cases' own words on `topic`, in case order. */
export function caseFindings(data: ThesisData, topic: CaseTopic): ThesisCaseFinding[] {
  return CASE_IDS.flatMap((id) => data.caseFindings.filter((f) => f.topic === topic && f.caseId === id));
}

/** Which cases name a challenge (Tabell 14 per case, as section 5.3 and the case chapters assign them). */
export function casesWithChallenge(data: ThesisData, challenge: ChallengeId): CaseId[] {
  return caseFindings(data, `challenge:${challenge}`).map((f) => f.caseId);
}
