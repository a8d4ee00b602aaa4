/**
 * The table of contents of a notebook: the headings of its markdown cells, read from the source
 * (not the rendered page), so the contents exist before anything has run and follow every edit.
 */
import type { NotebookDoc } from "./document";
import type { Locale } from "../base/locale/locale";
import { cellInLanguage } from "./cell-in-language";

/** One heading of a markdown cell. */
export interface NotebookHeading {
  /** The cell it stands in. */
  cellId: string;
  /** Its position among that cell's headings (0-based): the rendered cell has them in this order. */
  index: number;
  /** 1 for `#`, 2 for `##`, … */
  level: number;
  /** The heading's text, without markdown emphasis marks. */
  text: string;
}

/** An ATX heading's opening `#`s and the blank after them; the rest of the line is read by {@link atxText}. */
const ATX_OPEN = /^ {0,3}(#{1,6})[ \t]/;
const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/**
 * How much of a heading the contents show. The contents are drawn from every markdown cell's source
 * at each render of report view, a shared notebook's too: a pattern run over a long run of blanks or
 * brackets backtracked for seconds (a 40,000-character line: 16 s; a link carries 2 MB).
 */
const HEADING_CHARS = 300;

const BLANK = /[ \t]/;

/**
 * An ATX heading's text after its opening (`## a ##` → `a`), read by hand, not by a pattern: a
 * closing run of `#` goes only after a blank, as marked reads it. Linear in the line's length.
 */
function atxText(rest: string): string {
  const text = rest.trim();
  let hashes = text.length;
  while (hashes > 0 && text[hashes - 1] === "#") hashes--;
  if (hashes === text.length || hashes === 0 || !BLANK.test(text[hashes - 1] ?? "")) return text;
  return text.slice(0, hashes).trimEnd();
}

/** Emphasis, code and link marks out of a heading's text (`**a** [b](c)` → `a b`). */
function plain(heading: string): string {
  // Link text holds no "[" (as marked reads `[a[b](c)`: "[a" and a link "b"), so each try stops at the next one.
  return heading
    .slice(0, HEADING_CHARS)
    .replace(/!?\[([^[\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[*_`~]+/g, "")
    .trim();
}

/** The headings of one markdown source, as marked renders them (ATX `#` and setext underlines). */
export function markdownHeadings(source: string): Array<{ level: number; text: string }> {
  const out: Array<{ level: number; text: string }> = [];
  let fence: string | undefined;
  let previous = "";
  for (const line of source.split(/\r\n?|\n/)) {
    const opens = FENCE.exec(line)?.[1];
    if (fence !== undefined) {
      if (opens !== undefined && opens[0] === fence[0] && opens.length >= fence.length) fence = undefined;
      previous = "";
      continue;
    }
    if (opens !== undefined) {
      fence = opens;
      previous = "";
      continue;
    }
    const atx = ATX_OPEN.exec(line);
    const setext = SETEXT.exec(line);
    if (atx?.[1] !== undefined) out.push({ level: atx[1].length, text: plain(atxText(line.slice(atx[0].length))) });
    else if (setext?.[1] !== undefined && previous.trim() !== "" && !/^ {4}/.test(previous)) {
      out.push({ level: setext[1].startsWith("=") ? 1 : 2, text: plain(previous) });
      previous = "";
      continue;
    }
    previous = line;
  }
  return out.filter((h) => h.text !== "");
}

/**
 * The notebook's headings down to `maxLevel`, in document order, as a reader in `locale` sees them
 * (a markdown cell's variant for it, else its authored text; the authored text without a locale).
 */
export function notebookHeadings(doc: Pick<NotebookDoc, "cells">, maxLevel = 3, locale?: Locale): NotebookHeading[] {
  return doc.cells.flatMap((cell) =>
    cell.kind === "md"
      ? markdownHeadings(locale ? cellInLanguage(cell, locale).source : cell.source)
          .map((h, index) => ({ cellId: cell.id, index, ...h }))
          .filter((h) => h.level <= maxLevel)
      : [],
  );
}
