import { marked } from "marked";
import { describe, expect, it } from "vitest";
import { markdownNesting } from "../../../src/runtime/markdown-nesting";
import { htmlDepth } from "./html-depth";

const blocks = (text: string) => markdownNesting(text).blocks;
const emphasis = (text: string) => markdownNesting(text).emphasis;

describe("markdownNesting: lists and block quotes", () => {
  it("counts a list indented under its item's content, and the line it is reached on", () => {
    expect(markdownNesting("- a\n  - b\n    - c\n- d")).toMatchObject({ blocks: 3, blocksLine: 3, lists: 3, quotes: 0 });
    // An ordered item's content starts after "1. ": its child is indented three columns.
    expect(blocks("1. a\n   1. b\n      1. c")).toBe(3);
    // Two columns under "1. " is not enough: a sibling, not a child.
    expect(blocks("1. a\n  1. b")).toBe(1);
  });

  it("counts list markers that follow each other on one line", () => {
    expect(blocks("- - - x")).toBe(3);
    expect(blocks("1. - > x")).toBe(3);
  });

  it("counts block quotes, and quotes and lists mixed", () => {
    expect(markdownNesting("> > > x")).toMatchObject({ blocks: 3, lists: 0, quotes: 3 });
    expect(markdownNesting(">>>x")).toMatchObject({ blocks: 3, quotes: 3 });
    expect(markdownNesting("> - a\n>   > b")).toMatchObject({ blocks: 3, blocksLine: 2, lists: 1, quotes: 2 });
  });

  it("does not count fenced code, whose lines open nothing", () => {
    expect(blocks("```\n- a\n  - b\n    - c\n> > > d\n```")).toBe(0);
    expect(blocks("~~~~\n> > >\n~~~\n> > >\n~~~~")).toBe(0);
    // Inside a list item, its fence's lines are code too; after the fence, lists count again.
    expect(blocks("- a\n  ```\n  - b\n    - c\n  ```\n  - d")).toBe(2);
    // A backtick fence's info string holds no backtick: "``` a`b" opens no fence, so the list after it counts.
    expect(blocks("``` a`b\n- - x")).toBe(2);
  });

  it("ends a fence where marked does: its run followed by more backticks or tildes", () => {
    expect(blocks("```\n```~\n- - - x")).toBe(3);
  });

  it("does not count indented code", () => {
    expect(blocks("    - a\n      - b\n        - c")).toBe(0);
    expect(blocks("\t> > > x")).toBe(0);
    // Five spaces after a marker: the item's content is indented code, which opens nothing.
    expect(blocks("-      - - x")).toBe(1);
  });

  it("does not read a thematic break as list markers", () => {
    expect(blocks("- - - - - - - - - - - - - - - - - - - -")).toBe(0);
    expect(blocks("* * *\n_ _ _")).toBe(0);
    // A break inside an item is the item's content.
    expect(blocks("- * * *")).toBe(1);
  });

  it("keeps containers open over lazy continuation lines and over blank lines in a list", () => {
    // "lazy" continues the paragraph of the item above it, so the next item is its child.
    expect(blocks("- a\nlazy\n  - b\nlazy\n    - c")).toBe(3);
    expect(blocks("- a\n\n  - b\n\n    - c")).toBe(3);
    // A line of ">" alone keeps the list inside the quote open.
    expect(blocks("> - a\n>\n>   - b\n>\n>     - c")).toBe(4);
  });

  it("closes quotes at a blank line and lists at a line that is not indented under them", () => {
    expect(markdownNesting("> > a\n\n> b\n\n> > c")).toMatchObject({ blocks: 2, blocksLine: 1 });
    expect(blocks("- a\n# b\n  - c")).toBe(1);
  });

  it("counts tabs to stops of four columns", () => {
    expect(blocks("-\ta\n\t-\tb\n\t\t-\tc")).toBe(3);
  });

  it("never counts fewer levels than marked nests (a thousand generated texts)", () => {
    const pieces = ["- ", "* ", "+ ", "1. ", "2) ", "> ", ">", "  ", "   ", "    ", "\t", " ", "-", "```", "~~~", "# ", "---", "*a ", "b* ", "x ", "`", "<div>"];
    let seed = 31;
    const next = () => {
      // mulberry32: a small seeded generator, so a failure can be replayed.
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const under: string[] = [];
    for (let n = 0; n < 1000; n++) {
      const lines = Array.from({ length: 1 + Math.floor(next() * 8) }, () =>
        next() < 0.15 ? "" : Array.from({ length: 1 + Math.floor(next() * 7) }, () => pieces[Math.floor(next() * pieces.length)]).join(""),
      );
      const text = lines.join("\n");
      if (blocks(text) < htmlDepth(marked.parse(text, { async: false }), ["li", "blockquote"])) under.push(text);
    }
    expect(under).toEqual([]);
  });
});

describe("markdownNesting: emphasis", () => {
  it("counts emphasis, strong and strikethrough nested in each other", () => {
    expect(markdownNesting("x\n\n*a **b ~~c~~ d** e*")).toMatchObject({ emphasis: 3, emphasisLine: 3 });
    // "***" opens strong and emphasis at once.
    expect(emphasis("***x***")).toBe(2);
    expect(emphasis("*a *b *c x c* b* a*")).toBe(3);
  });

  it("counts emphasis one after another as one level, however many", () => {
    expect(emphasis("*a* **b** ~~c~~ _d_ ".repeat(50))).toBe(1);
  });

  it("counts nothing for delimiters that never close, or are escaped, or stand between spaces", () => {
    expect(emphasis("*a ".repeat(100))).toBe(0);
    expect(emphasis("\\*a \\*b c\\* d\\*")).toBe(0);
    expect(emphasis("2 * 3 * 4 = 24")).toBe(0);
  });

  it("pairs emphasis within a paragraph, across its lines, and not across a blank line", () => {
    expect(emphasis("*a\n*b\nc*\nd*")).toBe(2);
    expect(emphasis("*a *b\n\nc* d*")).toBe(0);
  });

  it("does not count emphasis in fenced or indented code", () => {
    expect(emphasis("```\n*a *b *c x c* b* a*\n```")).toBe(0);
    expect(emphasis("    *a *b *c x c* b* a*")).toBe(0);
  });

  it("counts emphasis in headings and list items", () => {
    expect(emphasis("# *a **b** c*")).toBe(2);
    expect(emphasis("- *a **b** c*")).toBe(2);
  });
});
