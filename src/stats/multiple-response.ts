/**
 * Multiple-response sets ("kryss av ett eller flere", q2 and q31): for each item the number of
 * answers, its percent of all answers, and its percent of cases — Tabell 2.7 and 2.8 of the
 * report. The report divides by all respondents (N = 267: "Svar i prosent av N"), so that is the
 * default case base; SPSS MULT RESPONSE divides by the cases that ticked at least one item,
 * available as `caseBase: "answering"`.
 */
import type { MultipleResponseSet } from "../data/codebook";
import { kernelInput, type StatsData } from "./kernel-input";
import { META_OPTIONS, SELECT_OPTIONS, type OptionNames } from "./option-names";
import { makeAudit, type Audit } from "./audit";
import { messages } from "../base/locale/locale";
import { prepareFrame, type SelectOptions } from "./select-rows";
import { findVariable, type MetaOptions } from "./variable-info";
import { resolveWeights, rowWeight, type WeightSpec } from "./weights";
import { statsError } from "./stats-problem";

export interface MultipleResponseRow {
  variable: string;
  label: string;
  /** Answers (ticks) for this item. */
  count: number;
  /** Percent of all answers in the set; sums to 100. */
  percentOfAnswers: number | null;
  /** Percent of the case base; may sum to more than 100. */
  percentOfCases: number | null;
}

export interface MultipleResponseTable {
  set: string;
  label: string;
  rows: MultipleResponseRow[];
  /** Total answers (the "Antall svar" line). */
  answers: number;
  /** Cases that ticked at least one item. */
  answering: number;
  /** The N percentages of cases are based on. */
  caseBase: number;
  caseBaseKind: "all" | "answering";
  notes: string[];
  audit: Audit;
}

export interface MultipleResponseOptions extends MetaOptions, SelectOptions {
  /** A weight column's name, or one weight per backing row (`stats.postStratify(…).weights`); unweighted when left out. */
  weight?: WeightSpec;
  /** "all" (the report's N, default) or "answering" (SPSS MULT RESPONSE). */
  caseBase?: "all" | "answering";
}

/** The options of `stats.multipleResponse`, by name. */
const MULTIPLE_RESPONSE_OPTIONS: OptionNames<MultipleResponseOptions> = { ...META_OPTIONS, ...SELECT_OPTIONS, weight: true, caseBase: true };

/** Resolve a set given by name (from the codebook) or directly. */
function resolveSet(set: string | MultipleResponseSet, options: MetaOptions): MultipleResponseSet {
  if (typeof set !== "string") {
    if (typeof set !== "object" || set === null || !Array.isArray(set.variables)) {
      throw statsError("bad-input", `the set (2nd argument) is the name of a codebook set, e.g. "q2", or a set {name, label, variables, countedValue}.`, {}, "stats.multipleResponse");
    }
    return set;
  }
  const found = options.codebook?.sets.find((s) => s.name === set);
  if (!found) {
    const known = options.codebook?.sets.map((s) => s.name) ?? [];
    throw statsError("unknown-set", `no multiple-response set "${set}" in the codebook${known.length ? ` (its sets: ${known.join(", ")})` : "; pass data that carries a codebook (selection or survey), or the set itself"}.`, { set, known }, "stats.multipleResponse");
  }
  return found;
}

/**
 * Tabulate a multiple-response set ("kryss av ett eller flere") over the selected rows: per item the
 * ticks, percent of answers and percent of cases (the report's N by default; SPSS's answering cases
 * with `caseBase: "answering"`).
 * @param data the rows: `selection`, `survey`, an Arquero table or columns
 * @param set a set's name in the codebook (e.g. "q2") or the set itself
 * @example stats.multipleResponse(selection, "q2")
 */
export function multipleResponse(data: StatsData, set: string | MultipleResponseSet, options: MultipleResponseOptions = {}): MultipleResponseTable {
  const input = kernelInput("stats.multipleResponse", data, options, MULTIPLE_RESPONSE_OPTIONS);
  options = input.options;
  const mr = resolveSet(set, options);
  for (const [i, v] of mr.variables.entries()) input.variable(v, `item ${i + 1} of set ${mr.name}`);
  const { frame, filters, disclosureSensitive } = prepareFrame(input.source, options);
  const { w, name: weightName } = resolveWeights(frame, options.weight);
  const cols = mr.variables.map((v) => frame.column(v));
  const counts = new Float64Array(cols.length);
  let answering = 0;
  let all = 0;
  const sel = frame.rows;
  for (let i = 0; i < frame.n; i++) {
    const r = sel ? (sel[i] ?? 0) : i;
    const wt = w ? rowWeight(w, r) : 1;
    if (wt === 0) continue;
    all += wt;
    let any = false;
    for (let j = 0; j < cols.length; j++) {
      if (cols[j]?.[r] === mr.countedValue) {
        counts[j] = (counts[j] ?? 0) + wt;
        any = true;
      }
    }
    if (any) answering += wt;
  }
  const answers = counts.reduce((a, b) => a + b, 0);
  const kind = options.caseBase ?? "all";
  const caseBase = kind === "all" ? all : answering;
  const rows = mr.variables.map((variable, j) => {
    const count = counts[j] ?? 0;
    const entry = findVariable(options.codebook, variable);
    return {
      variable,
      label: entry ? (options.language === "en" && (entry.label ?? entry).en ? (entry.label ?? entry).en : (entry.label ?? entry).no) : variable,
      count,
      percentOfAnswers: answers > 0 ? (100 * count) / answers : null,
      percentOfCases: caseBase > 0 ? (100 * count) / caseBase : null,
    };
  });
  const notes: string[] = [];
  if (frame.n === 0) notes.push("No rows are selected: widen the filters.");
  else if (answers === 0) notes.push(`Nobody in the selection ticked any item of ${mr.name}.`);
  const locale = input.locale;
  const audit = makeAudit({
    locale,
    n: frame.n,
    base: caseBase,
    baseLabel: kind === "all" ? messages[locale].baseReportN : messages[locale].baseTickingOne(mr.name),
    filters,
    excluded: [],
    weight: weightName,
    test: null,
    disclosureSensitive,
  });
  return { set: mr.name, label: mr.label.no, rows, answers, answering, caseBase, caseBaseKind: kind, notes, audit };
}
