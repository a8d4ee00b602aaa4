/**
 * Notebook 03's "what it rests on" through the one-call path: `stats.pearson(selection, …, {recode})`
 * and `evidenceOf(result)` compute the derived variables (adopted 0/1, intranet progress 5 − q9) on
 * every reconstruction in one `pearsonEach` call. Checked against the closure path the notebook used
 * before (each draw's columns rebuilt as plain arrays and `stats.pearson` called per draw and model),
 * written out here as it was: per draw the same r, n and p, and in the notebook the same `rests` text
 * under six filters — none, a county, size classes 5–6 (classes 1–4 empty), an adoption filter (rows
 * differ per draw), a county and size class whose size class is constant, and an empty selection.
 *
 * r may differ in the last bits under a filter: the one-call path sums the backing column shifted by
 * its first valid value (clean-column.ts), the old path a copy of the selected rows shifted by theirs;
 * the difference is rounding (asserted ≤ 1e-12), and without a filter the two are identical.
 *
 * The comparison can fail: a mix-up of draws (reversed, every draw computed on draw 0) or of the
 * transform (another code counted as adopted, q9 not reversed) is caught by the same check.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { applyFilter, type FilteredSurvey } from "../../../src/analysis/apply-filter";
import { createAnalysisBuiltins } from "../../../src/analysis/builtins";
import { acrossDraws, type WithEvidence } from "../../../src/analysis/evidence/across-draws";
import * as evidenced from "../../../src/analysis/evidence/evidenced-kernels";
import { callKey, plainKey } from "../../../src/analysis/evidence/result-evidence";
import { EVIDENCE_MEASURE } from "../../../src/analysis/evidence/evidence-timing";
import type { Survey } from "../../../src/analysis/survey";
import { loadSurvey } from "../../../src/analysis/survey-source";
import { formatNumber } from "../../../src/base/locale/number-format";
import { EMPTY_FILTER, type SurveyFilter } from "../../../src/data/survey-filter";
import { pearson, pearsonEach, type PearsonResult } from "../../../src/stats/index";
import { liveRuntime, nodeHost, setFilter } from "../notebooks/headless-survey";

let survey: Survey;
beforeAll(async () => {
  survey = await loadSurvey(nodeHost());
});

const STATUS = ["q3", "q7", "q12", "q16", "q20", "q24"];

const FILTERS: { name: string; filter: SurveyFilter }[] = [
  { name: "no filter", filter: EMPTY_FILTER },
  { name: "Rogaland", filter: { ...EMPTY_FILTER, fylke: [11] } },
  { name: "size classes 5–6", filter: { ...EMPTY_FILTER, sizeClass: [5, 6] } },
  { name: "adopted q20", filter: { ...EMPTY_FILTER, adopted: ["q20"] } },
  { name: "Hordaland, size class 2", filter: { ...EMPTY_FILTER, fylke: [12], sizeClass: [2] } },
  { name: "empty", filter: { ...EMPTY_FILTER, fylke: [11], sizeClass: [1], respType: [2] } },
];

// The old closure path, as notebook 03 wrote it (cells fmt, r1, r3 before the one-call path).
const columnOf = (s: FilteredSurvey, name: string): unknown[] => Array.from(s.table.array(name));
const oldAdopted = (s: FilteredSurvey, status: string): (number | null)[] => columnOf(s, status).map((v) => (v === null ? null : v === 1 ? 1 : 0));
const oldAdoptionR = (s: FilteredSurvey, status: string): number | null => pearson({ size_class: columnOf(s, "size_class"), adopted: oldAdopted(s, status) }, "size_class", "adopted").r;
const oldIntranet = (s: FilteredSurvey): PearsonResult =>
  pearson({ size_class: columnOf(s, "size_class"), intranet_progress: columnOf(s, "q9").map((v) => (v === null ? null : 5 - Number(v))) }, "size_class", "intranet_progress");
const oldAdoption = (s: FilteredSurvey, status: string): PearsonResult => pearson({ size_class: columnOf(s, "size_class"), adopted: oldAdopted(s, status) }, "size_class", "adopted");

function oldRests(across: WithEvidence<number | null>): { text: string; everywhere: string | false | null } {
  const e = across.evidence("");
  // In norsk, the runner's language (the notebook writes it in the app's language).
  if (e.kind === "your-data") return { text: "dine data", everywhere: null };
  const lo = e.range?.min ?? across.value, hi = e.range?.max ?? across.value;
  if (lo === null || hi === null) return { text: "ingen r i noen rekonstruksjoner", everywhere: false };
  const n3 = (x: number): string => formatNumber("nb", x, 3);
  const range = e.kind === "determined" ? `r = ${n3(lo)} i alle ${e.draws} rekonstruksjonene` : `R: r ${n3(lo)} … ${n3(hi)} over ${e.draws} rekonstruksjoner`;
  const everywhere = lo > 0 ? "positive" : hi < 0 ? "negative" : null;
  return { text: `${range}; ${everywhere === "positive" ? "positivt i hver eneste" : everywhere === "negative" ? "negativt i hver eneste" : "fortegnet skifter mellom dem"}`, everywhere };
}

// The new path's transforms, as the notebook writes them.
const adopted = (code: number): number => (code === 1 ? 1 : 0);
const progress = (code: number): number => 5 - code;

/** Both null, or equal up to rounding of sums taken in another shift (see the file comment). */
function sameFigure(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return a === b;
  return Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(a));
}

