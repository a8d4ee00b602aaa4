/**
 * How deep some HTML nests its elements, in one linear pass over its tags, as a browser's parser
 * would build them — so a cell's HTML can be refused before the parse that costs (html-limits.ts).
 * Chromium's parser stops nesting at 512 levels and, past it, took seconds: 19,000 nested divs took
 * 4.3 s in DOMPurify's parse and 0.4 s to lay out, 8,000 took 1.7 s + 0.5 s, while 512 nested divs
 * took ~20 ms and divs side by side ~35–60 µs each (a machine loaded 15–20 deep).
 *
 * The pass follows the tree builder where it closes elements no end tag closes (a `<p>` before a
 * block, an `<li>` before the next, a table's cells and rows, a formatting element's end tag with
 * no block inside it), and where an end tag is ignored (a `</div>` with a table between it and its
 * div). Where the parser does more than this pass knows (foster parenting, the adoption agency's
 * moves, HTML tags inside SVG ending it) the parser's tree is shallower, never deeper, so the
 * measure errs high: a text it refuses may have parsed shallower, one it lets through cannot nest
 * deeper than measured.
 */
import { nextMarkup, rawTextEnd } from "../notebook/html-scan";

/** The deepest nesting of a text's elements, and where the tag (or text) that first reached it starts. */
export interface HtmlNesting {
  readonly depth: number;
  /** 1-based. */
  readonly line: number;
  readonly offset: number;
}

