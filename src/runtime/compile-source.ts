/**
 * The cell compiler: a cell's source → its compiled form (cell-compilation.ts). It parses with
 * acorn, so it is loaded on demand (cell-compiler.ts): the shipped notebooks open from the build's
 * table and never need it; a cell the user writes or edits, an imported notebook or a share link do.
 */
import { analyzeCell } from "./analyze-cell";
import type { CellCompilation, CompiledKind } from "./cell-compilation";
import { markdownValuesSource, parseMarkdownCell } from "./markdown-template";
import { transpileCell } from "./transpile-cell";

/**
 * Compiles one cell: a JavaScript cell's source as it is; a markdown or html cell as the array of
 * its interpolations' values (markdown-template.ts), with the text around them.
 */
export function compileSource(kind: CompiledKind, source: string): CellCompilation {
  let code = source;
  let strings: string[] | undefined;
  if (kind === "md" || kind === "html") {
    const template = parseMarkdownCell(source);
    if (!template.ok) return { ok: false, message: template.message, line: template.line, column: template.column };
    strings = template.strings;
    code = markdownValuesSource(template);
  }
  const analysis = analyzeCell(code);
  if (!analysis.ok) return { ok: false, message: analysis.message, line: analysis.line, column: analysis.column };
  const { form, defines, references, async } = analysis;
  return { ok: true, form, defines, references, async, body: transpileCell(analysis), ...(strings ? { strings } : {}) };
}
