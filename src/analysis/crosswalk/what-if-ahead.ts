/**
 * The what-if's sides measured ahead of the cell that diffs them (issue 12: notebook 06 after a
 * filter change). 06's what-if compares the filter with size classes 1–3 against it with 4–6
 * (`crosswalk.diff`, "keeping the rest of the filter"); under a new filter its cell measured both
 * sides on every reconstruction in its own run — with the judging and the drawing one task of
 * 35–90 ms, the longest of the change (traced at 1.15 s after settling). The evaluation, which
 * runs first, now hands that measurement over (`AnalysisHost.warm`: steps of one reconstruction,
 * run in slices between the other tasks) and the what-if finds both sides kept.
 *
 * Surprising, and why it is safe: the sides are predicted, not known. What a side set apart from
 * the filter last evaluated when the what-if last ran (06: the size classes) is laid over the new
 * filter. A wrong guess costs only the work: the measurements are kept under their own filter's key
 * (selection-steps.ts), so the what-if measures whatever it asks for that is not kept, and its
 * values are the same either way. Nothing is predicted before the first diff.
 */
import type { SurveyFilter } from "../../data/survey-filter";
import type { ThesisData } from "../../data/thesis";
import type { Survey } from "../survey";
import { selectionSteps } from "./selection-steps";

/**
 * The name the work is handed over under (`AnalysisHost.warm`): the cells that read it wait for the
 * sides. A what-if whose sides follow the filter reads `filter` (06: `{...filter, sizeClass}`); the
 * evaluation, the crosswalk table and the timeline read `selection` and do not wait, nor does the
 * next change's evaluation wait for this change's sides. Under `crosswalk`, which every 06 cell
 * reads, the table and the timeline waited too (bench, 06's values settled ×1.23 in one run of two).
 */
export const WHAT_IF_WAITS_FOR = "filter";

/** The parts of a filter, each a list of codes. */
const PARTS = ["fylke", "sizeClass", "respType", "adopted"] as const;

/** A part of a filter as a key: the same codes in any order give the same key (a part a cell left out: none). */
const partKey = (codes: unknown): string => (Array.isArray(codes) ? JSON.stringify([...codes].sort()) : "[]");

/** The parts of `side` that differ from `base`: what the side sets itself. */
export function ownParts(side: SurveyFilter, base: SurveyFilter): Partial<SurveyFilter> {
  const own: Partial<SurveyFilter> = {};
  for (const part of PARTS) if (partKey(side[part]) !== partKey(base[part])) Object.assign(own, { [part]: side[part] });
  return own;
}

/** What the what-if last diffed, and the steps that measure its sides under the next filter. */
export class WhatIfAhead {
  /** The filter of the last evaluation. */
  private base: SurveyFilter | undefined;
  /** What each side of the last diff set apart from `base`. */
  private sides: Partial<SurveyFilter>[] = [];

  /** `crosswalk.diff` was asked for `sides` (their filters): what each sets apart from the last evaluation's filter is kept. */
  diffed(sides: readonly SurveyFilter[]): void {
    const base = this.base;
    if (base) this.sides = sides.map((side) => ownParts(side, base));
  }

  /**
   * `crosswalk.evaluate` ran under `filter` with `thesis`: the steps that measure the sides the
   * last diff would ask for under it, one reconstruction a step (undefined before any diff).
   */
  evaluated(survey: Survey, thesis: ThesisData, filter: SurveyFilter): Iterator<void> | undefined {
    this.base = filter;
    if (this.sides.length === 0) return undefined;
    return eachStep(this.sides.flatMap((own) => selectionSteps(survey, thesis, { ...filter, ...own })));
  }
}

/** `steps` as the iterator `AnalysisHost.warm` takes: each `next()` runs one. */
function* eachStep(steps: readonly (() => void)[]): Generator<void, void, undefined> {
  for (const step of steps) {
    step();
    yield;
  }
}
