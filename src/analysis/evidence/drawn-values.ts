/**
 * Which respondents' answers the reconstruction drew. A respondent's value of a variable is a fact
 * (printed, named, or forced by the printed margins) when every reconstruction agrees on it, and
 * drawn when they disagree — so the ensemble itself says, per respondent and variable, what rests
 * on the build. The audit line of an analysis names its variables' drawn values among the selected
 * respondents ("q3 for 171 of 248").
 *
 * Surprising: a row number is not a respondent. Each draw shuffles resp_id and deals the anonymous
 * respondents afresh, so row i of one draw and row i of another are different municipalities (row 2
 * is Skedsmo in one draw and a kommune of another county in the next). Only a named respondent
 * (a knr) is the same unit in every draw, so it is matched by knr. An anonymous respondent has no
 * identity across draws: its value is a fact only where the print forces it for every anonymous
 * respondent of its type (a fylkeskommune's size class 6, the type itself), and drawn otherwise.
 */
import { frameOf } from "../../stats/index";
import type { FilteredSurvey } from "../apply-filter";
import type { Survey } from "../survey";
import { timedEvidence } from "./evidence-timing";
import { formatNumber, messages, type Locale } from "../../base/locale/locale";

/** Per survey: variable → 1 for each respondent whose value the reconstructions do not agree on. */
const cache = new WeakMap<Survey, Map<string, Uint8Array>>();

const same = (a: number, b: number): boolean => a === b || (Number.isNaN(a) && Number.isNaN(b));

/** One draw's columns as the mask needs them. */
interface DrawColumns {
  value: ArrayLike<number>;
  knr: ArrayLike<number>;
  type: ArrayLike<number>;
}

function columnsOf(survey: Survey, variable: string): DrawColumns | undefined {
  if (!survey.table.column(variable) || !survey.table.column("knr") || !survey.table.column("resp_type")) return undefined;
  const frame = frameOf(survey.table);
  return { value: frame.column(variable), knr: frame.column("knr"), type: frame.column("resp_type") };
}

/**
 * Per survey with draws: for each draw after the first, the row of each shown respondent's knr in
 * that draw (−1 for an anonymous respondent, or a knr the draw lacks). The same for every
 * variable, so made once per survey (it was a knr → row map per draw per variable).
 */
const alignments = new WeakMap<Survey, Int32Array[]>();

function alignment(survey: Survey, shown: DrawColumns, others: readonly DrawColumns[]): Int32Array[] {
  const known = alignments.get(survey);
  if (known) return known;
  const made = others.map((d) => {
    const rowOf = new Map<number, number>();
    for (let i = 0; i < d.knr.length; i++) {
      const knr = d.knr[i] ?? Number.NaN;
      if (!Number.isNaN(knr)) rowOf.set(knr, i);
    }
    const rows = new Int32Array(shown.knr.length).fill(-1);
    for (let i = 0; i < rows.length; i++) {
      const knr = shown.knr[i] ?? Number.NaN;
      if (!Number.isNaN(knr)) rows[i] = rowOf.get(knr) ?? -1;
    }
    return rows;
  });
  alignments.set(survey, made);
  return made;
}

/**
 * Per survey with draws: the anonymous respondents' rows of each respondent type, per draw (the
 * survey shown first). The same for every variable, so made once per survey.
 */
const anonymousRows = new WeakMap<Survey, Map<number, Int32Array[]>>();

function anonymousByType(survey: Survey, all: readonly DrawColumns[]): Map<number, Int32Array[]> {
  const known = anonymousRows.get(survey);
  if (known) return known;
  const lists = new Map<number, number[][]>();
  all.forEach((d, k) => {
    for (let i = 0; i < d.knr.length; i++) {
      if (!Number.isNaN(d.knr[i] ?? Number.NaN)) continue;
      const type = d.type[i] ?? Number.NaN;
      let perDraw = lists.get(type);
      if (!perDraw) lists.set(type, (perDraw = all.map(() => [])));
      perDraw[k]?.push(i);
    }
  });
  const made = new Map([...lists].map(([type, perDraw]) => [type, perDraw.map((rows) => Int32Array.from(rows))]));
  anonymousRows.set(survey, made);
  return made;
}

