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
import { markdownLimitMessage, type LimitedText, type MarkdownLimit } from "../base/locale/markdown-limit-words";
import { htmlNesting } from "./html-nesting";

/**
 * Nesting far past what HTML is written with (a Plot chart inside a few divs is ~10 deep; a
 * markdown cell at its own limits renders ~100) and half of Chromium's 512; length as markdown's.
 */
export const HTML_LIMITS = { depth: 256, characters: 100_000 } as const;

/**
 * Why some HTML is not rendered: too long, or nested too deep. The limit as data, for the page to
 * word in its language (render-output.ts); the message in English, for the headless runner.
 */
export type HtmlProblem = Problem<"html-too-long" | "html-too-deep"> & { readonly limit: MarkdownLimit };

function htmlProblem(limit: MarkdownLimit): HtmlProblem {
  return { kind: limit.kind === "too-long" ? "html-too-long" : "html-too-deep", message: markdownLimitMessage(limit, "en"), limit };
}

/**
 * Why `html` is not drawn when it nests deeper than the limit, else undefined. `text` says what it
 * is, for the message; the line is the text's, where it went too deep.
 */
export function htmlTooDeep(html: string, text: Exclude<LimitedText, "markdown">): HtmlProblem | undefined {
  const { depth } = HTML_LIMITS;
  const nesting = htmlNesting(html, depth);
  if (nesting.depth <= depth) return undefined;
  return htmlProblem({ kind: "html-too-deep", text, line: nesting.line, limit: depth });
}

/** An html cell's HTML (unsanitized: the page sanitizes), or why it is not rendered. */
export function boundedHtml(html: string): Result<string, HtmlProblem> {
  const { characters } = HTML_LIMITS;
  if (html.length > characters) return fail(htmlProblem({ kind: "too-long", text: "html", characters: html.length, limit: characters }));
  const deep = htmlTooDeep(html, "html");
  return deep ? fail(deep) : ok(html);
}
