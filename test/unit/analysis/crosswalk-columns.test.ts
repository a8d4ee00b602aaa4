/**
 * The crosswalk measured in one pass over the draws (each draw's figures written into typed
 * columns, a measurement made once per distinct counts) against the path it replaced (crosswalk-old-path.ts: every draw's
 * measurements kept as objects and gathered one row at a time). Every figure of every row — the
 * verdict, its split and evidence, the numbers, p and q, the words and audit line, the report's
 * base, the what-if's difference and its test — and the tables drawn from them must be the same,
 * in both languages, under filters that select many, few and no respondents. The comparison is
 * shown to catch a mix-up of the draws: the draws reversed, draw 0 in every place, and one
 * what-if side's draws out of step with the other's.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseHTML } from "linkedom";
import { beforeAll, describe, expect, it } from "vitest";
import { applyFilter } from "../../../src/analysis/apply-filter";
import { diffCrosswalk, SMALL_VS_LARGE } from "../../../src/analysis/crosswalk/crosswalk-diff";
import { CROSSWALK } from "../../../src/analysis/crosswalk/crosswalk-spec";
import { renderCrosswalkTable, renderDiffTable } from "../../../src/analysis/crosswalk/crosswalk-table";
import { evaluateCrosswalk } from "../../../src/analysis/crosswalk/evaluate-crosswalk";
import { createCrosswalkBuiltins } from "../../../src/analysis/crosswalk/crosswalk-builtins";
import type { Survey } from "../../../src/analysis/survey";
import { loadSurvey } from "../../../src/analysis/survey-source";
import type { Locale } from "../../../src/base/locale/locale";
import { EMPTY_FILTER, type SurveyFilter } from "../../../src/data/survey-filter";
import { parseThesis } from "../../../src/data/thesis";
import type { ColumnSource } from "../../../src/stats/index";
import { nodeHost } from "../notebooks/headless-survey";
import { oldDiffCrosswalk, oldEvaluateCrosswalk } from "./crosswalk-old-path";

const repo = resolve(__dirname, "../../..");
const thesis = parseThesis(JSON.parse(readFileSync(resolve(repo, "data/thesis-2016/thesis.json"), "utf8")));
const { document } = parseHTML("<!doctype html><html><body></body></html>");

/** Many, few and no respondents: all, a county, large municipalities, a small county with large ones (a handful), county authorities, a county that does not exist (none). */
const FILTERS: [string, SurveyFilter][] = [
  ["all respondents", EMPTY_FILTER],
  ["Rogaland", { ...EMPTY_FILTER, fylke: [11] }],
  ["size classes 4–6", { ...EMPTY_FILTER, sizeClass: [4, 5, 6] }],
  ["Finnmark, size classes 4–6", { ...EMPTY_FILTER, fylke: [20], sizeClass: [4, 5, 6] }],
  ["county authorities, BMS adopted", { ...EMPTY_FILTER, respType: [2], adopted: ["q20"] }],
  ["no respondents", { ...EMPTY_FILTER, fylke: [13] }],
];
const LOCALES: Locale[] = ["nb", "en"];

/**
 * Where two values differ, as paths ("results.3.ensemble.k"): numbers by Object.is (NaN equals
 * NaN, nothing is rounded), objects by every own enumerable key (getters read), DOM by its HTML.
 */
function differences(a: unknown, b: unknown, path = "", out: string[] = []): string[] {
  if (out.length > 20) return out;
  if (typeof a === "number" && typeof b === "number") {
    if (!Object.is(a, b)) out.push(`${path}: ${a} ≠ ${b}`);
    return out;
  }
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) {
    if (a !== b) out.push(`${path}: ${String(a)} ≠ ${String(b)}`);
    return out;
  }
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) differences(Reflect.get(a, key), Reflect.get(b, key), path ? `${path}.${key}` : key, out);
  return out;
}

