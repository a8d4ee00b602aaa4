/**
 * `shownComparison` gives the sentences around a printed comparison the figures its table shows: in
 * a shared view under every county filter, each row's N and each answer's count are the table's own
 * text ("< 3", "·" or the count), and a row that hides a count gives no percentage (issue 11 §3:
 * notebook 02's status sentences said "N = 2: har innført 50 % (1)" where Tabell 2.1 was withheld).
 */
import { describe, expect, it } from "vitest";
import { createAnalysisBuiltins } from "../../../src/analysis/builtins";
import { loadSurvey } from "../../../src/analysis/survey-source";
import { COUNTIES_1999 } from "../../../src/data/counties";
import { EMPTY_FILTER } from "../../../src/data/survey-filter";
import { nodeHost } from "../notebooks/headless-survey";

const norm = (text: string | null | undefined): string => (text ?? "").replace(/[\s\u00a0\u202f]+/g, " ").trim();

/** The recomputed column of a comparison table: per question, its N row's text and its answers' count texts. */
function tableCounts(el: HTMLElement): { total: string; counts: string[] }[] {
  const groups: { total: string; counts: string[] }[] = [];
  for (const tr of el.querySelectorAll("tbody tr")) {
    const cells = [...tr.children];
    if (norm(cells[0]?.textContent)) groups.push({ total: "", counts: [] });
    const group = groups.at(-1);
    const recomputed = cells[3];
    if (!group || !recomputed) continue;
    // The evidence marker (a letter and a range) is not part of the figure.
    let text = norm(recomputed.textContent);
    for (const marker of recomputed.querySelectorAll(".tv-ev")) text = norm(text.replace(norm(marker.textContent), ""));
    if (norm(cells[1]?.textContent) === "N") group.total = text;
    else group.counts.push(/\((.+)\)$/.exec(text)?.[1] ?? text);
  }
  return groups;
}

describe("shownComparison", () => {
  it("says what Tabell 2.1 shows, no more, in a shared view under every county filter", async () => {
    const host = nodeHost();
    const survey = await loadSurvey(host);
    const shared = createAnalysisBuiltins({ ...host, view: "shared" });
    let hidden = 0;
    let withheld = 0;
    for (const { fylke } of COUNTIES_1999) {
      for (const sizeClass of [[], [1], [3], [5]]) {
        const selection = shared.applyFilter(survey, { ...EMPTY_FILTER, fylke: [fylke], sizeClass });
        if (selection.n === 0) continue;
        const cmp = shared.comparePrinted(selection, "2.1");
        const shown = shared.shownComparison(cmp);
        const table = shared.renderComparison(cmp);
        const where = `fylke ${fylke} size ${sizeClass.join()}`;
        if (table.querySelector("tbody") === null) {
          // Withheld (1–2 respondents): no figure at all.
          withheld++;
          expect(shown.flatMap((r) => [r.total, ...r.cells.map((c) => c.count)]).every((t) => t === "·"), where).toBe(true);
          expect(shown.flatMap((r) => r.cells.map((c) => c.percent)).every((p) => p === null), where).toBe(true);
          continue;
        }
        expect(shown.map((r) => ({ total: r.total, counts: r.cells.map((c) => c.count) })), where).toEqual(tableCounts(table));
        for (const row of shown) {
          const hides = [row.total, ...row.cells.map((c) => c.count)].some((t) => t === "< 3" || t === "·");
          if (hides) expect(row.cells.every((c) => c.percent === null), `${where} ${row.variable}`).toBe(true);
          hidden += row.cells.filter((c) => c.count === "< 3" || c.count === "·").length;
        }
      }
    }
    // The filters do hide counts and withhold tables: the checks above are not vacuous.
    expect(hidden).toBeGreaterThan(20);
    expect(withheld).toBeGreaterThan(0);
    // The analyst's own view shows every count.
    const live = createAnalysisBuiltins(host);
    const small = live.applyFilter(survey, { ...EMPTY_FILTER, fylke: [11], sizeClass: [1] });
    expect(live.shownComparison(live.comparePrinted(small, "2.1")).flatMap((r) => r.cells.map((c) => c.count)).some((t) => t === "< 3" || t === "·")).toBe(false);
  }, 120_000);
});
