/**
 * 03's heatmap (now in a scroll box of its own) with the names a notebook may pass it: markup, a
 * right-to-left override, and very long text. A name is text wherever the chart shows it (the
 * key, each cell's tooltip and name) and in the SVG a user saves: it never becomes an element.
 */
import { describe, expect, it } from "vitest";
import { parseHTML } from "linkedom";
import { correlationHeatmap, type HeatmapInput } from "../../src/analysis/charts/correlation-heatmap";
import { HEATMAP } from "./charts/chart-fixtures";

const doc = (): Document => parseHTML("<!DOCTYPE html><html><body></body></html>").document;

const HOSTILE = [
  `<img src=x onerror="parent.leak()">`,
  `</title><script>parent.leak()</script>`,
  `\u202Eevil\u202C`,
  "Navn ".repeat(20_000),
];

describe("the heatmap with hostile names", () => {
  it("shows each name as text only, in the key and in every pair's name, and saves no element of one", () => {
    const input: HeatmapInput = { ...HEATMAP, names: HEATMAP.labels.map((_, i) => HOSTILE[i % HOSTILE.length] ?? "") };
    const document = doc();
    const svg = correlationHeatmap(input, { document, title: HOSTILE[0] });
    const saved = svg.outerHTML;
    // Reread as a saved file is read (and as the page would parse it): no element a name made.
    const reread = parseHTML(`<!DOCTYPE html><html><body>${saved}</body></html>`).document;
    expect(reread.querySelectorAll("img, script, foreignObject")).toHaveLength(0);
    expect(svg.querySelectorAll("img, script, foreignObject")).toHaveLength(0);
    const text = svg.textContent ?? "";
    for (const name of HOSTILE.slice(0, 3)) expect(text).toContain(name);
    // Every pair's tooltip names both of its variables, the hostile ones as written.
    const titles = [...svg.querySelectorAll("rect[role=img]")].map((r) => r.getAttribute("aria-label") ?? "");
    expect(titles.some((t) => t.includes(HOSTILE[0] ?? "?") && t.includes(HOSTILE[1] ?? "?"))).toBe(true);
  });
});
