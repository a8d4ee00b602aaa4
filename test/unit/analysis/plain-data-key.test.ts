/**
 * The kept drawings' key (issue 12, kept-drawings.ts `plainDataKey`) held to an independent key: equal
 * for equal plain data, different for different data (−0, NaN, ±Infinity, undefined, absent keys
 * and strings that look like its marks included), none for what is not plain data; and the check
 * before JSON's writer reads each value once.
 */
import { describe, expect, it } from "vitest";
import { createAnalysisBuiltins } from "../../../src/analysis/builtins";
import { plainDataKey } from "../../../src/analysis/kept-drawings";
import { loadSurvey } from "../../../src/analysis/survey-source";
import { nodeHost } from "../notebooks/headless-survey";

function call(target: unknown, name: string, ...args: unknown[]): unknown {
  const fn: unknown = typeof target === "object" && target !== null ? Reflect.get(target, name) : undefined;
  if (typeof fn !== "function") throw new Error(`${name} is not a function`);
  return Reflect.apply(fn, target, args);
}

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * An independent key (not the code under test): every value tagged by kind, written value by value,
 * undefined for what is not plain data. Two values have the same reference key exactly when they
 * are the same plain data (numbers by Object.is, keys in their order, undefined apart from absent).
 */
function referenceKey(value: unknown, depth = 0): string | undefined {
  if (depth > 50) return undefined;
  if (value === null) return "z";
  switch (typeof value) {
    case "number":
      return Object.is(value, -0) ? "n-0" : `n${String(value)}`;
    case "string":
      return `s${JSON.stringify(value)}`;
    case "boolean":
      return `b${String(value)}`;
    case "undefined":
      return "u";
    case "object": {
      if ("toJSON" in value) return undefined;
      if (Array.isArray(value)) {
        const parts: string[] = [];
        for (let i = 0; i < value.length; i++) {
          const part = referenceKey(value[i], depth + 1);
          if (part === undefined) return undefined;
          parts.push(part);
        }
        return `[${parts.join(",")}]`;
      }
      const proto: unknown = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) return undefined;
      const parts: string[] = [];
      for (const key of Object.keys(value)) {
        const part = referenceKey(Reflect.get(value, key), depth + 1);
        if (part === undefined) return undefined;
        parts.push(`${JSON.stringify(key)}:${part}`);
      }
      return `{${parts.join(",")}}`;
    }
    default:
      return undefined;
  }
}

/** A small seeded generator (mulberry32): the same seed, the same values. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Leaves a drawing's inputs hold, and the ones JSON merges or cannot write. */
const LEAVES: (() => unknown)[] = [
  () => 0, () => -0, () => 1, () => 0.5, () => -3, () => 1e21, () => Number.NaN, () => Number.POSITIVE_INFINITY, () => Number.NEGATIVE_INFINITY,
  () => "", () => "Ja", () => "\u0000", () => "\u0000s", () => "\u0000u", () => "null", () => 'a","b', () => "æøå",
  () => true, () => false, () => null, () => undefined,
];
const NOT_PLAIN: (() => unknown)[] = [() => new Date(0), () => new Map(), () => (): number => 1, () => Symbol("s"), () => 1n, () => ({ toJSON: () => 1 })];

/** A value like a comparison with its evidence (objects of rows and cells, arrays of numbers), or, rarely, with something not plain in it. */
function generated(next: () => number, depth = 0, allowNotPlain = false): unknown {
  const r = next();
  if (depth > 3 || r < 0.45) {
    if (allowNotPlain && next() < 0.02) return NOT_PLAIN[Math.floor(next() * NOT_PLAIN.length)]?.();
    return LEAVES[Math.floor(next() * LEAVES.length)]?.();
  }
  const n = Math.floor(next() * 5);
  if (r < 0.7) {
    const array: unknown[] = [];
    for (let i = 0; i < n; i++) array.push(generated(next, depth + 1, allowNotPlain));
    return array;
  }
  const object: Record<string, unknown> = next() < 0.1 ? Object.create(null) : {};
  for (let i = 0; i < n; i++) object[["count", "percent", "label", "evidence", "12", "rows"][Math.floor(next() * 6)] ?? "x"] = generated(next, depth + 1, allowNotPlain);
  return object;
}

