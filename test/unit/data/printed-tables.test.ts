import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import {
  countsForPercent,
  decimalsOf,
  parsePrintedTables,
  type PrintedRow,
  type PrintedTable,
  tryParsePrintedTables,
  validatePrintedTables,
} from "../../../src/data/printed-tables";
import {
  buildPrintedTables,
  INCONSISTENCIES_MD,
  OUTPUT,
  renderInconsistencies,
  serializePrintedTables,
} from "../../../scripts/data/printed-tables-source";

const root = resolve(__dirname, "../../..");
const doc = buildPrintedTables();
const byId = (id: string): PrintedTable => {
  const t = doc.tables.find((x) => x.id === id);
  if (!t) throw new Error(`no table ${id}`);
  return t;
};
const rowOf = (id: string, variable: string): PrintedRow => {
  const r = byId(id).rows.find((x) => x.variable === variable);
  if (!r) throw new Error(`no row ${variable} in ${id}`);
  return r;
};
const counts = (r: PrintedRow): (number | null | undefined)[] => r.cells.map((c) => c.count);
const countTables = doc.tables.filter((t) => t.kind === "frequency" || t.kind === "multiple-response");

describe("printed-tables.json", () => {
  it("is byte-identical to a fresh build (deterministic)", () => {
    const onDisk = readFileSync(resolve(root, OUTPUT), "utf8");
    expect(onDisk).toBe(serializePrintedTables(buildPrintedTables()));
    expect(serializePrintedTables(buildPrintedTables())).toBe(serializePrintedTables(buildPrintedTables()));
  });

  it("has inconsistencies.md rendered from the same data", () => {
    expect(readFileSync(resolve(root, INCONSISTENCIES_MD), "utf8")).toBe(renderInconsistencies(doc));
  });

  it("contains every numbered table of chapters 2 and 3", () => {
    const ids = doc.tables.map((t) => t.id);
    for (let i = 1; i <= 9; i++) expect(ids).toContain(`2.${i}`);
    for (let i = 1; i <= 12; i++) expect(ids).toContain(`3.${i}`);
    for (const t of doc.tables) expect(t.lines[0]).toBeLessThanOrEqual(t.lines[1]);
  });

  it("transcribes Tabell 2.1 as printed, one status row per model", () => {
    expect(byId("2.1").rows.map((r) => r.variable)).toEqual(["q3", "q7", "q12", "q16", "q20", "q24"]);
    expect(counts(rowOf("2.1", "q3"))).toEqual([16, 37, 83, 117]);
    expect(rowOf("2.1", "q3").total).toBe(253);
    expect(counts(rowOf("2.1", "q24"))).toEqual([23, 14, 30, 172]);
    expect(rowOf("2.1", "q24").cells.map((c) => c.percent)).toEqual([10, 6, 13, 72]);
  });

  it("maps Tabell 2.5, 2.7, 2.8 and 2.9 rows to the questionnaire items in order", () => {
    expect(byId("2.5").rows.map((r) => r.variable)).toEqual(Array.from({ length: 9 }, (_, i) => `q28_${i + 1}`));
    expect(byId("2.9").rows.map((r) => r.variable)).toEqual(Array.from({ length: 7 }, (_, i) => `q29_${i + 1}`));
    expect(new Set(byId("2.7").rows.map((r) => r.variable))).toEqual(new Set(["q2_1", "q2_2", "q2_3", "q2_4", "q2_5"]));
    expect(new Set(byId("2.8").rows.map((r) => r.variable))).toEqual(new Set(["q31_1", "q31_2", "q31_3", "q31_4"]));
    expect(rowOf("2.9", "q29_6").total).toBe(257);
  });

  it("gives Tabell 2.6 the same 'Er innført' counts as the chapter-3 area tables", () => {
    const areaTables: Record<string, string> = { q4: "3.1", q8: "3.3", q13: "3.5", q17: "3.7", q21: "3.9", q25: "3.11" };
    for (const r of byId("2.6").rows) {
      const stem = r.variable.split("_")[0] ?? "";
      const source = rowOf(areaTables[stem] ?? "", r.variable);
      expect(r.cells[0]?.count, r.label).toBe(source.cells.find((c) => c.code === 1)?.count);
    }
    expect(byId("2.6").rows).toHaveLength(60);
  });

  it("restricts results and expectations to status 1–2 and area items to status 1–3, within Tabell 2.1", () => {
    const status = new Map(byId("2.1").rows.map((r) => [r.variable, counts(r)]));
    const within = (r: PrintedRow, codes: number[]): void => {
      const w = r.where?.[0];
      expect(w?.codes, r.label).toEqual(codes);
      const s = status.get(w?.variable ?? "") ?? [];
      const cap = codes.reduce((n, code) => n + (s[code - 1] ?? 0), 0);
      expect(r.resolved?.total ?? r.total ?? 0, `${r.variable} base within ${w?.variable}`).toBeLessThanOrEqual(cap);
    };
    for (const id of ["3.2", "3.4", "3.6", "3.8", "3.10", "3.12", "2.4"]) for (const r of byId(id).rows) within(r, [1, 2]);
    for (const id of ["3.1", "3.3", "3.5", "3.7", "3.9", "3.11"]) for (const r of byId(id).rows) within(r, [1, 2, 3]);
  });

  it("sums every row of counts to its printed total, or to the documented resolution", () => {
    for (const t of countTables) {
      if (t.kind !== "frequency") continue;
      for (const r of t.rows) {
        if (r.total == null || r.cells.some((c) => c.count == null)) continue;
        const printedSum = r.cells.reduce((n, c) => n + (c.count ?? 0), 0);
        if (printedSum === r.total) continue;
        const conflicted = r.conflict !== undefined || r.cells.some((c) => c.conflict !== undefined);
        expect(conflicted, `${t.id} ${r.variable}: ${printedSum} ≠ ${r.total} without a conflict`).toBe(true);
        const resolvedSum = r.cells.reduce((n, c) => n + (c.resolved?.count ?? c.count ?? 0), 0);
        expect(resolvedSum, `${t.id} ${r.variable} resolved`).toBe(r.resolved?.total ?? r.total);
      }
    }
  });

  it("finds an integer count for every printed percentage, or documents why not", () => {
    for (const t of countTables) {
      for (const r of t.rows) {
        const base = r.total;
        if (base == null) continue;
        for (const c of r.cells) {
          if (c.percent == null) continue;
          const feasible = countsForPercent(c.percent, base, decimalsOf(c.percent));
          const ok = c.count == null ? feasible.length > 0 : feasible.includes(c.count);
          if (ok) continue;
          const conflict = c.conflict ?? r.conflict;
          expect(conflict, `${t.id} ${r.variable}=${String(c.code)}: ${c.percent} % of ${base}`).toBeDefined();
          const rBase = r.resolved?.total ?? base;
          const rCount = c.resolved?.count ?? c.count;
          const rPct = c.resolved?.percent ?? c.percent;
          if (rCount != null) expect(countsForPercent(rPct, rBase, decimalsOf(rPct))).toContain(rCount);
        }
      }
    }
  });

  it("resolves the known misprints to the hand-worked figures", () => {
    const samferdsel = rowOf("3.5", "q13_7");
    expect(samferdsel.cells.map((c) => c.resolved?.count ?? c.count)).toEqual([13, 20, 47, 33]);
    expect(rowOf("3.4", "q10_3").cells.find((c) => c.code === 4)?.resolved?.count).toBe(2);
    expect(rowOf("2.5", "q28_4").resolved?.total).toBe(214);
    const politikere = rowOf("2.9", "q29_4");
    expect(politikere.cells.map((c) => c.resolved?.count)).toEqual([17, 67, 83, 75, 12]);
    expect(politikere.resolved?.total).toBe(254);
    expect(byId("3.8").questions).toEqual(["q18"]);
  });

  it("references only inconsistencies that exist, and uses every table-bound one", () => {
    const ids = new Set(doc.inconsistencies.map((i) => i.id));
    const used = new Set<string>();
    for (const t of doc.tables)
      for (const r of t.rows) {
        if (r.conflict) used.add(r.conflict);
        for (const c of r.cells) if (c.conflict) used.add(c.conflict);
      }
    for (const id of used) expect(ids.has(id), id).toBe(true);
    for (const id of ["t25-tqm-total", "t34-samordnet-count", "t35-samferdsel-shift", "t29-politikere-base", "bpr-pie-base"])
      expect(used.has(id), id).toBe(true);
  });

  it.skipIf(!existsSync(resolve(root, "data/survey-1999/codebook.json")))(
    "names only variables and codes the codebook knows (derived counts excepted)",
    () => {
      const codebook: unknown = JSON.parse(readFileSync(resolve(root, "data/survey-1999/codebook.json"), "utf8"));
      const names = new Map<string, Set<number>>();
      if (typeof codebook === "object" && codebook !== null && "variables" in codebook && Array.isArray(codebook.variables)) {
        const all: unknown[] = [...codebook.variables, ...("derived" in codebook && Array.isArray(codebook.derived) ? codebook.derived : [])];
        for (const v of all) {
          if (typeof v !== "object" || v === null || !("name" in v) || typeof v.name !== "string") continue;
          const codes = new Set<number>();
          if ("codes" in v && Array.isArray(v.codes)) for (const c of v.codes) if (c && typeof c.code === "number") codes.add(c.code);
          if ("missing" in v && Array.isArray(v.missing)) for (const m of v.missing) if (typeof m === "number") codes.add(m);
          names.set(v.name, codes);
        }
      }
      const derived = new Set(["any_six_adopted", "any_model_adopted", "n_models_adopted"]);
      for (const t of doc.tables)
        for (const r of t.rows)
          for (const name of r.variable.split(",")) {
            if (derived.has(name)) continue;
            expect(names.has(name), `${t.id}: ${name}`).toBe(true);
            const codes = names.get(name);
            if (codes && codes.size > 0)
              for (const c of r.cells) if (typeof c.code === "number") expect(codes.has(c.code), `${t.id} ${name}=${c.code}`).toBe(true);
          }
    },
  );
});

