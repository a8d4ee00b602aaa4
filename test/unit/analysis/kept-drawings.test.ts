/**
 * Kept drawings (issue 12, kept-drawings.ts): a chart, comparison table or plain table drawn again
 * for the same figures is a copy of the first drawing — identical to a fresh one, never the kept
 * element itself, and never given for other figures, another language or inputs that are not plain data.
 */
import { describe, expect, it, vi } from "vitest";
import { parseHTML } from "linkedom";
import { createAnalysisBuiltins } from "../../../src/analysis/builtins";
import { drawingKeep, keptDrawingStats, plainDataKey } from "../../../src/analysis/kept-drawings";
import { loadSurvey } from "../../../src/analysis/survey-source";
import { htmlTableData } from "../../../src/app/html-table-rows";
import { nodeHost } from "../notebooks/headless-survey";

const doc = (): Document => parseHTML("<!DOCTYPE html><html><body></body></html>").document;

function call(target: unknown, name: string, ...args: unknown[]): unknown {
  const fn: unknown = typeof target === "object" && target !== null ? Reflect.get(target, name) : undefined;
  if (typeof fn !== "function") throw new Error(`${name} is not a function`);
  return Reflect.apply(fn, target, args);
}

function isElement(value: unknown): value is Element {
  return typeof value === "object" && value !== null && "outerHTML" in value && "querySelectorAll" in value;
}

function element(value: unknown): Element {
  if (!isElement(value)) throw new Error("not an element");
  return value;
}

