/**
 * Why a markdown text is not rendered (runtime/markdown-to-html.ts), in each language. The limit is
 * kept as data with the cell's error, so the page words it in the language of the moment and a
 * switch rewords a shown error without a rerun; the runtime writes the message in its own language
 * for readers without a page (the headless runner).
 */
import { formatNumber } from "./number-format";
import type { Locale } from "./locale";

/** A markdown limit a text went past: its length, or how deep it nests and in what. */
export type MarkdownLimit =
  | { readonly kind: "too-long"; readonly characters: number; readonly limit: number }
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
      /** HTML written in the markdown (or put in with `${…}`) nests deeper than html-limits.ts allows. */
      readonly kind: "html-too-deep";
      /** 1-based line of the markdown where it went too deep, when found there. */
      readonly line: number | undefined;
      readonly limit: number;
    };

function nb(limit: MarkdownLimit): string {
  const n = (x: number): string => formatNumber("nb", x, 0);
  if (limit.kind === "too-long") {
    return `Ikke vist: denne markdown-teksten er ${n(limit.characters)} tegn lang; høyst ${n(limit.limit)} vises i én celle, for en lengre tekst kan holde siden opp i flere sekunder. Del den i flere celler.`;
  }
  if (limit.kind === "html-too-deep") {
    const where = limit.line === undefined ? "" : ` på linje ${n(limit.line)}`;
    return `Ikke vist: denne markdown-teksten har HTML-elementer mer enn ${n(limit.limit)} nivåer inni hverandre${where}; høyst ${n(limit.limit)} nivåer vises, for dypere HTML kan holde siden opp i flere sekunder. Lukk hvert element før du åpner det neste.`;
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
    return `Not rendered: this markdown is ${n(limit.characters)} characters long; at most ${n(limit.limit)} are rendered in one cell, as a longer text can hold up the page for seconds. Split it into several cells.`;
  }
  if (limit.kind === "html-too-deep") {
    const where = limit.line === undefined ? "" : ` at line ${n(limit.line)}`;
    return `Not rendered: this markdown nests HTML elements more than ${n(limit.limit)} levels deep${where}; at most ${n(limit.limit)} levels are rendered, as deeper HTML can hold up the page for seconds. Close each element before opening the next.`;
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
