/**
 * Tables and charts drawn again into the element a cell shows (analysis/drawings.ts): after every
 * filter change, language switch and in a shared view (counts masked), each cell of the shipped
 * notebooks shows exactly the HTML and SVG a fresh run under the same state draws — while the
 * elements shown are the same nodes as before the change (the path is taken, not bypassed).
 */
import { afterAll, describe, expect, it } from "vitest";
import { SurveyScope } from "../../../src/analysis/survey-scope";
import { SurveySource } from "../../../src/analysis/survey-source";
import { notebookBuiltins } from "../../../src/app/notebook-builtins";
import type { Locale } from "../../../src/base/locale/locale";
import { EMPTY_FILTER, type SurveyFilter } from "../../../src/data/survey-filter";
import { NotebookRuntime } from "../../../src/runtime/notebook-runtime";
import { nodeHost, notebook } from "./headless-survey";

type View = "live" | "shared";

interface Open {
  runtime: NotebookRuntime;
  scope: SurveyScope;
  ids: string[];
}

/** A notebook open as the frame opens it: the app's builtins over a Node host, in `view`. */
async function open(name: string, view: View, locale: Locale = "nb", filter: SurveyFilter = EMPTY_FILTER): Promise<Open> {
  const host = nodeHost();
  const scope = new SurveyScope(async () => new SurveySource(host));
  scope.setLocale(locale);
  scope.setFilter(filter);
  const runtime = scope.attached(new NotebookRuntime({ builtins: notebookBuiltins({ ...host, view }, scope), timeoutMs: 20_000 }));
  const doc = notebook(name);
  runtime.load(doc);
  await runtime.idle();
  return { runtime, scope, ids: doc.cells.map((c) => c.id) };
}

/** Each cell's displayed elements, as HTML/SVG text (other values are not drawings). */
function shown(nb: Open): Map<string, string[]> {
  return new Map(nb.ids.map((id) => [id, (nb.runtime.state(id)?.displays ?? []).flatMap((d) => (typeof d === "object" && d !== null && "outerHTML" in d ? [String(d.outerHTML)] : []))]));
}

/** The displayed element objects, by cell. */
function nodes(nb: Open): Map<string, unknown[]> {
  return new Map(nb.ids.map((id) => [id, [...(nb.runtime.state(id)?.displays ?? [])]]));
}

/** Cells whose shown drawings differ from `expected`'s, with the first differing characters. */
function differing(got: Map<string, string[]>, expected: Map<string, string[]>): string[] {
  const out: string[] = [];
  for (const [id, want] of expected) {
    const have = got.get(id) ?? [];
    if (have.length !== want.length) out.push(`${id}: ${have.length} drawings, a fresh run ${want.length}`);
    want.forEach((html, i) => {
      const mine = have[i] ?? "";
      if (mine === html) return;
      let at = 0;
      while (at < html.length && mine[at] === html[at]) at++;
      out.push(`${id}[${i}] at ${at}: …${mine.slice(Math.max(0, at - 40), at + 60)}… ≠ …${html.slice(Math.max(0, at - 40), at + 60)}…`);
    });
  }
  return out;
}

const COUNTY: SurveyFilter = { ...EMPTY_FILTER, fylke: [11] };
/** Filters in the order a reader might move through them: a county, narrowed, back to all, a size class, a model, the county again (its drawings kept). */
const STEPS: { filter: SurveyFilter; locale?: Locale }[] = [
  { filter: COUNTY },
  { filter: { ...EMPTY_FILTER, fylke: [11], sizeClass: [2] } },
  { filter: EMPTY_FILTER },
  { filter: { ...EMPTY_FILTER, sizeClass: [5, 6] } },
  { filter: { ...EMPTY_FILTER, adopted: ["q20"] } },
  { filter: COUNTY, locale: "en" },
  { filter: { ...EMPTY_FILTER, fylke: [12] }, locale: "en" },
  { filter: COUNTY },
];

/** 02 through every step; the other notebooks with charts and tables of their own through a county, back, and the language switch. */
const CASES: { name: string; view: View; steps: typeof STEPS }[] = [
  { name: "02-six-models.html", view: "live", steps: STEPS },
  { name: "02-six-models.html", view: "shared", steps: STEPS },
  { name: "01-overview.html", view: "shared", steps: [STEPS[0], STEPS[2], STEPS[5]].flatMap((s) => (s ? [s] : [])) },
  { name: "03-size-and-correlations.html", view: "live", steps: [STEPS[0], STEPS[2], STEPS[5]].flatMap((s) => (s ? [s] : [])) },
];

describe.each(CASES)("$name ($view): drawn in place = drawn afresh", ({ name, view, steps }) => {
  const opened: Open[] = [];
  afterAll(() => {
    for (const nb of opened) nb.runtime.dispose();
  });

  it("after each filter change and language switch, every drawing equals a fresh run's, in the same elements", async () => {
    const live = await open(name, view);
    opened.push(live);
    let before = nodes(live);
    let previous = shown(live);
    let kept = 0;
    let changed = 0;
    for (const step of steps) {
      live.scope.setLocale(step.locale ?? "nb");
      live.scope.setFilter(step.filter);
      await live.runtime.idle();
      const fresh = await open(name, view, step.locale ?? "nb", step.filter);
      opened.push(fresh);
      const now = shown(live);
      expect(differing(now, shown(fresh)), JSON.stringify(step)).toEqual([]);
      fresh.runtime.dispose();
      // The same nodes were drawn into: a drawing shown before the change is shown after it.
      const after = nodes(live);
      for (const [id, list] of after) {
        const old = before.get(id) ?? [];
        kept += list.filter((d, i) => typeof d === "object" && d !== null && old[i] === d).length;
      }
      // …and what they show did change (the comparison is not of two unchanged pages).
      for (const [id, list] of now) changed += list.filter((html, i) => (previous.get(id) ?? [])[i] !== html).length;
      before = after;
      previous = now;
    }
    expect(kept).toBeGreaterThan(steps.length * 3);
    expect(changed).toBeGreaterThan(steps.length * 3);
  }, 240_000);

  if (view === "shared" && name.startsWith("02")) {
    it("a county's masked counts are drawn in place as a fresh shared view draws them", async () => {
      const live = await open(name, view);
      opened.push(live);
      live.scope.setFilter({ ...EMPTY_FILTER, fylke: [20] });
      await live.runtime.idle();
      const html = [...shown(live).values()].flat().join("\n");
      // Finnmark has few respondents: a shared view masks its small counts.
      expect(html).toMatch(/&lt; 3|< 3/);
      const fresh = await open(name, view, "nb", { ...EMPTY_FILTER, fylke: [20] });
      opened.push(fresh);
      expect(differing(shown(live), shown(fresh))).toEqual([]);
    }, 120_000);
  }
});