/** Draw by draw the same r, n and p. */
function sameDraws(a: readonly PearsonResult[], b: readonly PearsonResult[]): boolean {
  return a.length === b.length && a.every((x, k) => {
    const y = b[k];
    return y !== undefined && x.n === y.n && sameFigure(x.r, y.r) && sameFigure(x.p, y.p);
  });
}

function drawsOf(filter: SurveyFilter): readonly FilteredSurvey[] {
  const draws = applyFilter(survey, filter).draws();
  if (!draws) throw new Error("the bundled survey has no ensemble");
  return draws;
}

/** The derived variables: each status as adopted 0/1, and q9 as progress. */
function cases(): { name: string; variable: string; recode: (code: number) => number; old: (s: FilteredSurvey) => PearsonResult; wrong: (code: number) => number }[] {
  return [
    ...STATUS.map((status) => ({ name: `adopted ${status}`, variable: status, recode: adopted, old: (s: FilteredSurvey) => oldAdoption(s, status), wrong: (code: number) => (code === 2 ? 1 : 0) })),
    { name: "intranet progress", variable: "q9", recode: progress, old: oldIntranet, wrong: (code: number) => code },
  ];
}

describe("a recoded correlation on every reconstruction in one call", () => {
  for (const { name, filter } of FILTERS) {
    it(`${name}: the same r, n and p on each draw as the old closure path, and as the kernel alone`, () => {
      const draws = drawsOf(filter);
      let caught = 0;
      for (const c of cases()) {
        const options = { recode: { [c.variable]: c.recode } };
        const each = pearsonEach(draws, "size_class", c.variable, options);
        // One call equals the kernel on each draw alone, field by field.
        for (const [k, d] of draws.entries()) expect(each[k], `${c.name} draw ${k}`).toStrictEqual(pearson(d, "size_class", c.variable, options));
        const old = draws.map(c.old);
        expect(sameDraws(each, old), c.name).toBe(true);
        if (name === "no filter") expect(each.map((x) => x.r), c.name).toStrictEqual(old.map((x) => x.r));
        if (name === "empty") {
          expect(each.every((x) => x.r === null && x.n === 0)).toBe(true);
          continue;
        }
        // The check can fail: draws reversed, all on draw 0, or the wrong transform.
        const rs = new Set(old.map((x) => x.r));
        if (rs.size > 1) {
          expect(sameDraws([...each].reverse(), old), `${c.name} reversed`).toBe(false);
          const first = draws[0];
          if (first) expect(sameDraws(pearsonEach(draws.map(() => first), "size_class", c.variable, options), old), `${c.name} on draw 0`).toBe(false);
          caught++;
        }
        if (old.some((x) => x.r !== null)) {
          expect(sameDraws(pearsonEach(draws, "size_class", c.variable, { recode: { [c.variable]: c.wrong } }), old), `${c.name} wrong transform`).toBe(false);
        }
      }
      if (name !== "empty" && name !== "Hordaland, size class 2") expect(caught).toBeGreaterThan(0);
    });
  }

  it("gives each figure of the result the old path's evidence (kind, draws, range) through evidenceOf", () => {
    const { evidenceOf } = createAnalysisBuiltins({});
    for (const { filter } of FILTERS) {
      const selection = applyFilter(survey, filter);
      for (const c of cases()) {
        const across = evidenceOf(evidenced.pearson(selection, "size_class", c.variable, { recode: { [c.variable]: c.recode } }));
        const old = acrossDraws(selection, (s) => c.old(s).r);
        const now = across.evidence("r");
        const before = old.evidence("");
        if (old.value === null) {
          expect(across.value.r).toBeNull();
          continue;
        }
        expect(sameFigure(across.value.r, old.value)).toBe(true);
        expect(now.kind).toBe(before.kind);
        expect(now.draws).toBe(50);
        expect(sameFigure(now.range?.min ?? null, before.range?.min ?? null) && sameFigure(now.range?.max ?? null, before.range?.max ?? null)).toBe(true);
      }
    }
  });
});

