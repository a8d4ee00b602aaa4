import { describe, expect, it } from "vitest";
import type { NotebookDoc } from "../../../src/notebook/document";
import { parseNotebook, serializeNotebook, tryParseNotebook } from "../../../src/notebook/format";

// Written the way Notebook Kit's serialize() writes files (theme first, id then type, 4-space indent).
const kitFile = `<!doctype html>
<notebook theme="slate" readonly="">
  <title>Kommune &amp; fylke &lt;1999&gt;</title>
  <script id="1" type="text/markdown">
    # Tverrsnitt

    Svar fra **\${n}** kommuner.
  </script>
  <script id="2" type="module" pinned="">
    const n = 435;
    const label = \`æøå \${n}\`;
  </script>
  <script id="5" type="module" hidden="" output="chart" format="csv">
    function f() {
      return "<\\/script>";
    }
  </script>
  <script id="7" type="text/html">
    <b>html cell</b>
  </script>
</notebook>
`;

describe("notebook format", () => {
  it("parses a Notebook Kit file into the document model", () => {
    const doc = parseNotebook(kitFile);
    expect(doc.title).toBe("Kommune & fylke <1999>");
    expect(doc.theme).toBe("slate");
    expect(doc.attributes).toEqual([["readonly", ""]]);
    expect(doc.cells.map((c) => [c.id, c.kind, c.pinned ?? false])).toEqual([
      ["1", "md", false],
      ["2", "js", true],
      ["5", "js", false],
      ["7", "js", false],
    ]);
    expect(doc.cells[0]?.source).toBe("# Tverrsnitt\n\nSvar fra **${n}** kommuner.");
    expect(doc.cells[1]?.source).toBe("const n = 435;\nconst label = `æøå ${n}`;");
    expect(doc.cells[2]?.source).toBe('function f() {\n  return "</script>";\n}');
    expect(doc.cells[2]?.attributes).toEqual([["hidden", ""], ["output", "chart"], ["format", "csv"]]);
    expect(doc.cells[3]?.attributes).toEqual([["type", "text/html"]]);
  });

  it("round-trips a Notebook Kit file byte for byte", () => {
    expect(serializeNotebook(parseNotebook(kitFile))).toBe(kitFile);
  });

  it("round-trips tricky sources structurally", () => {
    const doc: NotebookDoc = {
      title: 'Quotes " & <tags> æøå ÆØÅ',
      theme: "air",
      cells: [
        { id: "1", kind: "js", source: "const s = '</script>' + \"</SCRIPT \" + `</sCrIpT>`;" },
        { id: "2", kind: "js", source: "const t = '<\\/script>' + '<\\\\/script>';" },
        { id: "3", kind: "md", source: "Ærlig & *fin* — `code` ``${'`'}``\n\n  indented line\n\n\ttab" },
        { id: "4", kind: "js", source: "" },
        { id: "5", kind: "js", source: "\n  leading and trailing whitespace lines  \n   \n", pinned: true },
        { id: "6", kind: "js", source: "x</script", attributes: [["data-note", 'a "quoted" & <odd> value']] },
        { id: "7", kind: "md", source: "<!-- comment --> &amp; stays &amp; 🎉" },
      ],
      attributes: [["data-x", "1 & 2"]],
    };
    const text = serializeNotebook(doc);
    expect(text.toLowerCase()).not.toMatch(/<\/script[^>]*>\s*['"`]/);
    expect(parseNotebook(text)).toEqual(doc);
    expect(serializeNotebook(parseNotebook(text))).toBe(text);
  });

  it("escapes </script> the way Notebook Kit does", () => {
    const text = serializeNotebook({ title: "", cells: [{ id: "1", kind: "js", source: "'</script>'" }] });
    expect(text).toContain("'<\\/script>'");
    expect(text.indexOf("'</script")).toBe(-1);
  });

  it("gives cells without an id the next free integer", () => {
    const doc = parseNotebook(`<notebook><script type="module">a</script><script id="1" type="module">b</script></notebook>`);
    expect(doc.cells.map((c) => c.id)).toEqual(["2", "1"]);
    expect(doc.title).toBe("");
  });

  it("rejects files that are not notebooks with a clear error", () => {
    expect(tryParseNotebook("<html><body>hi</body></html>")).toEqual({
      ok: false,
      error: expect.stringContaining("no <notebook> element"),
    });
    expect(tryParseNotebook('<notebook><script id="1" type="module">x')).toEqual({
      ok: false,
      error: expect.stringContaining("never closed"),
    });
  });
});
