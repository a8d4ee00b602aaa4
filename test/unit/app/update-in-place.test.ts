/**
 * A crosswalk table drawn again updates the shown one in place (components/update-in-place.ts, issue
 * 12). After every step of several filter sequences the shown table's markup is exactly a fresh
 * render's for the same inputs — counts masked in a shared view, the evidence marks and verdicts,
 * rows of the what-if table as its sides change — and the rows present before and after are the
 * same elements (a rebuilt table fails). The audit, written when a row's details is opened, is the
 * new filter's in a kept row. The new drawing itself is left whole: it is the cell's value, shown
 * as it is when the output is drawn again. Only the crosswalk's tables are updated: `renderTable`'s
 * (05's adopters) and a notebook's own are left to be replaced.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { applyFilter } from "../../../src/analysis/apply-filter";
import { evaluateCrosswalk } from "../../../src/analysis/crosswalk/evaluate-crosswalk";
import { renderCrosswalkTable, renderDiffTable } from "../../../src/analysis/crosswalk/crosswalk-table";
import { diffCrosswalk, SMALL_VS_LARGE } from "../../../src/analysis/crosswalk/crosswalk-diff";
import { renderTable, type PlainTable } from "../../../src/analysis/render-table";
import type { Survey } from "../../../src/analysis/survey";
import { loadSurvey } from "../../../src/analysis/survey-source";
import { EMPTY_FILTER, type SurveyFilter } from "../../../src/data/survey-filter";
import { updateInPlace } from "../../../src/components/update-in-place";
import { nodeHost } from "../notebooks/headless-survey";

let survey: Survey;
beforeAll(async () => {
  survey = await loadSurvey(nodeHost());
});

/** The body rows of a drawing by their key (data-id, else first cell's text), as elements. */
function rowsByKey(drawing: Element): Map<string, Element> {
  return new Map([...drawing.querySelectorAll("tbody > tr")].map((tr) => [tr.getAttribute("data-id") ?? tr.firstElementChild?.textContent ?? "", tr]));
}

/**
 * Show the first drawing, then update it with each next one; after each step the shown markup must
 * equal `draw(step)` drawn afresh, rows kept by key must be the same elements, and the new drawing
 * must be untouched. Returns the rows kept and the rows there were, over all steps.
 */
function follow<S>(steps: readonly S[], draw: (step: S) => Element): { kept: number; shared: number } {
  const [first, ...rest] = steps;
  if (first === undefined) throw new Error("no steps");
  const shown = draw(first);
  const host = shown.ownerDocument.createElement("div");
  host.append(shown);
  let kept = 0;
  let shared = 0;
  for (const step of rest) {
    const before = rowsByKey(shown);
    const fresh = draw(step);
    const freshHtml = fresh.outerHTML;
    expect(updateInPlace(shown, fresh)).toBe(true);
    expect(host.firstElementChild).toBe(shown);
    expect(shown.outerHTML).toBe(draw(step).outerHTML);
    expect(fresh.outerHTML, "the new drawing is left whole").toBe(freshHtml);
    for (const [key, row] of rowsByKey(shown)) {
      const old = before.get(key);
      if (!old) continue;
      shared++;
      if (old === row) kept++;
    }
  }
  return { kept, shared };
}

/** 05's adopters table: the named municipalities matching a county filter, with a count column for the guard. */
function adoptersTable(fylke: readonly number[]): PlainTable {
  const byKnr = new Map<string, { knr: string; name: string; fylkeName: string; fylke: number; models: Set<string> }>();
  for (const a of survey.adopters) {
    const m = byKnr.get(a.knr) ?? { knr: a.knr, name: a.name, fylkeName: a.fylkeName, fylke: a.fylke, models: new Set<string>() };
    m.models.add(a.model);
    byKnr.set(a.knr, m);
  }
  const listed = [...byKnr.values()].filter((m) => fylke.length === 0 || fylke.includes(m.fylke)).sort((a, b) => a.fylke - b.fylke || a.name.localeCompare(b.name, "nb"));
  return {
    caption: "Named municipalities",
    columns: [{ key: "knr", label: "Knr" }, { key: "name", label: "Name" }, { key: "fylkeName", label: "County" }, { key: "models", label: "Models", count: true }, { key: "list", label: "Listed" }],
    rows: listed.map((m) => ({ knr: m.knr, name: m.name, fylkeName: m.fylkeName, models: m.models.size, list: [...m.models].sort().join(", ") })),
    audit: `N = ${listed.length} of ${byKnr.size} named · filters: ${fylke.join(", ") || "none"} · missing excluded: none · test: none`,
    disclosureSensitive: fylke.length > 0,
  };
}

