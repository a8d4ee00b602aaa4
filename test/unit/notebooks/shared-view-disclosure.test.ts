/**
 * Issue 11, section 3: in a shared view, no masked count of any shipped notebook can be worked back
 * from what the page shows. Every notebook (notebooks/*.html, by glob) runs headless in the shared
 * view under county × size-class filters; after each filter change a checker reads every table and
 * audit line of the page and solves for each masked count (disclosure-checker.ts, count-solver.ts)
 * — over the whole page at once, as a reader of the shared view would: the selection's N in one
 * table's audit line, a variable's base or missing count, a code's count or a reconciliation figure
 * shown in two tables are one count. Read one table at a time the page gave nothing back; read
 * together (before the guard treated an audit line's N as known, could hide a zero, and withheld a
 * `tables.*` table of a selection of 1–2) it gave back 23 masked counts in 01 and 36 in 03, and
 * implied 3 and 6 more counts of 1–2, on the nine default filters. `TV_SCOPE=table` reads one
 * table at a time, as before.
 *
 * The filters: every (county, size class) pair with at least one respondent (counted here from
 * respondents.csv) — under each of them some group has 1–2 respondents (the selection itself for
 * 40 of the 74 pairs). `npm test` runs a fixed sample of every ninth pair in (county, size) order
 * (9 of 74, pairs of 1–2 and of 3 or more alike) and the pairs the full grid once found leaking
 * (`REGRESSION_PAIRS`, 1 pair: 10 pages); `TV_DISCLOSURE_GRID=sample` runs 44 (every pair of 3 or
 * more, where totals, zeros and percentages sit beside masked cells, and every fourth pair of 1–2,
 * plus those); `TV_DISCLOSURE_GRID=full` runs all 74 (notebook 03 alone: 38–140 s on this shared
 * machine, against 6–13 s for the 10 pages — too slow to repeat for every notebook on CI's 2 cores).
 *
 * Charts: the checker reads tables (a chart is withheld or draws what its table shows), so the
 * counts a chart prints itself — "n = 2" under a heatmap's r, "N = 2" beside a bar, in its text or
 * its tooltips (an exported SVG carries both) — are read here from every chart's SVG.
 *
 * Words: a count of 1–2 stated in text ("constant in these 2 cases", "only 1 case(s) have both …",
 * "n = 2") anywhere on the page. Notebook 03's reasons for a missing r (its r column, the tables'
 * audit lines, the heatmap's note) stated 45 on the default grid (333 on the full one) until 03 and
 * the tables' audit lines left the count out of them. Every text a cell can put on the page is
 * read (cellTexts): markdown as rendered, text and other values as the output area prints them,
 * tooltips and labels in attributes, error messages. Until it was, the checker missed 02's status
 * sentences ("Status (q3, N = 2): har innført 50 % (1)", 52 on the default grid; now written from
 * `shownComparison`, the figures Tabell 2.1 shows) and 04's headline ("Filtered to 2 respondents",
 * 16; now "< 3" in a shared view).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createAllAnalysisBuiltins } from "../../../src/analysis/all-builtins";
import { mergeLazy } from "../../../src/base/merge-lazy";
import { EMPTY_FILTER, type SurveyFilter } from "../../../src/data/survey-filter";
import { NotebookRuntime } from "../../../src/runtime/notebook-runtime";
import { createStdlib } from "../../../src/runtime/stdlib";
import { isMarkdownOutput, isUnsupportedCellOutput } from "../../../src/runtime/types";
import { parseHTML } from "linkedom";
import { checkOutputs, type CodebookFacts, type PageFindings } from "./disclosure-checker";
import { nodeHost, nodeScope, notebook, repo, respondentRecords, shippedNotebooks } from "./headless-survey";

/** The codebook's valid and missing codes, read from codebook.json (not through the code under test). */
function codebookFacts(): CodebookFacts {
  const json: { variables: { name: string; codes?: { code: number }[]; missing?: number[] }[] } = JSON.parse(readFileSync(path.join(repo, "data/survey-1999/codebook.json"), "utf8"));
  const byName = new Map(json.variables.map((v) => [v.name, v]));
  return {
    valid: (name) => {
      const v = byName.get(name);
      return v?.codes?.map((c) => c.code).filter((c) => !(v.missing ?? []).includes(c));
    },
    missing: (name) => byName.get(name)?.missing ?? [],
  };
}

/** (county, size class) pairs with respondents, and how many. */
function countySizePairs(): { filter: SurveyFilter; n: number }[] {
  const counts = new Map<string, number>();
  for (const r of respondentRecords()) counts.set(`${r.fylke}|${r.size_class}`, (counts.get(`${r.fylke}|${r.size_class}`) ?? 0) + 1);
  return [...counts].map(([key, n]) => {
    const [fylke, size] = key.split("|").map(Number);
    return { filter: { ...EMPTY_FILTER, fylke: [fylke ?? 0], sizeClass: [size ?? 0] }, n };
  }).sort((a, b) => (a.filter.fylke[0] ?? 0) - (b.filter.fylke[0] ?? 0) || (a.filter.sizeClass[0] ?? 0) - (b.filter.sizeClass[0] ?? 0));
}

