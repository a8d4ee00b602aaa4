/**
 * The shared filter in a running notebook: moving it (as the filter bar or a share link does)
 * recomputes the selection and exactly the cells that read it, with the new N; an empty selection
 * says so and prints no NaN.
 */
import { describe, expect, it } from "vitest";
import { toJsonValue } from "../../../src/runtime/headless";
import { differences, liveRuntime, printedTables, respondentRecords, setFilter, type RecomputedTable } from "./headless-survey";

const records = respondentRecords();

function isComparison(v: unknown): v is RecomputedTable & { filtered: boolean; mismatches: number; note: string } {
  return typeof v === "object" && v !== null && "rows" in v && "filtered" in v && "note" in v;
}

describe("01-overview with the filter bar", () => {
  it("recomputes N and the tables for one county, and only the cells downstream of the filter", async () => {
    const live = await liveRuntime("01-overview.html");
    const { runtime } = live;
    try {
      const introRuns = runtime.state("intro")?.runs;
      const h21Runs = runtime.state("h21")?.runs;
      const t21Runs = runtime.state("t21")?.runs ?? 0;
      await setFilter(live, { fylke: [11], sizeClass: [], respType: [], adopted: [] });
      const values = runtime.namedValues();
      const expected = records.filter((r) => r.fylke === "11").length;
      expect(expected).toBeGreaterThan(0);
      expect(toJsonValue(await live.scope.selection())).toMatchObject({ n: expected, total: 267 });
      const t21 = values.t21;
      expect(isComparison(t21)).toBe(true);
      if (!isComparison(t21)) return;
      expect(t21.filtered).toBe(true);
      // Tabell 2.1's q3 row under the filter: the status counts of the county's respondents.
      const q3 = t21.rows[0];
      const count = (code: string): number => records.filter((r) => r.fylke === "11" && r.q3 === code).length;
      expect(q3?.cells.map((c) => c.count)).toEqual(["1", "2", "3", "4"].map(count));
      expect(runtime.state("t21")?.runs).toBe(t21Runs + 1);
      expect(runtime.state("intro")?.runs).toBe(introRuns);
      expect(runtime.state("h21")?.runs).toBe(h21Runs);
    } finally {
      runtime.dispose();
    }
  });

  it("says so when nobody matches, with every cell still fulfilled and no NaN", async () => {
    const live = await liveRuntime("01-overview.html");
    const { runtime } = live;
    try {
      // No respondent is a fylkeskommune in size class 1 (every fylkeskommune is in class 6).
      expect(records.filter((r) => r.resp_type === "2" && r.size_class === "1")).toHaveLength(0);
      await setFilter(live, { fylke: [], sizeClass: [1], respType: [2], adopted: [] });
      const values = runtime.namedValues();
      const selection = await live.scope.selection();
      expect(toJsonValue(selection)).toMatchObject({ n: 0, status: "empty" });
      expect(selection.summary).toContain("N = 0 av 267");
      expect(selection.message).toContain("Ingen respondenter passer");
      for (const id of ["t21", "t22", "t25", "t26", "t27", "t28", "t29", "summary-table"]) expect(runtime.state(id)?.status).toBe("fulfilled");
      for (const name of ["t21", "t22", "t25", "t26", "t27", "t28", "t29", "overview"]) expect(JSON.stringify(toJsonValue(values[name]))).not.toMatch(/NaN|Infinity/);
    } finally {
      runtime.dispose();
    }
  });

  it("returns to the printed figures when the filter is cleared", async () => {
    const live = await liveRuntime("01-overview.html");
    const { runtime } = live;
    try {
      await setFilter(live, { fylke: [12], sizeClass: [], respType: [], adopted: ["q7"] });
      expect(runtime.namedValues().t22).toMatchObject({ filtered: true });
      await setFilter(live, { fylke: [], sizeClass: [], respType: [], adopted: [] });
      const t22 = runtime.namedValues().t22;
      const printed = printedTables().find((t) => t.id === "2.2");
      expect(isComparison(t22) && printed ? differences(t22, printed) : ["missing"]).toEqual([]);
    } finally {
      runtime.dispose();
    }
  });
});
