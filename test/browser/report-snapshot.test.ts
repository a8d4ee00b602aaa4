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
    /** The report's sections as a deep copy of each output made at once gives (the copy before issue 12's steps). */
    atOnce?: (doc: Document) => string;
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
      const find = Element.prototype.querySelectorAll;
      // Which outputs are copied: each copy of a report section starts by finding the output's
      // controls and live elements (one query naming both).
      Element.prototype.querySelectorAll = function (selector) {
        if (this.classList.contains("nb-output") && this.isConnected && selector.includes("nb-export-menu") && selector.includes("input")) cloned.push(this.parentElement.querySelector("[data-cell-id]").dataset.cellId);
        return find.call(this, selector);
      };
      window.snap = { ReportSnapshots, takeReportSnapshot, cloned };`,
  });
  await page.waitForFunction(() => window.snap !== undefined);
  await page.evaluate(() => {
    // Independent of the module: each output cloned whole, live state written in, controls removed.
    window.atOnce = (doc) => {
      const sections: string[] = [];
      for (const cell of doc.querySelectorAll("nb-cell")) {
        const output = cell.querySelector(".nb-output");
        if (!output || output.childNodes.length === 0) continue;
        const kind = /\bnb-cell-(\w+)\b/.exec(cell.querySelector("[data-cell-id]")?.className ?? "")?.[1] ?? "js";
        const copy = output.cloneNode(true);
        if (!(copy instanceof Element)) continue;
        const targets = copy.querySelectorAll("input, select, textarea, canvas");
        output.querySelectorAll("input, select, textarea, canvas").forEach((source, i) => {
          const target = targets[i];
          if (source instanceof HTMLInputElement && target) {
            target.setAttribute("value", source.value);
            if (source.checked) target.setAttribute("checked", "");
            else target.removeAttribute("checked");
            target.setAttribute("disabled", "");
          } else if (source instanceof HTMLSelectElement && target) {
            const options = target.querySelectorAll("option");
            [...source.options].forEach((option, j) => (option.selected ? options[j]?.setAttribute("selected", "") : options[j]?.removeAttribute("selected")));
            target.setAttribute("disabled", "");
          }
        });
        for (const control of copy.querySelectorAll("nb-export-menu, .nb-fold, button")) control.remove();
        sections.push(`<section class="nb-report-cell nb-report-${kind}">${copy.innerHTML}</section>`);
      }
      return sections.join("\n");
    };
  });
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
        return { cloned, same: kept.html === fresh.html && kept.css === fresh.css && kept.html === window.atOnce?.(document), html: kept.html };
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
      // A slice of 0 ms: one step per task.
      let tasks = 0;
      const sliced = await reports.take({ sliceMs: 0, stale: () => (tasks++, false) });
      const fresh = { html: window.atOnce?.(document), css: snap.takeReportSnapshot(document).css };
      // Two outputs changed: two slices.
      document.querySelector("[data-cell-id=b]")?.nextElementSibling?.append(" 100");
      document.querySelector("h2")?.append(" (2b)");
      const given = await reports.take({ sliceMs: 0, stale: () => true });
      document.querySelector("h2")?.append(" (3)");
      const after = await reports.take({ sliceMs: 0 });
      return { same: sliced?.html === fresh.html && sliced?.css === fresh.css, tasks, given: given === undefined, after: after?.html === snap.takeReportSnapshot(document).html };
    });
    expect(result.same).toBe(true);
    // Outputs a, b, d copied a step per task, each in two (its one child, then its end): six
    // slices, five waits between them; then a task for the style sheets and one for the report
    // (c, with its input, is copied in it).
    expect(result.tasks).toBe(5 + 2);
    expect(result.given).toBe(true);
    expect(result.after).toBe(true);
  });

  it("copies a large output a step at a time, to what a copy of it made at once gives, and from the start again when it changes meanwhile", async () => {
    const result = await page.evaluate(async () => {
      const snap = window.snap;
      if (!snap) throw new Error("module not loaded");
      // A large output: 300 rows as Lit draws them (a comment marker before each), text and
      // attributes the serializer escapes, an SVG with a style sheet, a control in every row and
      // beside the table, a template, and loose text.
      const cell = document.createElement("nb-cell");
      cell.innerHTML = '<div class="nb-cell nb-cell-js" data-cell-id="big"></div><div class="nb-output"></div>';
      const output = cell.querySelector(".nb-output");
      if (!output) throw new Error("no output");
      const rows = Array.from({ length: 300 }, (_, i) => `<!--?lit$1$--><tr data-i="${i}"><td>${i} &amp; &lt;b&gt;\u00a0x</td><td title='a "b" <c> &amp;'>${i * 2}</td><td><span>deep <em>${i}</em></span><button>x</button></td></tr>\n`).join("");
      output.innerHTML = `<figure><svg viewBox="0 0 10 10"><style>.a > b { fill: red }</style><g><text x="1">a &lt; b</text><circle r="1"></circle></g></svg><table><thead><tr><th>n</th></tr></thead><tbody>${rows}</tbody></table><nb-export-menu></nb-export-menu></figure><template><button>t</button></template>plain &amp; text <!-- note -->`;
      document.body.append(cell);
      const reports = new snap.ReportSnapshots(document);
      // A slice of 0 ms: one step per task.
      let tasks = 0;
      const sliced = await reports.take({ sliceMs: 0, stale: () => (tasks++, false) });
      const same = sliced?.html === window.atOnce?.(document);
      // Changed while being copied, in a row already written: the output is copied from its start again.
      output.querySelector('tr[data-i="0"] td')?.append("!");
      let asked = 0;
      const again = await reports.take({
        sliceMs: 0,
        stale: () => {
          if (++asked === 50) output.querySelector('tr[data-i="1"] td')?.append(" changed");
          return false;
        },
      });
      const changed = { same: again?.html === window.atOnce?.(document), shown: again?.html.includes("1 &amp; &lt;b&gt;&nbsp;x changed") };
      cell.remove();
      return { same, tasks, buttons: sliced?.html.includes("<button>x") ?? true, changed };
    });
    expect(result.same).toBe(true);
    expect(result.buttons).toBe(false);
    // Many steps for the one large output (a row is a few), each a task of its own.
    expect(result.tasks).toBeGreaterThan(300);
    expect(result.changed.same).toBe(true);
    expect(result.changed.shown).toBe(true);
  });
});
