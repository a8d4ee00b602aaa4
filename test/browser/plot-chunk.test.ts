/**
 * Plot's chunk as built, in Chromium: the marks and options that use the d3 factories the bundle
 * marks pure (scripts/bundle/pure-d3-factories.ts: d3-shape's curves, d3-hierarchy, d3-interpolate's
 * rgb, d3-random's generator behind the random-walk raster) still draw, so marking them dropped only
 * what nothing uses. The chunk is imported on a plain page of the test server (no app around it).
 */
import type * as PlotModule from "@observablehq/plot";
import { describe, expect, it } from "vitest";
import { plotChunkFile } from "./plot-chunk-file";
import { useWorkbench } from "./use-workbench";

declare global {
  interface Window {
    /** The chunk's module, once the page has imported it. */
    plotChunk?: typeof PlotModule;
  }
}

const wb = useWorkbench();

describe("Plot's chunk", () => {
  it("draws curves, a tree, an rgb colour scale and a random-walk raster", async () => {
    const context = await wb.browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${wb.server.url}/notebooks/index.json`);
      // As a string: the test runner rewrites an import() written in a function passed to the page.
      await page.evaluate(`import(${JSON.stringify(`${wb.server.url}/assets/${plotChunkFile()}`)}).then((module) => { window.plotChunk = module; })`);
      const drawn = await page.evaluate(() => {
        const Plot = window.plotChunk;
        if (!Plot) throw new Error("Plot's chunk did not load");
        const data = Array.from({ length: 24 }, (_, i) => ({ x: i, y: Math.sin(i / 3) }));
        const path = (curve: string): string => Plot.plot({ marks: [Plot.line(data, { x: "x", y: "y", curve })] }).querySelector(`g[aria-label="line"] path`)?.getAttribute("d") ?? "";
        const tree = Plot.plot({ axis: null, marks: [Plot.tree(["a/b", "a/c", "a/c/d"])] });
        const dots = Plot.plot({ color: { type: "linear", interpolate: "rgb", range: ["red", "blue"] }, marks: [Plot.dot(data, { x: "x", y: "y", fill: "x" })] });
        const raster = Plot.plot({ marks: [Plot.raster(data, { x: "x", y: "y", fill: "y", interpolate: "random-walk", width: 20, height: 20 })] });
        return {
          linear: path("linear"),
          bundle: path("bundle"),
          cardinal: path("cardinal"),
          // Four nodes (a, b, c, d), three links between them.
          nodes: tree.querySelectorAll(`g[aria-label="text"] text`).length,
          links: tree.querySelectorAll(`g[aria-label="link"] path`).length,
          fills: [...dots.querySelectorAll("circle")].map((c) => c.getAttribute("fill") ?? ""),
          raster: raster.querySelector("image")?.getAttribute("href") ?? "",
        };
      });
      expect(drawn.linear).toMatch(/^M/);
      expect(drawn.bundle).toContain("C");
      expect(drawn.cardinal).toContain("C");
      expect(new Set([drawn.linear, drawn.bundle, drawn.cardinal]).size).toBe(3);
      expect([drawn.nodes, drawn.links]).toEqual([4, 3]);
      expect(drawn.fills.length).toBe(24);
      expect(new Set(drawn.fills).size).toBe(24);
      expect(drawn.fills.every((fill) => /^rgb\(/.test(fill))).toBe(true);
      expect(drawn.raster).toMatch(/^data:image\/png;base64,/);
    } finally {
      await context.close();
    }
  });
});
