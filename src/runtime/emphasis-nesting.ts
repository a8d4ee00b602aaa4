/**
 * How deep emphasis nests in one block of markdown text (`*em*`, `**strong**`, `_em_`, `~~del~~`),
 * counted in one pass over its lines. marked parses each emphasis by searching for its closing
 * delimiter and then parsing the text inside again, so nesting costs it time on top of length
 * (1,000 levels of `*a … b*`: about half a second; 5,000: the call stack overflows). The measure
 * is an upper bound on what marked nests: it pairs delimiter runs the way CommonMark's delimiter
 * stack does, with the flanking rules but not `_`'s stricter intraword rule and not code spans
 * (a pair counted there that marked would not make only counts high, never low).
 */

const STAR = 42;
const UNDERSCORE = 95;
const TILDE = 126;
const BACKSLASH = 92;
/** Index of each delimiter character in `bottoms`. */
const KINDS: Readonly<Record<number, number>> = { [STAR]: 0, [UNDERSCORE]: 1, [TILDE]: 2 };

/** A run of delimiters that can open: how many levels it still opens, and the deepest nesting already closed inside it. */
interface Opener {
  kind: number;
  units: number;
  inner: number;
}

function isSpace(ch: string): boolean {
  return ch === "" || /\s/.test(ch);
}

function isPunctuation(ch: string): boolean {
  return /[\p{P}\p{S}]/u.test(ch);
}

/**
 * The deepest emphasis nesting in a paragraph's lines, fed line by line (`scan`) and cut at each
 * block boundary (`reset`). Linear: a closer searches the openers only down to the last point a
 * search for its character failed (CommonMark's "openers bottom"), and what it passes is removed.
 */
export class EmphasisNesting {
  /** The deepest nesting seen so far. */
  depth = 0;
  /** The 1-based line on which `depth` was first reached (0 while it is 0). */
  line = 0;
  private readonly openers: Opener[] = [];
  /** Per delimiter character: no opener of it lies below this index of `openers`. */
  private readonly bottoms = [0, 0, 0];

  /** A block ends: emphasis does not pair across it. */
  reset(): void {
    this.openers.length = 0;
    this.bottoms.fill(0);
  }

  /** Reads `text` from `from` to `to` (one line of the block's text; `line` is its 1-based number). */
  scan(text: string, from: number, to: number, line: number): void {
    for (let i = from; i < to; i++) {
      const code = text.charCodeAt(i);
      if (code === BACKSLASH) {
        i++;
        continue;
      }
      const kind = KINDS[code];
      if (kind === undefined) continue;
      let j = i + 1;
      while (j < to && text.charCodeAt(j) === code) j++;
      // A line break before or after a run reads as white space, as inside a paragraph.
      const before = i > from ? text.charAt(i - 1) : "";
      const after = j < to ? text.charAt(j) : "";
      const left = !isSpace(after) && (!isPunctuation(after) || isSpace(before) || isPunctuation(before));
      const right = !isSpace(before) && (!isPunctuation(before) || isSpace(after) || isPunctuation(after));
      // `*` and `_` open one level per one or two characters (`***` is em in strong); `~~` opens one.
      let units = code === TILDE ? 1 : Math.ceil((j - i) / 2);
      if (right) units = this.close(kind, units, line);
      if (left && units > 0) this.openers.push({ kind, units, inner: 0 });
      i = j - 1;
    }
  }

  /** Pairs a closing run with the openers below it; returns the units it has left unpaired. */
  private close(kind: number, units: number, line: number): number {
    let left = units;
    while (left > 0) {
      let k = this.openers.length - 1;
      const bottom = this.bottoms[kind] ?? 0;
      while (k >= bottom && this.openers[k]?.kind !== kind) k--;
      const opener = this.openers[k];
      if (k < bottom || !opener) {
        this.bottoms[kind] = this.openers.length;
        return left;
      }
      // Openers passed over end unpaired; pairs already closed inside them are inside this one too.
      let inner = opener.inner;
      for (let m = k + 1; m < this.openers.length; m++) inner = Math.max(inner, this.openers[m]?.inner ?? 0);
      this.truncate(k + 1);
      const paired = Math.min(left, opener.units);
      const depth = inner + paired;
      if (depth > this.depth) {
        this.depth = depth;
        this.line = line;
      }
      opener.units -= paired;
      left -= paired;
      if (opener.units > 0) {
        opener.inner = depth;
      } else {
        this.truncate(k);
        const outer = this.openers[k - 1];
        if (outer) outer.inner = Math.max(outer.inner, depth);
      }
    }
    return 0;
  }

  private truncate(length: number): void {
    this.openers.length = length;
    for (let b = 0; b < this.bottoms.length; b++) this.bottoms[b] = Math.min(this.bottoms[b] ?? 0, length);
  }
}
