/**
 * The disclosure guard of the report tables in shared views: counts of 1–2 print as "< 3", and no
 * hidden count can be recovered from a total beside it — every line of counts (a row with its total,
 * a column with its total, the margins with N) hides none or at least two (complementary
 * suppression). Checked by hand on small lines, then on the survey under every county filter.
 */
import { describe, expect, it } from "vitest";
import { createAnalysisBuiltins } from "../../../src/analysis/builtins";
import { loadSurvey } from "../../../src/analysis/survey-source";
import { COUNTIES_1999 } from "../../../src/data/counties";
import { suppressedCounts } from "../../../src/stats/disclosure";
import { ShownCounts } from "../../../src/analysis/tables/shown-counts";
import { nodeHost } from "../notebooks/headless-survey";

const active = { active: true };

describe("complementary suppression", () => {
  it("hides the smallest other count of a line with one masked count", () => {
    // 1 + 5 + 7 = 13: with the total shown, hiding only the 1 gives it back as 13 − 5 − 7.
    const counts = new Map([["a", 1], ["b", 5], ["c", 7], ["t", 13]]);
    expect([...suppressedCounts(counts, [{ parts: ["a", "b", "c"], total: "t" }], active)].sort()).toEqual(["a", "b"]);
  });

  it("hides the total when every other part is zero", () => {
    const counts = new Map([["a", 2], ["b", 0], ["t", 2]]);
    expect([...suppressedCounts(counts, [{ parts: ["a", "b"], total: "t" }], active)].sort()).toEqual(["a", "t"]);
  });

  it("follows a hidden count into the lines that cross it", () => {
    // A 2 × 2 table with margins: the 1 in the corner forces a second cell in its row and its column,
    // and those force a fourth.
    const counts = new Map([["11", 1], ["12", 4], ["21", 6], ["22", 9], ["r1", 5], ["r2", 15], ["k1", 7], ["k2", 13], ["t", 20]]);
    const lines = [
      { parts: ["11", "12"], total: "r1" }, { parts: ["21", "22"], total: "r2" },
      { parts: ["11", "21"], total: "k1" }, { parts: ["12", "22"], total: "k2" },
    ];
    const hidden = suppressedCounts(counts, lines, active);
    expect([...hidden].sort()).toEqual(["11", "12", "21", "22"]);
    for (const line of lines) expect([...line.parts, line.total].filter((id) => hidden.has(id)).length).not.toBe(1);
  });

  it("hides nothing in the analyst's live view", () => {
    expect(suppressedCounts(new Map([["a", 1], ["t", 1]]), [{ parts: ["a"], total: "t" }], { active: false }).size).toBe(0);
  });
});

/** Body rows of a table as text. */
function rows(el: HTMLElement): string[][] {
  return [...el.querySelectorAll("tbody tr")].map((tr) => [...tr.children].map((c) => c.textContent ?? ""));
}

const isHidden = (text: string | undefined): boolean => text === "< 3" || text === "·";

describe("the guard's note under a table that hides counts", () => {
  it("is in the table's language, with the clause of its kind of table", () => {
    const shown = new ShownCounts();
    shown.add("a", 1);
    shown.add("b", 5);
    shown.add("t", 6);
    shown.line(["a", "b"], "t");
    expect(shown.note("frequencies", "nb")).toEqual([]);
    shown.guard(true);
    expect(shown.note("frequencies", "nb")).toEqual(["Delt visning: tall på 1–2 vises som «< 3», tall (også 0) som ville gitt dem tilbake, som «·», og prosentene deres og kumulativ prosent er utelatt (vern mot avsløring)."]);
    expect(shown.note("frequencies", "en")).toEqual(["Shared view: counts of 1–2 are shown as “< 3”, counts (a 0 among them) that would give them back as “·”, and their percentages and the cumulative percent are left out (disclosure guard)."]);
    expect(shown.note("correlation", "nb", "ρ")).toEqual(["Delt visning: tall på 1–2 vises som «< 3», tall (også 0) som ville gitt dem tilbake, som «·», og ρ og p for skjulte n er utelatt (vern mot avsløring)."]);
    expect(shown.note("correlation", "en", "ρ")).toEqual(["Shared view: counts of 1–2 are shown as “< 3”, counts (a 0 among them) that would give them back as “·”, and the ρ and p of hidden n are left out (disclosure guard)."]);
  });
});

