/**
 * FREQUENCIES with SPSS conventions: count, percent of all selected rows, valid percent (user-missing
 * codes from the codebook and blanks left out of the base), cumulative percent over the valid rows,
 * value labels. Checked against PSPP 1.6 in test/unit/stats/frequencies.test.ts.
 */
import { makeAudit, type Audit } from "./audit";
import { messages } from "../base/locale/locale";
import { kernelInput, type StatsData } from "./kernel-input";
import { META_OPTIONS, SELECT_OPTIONS, type OptionNames } from "./option-names";
import { rounded, withPicture } from "./result-picture";
import { prepareFrame, type SelectOptions } from "./select-rows";
import { missingTest, valueLabel, variableInfo, type MetaOptions } from "./variable-info";
import { resolveWeights, type WeightSpec } from "./weights";
import { countValues } from "./value-counts";

export interface FrequencyRow {
  /** The code; null for the system-missing (blank) row. */
  code: number | null;
  label: string;
  kind: "valid" | "user-missing" | "system-missing";
  count: number;
  /** Percent of all selected rows; null when there are none. */
  percent: number | null;
  /** Percent of valid rows; null for missing rows or when no row is valid. */
  validPercent: number | null;
  cumulativePercent: number | null;
}

export interface FrequencyTable {
  variable: string;
  label: string;
  /** Valid codes in ascending order. */
  valid: FrequencyRow[];
  /** User-missing codes (ascending), then the system-missing row when there are blanks. */
  missing: FrequencyRow[];
  total: number;
  validTotal: number;
  missingTotal: number;
  /** Plain-language remarks: empty selection, no valid answers … */
  notes: string[];
  audit: Audit;
}

export interface FrequencyOptions extends MetaOptions, SelectOptions {
  /** A weight column's name, or one weight per backing row (`stats.postStratify(…).weights`); unweighted when left out. */
  weight?: WeightSpec;
  /** Also list codebook codes nobody chose (count 0); SPSS lists observed values only. */
  allCodes?: boolean;
}

/** The options of `stats.frequencies`, by name. */
export const FREQUENCY_OPTIONS: OptionNames<FrequencyOptions> = { ...META_OPTIONS, ...SELECT_OPTIONS, weight: true, allCodes: true };

/**
 * Frequency table of one variable (SPSS FREQUENCIES): count, percent, valid percent and cumulative
 * percent per code, user-missing codes and blanks listed apart. Labels and missing codes come from
 * the codebook of `data` (the `selection` or `survey`) or `options.codebook`.
 * @param data the rows: `selection`, `survey`, an Arquero table or columns
 * @param variable the variable's name, e.g. "q20"
 * @example stats.frequencies(selection, "q20")
 */
export function frequencies(data: StatsData, variable: string, options: FrequencyOptions = {}): FrequencyTable {
  const input = kernelInput("stats.frequencies", data, options, FREQUENCY_OPTIONS);
  variable = input.variable(variable, "the variable (2nd argument)");
  options = input.options;
  const { frame, filters, disclosureSensitive } = prepareFrame(input.source, options);
  const info = variableInfo(variable, options);
  const { w, name: weightName } = resolveWeights(frame, options.weight);
  const { counts, systemMissing } = countValues(frame, frame.column(variable), w);
  const isMissing = missingTest(info.missing);
  if (options.allCodes) for (const c of info.valueLabels.keys()) if (!counts.has(c)) counts.set(c, 0);

  const codes = [...counts.keys()].sort((a, b) => a - b);
  let validTotal = 0;
  let userMissingTotal = 0;
  for (const c of codes) {
    const k = counts.get(c) ?? 0;
    if (isMissing(c)) userMissingTotal += k;
    else validTotal += k;
  }
  const total = validTotal + userMissingTotal + systemMissing;
  const pct = (k: number, base: number): number | null => (base > 0 ? (100 * k) / base : null);

  const valid: FrequencyRow[] = [];
  const missing: FrequencyRow[] = [];
  let cumulative = 0;
  for (const c of codes) {
    const count = counts.get(c) ?? 0;
    if (isMissing(c)) {
      missing.push({ code: c, label: valueLabel(info, c), kind: "user-missing", count, percent: pct(count, total), validPercent: null, cumulativePercent: null });
    } else {
      cumulative += count;
      valid.push({
        code: c,
        label: valueLabel(info, c),
        kind: "valid",
        count,
        percent: pct(count, total),
        validPercent: pct(count, validTotal),
        cumulativePercent: pct(cumulative, validTotal),
      });
    }
  }
  if (systemMissing > 0) {
    missing.push({ code: null, label: "System missing (blank)", kind: "system-missing", count: systemMissing, percent: pct(systemMissing, total), validPercent: null, cumulativePercent: null });
  }

  const notes: string[] = [];
  if (total === 0) notes.push(messages[input.locale].noRowsSelected("frequencies"));
  else if (validTotal === 0) notes.push(messages[input.locale].noValidAnswers(variable));

  const locale = input.locale;
  const audit = makeAudit({
    locale,
    n: frame.n,
    base: validTotal,
    baseLabel: messages[locale].baseValid(variable),
    filters,
    excluded: [
      {
        variable,
        userMissing: missing.filter((m) => m.kind === "user-missing").map((m) => ({ code: m.code ?? Number.NaN, count: m.count })),
        systemMissing,
      },
    ],
    weight: weightName,
    test: null,
    disclosureSensitive,
  });
  const table: FrequencyTable = { variable, label: info.label, valid, missing, total, validTotal, missingTotal: userMissingTotal + systemMissing, notes, audit };
  return withPicture(table, frequencyPicture);
}

/** The inspector's picture: one line per code. */
function frequencyPicture(t: FrequencyTable): Record<string, unknown> {
  const line = (r: FrequencyRow): string => `${r.count} · ${rounded(r.percent, 1) ?? "–"} %${r.kind === "valid" ? ` · valid ${rounded(r.validPercent, 1) ?? "–"} %` : ""}`;
  return {
    frequencies: `${t.variable} (${t.label})`,
    valid: Object.fromEntries(t.valid.map((r) => [`${r.code} ${r.label}`, line(r)])),
    missing: Object.fromEntries(t.missing.map((r) => [r.code === null ? "blank" : `${r.code} ${r.label}`, line(r)])),
    total: t.total,
    validTotal: t.validTotal,
    notes: t.notes,
    audit: t.audit.line,
    fields: "valid[i] and missing[i] ({code, label, count, percent, validPercent, cumulativePercent}), total, validTotal · as a table: tables.frequencies(result)",
  };
}
