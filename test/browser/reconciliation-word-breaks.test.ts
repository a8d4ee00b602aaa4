/**
 * 04's tables break lines only between words, or after a hyphen, dash or slash a word carries itself
 * (render-reconciliation.ts, `breakAfterSlashes`): at a narrow, a middle and a wide page, in both
 * languages. Chromium offers no break after a "/" between letters, so the labels
 * "Kvalitetsindikatorer/-standarder" or "Prosessforbedringer/-ombygging" in a fixed column were
 * broken inside a word instead ("Prosessforbedringe|r/-ombygging", "Sentraladministrasj|on",
 * "t29-politikere|-base"): 112 words in norsk and 166 in English before. A word is broken when one of
 * its letters starts a new line after a character that is not a break opportunity. Every box is laid
 * out (the flagged table's far blocks are skipped by the browser), so every word is measured.
 */
import { describe, expect, it } from "vitest";
import type { Frame } from "playwright-core";
import { laidOutAtWidths } from "./laid-out-at-widths";
import { useWorkbench } from "./use-workbench";

const wb = useWorkbench();

/** What 04's tables show at one width. */
interface Seen {
  width: number;
  /** The words broken inside, as "before|after" with the cell they are in. */
  broken: string[];
  /** Words measured and tables seen (so that an empty page cannot pass). */
  words: number;
  tables: number;
  /** Whether a fixed table scrolls sideways in its box (the fixed widths are kept, not squeezed). */
  scrolls: boolean;
}

function measure(frame: Frame, width: number): Promise<Seen> {
  return frame.evaluate(async (width) => {
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const tables = [...document.querySelectorAll("nb-cell table")];
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
          let top = Number.NEGATIVE_INFINITY;
          for (let i = 0; i < word[0].length; i++) {
            range.setStart(node, word.index + i);
            range.setEnd(node, word.index + i + 1);
            const rect = range.getBoundingClientRect();
            if (rect.width === 0) continue;
            if (i > 0 && rect.top > top + 2 && !/[-–—/‐]/.test(word[0].charAt(i - 1))) {
              broken.push(`${node.parentElement?.localName ?? "?"}: ${word[0].slice(0, i)}|${word[0].slice(i)}`);
              break;
            }
            top = rect.top;
          }
        }
      }
    }
    const fixed = [...document.querySelectorAll<HTMLElement>("nb-cell table.tv-fixed")];
    const scrolls = fixed.some((t) => {
      const box = t.closest(".tv-table");
      return box instanceof HTMLElement && box.scrollWidth > box.clientWidth + 1;
    });
    return { width, broken, words, tables: tables.length, scrolls };
  }, width);
}

describe("04's tables break lines between words only", () => {
  const widths = [360, 800, 1400];
  for (const [locale, county] of [["nb-NO", 0], ["nb-NO", 11], ["en-US", 0]] as const) {
    it(`in ${locale}${county ? ` under county ${county}` : ""}, at ${widths.join(", ")} px`, async () => {
      const seen = await laidOutAtWidths(wb, { notebook: "04-reconciliation", locale, county, widths, measure });
      for (const step of seen) {
        // The summary, the flagged table's blocks, 35 printed tables and the inconsistencies' tables.
        expect(step.tables, `${step.width} px`).toBeGreaterThan(40);
        expect(step.words, `${step.width} px`).toBeGreaterThan(10_000);
        expect(step.broken, `${locale} at ${step.width} px`).toEqual([]);
      }
      // The columns keep their widths: at 360 px the tables scroll sideways rather than squeeze.
      expect(seen[0]?.scrolls).toBe(true);
    }, 120_000);
  }
});
