import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { diffCrosswalk, SMALL_VS_LARGE, type ComparisonDiff, type DiffSide } from "../../../src/analysis/crosswalk/crosswalk-diff";
import { fisherExact2x2 } from "../../../src/stats/fisher-exact";
import { CROSSWALK, type Comparison, type Measure, type Outcome } from "../../../src/analysis/crosswalk/crosswalk-spec";
import { renderDiffTable } from "../../../src/analysis/crosswalk/crosswalk-table";
import { evaluateCrosswalk } from "../../../src/analysis/crosswalk/evaluate-crosswalk";
import { applyFilter } from "../../../src/analysis/apply-filter";
import { loadSurvey } from "../../../src/analysis/survey-source";
import { nodeHost } from "../notebooks/headless-survey";
import type { Locale } from "../../../src/base/locale/locale";
import { parseThesis } from "../../../src/data/thesis";

const repo = resolve(__dirname, "../../..");
const thesis = parseThesis(JSON.parse(readFileSync(resolve(repo, "data/thesis-2016/thesis.json"), "utf8")));
const yes: Outcome = { base: "valid", variable: "y", positive: [1], valid: [1, 2] };
const rep = (value: number, times: number): number[] => Array.from({ length: times }, () => value);
function comparison(measure: Measure): Comparison {
  return { id: "t", title: "t", finding: "f", thesis: { kind: "number", id: "bms-2004" }, surveyMeasure: "m", rationale: "r", measure };
}
/** The what-if of one comparison on two data sets (no reconstructions: your data). */
function diffComparison(c: Comparison, a: DiffSide, b: DiffSide, locale: Locale = "en"): ComparisonDiff {
  const [d] = diffCrosswalk(a, b, { comparisons: [c], locale });
  if (!d) throw new Error("no diff");
  return d;
}

describe("fisherExact2x2", () => {
  it("gives the tea-tasting p for [[3, 1], [1, 3]]", () => {
    // Margins 4/4/4/4: P(a = 3) = P(a = 1) = 16/70, P(a = 4) = P(a = 0) = 1/70, P(2) = 36/70;
    // two-sided p = (1 + 16 + 16 + 1)/70 = 34/70 = .48571.
    expect(fisherExact2x2(3, 1, 1, 3)).toBeCloseTo(34 / 70, 10);
  });

  it("is 1 for a table exactly at its expectation", () => {
    expect(fisherExact2x2(5, 5, 5, 5)).toBeCloseTo(1, 10);
  });
});

describe("diffComparison", () => {
  const share = comparison({ kind: "share", outcome: yes, expect: "above", threshold: { value: 0.5, why: "test" } });

  it("tests two large shares with Pearson χ² and marks the flip", () => {
    // State A 15 of 20 yes, state B 5 of 20: χ² = 10.00 on [[15, 5], [5, 15]], p = .0016.
    // A: Wilson(15, 20) = [.531, .888] above .5 → agrees; B: [.112, .469] below → contrasts.
    const d = diffComparison(share, { label: "A", data: { y: [...rep(1, 15), ...rep(2, 5)] } }, { label: "B", data: { y: [...rep(1, 5), ...rep(2, 15)] } });
    expect(d.method).toBe("Pearson χ²");
    expect(d.test).toBe("Pearson χ²(1) = 10.00, p = .002");
    expect(d.explanation).toBe("The share is 75% in A and 25% in B (Pearson χ²(1) = 10.00, p = .002, BH q = .002: a significant difference); the verdict flips from agrees to contrasts.");
    // The same in norsk: the test line and the sentence in the language, numbers as norsk writes them.
    const inNorsk = diffComparison(share, { label: "A", data: { y: [...rep(1, 15), ...rep(2, 5)] } }, { label: "B", data: { y: [...rep(1, 5), ...rep(2, 15)] } }, "nb");
    expect(inNorsk.test).toBe("Pearson χ²(1) = 10,00, p = 0,002");
    expect(inNorsk.explanation).toBe("Andelen er 75 % i A og 25 % i B (Pearson χ²(1) = 10,00, p = 0,002, BH q = 0,002: en signifikant forskjell); vurderingen snur fra stemmer til står i kontrast.");
    expect(d.difference).toBeCloseTo(0.5, 10);
    expect([d.a.verdict, d.b.verdict]).toEqual(["agrees", "contrasts"]);
    expect(d.flips).toBe(true);
  });

  it("switches to Fisher's exact test when an expected count is below 5", () => {
    // [[2, 8], [9, 1]]: smallest expected count 10·9/20 = 4.5 < 5; Fisher two-sided p = .00548.
    const d = diffComparison(share, { label: "A", data: { y: [...rep(1, 2), ...rep(2, 8)] } }, { label: "B", data: { y: [...rep(1, 9), 2] } });
    expect(d.method).toBe("Fisher's exact test");
    expect(d.p).toBeCloseTo(0.005477, 5);
  });

  it("compares correlations with Fisher z", () => {
    // x = 1…28, Σdx² = 28·(28² − 1)/12 = 1827.
    // A: neighbours swapped (y = x ± 1): Σdxdy = 1827 − 14 = 1813, Σdy² = 1827 → r_A = .99234.
    // B: each half reversed (14…1, 28…15): Σdxdy = 917 → r_B = 917/1827 = .50192.
    // z = (atanh .99234 − atanh .50192)/√(1/25 + 1/25) = (2.7805 − .5516)/.28284 = 7.88, p < .001.
    const xs = Array.from({ length: 28 }, (_, i) => i + 1);
    const yA = xs.map((x) => (x % 2 === 0 ? x - 1 : x + 1));
    const yB = xs.map((x) => (x <= 14 ? 15 - x : 43 - x));
    const m = comparison({ kind: "correlation", expect: "positive", x: { variable: "x", valid: xs }, y: { variable: "y", valid: xs } });
    const d = diffComparison(m, { label: "A", data: { x: xs, y: yA } }, { label: "B", data: { x: xs, y: yB } });
    expect(d.method).toBe("Fisher z");
    expect(d.valueA).toBeCloseTo(1813 / 1827, 10);
    expect(d.valueB).toBeCloseTo(917 / 1827, 10);
    expect(d.test).toBe("Fisher z = 7.88, p < .001");
    expect(diffComparison(m, { label: "A", data: { x: xs, y: yA } }, { label: "B", data: { x: xs, y: yB } }, "nb").test).toBe("Fisher z = 7,88, p < 0,001");
    expect(d.flips).toBe(false);
  });
});