describe("shared tables under every county filter", () => {
  it("crosstab: no count of 1–2 shows, and no row or column (with its total) hides exactly one count", async () => {
    const host = nodeHost();
    const survey = await loadSurvey(host);
    const shared = createAnalysisBuiltins({ ...host, view: "shared" });
    const live = createAnalysisBuiltins(host);
    let hiddenSeen = 0;
    for (const { fylke } of COUNTIES_1999) {
      const selection = shared.applyFilter(survey, { fylke: [fylke] });
      if (selection.n === 0) continue;
      const counts = rows(shared.tables.crosstab(selection, "size_class", "q20", { percent: "none" })).map((r) => r.slice(1));
      for (const line of [...counts, ...counts[0]?.map((_, j) => counts.map((r) => r[j] ?? "")) ?? []]) {
        expect(line.filter(isHidden).length, `fylke ${fylke}: ${line.join(" | ")}`).not.toBe(1);
        expect(line.some((t) => t === "1" || t === "2"), `fylke ${fylke}: ${line.join(" | ")}`).toBe(false);
      }
      hiddenSeen += counts.flat().filter(isHidden).length;
      const liveCounts = rows(live.tables.crosstab(selection, "size_class", "q20", { percent: "none" })).flat();
      expect(liveCounts.some(isHidden)).toBe(false);
    }
    // The check above would pass on tables without any small count; the filters do produce some.
    expect(hiddenSeen).toBeGreaterThan(20);
  }, 60_000);

  it("frequencies: no count of 1–2 shows, not in the audit line either, and the lines add up to nothing hidden alone", async () => {
    const host = nodeHost();
    const survey = await loadSurvey(host);
    const shared = createAnalysisBuiltins({ ...host, view: "shared" });
    let hiddenSeen = 0;
    for (const { fylke } of COUNTIES_1999) {
      const selection = shared.applyFilter(survey, { fylke: [fylke] });
      if (selection.n === 0) continue;
      const el = shared.tables.frequencies(selection, "q20");
      const table = rows(el);
      const counts = table.map((r) => r[2] ?? "");
      expect(counts.some((t) => t === "1" || t === "2")).toBe(false);
      const validEnd = table.findIndex((r) => r[1] === "Total");
      const valid = counts.slice(0, validEnd + 1);
      const missing = table.slice(validEnd + 1).filter((r) => r[0] !== "Total").map((r) => r[2] ?? "");
      for (const line of [valid, missing, [counts[validEnd] ?? "", missing.at(-1) ?? "", counts.at(-1) ?? ""]]) {
        if (line.length > 1) expect(line.filter(isHidden).length, `fylke ${fylke}: ${line.join(" | ")}`).not.toBe(1);
      }
      for (const line of [...el.querySelectorAll(".tv-audit-line")].map((p) => p.textContent ?? "")) expect(line).not.toMatch(/\((1|2)\)|valid [12] |missing [12]$/);
      hiddenSeen += counts.filter(isHidden).length;
    }
    expect(hiddenSeen).toBeGreaterThan(10);
  }, 60_000);
});

