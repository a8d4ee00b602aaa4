/**
 * Where the runtime gets a cell's compiled form (cell-compilation.ts): for a markdown cell without
 * `${`, from its text; from the table the build made for the shipped notebooks, by the cell's kind
 * and exact source — no parser needed to open one — or else from the compiler (compile-source.ts, acorn), which loads on first need. Issue 12:
 * the notebook frame's JavaScript before its first draw leaves the parser out, and opening a
 * shipped notebook spends no time parsing its cells.
 *
 * A source that is not in the table is compiled, never guessed: the table only saves work.
 */
import { loadOnce } from "../base/load-once";
import { isCompiledKind, plainTextCompilation, type CellCompilation, type CompiledKind, type PrecompiledCell } from "./cell-compilation";

type Compile = (kind: CompiledKind, source: string) => CellCompilation;

let compile: Compile | undefined;
let table = new Map<string, CellCompilation>();
let tableLoading: Promise<void> = Promise.resolve();
let tablePending = false;

const keyOf = (kind: CompiledKind, source: string): string => `${kind}\n${source}`;

/** Loads the compiler (once); resolves when {@link cellCompilation} compiles any source. */
export const loadCellCompiler: () => Promise<void> = loadOnce(() =>
  import("./compile-source").then((m) => {
    compile = m.compileSource;
  }),
);

/**
 * Use a table of compiled cells (the build's, for the shipped notebooks) as it arrives. A table
 * that fails to load only means cells are compiled instead.
 */
export function usePrecompiled(entries: Promise<readonly PrecompiledCell[]>): void {
  tablePending = true;
  const loading: Promise<void> = entries.then(
    (list) => {
      const next = new Map(table);
      for (const [kind, source, compiled] of list) next.set(keyOf(kind, source), compiled);
      table = next;
    },
    () => undefined,
  ).finally(() => {
    if (tableLoading === loading) tablePending = false;
  });
  tableLoading = loading;
}

/** The compiled form known without the compiler: a markdown cell's plain text, or the table's entry. */
function known(kind: CompiledKind, source: string): CellCompilation | undefined {
  return plainTextCompilation(kind, source) ?? table.get(keyOf(kind, source));
}

/** Whether some of `cells` needs the compiler (no form known without it). */
function needCompiler(cells: ReadonlyArray<{ kind: string; source: string }>): boolean {
  return cells.some((cell) => isCompiledKind(cell.kind) && !known(cell.kind, cell.source));
}

/** The cell's compiled form now; undefined when that needs the compiler and it is not loaded yet. */
export function cellCompilation(kind: CompiledKind, source: string): CellCompilation | undefined {
  return known(kind, source) ?? compile?.(kind, source);
}

/** Whether every one of `cells` compiles now, without waiting for the table or the compiler. */
export function compilesNow(cells: ReadonlyArray<{ kind: string; source: string }>): boolean {
  if (tablePending) return false;
  return compile !== undefined || !needCompiler(cells);
}

/**
 * Resolves once every one of `cells` compiles without waiting: after the table has arrived, and
 * after the compiler has loaded if some cell is not in the table.
 */
export async function compilerReadyFor(cells: ReadonlyArray<{ kind: string; source: string }>): Promise<void> {
  await tableLoading;
  if (compile) return;
  if (needCompiler(cells)) await loadCellCompiler();
}
