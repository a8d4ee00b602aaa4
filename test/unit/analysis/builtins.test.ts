/**
 * createAnalysisBuiltins: the names notebooks get — an extra filter bar with the live N, recomputed
 * printed tables, charts bound to the host document, CSV export, the disclosure guard — and errors
 * that say what to write instead.
 */
import { describe, expect, it } from "vitest";
import { createAnalysisBuiltins } from "../../../src/analysis/builtins";
import type { FilteredSurvey } from "../../../src/analysis/apply-filter";
import type { PrintedComparison } from "../../../src/analysis/printed-comparison";
import type { Survey } from "../../../src/analysis/survey";
import { loadSurvey } from "../../../src/analysis/survey-source";
import { nodeHost, printedTables, respondentRecords } from "../notebooks/headless-survey";

function call(names: object, name: string, ...args: unknown[]): unknown {
  const fn: unknown = Reflect.get(names, name);
  if (typeof fn !== "function") throw new Error(`builtin ${name} is not a function`);
  return Reflect.apply(fn, undefined, args);
}

function isSurvey(v: unknown): v is Survey {
  return typeof v === "object" && v !== null && "rows" in v && "codebook" in v;
}
function isSelection(v: unknown): v is FilteredSurvey {
  return typeof v === "object" && v !== null && "view" in v && "n" in v;
}
function isComparison(v: unknown): v is PrintedComparison {
  return typeof v === "object" && v !== null && "rows" in v && "mismatches" in v;
}
function isElement(v: unknown): v is Element {
  return typeof v === "object" && v !== null && "outerHTML" in v && "tagName" in v;
}

async function setup(): Promise<{ names: ReturnType<typeof createAnalysisBuiltins>; survey: Survey }> {
  const host = nodeHost();
  const names = createAnalysisBuiltins(host);
  const survey: unknown = await loadSurvey(host);
  if (!isSurvey(survey)) throw new Error("survey did not resolve to a Survey");
  return { names, survey };
}

