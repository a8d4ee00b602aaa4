/**
 * The hand-drawn charts (status and diverging bars, size-class rates, correlation heatmap) against Plot's drawing of them in Node (no window, no
 * pixel nudge; plot-geometry-suite.ts), and svg-parts' own pieces of Plot worked by hand.
 */
import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { bandScale, linearTicks, pixelOffset, wrapLikePlot } from "../../../src/analysis/charts/svg-parts";
import { geometrySuite } from "./plot-geometry-suite";

const doc = (): Document => parseHTML("<!DOCTYPE html><html><body></body></html>").document;

geometrySuite(doc);

describe("svg-parts' pieces of Plot", () => {
  it("rounds a band scale as d3 does (hand-worked)", () => {
    // 204 px, 6 bands, padding 0.25: step ⌊204 / 6.25⌋ = 32, start 10 + (204 − 32·5.75)/2 = 20, band 24.
    const band = bandScale(["a", "b", "c", "d", "e", "f"], [10, 214], 0.25);
    expect([band.at("a"), band.at("f"), band.bandwidth]).toEqual([20, 180, 24]);
    expect(band.at("zz")).toBeNaN();
  });

  it("picks d3's ticks", () => {
    expect(linearTicks(0, 100, 412 / 80)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(linearTicks(-100, 100, 474 / 80)).toEqual([-100, -50, 0, 50, 100]);
    expect(linearTicks(0, 1, 10)).toEqual([0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1]);
  });

  it("nudges by half a pixel only on a screen of one device pixel per CSS pixel", () => {
    const on = (ratio: number | undefined): number => {
      const d = doc();
      if (ratio !== undefined) Reflect.set(d.defaultView ?? {}, "devicePixelRatio", ratio);
      return pixelOffset(d);
    };
    expect([on(undefined), on(1), on(2), on(1.25)]).toEqual([0, 0.5, 0, 0]);
  });

  it("breaks lines where Plot does", () => {
    expect(wrapLikePlot("De ansatte er for lite motivert for kvalitetsforbedring av tjenestene (N\u00a0=\u00a0256)", 18)).toEqual([
      "De ansatte er for lite motivert for", "kvalitetsforbedring av tjenestene", "(N\u00a0=\u00a0256)",
    ]);
    expect(wrapLikePlot("Prosess-forbedring", 5)).toEqual(["Prosess-", "forbedring"]);
  });
});
