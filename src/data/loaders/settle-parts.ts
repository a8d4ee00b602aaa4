/**
 * The one decision between the parts of a file read in parallel (`split-load.ts`), made where the
 * parts' summaries meet (the page, or one thread in tests): whether every part started at a record
 * boundary, and how many records come before each. Its own module: the page imports it without the
 * loaders.
 */
import type { PartSummary } from "./file-part";

/** What to do once every part has read its bytes (see the file comment). */
export type Settled =
  /** Part `part` reads on to the end of the file (the next part started inside a record); the parts after it are dropped. */
  | { kind: "read-on"; part: number }
  /** Finish the first `bases.length` parts, part k with `bases[k]` records before it; any later ones are dropped. */
  | { kind: "finish"; bases: number[] };

/**
 * Checks the parts' starts in file order: a part began at a record boundary when the part before
 * ended at one, and decodes as one pass would when no earlier part switched to Windows-1252 before
 * it decoded UTF-8 text. See {@link Settled}.
 */
export function settleParts(summaries: readonly PartSummary[]): Settled {
  const bases: number[] = [];
  let before = 0;
  let latin = false;
  for (let k = 0; k < summaries.length; k++) {
    const part = summaries[k];
    if (!part) break;
    if (k > 0) {
      const previous = summaries[k - 1];
      if (!previous?.endsAtBoundary || (latin && part.text?.sawUtf8 === true)) return { kind: "read-on", part: k - 1 };
    }
    bases.push(before);
    // The first part that had to stop ends the load: the parts after it are never read in one pass.
    if (part.failed) break;
    before += part.records;
    latin ||= part.text?.latin === true;
  }
  return { kind: "finish", bases };
}

