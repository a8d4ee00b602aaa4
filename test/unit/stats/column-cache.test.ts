import { describe, expect, it } from "vitest";
import * as aq from "arquero";
import { frameOf, toNumber } from "../../../src/stats/column-cache";
import { formatP, makeAudit, readAuditLine } from "../../../src/stats/audit";

describe("column extraction", () => {
  it("reads numbers, numeric text, blanks and text as SPSS would (blank/text → system missing)", () => {
    expect([1, "2", " 3 ", "", null, undefined, "abc", true].map(toNumber)).toEqual([1, 2, 3, NaN, NaN, NaN, NaN, 1]);
  });

  it("extracts a column once and reuses it", () => {
    const table = aq.table({ q3: [1, null, 9] });
    const a = frameOf(table).column("q3");
    const b = frameOf(table.filter((d: { q3: number }) => d.q3 > 0)).column("q3");
    expect(a).toBe(b);
    expect([...a]).toEqual([1, NaN, 9]);
  });

  it("takes typed arrays as they are and checks column lengths", () => {
    const f = new Float64Array([1, 2]);
    expect(frameOf({ x: f }).column("x")).toBe(f);
    expect([...frameOf({ x: new Int8Array([3, 4]) }).column("x")]).toEqual([3, 4]);
    expect(() => frameOf({ x: [1, 2], y: [1] })).toThrow(/equal length/);
  });

  it("uses an Arquero filter as the row selection", () => {
    const table = aq.table({ x: [1, 2, 3, 4] }).filter((d: { x: number }) => d.x % 2 === 0);
    const f = frameOf(table);
    expect(f.n).toBe(2);
    expect([...(f.rows ?? [])]).toEqual([1, 3]);
    expect(f.totalRows).toBe(4);
  });
});

describe("audit line", () => {
  it("says N, base, filters, missing values, weight and test in one line", () => {
    const a = makeAudit({
      locale: "en",
      n: 96,
      base: 89,
      baseLabel: "valid q20",
      filters: ["Fylke: Hordaland"],
      excluded: [{ variable: "q20", userMissing: [{ code: 9, count: 5 }], systemMissing: 2 }],
      weight: null,
      test: "Pearson χ²(15) = 38.37, p = .001",
    });
    expect(a.line).toBe(
      "N = 96 · base = 89 valid q20 · filters: Fylke: Hordaland · missing excluded: q20: 9 (5), blank (2) · weight: none · test: Pearson χ²(15) = 38.37, p = .001",
    );
  });

  it("writes the same line in norsk, with decimal commas and grouped counts, and reads both back", () => {
    const parts = {
      n: 1234, base: 2.5, baseLabel: "gyldige q20", filters: ["fylke 12 Hordaland"],
      excluded: [{ variable: "q20", userMissing: [{ code: 9, count: 5 }], systemMissing: 2 }], weight: "w", test: null,
    };
    const a = makeAudit({ ...parts, locale: "nb" });
    expect(a.line).toBe("N = 1\u00a0234 · grunnlag = 2,50 gyldige q20 · filtre: fylke 12 Hordaland · utelatt som manglende: q20: 9 (5), blank (2) · vekt: w · test: ingen");
    expect(readAuditLine(`q20: ${a.line}`)).toEqual({ prefix: "q20: ", parts, locale: "nb" });
    const en = makeAudit({ ...parts, locale: "en" });
    expect(en.line).toBe("N = 1,234 · base = 2.50 gyldige q20 · filters: fylke 12 Hordaland · missing excluded: q20: 9 (5), blank (2) · weight: w · test: none");
    expect(readAuditLine(en.line)).toEqual({ prefix: "", parts, locale: "en" });
    expect(readAuditLine("N = 3 of 267")).toBeUndefined();
  });

  it("formats p like SPSS tables", () => {
    expect([0.0004, 0.0353901795, 0.5, null].map(formatP)).toEqual(["< .001", ".035", ".500", "n/a"]);
  });
});
