import { describe, expect, it } from "vitest";
import { parseHTML } from "linkedom";
import {
  CHART_FONT_SIZE, DIVERGING_COLORS, STATUS_COLORS, estimateTextWidth, formatNumberNo, formatPercentNo, frameChart, textColorOn, wrapText,
} from "../../../src/analysis/charts/chart-theme";
import { all, num } from "./snapshot";

describe("chart-theme", () => {
  it("formats numbers the Norwegian way", () => {
    expect(formatNumberNo(6.324, 1)).toBe("6,3");
    expect(formatNumberNo(-0.25, 2)).toBe("−0,25");
    expect(formatNumberNo(-0.004, 2)).toBe("0,00");
    expect(formatPercentNo(45.96)).toBe("46 %");
    expect(formatPercentNo(0.4, 1)).toBe("0,4 %");
  });

  it("picks white text on dark fills and dark text on light fills", () => {
    expect(textColorOn(STATUS_COLORS[0] ?? "")).toBe("#ffffff");
    expect(textColorOn(STATUS_COLORS[3] ?? "")).not.toBe("#ffffff");
    expect(textColorOn(DIVERGING_COLORS[0] ?? "")).toBe("#ffffff");
    expect(textColorOn(DIVERGING_COLORS[2] ?? "")).not.toBe("#ffffff");
  });

  it("orders the status colours from dark to light so the sequence reads in greyscale", () => {
    const lum = (hex: string): number => {
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
      return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
    };
    const l = STATUS_COLORS.map(lum);
    for (let i = 1; i < l.length; i++) expect(l[i]).toBeGreaterThan(l[i - 1] ?? Infinity);
  });

  it("frames parts under a title and a wrapping legend in one svg", () => {
    const { document } = parseHTML("<!DOCTYPE html><html><body></body></html>");
    const part = document.createElementNS("http://www.w3.org/2000/svg", "svg");
    const legend = Array.from({ length: 6 }, (_, i) => ({ label: `Kategori nummer ${i}`, color: "#000000" }));
    const svg = frameChart([{ svg: part, x: 10, width: 200, height: 100 }], { document, title: "T – T", legend, width: 300, note: "Kilde" });
    expect(svg.getAttribute("width")).toBe("300");
    expect(all(svg, 'g[aria-label="legend"] rect')).toHaveLength(6);
    // The legend wraps: with 300 px not all six items fit on one row.
    const rows = new Set(all(svg, 'g[aria-label="legend"] rect').map((r) => r.getAttribute("y")));
    expect(rows.size).toBeGreaterThan(1);
    // The part sits below the legend and the total height covers it and the note.
    expect(num(part, "y")).toBeGreaterThan(Math.max(...[...rows].map(Number)));
    expect(num(svg, "height")).toBeGreaterThan(num(part, "y") + 100);
    expect(estimateTextWidth("abcd", 10)).toBeCloseTo(23.2, 6);
  });
});

describe("frameChart notes", () => {
  it("wraps a note longer than the chart into lines that fit, keeping every word", () => {
    const { document } = parseHTML("<!DOCTYPE html><html><body></body></html>");
    const part = document.createElementNS("http://www.w3.org/2000/svg", "svg");
    const note = "20 pair(s) have no r: only 1 case(s) have both q30_5 and q6; r needs at least 2; only 1 case(s) have both q30_5 and q15; more words to go past the edge";
    const svg = frameChart([{ svg: part, x: 0, width: 300, height: 100 }], { document, note });
    const lines = [...svg.querySelectorAll(":scope > text")].map((t) => t.textContent ?? "");
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(" ")).toBe(note);
    for (const line of lines) expect(estimateTextWidth(line, CHART_FONT_SIZE - 1)).toBeLessThanOrEqual(300 - 16);
    expect(wrapText("short", 300)).toEqual(["short"]);
  });
});