describe("plainDataKey", () => {
  it("is equal for equal plain data and tells apart what JSON would merge", () => {
    expect(plainDataKey({ a: [1, "x", null, true], b: { c: undefined } })).toBe(plainDataKey({ a: [1, "x", null, true], b: { c: undefined } }));
    expect(plainDataKey([Number.NaN])).not.toBe(plainDataKey([null]));
    expect(plainDataKey([Number.POSITIVE_INFINITY])).not.toBe(plainDataKey([Number.NEGATIVE_INFINITY]));
    expect(plainDataKey([-0])).not.toBe(plainDataKey([0]));
    expect(plainDataKey(["1"])).not.toBe(plainDataKey([1]));
    expect(plainDataKey({ a: 1, b: 2 })).not.toBe(plainDataKey({ a: 1, b: 3 }));
    expect(plainDataKey([[1, 2], [3]])).not.toBe(plainDataKey([[1], [2, 3]]));
    expect(plainDataKey(['a","b'])).not.toBe(plainDataKey(["a", "b"]));
    expect(plainDataKey({ a: undefined })).not.toBe(plainDataKey({}));
    expect(plainDataKey([undefined])).not.toBe(plainDataKey([null]));
    // A hole reads as undefined.
    const holey: unknown[] = [];
    holey[1] = 1;
    expect(plainDataKey(holey)).toBe(plainDataKey([undefined, 1]));
  });

  it("is JSON's own text for data JSON writes one-to-one, and marks what JSON would merge", () => {
    // Written by JSON.stringify (issue 12: the key of every drawing a filter change draws), not value by value.
    const data = { rows: [{ label: "Ja", count: 12, percent: 4.5, evidence: { kind: "printed", range: null } }], locale: "nb", on: true };
    expect(plainDataKey(data)).toBe(JSON.stringify(data));
    // The marks of undefined, NaN, ±Infinity and −0 never meet a string of the data, however it starts.
    const marked = [undefined, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0];
    const keys = new Set(marked.map((v) => plainDataKey([v])));
    for (const v of marked) {
      const key = plainDataKey([v]) ?? "";
      const asData = JSON.parse(key) as unknown[];
      keys.add(plainDataKey(asData));
    }
    keys.add(plainDataKey(["\u0000"]));
    keys.add(plainDataKey(["\u0000s"]));
    expect(keys.size).toBe(marked.length * 2 + 2);
  });

  it("gives no key for a function, a class instance, a node or a cycle", () => {
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    expect(plainDataKey({ format: () => "x" })).toBeUndefined();
    expect(plainDataKey([new Map()])).toBeUndefined();
    expect(plainDataKey({ at: new Date(0) })).toBeUndefined();
    expect(plainDataKey({ node: doc().createElement("p") })).toBeUndefined();
    expect(plainDataKey(cycle)).toBeUndefined();
    expect(plainDataKey([1n])).toBeUndefined();
    expect(plainDataKey([{ toJSON: () => "x" }])).toBeUndefined();
    expect(plainDataKey([[new Date(0)]])).toBeUndefined();
    expect(plainDataKey([Symbol("s")])).toBeUndefined();
    // It stops at the first value that is not plain data: nothing after it is read.
    let reads = 0;
    expect(plainDataKey([new Map(), { get later() { reads++; return 1; } }])).toBeUndefined();
    expect(reads).toBe(0);
    // Text too long to be a drawing's input gives no key.
    expect(plainDataKey(["x".repeat(1_000_001)])).toBeUndefined();
    expect(plainDataKey(["x".repeat(1000)])).toBeDefined();
    // The same object twice (not a cycle) is plain data.
    const shared = { n: 1 };
    expect(plainDataKey([shared, shared])).toBe(plainDataKey([{ n: 1 }, { n: 1 }]));
  });

  it("writes data with nothing to mark by JSON alone, and gives the marked key wherever one value needs a mark", async () => {
    // Issue 12: the replacer, called for each of a comparison's ~2,000 values, was most of a key's time.
    const host = nodeHost();
    const nb = createAnalysisBuiltins(host);
    const survey = await loadSurvey(host);
    const cmp = call(nb, "comparePrinted", call(nb, "applyFilter", survey, { fylke: [11], sizeClass: [], respType: [], adopted: [] }), "2.5");
    const stringify = vi.spyOn(JSON, "stringify");
    try {
      const key = plainDataKey([cmp, { locale: "nb" }]);
      expect(key).toBe(JSON.stringify([cmp, { locale: "nb" }]));
      // Every call wrote without a replacer (the old key called JSON.stringify with one).
      expect(stringify.mock.calls.every((args) => args.length === 1)).toBe(true);
    } finally {
      stringify.mockRestore();
    }
    // One value to mark anywhere in it: the whole key is the marked one, not JSON's.
    const deep = { rows: [{ cells: [{ count: 1, percent: Number.NaN }] }] };
    expect(plainDataKey(deep)).toBe('{"rows":[{"cells":[{"count":1,"percent":"\\u0000NaN"}]}]}');
    expect(plainDataKey({ a: ["\u0000x"] })).toBe('{"a":["\\u0000s\\u0000x"]}');
    expect(plainDataKey({ a: [1, -0] })).not.toBe(plainDataKey({ a: [1, 0] }));
    // A toJSON JSON would call is not followed: an array's own, a plain object's hidden one.
    const array = Object.assign([1, 2], { toJSON: () => "x" });
    expect(plainDataKey({ a: array })).toBe('{"a":[1,2]}');
    const hidden = Object.defineProperty({ a: 1 }, "toJSON", { value: () => "x", enumerable: false });
    expect(plainDataKey([hidden])).toBe('[{"a":1}]');
    // The length counted as the marked key counts it (keys and strings): no key past the limit either way.
    const zeros = new Array<number>(200_000).fill(0);
    expect(plainDataKey(zeros)).toBe(JSON.stringify(zeros));
    expect(plainDataKey([...zeros, "x"])).toBeUndefined();
  });
});

