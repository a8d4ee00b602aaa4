/**
 * The files a notebook's cells name literally — `FileAttachment("data/…")`, `loadCsv("…")` — so the
 * frame can ask the shell for them at `open` (files-asked-ahead.ts), and whether a cell reads a CSV,
 * so the CSV reader's code can load then too (issue 12: 03's weights cell, far down the page, ran
 * after the cells on screen and only then asked for its file and the CSV reader's code, and the
 * notebook waited for both at the end of its opening). Only string literals count: a path built at
 * run time is asked for when the cell reads it, as before. Reading ahead changes nothing a cell sees:
 * the answer goes to the first read of that path (FilesAskedAhead.take), and the shell's file gate
 * judges the request as it judges the cell's own.
 */

/** `FileAttachment("…")` or `loadCsv("…")` with a plain string literal (no escapes, no interpolation). */
const NAMED_FILE = /\b(?:FileAttachment|loadCsv)\(\s*(["'`])([^"'`\\$\n]{1,200})\1\s*\)/g;
/** A cell that reads a CSV: `.csv()`, `.arquero()` or `loadCsv(`. */
const READS_CSV = /\.(?:csv|arquero)\(\s*\)|\bloadCsv\(/;
/** At most this many files are asked for ahead (a notebook naming more reads the rest when it runs). */
const MAX_FILES = 8;

/** The paths the sources name literally, in order of first mention, each once, at most MAX_FILES. */
export function attachedFiles(sources: readonly string[]): string[] {
  const out: string[] = [];
  for (const source of sources) {
    for (const match of source.matchAll(NAMED_FILE)) {
      const path = match[2];
      if (path !== undefined && !out.includes(path) && out.length < MAX_FILES) out.push(path);
    }
  }
  return out;
}

/** Whether any of the sources reads a CSV file (so the CSV reader will be loaded). */
export function readsCsv(sources: readonly string[]): boolean {
  return sources.some((source) => READS_CSV.test(source));
}
