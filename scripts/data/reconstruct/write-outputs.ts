/**
 * Serialise the reconstructed respondents: CSV (UTF-8, codebook order, derived columns last), the
 * 133-column card image laid out by the codebook (blank for missing), and the per-record
 * provenance string. Everything is deterministic text so two builds compare byte for byte.
 */
import type { Codebook, CodebookVariable } from "../../../src/data/codebook";
import { formatCardRecord } from "../../../src/data/card-layout";
import type { RecordValues } from "../../../src/data/residuals";
import { answer, type Respondent } from "./respondent";

export const DERIVED_COLUMNS = ["resp_type", "fylke", "size_class", "knr", "name", "provenance"] as const;

/** Answer variables of the codebook in order (resp_id first, as on the card). */
export function answerVariables(codebook: Codebook): CodebookVariable[] {
  return codebook.variables.filter((v) => v.name !== "resp_id");
}

/** The provenance string of one record: which fields are printed facts, which imputed. */
export function provenanceOf(r: Respondent): string {
  if (r.identityImputed) {
    return "anonymous respondent; fylke+size_class imputed (stratified draw from SSB 1999 kommuner not named); answers constrained-random to printed tables";
  }
  const fixed = [...r.fixed.keys()].sort((a, b) => a.localeCompare(b, "en", { numeric: true })).join(" ");
  return `named in report; knr+name+fylke+size_class printed/SSB; fixed by appendix: ${fixed}; other answers constrained-random to printed tables`;
}

function csvField(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** One respondent as plain values for the residual check (derived columns included). */
export function recordValues(r: Respondent, codebook: Codebook): RecordValues {
  const out: Record<string, number | null> = { resp_id: r.respId, resp_type: r.respType, fylke: r.fylke, size_class: r.sizeClass };
  for (const v of answerVariables(codebook)) out[v.name] = answer(r, v.name);
  return out;
}

/** respondents.csv text: header + one line per respondent ordered by resp_id, LF line ends. */
export function respondentsCsv(people: readonly Respondent[], codebook: Codebook): string {
  const vars = answerVariables(codebook).map((v) => v.name);
  const header = ["resp_id", ...vars, ...DERIVED_COLUMNS];
  const lines = [header.join(",")];
  for (const r of [...people].sort((a, b) => a.respId - b.respId)) {
    const values = [
      String(r.respId),
      ...vars.map((v) => {
        const a = answer(r, v);
        return a === null ? "" : String(a);
      }),
      String(r.respType), String(r.fylke), String(r.sizeClass), r.knr ?? "", r.name ?? "", provenanceOf(r),
    ];
    lines.push(values.map(csvField).join(","));
  }
  return `${lines.join("\n")}\n`;
}

/** respondents.dat text (laid out by the codebook via formatCardRecord): one card per respondent ordered by resp_id, LF line ends. */
export function respondentsDat(people: readonly Respondent[], codebook: Codebook): string {
  const cards = [...people].sort((a, b) => a.respId - b.respId).map((r) => formatCardRecord(codebook, recordValues(r, codebook)));
  return `${cards.join("\n")}\n`;
}

/** provenance.json: what each field group is and how it was made. */
export function provenanceDocument(seed: number): unknown {
  return {
    seed,
    note: "The bundled respondents are a reconstruction from published aggregates, not the original microdata.",
    groups: [
      { fields: ["knr", "name"], kind: "printed", method: "Appendix Tabell 4.1–4.15, Tabell 2.3 and the two-model list; blank for anyone not named." },
      { fields: ["fylke", "size_class"], kind: "printed|imputed", method: "Named: SSB 1999 reference (size class from population 1.1.1999). Anonymous kommuner: per size class as SSB 1999 (the report: representative by population), each an SSB kommune not named, drawn uniformly; anonymous fylkeskommuner: county drawn from those without a named one, class 6." },
      { fields: ["resp_type"], kind: "printed", method: "Split 257 kommuner (59.1 % of 435, 'i underkant av 60 %') + 10 fylkeskommuner (55.6 % of 18, '55 %')." },
      { fields: ["resp_id"], kind: "imputed", method: "Shuffled 1–267 with the fixed seed." },
      { fields: ["q3", "q7", "q12", "q16", "q20", "q24"], kind: "printed+constrained-random", method: "Tabell 2.1 counts exactly; named adopters fixed at 1, the two unnamed servicetorg adopters on named kommuner with one other model; blanks and codes 2–4 dealt uniformly (r(size, adopted) > 0 follows from the named adopters and is checked)." },
      { fields: ["q4_*", "q8_*", "q13_*", "q17_*", "q21_*", "q25_*"], kind: "constrained-random", method: "Tabell 3.1–3.11 counts exactly among status 1–3; Er innført / Under innføring only from status 1–2; otherwise dealt uniformly, line by line." },
      { fields: ["q5_*", "q10_*", "q14_*", "q18_*", "q22_*", "q26_*", "q6", "q11", "q15", "q19", "q23", "q27"], kind: "constrained-random", method: "Tabell 3.2–3.12 and 2.4 counts exactly; every adopter answers, the rest of the printed N from status 2; grades dealt uniformly; expectations redrawn until r(q30_5, expectation) is in the band the report states (weak for five models, significant for BPR)." },
      { fields: ["q9"], kind: "constrained-random", method: "Text 19/22/44/15 % of the 170 with q7 = 1–3 (32/37/75/26), dealt uniformly, redrawn until r(size, 5 − q9) > 0 as the report states." },
      { fields: ["q1", "q2_*", "q31_*", "q28_*"], kind: "printed+constrained-random", method: "Tabell 2.2, 2.7, 2.8, 2.5 counts exactly; named 'I stor grad' lists fixed at 1; everything else dealt uniformly." },
      { fields: ["q29_*"], kind: "constrained-random", method: "Tabell 2.9 prints percentages only: counts that round to every printed percentage of the printed N (countsForPercents), dealt uniformly." },
      { fields: ["q30_*"], kind: "imputed", method: "Printed only as a chart; counts chosen to satisfy the text's shares (2/3 top-management, >1/3 training, <20 % ICT, ~20 % users, split on resources), dealt uniformly." },
      { fields: ["q32", "q33", "q34"], kind: "imputed", method: "Gender 83/17 %, age bands 15/50/30/5 % (uniform within band), dealt uniformly; q34 = printed size code of a named kommune, else size class (fylkeskommuner 6)." },
      { fields: ["ensemble.bin"], kind: "ensemble", method: "50 reconstructions by the same method from seeds derived from this seed; draw 0 is respondents.csv. A figure equal in every draw follows from the print and the named facts; one that varies rests on the reconstruction." },
    ],
  };
}
