/**
 * How big a notebook may be for the app to keep its edits. The notebook's frame reports every edit
 * as the whole document, and the shell refuses a report larger than this (app/sandbox/protocol.ts,
 * `FRAME_LIMITS`): a notebook past it would run and show its edits as saved, while storage kept the
 * version it was opened with (a 5,001-cell file, stop 31). So a notebook file past it is refused
 * when it is imported, with the reason, and every text a cell carries counts, not only its source.
 */
import { isRecord } from "../base/guards";

/** Most cells, and most characters of cell text (sources, other-language texts, attributes). */
export const NOTEBOOK_LIMITS = { cells: 5_000, chars: 10_000_000 } as const;

function textLength(value: unknown): number {
  return typeof value === "string" ? value.length : 0;
}

/**
 * The characters of text one cell of unknown shape carries: its source, a markdown cell's texts in
 * other languages (`variants`) and its attributes' names and values — all of it is checked, kept
 * and stored with the cell. Counting the source alone let 100 million characters of variants pass
 * the frame's cap and budget as 3.
 */
export function cellChars(cell: unknown): number {
  if (!isRecord(cell)) return 0;
  let chars = textLength(cell.source);
  if (isRecord(cell.variants)) for (const text of Object.values(cell.variants)) chars += textLength(text);
  if (Array.isArray(cell.attributes)) for (const pair of cell.attributes) if (Array.isArray(pair)) chars += textLength(pair[0]) + textLength(pair[1]);
  return chars;
}

/** A notebook's size: its cells, and the characters of text they carry ({@link cellChars}). */
export interface NotebookSize {
  cells: number;
  chars: number;
}

/** Whether `size` passes {@link NOTEBOOK_LIMITS}. */
export function pastNotebookLimits(size: NotebookSize): boolean {
  return size.cells > NOTEBOOK_LIMITS.cells || size.chars > NOTEBOOK_LIMITS.chars;
}

/** The size of `cells` when it passes {@link NOTEBOOK_LIMITS}, else undefined. */
export function overNotebookLimits(cells: readonly unknown[]): NotebookSize | undefined {
  let chars = 0;
  for (const cell of cells) chars += cellChars(cell);
  const size = { cells: cells.length, chars };
  return pastNotebookLimits(size) ? size : undefined;
}
