/**
 * Charts under a filter (issue 14 item 4): the printed figures count all respondents, so they are
 * drawn as "Trykt (alle)" in grey and never flagged as discrepancies; a series no bar shows gets no
 * legend entry; a "vet ikke" panel that is 0 % everywhere is left out.
 */
import { describe, expect, it } from "vitest";
import { parseHTML } from "linkedom";
import { createAnalysisBuiltins } from "../../../src/analysis/builtins";
import { loadSurvey } from "../../../src/analysis/survey-source";
import { DISCREPANCY, DONT_KNOW_COLOR } from "../../../src/analysis/charts/chart-theme";
import { divergingBars } from "../../../src/analysis/charts/diverging-bars";
import { PRINTED_ALL_TICK, statusBars } from "../../../src/analysis/charts/status-bars";
import { nodeHost } from "../notebooks/headless-survey";

const doc = (): Document => parseHTML("<!DOCTYPE html><html><body></body></html>").document;
const legendOf = (svg: Element): string[] => [...svg.querySelectorAll('g[aria-label="legend"] text')].map((t) => t.textContent ?? "");
const tickStrokes = (svg: Element): string[] => [...svg.querySelectorAll('g[aria-label="tick"] line')].map((l) => l.getAttribute("stroke") ?? l.parentElement?.getAttribute("stroke") ?? "");

function isElement(value: unknown): value is Element {
  return typeof value === "object" && value !== null && "querySelectorAll" in value && "tagName" in value;
}

function call(target: object, name: string, ...args: unknown[]): unknown {
  const fn: unknown = Reflect.get(target, name);
  if (typeof fn !== "function") throw new Error(`${name} is not a function`);
  return Reflect.apply(fn, target, args);
}

describe("status bars against the print", () => {
  // 6 of 10 recomputed against a printed 20 %: 40 points off.
  const models = [{ label: "Serviceerklæringer", counts: [6, 4, 0, 0], printedPercent: [20, 30, 30, 20] }];

  it("flags a printed figure off its segment when both count the same respondents", () => {
    const svg = statusBars(models, { document: doc(), mode: "printed-vs-recomputed" });
    expect(tickStrokes(svg)).toContain(DISCREPANCY);
    expect(legendOf(svg)).toContain("Trykt, avviker");
  });

  it("draws the print as 'Trykt (alle)' in grey under a filter, never as a discrepancy", () => {
    const svg = statusBars(models, { document: doc(), mode: "printed-vs-recomputed", printedBase: "all" });
    expect(new Set(tickStrokes(svg))).toEqual(new Set([PRINTED_ALL_TICK]));
    expect(legendOf(svg)).toContain("Trykt (alle)");
    expect(legendOf(svg)).not.toContain("Trykt, avviker");
    expect(legendOf(svg)).not.toContain("Trykt i rapporten");
  });

  it("gives no legend entry to a category no bar shows", () => {
    const svg = statusBars(models, { document: doc() });
    expect(legendOf(svg)).toEqual(["Har allerede innført", "Holder på å innføre"]);
  });

  it("reads the filter from a printed comparison: Tabell 2.1 under a size-class filter", async () => {
    const host = nodeHost();
    const names = createAnalysisBuiltins(host);
    const survey = await loadSurvey(host);
    const charts = Reflect.get(names, "charts");
    if (typeof charts !== "object" || charts === null) throw new Error("charts missing");
    const filtered = call(names, "comparePrinted", call(names, "applyFilter", survey, { fylke: [], sizeClass: [5, 6], respType: [], adopted: [] }), "2.1");
    const all = call(names, "comparePrinted", survey, "2.1");
    const draw = (cmp: unknown): Element => {
      const el = call(charts, "statusBars", cmp, { mode: "printed-vs-recomputed" });
      if (!isElement(el)) throw new Error("no chart");
      return el;
    };
    const underFilter = draw(filtered);
    expect(legendOf(underFilter)).toContain("Trykt (alle)");
    expect(tickStrokes(underFilter)).not.toContain(DISCREPANCY);
    // Unfiltered, every printed figure of 2.1 is reproduced: black ticks, no flag.
    const unfiltered = draw(all);
    expect(legendOf(unfiltered)).toContain("Trykt i rapporten");
    expect(tickStrokes(unfiltered)).not.toContain(DISCREPANCY);
  });
});

describe("diverging bars' panels", () => {
  const first = { label: "Brukerundersøkelser", percents: [40, 30, 20, 10], dontKnow: 0, n: 20 };
  const second = { label: "Internkontroll", percents: [50, 50, 0, 0], dontKnow: 0, n: 12 };
  const items = [first, second];

  it("leaves out a 'vet ikke' panel that is 0 % on every bar, and its legend entry", () => {
    const svg = divergingBars(items, { document: doc(), dontKnowLabel: "Uaktuelt/vet ikke" });
    expect(legendOf(svg)).not.toContain("Uaktuelt/vet ikke");
    expect([...svg.querySelectorAll("rect")].some((r) => r.getAttribute("fill") === DONT_KNOW_COLOR)).toBe(false);
    const withDk = divergingBars([{ ...first, dontKnow: 5 }, second], { document: doc(), dontKnowLabel: "Uaktuelt/vet ikke" });
    expect(legendOf(withDk)).toContain("Uaktuelt/vet ikke");
  });

  it("gives no legend entry to a scale point no bar shows", () => {
    const svg = divergingBars([{ label: "A", percents: [60, 40, 0, 0], dontKnow: 0 }], { document: doc(), scaleLabels: ["I stor grad", "I nokså stor grad", "I nokså liten grad", "I liten grad"] });
    expect(legendOf(svg).sort()).toEqual(["I nokså stor grad", "I stor grad"]);
  });
});