/**
 * Pairs the full grid found leaking after the sampled grids were clean, run on every grid so a
 * regression shows in `npm test`: fylke 7 × size 5 (a selection of 2, one of them blank on q30_5)
 * gave back 32 masked counts of notebook 03's Pearson tables (`renderTable`) and implied 8 more
 * until `renderTable` withheld a table whose audit lines say N = 1–2.
 */
const REGRESSION_PAIRS: readonly (readonly [fylke: number, sizeClass: number])[] = [[7, 5]];

function sampledFilters(): { filter: SurveyFilter; n: number }[] {
  const all = countySizePairs();
  if (process.env.TV_DISCLOSURE_GRID === "full") return all;
  const regression = all.filter((p) => REGRESSION_PAIRS.some(([f, s]) => p.filter.fylke[0] === f && p.filter.sizeClass[0] === s));
  if (regression.length !== REGRESSION_PAIRS.length) throw new Error(`A regression pair has no respondents any more (${REGRESSION_PAIRS.join(" ")}): find the leaking pairs again with TV_DISCLOSURE_GRID=full.`);
  if (process.env.TV_DISCLOSURE_GRID !== "sample") return [...all.filter((_, i) => i % 9 === 0), ...regression].filter((p, i, list) => list.indexOf(p) === i);
  const small = all.filter((p) => p.n < 3);
  return [...all.filter((p) => p.n >= 3), ...small.filter((_, i) => i % 4 === 0), ...regression].filter((p, i, list) => list.indexOf(p) === i);
}

function isElement(value: unknown): value is Element {
  return typeof value === "object" && value !== null && "querySelectorAll" in value && "matches" in value && typeof value.matches === "function";
}

/** Every element a cell shows (its displays and its value). */
function outputsOf(runtime: NotebookRuntime, ids: readonly string[]): Element[] {
  const out: Element[] = [];
  for (const id of ids) {
    const state = runtime.state(id);
    for (const value of [...(state?.displays ?? []), state?.value]) {
      if (isElement(value)) out.push(value);
    }
  }
  return out;
}

/** Counts of 1–2 a chart prints ("n = 2", "N = 1", "2 av 2") in its text or tooltips. */
function smallChartCounts(outputs: readonly Element[]): string[] {
  const found: string[] = [];
  for (const output of outputs) {
    const charts = output.matches("svg") ? [output] : [...output.querySelectorAll("svg")].filter((svg) => !svg.parentElement?.closest("svg"));
    for (const chart of charts) {
      const label = chart.getAttribute("aria-label") ?? "chart";
      for (const node of chart.querySelectorAll("text, title")) {
        const text = (node.textContent ?? "").replace(/[\s\u00a0\u202f]+/g, " ");
        if (/\b[nN] = [12]\b|\(\s*[12] av \d/.test(text)) found.push(`${label}: ${text.trim()}`);
      }
    }
  }
  return found;
}

/** Attributes whose text a reader sees: tooltips, labels read out, image text, an input's shown value. */
const SHOWN_ATTRIBUTES = ["title", "aria-label", "aria-description", "aria-valuetext", "alt", "placeholder", "label", "value", "data-tooltip"];

/** The text of an element and every shown attribute under it (textContent leaves attributes out). */
function elementTexts(el: Element): string[] {
  const texts = [el.textContent ?? ""];
  for (const node of [el, ...el.querySelectorAll("*")]) for (const name of SHOWN_ATTRIBUTES) {
    const value = node.getAttribute(name);
    if (value) texts.push(value);
  }
  return texts;
}

/** A value the output area prints as text (render-output.ts formatValue): its strings and numbers, with their keys. */
function valueText(value: unknown): string {
  if (typeof value === "string") return value;
  if (typeof value !== "object" || value === null) return String(value);
  const rows = "objects" in value && typeof value.objects === "function" ? value.objects({ limit: 1000 }) : value;
  const seen = new WeakSet<object>();
  try {
    return JSON.stringify(rows, (_key, v: unknown) => {
      if (typeof v === "object" && v !== null) {
        if (seen.has(v)) return undefined;
        seen.add(v);
      }
      return typeof v === "bigint" || typeof v === "function" ? String(v) : v;
    }).replace(/"([^"]+)":/g, "$1 = ");
  } catch {
    return "";
  }
}

/**
 * Every text a cell can put on the page (issue 11: "the checker does not read every sentence a cell
 * can write"): each element it displays — text, tooltips (`title`, an SVG's `<title>`), labels read
 * out, alt text, an input's value —, its markdown as the page shows it (the sanitized HTML keeps
 * `title` attributes), the note of a cell mode not run, any other value as the output area prints
 * it, and its error's message.
 */
function cellTexts(runtime: NotebookRuntime, ids: readonly string[]): string[] {
  const texts: string[] = [];
  for (const id of ids) {
    const state = runtime.state(id);
    for (const value of [...(state?.displays ?? []), state?.value]) {
      if (value === undefined) continue;
      if (isElement(value)) texts.push(...elementTexts(value));
      else if (isMarkdownOutput(value)) texts.push(...elementTexts(parseHTML(`<!doctype html><html><body>${value.html}</body></html>`).document.body));
      else if (isUnsupportedCellOutput(value)) texts.push(value.message);
      else texts.push(valueText(value));
    }
    if (state?.error) texts.push(state.error.message);
  }
  return texts;
}