describe("renderTable of a selection of 1–2 in a shared view", () => {
  /** Notebook 03's Pearson table (cell r2) for one model, under `filter`, in the `view` given. */
  async function pearsonTable(view: "live" | "shared", filter: { fylke: number[]; sizeClass: number[] }, audit: (line: string) => string = (line) => `q6: ${line}`, disclosureSensitive?: boolean): Promise<HTMLElement> {
    const host = { ...nodeHost(), view };
    const survey = await loadSurvey(host);
    const names = createAnalysisBuiltins(host);
    const selection = names.applyFilter(survey, filter);
    const c = names.stats.pearson(selection.view, "q30_5", "q6", { codebook: survey.codebook });
    return names.renderTable({
      caption: "Pearson's r: q30_5 × q6",
      columns: [{ key: "r", label: "r" }, { key: "n", label: "n", count: true }],
      rows: [{ r: c.r, n: c.n }],
      audit: audit(c.audit.line),
      disclosureSensitive: disclosureSensitive ?? selection.disclosureSensitive,
    });
  }
  // Fylke 7 × size class 5: 2 respondents (counted in respondents.csv by the shared-view test's grid).
  const two = { fylke: [7], sizeClass: [5] };

  it("is withheld when its audit line says N = 1–2, with the caption and why", async () => {
    const el = await pearsonTable("shared", two);
    expect(el.classList.contains("tv-withheld")).toBe(true);
    expect(el.querySelector("table")).toBeNull();
    expect(el.querySelector("figcaption")?.textContent).toBe("Pearson's r: q30_5 × q6");
    expect(el.textContent).toMatch(/færre enn 3 respondenter passer dette filteret, så tabellen er holdt tilbake/);
    expect(el.textContent).not.toMatch(/N = 2|\b2 cases/);
  });

  it("is shown in the analyst's live view, without a county or size filter, and above 2 rows", async () => {
    const live = await pearsonTable("live", two);
    expect(live.querySelector("table")).not.toBeNull();
    expect([...live.querySelectorAll(".tv-audit-line")].map((p) => p.textContent).join(" ")).toMatch(/^q6: N = 2 · /);
    expect((await pearsonTable("shared", two, undefined, false)).querySelector("table")).not.toBeNull();
    const county = await pearsonTable("shared", { fylke: [7], sizeClass: [] });
    expect(county.querySelector("table")).not.toBeNull();
    expect(county.textContent).toMatch(/N = (\d{2,}|[3-9]) · /);
  });

  it("keeps today's behaviour (counts masked, table shown) when no audit line states its N", async () => {
    const el = await pearsonTable("shared", two, () => "q30_5 × q6 under the filter");
    expect(el.querySelector("table")).not.toBeNull();
    expect([...el.querySelectorAll("tbody td")].map((td) => td.textContent)[1]).toMatch(/^(< 3|·|0)$/);
  });
});

describe("renderTable: a column computed from a count column", () => {
  // Notebook 03's post-stratification table: with population shares and n, a weight
  // w_h = (P_h / P) / (n_h / n) gives n_h back, so the weights go where a respondent count is hidden.
  async function weightsTable(view: "live" | "shared"): Promise<HTMLElement> {
    const host = { ...nodeHost(), view };
    const names = createAnalysisBuiltins(host);
    const rows = [
      { cell: "A", popShare: 25, respondents: 1, weight: (25 / 100) / (1 / 11) },
      { cell: "B", popShare: 75, respondents: 10, weight: (75 / 100) / (10 / 11) },
    ];
    return names.renderTable({
      caption: "weights",
      columns: [{ key: "cell", label: "Cell" }, { key: "popShare", label: "Population %" }, { key: "respondents", label: "Respondents", count: true }, { key: "weight", label: "Weight", decimals: 3, from: "respondents" }],
      rows,
      audit: "N = 11 · weight: post-stratification",
      disclosureSensitive: true,
    });
  }
  const column = (el: HTMLElement, k: number): string[] => [...el.querySelectorAll("tbody tr")].map((tr) => tr.querySelectorAll("td")[k]?.textContent ?? "");

  it("shows no weight in a shared view once a respondent count is hidden, and every weight in the live view", async () => {
    const shared = await weightsTable("shared");
    expect(column(shared, 2)[0]).toMatch(/^(< 3|·)$/);
    expect(column(shared, 3)).toEqual(["–", "–"]);
    const live = await weightsTable("live");
    expect(column(live, 2)).toEqual(["1", "10"]);
    expect(column(live, 3).every((t) => /\d/.test(t))).toBe(true);
  });
});
