import { describe, expect, it } from "vitest";
import { parseHTML } from "linkedom";
import { printedTicks, roundingTolerance, statusBars, statusSegments } from "../../../src/analysis/charts/status-bars";
import { DISCREPANCY, PRINTED_TICK, STATUS_COLORS } from "../../../src/analysis/charts/chart-theme";
import { FIGUR_7, TABELL_2_1 } from "./chart-fixtures";
import { all, expectSvgSnapshot, num } from "./snapshot";

const doc = (): Document => parseHTML("<!DOCTYPE html><html><body></body></html>").document;

describe("statusSegments", () => {
  it("gives percent of valid answers per model, stacked from 0 to 100", () => {
    const segs = statusSegments(TABELL_2_1);
    expect(segs).toHaveLength(24);
    const se = segs.filter((s) => s.model === "Serviceerklæringer");
    // Hand-worked: 16 + 37 + 83 + 117 = 253; 16/253 = 6.3241 %.
    expect(se[0]?.total).toBe(253);
    expect(se[0]?.percent).toBeCloseTo(6.3241, 4);
    expect(se[3]?.x2).toBeCloseTo(100, 10);
    expect(se[1]?.x1).toBeCloseTo(se[0]?.x2 ?? NaN, 10);
  });

  it("rounds to the report's printed whole percentages for every model", () => {
    for (const model of TABELL_2_1) {
      const segs = statusSegments([model]);
      expect(segs.map((s) => Math.round(s.percent))).toEqual(model.printedPercent);
    }
  });

  it("leaves out a model without answers instead of dividing by zero", () => {
    expect(statusSegments([{ label: "Tom", counts: [0, 0, 0, 0] }])).toEqual([]);
  });
});