describe("notebook 03's rows under a filter", () => {
  it("show the same r, n and `rests` as the old closure path (six filters, incl. an empty class and an empty selection)", async () => {
    const { runtime, scope } = await liveRuntime("03-size-and-correlations.html");
    try {
      for (const { name, filter } of FILTERS) {
        await setFilter({ runtime, scope }, filter);
        const named = runtime.namedValues();
        const selection = applyFilter(survey, filter);
        const rows: unknown = named.sizeAdoption;
        if (!Array.isArray(rows)) throw new Error("no sizeAdoption");
        for (const status of STATUS) {
          const row: unknown = rows.find((r: { variable?: string }) => r.variable === status);
          const old = acrossDraws(selection, (s) => oldAdoptionR(s, status));
          expect(row, `${name} ${status}`).toMatchObject({ n: oldAdoption(selection, status).n, rests: oldRests(old) });
          const r = typeof row === "object" && row !== null && "r" in row && (typeof row.r === "number" || row.r === null) ? row.r : undefined;
          expect(r !== undefined && sameFigure(r, old.value), `${name} ${status} r`).toBe(true);
        }
        const old3 = acrossDraws(selection, (s) => oldIntranet(s).r);
        expect(named.intranet, `${name} intranet`).toMatchObject({ n: oldIntranet(selection).n, rests: oldRests(old3) });
      }
    } finally {
      runtime.dispose();
    }
  }, 60_000);
});