describe("the crosswalk in one pass over the draws against the row-at-a-time path", () => {
  let survey: Survey;
  beforeAll(async () => {
    survey = await loadSurvey(nodeHost());
  });
  const selectionOf = (filter: SurveyFilter, locale: Locale = "nb") => {
    const selection = applyFilter(survey, filter, { locale });
    return { view: selection.view, draws: selection.draws()?.map((d) => d.view) ?? [] };
  };
  const options = (locale: Locale, draws: readonly ColumnSource[]) => ({ codebook: survey.codebook, thesis, locale, draws });

  /** Evaluation and table, new path, against the old path on the same selection. */
  const evaluationDifferences = (filter: SurveyFilter, locale: Locale, newDraws?: (draws: readonly ColumnSource[]) => readonly ColumnSource[]): string[] => {
    const { view, draws } = selectionOf(filter);
    const fresh = evaluateCrosswalk(view, options(locale, newDraws ? newDraws(draws) : draws));
    const old = oldEvaluateCrosswalk(view, CROSSWALK, options(locale, draws));
    const table = (e: typeof old): string => renderCrosswalkTable(document, e, "caption", { mask: false, locale }).outerHTML;
    return [...differences(fresh, old), ...(table(fresh) === table(old) ? [] : ["the table's HTML"])];
  };

  for (const [label, filter] of FILTERS) {
    it(`gives every row's figures and words as before: ${label}, norsk and English`, () => {
      for (const locale of LOCALES) expect(evaluationDifferences(filter, locale), `${label}, ${locale}`).toEqual([]);
    });
  }

  it("gives the what-if (small against large) as before under each filter, norsk and English", () => {
    for (const [label, filter] of FILTERS) {
      for (const locale of LOCALES) {
        const sides = SMALL_VS_LARGE.map((state) => ({ label: state.label ?? "", ...selectionOf({ ...filter, sizeClass: state.filter.sizeClass }) }));
        const [a, b] = sides.map((s) => ({ label: s.label, data: s.view, draws: s.draws }));
        if (!a || !b) throw new Error("SMALL_VS_LARGE has two sides");
        const opts = { codebook: survey.codebook, thesis, locale };
        const fresh = diffCrosswalk(a, b, opts);
        const old = oldDiffCrosswalk(a, b, CROSSWALK, opts);
        expect(differences(fresh, old), `${label}, ${locale}`).toEqual([]);
        expect(renderDiffTable(document, fresh, { mask: false, locale }).outerHTML).toBe(renderDiffTable(document, old, { mask: false, locale }).outerHTML);
      }
    }
  });

  it("catches the draws reversed and draw 0 in every place", () => {
    const filter = FILTERS[1]?.[1] ?? EMPTY_FILTER;
    expect(evaluationDifferences(filter, "en", (draws) => [...draws].reverse()).length).toBeGreaterThan(0);
    const drawZero = (draws: readonly ColumnSource[]): ColumnSource[] => draws.flatMap(() => draws.slice(0, 1));
    expect(evaluationDifferences(filter, "en", drawZero).length).toBeGreaterThan(0);
    // Unfiltered, too: the figures the print determines are the same in every draw, the others are not.
    expect(evaluationDifferences(EMPTY_FILTER, "nb", drawZero).length).toBeGreaterThan(0);
  });

  it("catches one what-if side's draws out of step with the other's", () => {
    const [a, b] = SMALL_VS_LARGE.map((state) => ({ label: state.label ?? "", ...selectionOf({ ...EMPTY_FILTER, sizeClass: state.filter.sizeClass }) })).map((s) => ({ label: s.label, data: s.view, draws: s.draws }));
    if (!a || !b) throw new Error("SMALL_VS_LARGE has two sides");
    const opts = { codebook: survey.codebook, thesis, locale: "en" as const };
    const old = oldDiffCrosswalk(a, b, CROSSWALK, opts);
    // Draw 0 stays first; draws 1… of side B in reverse: each draw of A is tested against another draw of B.
    const shifted = { ...b, draws: [b.draws[0] ?? b.data, ...b.draws.slice(1).reverse()] };
    expect(differences(diffCrosswalk(a, shifted, opts), old).length).toBeGreaterThan(0);
  });

  it("measures a what-if side in the builtin on the same draws as applyFilter gives, and reads no draws for a side it keeps", () => {
    // The survey as the builtin sees it, counting how often its reconstructions are asked for.
    let drawReads = 0;
    const counted = new Proxy(survey, {
      get(target, key, receiver) {
        if (key === "draws") drawReads++;
        return Reflect.get(target, key, receiver);
      },
    });
    const { crosswalk } = createCrosswalkBuiltins({ ...nodeHost(), locale: "en" });
    const [small, large] = SMALL_VS_LARGE;
    if (!small || !large) throw new Error("SMALL_VS_LARGE has two sides");
    for (const [label, filter] of FILTERS.slice(0, 4)) {
      const states = [small, large].map((s) => ({ label: s.label ?? "", filter: { ...filter, sizeClass: s.filter.sizeClass } }));
      const [a, b] = states;
      if (!a || !b) throw new Error("two states");
      const viaBuiltin = crosswalk.diff(counted, a, b, thesis);
      // The old way: each side a full selection, its draws from applyFilter on every reconstruction.
      const [sa, sb] = states.map((s) => ({ label: s.label, ...selectionOf(s.filter, "en") })).map((s) => ({ label: s.label, data: s.view, draws: s.draws }));
      if (!sa || !sb) throw new Error("two sides");
      const old = oldDiffCrosswalk(sa, sb, CROSSWALK, { codebook: survey.codebook, thesis, locale: "en" });
      expect(differences(viaBuiltin.map(({ disclosureSensitive: _d, ...rest }) => rest), old), label).toEqual([]);
      const before = drawReads;
      crosswalk.diff(counted, a, b, thesis);
      expect(drawReads - before, `${label}: both sides kept`).toBe(0);
    }
  });
});

