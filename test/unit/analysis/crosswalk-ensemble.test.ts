/**
 * The crosswalk over the ensemble of reconstructions. No verdict that depends on the reconstruction
 * is asserted as a finding here: each classification ("determined", "depends, k of 50") is computed
 * in the test from the draws' own rows with a hand-worked Wilson interval, and compared with what the
 * crosswalk says. The typed-array counter is held to the statistics kernels' counts on every
 * comparison, and the aggregation rule to synthetic series.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { applyFilter } from "../../../src/analysis/apply-filter";
import { crosswalkCounter, auditCount, restrictionConditions } from "../../../src/analysis/crosswalk/crosswalk-counts";
import { ensembleVerdict, type DrawVerdict } from "../../../src/analysis/crosswalk/crosswalk-ensemble";
import { CROSSWALK, type Comparison } from "../../../src/analysis/crosswalk/crosswalk-spec";
import { evaluateCrosswalk, type ComparisonResult } from "../../../src/analysis/crosswalk/evaluate-crosswalk";
import { filterKey, MeasuredDrawsCache, thesisKey } from "../../../src/analysis/crosswalk/measured-draws-cache";
import { drawFigures } from "../../../src/analysis/crosswalk/draw-figures";
import { pearson2x2, planComparison } from "../../../src/analysis/crosswalk/measure-comparison";
import { createCrosswalkBuiltins } from "../../../src/analysis/crosswalk/crosswalk-builtins";
import type { Survey, SurveyRow } from "../../../src/analysis/survey";
import { loadSurvey } from "../../../src/analysis/survey-source";
import { EMPTY_FILTER, type SurveyFilter } from "../../../src/data/survey-filter";
import { parseThesis, type ThesisData } from "../../../src/data/thesis";
import * as stats from "../../../src/stats/index";
import { FINDING_SHARE } from "../../../src/analysis/evidence/evidence";
import { nodeHost } from "../notebooks/headless-survey";
import { wilson } from "./crosswalk-by-hand";

const repo = resolve(__dirname, "../../..");
const thesis = parseThesis(JSON.parse(readFileSync(resolve(repo, "data/thesis-2016/thesis.json"), "utf8")));
const LARGE: SurveyFilter = { ...EMPTY_FILTER, sizeClass: [4, 5, 6] };

function byId(id: string): Comparison {
  const c = CROSSWALK.find((k) => k.id === id);
  if (!c) throw new Error(`no comparison ${id}`);
  return c;
}
/** A q29-style share counted from plain rows: yes = codes 1–2 of the answered 1–4. */
function topTwoOf(rows: readonly SurveyRow[], variable: string): { x: number; n: number } {
  const answered = rows.filter((r) => [1, 2, 3, 4].includes(Number(r[variable])));
  return { x: answered.filter((r) => [1, 2].includes(Number(r[variable]))).length, n: answered.length };
}
/** The verdict of a share against t (expected above), from a hand-worked Wilson interval. */
function shareVerdictByHand(x: number, n: number, t: number): DrawVerdict {
  if (n < 10) return "not comparable";
  const w = wilson(x, n);
  return w.low > t ? "agrees" : w.high < t ? "contrasts" : "open";
}

