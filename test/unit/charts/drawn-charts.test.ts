/**
 * The `charts` builtin keeps what it drew by the chart's data and options (analysis/drawings.ts):
 * a chart asked for again with equal inputs is a copy of the kept drawing, one with other data or
 * other options is drawn anew — each equal to what a fresh builtin draws — and a kept drawing is
 * never the element shown, so what a page does to a shown chart does not reach the next copy.
 */
import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { createCharts } from "../../../src/analysis/charts/charts";
import { offerEarlierOutputs } from "../../../src/base/earlier-outputs";
import { HEATMAP, SIZE_CLASSES, TABELL_2_1, TABELL_2_9 } from "./chart-fixtures";

const doc = parseHTML("<!doctype html><html><body></body></html>").document;
const charts = (shared = false) => createCharts({ document: () => doc, shared });

/** Each chart kind with two inputs that differ in their data only. */
const KINDS: { name: string; draw: (c: ReturnType<typeof charts>, which: 0 | 1, title: string) => Element }[] = [
  { name: "statusBars", draw: (c, which, title) => c.statusBars(which === 0 ? TABELL_2_1 : TABELL_2_1.map((m) => ({ ...m, counts: m.counts.map((k, i) => (i === 0 ? k + 5 : k)) })), { title }) },
  { name: "divergingBars", draw: (c, which, title) => c.divergingBars(which === 0 ? TABELL_2_9 : TABELL_2_9.map((d) => ({ ...d, dontKnow: d.dontKnow + 1 })), { title }) },
  { name: "correlationHeatmap", draw: (c, which, title) => c.correlationHeatmap(which === 0 ? HEATMAP : { ...HEATMAP, cells: HEATMAP.cells.map((row) => row.map((x) => ({ ...x, n: x.n + 1 }))) }, { title }) },
  { name: "sizeClassRates", draw: (c, which, title) => c.sizeClassRates(which === 0 ? SIZE_CLASSES : SIZE_CLASSES.map((s) => ({ ...s, n: s.n + 1 })), { title }) },
];

describe.each(KINDS)("charts.$name kept by its inputs", ({ draw }) => {
  it("draws other data and other options anew, equal inputs as a copy — each as a fresh builtin draws it", () => {
    const kept = charts();
    const steps: [0 | 1, string][] = [[0, "A"], [1, "A"], [0, "A"], [0, "B"], [1, "A"]];
    const seen = new Set<string>();
    for (const [which, title] of steps) {
      const drawn = draw(kept, which, title);
      expect(drawn.outerHTML).toBe(draw(charts(), which, title).outerHTML);
      seen.add(drawn.outerHTML);
    }
    // Three distinct charts among the five: the data and the title each make their own.
    expect(seen.size).toBe(3);
  });

  it("a copy is a new element, not the one shown before, and does not carry what the page did to it", () => {
    const kept = charts();
    const first = draw(kept, 0, "A");
    first.setAttribute("data-touched", "1");
    const again = draw(kept, 0, "A");
    expect(again).not.toBe(first);
    expect(again.hasAttribute("data-touched")).toBe(false);
  });

  it("drawn again in the cell that shows it, it is the same element, brought to the new drawing", () => {
    const kept = charts();
    const first = draw(kept, 0, "A");
    const fresh = draw(charts(), 1, "A").outerHTML;
    const again = offerEarlierOutputs([first], () => draw(kept, 1, "A"));
    expect(again).toBe(first);
    expect(again.outerHTML).toBe(fresh);
    // Outside a cell's run nothing is offered: a new element.
    expect(draw(kept, 0, "A")).not.toBe(first);
  });
});

describe("a withheld chart", () => {
  it("is drawn in place of a chart and back, as fresh", () => {
    const kept = charts(true);
    const small = TABELL_2_1.map((m) => ({ ...m, counts: [1, 2, 5, 7] }));
    const chart = kept.statusBars(TABELL_2_1, { disclosureSensitive: true });
    const note = offerEarlierOutputs([chart], () => kept.statusBars(small, { disclosureSensitive: true }));
    // A note is not drawn into an <svg>: another element.
    expect(note).not.toBe(chart);
    expect(note.outerHTML).toBe(charts(true).statusBars(small, { disclosureSensitive: true }).outerHTML);
    expect(note.outerHTML).toContain("tv-warning");
  });
});
