/**
 * Issue 12 on notebook 04: each figure's row is cloned from an empty form made once per style
 * (its class, the highlight of its status, whether the table's id comes first) and then filled.
 * Read back cell by cell, every row of the figure tables and of the flagged table must carry its
 * own figure's class, highlight and texts — under a filter (every status occurs), unfiltered, in
 * both languages — so a form handed to a row of another status, or a cell filled in the wrong
 * column, shows here.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { applyFilter } from "../../../src/analysis/apply-filter";
import { createReconciliationBuiltins } from "../../../src/analysis/reconciliation/reconciliation-builtins";
import type { ReconciledCell } from "../../../src/analysis/reconciliation/reconcile";
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

/** The highlight each status carries on its row and first cell (render-reconciliation.ts). */
const COLOUR: Partial<Record<ReconciledCell["status"], string>> = { "conflict-met": "#fff4d6", "conflict-off": "#ffd9d9", difference: "#ffd9d9" };

/**
 * The flagged table's rows, worked out here without flagged-listing.ts: unfiltered every flagged
 * figure in the report's order; filtered the 25 percentages with the largest |residual|, ties in the
 * report's order (a selection sort over the report's order, not a library sort).
 */
function expectedFlaggedRows(flagged: readonly ReconciledCell[], filtered: boolean): ReconciledCell[] {
  if (!filtered) return [...flagged];
  const left = flagged.filter((c) => c.measure === "percent");
  const out: ReconciledCell[] = [];
  while (out.length < 25 && left.length > 0) {
    let best = 0;
    left.forEach((c, i) => {
      const b = left[best];
      if (b && Math.abs(c.residual) > Math.abs(b.residual)) best = i;
    });
    out.push(...left.splice(best, 1));
  }
  return out;
}

/**
 * A cell's text before its first element other than a `<wbr>` (a label's break after "/", "_" or
 * ":", break-opportunities.ts): the figure without its evidence marker, a label whole.
 */
function leadingText(td: Element): string {
  let text = "";
  for (const node of td.childNodes) {
    if (node.nodeType === 3) text += node.textContent ?? "";
    else if (node.nodeName !== "WBR") return text || (td.textContent ?? "");
  }
  return text;
}

/** Checks one body row against the figure it shows; `withTable`: the flagged table's first column is the table id. */
function checkRow(tr: Element, cell: ReconciledCell, locale: Locale, withTable: boolean): void {
  const where = `${cell.table} ${cell.row} ${cell.variable} ${String(cell.code)} ${cell.measure}`;
  expect(tr.getAttribute("class"), where).toBe(`tv-rec-${cell.status}${cell.ok ? "" : " tv-differs"}`);
  const colour = COLOUR[cell.status];
  const style = colour ? `background:${colour};color:#1d2430` : null;
  const tds = [...tr.children];
  const texts = tds.map(leadingText);
  const own = withTable ? tds.slice(1) : tds;
  const text = withTable ? texts.slice(1) : texts;
  expect(tr.getAttribute("style"), where).toBe(style);
  expect(own[0]?.getAttribute("style") ?? null, where).toBe(style);
  if (withTable) expect([texts[0], tds[0]?.getAttribute("style") ?? null], where).toEqual([cell.table, null]);
  const words = messages[locale];
  expect(own.length, where).toBe(10);
  expect(text[0], where).toBe(cell.row);
  expect(text[1], where).toBe(cell.variable);
  expect(text[2], where).toBe(cell.measure === "total" ? words.total : `${String(cell.code)} ${cell.label}`);
  expect(own[2]?.className, where).toBe("tv-printed-label");
  expect(text[3], where).toBe(cell.measure === "total" ? "N" : cell.measure === "percent" ? "%" : "n");
  expect(text[8], where).toBe(cell.conflict ?? "");
  expect(text[9], where).toBe(words.recStatus(cell.status));
  // The recomputed figure (its whole part) leads its cell; the residual is 0 exactly when the figure meets its target.
  expect(text[6]?.replace(/[\s\u00a0\u202f]/g, "").startsWith(String(Math.trunc(Math.abs(cell.reconstructed)))), `${where}: ${text[6]}`).toBe(true);
  expect(text[7] === "0", where).toBe(cell.residual === 0);
  for (const [i, td] of own.entries()) if (i !== 0 && i !== 2 && i !== 6) expect(td.attributes.length, `${where} column ${i}`).toBe(0);
}

describe("04's figure rows, each cloned from its style's form and filled", () => {
  const cases: [string, SurveyFilter, Locale][] = [
    ["Rogaland, norsk", { ...EMPTY_FILTER, fylke: [11] }, "nb"],
    ["no filter, English", EMPTY_FILTER, "en"],
    ["size class 2, English", { ...EMPTY_FILTER, sizeClass: [2] }, "en"],
  ];
  it.each(cases)("%s: every row of the figure tables and of the flagged table shows its own figure", async (_name, filter, locale) => {
    const r = createReconciliationBuiltins({ document: host.document, view: "live", locale }).reconciliation;
    const rec = r.build(applyFilter(survey, filter, { locale }));
    const cells = rec.tables.flatMap((t) => t.cells);
    const tableRows = [...(await r.tables(rec)).querySelectorAll("tbody > tr")];
    expect(tableRows.length).toBe(cells.length);
    tableRows.forEach((tr, i) => {
      const cell = cells[i];
      if (cell) checkRow(tr, cell, locale, false);
    });
    const flagged = cells.filter((c) => !c.ok);
    const listed = expectedFlaggedRows(flagged, rec.filtered);
    const flaggedRows = [...r.flaggedTable(rec).querySelectorAll("tbody > tr")];
    expect(flaggedRows.length).toBe(listed.length);
    flaggedRows.forEach((tr, i) => {
      const cell = listed[i];
      if (cell) checkRow(tr, cell, locale, true);
    });
    // Rows of several styles were drawn, so one form handed to another style would show.
    const statuses = new Set(cells.map((c) => c.status));
    expect(statuses.size).toBeGreaterThanOrEqual(rec.filtered ? 3 : 2);
  }, 60_000);
});
