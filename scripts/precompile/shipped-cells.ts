/**
 * The build's table of compiled cells for the shipped notebooks (notebooks/*.html): every cell the
 * runtime compiles, by kind and exact source, with what the cell compiler (src/runtime/
 * compile-source.ts) makes of it. vite.config.ts serves it to the notebook frame as the module
 * `virtual:shipped-cells`, so opening a shipped notebook parses no cell (src/runtime/cell-compiler.ts).
 * A notebook that does not read as a notebook file fails the build, naming the file.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseNotebook } from "../../src/notebook/format";
import { cellTexts } from "../../src/notebook/cell-texts";
import { isCompiledKind, plainTextCompilation, type PrecompiledCell } from "../../src/runtime/cell-compilation";
import { compileSource } from "../../src/runtime/compile-source";

/** The shipped notebook files: the `.html` files directly in `<root>/notebooks`, sorted. */
export function shippedNotebookFiles(root: string): string[] {
  const dir = path.join(root, "notebooks");
  return readdirSync(dir)
    .filter((name) => name.endsWith(".html") && !name.startsWith("."))
    .sort()
    .map((name) => path.join(dir, name));
}

/**
 * Every compiled cell of the shipped notebooks (and every language's text of a markdown cell), once per kind and source, in notebook order —
 * except markdown without `${`, whose compiled form the runtime knows from its text.
 */
export function shippedCellTable(root: string): PrecompiledCell[] {
  const seen = new Set<string>();
  const table: PrecompiledCell[] = [];
  for (const file of shippedNotebookFiles(root)) {
    const parsed = parseNotebook(readFileSync(file, "utf8"));
    if (!parsed.ok) throw new Error(`${file}: ${parsed.error.message}`);
    // A markdown cell's variants run in their language (CellDoc.variants): compiled too.
    for (const cell of cellTexts(parsed.value.doc.cells)) {
      if (!isCompiledKind(cell.kind) || plainTextCompilation(cell.kind, cell.source)) continue;
      const key = `${cell.kind}\n${cell.source}`;
      if (seen.has(key)) continue;
      seen.add(key);
      table.push([cell.kind, cell.source, compileSource(cell.kind, cell.source)]);
    }
  }
  return table;
}

/** The table as the source of an ES module (one JSON string: parsed faster than an object literal). */
export function shippedCellsModule(root: string): string {
  return `export default JSON.parse(${JSON.stringify(JSON.stringify(shippedCellTable(root)))});\n`;
}
