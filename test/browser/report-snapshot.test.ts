/**
 * The report kept up to date output by output (app/report/report-snapshot.ts, issue 12), in
 * Chromium's own DOM and MutationObserver: after any change the report is exactly what a copy of
 * every output made afresh gives; an output nothing changed is not copied again; an input's value
 * (which no mutation reports) is read again each time; copying in slices gives the same report and
 * gives up when told the notebook runs again. The module is loaded into a blank page (it imports
 * nothing), with cells written as nb-cell/.nb-output the way the notebook draws them.
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import ts from "typescript";
import type { Browser, Page } from "playwright-core";
import { launchChromium } from "./browser-helpers";

let browser: Browser;
let page: Page;

/** The page's view of the module, and the outputs cloned since the last `cloned()` (by cell id). */
declare global {
  interface Window {
    snap?: {
      ReportSnapshots: typeof import("../../src/app/report/report-snapshot").ReportSnapshots;
      takeReportSnapshot: typeof import("../../src/app/report/report-snapshot").takeReportSnapshot;
      cloned: string[];
    };
  }
}

const CELLS = `
  <nb-cell><div class="nb-cell nb-cell-md" data-cell-id="a"></div><div class="nb-output"><h2>Heading</h2></div></nb-cell>
  <nb-cell><div class="nb-cell nb-cell-js" data-cell-id="b"></div><div class="nb-output"><figure><table><tbody><tr><td id="fig">12</td><td>34</td></tr></tbody></table><button>CSV</button></figure></div></nb-cell>
  <nb-cell><div class="nb-cell nb-cell-js" data-cell-id="c"></div><div class="nb-output"><label>Only flagged <input type="checkbox" id="only"></label></div></nb-cell>
  <nb-cell><div class="nb-cell nb-cell-js" data-cell-id="d"></div><div class="nb-output"></div></nb-cell>`;

beforeAll(async () => {
  browser = await launchChromium();
  page = await browser.newPage();
  const source = readFileSync("src/app/report/report-snapshot.ts", "utf8");
  const js = ts.transpileModule(source, { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext } }).outputText;
  await page.setContent(`<!DOCTYPE html><html><head><style>td { padding: 2px; }</style></head><body>${CELLS}</body></html>`);
  await page.addScriptTag({
    type: "module",
    content: `${js}
      const cloned = [];
      const clone = Element.prototype.cloneNode;
      // Which outputs are copied: each copy of a report section starts with its output's cloneNode.
      Element.prototype.cloneNode = function (deep) {
        if (this.classList.contains("nb-output")) cloned.push(this.parentElement.querySelector("[data-cell-id]").dataset.cellId);
        return clone.call(this, deep);
      };
      window.snap = { ReportSnapshots, takeReportSnapshot, cloned };`,
  });
  await page.waitForFunction(() => window.snap !== undefined);
});

afterAll(async () => {
  await browser.close();
});

describe("report snapshot, kept output by output", () => {
  it("copies only the outputs that changed, and always equals a fresh copy of every output", async () => {
    const steps = await page.evaluate(async () => {
      const snap = window.snap;
      if (!snap) throw new Error("module not loaded");
      const reports = new snap.ReportSnapshots(document);
      const step = (): { cloned: string[]; same: boolean; html: string } => {
        snap.cloned.length = 0;
        const kept = reports.takeNow();
        const cloned = [...snap.cloned];
        const fresh = snap.takeReportSnapshot(document);
        return { cloned, same: kept.html === fresh.html && kept.css === fresh.css, html: kept.html };
      };
      const out: Record<string, { cloned: string[]; same: boolean; html: string }> = {};
      out.first = step();
      out.nothing = step();
      const fig = document.getElementById("fig");
      if (fig?.firstChild) fig.firstChild.nodeValue = "99"; // a text change (characterData)
      out.text = step();
      const only = document.getElementById("only");
      if (only instanceof HTMLInputElement) only.checked = true; // no mutation: live state
      out.input = step();
      document.querySelector("[data-cell-id=d]")?.nextElementSibling?.append(document.createElement("p"));
      out.added = step(); // an output that was empty now shows something
      document.querySelector("h2")?.setAttribute("title", "new"); // an attribute change
      out.attribute = step();
      document.querySelector("[data-cell-id=b]")?.nextElementSibling?.replaceChildren(Object.assign(document.createElement("p"), { textContent: "redrawn" }));
      out.redrawn = step();
      return out;
    });
    // Every report equals a copy of every output made afresh.
    for (const [name, s] of Object.entries(steps)) expect(s.same, name).toBe(true);
    expect(steps.first?.cloned).toEqual(["a", "b", "c"]);
    // Nothing changed: only the output with an input (live state) is copied again.
    expect(steps.nothing?.cloned).toEqual(["c"]);
    expect(steps.text?.cloned).toEqual(["b", "c"]);
    expect(steps.text?.html).toContain(">99<");
    expect(steps.text?.html).not.toContain("<button");
    expect(steps.input?.cloned).toEqual(["c"]);
    expect(steps.input?.html).toMatch(/<input[^>]* checked=""/);
    expect(steps.added?.cloned).toEqual(["c", "d"]);
    expect(steps.attribute?.cloned).toEqual(["a", "c"]);
    expect(steps.attribute?.html).toContain('<h2 title="new">');
    expect(steps.redrawn?.cloned).toEqual(["b", "c"]);
    expect(steps.redrawn?.html).toContain("<p>redrawn</p>");
    expect(steps.redrawn?.html).not.toContain(">99<");
  });

  it("copies in slices to the same report, and gives up when the notebook runs again", async () => {
    const result = await page.evaluate(async () => {
      const snap = window.snap;
      if (!snap) throw new Error("module not loaded");
      document.querySelector("h2")?.append(" (2)");
      const reports = new snap.ReportSnapshots(document);
      // A slice of 0 ms: one output per task.
      let tasks = 0;
      const sliced = await reports.take({ sliceMs: 0, stale: () => (tasks++, false) });
      const fresh = snap.takeReportSnapshot(document);
      // Two outputs changed: two slices.
      document.querySelector("[data-cell-id=b]")?.nextElementSibling?.append(" 100");
      document.querySelector("h2")?.append(" (2b)");
      const given = await reports.take({ sliceMs: 0, stale: () => true });
      document.querySelector("h2")?.append(" (3)");
      const after = await reports.take({ sliceMs: 0 });
      return { same: sliced?.html === fresh.html && sliced?.css === fresh.css, tasks, given: given === undefined, after: after?.html === snap.takeReportSnapshot(document).html };
    });
    expect(result.same).toBe(true);
    // Outputs a, b, d copied one per task (c, with its input, is copied with the report).
    expect(result.tasks).toBe(2);
    expect(result.given).toBe(true);
    expect(result.after).toBe(true);
  });
});
