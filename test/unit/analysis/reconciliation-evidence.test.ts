/**
 * Issue 10 on notebook 04: every recomputed figure of the reconciliation says what it rests on, the
 * way tables do. Hand-checked here from outside the code under test: unfiltered, Tabell 2.1's
 * "Holder på å innføre" for serviceerklæringer is the printed count (37 in printed-tables.json) →
 * printed; under the Rogaland filter (fylke 11) each count is counted here in every draw of
 * ensemble.bin → determined when all draws agree, else reconstruction-dependent with that range.
 * A shared view that hides a count shows no marker or range for it.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { applyFilter } from "../../../src/analysis/apply-filter";
import { createReconciliationBuiltins } from "../../../src/analysis/reconciliation/reconciliation-builtins";
import { evidenceOfReconciliation } from "../../../src/analysis/reconciliation/reconciliation-evidence";
import type { Survey } from "../../../src/analysis/survey";
import { loadSurvey } from "../../../src/analysis/survey-source";
import { decodeEnsemble, type Ensemble } from "../../../src/data/ensemble";
import { EMPTY_FILTER } from "../../../src/data/survey-filter";
import { nodeHost, repo } from "../notebooks/headless-survey";

let survey: Survey;
let ensemble: Ensemble;
const host = nodeHost();
const live = createReconciliationBuiltins({ document: host.document, view: "live" }).reconciliation;
const shared = createReconciliationBuiltins({ document: host.document, view: "shared" }).reconciliation;

const printed: { tables: { id: string; rows: { label: string; variable: string; cells: { code: number; count?: number }[] }[] }[] } = JSON.parse(
  readFileSync(path.join(repo, "data/survey-1999/printed-tables.json"), "utf8"),
);

beforeAll(async () => {
  survey = await loadSurvey(host);
  const decoded = decodeEnsemble(new Uint8Array(readFileSync(path.join(repo, "data/survey-1999/ensemble.bin"))));
  if (!decoded.ok) throw new Error(decoded.error.message);
  ensemble = decoded.value;
});

/** Respondents with `variable` = code in county `fylke`, in draw k, from the ensemble's columns. */
function drawCount(k: number, variable: string, code: number, fylke: number): number {
  const x = ensemble.column(variable, k) ?? new Float64Array();
  const f = ensemble.column("fylke", k) ?? new Float64Array();
  let n = 0;
  for (let i = 0; i < ensemble.rows; i++) if (x[i] === code && f[i] === fylke) n++;
  return n;
}

/** The rows of reconciliation.table(rec, "2.1") for serviceerklæringer (q3), by code. */
function q3Rows(el: HTMLElement): Map<number, Element> {
  const out = new Map<number, Element>();
  for (const tr of el.querySelectorAll("tbody tr")) {
    const tds = [...tr.querySelectorAll("td")].map((td) => td.textContent ?? "");
    if (tds[1] === "q3" && tds[3] === "n") out.set(Number(tds[2]?.split(" ")[0]), tr);
  }
  return out;
}

describe("notebook 04's figures are classified over the ensemble", () => {
  it("unfiltered: the printed count of Tabell 2.1 (q3 = 2, 37 in print) is marked printed", () => {
    const rec = live.build(applyFilter(survey, EMPTY_FILTER));
    const el = live.table(rec, "2.1");
    const row = printed.tables.find((t) => t.id === "2.1")?.rows.find((r) => r.variable === "q3");
    const count = row?.cells.find((c) => c.code === 2)?.count;
    expect(count).toBe(37);
    const tr = q3Rows(el).get(2);
    const recomputed = tr?.querySelectorAll("td")[6];
    expect(recomputed?.textContent?.startsWith(String(count))).toBe(true);
    expect(recomputed?.classList.contains("tv-fig-printed")).toBe(true);
    expect(el.querySelector(".tv-ev-legend")?.textContent).toContain("P = printed in the 1999 report");
  });

  it("under fylke 11: each q3 count classed and ranged as counted by hand in all 50 draws", () => {
    const rec = live.build(applyFilter(survey, { ...EMPTY_FILTER, fylke: [11] }));
    const rows = q3Rows(live.table(rec, "2.1"));
    let dependent = 0;
    for (const code of [1, 2, 3, 4]) {
      const counts = Array.from({ length: ensemble.draws }, (_, k) => drawCount(k, "q3", code, 11));
      const min = Math.min(...counts);
      const max = Math.max(...counts);
      const td = rows.get(code)?.querySelectorAll("td")[6];
      expect(td?.textContent?.startsWith(String(counts[0]))).toBe(true);
      const kind = min === max ? "determined" : "reconstruction";
      expect(td?.classList.contains(`tv-fig-${kind}`), `q3 = ${code}: ${td?.outerHTML ?? ""}`).toBe(true);
      if (kind === "reconstruction") {
        dependent++;
        expect(td?.querySelector(".tv-ev-range")?.textContent).toBe(`${min}–${max}`);
      }
    }
    expect(dependent).toBeGreaterThan(0);
    const evidence = evidenceOfReconciliation(rec);
    // Most figures share a recount with the tables; the rest are counted, never invented.
    expect(evidence?.figures.counts.reconstruction).toBeGreaterThan(100);
    expect(evidence?.unclassified).toBeLessThan(100);
  });

  it("a shared view of a county with 1–2 respondents in a cell: the hidden count has no marker and no range", () => {
    const rec = shared.build(applyFilter(survey, { ...EMPTY_FILTER, fylke: [9] }, { shared: true }));
    const el = shared.table(rec, "2.1");
    const hidden = [...el.querySelectorAll("tbody td:nth-child(7)")].filter((td) => /< 3|·/.test(td.textContent ?? ""));
    expect(hidden.length).toBeGreaterThan(0);
    for (const td of hidden) {
      expect(td.querySelector(".tv-ev")).toBeNull();
      expect(td.className).not.toMatch(/tv-fig-/);
    }
  });
});
