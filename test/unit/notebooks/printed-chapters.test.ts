/**
 * Notebooks 1 and 2 headless: every cell settles, and every figure they recompute equals the
 * report's printed figure (or its documented resolution) as transcribed in printed-tables.json.
 */
import { describe, expect, it } from "vitest";
import type { HeadlessRun } from "../../../src/runtime/headless";
import { messages } from "../../../src/base/locale/locale";
import { differences, isRecomputedTable, liveRuntime, namesOf, notebook, printedTables, runHeadless, type RecomputedTable } from "./headless-survey";

function recomputedTables(run: HeadlessRun): Map<string, RecomputedTable> {
  const out = new Map<string, RecomputedTable>();
  for (const value of Object.values(namesOf(run))) if (isRecomputedTable(value)) out.set(value.id, value);
  return out;
}

function failures(run: HeadlessRun): string[] {
  return run.cells.filter((c) => c.status !== "fulfilled").map((c) => `cell ${c.id}: ${c.status} ${c.error?.message ?? ""}`);
}

const CASES: { file: string; tables: string[] }[] = [
  { file: "01-overview.html", tables: ["2.1", "2.2", "2.5", "2.6", "2.7", "2.8", "2.9"] },
  { file: "02-six-models.html", tables: ["2.1", "2.4", "3.1", "3.2", "3.3", "3.4", "3.5", "3.6", "3.7", "3.8", "3.9", "3.10", "3.11", "3.12"] },
];

describe.each(CASES)("$file headless", ({ file, tables }) => {
  const printed = new Map(printedTables().map((t) => [t.id, t]));
  let run: HeadlessRun | undefined;
  const result = async (): Promise<HeadlessRun> => (run ??= await runHeadless(file));

  it("runs every cell to completion", async () => {
    const r = await result();
    expect(failures(r)).toEqual([]);
    expect(r.ok).toBe(true);
  });

  it("recomputes each of its printed tables, every row", async () => {
    const mine = recomputedTables(await result());
    expect([...mine.keys()].sort()).toEqual([...tables].sort());
  });

  it.each(tables)("Tabell %s: every recomputed figure equals the printed one or its documented resolution", async (id) => {
    const table = printed.get(id);
    const recomputed = recomputedTables(await result()).get(id);
    expect(table).toBeDefined();
    expect(recomputed).toBeDefined();
    if (!table || !recomputed) return;
    expect(differences(recomputed, table)).toEqual([]);
  });

  it("shows each of its printed tables once (01 showed Tabell 2.6 twice)", async () => {
    const live = await liveRuntime(file);
    try {
      const shown = notebook(file).cells.flatMap((c) => live.runtime.state(c.id)?.displays ?? []).map((d) => (typeof d === "object" && d !== null && "outerHTML" in d ? String(d.outerHTML) : "")).join("\n");
      const captions = [...shown.matchAll(/<caption[^>]*>\s*Tabell (\d+\.\d+)\b/g)].map((m) => m[1]);
      // Some tables are drawn as charts only (02's Tabell 2.1); none is drawn as a table twice.
      expect(captions.length).toBeGreaterThan(3);
      expect(captions.filter((c, i) => captions.indexOf(c) !== i)).toEqual([]);
      if (file === "01-overview.html") expect(captions.filter((c) => c === "2.6")).toHaveLength(1);
    } finally {
      live.runtime.dispose();
    }
  });

  it("says beside its figures, in the app's language, that the respondents are a reconstruction", async () => {
    // The chart of Tabell 2.1 carries the notice as its note (the app's header says it too). The
    // notebook reads `selection.notice`, which follows the language; `survey.notice` stayed English
    // under norsk tables.
    const live = await liveRuntime(file);
    try {
      expect(live.scope.locale).toBe("nb");
      const shown = notebook(file).cells.flatMap((c) => live.runtime.state(c.id)?.displays ?? []).map((d) => (typeof d === "object" && d !== null && "outerHTML" in d ? String(d.outerHTML) : ""));
      expect(shown.join("\n")).toContain(messages.nb.reconstructionNotice);
      expect(shown.join("\n")).not.toContain(messages.en.reconstructionNotice);
    } finally {
      live.runtime.dispose();
    }
  });
});

describe("the figure check itself", () => {
  it("reports a recomputed count, percentage or N that differs from the print", () => {
    const printed = { id: "t", rows: [{ label: "Aktivitet", variable: "q1", total: 250, cells: [
      { code: 1, count: 26, percent: 10.4 }, { code: 2, count: 125, percent: 50 }, { code: 3, count: 7, resolved: { count: 8 } },
    ] }] };
    const good = { id: "t", rows: [{ variable: "q1", total: 250, cells: [
      { code: 1, count: 26, percent: 10.4 }, { code: 2, count: 125, percent: 50.02 }, { code: 3, count: 8, percent: null },
    ] }] };
    expect(differences(good, printed)).toEqual([]);
    const bad = { id: "t", rows: [{ variable: "q1", total: 251, cells: [
      { code: 1, count: 27, percent: 10.4 }, { code: 2, count: 125, percent: 50.6 }, { code: 3, count: 7, percent: null },
    ] }] };
    expect(differences(bad, printed)).toEqual([
      "t Aktivitet [1]: count 27, printed 26",
      "t Aktivitet [2]: 51 %, printed 50 %",
      "t Aktivitet [3]: count 7, printed 8",
      "t Aktivitet: N 251, printed 250",
    ]);
  });
});
