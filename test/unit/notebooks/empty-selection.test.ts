/**
 * Every shipped notebook that reads the shared filter, under a filter nobody matches (a
 * fylkeskommune in size class 1 — every fylkeskommune is in class 6) and under a tiny one: all cells
 * still settle and nothing prints NaN. (The N line is the filter bar's: see filter-reactivity.)
 */
import { describe, expect, it } from "vitest";
import { toJsonValue } from "../../../src/runtime/headless";
import type { NotebookRuntime } from "../../../src/runtime/notebook-runtime";
import { liveRuntime, notebook, respondentRecords, setFilter, shippedNotebooks } from "./headless-survey";

/** Everything the notebook shows: display()ed nodes and markdown, as text. */
function shownText(runtime: NotebookRuntime, ids: string[]): string {
  const parts: string[] = [];
  for (const id of ids) {
    const state = runtime.state(id);
    for (const shown of [...(state?.displays ?? []), state?.value]) {
      if (typeof shown === "object" && shown !== null && "outerHTML" in shown) parts.push(String(shown.outerHTML));
      else if (typeof shown === "object" && shown !== null && "html" in shown) parts.push(String(shown.html));
      else if (shown !== undefined) parts.push(JSON.stringify(toJsonValue(shown)));
    }
  }
  return parts.join("\n");
}

/** Every shipped notebook that reads the filter (found by glob, so a new one is tested too). */
const NOTEBOOKS = shippedNotebooks().filter((file) => notebook(file).cells.some((c) => /\b(filter|selection)\b/.test(c.source)));
const records = respondentRecords();

describe.each(NOTEBOOKS)("%s under narrow filters", (file) => {
  it("settles every cell and prints no NaN when nobody matches", async () => {
    expect(records.filter((r) => r.resp_type === "2" && r.size_class === "1")).toHaveLength(0);
    const live = await liveRuntime(file);
    const { runtime } = live;
    try {
      await setFilter(live, { fylke: [], sizeClass: [1], respType: [2], adopted: [] });
      const unsettled = notebook(file).cells.map((c) => c.id).filter((id) => runtime.state(id)?.status !== "fulfilled");
      expect(unsettled).toEqual([]);
      const ids = notebook(file).cells.map((c) => c.id);
      expect(shownText(runtime, ids)).not.toMatch(/NaN|Infinity|>undefined<|undefined %|\(undefined\)|= undefined/);
    } finally {
      runtime.dispose();
    }
  }, 60_000);

  it("settles every cell under a one-county, one-size-class filter", async () => {
    const live = await liveRuntime(file);
    const { runtime } = live;
    try {
      await setFilter(live, { fylke: [11], sizeClass: [2], respType: [], adopted: [] });
      const ids = notebook(file).cells.map((c) => c.id);
      expect(shownText(runtime, ids)).not.toMatch(/NaN|Infinity|>undefined<|undefined %|\(undefined\)|= undefined/);
      const unsettled = notebook(file).cells.map((c) => c.id).filter((id) => runtime.state(id)?.status !== "fulfilled");
      expect(unsettled).toEqual([]);
    } finally {
      runtime.dispose();
    }
  }, 60_000);
});
