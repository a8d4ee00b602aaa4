import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { createAllAnalysisBuiltins } from "../../../src/analysis/all-builtins";
import { ANALYSIS_NAMES, lazyAnalysisBuiltins } from "../../../src/analysis/lazy-builtins";

const host = { readText: async (): Promise<string> => "", readBytes: async (): Promise<Uint8Array> => new Uint8Array(), document: parseHTML("<html></html>").document };

describe("lazy analysis builtins", () => {
  it("list exactly the names the analysis factories return", () => {
    const names = Object.keys(Object.getOwnPropertyDescriptors(createAllAnalysisBuiltins(host)));
    expect([...ANALYSIS_NAMES].sort()).toEqual(names.sort());
  });

  it("load the layer once, on first use, and resolve each name from it", async () => {
    let loads = 0;
    const lazy = lazyAnalysisBuiltins(async () => {
      loads++;
      return { stats: { tag: "stats" }, thesis: Promise.resolve("the thesis") };
    });
    expect(loads).toBe(0);
    expect(await Reflect.get(lazy, "stats")).toEqual({ tag: "stats" });
    expect(await Reflect.get(lazy, "thesis")).toBe("the thesis");
    expect(loads).toBe(1);
  });
});
