/**
 * Markdown to HTML with limits, for every place a notebook's markdown is rendered (markdown cells,
 * their bokmål texts, `md```). A shared notebook is untrusted, and marked's time grows faster than
 * the text with nesting: 800 nested list levels froze the page for 21 s, 5,000 nested block quotes
 * overflowed the call stack. So a text that is too long or nests too deep (markdown-nesting.ts,
 * one linear pass) is not rendered; the Problem says what to change.
 *
 * The measure follows CommonMark, and marked differs from it in places (where it masks code spans,
 * HTML tags and link targets before pairing emphasis), so the renderer itself also stops nesting
 * at the same depth: a quote, list, emphasis or strikethrough deeper than the limits is left as
 * text. A text the measure misjudges renders partly as text, and still cannot hang or overflow.
 */
import { Marked, Tokenizer } from "marked";
import { fail, isProblemError, ok, type Problem, type Result } from "../base/result";
import { isRecord } from "../base/guards";
import type { Locale } from "../base/locale/locale";
import { markdownLimitMessage, type MarkdownLimit } from "../base/locale/markdown-limit-words";
import { markdownNesting } from "./markdown-nesting";

/**
 * What one markdown text may be. People nest lists three or four levels deep; 32 stays well clear
 * of that and renders in milliseconds (a 32-level list: ~10 ms in Node on a loaded machine, 256
 * levels: 0.8 s). 100,000 characters is some fifty times the longest shipped markdown cell (2,138)
 * and room for a chart's SVG put in with `${…}`; marked took 0.3–1.4 s for 100–110 KB of links,
 * plain prose or emphasis it had to give up on, on a machine loaded 20–30 deep.
 */
export const MARKDOWN_LIMITS = { depth: 32, emphasis: 32, characters: 100_000 } as const;

/** Why a markdown text is not rendered: too long, or nested too deep; the limit as data, for the page to word in its language. */
export type MarkdownProblem = Problem<"markdown-too-long" | "markdown-too-deep"> & { readonly limit: MarkdownLimit };

/** A markdown problem, its message in `locale`. */
function markdownProblem(limit: MarkdownLimit, locale: Locale): MarkdownProblem {
  return { kind: limit.kind === "too-long" ? "markdown-too-long" : "markdown-too-deep", message: markdownLimitMessage(limit, locale), limit };
}

/** The markdown limit a thrown value reports (a ProblemError of `markdownToHtml`), if it is one. */
export function markdownLimitOf(thrown: unknown): MarkdownLimit | undefined {
  if (!isProblemError(thrown)) return undefined;
  const { problem } = thrown;
  return "limit" in problem && (problem.kind === "markdown-too-long" || problem.kind === "markdown-too-deep") && isMarkdownLimit(problem.limit) ? problem.limit : undefined;
}

function isMarkdownLimit(value: unknown): value is MarkdownLimit {
  return isRecord(value) && (value["kind"] === "too-long" || value["kind"] === "too-deep") && typeof value["limit"] === "number";
}

/** marked, stopping lists and quotes (and, apart, emphasis and strikethrough) at the limits' depth. */
function boundedMarked(): Marked {
  const base = Tokenizer.prototype;
  const blocks = { depth: 0, limit: MARKDOWN_LIMITS.depth };
  const inline = { depth: 0, limit: MARKDOWN_LIMITS.emphasis };
  // Each of these tokenizers lexes its content before it returns, so a counter around the call is
  // the nesting depth. Past the limit it finds nothing (undefined, not false, which would call
  // marked's own): the marker is read as text.
  const nested = <T>(counter: { depth: number; limit: number }, read: () => T): T | undefined => {
    if (counter.depth >= counter.limit) return undefined;
    counter.depth++;
    try {
      return read();
    } finally {
      counter.depth--;
    }
  };
  return new Marked({
    tokenizer: {
      blockquote(src) {
        return nested(blocks, () => base.blockquote.call(this, src));
      },
      list(src) {
        return nested(blocks, () => base.list.call(this, src));
      },
      emStrong(src, masked, prev) {
        return nested(inline, () => base.emStrong.call(this, src, masked, prev));
      },
      del(src, masked, prev) {
        return nested(inline, () => base.del.call(this, src, masked, prev));
      },
    },
  });
}

let renderer: Marked | undefined;

function tooDeep(text: string): MarkdownLimit | undefined {
  const nesting = markdownNesting(text);
  const { depth, emphasis } = MARKDOWN_LIMITS;
  if (nesting.blocks > depth) {
    const what = nesting.quotes === 0 ? "lists" : nesting.lists === 0 ? "quotes" : "lists-and-quotes";
    return { kind: "too-deep", what, levels: nesting.blocks, lists: nesting.lists, quotes: nesting.quotes, line: nesting.blocksLine, limit: depth };
  }
  if (nesting.emphasis > emphasis) {
    return { kind: "too-deep", what: "emphasis", levels: nesting.emphasis, lists: 0, quotes: 0, line: nesting.emphasisLine, limit: emphasis };
  }
  return undefined;
}

/** `text` as HTML (unsanitized: the page sanitizes), or why it is not rendered (its message in `locale`). */
export function markdownToHtml(text: string, locale: Locale = "en"): Result<string, MarkdownProblem> {
  const { characters } = MARKDOWN_LIMITS;
  if (text.length > characters) return fail(markdownProblem({ kind: "too-long", characters: text.length, limit: characters }, locale));
  const deep = tooDeep(text);
  if (deep) return fail(markdownProblem(deep, locale));
  renderer ??= boundedMarked();
  return ok(renderer.parse(text, { async: false }));
}
