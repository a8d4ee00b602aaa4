/**
 * How deep a markdown text nests, measured in one linear pass before marked sees it: lists and
 * block quotes (containers), and emphasis (emphasis-nesting.ts). marked's time grows faster than
 * the text with nesting, and its recursion overflows the call stack on deep nesting (800 list
 * levels: 21 s with the page frozen; 5,000 block quotes: "Maximum call stack size exceeded"), so
 * markdown-to-html.ts refuses a text that nests deeper than people write.
 *
 * The scan follows CommonMark's block structure closely enough to count what marked nests: each
 * line first continues the open containers (`>` for a quote, indentation up to its content column
 * for a list item; a blank line keeps list items open and closes quotes; a paragraph's lazy
 * continuation line keeps them all), then opens new ones. Fenced and indented code open nothing.
 * Rules that only stop a container from opening (an ordered list interrupting a paragraph must
 * start at 1, HTML blocks) are left out: where the measure differs from marked it counts high.
 */
import { EmphasisNesting } from "./emphasis-nesting";

/** The nesting of one markdown text. */
export interface MarkdownNesting {
  /** The deepest nesting of lists and block quotes together (0: none). */
  blocks: number;
  /** The 1-based line on which `blocks` is first reached (0 when `blocks` is 0). */
  blocksLine: number;
  /** Of the containers open on that line, how many are list items and how many block quotes. */
  lists: number;
  quotes: number;
  /** The deepest nesting of emphasis, strong emphasis and strikethrough (0: none). */
  emphasis: number;
  /** The 1-based line on which `emphasis` is first reached (0 when `emphasis` is 0). */
  emphasisLine: number;
}

/** An open container: a block quote, or a list item whose content starts at `column`. */
interface Container {
  quote: boolean;
  column: number;
}

/** An open fenced code block: its fence, and how many containers it sits in. */
interface Fence {
  char: string;
  length: number;
  depth: number;
}

const TAB_STOP = 4;

function isBlank(ch: string): boolean {
  return ch === " " || ch === "\t" || ch === "\r";
}

function nextColumn(column: number, ch: string): number {
  return ch === "\t" ? column + TAB_STOP - (column % TAB_STOP) : column + 1;
}

/**
 * One line's characters with a cursor: its index and column (tabs to stops of 4). The end of the
 * run of blanks at the cursor is remembered, so a line indented by n columns under many list
 * items is walked once, not once per item.
 */
class LineCursor {
  p: number;
  column = 0;
  /** First index at or after `p` that is not a blank, and its column; valid while `p <= textStart`. */
  textStart = -1;
  textColumn = 0;

  constructor(
    private readonly text: string,
    start: number,
    readonly end: number,
  ) {
    this.p = start;
  }

  /** Finds the first non-blank at or after the cursor (`textStart`, `textColumn`). */
  skipBlanks(): void {
    if (this.p <= this.textStart) return;
    let q = this.p;
    let column = this.column;
    while (q < this.end && isBlank(this.text.charAt(q))) column = nextColumn(column, this.text.charAt(q++));
    this.textStart = q;
    this.textColumn = column;
  }

  /** Moves over blanks until `column` is reached (a tab may pass it) or text begins. */
  advanceTo(column: number): void {
    while (this.column < column && this.p < this.end && isBlank(this.text.charAt(this.p))) this.column = nextColumn(this.column, this.text.charAt(this.p++));
  }

  /** Moves over one character that is not a blank. */
  step(): void {
    this.p++;
    this.column++;
  }

  /** Whether only blanks remain after the cursor. */
  restIsBlank(): boolean {
    this.skipBlanks();
    return this.textStart >= this.end;
  }
}

