/**
 * The crosswalk's rules of evidence (issue 10, item 5), each against an independent computation:
 * thresholds stated with their reason, Benjamini–Hochberg across the comparisons (hand-worked),
 * Fisher's exact test when an expected count is below 5 (hand-worked, and PSPP on the survey's own
 * table), both bases where the report keeps "vet ikke" in (the printed Tabell 2.9), interval bounds
 * printed on their side of the threshold, and case citations about the topic compared.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseHTML } from "linkedom";
import { beforeAll, describe, expect, it } from "vitest";
import { applyFilter } from "../../../src/analysis/apply-filter";
import { CROSSWALK, type Comparison, type Measure, type Outcome } from "../../../src/analysis/crosswalk/crosswalk-spec";
import { evaluateCrosswalk, type ComparisonResult, type GroupNumbers, type ShareNumbers } from "../../../src/analysis/crosswalk/evaluate-crosswalk";
import { criterion, renderCrosswalkTable } from "../../../src/analysis/crosswalk/crosswalk-table";
import { fmtP, pctRange } from "../../../src/analysis/crosswalk/crosswalk-format";
import { loadSurvey } from "../../../src/analysis/survey-source";
import type { Survey } from "../../../src/analysis/survey";
import { EMPTY_FILTER } from "../../../src/data/survey-filter";
import { parseThesis } from "../../../src/data/thesis";
import { nodeHost } from "../notebooks/headless-survey";
import { hasPspp, runPspp } from "../stats/pspp-run";
import { fisherByHand, wilson } from "./crosswalk-by-hand";

const repo = resolve(__dirname, "../../..");
const thesis = parseThesis(JSON.parse(readFileSync(resolve(repo, "data/thesis-2016/thesis.json"), "utf8")));
const printed: { tables: { id: string; rows: { variable: string; percentBase: string; where?: unknown; cells: { code: number | string }[]; total?: number }[] }[] } = JSON.parse(readFileSync(resolve(repo, "data/survey-1999/printed-tables.json"), "utf8"));
const newDocument = (): Document => parseHTML("<!doctype html><html><body></body></html>").document;
const rep = (value: number | null, times: number): (number | null)[] => Array.from({ length: times }, () => value);

function byId(id: string): Comparison {
  const c = CROSSWALK.find((k) => k.id === id);
  if (!c) throw new Error(`no comparison ${id}`);
  return c;
}
function resultOf(results: readonly ComparisonResult[], id: string): ComparisonResult {
  const r = results.find((k) => k.id === id);
  if (!r) throw new Error(`no result ${id}`);
  return r;
}
function shareOf(numbers: ComparisonResult["numbers"]): ShareNumbers {
  if (numbers?.kind === "share" || numbers?.kind === "diffusion") return numbers;
  throw new Error("not a share");
}
function groupsOf(numbers: ComparisonResult["numbers"]): GroupNumbers {
  if (numbers?.kind === "groups") return numbers;
  throw new Error("not groups");
}

describe("thresholds: each comparison states its own, with the reason, on the page", () => {
  it("gives every share a threshold and a reason from the thesis's words, not one 50 % for all", () => {
    const shares = CROSSWALK.flatMap((c) => (c.measure.kind === "share" ? [{ id: c.id, t: c.measure.threshold }] : []));
    expect(shares.length).toBeGreaterThan(10);
    for (const s of shares) expect(s.t.why.length, s.id).toBeGreaterThan(40);
    expect(new Set(shares.map((s) => s.t.value)).size).toBeGreaterThan(1);
    // The rule of the spec: 25 % where the thesis found it in one or two cases (or none, from below).
    expect(shares.filter((s) => s.t.value === 0.25).map((s) => s.id).sort()).toEqual(["bms-effects-focus", "leaders-follow-up", "political-initiative", "politicians", "resource-demanding", "state-requirement", "unfinished"]);
    for (const c of CROSSWALK) if (c.measure.kind === "diffusion") expect(c.measure.why.length, c.id).toBeGreaterThan(40);
  });

  it("shows each row's criterion and reason in the table", () => {
    const ev = evaluateCrosswalk(Array.from({ length: 20 }, (_, i) => ({ q29_4: (i % 4) + 1 })), { thesis });
    const table = renderCrosswalkTable(newDocument(), ev, undefined, { locale: "en" });
    const row = table.querySelector('tr[data-id="politicians"] .criterion');
    expect(row?.textContent).toBe(criterion(resultOf(ev.results, "politicians"), "en"));
    expect(row?.textContent).toContain("Threshold 25%");
    expect(row?.textContent).toContain("two (C and D) of the four cases");
  });
});

describe("Benjamini–Hochberg across the comparisons", () => {
  // Three shares of 100 against 50 %: 62, 60 and 59 yes give score-test z = 2.4, 2.0, 1.8
  // (z = (p̂ − .5)/√(.25/100) = (p̂ − .5)/.05) and two-sided p = .016395, .045500, .071861.
  // BH with m = 3: q = min over j ≥ i of p₍ⱼ₎·3/j → .016395·3 = .049184, .045500·3/2 = .068250, .071861.
  const ticks = (yes: number): number[] => [...rep(1, yes), ...rep(4, 100 - yes)].map((v) => v ?? 4);
  const data = { y1: ticks(62), y2: ticks(60), y3: ticks(59) };
  const share = (id: string, variable: string): Comparison => ({
    id, title: id, finding: "f", thesis: { kind: "number", id: "bms-2004" }, surveyMeasure: "m", rationale: "r",
    measure: { kind: "share", outcome: { base: "valid", variable, positive: [1], valid: [1, 4] }, expect: "above", threshold: { value: 0.5, why: "test" } },
  });
  const comparisons = [share("a", "y1"), share("b", "y2"), share("c", "y3")];

  it("adjusts the p-values together and judges by q", () => {
    const ev = evaluateCrosswalk(data, { comparisons });
    expect(ev.results.map((r) => r.p)).toEqual([expect.closeTo(0.016395, 5), expect.closeTo(0.0455, 5), expect.closeTo(0.071861, 5)]);
    expect(ev.results.map((r) => r.q)).toEqual([expect.closeTo(0.049184, 5), expect.closeTo(0.06825, 5), expect.closeTo(0.071861, 5)]);
    expect(ev.verdicts).toEqual({ a: "agrees", b: "open", c: "open" });
    expect(ev.tested).toBe(3);
    // Alone (a family of one) b would agree: its p is below .05.
    expect(evaluateCrosswalk(data, { comparisons: [share("b", "y2")] }).verdicts).toEqual({ b: "agrees" });
  });

  it("says so on the page", () => {
    const ev = evaluateCrosswalk(data, { comparisons });
    const text = renderCrosswalkTable(newDocument(), ev, undefined, { locale: "en" }).textContent ?? "";
    expect(text).toContain("adjusted together with Benjamini–Hochberg");
    expect(text).toContain("The p-values of the 3 comparisons");
    expect(resultOf(ev.results, "b").explanation).toContain("Benjamini–Hochberg q = 0,068");
    expect(resultOf(evaluateCrosswalk(data, { comparisons, locale: "en" }).results, "b").explanation).toContain("Benjamini–Hochberg q = .068");
  });
});

describe("Fisher's exact test instead of χ² when an expected count is below 5", () => {
  const groups = comparisonOf({ kind: "groups", outcome: { base: "valid", variable: "y", positive: [1], valid: [1, 2] }, expect: "a>b", by: "g", a: { label: "A", codes: [1] }, b: { label: "B", codes: [2] } });
  function comparisonOf(measure: Measure): Comparison {
    return { id: "g", title: "g", finding: "f", thesis: { kind: "number", id: "bms-2004" }, surveyMeasure: "m", rationale: "r", measure };
  }

  it("uses Fisher on [[0, 4], [4, 13]]: p = 3265/5985 by the hypergeometric sum", () => {
    // Margins 4 | 17, yes 4 of 21; P(a) = C(4,a)·C(17,4−a)/C(21,4) = 2380, 2720, 816, 68, 1 (/5985);
    // tables no likelier than a = 0 (2380): a = 0, 2, 3, 4 → 3265/5985 = .54553. Smallest expected 4·4/21 = .76.
    const data = { g: [...rep(1, 4), ...rep(2, 17)], y: [...rep(2, 4), ...rep(1, 4), ...rep(2, 13)] };
    const r = evaluateCrosswalk(data, { comparisons: [groups], minBase: 5 }).results[0];
    const k = groupsOf(r?.numbers ?? null);
    expect(k.method).toBe("Fisher's exact test");
    expect(k.minExpected).toBeCloseTo(16 / 21, 10);
    expect(k.p).toBeCloseTo(3265 / 5985, 10);
    expect(r?.test).toBe("Fishers eksakte test (minste forventede verdi 0,8 < 5), p = 0,546");
    expect(evaluateCrosswalk(data, { comparisons: [groups], minBase: 5, locale: "en" }).results[0]?.test).toBe("Fisher's exact test (smallest expected count 0.8 < 5), p = .546");
  });

  it("keeps Pearson χ² when every expected count is 5 or more", () => {
    // [[15, 5], [5, 15]]: expected 10 everywhere, χ² = 4·25/10 = 10.
    const data = { g: [...rep(1, 20), ...rep(2, 20)], y: [...rep(1, 15), ...rep(2, 5), ...rep(1, 5), ...rep(2, 15)] };
    const k = groupsOf(evaluateCrosswalk(data, { comparisons: [groups] }).results[0]?.numbers ?? null);
    expect([k.method, k.chi2]).toEqual(["Pearson χ²", expect.closeTo(10, 10)]);
  });

  describe("q28_7 under size classes 4–6", () => {
    let survey: Survey;
    beforeAll(async () => {
      survey = await loadSurvey(nodeHost());
    });

    it("switches to Fisher exactly when the table of that reconstruction has an expected count below 5", () => {
      const selection = applyFilter(survey, { ...EMPTY_FILTER, sizeClass: [4, 5, 6] });
      const draws = selection.draws() ?? [];
      const c = byId("quality-indicators");
      let fisher = 0;
      for (const draw of draws) {
        // The 2×2 table counted from this draw's rows: BMS (q20 = 1, 2) vs not (3, 4) × q28_7 top two of 1–4.
        const cell = (group: number[], yes: boolean): number => draw.rows.filter((r) => group.includes(Number(r.q20)) && [1, 2, 3, 4].includes(Number(r.q28_7)) && [1, 2].includes(Number(r.q28_7)) === yes).length;
        const [a, b, cc, d] = [cell([1, 2], true), cell([1, 2], false), cell([3, 4], true), cell([3, 4], false)];
        const n = a + b + cc + d;
        const minExpected = (Math.min(a + b, cc + d) * Math.min(a + cc, b + d)) / n;
        const k = groupsOf(evaluateCrosswalk(draw.view, { comparisons: [c], codebook: survey.codebook }).results[0]?.numbers ?? null);
        expect([k.a.x, k.a.n, k.b.x, k.b.n]).toEqual([a, a + b, cc, cc + d]);
        expect(k.method).toBe(minExpected < 5 ? "Fisher's exact test" : "Pearson χ²");
        if (minExpected < 5) {
          fisher++;
          expect(k.p).toBeCloseTo(fisherByHand(a, b, cc, d), 10);
        }
      }
      // Four or so BMS municipalities answer q28_7 in size classes 4–6: Fisher in (almost) every draw.
      expect(fisher).toBeGreaterThan(40);
    });

    it.skipIf(!hasPspp)("agrees with PSPP's Fisher's exact test on the table shown", () => {
      const c = byId("quality-indicators");
      const selection = applyFilter(survey, { ...EMPTY_FILTER, sizeClass: [4, 5, 6] });
      const k = groupsOf(evaluateCrosswalk(selection.view, { comparisons: [c], codebook: survey.codebook }).results[0]?.numbers ?? null);
      const dir = mkdtempSync(join(tmpdir(), "crosswalk-fisher-"));
      const syntax = [
        "DATA LIST LIST /g y w.",
        "BEGIN DATA.",
        `1 1 ${k.a.x}`, `1 0 ${k.a.n - k.a.x}`, `2 1 ${k.b.x}`, `2 0 ${k.b.n - k.b.x}`,
        "END DATA.",
        "WEIGHT BY w.",
        "CROSSTABS /TABLES=g BY y /STATISTICS=CHISQ.",
      ].join("\n");
      const out = runPspp(dir, syntax).output;
      const line = out.split("\n").find((l) => l.startsWith("Fisher's Exact Test"));
      const pspp = Number(line?.split(",")[4]);
      expect(Number.isFinite(pspp)).toBe(true);
      expect(k.p ?? Number.NaN).toBeCloseTo(pspp, 3);
    });
  });
});

describe("both bases where the report keeps 'vet ikke' in", () => {
  it("names the printed table for every report base, and every printed 'vet ikke' base has one", () => {
    const withNine = (variable: string): string | undefined =>
      printed.tables.find((t) => !t.id.startsWith("text") && t.rows.some((r) => r.variable === variable && r.percentBase === "row-total" && r.cells.some((c) => c.code === 9)))?.id;
    for (const c of CROSSWALK) {
      if (c.measure.kind === "correlation") continue;
      const outcome: Outcome = c.measure.outcome;
      if (outcome.base !== "valid") continue;
      expect(outcome.reportBase?.table, `${c.id} (${outcome.variable})`).toBe(withNine(outcome.variable));
    }
  });

  it("shows adaptation as 137/213 agrees on the answered base and 137/251 open on Tabell 2.9's base", async () => {
    const survey = await loadSurvey(nodeHost());
    const selection = applyFilter(survey, EMPTY_FILTER);
    const ev = evaluateCrosswalk(selection.view, { codebook: survey.codebook, thesis, draws: selection.draws()?.map((d) => d.view) ?? [] });
    const r = resultOf(ev.results, "adaptation");
    // Tabell 2.9 prints q29_2 on a base of 251 (15.1 % vet ikke); 10.8 + 43.8 % of 251 = 137.
    const t29 = printed.tables.find((t) => t.id === "2.9")?.rows.find((row) => row.variable === "q29_2");
    expect(t29?.total).toBe(251);
    const answered = shareOf(r.numbers);
    const report = shareOf(r.reportBase?.numbers ?? null);
    expect([answered.x, answered.n, report.x, report.n]).toEqual([137, 213, 137, 251]);
    // By hand: Wilson(137, 213) = .5772–.7043, above .5; Wilson(137, 251) = .4839–.6067, straddles .5.
    expect(wilson(137, 213).low).toBeGreaterThan(0.5);
    expect(wilson(137, 251).low).toBeLessThan(0.5);
    expect(report.interval?.low).toBeCloseTo(wilson(137, 251).low, 10);
    expect([r.verdict, r.reportBase?.verdict, r.reportBase?.table]).toEqual(["agrees", "open", "2.9"]);
    const row = renderCrosswalkTable(newDocument(), ev, undefined, { locale: "en" }).querySelector('tr[data-id="adaptation"]');
    expect(row?.getAttribute("data-report-verdict")).toBe("open");
    expect(row?.querySelector(".report-base")?.textContent).toContain("Tabell 2.9");
    expect(row?.querySelector(".report-base")?.textContent).toContain("of 251");
    expect(row?.querySelector(".report-verdict")?.getAttribute("data-verdict")).toBe("open");
  });
});

describe("interval bounds precise enough that 'straddles' reads true", () => {
  it("prints a bound with the decimals it takes to stay on its side of the threshold", () => {
    expect(pctRange({ low: 0.22, high: 0.50496 }, 0.5)).toBe("22.0–50.5 %");
    expect(pctRange({ low: 0.22, high: 0.499962 }, 0.5)).toBe("22.0–49.996 %");
    expect(pctRange({ low: 0.500049, high: 0.7 }, 0.5)).toBe("50.005–70.0 %");
    expect(pctRange({ low: 0.577, high: 0.704 }, 0.5)).toBe("57.7–70.4 %");
  });

  it("prints q with a fourth decimal when three would read as the level itself", () => {
    expect(fmtP(0.0502, "q")).toBe("q = .0502");
    expect(fmtP(0.04996, "q")).toBe("q = .04996");
    expect(fmtP(0.031, "q")).toBe("q = .031");
  });

  it("shows a straddling interval as straddling in the explanation", () => {
    // 31 of 50 against .5: Wilson by hand .4815–.7414, which straddles 50 %.
    const c: Comparison = { id: "s", title: "s", finding: "f", thesis: { kind: "number", id: "bms-2004" }, surveyMeasure: "m", rationale: "r", measure: { kind: "share", outcome: { base: "valid", variable: "y", positive: [1], valid: [1, 4] }, expect: "above", threshold: { value: 0.5, why: "test" } } };
    const r = evaluateCrosswalk({ y: [...rep(1, 31), ...rep(4, 19)] }, { comparisons: [c], locale: "en" }).results[0];
    const w = wilson(31, 50);
    expect(w.low).toBeLessThan(0.5);
    expect(r?.explanation).toContain(`95% CI ${(100 * w.low).toFixed(1)}–${(100 * w.high).toFixed(1)}%) straddles 50%`);
    const inNorsk = evaluateCrosswalk({ y: [...rep(1, 31), ...rep(4, 19)] }, { comparisons: [c] }).results[0];
    expect(inNorsk?.explanation).toContain(`95 % KI ${(100 * w.low).toFixed(1).replace(".", ",")}–${(100 * w.high).toFixed(1).replace(".", ",")} %) omfatter 50 %`);
  });
});

describe("citations: the cases' own words, about the topic compared", () => {
  const ev = evaluateCrosswalk([{}], { thesis });

  it("cites Tabell 14 and each case's words for a challenge the cases experienced, not the literature's Tabell 2", () => {
    for (const id of ["adaptation", "quality-indicators", "mindset", "politicians", "it-support"]) {
      const citations = resultOf(ev.results, id).thesis?.citations ?? [];
      expect(citations[0]?.source, id).toEqual({ kind: "challenges" });
      expect(citations[0]?.lines[0], id).toBeGreaterThanOrEqual(5414);
      expect(citations.slice(1).every((c) => c.caseId !== undefined && c.source?.kind === "case" && c.source.caseId === c.caseId), id).toBe(true);
      expect(citations.some((c) => c.source?.kind === "literature"), id).toBe(false);
    }
    expect(resultOf(ev.results, "adaptation").thesis?.cases).toEqual(["A", "B", "C", "D"]);
    expect(resultOf(ev.results, "politicians").thesis?.cases).toEqual(["C", "D"]);
  });

  it("quotes, for adaptation, quality indicators and mindset, words about that challenge", () => {
    const about: Record<string, RegExp> = { adaptation: /tilpass|målekart|målekort/i, "quality-indicators": /indikator/i, mindset: /tankesett|på alvor|forstå viktigheten/i };
    for (const [id, words] of Object.entries(about)) {
      const cases = (resultOf(ev.results, id).thesis?.citations ?? []).filter((c) => c.caseId);
      expect(cases).toHaveLength(4);
      for (const c of cases) {
        expect(c.quote, `${id} ${c.caseId}`).toMatch(words);
        expect(c.quote, `${id} ${c.caseId}`).not.toMatch(/tilgang til nødvendig data|politisk|folkevalgt|kommuneplanene/i);
      }
    }
  });

  it("keeps the literature review for the findings that come from it", () => {
    for (const id of ["time", "bms-top-anchor"]) expect(resultOf(ev.results, id).thesis?.citations[0]?.source, id).toEqual({ kind: "literature" });
  });
});
