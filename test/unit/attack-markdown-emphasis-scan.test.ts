/**
 * Attack: markdown that nests nothing but makes marked read its paragraph again at every delimiter.
 * An unclosed or mismatched `*`, `_` or `~` makes marked's emphasis tokenizer read the rest of the
 * paragraph for a closer, so "**a* " repeated in one paragraph is quadratic: 99 KB, under the length
 * limit and one level deep, took marked 137 s (20 KB: 6 s) on the shared machine. The renderer now
 * charges the emphasis tokenizers what they read and, past EMPHASIS_SCAN_BUDGET in one render, reads
 * the remaining delimiters as text. Measured here as work (the characters marked's tokenizer is
 * handed at a delimiter), not time.
 *
 * Likewise GFM's text and URL rules read the whole run of e-mail address characters for an "@" at
 * every token, and "a_b_" makes a token of every two characters: 99 KB took marked 54 s. The run is
 * now read for at most 64 characters (RFC 5321's longest local part), which a longer "address"
 * shows: only its last 64 characters are linked.
 */
import { Tokenizer } from "marked";
import { describe, expect, it, vi } from "vitest";
import { EMPHASIS_SCAN_BUDGET, markdownToHtml } from "../../src/runtime/markdown-to-html";

/** The characters left to read each time marked's emphasis or strikethrough tokenizer starts at a delimiter. */
function readByEmphasis(text: string): { html: string; read: number } {
  let read = 0;
  const emStrong = Tokenizer.prototype.emStrong;
  const del = Tokenizer.prototype.del;
  vi.spyOn(Tokenizer.prototype, "emStrong").mockImplementation(function (this: Tokenizer, src, masked, prev) {
    if (/^[*_~]/.test(src)) read += src.length;
    return emStrong.call(this, src, masked, prev);
  });
  vi.spyOn(Tokenizer.prototype, "del").mockImplementation(function (this: Tokenizer, src, masked, prev) {
    if (/^[*_~]/.test(src)) read += src.length;
    return del.call(this, src, masked, prev);
  });
  try {
    const result = markdownToHtml(text);
    if (!result.ok) throw new Error(result.error.message);
    return { html: result.value, read };
  } finally {
    vi.restoreAllMocks();
  }
}

/** Twice the budget: what is charged is at most what is handed over, and the last call may overrun it by a paragraph. */
const MOST_READ = 10_000_000;

const count = (text: string, pattern: RegExp): number => text.match(pattern)?.length ?? 0;

describe("attack: emphasis delimiters that never close", () => {
  it("has the budget the bound above allows", () => {
    expect(2 * EMPHASIS_SCAN_BUDGET).toBeLessThanOrEqual(MOST_READ);
  });

  it("bounds what marked reads for 20 KB of '**a* ' in one paragraph, and keeps every letter", () => {
    const text = ("**a* ".repeat(20) + "\n").repeat(200);
    const { html, read } = readByEmphasis(text);
    // Unbounded, every delimiter reads the rest of the 20 KB paragraph: some 80 million characters.
    expect(read).toBeLessThanOrEqual(MOST_READ);
    expect(count(html, /a/g)).toBe(4000);
  }, 60_000);


  it("renders every emphasis of 99 KB of prose that uses them in every sentence", () => {
    const sentence = "Some *emphasis*, **strong**, q30_5 and ~~gone~~ _here_ in a sentence of prose. ";
    const text = (sentence.repeat(25) + "\n\n").repeat(50);
    const { html } = readByEmphasis(text);
    expect(count(html, /<em>/g)).toBe(2 * 25 * 50);
    expect(count(html, /<strong>/g)).toBe(25 * 50);
    expect(count(html, /<del>/g)).toBe(25 * 50);
    expect(count(html, /q30_5/g)).toBe(25 * 50);
  });
});

describe("attack: a run of e-mail address characters split into tokens", () => {
  const html = (text: string): string => {
    const result = markdownToHtml(text);
    if (!result.ok) throw new Error(result.error.message);
    return result.value;
  };

  it("still links addresses and web addresses in prose", () => {
    const out = html("Write to foo.bar@example.com or ola_nordmann+x@uib.no, see www.uib.no.");
    expect(out).toContain('<a href="mailto:foo.bar@example.com">');
    expect(out).toContain('<a href="mailto:ola_nordmann+x@uib.no">');
    expect(out).toContain('<a href="http://www.uib.no">');
  });

  /** The local part of the address the text is linked to ("" when none). */
  const linked = (text: string): string => /href="mailto:([^"@]*)@/.exec(html(text))?.[1] ?? "";

  it("reads at most 64 address characters before an '@'", () => {
    expect(linked(`${"x".repeat(64)}@example.com`)).toHaveLength(64);
    expect(linked(`${"x".repeat(65)}@example.com`).length).toBeLessThanOrEqual(64);
    expect(linked(`${"x_".repeat(40)}@example.com`).length).toBeLessThanOrEqual(64);
  });
});