const VOID = new Set(["area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "image", "img", "input", "keygen", "link", "meta", "param", "source", "track", "wbr"]);
/** Start and end tags the parser merges into the document's own or ignores in a fragment. */
const IGNORED = new Set(["html", "head", "body", "frameset"]);
/** Raw text up to its own end tag (outside SVG and MathML). `noscript` is parsed as markup by DOMParser, which DOMPurify uses. */
const RAW_TEXT = new Set(["script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes"]);
const HEADINGS = new Set(["h1", "h2", "h3", "h4", "h5", "h6"]);
/** Start tags that close an open `<p>` (in button scope). */
const CLOSES_P = new Set([
  ...HEADINGS,
  ...["address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div", "dl", "fieldset", "figcaption", "figure", "footer", "form", "header", "hgroup"],
  ...["hr", "li", "dd", "dt", "listing", "main", "menu", "nav", "ol", "p", "pre", "search", "section", "summary", "table", "ul", "xmp"],
]);
const FORMATTING = new Set(["a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u"]);
/** HTML's "special" elements: an end tag of another element is ignored past one, and so is an implied close of `li`, `dd`, `dt`. */
const SPECIAL = new Set([
  ...HEADINGS,
  ...["address", "applet", "area", "article", "aside", "base", "basefont", "bgsound", "blockquote", "body", "br", "button", "caption", "center", "col", "colgroup", "dd", "details"],
  ...["dir", "div", "dl", "dt", "embed", "fieldset", "figcaption", "figure", "footer", "form", "frame", "frameset", "head", "header", "hgroup", "hr", "html", "iframe", "img"],
  ...["input", "keygen", "li", "link", "listing", "main", "marquee", "menu", "meta", "nav", "noembed", "noframes", "noscript", "object", "ol", "p", "param", "plaintext", "pre"],
  ...["script", "search", "section", "select", "source", "style", "summary", "table", "tbody", "td", "template", "textarea", "tfoot", "th", "thead", "title", "tr", "track", "ul"],
  ...["wbr", "xmp"],
]);
/**
 * HTML's default scope: an end tag does not reach its element past one of these. With SVG's and
 * MathML's, whichever namespace they are in, and `select`, whose content ignores most end tags:
 * a boundary too many closes less, so the measure errs high.
 */
const SCOPE = new Set(["applet", "caption", "html", "table", "td", "th", "marquee", "object", "template", "mi", "mo", "mn", "ms", "mtext", "annotation-xml", "foreignobject", "desc", "title", "select"]);
const BUTTON_SCOPE = new Set([...SCOPE, "button"]);
const LIST_SCOPE = new Set([...SCOPE, "ol", "ul"]);
const TABLE_SCOPE = new Set(["html", "table", "template"]);
/** What stops the search for an `li`, `dd` or `dt` to close: a special element other than these three. */
const ITEM_STOPS = new Set([...SPECIAL].filter((n) => n !== "address" && n !== "div" && n !== "p"));
const SECTIONS = new Set(["tbody", "thead", "tfoot"]);
const CELLS = new Set(["td", "th"]);
/** A table's own parts: their start tags are ignored outside a table. */
const TABLE_PARTS = new Set(["caption", "col", "colgroup", "tbody", "td", "tfoot", "th", "thead", "tr"]);
/** Where a `<table>` start tag closes the open table first (in it, not in a cell). */
const TABLE_BODY = new Set(["table", "tbody", "thead", "tfoot", "tr"]);
const DEFINITIONS = new Set(["dd", "dt"]);

/** Elements that put a marker in the list of active formatting elements (what reopens stops there). */
const MARKED = new Set(["applet", "caption", "marquee", "object", "td", "th", "template"]);

/** An open element, or one in the list of active formatting elements. */
interface Entry {
  readonly name: string;
  open: boolean;
}

const MARKER: Entry = { name: "", open: false };

/**
 * The tree builder's stack of open elements and its list of active formatting elements, as far as
 * depth goes: a formatting element closed by another's end tag (`<div><b></div>`) stays in the list
 * and is opened again before the next text or tag, so `<div><b class=k></div>x` repeated nests
 * deeper each time while every tag is closed as written.
 */
class TreeShape {
  readonly stack: Entry[] = [];
  private readonly active: Entry[] = [];

  get top(): string {
    return this.stack[this.stack.length - 1]?.name ?? "";
  }

  push(name: string): void {
    const entry = { name, open: true };
    this.stack.push(entry);
    if (MARKED.has(name)) this.active.push(MARKER);
    if (FORMATTING.has(name)) this.active.push(entry);
  }

  /** Pops the open elements from `index` up; an element that set a marker clears the list to it. */
  truncate(index: number): void {
    for (let i = this.stack.length - 1; i >= index; i--) {
      const entry = this.stack[i];
      if (!entry) continue;
      entry.open = false;
      if (MARKED.has(entry.name)) {
        while (this.active.length > 0 && this.active.pop() !== MARKER);
      }
    }
    this.stack.length = Math.min(this.stack.length, index);
  }

  /** Whether the nearest open table, template or root is a table. */
  inTable(): boolean {
    for (let i = this.stack.length - 1; i >= 0; i--) {
      const name = this.stack[i]?.name ?? "";
      if (TABLE_SCOPE.has(name)) return name === "table";
    }
    return false;
  }

  pop(): void {
    this.truncate(this.stack.length - 1);
  }

  /**
   * Closes the nearest open element named `name` (or one of the names), with every element opened
   * after it, unless one in `stops` comes first. No closures per tag: a pass makes one call per tag.
   */
  closeNearest(name: string | ReadonlySet<string>, stops: ReadonlySet<string>): void {
    for (let i = this.stack.length - 1; i >= 0; i--) {
      const open = this.stack[i]?.name ?? "";
      if (typeof name === "string" ? open === name : name.has(open)) {
        this.truncate(i);
        return;
      }
      if (stops.has(open)) return;
    }
  }

  /** Opens again the formatting elements closed since the last marker or open one (before text or a tag). */
  reconstruct(): void {
    let i = this.active.length;
    while (i > 0) {
      const entry = this.active[i - 1];
      if (!entry || entry === MARKER || entry.open) break;
      i--;
    }
    for (; i < this.active.length; i++) {
      const copy = { name: this.active[i]?.name ?? "", open: true };
      this.active[i] = copy;
      this.stack.push(copy);
    }
  }

  /**
   * A formatting element's end tag (the adoption agency, as far as depth goes): one closed already
   * leaves the list; one with no special element opened inside it closes as written; with one, the
   * block is moved out and a copy of the formatting element put inside it, as deep as before.
   */
  endFormatting(name: string): void {
    let k = this.active.length - 1;
    for (; k >= 0; k--) {
      const entry = this.active[k];
      if (!entry || entry === MARKER) k = 0;
      else if (entry.name === name) break;
    }
    const entry = k >= 0 ? this.active[k] : undefined;
    if (!entry || entry === MARKER || entry.name !== name) {
      this.closeNearest(name, SPECIAL);
      return;
    }
    if (!entry.open) {
      this.active.splice(k, 1);
      return;
    }
    for (let i = this.stack.length - 1; i >= 0; i--) {
      const open = this.stack[i];
      if (open === entry) {
        this.truncate(i);
        this.active.splice(k, 1);
        return;
      }
      if (open && (SPECIAL.has(open.name) || SCOPE.has(open.name))) return;
    }
  }
}

/**
 * The elements a start tag closes, and those it implies (a table's `tbody` and `tr`), as the tree
 * builder does; false when the parser ignores the tag (a table's part outside a table).
 */
function beforeStart(tree: TreeShape, name: string): boolean {
  if (TABLE_PARTS.has(name) && !tree.inTable()) return false;
  if (name === "table" && TABLE_BODY.has(tree.top)) tree.closeNearest("table", TABLE_SCOPE);
  if (CLOSES_P.has(name)) tree.closeNearest("p", BUTTON_SCOPE);
  if (HEADINGS.has(name) && HEADINGS.has(tree.top)) tree.pop();
  if (name === "li") tree.closeNearest("li", ITEM_STOPS);
  if (DEFINITIONS.has(name)) tree.closeNearest(DEFINITIONS, ITEM_STOPS);
  if ((name === "option" || name === "optgroup") && tree.top === "option") tree.pop();
  if (name === "optgroup" && tree.top === "optgroup") tree.pop();
  if (CELLS.has(name) || name === "tr" || SECTIONS.has(name)) {
    tree.closeNearest(CELLS, TABLE_SCOPE);
    if (name === "tr" || SECTIONS.has(name)) tree.closeNearest("tr", TABLE_SCOPE);
    if (SECTIONS.has(name)) tree.closeNearest(SECTIONS, TABLE_SCOPE);
  }
  if (tree.top === "table" && (CELLS.has(name) || name === "tr")) tree.push("tbody");
  if (SECTIONS.has(tree.top) && CELLS.has(name)) tree.push("tr");
  tree.reconstruct();
  return true;
}

/** What an end tag closes: its element if in scope, by the tree builder's rules for its kind. */
function endTag(tree: TreeShape, name: string): void {
  // Chromium's select takes most content in now (customizable select), with rules of its own: the
  // measure keeps a select open to the end, and errs high by one level for each.
  if (name === "select") return;
  if (name === "p") tree.closeNearest(name, BUTTON_SCOPE);
  else if (name === "li") tree.closeNearest(name, LIST_SCOPE);
  else if (HEADINGS.has(name)) tree.closeNearest(HEADINGS, SCOPE);
  // `</table>` matches before its own name stops the search.
  else if (CELLS.has(name) || name === "tr" || SECTIONS.has(name) || name === "table") tree.closeNearest(name, TABLE_SCOPE);
  else if (FORMATTING.has(name)) tree.endFormatting(name);
  else if (SPECIAL.has(name)) tree.closeNearest(name, SCOPE);
  else tree.closeNearest(name, SPECIAL);
}

/**
 * The deepest nesting of the elements in `html` (a fragment, as `innerHTML` or DOMPurify reads it),
 * read no further than where it passes `limit`: the line named is where the text went too deep, and
 * every step stays within about `limit` open elements, so no text costs more than a pass times the limit.
 */
export function htmlNesting(html: string, limit: number): HtmlNesting {
  const tree = new TreeShape();
  const stack = tree.stack;
  // The stack heights at which the open svg and math elements sit, innermost last.
  const foreignAt: number[] = [];
  let foreign = 0;
  let depth = 0;
  let deepestAt = 0;
  let at = 0;
  const reached = (d: number, offset: number) => {
    if (d <= depth) return;
    depth = d;
    deepestAt = offset;
  };
  for (;;) {
    const next = nextMarkup(html, at);
    // A tag or quote never closed runs to the end of the text, where the parser drops it.
    const markup = next.ok ? next.value : undefined;
    // Text reopens the formatting elements closed before it.
    if ((markup ? markup.start : html.length) > at && foreign === 0) {
      tree.reconstruct();
      reached(stack.length, at);
      if (depth > limit || !markup) break;
    }
    if (!markup) break;
    at = markup.end;
    if (markup.type === "comment" || IGNORED.has(markup.name)) continue;
    const name = markup.name;
    if (markup.type === "close") {
      endTag(tree, name);
      while (foreign > 0 && stack.length <= (foreignAt[foreign - 1] ?? 0)) foreign--;
      continue;
    }
    if (foreign === 0 && !beforeStart(tree, name)) continue;
    reached(stack.length + 1, markup.start);
    if (depth > limit || name === "plaintext") break;
    if (VOID.has(name) && foreign === 0) continue;
    // In SVG and MathML `<x/>` is an empty element; in HTML the slash is ignored.
    if ((foreign > 0 || name === "svg" || name === "math") && html[markup.end - 2] === "/") continue;
    if (foreign === 0 && RAW_TEXT.has(name)) {
      at = rawTextEnd(html, at, name) ?? html.length;
      continue;
    }
    tree.push(name);
    if (name === "svg" || name === "math") foreignAt[foreign++] = stack.length - 1;
  }
  return { depth, line: lineAt(html, deepestAt), offset: deepestAt };
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf("\n"); i >= 0 && i < offset; i = text.indexOf("\n", i + 1)) line++;
  return line;
}
