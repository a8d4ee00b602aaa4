/**
 * The build's table of compiled cells (scripts/precompile/shipped-cells.ts, served to the frame as
 * `virtual:shipped-cells`) against the cell compiler: for every cell of every shipped notebook, read
 * as the app reads the file, the table as the frame receives it (the module's text, evaluated) holds
 * exactly what the compiler makes of the cell now, and the runtime finds it without the compiler.
 */
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { shippedCellsModule, shippedNotebookFiles } from "../../../scripts/precompile/shipped-cells";
import { unwrap } from "../../../src/base/result";
import { parseNotebook } from "../../../src/notebook/format";
import { isCompiledKind, plainTextCompilation, type PrecompiledCell } from "../../../src/runtime/cell-compilation";
import { cellCompilation, compilesNow, usePrecompiled } from "../../../src/runtime/cell-compiler";
import { compileSource } from "../../../src/runtime/compile-source";
import { parseCell } from "../../../src/runtime/plan-notebook";

const root = process.cwd();
const notebooks = shippedNotebookFiles(root).map((file) => ({ file, doc: unwrap(parseNotebook(readFileSync(file, "utf8"))).doc }));

let table: readonly PrecompiledCell[] = [];

beforeAll(async () => {
  // The module as the build emits it, evaluated as the browser does.
  const module: unknown = await import(`data:text/javascript,${encodeURIComponent(shippedCellsModule(root))}`);
  if (typeof module !== "object" || module === null || !("default" in module) || !Array.isArray(module.default)) throw new Error("virtual:shipped-cells exports no table");
  table = module.default;
  usePrecompiled(Promise.resolve(table));
  // compilesNow is false until the table has been taken in (it arrives as a promise).
  await new Promise((r) => setTimeout(r, 0));
});

describe("the build's compiled cells of the shipped notebooks", () => {
  it("covers the shipped notebooks (01–06 and the demo)", () => {
    const names = notebooks.map((n) => n.file.replace(/^.*\//, ""));
    expect(names).toEqual(expect.arrayContaining(["01-overview.html", "03-size-and-correlations.html", "06-thesis-crosswalk.html", "demo.html"]));
    expect(table.length).toBeGreaterThan(50);
  });

  for (const { file, doc } of notebooks) {
    it(`${file.replace(/^.*\//, "")}: every cell is in the table, as the compiler compiles it now`, () => {
      const cells = doc.cells.filter((cell) => isCompiledKind(cell.kind));
      expect(cells.length).toBeGreaterThan(0);
      // Found without the compiler: this test file never loads it into cell-compiler.ts.
      expect(compilesNow(doc.cells)).toBe(true);
      for (const cell of cells) {
        if (!isCompiledKind(cell.kind)) continue;
        const fromTable = cellCompilation(cell.kind, cell.source);
        expect(fromTable, `cell ${cell.id} of ${file}`).toBeDefined();
        expect(fromTable, `cell ${cell.id} of ${file}`).toEqual(compileSource(cell.kind, cell.source));
        expect(fromTable?.ok, `cell ${cell.id} of ${file} compiles`).toBe(true);
        // What the runtime plans with: the table's form, no waiting for the compiler.
        expect(parseCell(cell).awaitingCompiler).toBeUndefined();
      }
    });
  }

  it("knows a markdown or html cell without ${ from its text, as the compiler compiles it", () => {
    const texts = ["# Title\n\nSome *prose*.", "", "  ", "Costs $5 {not code}", "<b>bold</b> & <i>x</i>", "a\u2028b \\ `tick`", "Escaped \\${x} is text"];
    for (const kind of ["md", "html"] as const) {
      for (const text of texts) {
        const plain = plainTextCompilation(kind, text);
        if (text.includes("${")) expect(plain).toBeUndefined();
        else expect(plain, JSON.stringify(text)).toEqual(compileSource(kind, text));
      }
    }
    expect(plainTextCompilation("js", "1 + 1")).toBeUndefined();
    expect(plainTextCompilation("md", "N = ${n}")).toBeUndefined();
  });

  it("finds a cell only by its exact source: an edited cell waits for the compiler", () => {
    const cell = notebooks[0]?.doc.cells.find((c) => c.kind === "js");
    if (!cell || !isCompiledKind(cell.kind)) throw new Error("the first shipped notebook has no JavaScript cell");
    expect(cellCompilation(cell.kind, cell.source)).toBeDefined();
    expect(cellCompilation(cell.kind, `${cell.source} `)).toBeUndefined();
    expect(parseCell({ ...cell, source: `${cell.source}\n// edited` }).awaitingCompiler).toBe(true);
    expect(compilesNow([{ ...cell, source: `${cell.source} ` }])).toBe(false);
  });
});
