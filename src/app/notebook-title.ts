/**
 * The rule for a notebook's title: it follows the first heading of its markdown until the analyst
 * sets a title of their own. No flag is stored for that: a title still "follows" while it equals the
 * heading it was taken from (or is the placeholder of a new notebook), so the rule needs only the
 * notebook before and after an edit.
 */
import type { CellDoc } from "../notebook/document";

/** The title of a notebook nobody has named. */
export const UNTITLED = "Untitled notebook";

/**
 * How much of a heading line the title is made from. The frame reports every edit and the shell
 * words the title each time: a line of any length through these patterns backtracks for minutes
 * over a long run of blanks, `#`s or brackets, so only what a title can use is read.
 */
const HEADING_CHARS = 300;

/** The text of a markdown heading line, inline marks and `${…}` interpolations tidied away. */
function headingText(line: string): string {
  return line
    .slice(0, HEADING_CHARS)
    .replace(/^#{1,6}\s+/, "")
    .replace(/\s+#+\s*$/, "")
    .replace(/\$\{[^}]*\}/g, "…")
    .replace(/[*_`]/g, "")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .trim();
}

/** The first heading of the first markdown cell that has one, e.g. "# Kvalitet 1999" → "Kvalitet 1999". */
export function firstHeading(cells: readonly CellDoc[]): string | undefined {
  for (const cell of cells) {
    if (cell.kind !== "md") continue;
    const line = cell.source.split("\n").map((l) => l.trim()).find((l) => /^#{1,6}\s+\S/.test(l));
    const text = line === undefined ? "" : headingText(line);
    if (text) return text;
  }
  return undefined;
}

/**
 * The title after an edit that turned `before` into `after`: the new first heading while the title
 * follows the old one (or is still the placeholder), else the title unchanged.
 */
export function titleAfterEdit(title: string, before: readonly CellDoc[], after: readonly CellDoc[]): string {
  const following = title.trim() === "" || title === UNTITLED || title === firstHeading(before);
  if (!following) return title;
  return firstHeading(after) ?? UNTITLED;
}