describe("drawingKeep", () => {
  const counting = (): { draw: (text: string) => () => HTMLElement; calls: () => number; d: Document } => {
    const d = doc();
    let calls = 0;
    return {
      d,
      calls: () => calls,
      draw: (text) => () => {
        calls++;
        const p = d.createElement("p");
        p.textContent = text;
        return p;
      },
    };
  };

  it("draws twice, then gives copies of the second drawing; never the same element", () => {
    const keep = drawingKeep<HTMLElement>();
    const { d, draw, calls } = counting();
    const first = keep(d, { figures: [1, 2] }, draw("a"));
    const second = keep(d, { figures: [1, 2] }, draw("a"));
    expect(calls()).toBe(2);
    const third = keep(d, { figures: [1, 2] }, draw("a"));
    const fourth = keep(d, { figures: [1, 2] }, draw("a"));
    expect(calls()).toBe(2);
    expect(new Set([first, second, third, fourth]).size).toBe(4);
    expect([third.outerHTML, fourth.outerHTML]).toEqual([first.outerHTML, first.outerHTML]);
  });

  it("keeps nothing a page does to a drawing shown", () => {
    const keep = drawingKeep<HTMLElement>();
    const { d, draw } = counting();
    keep(d, ["x"], draw("x"));
    const second = keep(d, ["x"], draw("x"));
    second.setAttribute("data-opened", "1");
    second.append(d.createElement("nb-export-menu"));
    const third = keep(d, ["x"], draw("x"));
    third.textContent = "changed";
    expect(keep(d, ["x"], draw("x")).outerHTML).toBe("<p>x</p>");
  });

  it("draws afresh for other inputs, another document, or inputs that are not plain data", () => {
    const keep = drawingKeep<HTMLElement>();
    const { d, draw, calls } = counting();
    for (let i = 0; i < 3; i++) keep(d, [1], draw("one"));
    expect(calls()).toBe(2);
    expect(keep(d, [2], draw("two")).textContent).toBe("two");
    expect(calls()).toBe(3);
    const other = doc();
    keep(other, [1], draw("one"));
    expect(calls()).toBe(4);
    const format = (): string => "x";
    for (let i = 0; i < 3; i++) keep(d, [format], draw("f"));
    expect(calls()).toBe(7);
  });
});

describe("charts and comparison tables of the same figures", () => {
  it("Tabell 2.1's chart and table: a copy equal to the fresh drawing, other figures and languages drawn anew", async () => {
    const host = nodeHost();
    const nb = createAnalysisBuiltins(host);
    const en = createAnalysisBuiltins({ ...host, locale: "en" });
    const survey = await loadSurvey(host);
    const all = (): unknown => call(nb, "comparePrinted", survey, "2.1");
    const county = (): unknown => call(nb, "comparePrinted", call(nb, "applyFilter", survey, { fylke: [11], sizeClass: [], respType: [], adopted: [] }), "2.1");
    const charts = Reflect.get(nb, "charts");
    const chart = (cmp: unknown, names: unknown = charts): Element => element(call(names, "statusBars", cmp, { mode: "printed-vs-recomputed", title: "Innføring" }));
    const table = (cmp: unknown, names: unknown = nb): Element => element(call(names, "renderComparison", cmp));

    const before = { ...keptDrawingStats };
    // Every call gets a comparison computed afresh, as a cell's rerun does.
    const fresh = [chart(all()), table(all())];
    chart(all());
    table(all());
    const copies = [chart(all()), table(all())];
    expect(keptDrawingStats.copies - before.copies).toBe(2);
    expect(copies.map((c) => c.outerHTML)).toEqual(fresh.map((f) => f.outerHTML));
    expect(copies[0]).not.toBe(fresh[0]);
    // The copy carries the table's export fields (the CSV's numbers), one JSON on the table.
    const exportRows = (figure: Element | undefined): string | null | undefined => figure?.querySelector("table")?.getAttribute("data-export-rows");
    expect(exportRows(copies[1])).toBe(exportRows(fresh[1]));
    expect(exportRows(copies[1])?.length).toBeGreaterThan(1000);

    // Other figures: drawn, and different.
    const drawsBefore = keptDrawingStats.draws;
    const filtered = [chart(county()), table(county())];
    expect(keptDrawingStats.draws - drawsBefore).toBe(2);
    expect(filtered[0]?.outerHTML).not.toBe(fresh[0]?.outerHTML);
    expect(filtered[1]?.outerHTML).not.toBe(fresh[1]?.outerHTML);

    // Another language: drawn in that language, not a copy of the Norwegian one.
    const english = table(call(en, "comparePrinted", survey, "2.1"), en);
    expect(english.outerHTML).not.toBe(fresh[1]?.outerHTML);
    expect(english.textContent).toContain("Recomputed");
  });
});

