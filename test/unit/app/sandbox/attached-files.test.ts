import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { attachedFiles, readsCsv } from "../../../../src/app/sandbox/attached-files";
import { parseNotebook } from "../../../../src/notebook/format";

describe("attachedFiles", () => {
  it("names each literal FileAttachment or loadCsv path once, in order", () => {
    const sources = [
      'const t = await FileAttachment("data/sources/report.txt").text();',
      "const m = await FileAttachment( 'survey-1999/municipalities.csv' ).arquero(); const again = FileAttachment(\"data/sources/report.txt\");",
      "await loadCsv(`survey-1999/adopters.csv`)",
    ];
    expect(attachedFiles(sources)).toEqual(["data/sources/report.txt", "survey-1999/municipalities.csv", "survey-1999/adopters.csv"]);
  });

  it("leaves out a path built at run time, an escaped one and anything past eight", () => {
    expect(attachedFiles(['FileAttachment(`data/${name}.csv`)', 'FileAttachment(path)', 'FileAttachment("a\\"b.csv")', 'FileAttachment("a.csv" + x)'])).toEqual([]);
    const many = Array.from({ length: 12 }, (_, i) => `FileAttachment("f${i}.csv")`);
    expect(attachedFiles(many)).toEqual(Array.from({ length: 8 }, (_, i) => `f${i}.csv`));
  });

  it("finds notebook 03's two files, and that it reads a CSV", () => {
    const parsed = parseNotebook(readFileSync(join(import.meta.dirname, "../../../../notebooks/03-size-and-correlations.html"), "utf8"));
    if (!parsed.ok) throw new Error(parsed.error.message);
    const sources = parsed.value.doc.cells.map((c) => c.source);
    expect(attachedFiles(sources)).toEqual(["data/sources/000_7a6e6f7d2cc5bfc8.txt", "data/survey-1999/municipalities.csv"]);
    expect(readsCsv(sources)).toBe(true);
  });
});

describe("readsCsv", () => {
  it("is true for .csv(), .arquero() and loadCsv, false otherwise", () => {
    expect(readsCsv(["await FileAttachment(p).csv()"])).toBe(true);
    expect(readsCsv(["x.arquero( )"])).toBe(true);
    expect(readsCsv(["await loadCsv(p)"])).toBe(true);
    expect(readsCsv(["await FileAttachment(p).text()", "const csv = 1; arquero"])).toBe(false);
  });
});