describe("the crosswalk over the 50 reconstructions", () => {
  let survey: Survey;
  const onEnsemble = (filter: SurveyFilter, comparisons?: readonly Comparison[]) => {
    const selection = applyFilter(survey, filter);
    return evaluateCrosswalk(selection.view, { codebook: survey.codebook, thesis, draws: selection.draws()?.map((d) => d.view) ?? [], ...(comparisons ? { comparisons } : {}) });
  };
  beforeAll(async () => {
    survey = await loadSurvey(nodeHost());
  });

  it("calls a comparison determined when its counts are the same in every draw (adaptation, unfiltered)", () => {
    const counts = (applyFilter(survey, EMPTY_FILTER).draws() ?? []).map((d) => topTwoOf(d.rows, "q29_2"));
    expect(counts).toHaveLength(50);
    expect(new Set(counts.map((k) => `${k.x}/${k.n}`))).toEqual(new Set(["137/213"]));
    const r = onEnsemble(EMPTY_FILTER).results.find((k) => k.id === "adaptation");
    expect(r?.ensemble.evidence.kind).toBe("determined");
    expect(r?.ensemble.split).toEqual({ agrees: 50 });
    expect(r?.explanation).toContain("Bestemt: de samme tallene i alle de 50 rekonstruksjonene");
  });

  it("says 'depends on the reconstruction (k of 50)' exactly when fewer than 48 draws agree — k counted by hand (adaptation, size classes 4–6)", () => {
    const c = byId("adaptation");
    // Each draw's share from its own rows, and its verdict from a hand-worked Wilson interval (a
    // family of one comparison, so Benjamini–Hochberg leaves p as it is).
    const byHand = (applyFilter(survey, LARGE).draws() ?? []).map((d) => {
      const k = topTwoOf(d.rows, "q29_2");
      return shareVerdictByHand(k.x, k.n, 0.5);
    });
    const split: Partial<Record<DrawVerdict, number>> = {};
    for (const v of byHand) split[v] = (split[v] ?? 0) + 1;
    const most = Math.max(...Object.values(split).map((v) => v ?? 0));
    // The draws disagree (that is what this test is about): no verdict reaches 48 of 50.
    expect(most).toBeLessThan(48);
    const r = onEnsemble(LARGE, [c]).results[0];
    expect(r?.ensemble.split).toEqual(split);
    expect(r?.ensemble.k).toBe(most);
    expect(r?.verdict).toBe("depends");
    expect(r?.explanation).toContain("På tvers av rekonstruksjonene blir den ");
    expect(r?.explanation).toContain("vurderingen avhenger av rekonstruksjonen og er ikke et funn");
    const inEnglish = evaluateCrosswalk(applyFilter(survey, LARGE).view, { codebook: survey.codebook, thesis, draws: applyFilter(survey, LARGE).draws()?.map((d) => d.view) ?? [], comparisons: [c], locale: "en" }).results[0];
    expect(inEnglish?.explanation).toContain("the verdict depends on the reconstruction and is not a finding");
    expect(r?.ensemble.evidence.kind).toBe("reconstruction");
  });

  it("states a verdict only when it holds in at least 48 of 50 draws, for every comparison under every filter tried", () => {
    for (const filter of [EMPTY_FILTER, LARGE, { ...EMPTY_FILTER, sizeClass: [1, 2, 3] }, { ...EMPTY_FILTER, fylke: [11, 12] }]) {
      const ev = onEnsemble(filter);
      expect(ev.draws).toBe(50);
      for (const r of ev.results) {
        const counts = Object.values(r.ensemble.split).map((v) => v ?? 0);
        expect(counts.reduce((a, b) => a + b, 0), r.id).toBe(50);
        const most = Math.max(...counts);
        expect(r.verdict === "depends", `${r.id} ${JSON.stringify(r.ensemble.split)}`).toBe(most < FINDING_SHARE * 50);
        if (r.verdict !== "depends") expect(r.ensemble.split[r.verdict], r.id).toBe(most);
      }
      // The tally counts every comparison once.
      expect(Object.values(ev.tally).reduce((a, b) => a + b, 0)).toBe(CROSSWALK.length);
    }
  });

  it("gives each draw the verdict that draw alone gives (the ensemble only aggregates)", () => {
    const selection = applyFilter(survey, LARGE);
    const views = selection.draws()?.map((d) => d.view) ?? [];
    const ev = evaluateCrosswalk(selection.view, { codebook: survey.codebook, thesis, draws: views });
    const alone = views.map((v) => evaluateCrosswalk(v, { codebook: survey.codebook, thesis }));
    for (const r of ev.results) {
      const split: Partial<Record<string, number>> = {};
      for (const a of alone) {
        const v = a.results.find((k) => k.id === r.id)?.drawVerdict ?? "?";
        split[v] = (split[v] ?? 0) + 1;
      }
      expect(r.ensemble.split, r.id).toEqual(split);
    }
  });

  it("counts on typed arrays exactly what the statistics kernels count, for every comparison, filter and several draws", () => {
    for (const filter of [EMPTY_FILTER, LARGE, { ...EMPTY_FILTER, fylke: [3] }]) {
      const draws = applyFilter(survey, filter).draws() ?? [];
      for (const k of [0, 7, 33, 49]) {
        const draw = draws[k];
        if (!draw) throw new Error(`no draw ${k}`);
        const counter = crosswalkCounter(draw.view);
        for (const c of CROSSWALK) {
          const m = c.measure;
          const plan = planComparison(c);
          if (m.kind === "correlation" || !plan) continue;
          const where = restrictionConditions(m.among);
          const groups = m.kind === "groups" ? [m.a.codes, m.b.codes] : m.kind === "size-trend" ? [[1], [2], [3], [4], [5], [6]] : [null];
          const by = m.kind === "groups" ? m.by : "size_class";
          const fast = counter.count(plan);
          groups.forEach((codes, i) => {
            const kernel = auditCount(draw.view, m.outcome, codes ? [...where, { variable: by, codes }] : where, survey.codebook);
            expect([fast[i]?.x, fast[i]?.n], `${c.id} group ${i} draw ${k}`).toEqual([kernel.x, kernel.n]);
          });
        }
        // The one correlation: its sums give the kernel's r.
        const tm = byId("top-management").measure;
        if (tm.kind !== "correlation") throw new Error("top-management is a correlation");
        const where = [{ variable: tm.x.variable, codes: tm.x.valid }, { variable: tm.y.variable, codes: tm.y.valid }];
        const s = counter.pairs(tm.x.variable, tm.y.variable, where);
        const kernel = stats.pearson(draw.view, tm.x.variable, tm.y.variable, { codebook: survey.codebook, where });
        expect(s.n).toBe(kernel.n);
        const r = stats.correlationFromSums(s.n, s.sx, s.sy, s.sxx, s.syy, s.sxy).r;
        if (kernel.r === null) expect(r).toBeNull();
        else expect(r ?? Number.NaN).toBeCloseTo(kernel.r, 12);
      }
    }
  });

  it("computes the closed-form 2×2 χ² as the statistics core's χ²", () => {
    for (const t of [[15, 5, 5, 15], [3, 17, 9, 11], [0, 4, 4, 13], [40, 2, 31, 7]] as const) {
      const core = stats.chiSquareTests([[t[0], t[1]], [t[2], t[3]]]).pearson;
      const mine = pearson2x2(t[0], t[1], t[2], t[3]);
      expect(mine.value ?? Number.NaN).toBeCloseTo(core.value ?? Number.NaN, 10);
      expect(mine.p ?? Number.NaN).toBeCloseTo(core.p ?? Number.NaN, 12);
    }
    expect(pearson2x2(0, 0, 3, 4)).toEqual({ value: null, p: null });
  });

  it("marks every verdict 'your data' on a file without reconstructions, through the builtin too", () => {
    const own = evaluateCrosswalk(survey.table, { codebook: survey.codebook, thesis });
    expect(own.basis).toBe("your-data");
    expect(own.draws).toBe(1);
    for (const r of own.results) expect(r.ensemble.evidence.kind, r.id).toBe("your-data");
    const { crosswalk } = createCrosswalkBuiltins(nodeHost());
    if (typeof crosswalk !== "object" || crosswalk === null || !("evaluate" in crosswalk) || typeof crosswalk.evaluate !== "function") throw new Error("crosswalk.evaluate missing");
    // The same rows as a loaded file: a survey with no draws.
    const file: Survey = { ...survey, draws: undefined };
    const viaBuiltin: unknown = crosswalk.evaluate(applyFilter(file, EMPTY_FILTER), thesis);
    const results: ComparisonResult[] = typeof viaBuiltin === "object" && viaBuiltin !== null && "results" in viaBuiltin && Array.isArray(viaBuiltin.results) ? viaBuiltin.results : [];
    expect(results).toHaveLength(CROSSWALK.length);
    expect(results[0]?.explanation).toContain("Beregnet på dine data (ingen rekonstruksjoner).");
    expect(evaluateCrosswalk(survey.table, { codebook: survey.codebook, thesis, locale: "en" }).results[0]?.explanation).toContain("Computed on your data (no reconstructions).");
  });
});

