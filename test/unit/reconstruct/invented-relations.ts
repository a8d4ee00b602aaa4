/**
 * "No invented relations", computed over the ensemble: for every pair of variables the report states
 * no relation between, the mean Pearson r across the draws and how many draws agree in sign.
 *
 * Which pairs are exempt is decided by rule, not by looking at the numbers:
 * - pairs inside one stated relation (scripts/data/reconstruct/stated-relations.ts);
 * - pairs of two *anchored* variables, whose values the print or the named respondents fix, so the
 *   print may force their relation: identity (type, county, size class, q34), the six status
 *   questions, the q28 items (named "I stor grad"), the number of models adopted, and the answers
 *   tied to a status by a stated rule (service areas, q9 under servicetorg).
 * Every other pair has at least one variable drawn freely given its margins (q1, q2, q29–q33, the
 * results and expectation items, resp_id) and is tested.
 */
import { STATED_RELATIONS } from "../../../scripts/data/reconstruct/stated-relations";
import { codebook, draws, modelsAdopted, pearsonR, STATUS_VARIABLES, ticked } from "./ensemble-fixture";

/**
 * The variables of the test as an analyst correlates them: every ensemble column but knr, the
 * codebook's missing codes (9 vet ikke, 5 for q30) as missing, multiple-response boxes as 1/0, plus
 * the number of models adopted.
 */
export function testColumns(draw: ReadonlyMap<string, Float64Array>): Map<string, Float64Array> {
  const setVariables = new Set(codebook.sets.flatMap((s) => s.variables));
  const missing = new Map(codebook.variables.map((v) => [v.name, v.missing]));
  const out = new Map<string, Float64Array>();
  for (const [name, col] of draw) {
    if (name === "knr") continue;
    const codes = missing.get(name) ?? [];
    out.set(name, setVariables.has(name) ? ticked(col) : col.map((v) => (codes.includes(v) ? Number.NaN : v)));
  }
  out.set("n_models_adopted", modelsAdopted(draw));
  return out;
}

const AREA = /^q(4|8|13|17|21|25)_\d+$/;
const ANCHORED = new Set<string>(["resp_type", "fylke", "size_class", "q34", "n_models_adopted", "q9", ...STATUS_VARIABLES,
  ...Array.from({ length: 9 }, (_, i) => `q28_${i + 1}`)]);

export const isAnchored = (name: string): boolean => ANCHORED.has(name) || AREA.test(name);

/** True when the report states a relation between the two (they sit in one stated relation). */
export function isStatedPair(a: string, b: string): boolean {
  return STATED_RELATIONS.some((rel) => rel.variables.includes(a) && rel.variables.includes(b));
}

export interface PairResult {
  x: string;
  y: string;
  meanR: number;
  /** Draws with a defined r, and how many of them are positive / negative. */
  defined: number;
  positive: number;
  negative: number;
  /** Smallest number of complete pairs in any draw. */
  minN: number;
}

/** Mean r and sign counts over the draws for every tested pair. */
export function pairResults(): PairResult[] {
  const columns = draws.map(testColumns);
  const names = [...(columns[0]?.keys() ?? [])];
  const out: PairResult[] = [];
  for (let i = 0; i < names.length; i++) {
    for (let j = i + 1; j < names.length; j++) {
      const x = names[i] ?? "";
      const y = names[j] ?? "";
      if ((isAnchored(x) && isAnchored(y)) || isStatedPair(x, y)) continue;
      let sum = 0, defined = 0, positive = 0, negative = 0, minN = Infinity;
      for (const cols of columns) {
        const a = cols.get(x);
        const b = cols.get(y);
        if (!a || !b) continue;
        const { r, n } = pearsonR(a, b);
        minN = Math.min(minN, n);
        if (r === null) continue;
        sum += r;
        defined++;
        if (r > 0) positive++;
        if (r < 0) negative++;
      }
      out.push({ x, y, meanR: defined > 0 ? sum / defined : 0, defined, positive, negative, minN });
    }
  }
  return out;
}
