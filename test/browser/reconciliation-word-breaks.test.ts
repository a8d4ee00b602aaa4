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
import { brokenWords, type BrokenWords } from "./broken-words";
import { useWorkbench } from "./use-workbench";

const wb = useWorkbench();

/** What 04's tables show at one width. */
interface Seen extends BrokenWords {
  width: number;
  /** Whether a fixed table scrolls sideways in its box (the fixed widths are kept, not squeezed). */
  scrolls: boolean;
}

async function measure(frame: Frame, width: number): Promise<Seen> {
  const seen = await brokenWords(frame, "nb-cell table");
  const scrolls = await frame.evaluate(() =>
    [...document.querySelectorAll("nb-cell table.tv-fixed")].some((t) => {
      const box = t.closest(".tv-table");
      return box instanceof HTMLElement && box.scrollWidth > box.clientWidth + 1;
    }),
  );
  return { width, scrolls, ...seen };
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