/**
 * Counts of 1–2 a page states in words, outside its tables' count cells: the reasons a kernel gives
 * for a missing r ("constant in these 2 cases", "only 1 case(s) have both …") in a table cell, an
 * audit line or a chart's note, "n = 2" / "N = 1" / "n: 2" anywhere (the checker reads tables, not
 * prose), and 1–2 respondents, municipalities or cases named as such, in either language — not a
 * threshold ("fewer than 2 cases").
 */
function smallTextCounts(texts: readonly string[]): string[] {
  const found: string[] = [];
  for (const raw of texts) {
    const text = raw.replace(/[\s\u00a0\u202f]+/g, " ");
    for (const m of text.matchAll(/.{0,50}(?:\bthese [12] cases|\bonly [12] case|\b[nN] ?[=:] ?[12]\b(?![.,]\d)|(?<![\d.,] ?|(?:than|least|needs|enn|minst|under|over) )\b[12] (?:respondents?|respondenter|kommuner|municipalit(?:y|ies)|cases?|tilfeller?|svar|answers?)\b).{0,30}/g)) found.push(m[0].trim());
  }
  return found;
}

/** Run `name` in the shared view under each filter and check each page. */
async function checkNotebook(name: string, filters: readonly { filter: SurveyFilter }[], codebook: CodebookFacts): Promise<PageFindings & { pages: number; chartSmall: string[]; textSmall: string[] }> {
  const host = { ...nodeHost(), view: "shared" as const };
  const scope = nodeScope(host);
  const runtime = scope.attached(new NotebookRuntime({ builtins: mergeLazy(createStdlib(host), createAllAnalysisBuiltins(host), scope.builtins()), timeoutMs: 20_000 }));
  const doc = notebook(name);
  runtime.load(doc);
  await runtime.idle();
  const total: PageFindings & { pages: number; chartSmall: string[]; textSmall: string[] } = { recovered: [], hiddenRecovered: [], shownSmall: [], derivedSmall: [], masked: 0, tables: 0, contradictions: [], pages: 0, chartSmall: [], textSmall: [] };
  try {
    for (const { filter } of filters) {
      scope.setFilter(filter);
      await runtime.idle();
      const where = `${name} fylke ${filter.fylke.join()} size ${filter.sizeClass.join()}`;
      const outputs = outputsOf(runtime, doc.cells.map((c) => c.id));
      const f = checkOutputs(outputs, codebook, process.env.TV_SCOPE === "table" ? "table" : "page");
      total.chartSmall.push(...smallChartCounts(outputs).map((x) => `${where}: ${x}`));
      total.textSmall.push(...smallTextCounts(cellTexts(runtime, doc.cells.map((c) => c.id))).map((x) => `${where}: ${x}`));
      total.recovered.push(...f.recovered.map((x) => `${where}: ${x}`));
      total.hiddenRecovered.push(...f.hiddenRecovered.map((x) => `${where}: ${x}`));
      total.shownSmall.push(...f.shownSmall.map((x) => `${where}: ${x}`));
      total.derivedSmall.push(...f.derivedSmall.map((x) => `${where}: ${x}`));
      total.contradictions.push(...f.contradictions.map((x) => `${where}: ${x}`));
      total.masked += f.masked;
      total.tables += f.tables;
      total.pages++;
    }
  } finally {
    runtime.dispose();
  }
  return total;
}

/**
 * Notebooks whose shared view still leaks, with why: the test is expected to fail for them (and
 * fails the run once they stop leaking, so the entry must go).
 */
const OPEN: Readonly<Record<string, string>> = {};

describe("the shared view of every shipped notebook under county × size-class filters", () => {
  const codebook = codebookFacts();
  const filters = sampledFilters();
  for (const name of shippedNotebooks()) {
    (OPEN[name] ? it.fails : it)(`${name}: no masked count can be worked back, and no count of 1–2 is shown`, async () => {
      const f = await checkNotebook(name, filters, codebook);
      console.log(`${name}: ${f.pages} pages, ${f.tables} tables, ${f.masked} masked cells; recovered ${f.recovered.length}, shown 1–2 ${f.shownSmall.length}, derived 1–2 ${f.derivedSmall.length}, "·" pinned ${f.hiddenRecovered.length}, contradictions ${f.contradictions.length}, chart counts 1–2 ${f.chartSmall.length}, text counts 1–2 ${f.textSmall.length}`);
      expect(f.contradictions.slice(0, 30), "the checker misread a table").toEqual([]);
      expect(f.recovered.slice(0, 20)).toEqual([]);
      expect(f.shownSmall.slice(0, 20)).toEqual([]);
      expect(f.derivedSmall.slice(0, 20)).toEqual([]);
      expect(f.chartSmall.slice(0, 20)).toEqual([]);
      expect(f.textSmall.slice(0, 20)).toEqual([]);
    }, 600_000);
  }
});