describe("a table updated in place", () => {
  it("equals a fresh render of the crosswalk under each filter (masked in a shared view), keeps every row, and a kept row's audit is the new filter's", () => {
    const { document } = nodeHost();
    const evaluation = (filter: SurveyFilter) => evaluateCrosswalk(applyFilter(survey, filter, { locale: "en" }).view, { codebook: survey.codebook, locale: "en" });
    const steps: { filter: SurveyFilter; mask: boolean }[] = [
      { filter: EMPTY_FILTER, mask: false },
      { filter: { ...EMPTY_FILTER, fylke: [11] }, mask: false },
      { filter: { ...EMPTY_FILTER, fylke: [11], sizeClass: [1] }, mask: true },
      { filter: { ...EMPTY_FILTER, fylke: [12] }, mask: true },
      { filter: EMPTY_FILTER, mask: false },
    ];
    const evaluations = steps.map((s) => evaluation(s.filter));
    const draw = (i: number): Element => {
      const at = evaluations[i];
      if (!at) throw new Error(`no step ${i}`);
      return renderCrosswalkTable(document, at, `Thesis findings — ${i}`, { mask: steps[i]?.mask === true, locale: "en" });
    };
    const order = steps.map((_, i) => i);
    const { kept, shared } = follow(order, draw);
    expect(shared).toBe(4 * (evaluations[0]?.results.length ?? 0));
    expect(shared).toBeGreaterThan(40);
    expect(kept).toBe(shared);
    expect(order.some((i) => draw(i).textContent?.includes("< 3")), "a masked count among the steps").toBe(true);

    // The audit of a kept row is written from the drawing it now stands for.
    const shown = draw(0);
    for (const i of [1, 2]) {
      expect(updateInPlace(shown, draw(i))).toBe(true);
      const fresh = draw(i);
      const open = (root: Element): string[] =>
        [...root.querySelectorAll("details")].map((details) => {
          details.setAttribute("open", "");
          details.dispatchEvent(new (document.defaultView?.Event ?? Event)("toggle"));
          return details.querySelector(".cw-audit")?.textContent ?? "";
        });
      const audits = open(shown);
      expect(audits.filter(Boolean).length).toBeGreaterThan(10);
      expect(audits).toEqual(open(fresh));
    }
  });

  it("equals a fresh render of the what-if table as its sides change (masked in a shared view), keeping every row", () => {
    const { document } = nodeHost();
    const diffs = (filter: SurveyFilter) => {
      const [a, b] = SMALL_VS_LARGE.map((state) => {
        const side = applyFilter(survey, { ...filter, sizeClass: state.filter.sizeClass }, { locale: "en" });
        return { label: state.label ?? "", data: side.view };
      });
      if (!a || !b) throw new Error("no sides");
      return diffCrosswalk(a, b, { codebook: survey.codebook, locale: "en" });
    };
    const steps = [
      { filter: EMPTY_FILTER, mask: false },
      { filter: { ...EMPTY_FILTER, fylke: [11] }, mask: true },
      { filter: { ...EMPTY_FILTER, fylke: [12] }, mask: false },
      { filter: EMPTY_FILTER, mask: false },
    ].map((s) => ({ ...s, diffs: diffs(s.filter) }));
    const { kept, shared } = follow(steps, (s) => renderDiffTable(document, s.diffs, { mask: s.mask, locale: "en" }));
    expect(shared).toBe(3 * (steps[0]?.diffs.length ?? 0));
    expect(shared).toBeGreaterThan(40);
    expect(kept).toBe(shared);
  });

  it("serialises cells, not rows: under a new filter a crosswalk cell is serialised at most once on each side", () => {
    const { document } = nodeHost();
    const evaluation = (filter: SurveyFilter) => evaluateCrosswalk(applyFilter(survey, filter, { locale: "en" }).view, { codebook: survey.codebook, locale: "en" });
    const shown = renderCrosswalkTable(document, evaluation(EMPTY_FILTER), "Thesis findings", { locale: "en" });
    const fresh = renderCrosswalkTable(document, evaluation({ ...EMPTY_FILTER, fylke: [11] }), "Thesis findings", { locale: "en" });
    const expected = fresh.outerHTML;
    // The getter every element's outerHTML comes from (linkedom's, as the headless runner's).
    let owner: object | null = shown;
    while (owner && !Object.getOwnPropertyDescriptor(owner, "outerHTML")) owner = Object.getPrototypeOf(owner);
    const getter = owner ? Object.getOwnPropertyDescriptor(owner, "outerHTML")?.get : undefined;
    if (!owner || !getter) throw new Error("no outerHTML getter");
    const reads = new Map<Element, number>();
    Object.defineProperty(owner, "outerHTML", {
      configurable: true,
      get(this: Element) {
        reads.set(this, (reads.get(this) ?? 0) + 1);
        return Reflect.apply(getter, this, []);
      },
    });
    try {
      expect(updateInPlace(shown, fresh)).toBe(true);
    } finally {
      Object.defineProperty(owner, "outerHTML", { configurable: true, get: getter });
    }
    expect(shown.outerHTML).toBe(expected);
    const tags = [...reads.keys()].map((el) => el.tagName);
    expect(tags.filter((t) => t === "TD").length, "cells compared by their markup").toBeGreaterThan(40);
    expect(tags.filter((t) => t !== "TD" && t !== "TH"), "only cells are serialised").toEqual([]);
    expect(Math.max(...reads.values()), "each cell once on each side").toBe(1);
  });

  it("leaves a drawing no renderer of ours marked alone", () => {
    const { document } = nodeHost();
    const own = document.createElement("table");
    own.innerHTML = "<tbody><tr><td>1</td></tr></tbody>";
    const next = document.createElement("table");
    next.innerHTML = "<tbody><tr><td>2</td></tr></tbody>";
    expect(updateInPlace(own, next)).toBe(false);
    expect(own.textContent).toBe("1");
    expect(updateInPlace(own, renderTable(document, adoptersTable([11])))).toBe(false);
  });

  it("leaves renderTable's tables (05's adopters) to be replaced: the updater cost that table more than it saved", () => {
    const { document } = nodeHost();
    const shown = renderTable(document, adoptersTable([]));
    const html = shown.outerHTML;
    expect(updateInPlace(shown, renderTable(document, adoptersTable([11])))).toBe(false);
    expect(shown.outerHTML).toBe(html);
  });
});
