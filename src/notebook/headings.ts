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

const ATX = /^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;
const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** Emphasis, code and link marks out of a heading's text (`**a** [b](c)` → `a b`). */
function plain(text: string): string {
  return text
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
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
    const atx = ATX.exec(line);
    const setext = SETEXT.exec(line);
    if (atx?.[1] !== undefined) out.push({ level: atx[1].length, text: plain(atx[2] ?? "") });
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
