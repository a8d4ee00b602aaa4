/**
 * The hand-drawn charts (status and diverging bars, size-class rates, correlation heatmap) against Plot's drawing of them on a screen of one device
 * pixel per CSS pixel, where Plot draws lines and texts half a pixel right and down (its `offset`,
 * fixed when Plot is loaded: hence the window set up before any import).
 */
import { parseHTML } from "linkedom";
import { describe, expect, it, vi } from "vitest";
import { pixelOffset } from "../../../src/analysis/charts/svg-parts";
import { statusBars } from "../../../src/analysis/charts/status-bars";
import { TABELL_2_1 } from "./chart-fixtures";
import * as reference from "./plot-reference/plot-status-bars";
import { geometrySuite } from "./plot-geometry-suite";

vi.hoisted(() => {
  Reflect.set(globalThis, "window", { devicePixelRatio: 1 });
});

function doc(): Document {
  const { document, window } = parseHTML("<!DOCTYPE html><html><body></body></html>");
  Reflect.set(window, "devicePixelRatio", 1);
  return document;
}

geometrySuite(doc);

describe("the set-up", () => {
  it("nudges both: Plot's rule at 0 and ours half a pixel right of the axis start", () => {
    const { plotStatusBars } = reference;
    const plot = plotStatusBars(TABELL_2_1, { document: doc() });
    expect(plot.querySelector('g[aria-label="rule"]')?.getAttribute("transform")).toBe("translate(0.5,0)");
    expect(pixelOffset(doc())).toBe(0.5);
    const ours = statusBars(TABELL_2_1, { document: doc() }).querySelector('line[aria-label="rule"]');
    expect(Number(ours?.getAttribute("x1")) % 1).toBe(0.5);
  });
});
