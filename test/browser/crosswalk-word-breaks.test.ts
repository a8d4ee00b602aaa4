/**
 * 06's crosswalk tables break lines only between words, at every width a reader may give them, in
 * both languages and under a county filter (analysis/crosswalk/crosswalk-table.ts,
 * `CROSSWALK_STACK_BELOW`): where five columns cannot hold the longest words, the rows are stacked
 * cards; where they are columns, each column's share holds its longest word. A word is broken when
 * one of its letters starts a new line after a character that is not a break opportunity (a space,
 * or a hyphen, dash or slash the word carries itself). Before this, in norsk at 1,050–1,200 px the
 * columns broke "rekonstruksjonen|e", "informasjonsprosesseri|ng»" and the what-if head
 * "Vurderin|g". In norsk the crosswalk's own words are bokmål (crosswalk-nb.ts), and the
 * questionnaire's "kvalitetsforbedringsarbeidet" is wider than any column: a long compound may
 * break where its parts meet, hyphenated (a `.tv-joint`, tables/break-opportunities.ts) — a break
 * between two text nodes, so never counted as broken — and nowhere else. The test checks that such
 * breaks happen, and that no soft hyphen is in the tables' text or a selection of them (exports,
 * report, copied text). The page is resized in place, so the same drawing is measured at every width.
 */
import { describe, expect, it } from "vitest";
import type { Frame } from "playwright-core";
import { notebookFrame, openApp } from "./browser-helpers";
import { laidOutAtWidths } from "./laid-out-at-widths";
import { brokenWords, type BrokenWords } from "./broken-words";
import { useWorkbench } from "./use-workbench";

const wb = useWorkbench();

/** What the crosswalk tables show at one width. */
interface Seen extends BrokenWords, Joints {
  width: number;
  /** Each table's rows are cards (`display: block`) rather than table rows. */
  stacked: boolean[];
}

/** The compounds' joints and the tables' text as a reader gets it. */
interface Joints {
  /** Compound joints where the line breaks (the hyphen drawn by `.tv-joint::after`). */
  hyphenated: number;
  /** Soft hyphens (U+00AD) in the tables' text or a selection of them: must be none. */
  softHyphens: number;
  /** The first row's title, to see which language's words were measured. */
  firstTitle: string;
  /** The first table as a reader's selection reads it (what a copy gets). */
  selected: string;
}

function joints(frame: Frame): Promise<Joints> {
  return frame.evaluate(() => {
    const tables = [...document.querySelectorAll(".cw-table")];
    const range = document.createRange();
    // A joint breaks the line when the text after it starts below the text before it.
    let hyphenated = 0;
    for (const joint of document.querySelectorAll(".cw-table .tv-joint")) {
      const before = joint.previousSibling;
      const after = joint.nextSibling;
      if (!before?.textContent || !after?.textContent) continue;
      range.setStart(before, before.textContent.length - 1);
      range.setEnd(before, before.textContent.length);
      const end = range.getBoundingClientRect().top;
      range.setStart(after, 0);
      range.setEnd(after, 1);
      if (range.getBoundingClientRect().top > end + 2) hyphenated++;
    }
    const selection = getSelection();
    if (tables[0]) selection?.selectAllChildren(tables[0]);
    const selected = selection?.toString() ?? "";
    selection?.removeAllRanges();
    const softHyphens = (tables.map((t) => t.textContent ?? "").join("") + selected).split("\u00AD").length - 1;
    const firstTitle = document.querySelector(".cw-table tbody tr strong")?.textContent ?? "";
    return { hyphenated, softHyphens, firstTitle, selected };
  });
}

async function measure(frame: Frame, width: number): Promise<Seen> {
  const seen = await brokenWords(frame, ".cw-table");
  const stacked = await frame.evaluate(() => [...document.querySelectorAll(".cw-table")].map((t) => getComputedStyle(t).display === "block"));
  return { width, stacked, ...seen, ...(await joints(frame)) };
}

