/**
 * Issue 12 on notebook 04: the flagged table ("Figures that differ") is drawn in blocks of at most
 * FLAGGED_BLOCK_ROWS rows, each a `.tv-block` (content-visibility: auto, wide-tables.css) holding
 * one table with its caption, the fixed column widths and the head — the shape app/drawn-output.ts
 * exports as one table, and the disclosure checker reads table by table. The rows across the blocks
 * are the listed figures in the listed order (a screen reader reads them so), every block but the
 * last is full, and each block carries its rows and expected lines for its height before it is laid
 * out. Unfiltered and under filters, both languages, and in the shared view.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { applyFilter } from "../../../src/analysis/apply-filter";
import { flaggedListing } from "../../../src/analysis/reconciliation/flagged-listing";
import { createReconciliationBuiltins } from "../../../src/analysis/reconciliation/reconciliation-builtins";
import { FLAGGED_BLOCK_ROWS } from "../../../src/analysis/reconciliation/render-reconciliation";
import type { Survey } from "../../../src/analysis/survey";
import { loadSurvey } from "../../../src/analysis/survey-source";
import { messages, type Locale } from "../../../src/base/locale/locale";
import { EMPTY_FILTER, type SurveyFilter } from "../../../src/data/survey-filter";
import { nodeHost } from "../notebooks/headless-survey";

let survey: Survey;
const host = nodeHost();

beforeAll(async () => {
  survey = await loadSurvey(host);
});

describe("04's flagged table in blocks", () => {
  const cases: [string, SurveyFilter, Locale, "live" | "shared"][] = [
    ["no filter, norsk", EMPTY_FILTER, "nb", "live"],
    ["Rogaland, English", { ...EMPTY_FILTER, fylke: [11] }, "en", "live"],
    ["Finnmark, shared, norsk", { ...EMPTY_FILTER, fylke: [20] }, "nb", "shared"],
  ];
  it.each(cases)("%s: blocks of at most 8 rows, each a captioned table with the head, the rows in the listed order", (_name, filter, locale, view) => {
    const r = createReconciliationBuiltins({ document: host.document, view, locale }).reconciliation;
    const rec = r.build(applyFilter(survey, filter, { locale }));
    const listed = flaggedListing(rec).rows;
    expect(listed.length).toBeGreaterThan(FLAGGED_BLOCK_ROWS);
    const figure = r.flaggedTable(rec);
    const words = messages[locale];
    expect([...figure.classList]).toEqual(["tv-table", "tv-reconciliation-flagged", "tv-blocks"]);
    // The list's caption heads the figure; each block is one table and nothing else.
    const children = [...figure.children];
    expect(children[0]?.localName).toBe("figcaption");
    expect(children[0]?.textContent).toBe(words.recFlaggedCaption(rec.tables.flatMap((t) => t.cells).filter((c) => !c.ok).length, rec.filtered));
    const blocks = children.filter((c) => c.classList.contains("tv-block"));
    expect(blocks.length).toBe(Math.ceil(listed.length / FLAGGED_BLOCK_ROWS));
    // Blocks come right after the caption, before the audit lines.
    expect(children.slice(1, 1 + blocks.length)).toEqual(blocks);
    const head = [words.recColumns.table, words.recColumns.row, words.recColumns.variable, words.recColumns.category, words.recColumns.measure, words.recColumns.printed, words.recColumns.resolved, words.recColumns.recomputed, words.recColumns.residual, words.recColumns.conflict, ""];
    let first = 0;
    for (const block of blocks) {
      expect(block.localName).toBe("div");
      expect(block.children.length).toBe(1);
      const table = block.firstElementChild;
      expect(table?.localName).toBe("table");
      const rows = [...(table?.querySelectorAll("tbody > tr") ?? [])];
      expect(rows.length).toBe(Math.min(FLAGGED_BLOCK_ROWS, listed.length - first));
      expect(table?.querySelector("caption")?.textContent).toBe(words.recFlaggedBlock(first + 1, first + rows.length, listed.length));
      expect([...(table?.querySelectorAll("thead th") ?? [])].map((th) => th.textContent)).toEqual(head);
      expect(table?.querySelectorAll("colgroup > col").length).toBe(11);
      expect(table?.className).toBe("tv-fixed");
      // Its height before it is laid out: its rows, and at least a line each.
      const style = block.getAttribute("style") ?? "";
      expect(style).toMatch(new RegExp(`^--rows: ${rows.length}; --lines: \\d+$`));
      expect(Number(/--lines: (\d+)/.exec(style)?.[1])).toBeGreaterThanOrEqual(rows.length);
      // The rows are the listed figures in the listed order: table id and row label.
      rows.forEach((tr, i) => {
        const cell = listed[first + i];
        expect([tr.children[0]?.textContent, tr.children[1]?.textContent], `row ${first + i + 1}`).toEqual([cell?.table, cell?.row]);
      });
      first += rows.length;
    }
    expect(first).toBe(listed.length);
    // The columns' least width is the figure's, which each block keeps (wide-tables.css).
    expect(figure.getAttribute("style")).toMatch(/^--tv-min: [\d.]+em$/);
  }, 60_000);
});
