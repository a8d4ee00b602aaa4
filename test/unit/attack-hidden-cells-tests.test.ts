/**
 * Attack: solve the counts a shared view hides from the other figures the same table shows.
 *
 * A reader of a shared notebook sees `tables.crosstab` and `tables.groups` with the counts of 1–2
 * shown as "< 3" and their complements as "·". The reader here enumerates every table the shown
 * figures allow and keeps those that give the same figures; a hidden count is given back when it
 * is the same in every table kept.
 *
 * - crosstab: the reader knows exactly what the table prints (the shown counts and the margins).
 *   Before the fix the table printed Pearson χ² to two decimals, and for q1 by size class, on the
 *   bundled reconstruction, one table in six fitted it: all ten hidden cells were given back.
 * - groups: the reader knows the shown groups' answers (a crosstab of the same variables prints
 *   most of them) and what the table prints. Before the fix the mean ranks and the tests singled out
 *   Oslo's one answer to q1 and Aust-Agder's six in fylke × q1.
 *
 * - sizeClass: the reader knows what the table prints. Before the fix it printed the Cochran–Armitage
 *   z (to three decimals in the audit line), which is Σ score × cases over the classes: for q3 = 1
 *   (notebook 03's rates table) it gave back the cases of all four hidden classes.
 *
 * Each reader is also run with the test line the live view prints, to show that it is able to solve
 * the table when that line is given (so its failing to solve the shared table is not blindness).
 */
import { parseHTML } from "linkedom";
import { beforeAll, describe, expect, it } from "vitest";
import { applyFilter } from "../../src/analysis/apply-filter";
import type { Survey } from "../../src/analysis/survey";
import { loadSurvey } from "../../src/analysis/survey-source";
import { createTables } from "../../src/analysis/tables/tables";
import { compareGroups } from "../../src/stats/compare-groups";
import { cochranArmitage } from "../../src/stats/size-class";
import { statsBuiltin } from "../../src/analysis/stats-builtin";
import { EMPTY_FILTER } from "../../src/data/survey-filter";
import { nodeHost } from "./notebooks/headless-survey";

const { document } = parseHTML("<!doctype html><html><body></body></html>");
let survey: Survey;
beforeAll(async () => {
  survey = await loadSurvey(nodeHost());
}, 60_000);

const shared = (): ReturnType<typeof createTables> => createTables({ document: () => document, shared: true, locale: "en" });
const live = (): ReturnType<typeof createTables> => createTables({ document: () => document, shared: false, locale: "en" });

/** A cell's own text (its evidence marker is a child element after it). */
const cellText = (c: Element): string => (c.firstChild?.textContent ?? "").trim();
const bodyRows = (el: Element): string[][] => [...el.querySelectorAll("tbody tr")].map((tr) => [...tr.children].map(cellText));
const auditText = (el: Element): string => [...el.querySelectorAll(".tv-audit-line")].map((p) => p.textContent ?? "").join("\n");
const isHidden = (text: string): boolean => text === "< 3" || text === "·";

/** Every assignment of the hidden cells of `grid` (rows of counts, null = hidden) that adds up to the margins. */
function fillings(grid: readonly (readonly (number | null)[])[], hint: readonly (readonly string[])[], rowTotals: readonly number[], columnTotals: readonly number[]): number[][][] {
  const unknown: [number, number][] = [];
  grid.forEach((row, i) => row.forEach((v, j) => (v === null ? unknown.push([i, j]) : undefined)));
  const out: number[][][] = [];
  const work = grid.map((row) => row.map((v) => v ?? 0));
  const sum = (values: number[]): number => values.reduce((a, b) => a + b, 0);
  const step = (k: number): void => {
    if (k === unknown.length) {
      if (work.every((row, i) => sum(row) === rowTotals[i]) && columnTotals.every((t, j) => sum(work.map((row) => row[j] ?? 0)) === t)) out.push(work.map((row) => [...row]));
      return;
    }
    const [i, j] = unknown[k] ?? [0, 0];
    const row = work[i] ?? [];
    const [lo, hi] = hint[i]?.[j] === "< 3" ? [1, 2] : [0, Math.min(rowTotals[i] ?? 0, columnTotals[j] ?? 0)];
    // The row's last hidden cell is what its total leaves.
    const last = unknown[k + 1]?.[0] !== i;
    row[j] = 0;
    const rest = (rowTotals[i] ?? 0) - sum(row);
    for (let v = last ? Math.max(lo, rest) : lo; v <= (last ? Math.min(hi, rest) : hi); v++) {
      row[j] = v;
      if (sum(row) > (rowTotals[i] ?? 0)) break;
      step(k + 1);
    }
    row[j] = 0;
  };
  step(0);
  return out;
}

