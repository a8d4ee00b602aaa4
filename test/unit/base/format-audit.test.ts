/**
 * `fmt.audit`: the audit line of figures a cell computes itself, with the app's audit words in its
 * language (the same words and order as a statistic's audit line, stats/audit.ts), and the row counts
 * of a user's file written with the language's thousands separator wherever the app names them.
 */
import { describe, expect, it } from "vitest";
import { formatBuiltin, messages } from "../../../src/base/locale/locale";
import { auditLine } from "../../../src/stats/audit";

describe("fmt.audit", () => {
  it("writes the labels and 'none' in the app's language, and counts with its separators", () => {
    const parts = { n: 1234, of: 2345, base: "named", source: "data/survey-1999/adopters.csv", filters: "x", missing: null, test: null };
    expect(formatBuiltin("nb").audit(parts)).toBe("N = 1\u00a0234 av 2\u00a0345 · grunnlag: named · kilde: data/survey-1999/adopters.csv · filtre: x · utelatt som manglende: ingen · test: ingen");
    expect(formatBuiltin("en").audit(parts)).toBe("N = 1,234 of 2,345 · base: named · source: data/survey-1999/adopters.csv · filters: x · missing excluded: none · test: none");
  });

  it("starts with a selection's summary as given and leaves out the parts not given", () => {
    expect(formatBuiltin("nb").audit({ n: "N = 267 av 267", test: null })).toBe("N = 267 av 267 · test: ingen");
    expect(formatBuiltin("en").audit({ n: 12 })).toBe("N = 12");
  });

  it("writes its labels as a statistic's audit line does", () => {
    const line = auditLine({ n: 5, base: 4, baseLabel: "valid q3", filters: [], excluded: [], weight: null, test: null }, "nb");
    expect(line).toBe(`N = 5 · grunnlag = 4 valid q3 · ${formatBuiltin("nb").audit({ n: "", filters: null, missing: null, weight: null, test: null }).slice(" · ".length)}`);
  });

  it("refuses a part that is not text, and parts that are not an object, saying the call that works", () => {
    // Called as a cell calls it: with whatever the cell passes.
    const fmt = formatBuiltin("nb");
    const call = (arg: unknown): unknown => Reflect.apply(fmt.audit, fmt, [arg]);
    expect(() => call({ n: 3, test: 0.05 })).toThrow(/test is text, or null/);
    expect(() => call("N = 3")).toThrow(/fmt\.audit\(\{n: selection\.summary/);
    expect(() => call({ n: [3] })).toThrow(/fmt\.audit/);
  });
});

describe("a user's file named with its rows", () => {
  it("above the tables and in the header, in the language with its thousands separator", () => {
    expect(messages.nb.userFileNotice("mine.csv", 12345, 2)).toBe("Respondenter fra mine.csv (12\u00a0345 rader, 2 avvik funnet i valideringen).");
    expect(messages.en.userFileNotice("mine.csv", 12345, 1)).toBe("Respondents from mine.csv (12,345 rows, 1 validation issue).");
    expect(messages.nb.userFileNotice("mine.csv", 1, 0)).toBe("Respondenter fra mine.csv (1 rad).");
    expect(messages.nb.userDataNotice("mine.csv", 12345)).toBe("Din fil: mine.csv (12\u00a0345 rader)");
    expect(messages.en.dataUserTitle("mine.csv", 12345)).toBe("Data: mine.csv (12,345 rows)");
  });
});
