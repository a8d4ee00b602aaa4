import { describe, expect, it } from "vitest";
import { parseHTML } from "linkedom";
import { EXTENT_LABELS_NO, divergingBars, divergingSegments } from "../../../src/analysis/charts/diverging-bars";
import { DIVERGING_COLORS, DONT_KNOW_COLOR } from "../../../src/analysis/charts/chart-theme";
import { TABELL_2_9 } from "./chart-fixtures";
import { all, expectSvgSnapshot, num } from "./snapshot";

const doc = (): Document => parseHTML("<!DOCTYPE html><html><body></body></html>").document;

describe("divergingSegments", () => {
  it("centres the scale between codes 2 and 3, agreeing side to the right", () => {
    const [first] = TABELL_2_9;
    const segs = divergingSegments([first!]);
    const byCode = new Map(segs.map((s) => [s.code, s]));
    // Kommunens kompetanse: 5,5 / 43,0 / 32,8 / 18,4.
    expect(byCode.get(2)).toMatchObject({ x1: 0, x2: 43.0 });
    expect(byCode.get(1)?.x1).toBeCloseTo(43.0, 10);
    expect(byCode.get(1)?.x2).toBeCloseTo(48.5, 10);
    expect(byCode.get(3)).toMatchObject({ x1: -32.8, x2: 0 });
    expect(byCode.get(4)?.x1).toBeCloseTo(-51.2, 10);
    expect(byCode.get(4)?.x2).toBeCloseTo(-32.8, 10);
  });
});

describe("divergingBars", () => {
  it("draws four scale rects per statement and the 'vet ikke' bars in their own panel", () => {
    const svg = divergingBars(TABELL_2_9, { document: doc() });
    const panels = all(svg, "svg svg");
    expect(panels).toHaveLength(2);
    const [main, dk] = panels;
    const rects = all(main!, 'g[aria-label="bar"] > rect');
    expect(rects).toHaveLength(7 * 4);
    const dkRects = all(dk!, 'g[aria-label="bar"] > rect');
    expect(dkRects).toHaveLength(7);
    expect(dkRects.every((r) => (r.getAttribute("fill") ?? r.parentElement?.getAttribute("fill")) === DONT_KNOW_COLOR)).toBe(true);
  });

  it("meets at the midpoint rule and scales widths by the printed percentages", () => {
    const svg = divergingBars(TABELL_2_9, { document: doc() });
    const [main] = all(svg, "svg svg");
    const zero = num(all(main!, 'line[aria-label="rule"]')[0], "x1");
    const rects = all(main!, 'g[aria-label="bar"] > rect');
    for (let i = 0; i < 7; i++) {
      const [c4, c3, c2, c1] = rects.slice(4 * i, 4 * i + 4);
      expect(num(c3, "x") + num(c3, "width")).toBeCloseTo(zero, 6);
      expect(num(c2, "x")).toBeCloseTo(zero, 6);
      expect(num(c4, "x") + num(c4, "width")).toBeCloseTo(num(c3, "x"), 6);
      expect(num(c1, "x")).toBeCloseTo(num(c2, "x") + num(c2, "width"), 6);
    }
    // "Har ikke tilstrekkelig med tid": Delvis enig 53,7 % vs Delvis uenig 15,6 %.
    const [, c3, c2] = rects.slice(20, 24);
    expect(num(c2, "width") / num(c3, "width")).toBeCloseTo(53.7 / 15.6, 6);
    expect(rects.slice(0, 4).map((r) => r.getAttribute("fill"))).toEqual([
      DIVERGING_COLORS[3], DIVERGING_COLORS[2], DIVERGING_COLORS[1], DIVERGING_COLORS[0],
    ]);
  });

  it("prints side totals and 'vet ikke' with one decimal", () => {
    const svg = divergingBars(TABELL_2_9, { document: doc() });
    const texts = all(svg, 'g[aria-label="text"] text').map((t) => t.textContent);
    // Enig total for "Har ikke tilstrekkelig med tid": 26,5 + 53,7 = 80,2 → 80 %; uenig 18,4 + 32,8 = 51,2 → 51 %.
    expect(texts).toContain("80 %");
    expect(texts).toContain("51 %");
    expect(texts).toContain("15,1 %");
    expect(texts).toContain("0,4 %");
  });

  it("uses the extent labels when asked", () => {
    const svg = divergingBars(TABELL_2_9.slice(0, 2), { document: doc(), scaleLabels: EXTENT_LABELS_NO, dontKnowLabel: "Uaktuelt/vet ikke" });
    const legend = all(svg, 'g[aria-label="legend"] text').map((t) => t.textContent);
    expect(legend).toEqual(["I liten grad", "I nokså liten grad", "I nokså stor grad", "I stor grad", "Uaktuelt/vet ikke"]);
  });

  it("matches the stored snapshot", () => {
    expectSvgSnapshot(divergingBars(TABELL_2_9, { document: doc(), title: "Barrierer i kvalitetsarbeidet – Barriers to quality work" }), "diverging-bars");
  });
});
