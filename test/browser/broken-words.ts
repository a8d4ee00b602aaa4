/**
 * The words a page's tables break inside, read in the notebook's frame after the next drawn frame.
 * A word is broken when one of its letters starts a new line after a character that is not a break
 * opportunity (a space, or a hyphen, dash or slash the word carries itself). The word-break tests
 * of 04 and 06 read their tables through it, each with its own selector.
 */
import type { Frame } from "playwright-core";

/** What the tables matched in the frame show. */
export interface BrokenWords {
  /** The words broken inside, as "where: before|after" (the row's `data-id`, or the element holding the text). */
  broken: string[];
  /** Text nodes' words measured and tables matched (so that an empty page cannot pass). */
  words: number;
  tables: number;
}

/** The words broken inside the tables `selector` matches in `frame`, once the page has drawn a frame. */
export function brokenWords(frame: Frame, selector: string): Promise<BrokenWords> {
  return frame.evaluate(async (selector) => {
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const tables = [...document.querySelectorAll(selector)];
    const range = document.createRange();
    const broken: string[] = [];
    let words = 0;
    for (const table of tables) {
      const walker = document.createTreeWalker(table, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? "";
        for (const word of text.matchAll(/\S+/g)) {
          words++;
          range.setStart(node, word.index);
          range.setEnd(node, word.index + word[0].length);
          // A word cut by <wbr> is two text nodes, each measured alone: a line may start where the <wbr> is.
          if (range.getClientRects().length < 2) continue;
          // The word spans lines: find where, and whether the break follows a character that allows one.
          let top = Number.NEGATIVE_INFINITY;
          for (let i = 0; i < word[0].length; i++) {
            range.setStart(node, word.index + i);
            range.setEnd(node, word.index + i + 1);
            const rect = range.getBoundingClientRect();
            if (rect.width === 0) continue;
            if (i > 0 && rect.top > top + 2 && !/[-–—/‐]/.test(word[0].charAt(i - 1))) {
              const holder = node.parentElement;
              broken.push(`${holder?.closest("tr[data-id]")?.getAttribute("data-id") ?? holder?.localName ?? "?"}: ${word[0].slice(0, i)}|${word[0].slice(i)}`);
              break;
            }
            top = rect.top;
          }
        }
      }
    }
    return { broken, words, tables: tables.length };
  }, selector);
}