describe("plainDataKey against an independent key", () => {
  it("equal keys for equal data (built apart), different keys for different data, no key for what is not plain", () => {
    let compared = 0;
    let differing = 0;
    let fastPath = 0;
    let noKey = 0;
    for (let seed = 1; seed <= 3000; seed++) {
      const a = generated(random(seed), 0, true);
      const again = generated(random(seed), 0, true);
      const other = generated(random(seed + 100_000), 0, true);
      const [refA, refOther] = [referenceKey(a), referenceKey(other)];
      const [keyA, keyAgain, keyOther] = [plainDataKey(a), plainDataKey(again), plainDataKey(other)];
      // No key exactly where the reference finds something not plain.
      expect(keyA === undefined).toBe(refA === undefined);
      if (keyA === undefined) {
        noKey++;
        continue;
      }
      // The same data built again (other objects): the same key.
      expect(keyAgain).toBe(keyA);
      if (keyOther === undefined || refOther === undefined) continue;
      compared++;
      // Two values meet in a key exactly when they are the same plain data.
      expect(keyOther === keyA).toBe(refOther === refA);
      if (refOther !== refA) differing++;
      if (keyA === JSON.stringify(a)) fastPath++;
    }
    // The run tried what it claims: many pairs, most of them different, both ways of writing the key, and values with no key.
    expect(compared).toBeGreaterThan(2000);
    expect(differing).toBeGreaterThan(1000);
    expect(fastPath).toBeGreaterThan(500);
    expect(compared - fastPath).toBeGreaterThan(500);
    expect(noKey).toBeGreaterThan(20);
  });

  it("tells apart −0, NaN, ±Infinity, undefined and absent keys inside a comparison's evidence, and a date gives no key", async () => {
    const host = nodeHost();
    const nb = createAnalysisBuiltins(host);
    const survey = await loadSurvey(host);
    const cmp = (): Record<string, unknown> => {
      const value = call(nb, "comparePrinted", survey, "2.1");
      if (!isPlainRecord(value)) throw new Error("not a record");
      return value;
    };
    const base = plainDataKey([cmp(), { locale: "nb" }]);
    expect(base).toBe(JSON.stringify([cmp(), { locale: "nb" }]));
    const changed = (change: (row: Record<string, unknown>) => void): string | undefined => {
      const c = cmp();
      const rows = c.rows;
      const row: unknown = Array.isArray(rows) ? rows[0] : undefined;
      if (!isPlainRecord(row)) throw new Error("no first row");
      change(row);
      return plainDataKey([c, { locale: "nb" }]);
    };
    const keys = [
      base,
      changed((row) => (row.printedTotal = -0)),
      changed((row) => (row.printedTotal = 0)),
      changed((row) => (row.printedTotal = Number.NaN)),
      changed((row) => (row.printedTotal = null)),
      changed((row) => (row.printedTotal = Number.POSITIVE_INFINITY)),
      changed((row) => (row.printedTotal = Number.NEGATIVE_INFINITY)),
      changed((row) => (row.printedTotal = undefined)),
      changed((row) => delete row.printedTotal),
      changed((row) => (row.extra = undefined)),
    ];
    expect(keys.every((k) => typeof k === "string")).toBe(true);
    expect(new Set(keys).size).toBe(keys.length);
    expect(changed((row) => (row.printedTotal = new Date(0)))).toBeUndefined();
  });

  it("reads each value of a comparison once to check it (JSON reads it once more), and nothing after a value that is not plain", async () => {
    const host = nodeHost();
    const nb = createAnalysisBuiltins(host);
    const survey = await loadSurvey(host);
    const cmp = call(nb, "comparePrinted", call(nb, "applyFilter", survey, { fylke: [11], sizeClass: [], respType: [], adopted: [] }), "3.9");
    const reads = new Map<string, number>();
    // Every object and array seen through a proxy that counts the reads of its values by path.
    const counted = (value: unknown, path: string): unknown => {
      // Plain objects and arrays only: a date stays a date.
      if (typeof value !== "object" || value === null || !(Array.isArray(value) || Object.getPrototypeOf(value) === Object.prototype)) return value;
      return new Proxy(value, {
        get(target, key, receiver) {
          const inner: unknown = Reflect.get(target, key, receiver);
          if (typeof key !== "string" || key === "toJSON" || (Array.isArray(target) && key === "length") || !Object.prototype.hasOwnProperty.call(target, key)) return inner;
          const at = `${path}/${key}`;
          reads.set(at, (reads.get(at) ?? 0) + 1);
          return counted(inner, at);
        },
      });
    };
    const values = (value: unknown, path: string, out: string[]): string[] => {
      if (typeof value === "object" && value !== null)
        for (const key of Object.keys(value)) {
          out.push(`${path}/${key}`);
          values(Reflect.get(value, key), `${path}/${key}`, out);
        }
      return out;
    };
    const input = [cmp, { locale: "nb" }];
    const key = plainDataKey(counted(input, ""));
    expect(key).toBe(JSON.stringify(input));
    const paths = values(input, "", []);
    expect(paths.length).toBeGreaterThan(300);
    expect([...reads.keys()].sort()).toEqual([...paths].sort());
    // Twice each: the check, then JSON's own writer. Not a third time.
    expect(new Set(reads.values())).toEqual(new Set([2]));

    // A value not plain half-way: nothing after it is read by the check (the marked walk then stops there too).
    reads.clear();
    const rows: unknown = Reflect.get(cmp as object, "rows");
    expect(Array.isArray(rows) && rows.length > 2).toBe(true);
    const withDate = [{ first: 1, at: new Date(0), after: 2 }, cmp];
    expect(plainDataKey(counted(withDate, ""))).toBeUndefined();
    // Read by the check, then by the marked walk (JSON's read and its replacer's read of the holder).
    expect(reads.get("/0/first")).toBe(3);
    expect(reads.get("/0/at")).toBe(3);
    expect(reads.get("/0/after")).toBeUndefined();
    expect([...reads.keys()].some((path) => path.startsWith("/1"))).toBe(false);
  });
});
