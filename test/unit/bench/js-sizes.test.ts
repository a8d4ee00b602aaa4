/**
 * bench/js-sizes.ts, which `npm run chunks` and the size test share: the static imports read off a
 * chunk's code (not its dynamic ones), and the first draw as the pages' scripts and what they
 * import statically, each file once.
 */
import { describe, expect, it } from "vitest";
import { gzipSize, jsSizes, pageScripts, staticImports } from "../../../bench/js-sizes";

describe("staticImports", () => {
  it("finds import lists and bare imports, and leaves dynamic imports out", () => {
    const code = 'import{a as b,c}from"./x-1.js";import"./y_2.js";import*as z from"./z.js";const d=()=>import("./lazy.js");';
    expect(staticImports("assets/m.js", code).sort()).toEqual(["assets/x-1.js", "assets/y_2.js", "assets/z.js"]);
  });
});

describe("pageScripts", () => {
  it("lists a page's script sources, not its preloads", () => {
    const html = '<script type="module" async crossorigin src="./assets/warm.js"></script><script type="module" crossorigin src="./assets/frame.js"></script><link rel="modulepreload" crossorigin href="./assets/early.js">';
    expect(pageScripts(html)).toEqual(["assets/warm.js", "assets/frame.js"]);
  });
});

describe("jsSizes", () => {
  const files = [
    { fileName: "assets/main.js", code: 'import{a}from"./shared.js";const l=()=>import("./lazy.js");' },
    { fileName: "assets/frame.js", code: 'import"./shared.js";' },
    { fileName: "assets/shared.js", code: "export const a=1;".repeat(20) },
    { fileName: "assets/lazy.js", code: "export const big=`" + "lazy ".repeat(500) + "`;" },
  ];

  it("sums every file, and the pages' scripts with their static imports once each", () => {
    const sizes = jsSizes(files, ["assets/main.js", "assets/frame.js"]);
    const size = (name: string): number => gzipSize(files.find((f) => f.fileName === name)?.code ?? "");
    expect(sizes.all).toBe(files.reduce((total, f) => total + gzipSize(f.code), 0));
    expect([...sizes.early].sort()).toEqual(["assets/frame.js", "assets/main.js", "assets/shared.js"]);
    expect(sizes.firstRender).toBe(size("assets/main.js") + size("assets/frame.js") + size("assets/shared.js"));
  });

  it("refuses an import of a file the build does not have", () => {
    expect(() => jsSizes([{ fileName: "assets/main.js", code: 'import"./gone.js";' }], ["assets/main.js"])).toThrow(/gone\.js/);
  });
});
