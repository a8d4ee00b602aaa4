import { describe, expect, it } from "vitest";
import { parseHTML } from "linkedom";
import { partitionClasses, sizeClassRates } from "../../../src/analysis/charts/size-class-rates";
import { SIZE_CLASSES } from "./chart-fixtures";
import { all, expectSvgSnapshot, num } from "./snapshot";

const doc = (): Document => parseHTML("<!DOCTYPE html><html><body></body></html>").document;

describe("sizeClassRates", () => {
  it("draws a bar and an interval for each class with at least 3 answers, 'n < 3' for the others", () => {
    const svg = sizeClassRates(SIZE_CLASSES, { document: doc() });
    expect(all(svg, 'g[aria-label="bar"] > rect')).toHaveLength(5);
    // Each interval: a rule and two caps, one stroke for all five.
    expect(all(svg, 'path[aria-label="interval"]')[0]?.getAttribute("d")?.match(/M/g)).toHaveLength(15);
    const texts = all(svg, 'g[aria-label="text"] text').map((t) => t.textContent);
    expect(texts.filter((t) => t === "n < 3")).toHaveLength(1);
    // Class 1 (n = 2) must not leak its 50 %.
    expect(texts).not.toContain("50 %");
    expect(texts).toEqual(expect.arrayContaining(["15 %", "25 %", "36 %", "47 %", "67 %"]));
  });

  it("puts N under every class label, including the suppressed one", () => {
    const svg = sizeClassRates(SIZE_CLASSES, { document: doc() });
    const ticks = all(svg, 'g[aria-label="x-axis tick label"] text').map((t) => t.textContent ?? "");
    expect(ticks).toHaveLength(6);
    expect(ticks[0]).toContain("0–999");
    expect(ticks[0]).toContain("N = 2");
    expect(ticks[5]).toContain("N = 12");
  });

  it("scales bar heights by the rate", () => {
    const svg = sizeClassRates(SIZE_CLASSES, { document: doc() });
    const heights = all(svg, 'g[aria-label="bar"] > rect').map((r) => num(r, "height"));
    expect(heights[4]! / heights[0]!).toBeCloseTo(66.67 / 15.45, 6);
  });

  it("treats empty classes and a custom threshold alike", () => {
    const classes = [{ sizeClass: 1, n: 0, rate: null }, { sizeClass: 2, n: 4, rate: 25 }, { sizeClass: 3, n: 5, rate: 40 }];
    expect(partitionClasses(classes, 5).shown.map((c) => c.sizeClass)).toEqual([3]);
    const svg = sizeClassRates(classes, { document: doc(), threshold: 5 });
    const texts = all(svg, 'g[aria-label="text"] text').map((t) => t.textContent);
    expect(texts.filter((t) => t === "n < 5")).toHaveLength(2);
    expect(svg.textContent).not.toContain("NaN");
  });

  it("matches the stored snapshot", () => {
    expectSvgSnapshot(sizeClassRates(SIZE_CLASSES, { document: doc(), title: "Innført etter størrelse – Adoption by size", intervalLabel: "95 % Wilson-intervall", overall: 22.5 }), "size-class-rates");
  });
});