describe("plain tables of the same rows", () => {
  /** A table like 05's adopters list: `n` rows of text and a count column, under `fylke` (0: all). */
  const adopters = (n: number, fylke = 0): Record<string, unknown> => {
    const rows = Array.from({ length: n }, (_, i) => ({ knr: String(1101 + i), name: `Kommune ${i}`, fylke: 1 + (i % 20), models: ["q20", "q21"].slice(0, 1 + (i % 2)), n: i % 7 }))
      .filter((r) => fylke === 0 || r.fylke === fylke);
    return {
      caption: "Navngitte kommuner",
      columns: [{ key: "knr", label: "Knr" }, { key: "name", label: "Navn" }, { key: "models", label: "Modeller" }, { key: "n", label: "N", count: true }],
      rows,
      audit: `N = ${rows.length} of ${n} named · filters: ${fylke || "none"} · missing excluded: none · test: none`,
      disclosureSensitive: fylke !== 0,
    };
  };

  it("05's list back to no filter: a copy equal to a fresh drawing; other rows, a shared view and a long list drawn anew", () => {
    const host = nodeHost();
    const nb = createAnalysisBuiltins(host);
    const shared = createAnalysisBuiltins({ ...host, view: "shared" });
    const table = (spec: unknown, names: unknown = nb): Element => element(call(names, "renderTable", spec));

    const before = { ...keptDrawingStats };
    // A new spec object every call, as the cell's rerun makes it.
    const fresh = table(adopters(131));
    table(adopters(131, 11));
    table(adopters(131));
    const copy = table(adopters(131));
    expect(keptDrawingStats.copies - before.copies).toBe(1);
    expect(copy).not.toBe(fresh);
    expect(copy.outerHTML).toBe(fresh.outerHTML);
    expect(copy.querySelectorAll("tbody tr").length).toBe(131);
    // The copy carries the CSV's values (the export fields, read as the export button reads them).
    const csv = (drawn: Element): unknown[][] => {
      const data = htmlTableData(drawn.querySelector("table") ?? drawn);
      return Array.from({ length: data.numRows() }, (_, row) => data.columnNames().map((name) => data.get(name, row)));
    };
    expect(csv(copy)).toEqual(csv(fresh));
    expect(csv(copy).length).toBe(131);
    expect(csv(copy)[0]).toEqual(["1101", "Kommune 0", "q20", 0]);

    // Other rows: drawn, and different.
    const draws = keptDrawingStats.draws;
    const county = table(adopters(131, 12));
    expect(keptDrawingStats.draws - draws).toBe(1);
    expect(county.querySelectorAll("tbody tr").length).toBeLessThan(131);

    // A shared view of a county masks its small counts: never a copy of the live view's table.
    const live = table(adopters(131, 12));
    table(adopters(131, 12));
    const masked = table(adopters(131, 12), shared);
    expect(masked.textContent).toContain("< 3");
    expect(live.textContent).not.toContain("< 3");

    // A list over the kept length is drawn every time, and no copy is kept of it.
    const copies = keptDrawingStats.copies;
    for (let i = 0; i < 3; i++) table(adopters(1001));
    expect(keptDrawingStats.copies).toBe(copies);
  });
});

