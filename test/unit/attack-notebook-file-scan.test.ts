/**
 * A notebook file is read in the shell's page when it is imported (format.ts over html-scan.ts), so
 * a stranger's file that costs the reader work out of proportion to its size freezes the app. Two
 * readings scanned the rest of the file again at every step: a comment's end was looked for as the
 * first `-->` and, separately, the first `--!>` anywhere after it (a 320 KB file of 40,000
 * comments: 127 s, Node, load 17), and each cell's line number was counted from the file's start
 * (40,000 cells in 2.4 MB: 144 s). Checked by the work done, not by time: the characters the
 * reader's searches pass over must stay within a small multiple of the file's length.
 */
import { describe, expect, it } from "vitest";
import { parseNotebook } from "../../src/notebook/format";
import { isComment } from "../../src/notebook/html-scan";

/**
 * Runs `read` with `indexOf` on `text` counting the characters it passes over (to the match, or to
 * the end); fails as soon as they pass `bound` times the text's length, so a reader that scans the
 * file per step stops at once instead of running for minutes. Not a spy: a spy keeps every call.
 */
function withinScans(text: string, bound: number, read: () => void): void {
  const indexOf = String.prototype.indexOf;
  let chars = 0;
  Object.defineProperty(String.prototype, "indexOf", {
    configurable: true,
    writable: true,
    value: function (this: string, search: string, from?: number): number {
      const at: number = Reflect.apply(indexOf, this, [search, from]);
      if (this.length === text.length) chars += (at >= 0 ? at : this.length) - Math.max(0, from ?? 0);
      if (chars > bound * text.length) throw new Error(`the reader's searches passed over more than ${bound} times the file`);
      return at;
    },
  });
  try {
    read();
  } finally {
    Object.defineProperty(String.prototype, "indexOf", { configurable: true, writable: true, value: indexOf });
  }
}

const file = (body: string): string => `<!doctype html>\n<notebook>\n  <title>x</title>\n${body}  <script id="last" type="module">1</script>\n</notebook>\n`;

describe("a notebook file built to cost its reader", () => {
  it("reads 5,000 comments with searches over a few times the file, not the file per comment", () => {
    const text = file("<!---->\n<!-- a -- b --->\n".repeat(2_500));
    let comments = 0;
    // Before: each comment searched the rest of the file for "--!>" (about 5,000 × half the file).
    withinScans(text, 10, () => {
      const read = parseNotebook(text);
      comments = read.ok ? (read.value.doc.comments?.length ?? 0) : 0;
    });
    expect(comments).toBe(5_000);
  });

  it("numbers 5,000 cells' lines counting on, not from the start for each", () => {
    const text = file(Array.from({ length: 5_000 }, (_, i) => `  <script id="c${i}" type="text/markdown">\n    a\n  </script>\n`).join(""));
    let cells = 0;
    withinScans(text, 10, () => {
      const read = parseNotebook(text);
      cells = read.ok ? read.value.doc.cells.length : 0;
    });
    expect(cells).toBe(5_001);
  });

  it("still ends a comment where HTML does: the first --> or --!>, <!--> and <!---> at once", () => {
    expect(["<!-- a --!>", "<!-- a --->", "<!-->", "<!--->", "<!-- -- - -->", "<!---->"].every(isComment)).toBe(true);
    expect(["<!-- a --!> b -->", "<!-- a -- >", "<!-- a --! >"].some(isComment)).toBe(false);
  });
});