/** Index after a list marker at `q` (`-`, `+`, `*`, or 1–9 digits and `.` or `)`) that is followed by a blank or the line's end; -1 if none. */
function listMarkerEnd(text: string, q: number, end: number): number {
  const ch = text.charAt(q);
  let after = -1;
  if (ch === "-" || ch === "+" || ch === "*") {
    after = q + 1;
  } else {
    let d = q;
    while (d < end && d - q < 9 && text.charAt(d) >= "0" && text.charAt(d) <= "9") d++;
    if (d > q && (text.charAt(d) === "." || text.charAt(d) === ")")) after = d + 1;
  }
  if (after < 0 || after > end) return -1;
  return after === end || isBlank(text.charAt(after)) ? after : -1;
}

/** Length of the run of `ch` at `q`. */
function runLength(text: string, q: number, end: number, ch: string): number {
  let r = q;
  while (r < end && text.charAt(r) === ch) r++;
  return r - q;
}

/**
 * Where a thematic break (`- - -`, `***`, `_ _ _`) could start in one line: it is made of one
 * character, blanks between, to the line's end. Found once per line from its end, so checking it
 * at each of many list markers on one line (`- - - … x`) stays linear.
 */
class ThematicTail {
  private char = "";
  /** The break can start only in [from, to]: the tail of `char` and blanks, and at least three `char`s left. */
  private from = 0;
  private to = -1;

  constructor(text: string, start: number, end: number) {
    let q = end - 1;
    while (q >= start && isBlank(text.charAt(q))) q--;
    const ch = text.charAt(q);
    if (q < start || (ch !== "-" && ch !== "*" && ch !== "_")) return;
    this.char = ch;
    let seen = 0;
    while (q >= start && (text.charAt(q) === ch || isBlank(text.charAt(q)))) {
      if (text.charAt(q) === ch && ++seen === 3) this.to = q;
      q--;
    }
    this.from = q + 1;
  }

  /** Whether a thematic break starts at `q` (the line's first non-blank after its containers). */
  at(text: string, q: number): boolean {
    return text.charAt(q) === this.char && q >= this.from && q <= this.to;
  }
}

function isAtxHeading(text: string, q: number, end: number): boolean {
  const hashes = runLength(text, q, end, "#");
  return hashes >= 1 && hashes <= 6 && (q + hashes === end || isBlank(text.charAt(q + hashes)));
}

/**
 * What ends an HTML block that `start` (a line's text from its first non-blank) may begin: the
 * closing of `<pre>`, `<script>`, `<style>`, `<textarea>`, a comment, `<?`, `<!X` or CDATA, or else
 * a blank line (""); undefined when the line does not begin with a tag.
 */
function htmlBlockEnd(start: string): string | undefined {
  const raw = /^<(script|pre|style|textarea)(?:[\s>]|$)/i.exec(start);
  if (raw) return `</${(raw[1] ?? "").toLowerCase()}>`;
  if (start.startsWith("<!--")) return "-->";
  if (start.startsWith("<?")) return "?>";
  if (start.startsWith("<![CDATA[")) return "]]>";
  if (/^<![A-Za-z]/.test(start)) return ">";
  return /^<[A-Za-z/]/.test(start) ? "" : undefined;
}

/** The fence that opens at `q` (three or more backticks or tildes; a backtick fence's info has no backtick), if any. */
function fenceAt(text: string, q: number, end: number): { char: string; length: number } | undefined {
  const ch = text.charAt(q);
  if (ch !== "`" && ch !== "~") return undefined;
  const length = runLength(text, q, end, ch);
  if (length < 3) return undefined;
  const info = text.indexOf("`", q + length);
  return ch === "~" || info < 0 || info >= end ? { char: ch, length } : undefined;
}

