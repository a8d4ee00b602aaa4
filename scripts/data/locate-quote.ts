/**
 * Find the lines of a quote in a PDF-extracted text. The extraction breaks sentences over lines,
 * pads them with spaces and blank lines, and renders symbol-font arrows and bullets as private-use
 * characters, so both text and quote are compared with all of these collapsed to one space; the match's first and last characters are mapped back to line numbers.
 */

/** Thrown when a quote is not in the text: the transcription must be fixed, not the check. */
export class QuoteNotFoundError extends Error {
  constructor(readonly where: string, readonly quote: string) {
    super(`${where}: the quote "${quote}" is not in the source text. Copy the words exactly as the seed prints them (spelling errors included).`);
    this.name = "QuoteNotFoundError";
  }
}

interface Normalized {
  text: string;
  /** Line number (1-based) of each character of `text`. */
  lineOf: number[];
}

/** Whitespace, and the private-use glyphs (arrows, bullets) of the PDF's symbol font. */
const GAP = /[\s\uE000-\uF8FF]/u;

// The same seed is searched for dozens of quotes; normalise it once.
const cache = new Map<string, Normalized>();

function normalize(source: string): Normalized {
  const hit = cache.get(source);
  if (hit) return hit;
  let text = "";
  const lineOf: number[] = [];
  let line = 1;
  let pendingSpace = false;
  for (const ch of source) {
    if (ch === "\n") line++;
    if (GAP.test(ch)) {
      pendingSpace = text.length > 0;
      continue;
    }
    if (pendingSpace) {
      text += " ";
      lineOf.push(line);
      pendingSpace = false;
    }
    text += ch;
    lineOf.push(line);
  }
  const result = { text, lineOf };
  cache.set(source, result);
  return result;
}

/** First and last line of the first occurrence of `quote` in `source`. */
export function locateQuote(source: string, quote: string, where = "quote"): [number, number] {
  const { text, lineOf } = normalize(source);
  const needle = normalize(quote).text;
  const at = text.indexOf(needle);
  if (at < 0 || !needle) throw new QuoteNotFoundError(where, quote);
  return [lineOf[at] ?? 1, lineOf[at + needle.length - 1] ?? 1];
}

/** True when `quote` occurs in `source` between lines `first` and `last` inclusive. */
export function quoteIsAt(source: string, quote: string, lines: readonly [number, number]): boolean {
  const all = source.split("\n");
  const excerpt = all.slice(lines[0] - 1, lines[1]).join("\n");
  return normalize(excerpt).text.includes(normalize(quote).text);
}
