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
import { fail, ok, type Problem, type Result } from "../base/result";
import type { Locale } from "../base/locale/locale";
import { markdownLimitMessage, type MarkdownLimit } from "../base/locale/markdown-limit-words";
import { lineOf } from "../notebook/html-scan";
import { HTML_LIMITS } from "./html-limits";
import { htmlNesting } from "./html-nesting";
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

/**
 * How much text marked's emphasis and strikethrough tokenizers may read in one render. Each call at
 * a delimiter reads the rest of its paragraph for a closer, so unclosed or mismatched delimiters cost
 * the paragraph's length each: 99 KB of "**a* " in one paragraph took marked 137 s (20 KB: 6 s), and
 * "a_b_" 57 s, on a machine loaded 17–28 deep; neither nests, so the depth measure passes them.
 * Emphasis that closes is read up to its closer, so prose spends little: the shipped notebooks' every
 * markdown text reads under 0.1 % of this, and 99 KB of prose with an emphasis, a strong, a
 * strikethrough and a q30_5 in every sentence under a third. Past it the delimiters are read as text.
 */
export const EMPHASIS_SCAN_BUDGET = 5_000_000;

/** What the emphasis tokenizers have read in the render under way (reset by `markdownToHtml`). */
const scanned = { characters: 0 };

/**
 * GFM's text and URL rules with their run of e-mail address characters before an "@" stopped at 64
 * (RFC 5321's longest local part). At every text token, and every position the URL rule is tried,
 * they read the whole run of such characters for an "@", and "a_b_" splits one run into a token
 * every two characters: 99 KB of it took marked 54 s. Cached per rule (marked's rules are module
 * constants).
 */
const boundedRules = new WeakMap<RegExp, RegExp>();
function boundedRule(rule: RegExp): RegExp {
  let bounded = boundedRules.get(rule);
  if (!bounded) {
    bounded = new RegExp(rule.source.replaceAll("]+@", "]{1,64}@").replaceAll("]+(@)", "]{1,64}(@)"), rule.flags);
    boundedRules.set(rule, bounded);
  }
  return bounded;
}

/** marked, stopping lists and quotes (and, apart, emphasis and strikethrough) at the limits' depth. */
function boundedMarked(): Marked {
  const base = Tokenizer.prototype;
  const blocks = { depth: 0, limit: MARKDOWN_LIMITS.depth };
  const inline = { depth: 0, limit: MARKDOWN_LIMITS.emphasis };
  // Each of these tokenizers lexes its content before it returns, so a counter around the call is
  // the nesting depth. Past the limit it finds nothing (undefined, not false, which would call
  // marked's own): the marker is read as text.
  // Emphasis and strikethrough at a delimiter are charged what they read (see EMPHASIS_SCAN_BUDGET):
  // up to the closer when they find one, else the rest of the paragraph.
  const charged = <T extends { raw: string }>(src: string, read: () => T | undefined): T | undefined => {
    if (!/^[*_~]/.test(src)) return read();
    if (scanned.characters >= EMPHASIS_SCAN_BUDGET) return undefined;
    const token = read();
    scanned.characters += token ? token.raw.length : src.length;
    return token;
  };
  const nested = <T>(counter: { depth: number; limit: number }, read: () => T): T | undefined => {
    if (counter.depth >= counter.limit) return undefined;
    counter.depth++;
    try {
      return read();
    } finally {
      counter.depth--;
    }
  };
  // Each render's lexer hands the tokenizer a rules object of its own: only that one changes.
  const bound = (tokenizer: Tokenizer): void => {
    const rules = tokenizer.rules.inline;
    const text = boundedRule(rules.text);
    if (rules.text !== text) tokenizer.rules.inline = { ...rules, text, url: boundedRule(rules.url) };
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
        return nested(inline, () => charged(src, () => base.emStrong.call(this, src, masked, prev)));
      },
      del(src, masked, prev) {
        return nested(inline, () => charged(src, () => base.del.call(this, src, masked, prev)));
      },
      url(src) {
        bound(this);
        return base.url.call(this, src);
      },
      inlineText(src) {
        bound(this);
        return base.inlineText.call(this, src);
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

/**
 * Why marked's HTML is not drawn when it nests too deep (html-limits.ts): HTML written in the
 * markdown, or put in with `${…}`, passes through marked as it is, and the page's parse of it is
 * what costs. The line named is the markdown's that holds the tag where it went too deep (marked
 * copies HTML as written), when the text after that tag is found there.
 */
function htmlTooDeep(text: string, html: string): MarkdownLimit | undefined {
  const { depth } = HTML_LIMITS;
  const nesting = htmlNesting(html, depth);
  if (nesting.depth <= depth) return undefined;
  // Up to 64 characters from the tag that went too deep, to the end of its line.
  const lineEnd = html.indexOf("\n", nesting.offset);
  const written = html.slice(nesting.offset, Math.min(nesting.offset + 64, lineEnd < 0 ? html.length : lineEnd));
  const at = written ? text.indexOf(written) : -1;
  return { kind: "html-too-deep", text: "markdown", line: at >= 0 ? lineOf(text, at) : undefined, limit: depth };
}

/** `text` as HTML (unsanitized: the page sanitizes), or why it is not rendered (its message in `locale`). */
export function markdownToHtml(text: string, locale: Locale = "en"): Result<string, MarkdownProblem> {
  const { characters } = MARKDOWN_LIMITS;
  if (text.length > characters) return fail(markdownProblem({ kind: "too-long", text: "markdown", characters: text.length, limit: characters }, locale));
  const deep = tooDeep(text);
  if (deep) return fail(markdownProblem(deep, locale));
  renderer ??= boundedMarked();
  scanned.characters = 0;
  const html = renderer.parse(text, { async: false });
  const deepHtml = htmlTooDeep(text, html);
  return deepHtml ? fail(markdownProblem(deepHtml, locale)) : ok(html);
}
