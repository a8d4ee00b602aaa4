/** The codebook as the authoring tools list it: questionnaire items and derived variables, labelled. */
import type { Codebook, CodebookVariable } from "../../data/codebook";

/** One variable with the label the pickers and completions show. */
export interface ListedVariable {
  variable: CodebookVariable;
  /** "Balansert målstyring" (the short label, else the question text). */
  label: string;
  /** True for variables the dataset carries that are not on the questionnaire (fylke, size_class …). */
  derived: boolean;
}

const cache = new WeakMap<Codebook, ListedVariable[]>();

/** The short label of a variable: the codebook's label, else its question text. */
export function variableLabel(v: CodebookVariable): string {
  return v.label?.no ?? v.no;
}

/** Derived variables first (the usual row variables: size class, county, type), then the questionnaire. */
export function listVariables(codebook: Codebook): ListedVariable[] {
  const known = cache.get(codebook);
  if (known) return known;
  const list = [
    ...(codebook.derived ?? []).map((variable) => ({ variable, label: variableLabel(variable), derived: true })),
    ...codebook.variables.map((variable) => ({ variable, label: variableLabel(variable), derived: false })),
  ];
  cache.set(codebook, list);
  return list;
}

/** True when `query` (any case) is in the name, the label, the question or a value label. */
export function variableMatches(v: ListedVariable, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  const hay = [v.variable.name, v.label, v.variable.no, v.variable.en, ...v.variable.codes.flatMap((c) => [c.no, c.en])];
  return hay.some((s) => s.toLowerCase().includes(q));
}
