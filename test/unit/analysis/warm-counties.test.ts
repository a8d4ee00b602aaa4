/**
 * Each county's evidence made ahead in the open notebook's idle time (evidence/warm-counties.ts,
 * compare-evidence.ts `classifyAhead`): a comparison under a county then reads it and filters no
 * reconstruction, gives the same figures and classes as a fresh survey computing them itself, and
 * the work ahead pushes none of the reader's own filters out of their store.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { applyFilter, type FilteredSurvey } from "../../../src/analysis/apply-filter";
import { comparePrintedWithEvidence, comparedTables } from "../../../src/analysis/evidence/compare-evidence";
import { FILTERS_KEPT } from "../../../src/analysis/evidence/frame-counter";
import { countyWarmSteps } from "../../../src/analysis/evidence/warm-counties";
import type { Survey } from "../../../src/analysis/survey";
import { loadSurvey, primeBundledSurvey } from "../../../src/analysis/survey-source";
import { SURVEY_PATHS } from "../../../src/data/bundled-survey";
import { COUNTIES_1999 } from "../../../src/data/counties";
import type { PrintedTable } from "../../../src/data/printed-tables";
import { EMPTY_FILTER, type SurveyFilter } from "../../../src/data/survey-filter";
import { nodeHost } from "../notebooks/headless-survey";
import { DRAWS_AHEAD_PER_STEP } from "../../../src/analysis/work-ahead";

/**
 * Steps per printed table of a county: the comparison and plan with the first reconstructions, then
 * `DRAWS_AHEAD_PER_STEP` of the other 49 a step; and one per county to filter its reconstructions.
 */
const STEPS_PER_TABLE = 1 + Math.ceil(49 / DRAWS_AHEAD_PER_STEP);

/** Notebook 01's tables (the cells t21 … t29). */
const OVERVIEW = ["2.1", "2.2", "2.5", "2.6", "2.7", "2.8", "2.9"];

let warmed: Survey;
let fresh: Survey;
let steps = 0;
beforeAll(async () => {
  [warmed, fresh] = await Promise.all([loadSurvey(nodeHost()), loadSurvey(nodeHost())]);
  // The notebook's first run compares its tables unfiltered; then the frame works ahead.
  const all = applyFilter(warmed, EMPTY_FILTER);
  for (const id of OVERVIEW) comparePrintedWithEvidence(all, printedTable(warmed, id));
  for (const step of countyWarmSteps(warmed)) {
    step();
    steps++;
  }
}, 60_000);

function printedTable(survey: Survey, id: string): PrintedTable {
  const table = survey.printed?.tables.find((t) => t.id === id);
  if (!table) throw new Error(`no Tabell ${id}`);
  return table;
}

/** `selection` as a new object whose `draws()` counts its calls (a comparison filters the reconstructions through it). */
function counted(selection: FilteredSurvey): { selection: FilteredSurvey; calls: () => number } {
  let calls = 0;
  return {
    selection: { ...selection, draws: () => (calls++, selection.draws()) },
    calls: () => calls,
  };
}

/** The steps of `countyWarmSteps(survey)`, each run before the next is asked for (as the host does). */
function ranSteps(survey: Survey): number {
  let n = 0;
  for (const step of countyWarmSteps(survey)) {
    step();
    n++;
  }
  return n;
}

const county = (fylke: number): SurveyFilter => ({ ...EMPTY_FILTER, fylke: [fylke] });

