import type { CellDoc, CellKind } from "./document";

/**
 * Every text a notebook's cells may run, whatever the reader's language: each cell's source and
 * each of its variants, with the cell's kind. What decides from the document what a notebook reads
 * (host names, files) must read them all: a variant may spell a name its authored text does not.
 */
export function cellTexts(cells: readonly CellDoc[]): Array<{ kind: CellKind; source: string }> {
  return cells.flatMap((cell) => [
    { kind: cell.kind, source: cell.source },
    ...Object.values(cell.variants ?? {}).map((source) => ({ kind: cell.kind, source })),
  ]);
}