describe("createAnalysisBuiltins", () => {
  it("offers the documented names", () => {
    const names = createAnalysisBuiltins(nodeHost());
    for (const name of ["stats", "filterInput", "applyFilter", "matchesFilter", "describeFilter", "comparePrinted", "renderComparison", "renderTable", "charts", "exportTable", "disclosure"]) {
      expect(name in names, name).toBe(true);
    }
  });

  it("builds the filter bar with the survey's N", async () => {
    const { names, survey } = await setup();
    const bar = call(names, "filterInput", survey);
    expect(isElement(bar)).toBe(true);
    if (!isElement(bar)) return;
    const n = respondentRecords().length;
    expect(bar.querySelector("output")?.textContent).toBe(`N = ${n} av ${n}`);
  });

  it("names what it expected and the right call when given something else", () => {
    const names = createAnalysisBuiltins(nodeHost());
    const promise = Promise.resolve(1);
    expect(() => call(names, "filterInput", promise)).toThrow(/^filterInput: the first argument is `survey` .*a Promise \(write `await …` first\)/);
    expect(() => call(names, "applyFilter", "q20", {})).toThrow(/^applyFilter: the first argument is `survey` .*got the text "q20"/);
    expect(() => call(names, "comparePrinted", [], "2.1")).toThrow(/Example: comparePrinted\(selection, "2\.1"\)/);
  });

  it("applies the filter's one rule to records that are not survey rows", () => {
    const names = createAnalysisBuiltins(nodeHost());
    const bergen = { fylke: 12, size_class: 6, resp_type: 1, q20: 1 };
    expect(call(names, "matchesFilter", bergen, { fylke: [12], sizeClass: [6], respType: [], adopted: ["q20"] })).toBe(true);
    expect(call(names, "matchesFilter", bergen, { fylke: [11], sizeClass: [], respType: [], adopted: [] })).toBe(false);
    expect(call(names, "matchesFilter", { ...bergen, q20: 2 }, { fylke: [], sizeClass: [], respType: [], adopted: ["q20"] })).toBe(false);
    expect(call(names, "describeFilter", { fylke: [12], sizeClass: [6], respType: [], adopted: [] })).toBe("fylke 12 Hordaland; størrelsesklasse 6");
    expect(call(createAnalysisBuiltins({ ...nodeHost(), locale: "en" }), "describeFilter", { fylke: [12], sizeClass: [6], respType: [], adopted: [] })).toBe("county 12 Hordaland; size class 6");
  });

  it("recomputes Tabell 2.2 on a selection and on the whole survey, agreeing with the print", async () => {
    const { names, survey } = await setup();
    const sel = call(names, "applyFilter", survey, { fylke: [], sizeClass: [], respType: [], adopted: [] });
    expect(isSelection(sel)).toBe(true);
    const viaSelection = call(names, "comparePrinted", sel, "2.2");
    const viaSurvey = call(names, "comparePrinted", survey, "2.2");
    const printed = printedTables().find((t) => t.id === "2.2");
    for (const cmp of [viaSelection, viaSurvey]) {
      expect(isComparison(cmp)).toBe(true);
      if (!isComparison(cmp) || !printed) continue;
      expect(cmp.rows[0]?.cells.map((c) => c.count)).toEqual(printed.rows[0]?.cells.map((c) => c.resolved?.count ?? c.count));
      expect(cmp.mismatches).toBe(0);
    }
  });

  it("lists the known printed tables for an unknown id", async () => {
    const { names, survey } = await setup();
    expect(() => call(names, "comparePrinted", survey, "9.9")).toThrow(/no printed table "9.9"\. Known ids: 2\.1, 2\.2/);
  });

  it("draws charts with the host's document", async () => {
    const { names } = await setup();
    const charts = names.charts;
    expect(typeof charts === "object" && charts !== null).toBe(true);
    const svg = call(charts && typeof charts === "object" ? Object.fromEntries(Object.entries(charts)) : {}, "statusBars", [{ label: "Servicetorg", counts: [60, 26, 84, 86] }]);
    expect(isElement(svg) && svg.tagName.toLowerCase()).toBe("svg");
  });

  it("renders a comparison with its audit line", async () => {
    const { names, survey } = await setup();
    const el = call(names, "renderComparison", call(names, "comparePrinted", survey, "2.1"));
    expect(isElement(el)).toBe(true);
    if (!isElement(el)) return;
    expect(el.querySelector("caption")?.textContent).toContain("Tabell 2.1");
    expect(el.querySelector(".tv-audit-line")?.textContent).toMatch(/^N = \d+ · grunnlag = \d+ gyldige q3 · filtre: ingen · utelatt som manglende: /);
  });

  it("masks counts of 1–2 when asked (shared and exported views)", async () => {
    const { names } = await setup();
    const el = call(names, "renderTable", { caption: "c", columns: [{ key: "n", label: "n", count: true }], rows: [{ n: 2 }, { n: 0 }, { n: 7 }], audit: "a" }, { mask: true });
    expect(isElement(el)).toBe(true);
    if (!isElement(el)) return;
    expect([...el.querySelectorAll("td")].map((td) => td.textContent)).toEqual(["< 3", "0", "7"]);
  });

  it("withholds a chart with a group of 1–2 in a shared view under a county/size filter, and only then", () => {
    const host = nodeHost();
    const statusBarsOf = (names: object) => (models: unknown, options: unknown): unknown => {
      const charts = Reflect.get(names, "charts");
      const fn: unknown = typeof charts === "object" && charts !== null ? Reflect.get(charts, "statusBars") : undefined;
      if (typeof fn !== "function") throw new Error("charts.statusBars missing");
      return Reflect.apply(fn, charts, [models, options]);
    };
    const shared = statusBarsOf(createAnalysisBuiltins({ ...host, view: "shared" }));
    const live = statusBarsOf(createAnalysisBuiltins(host));
    const small = [{ label: "Serviceerklæringer", counts: [2, 5, 6, 9] }];
    const large = [{ label: "Serviceerklæringer", counts: [3, 5, 6, 9] }];
    const kind = (el: unknown): string => (isElement(el) ? el.tagName.toLowerCase() : typeof el);
    expect(kind(shared(small, { disclosureSensitive: true }))).toBe("p");
    const note = shared(small, { disclosureSensitive: true });
    if (isElement(note)) expect(note.textContent).toMatch(/^Figuren er holdt tilbake i denne delte visningen/);
    expect(kind(shared(small, { disclosureSensitive: false }))).toBe("svg");
    expect(kind(shared(large, { disclosureSensitive: true }))).toBe("svg");
    expect(kind(live(small, { disclosureSensitive: true }))).toBe("svg");
  });

  it("masks small counts by default in a shared view under a county filter, not in the live view", async () => {
    const host = nodeHost();
    const shared = createAnalysisBuiltins({ ...host, view: "shared" });
    const live = createAnalysisBuiltins(host);
    const survey = await loadSurvey(host);
    const records = respondentRecords();
    // A county with one or two respondents who introduced serviceerklæringer (q3 = 1), the first figure of Tabell 2.1.
    const county = [...new Set(records.map((r) => r.fylke))].find((f) => {
      const k = records.filter((r) => r.fylke === f && r.q3 === "1").length;
      return k === 1 || k === 2;
    });
    expect(county).toBeDefined();
    const filter = { fylke: [Number(county)], sizeClass: [], respType: [], adopted: [] };
    const texts = (names: object): string[] => {
      const el = call(names, "renderComparison", call(names, "comparePrinted", call(names, "applyFilter", survey, filter), "2.1"));
      return isElement(el) ? [...el.querySelectorAll("tbody tr")].slice(0, 1).map((tr) => tr.querySelectorAll("td")[3]?.textContent ?? "") : [];
    };
    // The percentage goes too: with N beside it, "13 %" would give the count back.
    expect(texts(shared)[0]).toBe("< 3");
    // The live view shows the count, and (the county of anonymous respondents being drawn) that it rests on the reconstruction.
    expect(texts(live)[0]).toMatch(/\([12]\)R\d+–\d+ %$/);
  });

  it("exports a table as CSV", async () => {
    const { names } = await setup();
    const csv = call(names, "exportTable", [{ knr: "0301", name: "Oslo" }]);
    expect(typeof csv === "string" && csv.replace(/^\uFEFF/, "").split(/\r?\n/)[0]).toBe("knr,name");
  });

  it("says a DOM is needed when the host has none", async () => {
    const host = nodeHost();
    const names = createAnalysisBuiltins({});
    const survey = await loadSurvey(host);
    expect(() => call(names, "filterInput", survey)).toThrow(/^filterInput: it draws on a page, and this host has none/);
  });
});