describe("countsForPercent", () => {
  it("finds the counts a printed percentage allows, by hand-worked examples", () => {
    expect(countsForPercent(2.8, 71, 1)).toEqual([2]);
    expect(countsForPercent(3.2, 91, 1)).toEqual([]);
    expect(countsForPercent(41.6, 113, 1)).toEqual([47]);
    expect(countsForPercent(6, 253, 0)).toEqual([14, 15, 16]);
    expect(countsForPercent(55, 18, 0)).toEqual([]);
    expect(countsForPercent(0.0, 257, 1)).toEqual([0]);
  });
});

describe("parsePrintedTables", () => {
  const clone = (): Record<string, unknown> => JSON.parse(serializePrintedTables(doc));

  it("accepts the built document", () => {
    expect(parsePrintedTables(clone()).tables).toHaveLength(doc.tables.length);
  });

  it("rejects a non-object and names the root", () => {
    expect(() => parsePrintedTables(42)).toThrow(/\$: expected an object/);
  });

  it("names the path of a bad count", () => {
    const bad = clone();
    const tables = bad.tables;
    if (Array.isArray(tables)) tables[0].rows[0].cells[1].count = "16";
    expect(() => parsePrintedTables(bad)).toThrow(/tables\[0\]\.rows\[0\]\.cells\[1\]\.count: expected a number or null/);
  });

  it("names an unknown conflict id and says how to fix it", () => {
    const bad = clone();
    if (Array.isArray(bad.tables)) bad.tables[0].rows[1].conflict = "no-such-id";
    const issues = validatePrintedTables(bad);
    expect(issues).toEqual([
      { path: "tables[0].rows[1].conflict", message: expect.stringContaining('no inconsistency with id "no-such-id"') },
    ]);
  });

  it("requires a conflict id next to a resolved figure, and lists every problem", () => {
    const bad = clone();
    if (Array.isArray(bad.tables)) {
      bad.tables[0].rows[0].cells[1].resolved = { count: 1 };
      bad.tables[1].lines = [10, 2];
      bad.tables[1].kind = "pie";
    }
    const result = tryParsePrintedTables(bad);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.issues.map((i) => i.path)).toEqual(["tables[0].rows[0].cells[1].resolved", "tables[1].lines", "tables[1].kind"]);
      expect(result.error.message).toContain("printed-tables-source.ts");
    }
    expect(() => parsePrintedTables(bad)).toThrow(/printed-tables\.json is not valid: tables\[0\]/);
  });

  it("rejects duplicate table and inconsistency ids", () => {
    const bad = clone();
    if (Array.isArray(bad.tables) && Array.isArray(bad.inconsistencies)) {
      bad.tables[1].id = bad.tables[0].id;
      bad.inconsistencies.push(bad.inconsistencies[0]);
    }
    const paths = validatePrintedTables(bad).map((i) => i.path);
    expect(paths).toContain("tables[1].id");
    expect(paths).toContain(`inconsistencies[${doc.inconsistencies.length}].id`);
  });
});