/**
 * Per respondent type: the one value every anonymous respondent of that type has in every draw
 * (and in the survey shown); a type whose anonymous respondents differ is absent.
 */
function forcedAnonymousValues(survey: Survey, all: readonly DrawColumns[]): Map<number, number> {
  const forced = new Map<number, number>();
  for (const [type, perDraw] of anonymousByType(survey, all)) {
    let first: number | undefined;
    let varies = false;
    perDraw.forEach((rows, k) => {
      const values = all[k]?.value;
      if (!values || varies) return;
      for (const r of rows) {
        const v = values[r] ?? Number.NaN;
        if (first === undefined) first = v;
        else if (!same(first, v)) {
          varies = true;
          return;
        }
      }
    });
    if (!varies && first !== undefined) forced.set(type, first);
  }
  return forced;
}

/** 1 where the reconstructions do not agree on the respondent's value of `variable`; undefined without an ensemble or the column. */
export function drawnMask(survey: Survey, variable: string): Uint8Array | undefined {
  const draws = survey.draws;
  if (!draws) return undefined;
  let perVariable = cache.get(survey);
  if (!perVariable) {
    perVariable = new Map();
    cache.set(survey, perVariable);
  }
  const known = perVariable.get(variable);
  if (known) return known;
  const shown = columnsOf(survey, variable);
  const drawColumns = draws.map((d) => columnsOf(d, variable));
  if (!shown || drawColumns.some((d) => !d)) return undefined;
  const others = drawColumns.filter((d): d is DrawColumns => d !== undefined);
  const rowsOf = alignment(survey, shown, others);
  const forced = forcedAnonymousValues(survey, [shown, ...others]);
  const n = shown.value.length;
  const mask = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const v = shown.value[i] ?? Number.NaN;
    const knr = shown.knr[i] ?? Number.NaN;
    if (Number.isNaN(knr)) {
      mask[i] = forced.has(shown.type[i] ?? Number.NaN) ? 0 : 1;
      continue;
    }
    // A plain loop, not others.some with a closure: this runs for every respondent, draw and
    // variable read at a notebook's first open (issue 11, cold start).
    let drawn = 0;
    for (let k = 0; k < others.length; k++) {
      const row = rowsOf[k]?.[i] ?? -1;
      if (row < 0 || !same(v, others[k]?.value[row] ?? Number.NaN)) {
        drawn = 1;
        break;
      }
    }
    mask[i] = drawn;
  }
  perVariable.set(variable, mask);
  return mask;
}

/**
 * "drawn by the reconstruction: size_class for 171 of 248, q3 for 230 of 248" — or "" when none.
 * With `counts: false` (a shared view under the disclosure guard) only the variables are named: the
 * "k of n" would count respondents in a group of 1–2. In `locale` (default: the selection's).
 */
export function drawnValuesLine(selection: FilteredSurvey, variables: readonly string[], counts = true, locale: Locale = selection.locale): string {
  return timedEvidence(() => drawnLine(selection, variables, counts, locale));
}

function drawnLine(selection: FilteredSurvey, variables: readonly string[], counts: boolean, locale: Locale): string {
  // In the language of the audit block it goes into: the table's, which is not the selection's when a
  // table is drawn from a result computed on the survey (its selection is made in the default language)
  // or on a selection of the other language.
  const words = messages[locale];
  const rows = selection.view.indices();
  const parts: string[] = [];
  for (const variable of [...new Set(variables)]) {
    const mask = drawnMask(selection.survey, variable);
    if (!mask) continue;
    let k = 0;
    for (const r of rows) k += mask[r] ?? 0;
    if (k > 0) parts.push(counts ? words.drawnValuesPart(variable, formatNumber(locale, k), formatNumber(locale, rows.length)) : variable);
  }
  if (parts.length === 0) return "";
  return words.drawnValues(parts.join(", "), counts);
}