/** Pearson χ² of a table of counts (every margin non-zero here). */
function chiSquare(table: readonly (readonly number[])[]): number {
  const rows = table.map((r) => r.reduce((a, b) => a + b, 0));
  const columns = (table[0] ?? []).map((_, j) => table.reduce((a, r) => a + (r[j] ?? 0), 0));
  const n = rows.reduce((a, b) => a + b, 0);
  let chi = 0;
  table.forEach((r, i) => r.forEach((o, j) => {
    const e = ((rows[i] ?? 0) * (columns[j] ?? 0)) / n;
    chi += ((o - e) * (o - e)) / e;
  }));
  return chi;
}

/** The crosstab reader: the tables consistent with what `el` prints (and `extra`, a line the reader also has). */
function readCrosstab(el: Element, extra = ""): { hidden: number; candidates: number[][][] } {
  const counts = bodyRows(el).filter((r) => r[1] === "Count").map((r) => r.slice(2));
  const margins = counts.at(-1)?.map(Number) ?? [];
  const inner = counts.slice(0, -1);
  const rowTotals = inner.map((r) => Number(r.at(-1)));
  const columnTotals = margins.slice(0, -1);
  const hint = inner.map((r) => r.slice(0, -1));
  const grid = hint.map((r) => r.map((t) => (isHidden(t) ? null : Number(t))));
  const chi = /χ²\(\d+\) = (\d+\.\d+)/.exec(`${auditText(el)}\n${extra}`)?.[1];
  const all = fillings(grid, hint, rowTotals, columnTotals);
  return { hidden: grid.flat().filter((v) => v === null).length, candidates: chi === undefined ? all : all.filter((t) => chiSquare(t).toFixed(2) === chi) };
}

/** The hidden cells that take the same value in every candidate: the counts given back. */
function givenBack(candidates: readonly number[][][], grid: readonly (readonly string[])[]): string[] {
  const out: string[] = [];
  grid.forEach((row, i) => row.forEach((t, j) => {
    if (!isHidden(t)) return;
    if (new Set(candidates.map((c) => c[i]?.[j])).size === 1) out.push(`row ${i + 1}, column ${j + 1}`);
  }));
  return out;
}