describe("Tabell 2.9 (percentages only)", () => {
  /** Every combination of feasible counts that sums to N. */
  const combinations = (row: PrintedRow): number[][] => {
    const n = row.total ?? 0;
    const sets = row.cells.map((c) => countsForPercent(c.percent ?? -1, n, decimalsOf(c.percent ?? 0)));
    const out: number[][] = [];
    const walk = (i: number, acc: number[], sum: number): void => {
      if (i === sets.length) {
        if (sum === n) out.push([...acc]);
        return;
      }
      for (const k of sets[i] ?? []) walk(i + 1, [...acc, k], sum + k);
    };
    walk(0, [], 0);
    return out;
  };

  it("implies unique counts for every row but the politicians' row", () => {
    expect(combinations(rowOf("2.9", "q29_1"))).toEqual([[14, 110, 84, 47, 1]]);
    expect(combinations(rowOf("2.9", "q29_6"))).toEqual([[68, 138, 40, 11, 0]]);
    for (const v of ["q29_2", "q29_3", "q29_5", "q29_7"]) expect(combinations(rowOf("2.9", v)), v).toHaveLength(1);
    expect(combinations(rowOf("2.9", "q29_4"))).toEqual([]);
  });
});

const seedPath = resolve(root, "data/sources/000_7a6e6f7d2cc5bfc8.txt");
describe.skipIf(!existsSync(seedPath))("line references into the seed", () => {
  const seed = existsSync(seedPath) ? readFileSync(seedPath, "utf8").split("\n") : [];

  it("starts every numbered table at the line that prints its caption", () => {
    for (const t of doc.tables) {
      if (!/^\d/.test(t.id)) continue;
      expect(seed[t.lines[0] - 1], t.id).toContain(`Tabell ${t.id}`);
    }
  });

  it("finds every transcribed figure within the table's lines", () => {
    for (const t of countTables) {
      const text = seed.slice(t.lines[0] - 1, t.lines[1]).join("\n");
      const bag = new Map<number, number>();
      for (const s of text.match(/\d+(?:[.,]\d+)?/g) ?? []) {
        const n = Number(s.replace(",", "."));
        bag.set(n, (bag.get(n) ?? 0) + 1);
      }
      // multiple-response tables print each count once but carry it in two rows
      const seen = new Set<string>();
      for (const r of t.rows)
        for (const c of r.cells)
          for (const n of [c.count, c.percent]) {
            if (n == null || (c.count === 0 && c.percent === 0)) continue; // a printed "-"
            const key = `${r.variable}:${String(c.code)}:${n}`;
            if (t.kind === "multiple-response" && n === c.count && seen.has(key)) continue;
            seen.add(key);
            const left = bag.get(n) ?? 0;
            expect(left, `${t.id} ${r.variable}=${String(c.code)}: ${n}`).toBeGreaterThan(0);
            bag.set(n, left - 1);
          }
    }
  });
});