describe("ensembleVerdict", () => {
  const series = (verdicts: DrawVerdict[], key: (number | null)[], p: (number | null)[], q = p) => ensembleVerdict({ verdicts, key, p, q }, true);
  const same = <T>(value: T, n = 50): T[] => Array.from({ length: n }, () => value);

  it("states the verdict at 48 of 50 and depends at 47", () => {
    expect(series([...same<DrawVerdict>("agrees", 48), "open", "open"], same(0.6), same(0.01)).verdict).toBe("agrees");
    const e = series([...same<DrawVerdict>("agrees", 47), "open", "open", "open"], same(0.6), same(0.01));
    expect([e.verdict, e.modal, e.k, e.split]).toEqual(["depends", "agrees", 47, { agrees: 47, open: 3 }]);
  });

  it("is determined when the figure and its p are the same in every draw, else shows the figure's range", () => {
    expect(series(same<DrawVerdict>("agrees"), same(0.6), same(0.01)).evidence).toEqual({ kind: "determined", draws: 50 });
    const varied = series(same<DrawVerdict>("agrees"), [0.55, ...same(0.6, 48), 0.7], same(0.01));
    expect(varied.evidence).toEqual({ kind: "reconstruction", draws: 50, range: { min: 0.55, max: 0.7 } });
    // The same share on a moving base: no range for the figure, but not determined either.
    expect(series(same<DrawVerdict>("agrees"), same(0.6), [0.01, ...same(0.02, 49)]).evidence).toEqual({ kind: "reconstruction", draws: 50 });
  });

  it("keeps the range of q when only Benjamini–Hochberg moves a determined comparison", () => {
    const e = series([...same<DrawVerdict>("open", 40), ...same<DrawVerdict>("agrees", 10)], same(0.195), same(0.037), [...same(0.0502, 40), ...same(0.045, 10)]);
    expect([e.verdict, e.evidence.kind, e.qRange]).toEqual(["depends", "determined", { min: 0.045, max: 0.0502 }]);
  });

  it("is 'your data' without reconstructions", () => {
    expect(ensembleVerdict({ verdicts: ["agrees"], key: [0.6], p: [0.01], q: [0.01] }, false)).toMatchObject({ verdict: "agrees", draws: 1, evidence: { kind: "your-data" } });
  });
});

