/**
 * What HTML from a cell may be before it is parsed: an html cell, `html```, a markdown cell's
 * output. A shared notebook is untrusted, and the parse is what costs: 19,000 nested divs in an
 * html cell held the page for 5.8–7.2 s (DOMPurify's parse, then layout). Chromium's parser stops
 * nesting at 512 levels and slows down sharply past it (8,000 nested divs: 1.7 s to sanitize, 0.5 s
 * to draw; 512 levels: ~20 ms; divs side by side ~35–60 µs each), so a text that nests
 * deeper than 256 (html-nesting.ts, one pass) is not parsed, and an html cell is bounded in length
 * as markdown is (markdown-to-html.ts): its elements cost ~35–60 µs each to sanitize and draw on a
 * loaded machine, so 100,000 characters (at most ~14,000 elements) stay under about a second.
 */
import { fail, ok, type Problem, type Result } from "../base/result";
import { htmlNesting } from "./html-nesting";

/**
 * Nesting far past what HTML is written with (a Plot chart inside a few divs is ~10 deep; a
 * markdown cell at its own limits renders ~100) and half of Chromium's 512; length as markdown's.
 */
export const HTML_LIMITS = { depth: 256, characters: 100_000 } as const;

/** Why some HTML is not rendered: too long, or nested too deep. */
export type HtmlProblem = Problem<"html-too-long" | "html-too-deep">;

const count = (n: number): string => n.toLocaleString("en-US");

/** The sentence that says how deep is too deep, and the fix. */
export function tooDeepSentence(depth: number): string {
  return `at most ${count(depth)} levels are rendered, as deeper HTML can hold up the page for seconds. Close each element before opening the next.`;
}

/**
 * Why `html` is not drawn when it nests deeper than the limit, else undefined. `what` names it in
 * the message ("this HTML", "this html`…`"); the line is the text's, where it went too deep.
 */
export function htmlTooDeep(html: string, what: string): HtmlProblem | undefined {
  const { depth } = HTML_LIMITS;
  const nesting = htmlNesting(html, depth);
  if (nesting.depth <= depth) return undefined;
  return { kind: "html-too-deep", message: `Not rendered: ${what} nests elements more than ${count(depth)} levels deep at line ${count(nesting.line)}; ${tooDeepSentence(depth)}` };
}

/** Why a cell's text of `length` characters is not rendered when at most `characters` are (markdown's and HTML's alike). */
export function tooLongMessage(what: string, length: number, characters: number): string {
  return `Not rendered: ${what} is ${count(length)} characters long; at most ${count(characters)} are rendered in one cell, as a longer text can hold up the page for seconds. Split it into several cells.`;
}

/** An html cell's HTML (unsanitized: the page sanitizes), or why it is not rendered. */
export function boundedHtml(html: string): Result<string, HtmlProblem> {
  const { characters } = HTML_LIMITS;
  if (html.length > characters) return fail({ kind: "html-too-long", message: tooLongMessage("this HTML", html.length, characters) });
  const deep = htmlTooDeep(html, "this HTML");
  return deep ? fail(deep) : ok(html);
}