describe("06's crosswalk tables break lines between words only", () => {
  // 760 px: the sidebar folds away; 1,000–1,400 px: the table's box grows from ~640 to ~890 px
  // beside the sidebar, through the width where the rows stop being cards (~1,220 px).
  const widths = [360, 760, 1000, 1050, 1100, 1150, 1200, 1220, 1240, 1275, 1400, 1600];
  for (const [locale, county] of [["nb-NO", 0], ["nb-NO", 11], ["en-US", 0]] as const) {
    it(`in ${locale}${county ? ` under county ${county}` : ""}, at ${widths.join(", ")} px`, async () => {
      const seen = await laidOutAtWidths(wb, { notebook: "06-thesis-crosswalk", locale, county, widths, measure });
      for (const step of seen) {
        expect(step.stacked, `${step.width} px`).toHaveLength(2);
        expect(step.words, `${step.width} px`).toBeGreaterThan(2000);
        expect(step.broken, `${locale} at ${step.width} px`).toEqual([]);
        expect(step.softHyphens, `${step.width} px`).toBe(0);
        // The crosswalk's own words are in the page's language.
        expect(step.firstTitle).toBe(locale === "en-US" ? "Adapting the model to the municipality" : "Å tilpasse modellen til kommunen");
      }
      if (locale !== "en-US") {
        // In norsk a long compound breaks at its joints, hyphenated, where the columns are narrow,
        // and a selection (a copy) reads it whole.
        expect(seen.find((s) => s.width === 1220)?.hyphenated).toBeGreaterThan(0);
        expect(seen.find((s) => s.width === 1220)?.selected).toContain("kvalitetsforbedringsarbeidet");
      }
      // Both layouts were measured: cards on a narrow page, columns on a wide one.
      expect(seen.find((s) => s.width === 360)?.stacked).toEqual([true, true]);
      expect(seen.find((s) => s.width === 1400)?.stacked).toEqual([false, false]);
      expect(seen.filter((s) => !s.stacked[0]).length).toBeGreaterThan(2);
    });
  }

  it("keep a width where a notebook lays them out in a box sized from its content (inline-block)", async () => {
    // The table's box is a query container and takes no width from its table: in a notebook's own
    // shrink-to-fit box it must not shrink to nothing (every value would be drawn in 0 px).
    const page = await (await wb.browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
    await openApp(page, wb.server.url, "#/nb/06-thesis-crosswalk");
    const frame = await notebookFrame(page, 30_000);
    await frame.evaluate(async () => {
      await window.tverrsnitt?.ready;
      await window.tverrsnitt?.idle();
      const wrap = document.querySelector(".cw-wrap");
      const box = document.createElement("div");
      box.className = "shrink-to-fit";
      box.style.display = "inline-block";
      wrap?.replaceWith(box);
      if (wrap) box.append(wrap);
      box.scrollIntoView({ block: "center" });
    });
    // Read the table as a reader sees it: on screen. Its cell starts below the fold, where the browser
    // skips laying it out (content-visibility: auto, workbench.css); a width read there was now and
    // then the moved box's before any layout (0 px, and 360 px when read again at once: 4 of 70 runs
    // under load), never what is drawn. Once on screen, the box is laid out as it is drawn.
    await frame.waitForFunction(() => document.querySelector(".shrink-to-fit .cw-wrap")?.checkVisibility({ contentVisibilityAuto: true }) === true);
    const widths = await frame.evaluate(async () => {
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      const wrap = document.querySelector(".shrink-to-fit .cw-wrap");
      return { wrap: wrap?.getBoundingClientRect().width ?? 0, table: wrap?.querySelector("table")?.getBoundingClientRect().width ?? 0 };
    });
    expect(widths.wrap, JSON.stringify(widths)).toBeGreaterThanOrEqual(300);
    expect(widths.table, JSON.stringify(widths)).toBeLessThanOrEqual(widths.wrap + 1);
    await page.context().close();
  });
});