/** The block scan's state between lines. */
class BlockScan {
  readonly result: MarkdownNesting = { blocks: 0, blocksLine: 0, lists: 0, quotes: 0, emphasis: 0, emphasisLine: 0 };
  private readonly containers: Container[] = [];
  /** Indexes into `containers` of its block quotes, in order (a blank line closes from the first). */
  private readonly quoteIndexes: number[] = [];
  private fence: Fence | undefined;
  /** The last line was paragraph text, so the next may continue it lazily. */
  private paragraph = false;
  /**
   * Inside what may be an HTML block (a line began with `<`): what ends it, a blank line ("") or
   * the end of `<pre>`, `<!--` and the like, which blank lines do not end. marked reads no fence or
   * indented code there, so neither does the scan (it counts what is inside as markdown, which can
   * only count high).
   */
  private htmlEnd: string | undefined;
  private readonly emphasis = new EmphasisNesting();

  constructor(private readonly text: string) {}

  line(start: number, end: number, number: number): void {
    const text = this.text;
    const cursor = new LineCursor(text, start, end);
    if (cursor.restIsBlank()) {
      // A blank line continues list items (no marker needed) but not quotes.
      this.truncate(Math.min(this.quoteIndexes[0] ?? this.containers.length, this.containers.length));
      if (this.fence && this.fence.depth > this.containers.length) this.fence = undefined;
      if (this.htmlEnd === "") this.htmlEnd = undefined;
      this.endParagraph();
      return;
    }
    const matched = this.continueContainers(cursor);
    if (this.fence) {
      if (matched >= this.fence.depth) {
        this.closingFence(cursor);
        return;
      }
      // Code has no lazy lines: a container that did not continue ends the fence with it.
      this.fence = undefined;
      this.truncate(matched);
      this.paragraph = false;
    }
    const tail = new ThematicTail(text, start, end);
    const opened = this.openContainers(cursor, matched, tail);
    if (cursor.restIsBlank()) {
      if (!opened) this.truncate(matched);
      if (this.htmlEnd === "") this.htmlEnd = undefined;
      this.endParagraph();
      this.record(number);
      return;
    }
    const q = cursor.textStart;
    const indent = cursor.textColumn - cursor.column;
    const fence = indent < 4 && this.htmlEnd === undefined ? fenceAt(text, q, end) : undefined;
    const breaks = indent < 4 && (fence !== undefined || isAtxHeading(text, q, end) || tail.at(text, q));
    if (!opened && matched < this.containers.length) {
      // A lazy continuation line: paragraph text that does not start a block keeps every container.
      if (this.paragraph && !breaks) {
        this.emphasis.scan(text, q, end, number);
        this.record(number);
        return;
      }
      this.truncate(matched);
    }
    if (indent < 4 && this.htmlEnd === undefined) this.htmlEnd = htmlBlockEnd(text.slice(q, q + 10));
    if (this.htmlEnd && text.slice(q, end).toLowerCase().includes(this.htmlEnd)) this.htmlEnd = undefined;
    if (indent >= 4 && (opened || !this.paragraph) && this.htmlEnd === undefined) {
      this.endParagraph(); // indented code
    } else if (fence) {
      this.endParagraph();
      this.fence = { ...fence, depth: this.containers.length };
    } else if (breaks) {
      // A heading's own text may nest emphasis; a thematic break has none.
      this.endParagraph();
      this.emphasis.scan(text, q, end, number);
      this.emphasis.reset();
    } else {
      if (opened || !this.paragraph) this.emphasis.reset();
      this.emphasis.scan(text, q, end, number);
      this.paragraph = true;
    }
    this.record(number);
  }

  /** Continues the open containers the line's start allows; returns how many. */
  private continueContainers(cursor: LineCursor): number {
    const text = this.text;
    let matched = 0;
    for (const container of this.containers) {
      cursor.skipBlanks();
      // Only blanks left (a line of `>` alone): list items continue, the next quote does not.
      if (cursor.textStart >= cursor.end) return this.quoteIndexes.find((index) => index >= matched) ?? this.containers.length;
      if (container.quote) {
        if (cursor.textColumn - cursor.column > 3 || text.charAt(cursor.textStart) !== ">") break;
        this.afterQuoteMarker(cursor);
      } else {
        if (cursor.textColumn < container.column) break;
        cursor.advanceTo(container.column);
      }
      matched++;
    }
    return matched;
  }