describe("statusBars", () => {
  it("draws one rect per model and status, widths proportional to the percentages", () => {
    const svg = statusBars(TABELL_2_1, { document: doc() });
    const rects = all(svg, 'g[aria-label="bar"] > rect');
    expect(rects).toHaveLength(6 * 4);
    // Row of Servicetorg (model 2): widths must be in the ratio 60 : 26 : 84 : 86 of 256.
    const row = rects.slice(4, 8).map((r) => num(r, "width"));
    const rowWidth = row.reduce((a, b) => a + b, 0);
    expect(row[0]! / rowWidth).toBeCloseTo(60 / 256, 6);
    expect(row[3]! / rowWidth).toBeCloseTo(86 / 256, 6);
    // Every row spans the same full width (100 %).
    for (let m = 0; m < 6; m++) {
      const w = rects.slice(4 * m, 4 * m + 4).reduce((a, r) => a + num(r, "width"), 0);
      expect(w).toBeCloseTo(rowWidth, 6);
    }
    // Colours follow the status code.
    expect(rects.slice(0, 4).map((r) => r.getAttribute("fill"))).toEqual([...STATUS_COLORS]);
  });

  it("labels the segments with whole percentages and each bar with its N", () => {
    const svg = statusBars(TABELL_2_1, { document: doc() });
    const texts = all(svg, 'g[aria-label="text"] text').map((t) => t.textContent);
    for (const label of ["6 %", "15 %", "33 %", "46 %", "23 %", "79 %", "72 %"]) expect(texts).toContain(label);
    for (const n of [253, 256, 253, 243, 248, 239]) expect(texts).toContain(`N = ${n}`);
  });

  it("draws the printed percentages as ticks where each segment would end", () => {
    const svg = statusBars(TABELL_2_1, { document: doc(), mode: "printed-vs-recomputed" });
    const ticks = all(svg, 'g[aria-label="tick"] line');
    expect(ticks).toHaveLength(24);
    expect(ticks.every((t) => t.getAttribute("stroke") === PRINTED_TICK)).toBe(true);
    // The first SE tick sits at printed 6 % of the bar's pixel width from its start.
    const rects = all(svg, 'g[aria-label="bar"] > rect');
    const x0 = num(rects[0], "x");
    const full = rects.slice(0, 4).reduce((a, r) => a + num(r, "width"), 0);
    expect(num(ticks[0], "x1")).toBeCloseTo(x0 + (6 / 100) * full, 6);
  });

  it("flags a printed figure that disagrees beyond rounding", () => {
    const wrong = [{ label: "SE", counts: [16, 37, 83, 117], printedPercent: [9, 15, 33, 46] }];
    const ticks = printedTicks(wrong);
    expect(ticks.map((t) => t.agrees)).toEqual([false, true, true, true]);
    const svg = statusBars(wrong, { document: doc(), mode: "printed-vs-recomputed" });
    const strokes = all(svg, 'g[aria-label="tick"] line').map((t) => t.getAttribute("stroke"));
    expect(strokes).toEqual([DISCREPANCY, PRINTED_TICK, PRINTED_TICK, PRINTED_TICK]);
    expect(all(svg, 'g[aria-label="legend"] text').map((t) => t.textContent)).toContain("Trykt, avviker");
  });

  it("flags Figur 7's one-decimal figures that no count over 239 gives (bpr-pie-base)", () => {
    expect(roundingTolerance(9.6)).toBeCloseTo(0.05, 8);
    expect(roundingTolerance(46)).toBeCloseTo(0.5, 8);
    // 23/239 = 9,62 → 9,6 agrees; 14/239 = 5,86, 30/239 = 12,55, 172/239 = 71,97 do not print as 5,8 / 12,5 / 71,7.
    expect(printedTicks(FIGUR_7).map((t) => t.agrees)).toEqual([true, false, false, false]);
    const svg = statusBars(FIGUR_7, { document: doc(), mode: "printed-vs-recomputed", decimals: 1 });
    const texts = all(svg, 'g[aria-label="text"] text').map((t) => t.textContent);
    expect(texts).toEqual(expect.arrayContaining(["9,6 %", "12,6 %", "72,0 %"]));
    // 5,9 % is about 22 px wide at this size, too narrow for its label; the tooltip still carries it.
    expect(texts).not.toContain("5,9 %");
    const titles = all(svg, 'g[aria-label="bar"] > rect title').map((t) => t.textContent);
    expect(titles[1]).toBe("Prosessforbedringer/-ombygging (BPR): Holder på å innføre 5,9 % (14 av 239)");
    expect(all(svg, 'g[aria-label="tick"] line').map((t) => t.getAttribute("stroke"))).toEqual([PRINTED_TICK, DISCREPANCY, DISCREPANCY, DISCREPANCY]);
  });

  it("says 'ingen svar' for a model nobody answered instead of drawing NaN bars", () => {
    const models = [TABELL_2_1[0]!, { label: "Tom modell", counts: [0, 0, 0, 0] }];
    const svg = statusBars(models, { document: doc() });
    expect(all(svg, 'g[aria-label="bar"] > rect')).toHaveLength(4);
    expect(all(svg, 'g[aria-label="text"] text').map((t) => t.textContent)).toContain("ingen svar");
    expect(svg.outerHTML).not.toContain("NaN");
  });

  it("is a standalone svg with title and legend", () => {
    const svg = statusBars(TABELL_2_1, { document: doc(), title: "Tittel – Title" });
    expect(svg.tagName.toLowerCase()).toBe("svg");
    expect(svg.getAttribute("xmlns")).toBe("http://www.w3.org/2000/svg");
    expect(svg.getAttribute("aria-label")).toBe("Tittel – Title");
    expect(all(svg, 'g[aria-label="legend"] text').map((t) => t.textContent)).toEqual([
      "Har allerede innført", "Holder på å innføre", "Planlegger å innføre", "Har ikke planer om å innføre",
    ]);
  });

  it("matches the stored snapshots", () => {
    expectSvgSnapshot(statusBars(TABELL_2_1, { document: doc(), title: "Innføring av de seks modellene – Adoption of the six models" }), "status-bars");
    expectSvgSnapshot(statusBars(TABELL_2_1, { document: doc(), mode: "printed-vs-recomputed", title: "Trykt mot beregnet – Printed vs recomputed" }), "status-bars-printed");
    expectSvgSnapshot(statusBars(FIGUR_7, { document: doc(), mode: "printed-vs-recomputed", decimals: 1, title: "Figur 7 mot Tabell 2.1 – Figure 7 vs Table 2.1" }), "status-bars-figur7");
  });
});