describe("the recode option", () => {
  const draws = (): readonly FilteredSurvey[] => drawsOf(EMPTY_FILTER);

  it("names the recoded variable in the audit line and keeps blanks and missing codes out", () => {
    const selection = applyFilter(survey, EMPTY_FILTER);
    const c = pearson(selection, "size_class", "q9", { recode: { q9: progress } });
    expect(c.audit.line).toContain("size_class og q9 omkodet");
    expect(c.audit.line).toMatch(/q9: blank \(\d+\)/);
    // q6 has the missing code 9: it stays missing, the function never sees it.
    const seen = new Set<number>();
    const q6 = pearson(selection, "q30_5", "q6", { recode: { q6: (code) => (seen.add(code), 5 - code) } });
    expect(seen.has(9)).toBe(false);
    expect(q6.n).toBe(pearson(selection, "q30_5", "q6").n);
    expect(q6.r).toBeCloseTo(-(pearson(selection, "q30_5", "q6").r ?? Number.NaN), 12);
  });

  it("recodes codes outside 0–255 and fractions as well as small codes, and null to a blank", () => {
    const y = [1000, 2.5, 3, 1000, -1, null];
    const recode = (v: number): number | null => (v === 1000 ? 0 : v === -1 ? null : v * 2);
    const direct = pearson({ x: [1, 2, 3, 4, 5, 6], y: [0, 5, 6, 0, null, null] }, "x", "y");
    const recoded = pearson({ x: [1, 2, 3, 4, 5, 6], y }, "x", "y", { recode: { y: recode } });
    expect(recoded.r).toBe(direct.r);
    expect(recoded.n).toBe(4);
  });

  it("refuses what is not a recode, naming the problem and the fix", () => {
    const selection = applyFilter(survey, EMPTY_FILTER);
    const forgot = (code: number): number | null => {
      if (code === 1) return 1;
      return Number.NaN;
    };
    expect(() => pearson(selection, "size_class", "q3", { recode: { q3: forgot } })).toThrow(/returned the number NaN|returned NaN/);
    expect(() => pearson(selection, "q30_5", "q6", { recode: { q6: () => 9 } })).toThrow(/which is a missing code of "q6"/);
    expect(() => pearson(selection, "size_class", "q3", { recode: { q7: adopted } })).toThrow(/names "q7", which is not one of this statistic's variables/);
    // Cell code is not type-checked: a text where the function goes.
    expect(() => Reflect.apply(pearson, undefined, [selection, "size_class", "q3", { recode: { q3: "1 → 1" } }])).toThrow(/is a function of a code/);
    expect(() => Reflect.apply(pearson, undefined, [selection, "size_class", "q3", { recode: [adopted] }])).toThrow(/is an object of functions by variable/);
    expect(() => pearsonEach(draws(), "size_class", "q3", { recode: { q3: forgot } })).toThrow(/for code \d+; it returns a number/);
  });
});

describe("evidenceOf", () => {
  it("refuses a result with no reconstructions behind it, and a value that is no result", () => {
    const { evidenceOf } = createAnalysisBuiltins({});
    expect(() => evidenceOf(pearson({ x: [1, 2, 3], y: [3, 1, 2] }, "x", "y"))).toThrow(/Compute it on `selection`/);
    expect(() => evidenceOf(evidenced.pearson({ x: [1, 2, 3], y: [3, 1, 2] }, "x", "y"))).toThrow(/Compute it on `selection`/);
    expect(() => evidenceOf(Object.freeze({ r: 0.3 }))).toThrow(/evidenceOf/);
  });
});

describe("the evidence kept per selection and arguments", () => {
  it("gives the same call on the same selection the same evidence, with its own result as value", () => {
    const { evidenceOf } = createAnalysisBuiltins({});
    const selection = applyFilter(survey, { ...EMPTY_FILTER, fylke: [12] });
    const first = evidenceOf(evidenced.sizeClassRates(selection, "q20", [1]));
    const again = evidenced.sizeClassRates(selection, "q20", [1]);
    const second = evidenceOf(again);
    expect(second.value).toBe(again);
    expect(second.counts).toStrictEqual(first.counts);
    expect(second.evidence("rows.2.estimate")).toStrictEqual(first.evidence("rows.2.estimate"));
    // Another code counted is another call.
    const other = evidenceOf(evidenced.sizeClassRates(selection, "q20", [2]));
    expect(other.evidence("overall.estimate")).not.toStrictEqual(first.evidence("overall.estimate"));
  });

  it("keeps a recode's evidence by what its function gives each code, not by the function", () => {
    const { evidenceOf } = createAnalysisBuiltins({});
    const selection = applyFilter(survey, { ...EMPTY_FILTER, fylke: [11] });
    const measured = (): number => performance.getEntriesByName(EVIDENCE_MEASURE).length;
    // Each run of cell r1 writes a new function: the second is another closure of the same code.
    const fresh = (): ((code: number) => number) => (code) => (code === 1 ? 1 : 0);
    const first = evidenceOf(evidenced.pearson(selection, "size_class", "q3", { recode: { q3: fresh() } }));
    const before = measured();
    const again = evidenced.pearson(selection, "size_class", "q3", { recode: { q3: fresh() } });
    const second = evidenceOf(again);
    expect(second.value).toBe(again);
    expect(second.evidence("r")).toStrictEqual(first.evidence("r"));
    expect(measured()).toBe(before);
    // Another image (code 2 counted as adopted) is another call: computed, and not the first's.
    const other = evidenceOf(evidenced.pearson(selection, "size_class", "q3", { recode: { q3: (code) => (code === 2 ? 1 : 0) } }));
    expect(measured()).toBe(before + 1);
    expect(other.evidence("r")).not.toStrictEqual(first.evidence("r"));
    // The same image written otherwise is the same call; a function that throws on some value is not kept.
    evidenceOf(evidenced.pearson(selection, "size_class", "q3", { recode: { q3: (code) => Number(code === 1) } }));
    expect(measured()).toBe(before + 1);
    const picky = (code: number): number => {
      if (code === 4) throw new Error("unexpected code");
      return code === 1 ? 1 : 0;
    };
    expect(callKey(selection, ["size_class", "q3", { recode: { q3: picky } }])).toBeUndefined();
    expect(callKey(selection, ["size_class", "q3", { recode: { q3: fresh() } }])).toBe(callKey(selection, ["size_class", "q3", { recode: { q3: fresh() } }]));
    expect(callKey(selection, ["size_class", "q3", { recode: { q3: fresh() }, weight: "w" }])).not.toBe(callKey(selection, ["size_class", "q3", { recode: { q3: fresh() } }]));
    expect(callKey(selection, ["size_class", "q7", { recode: { q7: fresh() } }])).not.toBe(callKey(selection, ["size_class", "q3", { recode: { q3: fresh() } }]));
  });

  it("keys only plain arguments, each value by itself", () => {
    expect(plainKey(["q20", [1], { language: "en" }])).toBe(plainKey(["q20", [1], { language: "en" }]));
    expect(plainKey(["q20", [1]])).not.toBe(plainKey(["q20", ["1"]]));
    expect(plainKey([0])).not.toBe(plainKey([-0]));
    expect(plainKey([{ recode: { q3: adopted } }])).toBeUndefined();
    expect(plainKey([new Float64Array(2)])).toBeUndefined();
    expect(plainKey([Array.from({ length: 2000 }, (_, i) => i)])).toBeUndefined();
  });
});