  /** Opens the quotes and list items that start the rest of the line; returns whether any. */
  private openContainers(cursor: LineCursor, matched: number, tail: ThematicTail): boolean {
    const text = this.text;
    let opened = false;
    for (;;) {
      cursor.skipBlanks();
      const q = cursor.textStart;
      if (q >= cursor.end || cursor.textColumn - cursor.column >= 4) return opened;
      if (text.charAt(q) === ">") {
        this.truncate(opened ? this.containers.length : matched);
        this.quoteIndexes.push(this.containers.length);
        this.containers.push({ quote: true, column: 0 });
        this.afterQuoteMarker(cursor);
      } else {
        const after = listMarkerEnd(text, q, cursor.end);
        if (after < 0 || tail.at(text, q)) return opened;
        this.truncate(opened ? this.containers.length : matched);
        cursor.advanceTo(cursor.textColumn);
        while (cursor.p < after) cursor.step();
        const marker = cursor.column;
        cursor.skipBlanks();
        // Content five or more columns in is indented code inside the item: the item's content
        // starts one column after its marker. marked counts a tab there otherwise (`-\t\t- x` is
        // two lists to it), so with a tab the content is taken to start at its text.
        const code = cursor.textColumn - marker >= 5 && !text.slice(after, cursor.textStart).includes("\t");
        const column = cursor.textStart >= cursor.end || code ? marker + 1 : cursor.textColumn;
        cursor.advanceTo(column);
        this.containers.push({ quote: false, column });
      }
      opened = true;
    }
  }

  /** Moves past a `>` at the first non-blank and the one blank it may take. */
  private afterQuoteMarker(cursor: LineCursor): void {
    cursor.advanceTo(cursor.textColumn);
    cursor.step();
    cursor.advanceTo(cursor.column + 1);
  }

  /** Inside fenced code: the line closes the fence, or is code. */
  private closingFence(cursor: LineCursor): void {
    const fence = this.fence;
    if (!fence) return;
    cursor.skipBlanks();
    const q = cursor.textStart;
    if (cursor.textColumn - cursor.column >= 4) return;
    const length = runLength(this.text, q, cursor.end, fence.char);
    if (length < fence.length) return;
    // marked also ends a fence at its run followed by more backticks or tildes ("```~"): code
    // must not last longer here than there, or text marked parses would go unmeasured.
    let r = q + length;
    while (r < cursor.end && (this.text.charAt(r) === "`" || this.text.charAt(r) === "~")) r++;
    while (r < cursor.end && isBlank(this.text.charAt(r))) r++;
    if (r >= cursor.end) this.fence = undefined;
  }

  private endParagraph(): void {
    this.paragraph = false;
    this.emphasis.reset();
  }

  private truncate(length: number): void {
    this.containers.length = length;
    while ((this.quoteIndexes.at(-1) ?? -1) >= length) this.quoteIndexes.pop();
  }

  private record(number: number): void {
    const r = this.result;
    if (this.containers.length > r.blocks) {
      r.blocks = this.containers.length;
      r.blocksLine = number;
      r.quotes = this.quoteIndexes.length;
      r.lists = r.blocks - r.quotes;
    }
    r.emphasis = this.emphasis.depth;
    r.emphasisLine = this.emphasis.line;
  }
}

/** How deep `text` nests lists, block quotes and emphasis; one pass, linear in its length. */
export function markdownNesting(text: string): MarkdownNesting {
  const scan = new BlockScan(text);
  let start = 0;
  for (let number = 1; ; number++) {
    const newline = text.indexOf("\n", start);
    const end = newline < 0 ? text.length : newline;
    scan.line(start, end, number);
    if (newline < 0) return scan.result;
    start = newline + 1;
  }
}
