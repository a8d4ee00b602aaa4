import type { CellDoc } from "../notebook/document";
import type { CellCompiled } from "./cell-compilation";
import { cellCompilation } from "./cell-compiler";
import { compileCell, type CompiledCell } from "./compile-cell";
import { renderHtml, renderMarkdown, unsupportedCell } from "./markdown-cell";
import { assignmentHint } from "./assignment-hint";
import { cellError } from "./runtime-error";
import type { CellError, MarkdownOutput, UnsupportedCellOutput } from "./types";

/** Names every cell can use that are not cell definitions or host built-ins. */
export const RUNTIME_NAMES = new Set(["display", "view", "invalidation", "visibility"]);
/** Names the Observable runtime resolves itself (passed as inputs, not parameters). */
const OBSERVABLE_INPUTS = new Set(["invalidation", "visibility"]);

/** What one cell is, statically: parsed, compiled (lazily) or a static error. */
export interface CellPlan {
  id: string;
  kind: "expression" | "program" | "markdown";
  defines: string[];
  references: string[];
  /** Set when the cell cannot run: syntax, duplicate, undefined name or cycle. */
  error?: CellError;
  /** Names passed into the body, in parameter order. */
  inputs: string[];
  /** Markdown or html text around the interpolations. */
  strings?: string[];
  /** Turns a markdown or html cell's text and values into its output. */
  render?: (strings: string[], values: unknown[]) => MarkdownOutput;
  /** The cell uses display or view, so its value is not shown automatically. */
  displaysItself: boolean;
  /** Changes whenever the runtime definition must change. */
  signature: string;
  compile: () => CompiledCell;
}

/** A cell as parsed on its own, before the notebook is planned (see {@link parseCell}). */
export interface Parsed {
  source: string;
  kind: CellDoc["kind"];
  analysis: CellCompiled | undefined;
  error?: CellError;
  strings?: readonly string[];
  /** Set for a cell of a kind this app does not run: its value. */
  unsupported?: UnsupportedCellOutput;
  /**
   * Set when the cell's compiled form needs the compiler, which has not loaded yet
   * (cell-compiler.ts): parse it again once `loadCellCompiler()` has resolved.
   */
  awaitingCompiler?: true;
}

/**
 * Parses a cell (JavaScript, markdown or html) without looking at the rest of the notebook: its
 * compiled form from the build's table or the compiler (cell-compiler.ts).
 */
export function parseCell(cell: CellDoc): Parsed {
  if (cell.kind !== "js" && cell.kind !== "md" && cell.kind !== "html") {
    return { source: cell.source, kind: cell.kind, analysis: undefined, unsupported: unsupportedCell(cell) };
  }
  const compiled = cellCompilation(cell.kind, cell.source);
  if (!compiled) return { source: cell.source, kind: cell.kind, analysis: undefined, awaitingCompiler: true };
  if (!compiled.ok) {
    const { message, line, column } = compiled;
    return { source: cell.source, kind: cell.kind, analysis: undefined, error: cellError("syntax", cell.id, message, { line, column }) };
  }
  const parsed: Parsed = { source: cell.source, kind: cell.kind, analysis: compiled };
  if (compiled.strings) parsed.strings = compiled.strings;
  return parsed;
}

function list(ids: string[]): string {
  return ids.length <= 1 ? ids.join("") : `${ids.slice(0, -1).join(", ")} and ${ids[ids.length - 1]}`;
}

/** Strongly connected components with more than one cell (Tarjan), i.e. the cycles. */
function cycles(edges: Map<string, Set<string>>): string[][] {
  let index = 0;
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const result: string[][] = [];
  const visit = (v: string) => {
    indices.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!indices.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) ?? 0, low.get(w) ?? 0));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) ?? 0, indices.get(w) ?? 0));
    }
    if (low.get(v) === indices.get(v)) {
      const component: string[] = [];
      let w: string | undefined;
      do {
        w = stack.pop();
        if (w === undefined) break;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || edges.get(v)?.has(v)) result.push(component.reverse());
    }
  };
  for (const v of edges.keys()) if (!indices.has(v)) visit(v);
  return result;
}

/**
 * Why a cell may not define a name the host keeps current (the survey, the filter, the selection):
 * every other cell would read the cell's value while the page still names the host's data as the
 * source of the numbers (a shared notebook could swap in made-up respondents under the header's
 * "reconstructed 1999 respondents" or the user's file name).
 */
function reservedMessage(names: string[]): string {
  const first = names[0] ?? "";
  return `${list(names)} ${names.length === 1 ? "is" : "are"} the app's own (the data the page names above the notebook), so a cell cannot define ${names.length === 1 ? "it" : "them"}: every cell would read this cell's value while the page still names the app's data. Rename the variable, e.g. my${first.charAt(0).toUpperCase()}${first.slice(1)}.`;
}

/**
 * Plans a whole notebook: which cell defines which name, and which cells cannot run because of a
 * syntax error, a name the host reserves (`reserved`), a name defined twice, a name nobody defines,
 * or a cycle. Every cell involved in a
 * duplicate or a cycle gets the error, each with a message that says the fix.
 */