describe("the what-if on the reconstructed respondents", () => {
  // Which verdicts flip depends on the reconstruction for most comparisons, so the expected verdicts
  // are each side's verdicts over its reconstructions, and a flip is only counted between findings.
  it("compares small and large municipalities over the ensemble and renders one row per comparison", async () => {
    const survey = await loadSurvey(nodeHost());
    const options = { codebook: survey.codebook, thesis };
    const sides = SMALL_VS_LARGE.map((state) => {
      const selection = applyFilter(survey, state.filter, { locale: "en" });
      return { label: state.label ?? "", data: selection.view, draws: selection.draws()?.map((d) => d.view) ?? [] };
    });
    const [small, large] = sides;
    if (!small || !large) throw new Error("two sides");
    const diffs = diffCrosswalk(small, large, options);
    expect(diffs.map((d) => d.id)).toEqual(CROSSWALK.map((c) => c.id));
    const [vs, vl] = sides.map((side) => evaluateCrosswalk(side.data, { ...options, draws: side.draws }).verdicts);
    for (const d of diffs) {
      expect([d.a.verdict, d.b.verdict], d.id).toEqual([vs?.[d.id], vl?.[d.id]]);
      expect(d.flips, d.id).toBe(d.a.verdict !== d.b.verdict && d.a.verdict !== "depends" && d.b.verdict !== "depends");
      // The difference is a finding only when it holds in ≥ 95 % of the 50 draws, either way.
      expect(d.significantIn.m, d.id).toBe(50);
      const k = d.significantIn.k;
      const expected = d.p === null ? "untestable" : k >= 47.5 ? "significant" : 50 - k >= 47.5 ? "not significant" : "depends";
      expect(d.finding, d.id).toBe(expected);
    }
    const bms = diffs.find((d) => d.id === "bms-expectations");
    expect(bms?.b.verdict).toBe("not comparable");
    expect(bms?.a.audit).toContain("size class 1, 2, 3");
    const { document } = parseHTML("<!doctype html><html><body></body></html>");
    const table = renderDiffTable(document, diffs);
    expect(table.querySelectorAll("tbody tr")).toHaveLength(diffs.length);
    for (const d of diffs) expect(table.querySelector(`tr[data-id="${d.id}"]`)?.getAttribute("data-flips"), d.id).toBe(String(d.flips));
    // In norsk the difference column is norsk: the finding in words (not the finding's English key),
    // the test's name and p as norsk writes them.
    const differences = [...renderDiffTable(document, diffs, { locale: "nb" }).querySelectorAll("tbody tr")].map((tr) => tr.children[3]?.textContent ?? "");
    expect(differences.some((text) => text.includes("(ingen signifikant forskjell)"))).toBe(true);
    for (const text of differences) expect(text).not.toMatch(/\((not )?significant\)|exact test|\b[pq] [=<] \./);
  });
});
