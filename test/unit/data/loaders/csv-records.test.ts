import { describe, expect, it } from "vitest";
import { CsvRecordCutter } from "../../../../src/data/csv-records";

function cutAll(text: string, delimiter: string, step: number): string[] {
  const c = new CsvRecordCutter(delimiter);
  const pieces: string[] = [];
  for (let i = 0; i < text.length; i += step) pieces.push(c.push(text.slice(i, i + step)));
  pieces.push(c.flush());
  return pieces.filter((p) => p !== "");
}

describe("CsvRecordCutter", () => {
  const text = 'id,name\n1,"Sør-\nTrøndelag"\n2,"say ""hi"", ok"\n3,plain\n';

  it("never cuts inside a quoted field, whatever the chunk size", () => {
    for (const step of [1, 2, 3, 5, 8, 13, 100]) {
      const pieces = cutAll(text, ",", step);
      expect(pieces.join("")).toBe(text);
      for (const p of pieces) expect(p.endsWith("\n")).toBe(true);
      expect(pieces.some((p) => p.endsWith("Sør-\n"))).toBe(false);
    }
  });

  it("keeps a last record without a line break for flush", () => {
    const c = new CsvRecordCutter(";");
    expect(c.push("a;b\n1;2")).toBe("a;b\n");
    expect(c.flush()).toBe("1;2");
  });

  it("knows where an unclosed quote opened", () => {
    const c = new CsvRecordCutter(",");
    c.push('a,b\n1,2\n3,"open\n4,5\n');
    expect(c.openQuote).toEqual({ record: 2, field: 2 });
    expect(c.completedRecords).toBe(2);
  });

  it("treats a quote in the middle of a field as a literal, like PapaParse", () => {
    const c = new CsvRecordCutter(",");
    expect(c.push('a,5" screen\nb,c\n')).toBe('a,5" screen\nb,c\n');
    expect(c.openQuote).toBeUndefined();
  });
});
