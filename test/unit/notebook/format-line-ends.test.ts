/**
 * Issue 11 §5 (nothing is lost): a cell's text with CRLF or lone CR line ends — pasted from an old
 * file, or in a link made elsewhere — keeps every line's own indentation through a notebook file.
 * HTML reads CR as a line end, so the lines come back with LF; but a markdown code block indented
 * four spaces after a lone CR lost those spaces (the writer indented by LF only, the reader
 * took four spaces off every line).
 */
import { describe, expect, it } from "vitest";
import { parseNotebook, serializeNotebook } from "../../../src/notebook/format";

function roundTrip(source: string, kind: "md" | "js" = "md"): string | undefined {
  const read = parseNotebook(serializeNotebook({ title: "T", cells: [{ id: "1", kind, source }] }));
  if (!read.ok) throw new Error(read.error.message);
  return read.value.doc.cells[0]?.source;
}

describe("a cell's line ends through a notebook file", () => {
  it("keeps the indentation of lines after a lone CR (a markdown code block stays one)", () => {
    expect(roundTrip("Text\r\r    code()\r    more()")).toBe("Text\n\n    code()\n    more()");
  });

  it("keeps the indentation of lines after CRLF", () => {
    expect(roundTrip("if (x) {\r\n    y();\r\n}", "js")).toBe("if (x) {\n    y();\n}");
  });

  it("leaves LF text exactly as written", () => {
    expect(roundTrip("a\n    b\n\n        c")).toBe("a\n    b\n\n        c");
  });
});