export function planNotebook(
  cells: Array<{ doc: CellDoc; parsed: Parsed }>,
  builtins: ReadonlySet<string>,
  isGlobal: (name: string) => boolean,
  reserved: ReadonlySet<string> = new Set(),
): { plans: Map<string, CellPlan>; definers: Map<string, string[]> } {
  const definers = new Map<string, string[]>();
  for (const { doc, parsed } of cells) {
    // A reserved name keeps its builtin for every other cell; the cell that defines it gets the error.
    for (const name of parsed.analysis && doc.kind === "js" ? parsed.analysis.defines : []) {
      if (!reserved.has(name)) definers.set(name, [...(definers.get(name) ?? []), doc.id]);
    }
  }
  const errors = new Map<string, CellError>();
  const edges = new Map<string, Set<string>>();
  const sources = cells.filter(({ doc }) => doc.kind === "js").map(({ doc }) => ({ id: doc.id, source: doc.source }));
  for (const { doc, parsed } of cells) {
    if (parsed.error) {
      errors.set(doc.id, parsed.error);
      continue;
    }
    const analysis = parsed.analysis;
    if (!analysis) continue;
    const defines = doc.kind === "js" ? analysis.defines : [];
    const taken = defines.filter((n) => reserved.has(n));
    if (taken.length) {
      errors.set(doc.id, cellError("reserved-name", doc.id, reservedMessage(taken), { names: taken }));
      continue;
    }
    const dups = defines.filter((n) => (definers.get(n)?.length ?? 0) > 1);
    if (dups.length) {
      const detail = dups.map((n) => `${n} is defined in cells ${list(definers.get(n) ?? [])}`).join("; ");
      errors.set(doc.id, cellError("duplicate-definition", doc.id, `${detail}. Rename it or delete one of the definitions.`, { names: dups }));
      continue;
    }
    const missing = analysis.references.filter(
      (n) => !definers.has(n) && !builtins.has(n) && !RUNTIME_NAMES.has(n) && !isGlobal(n),
    );
    if (missing.length) {
      // `ct = …` (a classic notebook's, R's or Python's definition) only assigns here: say so.
      const hints = missing.map((n) => assignmentHint(n, doc.id, sources));
      const message = hints.every((h) => h === undefined)
        ? `${missing.map((n) => `${n} is not defined by any cell`).join("; ")} — define it in a cell or fix the spelling.`
        : `${missing.map((n, i) => hints[i] ?? `${n} is not defined by any cell — define it in a cell or fix the spelling`).join("; ")}.`;
      errors.set(doc.id, cellError("undefined-name", doc.id, message, { names: missing }));
      continue;
    }
    edges.set(doc.id, new Set(analysis.references.flatMap((n) => definers.get(n) ?? [])));
  }
  const order = new Map(cells.map(({ doc }, i) => [doc.id, i]));
  for (const component of cycles(edges)) {
    component.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
    const inCycle = new Set(component);
    const names = [...definers].filter(([, ids]) => ids.some((id) => inCycle.has(id))).map(([n]) => n);
    const used = names.filter((n) => cells.some(({ doc, parsed }) => inCycle.has(doc.id) && parsed.analysis?.references.includes(n)));
    for (const id of component) {
      const message = `Circular definition: cells ${list(component)} depend on each other (through ${list(used)}). Break the cycle by moving one of these definitions.`;
      errors.set(id, cellError("cycle", id, message, { names: used }));
    }
  }
  const plans = new Map<string, CellPlan>();
  for (const { doc, parsed } of cells) plans.set(doc.id, makePlan(doc, parsed, errors.get(doc.id), definers, builtins));
  return { plans, definers };
}

function makePlan(
  doc: CellDoc,
  parsed: Parsed,
  error: CellError | undefined,
  definers: Map<string, string[]>,
  builtins: ReadonlySet<string>,
): CellPlan {
  const analysis = parsed.analysis;
  const unsupported = parsed.unsupported;
  const template = doc.kind === "md" || doc.kind === "html";
  const kind = template ? "markdown" : unsupported || (analysis && analysis.form !== "program") ? "expression" : "program";
  const defines = analysis && doc.kind === "js" ? [...analysis.defines] : [];
  const references = analysis ? [...analysis.references] : [];
  const inputs = references.filter((n) => definers.has(n) || builtins.has(n) || OBSERVABLE_INPUTS.has(n));
  let compiled: CompiledCell | undefined;
  const plan: CellPlan = {
    id: doc.id,
    kind,
    defines,
    references,
    inputs,
    displaysItself: references.includes("display") || references.includes("view"),
    signature: error ? `error:${error.kind}:${error.message}` : `ok:${doc.kind}:${inputs.join(",")}:${doc.source}`,
    compile: () => {
      // Not run: the cell's value is its notice.
      if (unsupported) return () => unsupported;
      if (!analysis) throw new Error("compile() called on a cell that did not parse");
      return (compiled ??= compileCell(analysis, inputs, doc.id));
    },
  };
  if (error) plan.error = error;
  if (parsed.strings) plan.strings = [...parsed.strings];
  if (template) plan.render = doc.kind === "html" ? renderHtml : renderMarkdown;
  return plan;
}
