import { describe, expect, it } from "vitest";
import { parseHTML } from "linkedom";
import { correlationHeatmap, formatCorrelation, heatmapCells, type HeatmapInput } from "../../../src/analysis/charts/correlation-heatmap";
import { CHART_FONT_SIZE } from "../../../src/analysis/charts/chart-theme";
import { createCharts } from "../../../src/analysis/charts/charts";
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
    const texts = all(svg, 'g[aria-label="text"] text').map((t) => t.textContent ?? "").filter((t) => !t.startsWith("n = ")).sort();
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
    expect(undefinedPair?.title).toBe("Serviceerklæringer × BPR: r udefinert (BPR is constant), n = 236");
    const pair = cells.find((c) => c.row === "Størrelsesklasse" && c.column === "BPR");
    expect(pair?.title).toBe("Størrelsesklasse × BPR: r = 0,130, n = 239, p = 0,044");
  });

  it("states the significance key, naming Benjamini–Hochberg when the marks are q-values", () => {
    const plain = correlationHeatmap(HEATMAP, { document: doc() });
    expect(plain.textContent).toContain("* p < 0,05, ** p < 0,01 (tosidig)");
    const fdr = correlationHeatmap({ ...HEATMAP, fdr: true }, { document: doc() });
    expect(fdr.textContent).toContain("Benjamini–Hochberg");
  });

  it("prints each pair's n under its r, and none on the diagonal", () => {
    const svg = correlationHeatmap(HEATMAP, { document: doc() });
    const nTexts = all(svg, 'g[aria-label="text"] text').map((t) => t.textContent ?? "").filter((t) => t.startsWith("n = ")).sort();
    const expected = HEATMAP.cells.flatMap((row, a) => row.filter((_, b) => a !== b).map((c) => `n = ${c.n}`)).sort();
    expect(nTexts).toEqual(expected);
  });

  it("greys out pairs with fewer than 10 cases: grey cell, grey r without its mark, n printed", () => {
    // Three cases on a line give r = −1 exactly and, by the t test, p < .01: what a filter to one
    // county produced. Worked by hand: x = 1,2,3; y = 3,2,1 → r = −1.
    const input: HeatmapInput = {
      labels: ["A", "B"],
      cells: [
        [{ r: 1, n: 3, p: null }, { r: -1, n: 3, p: 0, mark: "**" }],
        [{ r: -1, n: 3, p: 0, mark: "**" }, { r: 1, n: 3, p: null }],
      ],
    };
    const cells = heatmapCells(input);
    expect(cells.filter((c) => c.small).map((c) => [c.row, c.column, c.text])).toEqual([["A", "B", "−1,00"], ["B", "A", "−1,00"]]);
    expect(cells.find((c) => c.small)?.title).toContain("under 10 par");
    const svg = correlationHeatmap(input, { document: doc() });
    const fills = all(svg, 'g[aria-label="cell"] > rect').map((r) => r.getAttribute("fill") ?? r.parentElement?.getAttribute("fill"));
    expect(fills).toEqual(["#ececec", "#ececec", "#ececec", "#ececec"]);
    const texts = all(svg, 'g[aria-label="text"] text').map((t) => t.textContent);
    expect(texts).not.toContain("−1,00**");
    expect(texts.filter((t) => t === "n = 3")).toHaveLength(2);
    expect(svg.textContent).toContain("grått: n < 10");
    // With minN lowered the same pairs are coloured and marked again.
    expect(heatmapCells(input, "full", 3).some((c) => c.small)).toBe(false);
  });

  it("leaves room for the rotated column labels: the last one ends inside the chart", () => {
    const input: HeatmapInput = { ...HEATMAP, labels: ["Størrelsesklasse", "Serviceerklæringer", "Servicetorg", "Prosessforbedringer/-ombygging (BPR)"] };
    const svg = correlationHeatmap(input, { document: doc() });
    const plot = [...svg.querySelectorAll("svg")].find((s) => s.querySelector('g[aria-label="cell"]'));
    if (!plot) throw new Error("no matrix plot");
    const width = Number(plot.getAttribute("width"));
    for (const label of plot.querySelectorAll('g[aria-label="x-axis tick label"] text')) {
      const x = Number(/translate\(([-\d.]+)/.exec(label.getAttribute("transform") ?? "")?.[1] ?? NaN);
      // A generous bound on the rendered length (0.62 em per letter, wider than the layout's estimate) at 45°.
      const reach = x + (label.textContent ?? "").length * CHART_FONT_SIZE * 0.62 * Math.SQRT1_2;
      expect(reach, label.textContent ?? "").toBeLessThanOrEqual(width);
    }
  });

  it("names short labels in the tooltips and in a key under the chart, which the long labels made too wide for a phone", () => {
    const named: HeatmapInput = { ...HEATMAP, labels: ["size_class", "q6", "q11", "q27"], names: ["Størrelsesklasse", "Serviceerklæringer", "Servicetorg", "BPR"] };
    const pair = heatmapCells(named).find((c) => c.row === "size_class" && c.column === "q27");
    expect(pair?.title).toBe("size_class Størrelsesklasse × q27 BPR: r = 0,130, n = 239, p = 0,044");
    const svg = correlationHeatmap(named, { document: doc() });
    expect(all(svg, 'g[aria-label="y-axis tick label"] text').map((t) => t.textContent)).toEqual(named.labels);
    expect(all(svg, "text").map((t) => t.textContent ?? "").join(" ")).toContain("size_class Størrelsesklasse · q6 Serviceerklæringer · q11 Servicetorg · q27 BPR.");
    // The short labels leave the matrix's cells most of the width.
    expect(Number(svg.getAttribute("width"))).toBeLessThan(Number(correlationHeatmap(HEATMAP, { document: doc() }).getAttribute("width")));
  });

  it("names each cell for a screen reader by its pair and hides the figures printed on it, which repeat the name", () => {
    const svg = correlationHeatmap(HEATMAP, { document: doc() });
    expect(svg.getAttribute("role")).not.toBe("img");
    const cells = all(svg, 'g[aria-label="cell"] > rect');
    expect(cells.map((c) => c.getAttribute("role"))).toEqual(cells.map(() => "img"));
    expect(cells.map((c) => c.getAttribute("aria-label"))).toEqual(cells.map((c) => c.querySelector("title")?.textContent));
    expect(cells.map((c) => c.getAttribute("aria-label"))).toContain("Størrelsesklasse × BPR: r = 0,130, n = 239, p = 0,044");
    const matrix = all(svg, "svg").find((panel) => panel.querySelector('g[aria-label="cell"]'));
    if (!matrix) throw new Error("no matrix panel");
    const printed = all(matrix, 'g[aria-label="text"]');
    expect(printed.length).toBeGreaterThan(0);
    expect(printed.filter((g) => g.getAttribute("aria-hidden") !== "true")).toEqual([]);
  });

  it("asks the page to keep it at the width where its smallest print (n, 9 px) is 11 px on a narrow screen", () => {
    const svg = correlationHeatmap(HEATMAP, { document: doc() });
    expect(svg.getAttribute("class")?.split(" ")).toEqual(["tv-chart", "tv-chart-scrolls"]);
    const smallest = Math.min(...all(svg, "[font-size]").map((e) => Number(e.getAttribute("font-size"))));
    const readable = Number(/--tv-readable-width:(\d+)px/.exec(svg.getAttribute("style") ?? "")?.[1]);
    expect((smallest * readable) / Number(svg.getAttribute("width"))).toBeGreaterThanOrEqual(11);
    expect((smallest * (readable - 1)) / Number(svg.getAttribute("width"))).toBeLessThan(11);
  });

  it("matches the stored snapshot", () => {
    expectSvgSnapshot(correlationHeatmap(HEATMAP, { document: doc(), title: "Korrelasjoner – Correlations" }), "correlation-heatmap");
  });
});