describe("each county's evidence made ahead", () => {
  it("is a few steps per county and printed table compared (a few reconstructions each), none for a survey without an ensemble", () => {
    expect(comparedTables(warmed).size).toBe(OVERVIEW.length);
    expect(steps).toBe(COUNTIES_1999.length * (1 + OVERVIEW.length * STEPS_PER_TABLE));
    const own: Survey = { ...fresh, draws: undefined };
    expect([...countyWarmSteps(own)]).toHaveLength(0);
  });

  it("is read by a comparison under that county, which filters no reconstruction", () => {
    for (const { fylke } of COUNTIES_1999) {
      const { selection, calls } = counted(applyFilter(warmed, county(fylke), { locale: "en" }));
      for (const id of OVERVIEW) comparePrintedWithEvidence(selection, printedTable(warmed, id));
      expect(calls(), `county ${fylke}`).toBe(0);
    }
    // A filter not worked ahead is classified over the reconstructions, as before.
    const { selection, calls } = counted(applyFilter(warmed, { ...county(11), sizeClass: [1, 2] }));
    comparePrintedWithEvidence(selection, printedTable(warmed, "2.1"));
    expect(calls()).toBeGreaterThan(0);
  });

  it("gives every county the figures and classes a fresh survey computes itself, in both languages", () => {
    for (const { fylke } of COUNTIES_1999) {
      for (const locale of ["nb", "en"] as const) {
        const got = applyFilter(warmed, county(fylke), { locale });
        const want = applyFilter(fresh, county(fylke), { locale });
        for (const id of OVERVIEW) {
          const a = comparePrintedWithEvidence(got, printedTable(warmed, id));
          const b = comparePrintedWithEvidence(want, printedTable(fresh, id));
          expect(a.rows, `county ${fylke} Tabell ${id}`).toEqual(b.rows);
          expect(a.drawn).toBe(b.drawn);
          expect(a.n).toBe(b.n);
        }
      }
    }
    // Not all alike: a county's figures rest on the reconstruction, with ranges across the draws.
    const rogaland = comparePrintedWithEvidence(applyFilter(warmed, county(11)), printedTable(warmed, "2.1"));
    expect(rogaland.rows.flatMap((r) => r.cells).some((c) => c.evidence?.percent.kind === "reconstruction" && c.evidence.percent.range !== undefined)).toBe(true);
  }, 60_000);

  it("is never read for a county combined with another condition: those are classified afresh, as a fresh survey does", () => {
    // A county with a size class, a type, "has adopted", or two counties: the conditions are not
    // the county's alone, so what was made ahead for it must not be served (a stale or wrong read).
    const combined: SurveyFilter[] = [
      { ...county(11), sizeClass: [5] },
      { ...county(11), respType: [1] },
      { ...county(11), adopted: ["q20"] },
      { ...county(11), fylke: [11, 12] },
      { ...county(3), sizeClass: [1, 2], respType: [2], adopted: ["q3"] },
    ];
    for (const filter of combined) {
      for (const locale of ["nb", "en"] as const) {
        const { selection, calls } = counted(applyFilter(warmed, filter, { locale }));
        const want = applyFilter(fresh, filter, { locale });
        for (const id of ["2.1", "2.6"]) {
          const a = comparePrintedWithEvidence(selection, printedTable(warmed, id));
          const b = comparePrintedWithEvidence(want, printedTable(fresh, id));
          expect(a.rows, `${JSON.stringify(filter)} Tabell ${id}`).toEqual(b.rows);
          expect(a.n).toBe(b.n);
        }
        // In one language the classes are counted over the reconstructions; the other reads them kept.
        if (locale === "nb") expect(calls(), JSON.stringify(filter)).toBeGreaterThan(0);
      }
    }
  });

  it("is not asked of the tables a spare frame compares before any notebook opens in it", async () => {
    const host = nodeHost();
    const files = new Map(await Promise.all(Object.values(SURVEY_PATHS).map(async (path) => [path, await host.readBytes(path)] as const)));
    const primed = primeBundledSurvey(files);
    await primed.warmed;
    const survey = await primed.survey;
    // The spare compared every printed table on every draw (warm-evidence.ts) …
    expect(survey.printed?.tables.length).toBeGreaterThan(20);
    // … and notes none: the notebook that opens in it works ahead only on what it compares.
    expect(comparedTables(survey).size).toBe(0);
    expect(ranSteps(survey)).toBe(0);
    comparePrintedWithEvidence(applyFilter(survey, EMPTY_FILTER), printedTable(survey, "2.1"));
    expect(ranSteps(survey)).toBe(COUNTIES_1999.length * (1 + STEPS_PER_TABLE));
  }, 60_000);

  it("pushes none of the reader's own filters out of their store", () => {
    // A table compared later (a step per county more; a list of names, which has no figures to
    // compare, is not worked ahead) …
    const all = applyFilter(warmed, EMPTY_FILTER);
    comparePrintedWithEvidence(all, printedTable(warmed, "2.4"));
    expect(() => comparePrintedWithEvidence(all, printedTable(warmed, "2.3"))).toThrow(/list of named municipalities/);
    // … the reader's last FILTERS_KEPT filters (size classes and types, not counties alone) …
    const own: SurveyFilter[] = [];
    for (const sizeClass of [1, 2, 3, 4, 5, 6]) for (const respType of [[], [1], [2]]) own.push({ ...EMPTY_FILTER, sizeClass: [sizeClass], respType });
    const mine = own.slice(0, FILTERS_KEPT);
    for (const filter of mine) comparePrintedWithEvidence(applyFilter(warmed, filter), printedTable(warmed, "2.1"));
    // … then the frame works ahead again.
    let more = 0;
    for (const step of countyWarmSteps(warmed)) {
      step();
      more++;
    }
    // (the tables made ahead already are one step each: nothing to make)
    expect(more).toBe(COUNTIES_1999.length * (1 + OVERVIEW.length + STEPS_PER_TABLE));
    for (const filter of mine) {
      const { selection, calls } = counted(applyFilter(warmed, filter));
      comparePrintedWithEvidence(selection, printedTable(warmed, "2.1"));
      expect(calls(), JSON.stringify(filter)).toBe(0);
    }
  });
});