describe("attack: a shared crosstab's hidden cells from its test", () => {
  it("the reader solves q1 by size class when it has the live view's χ²", () => {
    const selection = applyFilter(survey, EMPTY_FILTER);
    const el = shared().crosstab(selection, "size_class", "q1");
    const { hidden, candidates } = readCrosstab(el, auditText(live().crosstab(selection, "size_class", "q1")));
    expect(hidden).toBeGreaterThan(2);
    expect(candidates).toHaveLength(1);
  });

  it("the shared table alone gives no hidden cell back", () => {
    const el = shared().crosstab(applyFilter(survey, EMPTY_FILTER), "size_class", "q1");
    const { hidden, candidates } = readCrosstab(el);
    expect(hidden).toBeGreaterThan(2);
    expect(candidates.length).toBeGreaterThan(1);
    const grid = bodyRows(el).filter((r) => r[1] === "Count").slice(0, -1).map((r) => r.slice(2, -1));
    expect(givenBack(candidates, grid)).toEqual([]);
    expect(auditText(el)).not.toMatch(/χ²\(\d+\) =|Cramér's V =/);
  });
});

/** Valid (fylke, q1) pairs of the bundled survey: what the reader knows of the shown groups. */
function answers(s: Survey): [number, number][] {
  const group = s.table.array("fylke");
  const item = s.table.array("q1");
  const out: [number, number][] = [];
  for (let i = 0; i < group.length; i++) {
    const g: unknown = group[i];
    const v: unknown = item[i];
    if (typeof g === "number" && typeof v === "number" && v !== 9) out.push([g, v]);
  }
  return out;
}

/** The group table's shown figures, hidden ones as "?" (the row labels left out: the reader's candidates have no codebook). */
function shownFigures(el: Element): string[] {
  return bodyRows(el).map((r) => r.slice(1).map((t) => (isHidden(t) || t === "–" ? "?" : t)).join(" | "));
}

/** The groups reader: the hidden groups' answers consistent with what `el` prints (and the live view's figures in `extra`). */
function readGroups(el: Element, known: readonly [number, number][], extra?: Element): Map<number, number[]>[] {
  const rows = bodyRows(el);
  const groupRows = rows.slice(0, rows.findIndex((r) => r[0] === "All groups"));
  const codes = groupRows.map((r) => Number.parseInt(r[0] ?? "", 10));
  const hidden = codes.filter((_, i) => isHidden(groupRows[i]?.[1] ?? ""));
  const shownRows = known.filter(([g]) => !hidden.includes(g));
  const size = known.length - shownRows.length;
  const values = [...new Set(known.map(([, v]) => v))].sort((a, b) => a - b);
  const multisets = (k: number, from = 0): number[][] => (k === 0 ? [[]] : values.slice(from).flatMap((v, i) => multisets(k - 1, from + i).map((m) => [v, ...m])));
  const splits = (left: number, groups: readonly number[]): Map<number, number[]>[] => {
    const [first, ...rest] = groups;
    if (first === undefined) return left === 0 ? [new Map()] : [];
    const small = groupRows[codes.indexOf(first)]?.[1] === "< 3";
    const out: Map<number, number[]>[] = [];
    for (let n = small ? 1 : 0; n <= (small ? 2 : left); n++) {
      for (const tail of splits(left - n, rest)) for (const m of multisets(n)) out.push(new Map([[first, m], ...tail]));
    }
    return out;
  };
  const target = shownFigures(el);
  const liveTarget = extra ? bodyRows(extra).map((r) => r.slice(1).join(" | ")) : undefined;
  return splits(size, hidden).filter((fill) => {
    const pairs = [...shownRows, ...[...fill].flatMap(([g, vs]) => vs.map((v): [number, number] => [g, v]))];
    const result = compareGroups({ fylke: pairs.map(([g]) => g), q1: pairs.map(([, v]) => v) }, "fylke", "q1", { groups: codes });
    // The overall mean first: drawing every candidate's table is the slow part.
    if (result.overall.mean?.toFixed(2) !== rows[groupRows.length]?.[2]) return false;
    const candidate = live().groups(result);
    const figures = bodyRows(candidate).map((r) => r.slice(1));
    if (liveTarget) return figures.every((r, i) => r.join(" | ") === liveTarget[i]);
    return figures.every((r, i) => r.map((t, j) => (target[i]?.split(" | ")[j] === "?" ? "?" : t)).join(" | ") === target[i]);
  });
}

describe("attack: a shared group table's hidden groups from its ranks and tests", () => {
  it("the reader solves fylke × q1 when it has the live view's figures", () => {
    const selection = applyFilter(survey, EMPTY_FILTER);
    const el = shared().groups(selection, "fylke", "q1");
    const found = readGroups(el, answers(survey), live().groups(selection, "fylke", "q1"));
    expect(found).toHaveLength(1);
  }, 60_000);

  it("the shared table alone gives no hidden group's size back", () => {
    const el = shared().groups(applyFilter(survey, EMPTY_FILTER), "fylke", "q1");
    const found = readGroups(el, answers(survey));
    expect(found.length).toBeGreaterThan(1);
    const hidden = [...(found[0]?.keys() ?? [])];
    expect(hidden.length).toBeGreaterThan(0);
    for (const g of hidden) expect(new Set(found.map((f) => f.get(g)?.length)).size, `group ${g}'s size`).toBeGreaterThan(1);
    expect(auditText(el)).not.toMatch(/F\(\d+, [\d.]+\) =|H\(\d+\) =/);
    expect(auditText(el)).toContain("not shown (disclosure guard)");
  }, 60_000);
});

/** The size-class reader: the hidden classes' cases consistent with what `el` prints (and `extra`, the live view's lines). */
function readSizeClass(el: Element, extra = ""): { hidden: number; candidates: number[][] } {
  const rows = bodyRows(el);
  const classRows = rows.slice(0, -1);
  const scores = classRows.map((r) => Number.parseInt(r[0] ?? "", 10));
  const n = classRows.map((r) => Number(r[1]));
  const cases = classRows.map((r) => r[2] ?? "");
  const total = Number(rows.at(-1)?.[2]);
  const z = /z = (−?\d+\.\d{3})/.exec(`${auditText(el)}\n${extra}`)?.[1]?.replace("−", "-");
  const out: number[][] = [];
  const step = (i: number, chosen: number[]): void => {
    if (i === cases.length) {
      if (chosen.reduce((a, b) => a + b, 0) === total) out.push(chosen);
      return;
    }
    const text = cases[i] ?? "";
    const [lo, hi] = text === "< 3" ? [1, 2] : text === "·" ? [0, n[i] ?? 0] : [Number(text), Number(text)];
    for (let v = lo; v <= hi; v++) step(i + 1, [...chosen, v]);
  };
  step(0, []);
  const fits = (x: number[]): boolean => z === undefined || cochranArmitage(scores, x, n).statistic?.toFixed(3) === z;
  return { hidden: cases.filter(isHidden).length, candidates: out.filter(fits) };
}

describe("attack: a shared size-class table's hidden cases from its trend test", () => {
  it("the reader solves q3 = 1 by size class when it has the live view's z", () => {
    const selection = applyFilter(survey, EMPTY_FILTER);
    const { hidden, candidates } = readSizeClass(shared().sizeClass(selection, "q3", [1]), auditText(live().sizeClass(selection, "q3", [1])));
    expect(hidden).toBeGreaterThan(1);
    expect(candidates).toHaveLength(1);
  });

  it("the shared table alone gives no hidden class's cases back", () => {
    const el = shared().sizeClass(applyFilter(survey, EMPTY_FILTER), "q3", [1]);
    const { hidden, candidates } = readSizeClass(el);
    expect(hidden).toBeGreaterThan(1);
    const cases = bodyRows(el).slice(0, -1).map((r) => r[2] ?? "");
    const given = cases.flatMap((t, i) => (isHidden(t) && new Set(candidates.map((c) => c[i])).size === 1 ? [i + 1] : []));
    expect(given).toEqual([]);
    expect(auditText(el)).not.toMatch(/z = −?\d/);
  });

  it("notebook 03's several-variable table shows no trend in a row that hides a count", () => {
    const selection = applyFilter(survey, EMPTY_FILTER);
    const el = shared().sizeClass(["q3", "q20"].map((v) => statsBuiltin.sizeClassRates(selection, v, [1])));
    const rows = bodyRows(el);
    const hiding = (r: string[]): boolean => r.slice(1, -1).some((t) => t.includes("< 3") || t.includes("·"));
    expect(rows.filter(hiding).length).toBeGreaterThan(0);
    for (const r of rows) if (hiding(r)) expect(r.at(-1)).not.toMatch(/z = /);
    expect(auditText(el)).not.toMatch(/z = −?\d/);
  });
});
