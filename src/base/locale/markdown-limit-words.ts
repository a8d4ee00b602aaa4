/**
 * Why a markdown or HTML text is not rendered (runtime/markdown-to-html.ts, runtime/html-limits.ts),
 * in each language. The limit is kept as data with the cell's error, so the page words it in the
 * language of the moment and a switch rewords a shown error without a rerun; the runtime writes the
 * message in English for readers without a page (the headless runner).
 */
import { isProblemError } from "../result";
import { isRecord } from "../guards";
import { formatNumber } from "./number-format";
import type { Locale } from "./locale";

/** The text a limit is about: a markdown cell's, an html cell's, an html`…`'s, or a cell's own markdown output. */
export type LimitedText = "markdown" | "html" | "html-literal" | "output";

/** A limit a markdown or HTML text went past: its length, or how deep it nests and in what. */
export type MarkdownLimit =
  | { readonly kind: "too-long"; readonly text: "markdown" | "html"; readonly characters: number; readonly limit: number }
  | {
      readonly kind: "too-deep";
      /** What nests: lists, block quotes, both (with how many of each), or emphasis (*, _ or ~~). */
      readonly what: "lists" | "quotes" | "lists-and-quotes" | "emphasis";
      readonly levels: number;
      readonly lists: number;
      readonly quotes: number;
      /** 1-based line where the deepest level is. */
      readonly line: number;
      readonly limit: number;
    }
  | {
      /** HTML (in markdown: written in it or put in with `${…}`) nests deeper than html-limits.ts allows. */
      readonly kind: "html-too-deep";
      readonly text: LimitedText;
      /** 1-based line of the text where it went too deep, when found there. */
      readonly line: number | undefined;
      readonly limit: number;
    };

const NB_SUBJECT: Record<LimitedText, string> = { markdown: "denne markdown-teksten", html: "denne HTML-teksten", "html-literal": "denne html`…`-teksten", output: "dette resultatet" };
const EN_SUBJECT: Record<LimitedText, string> = { markdown: "this markdown", html: "this HTML", "html-literal": "this html`…`", output: "this output" };

function nb(limit: MarkdownLimit): string {
  const n = (x: number): string => formatNumber("nb", x, 0);
  if (limit.kind === "too-long") {
    return `Ikke vist: ${NB_SUBJECT[limit.text]} er ${n(limit.characters)} tegn lang; høyst ${n(limit.limit)} vises i én celle, for en lengre tekst kan holde siden opp i flere sekunder. Del den i flere celler.`;
  }
  if (limit.kind === "html-too-deep") {
    const where = limit.line === undefined ? "" : ` på linje ${n(limit.line)}`;
    const elements = limit.text === "markdown" ? "HTML-elementer" : "elementer";
    return `Ikke vist: ${NB_SUBJECT[limit.text]} har ${elements} mer enn ${n(limit.limit)} nivåer inni hverandre${where}; høyst ${n(limit.limit)} nivåer vises, for dypere HTML kan holde siden opp i flere sekunder. Lukk hvert element før du åpner det neste.`;
  }
  const [what, fix] = {
    lists: ["lister", "Gjør listen flatere."],
    quotes: ["sitatblokker", "Bruk færre >-tegn."],
    "lists-and-quotes": [`lister og sitatblokker (${n(limit.lists)} lister, ${n(limit.quotes)} sitater)`, "Gjør listene og sitatene flatere."],
    emphasis: ["utheving (*, _ eller ~~)", "Avslutt en utheving før du begynner den neste."],
  }[limit.what];
  return `Ikke vist: denne markdown-teksten har ${n(limit.levels)} nivåer ${what} inni hverandre på linje ${n(limit.line)}; høyst ${n(limit.limit)} nivåer vises. ${fix}`;
}

function en(limit: MarkdownLimit): string {
  const n = (x: number): string => formatNumber("en", x, 0);
  if (limit.kind === "too-long") {
    return `Not rendered: ${EN_SUBJECT[limit.text]} is ${n(limit.characters)} characters long; at most ${n(limit.limit)} are rendered in one cell, as a longer text can hold up the page for seconds. Split it into several cells.`;
  }
  if (limit.kind === "html-too-deep") {
    const where = limit.line === undefined ? "" : ` at line ${n(limit.line)}`;
    const elements = limit.text === "markdown" ? "HTML elements" : "elements";
    return `Not rendered: ${EN_SUBJECT[limit.text]} nests ${elements} more than ${n(limit.limit)} levels deep${where}; at most ${n(limit.limit)} levels are rendered, as deeper HTML can hold up the page for seconds. Close each element before opening the next.`;
  }
  const [what, fix] = {
    lists: ["lists", "Flatten the list."],
    quotes: ["block quotes", "Use fewer > markers."],
    "lists-and-quotes": [`lists and block quotes (${n(limit.lists)} lists, ${n(limit.quotes)} quotes)`, "Flatten the lists and quotes."],
    emphasis: ["emphasis (*, _ or ~~)", "Close an emphasis before opening the next."],
  }[limit.what];
  return `Not rendered: this markdown nests ${n(limit.levels)} levels of ${what} at line ${n(limit.line)}; at most ${n(limit.limit)} levels are rendered. ${fix}`;
}

/** Why the text is not rendered, and what to do, in `locale`. */
export function markdownLimitMessage(limit: MarkdownLimit, locale: Locale): string {
  return locale === "nb" ? nb(limit) : en(limit);
}

/** The problem kinds that carry a limit as data: markdown-to-html.ts's and html-limits.ts's. */
const LIMIT_PROBLEMS: ReadonlySet<string> = new Set(["markdown-too-long", "markdown-too-deep", "html-too-long", "html-too-deep"]);

/** The limit a thrown value reports (a ProblemError of markdown-to-html.ts or html-limits.ts), if it is one. */
export function markdownLimitOf(thrown: unknown): MarkdownLimit | undefined {
  if (!isProblemError(thrown)) return undefined;
  const { problem } = thrown;
  return "limit" in problem && LIMIT_PROBLEMS.has(problem.kind) && isMarkdownLimit(problem.limit) ? problem.limit : undefined;
}

function isMarkdownLimit(value: unknown): value is MarkdownLimit {
  return isRecord(value) && (value["kind"] === "too-long" || value["kind"] === "too-deep" || value["kind"] === "html-too-deep") && typeof value["limit"] === "number";
}