describe("MeasuredDrawsCache", () => {
  it("keeps a selection's measurements per survey, thesis and filter, the oldest going first", () => {
    const cache = new MeasuredDrawsCache(2);
    const survey = {};
    // A thesis whose later figure for a diffusion comparison differs is measured apart (the figure enters the measurement).
    const other: ThesisData = { ...thesis, numbers: thesis.numbers.map((n) => (n.id === "bms-2004" ? { ...n, value: n.value + 1 } : n)) };
    let made = 0;
    const make = () => ({ first: [], figures: drawFigures(0, []), ensemble: true, made: ++made });
    const a = cache.get(survey, thesis, filterKey({ ...EMPTY_FILTER, sizeClass: [4, 5] }), make);
    // The same filter ticked in another order is the same selection.
    expect(cache.get(survey, thesis, filterKey({ ...EMPTY_FILTER, sizeClass: [5, 4] }), make)).toBe(a);
    expect(cache.get(survey, other, filterKey({ ...EMPTY_FILTER, sizeClass: [4, 5] }), make)).not.toBe(a);
    cache.get(survey, thesis, filterKey(EMPTY_FILTER), make);
    cache.get(survey, thesis, filterKey(LARGE), make);
    // Three filters with room for two: the first is gone and is measured again.
    expect(cache.get(survey, thesis, filterKey({ ...EMPTY_FILTER, sizeClass: [4, 5] }), make)).not.toBe(a);
    expect(made).toBe(5);
  });

  it("finds a thesis parsed again from the same file by what of it enters a measurement, not by the object", () => {
    const cache = new MeasuredDrawsCache();
    const survey = {};
    const again = parseThesis(JSON.parse(readFileSync(resolve(repo, "data/thesis-2016/thesis.json"), "utf8")));
    expect(again).not.toBe(thesis);
    const kept = cache.get(survey, thesis, filterKey(EMPTY_FILTER), () => ({ first: [], figures: drawFigures(0, []), ensemble: true }));
    expect(cache.has(survey, again, filterKey(EMPTY_FILTER))).toBe(true);
    expect(cache.get(survey, again, filterKey(EMPTY_FILTER), () => ({ first: [], figures: drawFigures(0, []), ensemble: true }))).toBe(kept);
    expect(cache.has({}, again, filterKey(EMPTY_FILTER))).toBe(false);
    // Every later figure a diffusion comparison reads is in the key.
    expect(thesisKey(thesis)).toContain('"bms-2004"');
    expect(thesisKey(thesis)).toContain('"bms-using-or-planning"');
  });
});