describe("the heatmap in a shared view (charts.correlationHeatmap)", () => {
  // Two variables under a county filter: 2 respondents answered both, 1 answered b at all.
  const tiny: HeatmapInput = {
    labels: ["a", "b", "c"],
    cells: [
      [{ r: 1, n: 12, p: null }, { r: null, n: 2, p: null, reason: "a is constant in these 2 cases, so r is undefined" }, { r: 0.4, n: 12, p: 0.2, mark: "" }],
      [{ r: null, n: 2, p: null, reason: "a is constant in these 2 cases, so r is undefined" }, { r: 1, n: 2, p: null }, { r: -1, n: 2, p: 0, mark: "**" }],
      [{ r: 0.4, n: 12, p: 0.2, mark: "" }, { r: -1, n: 2, p: 0, mark: "**" }, { r: 1, n: 12, p: null }],
    ],
    method: "pearson",
  };
  const texts = (svg: Element): string[] => all(svg, "text, title").map((t) => (t.textContent ?? "").replace(/\s+/g, " "));

  it("masks pairs of 1–2 in the cells and the tooltips (so in an exported SVG too), and keeps the rest", () => {
    const shared = createCharts({ document: doc, shared: true }).correlationHeatmap(tiny);
    const shown = texts(shared);
    expect(shown.filter((t) => /\bn = [12]\b/.test(t))).toEqual([]);
    expect(shown.filter((t) => /these 2 cases|−1,00/.test(t))).toEqual([]);
    expect(shown.filter((t) => t === "n < 3")).toHaveLength(5); // a×b, b×a, b×b, b×c, c×b
    expect(shown).toContain("b × a: n < 3 (skjult i delt visning)");
    expect(shown).toContain("b × b: n < 3 (skjult i delt visning)");
    // In English, the tooltip says it in English (it was Norwegian in both languages).
    expect(texts(createCharts({ document: doc, shared: true, locale: "en" }).correlationHeatmap(tiny))).toContain("b × a: n < 3 (hidden in the shared view)");
    // Pairs of 12 keep their r, n and p.
    expect(shown).toContain("n = 12");
    expect(shown).toContain("c × a: r = 0,400, n = 12, p = 0,200");
    // The user's own view draws every pair as computed.
    const own = texts(createCharts({ document: doc, shared: false }).correlationHeatmap(tiny));
    expect(own).toContain("n = 2");
    expect(own.some((t) => t.includes("these 2 cases"))).toBe(true);
  });
});
