import { describe, expect, it } from "vitest";
import { parseHTML } from "linkedom";
import { correlationHeatmap, formatCorrelation, heatmapCells } from "../../../src/analysis/charts/correlation-heatmap";
import { HEATMAP } from "./chart-fixtures";
import { all, expectSvgSnapshot } from "./snapshot";

const doc = (): Document => parseHTML("<!DOCTYPE html><html><body></body></html>").document;

describe("formatCorrelation", () => {
  it("prints two decimals with a decimal comma, the mark, a true minus, and – when undefined", () => {
    expect(formatCorrelation(0.2149, "**")).toBe("0,21**");
    expect(formatCorrelation(-0.05)).toBe("−0,05");
    expect(formatCorrelation(-0.001)).toBe("0,00");
    expect(formatCorrelation(null)).toBe("–");
    expect(formatCorrelation(1)).toBe("1");
  });
});

describe("correlationHeatmap", () => {
  it("draws one cell per pair with the formatted r as its text", () => {
    const svg = correlationHeatmap(HEATMAP, { document: doc() });
    const rects = all(svg, 'g[aria-label="cell"] > rect');
    expect(rects).toHaveLength(16);
    const texts = all(svg, 'g[aria-label="text"] text').map((t) => t.textContent).sort();
    const expected = ["1", "1", "1", "1", "0,21**", "0,21**", "0,34**", "0,34**", "0,13*", "0,13*", "−0,05", "−0,05", "–", "–", "0,71**", "0,71**"].sort();
    expect(texts.filter((t) => t !== "Pearsons r")).toEqual(expected);
  });

  it("keeps the diagonal and below for the lower triangle", () => {
    const cells = heatmapCells(HEATMAP, "lower");
    expect(cells).toHaveLength(10);
    expect(cells.every((c) => HEATMAP.labels.indexOf(c.column) <= HEATMAP.labels.indexOf(c.row))).toBe(true);
    const svg = correlationHeatmap(HEATMAP, { document: doc(), triangle: "lower" });
    expect(all(svg, 'g[aria-label="cell"] > rect')).toHaveLength(10);
  });

  it("explains undefined pairs and p in the tooltips", () => {
    const cells = heatmapCells(HEATMAP);
    const undefinedPair = cells.find((c) => c.row === "Serviceerklæringer" && c.column === "BPR");
    expect(undefinedPair?.title).toBe("Serviceerklæringer × BPR: r kan ikke beregnes (BPR is constant), n = 236");
    const pair = cells.find((c) => c.row === "Størrelsesklasse" && c.column === "BPR");
    expect(pair?.title).toBe("Størrelsesklasse × BPR: r = 0,130, n = 239, p = 0,044");
  });

  it("states the significance key, naming Benjamini–Hochberg when the marks are q-values", () => {
    const plain = correlationHeatmap(HEATMAP, { document: doc() });
    expect(plain.textContent).toContain("* p < 0,05, ** p < 0,01 (tosidig)");
    const fdr = correlationHeatmap({ ...HEATMAP, fdr: true }, { document: doc() });
    expect(fdr.textContent).toContain("Benjamini–Hochberg");
  });

  it("matches the stored snapshot", () => {
    expectSvgSnapshot(correlationHeatmap(HEATMAP, { document: doc(), title: "Korrelasjoner – Correlations" }), "correlation-heatmap");
  });
});
