import { describe, expect, it } from "vitest";
import type { NotebookDoc } from "../../../src/notebook/document";
import { parseNotebook, serializeNotebook, type ParsedNotebook } from "../../../src/notebook/format";
import { decodeShare, encodeShare } from "../../../src/notebook/share-codec";

/** The parsed file, or the test fails with the parser's message. */
function read(text: string): ParsedNotebook {
  const result = parseNotebook(text);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}
const parse = (text: string): NotebookDoc => read(text).doc;

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
    const doc = parse(kitFile);
    expect(doc.title).toBe("Kommune & fylke <1999>");
    expect(doc.theme).toBe("slate");
    expect(doc.attributes).toEqual([["readonly", ""]]);
    expect(doc.cells.map((c) => [c.id, c.kind, c.pinned ?? false])).toEqual([
      ["1", "md", false],
      ["2", "js", true],
      ["5", "js", false],
      ["7", "html", false],
    ]);
    expect(doc.cells[0]?.source).toBe("# Tverrsnitt\n\nSvar fra **${n}** kommuner.");
    expect(doc.cells[1]?.source).toBe("const n = 435;\nconst label = `æøå ${n}`;");
    expect(doc.cells[2]?.source).toBe('function f() {\n  return "</script>";\n}');
    expect(doc.cells[2]?.attributes).toEqual([["hidden", ""], ["output", "chart"], ["format", "csv"]]);
    expect(doc.cells[3]?.attributes).toBeUndefined();
  });

  it("round-trips a Notebook Kit file byte for byte", () => {
    expect(serializeNotebook(parse(kitFile))).toBe(kitFile);
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
    expect(parse(text)).toEqual(doc);
    expect(serializeNotebook(parse(text))).toBe(text);
  });

  it("escapes </script> the way Notebook Kit does", () => {
    const text = serializeNotebook({ title: "", cells: [{ id: "1", kind: "js", source: "'</script>'" }] });
    expect(text).toContain("'<\\/script>'");
    expect(text.indexOf("'</script")).toBe(-1);
  });

  it("gives cells without an id the next free integer", () => {
    const doc = parse(`<notebook><script type="module">a</script><script id="1" type="module">b</script></notebook>`);
    expect(doc.cells.map((c) => c.id)).toEqual(["2", "1"]);
    expect(doc.title).toBe("");
  });

  it("refuses files that are not notebooks with a Problem, without throwing", () => {
    expect(parseNotebook("<html><body>hi</body></html>")).toEqual({ ok: false, error: { kind: "not-a-notebook", message: expect.stringContaining("no <notebook> element") } });
    expect(parseNotebook('<notebook><script id="1" type="module">x')).toEqual({ ok: false, error: { kind: "unclosed-element", message: expect.stringContaining("never closed: add </script>") } });
    expect(parseNotebook("<notebook><script>1</script>")).toMatchObject({ ok: false, error: { kind: "unclosed-element" } });
  });
});

describe("duplicate cell ids", () => {
  const file = `<!doctype html>
<notebook>
  <title>Dup</title>
  <script id="1" type="module">
    const a = 1
  </script>
  <script id="2" type="module">
    const b = 2
  </script>
  <script id="1" type="module">
    const c = 3
  </script>
</notebook>
`;

  it("keeps both cells, renumbers the second and says so", () => {
    const { doc, warnings } = read(file);
    expect(doc.cells.map((c) => [c.id, c.source])).toEqual([
      ["1", "const a = 1"],
      ["2", "const b = 2"],
      ["3", "const c = 3"],
    ]);
    expect(warnings).toEqual([{ kind: "duplicate-id", message: expect.stringMatching(/Two cells have id "1" \(lines 4 and 10\); the second now has id "3"\. Both cells are kept/) }]);
  });

  it("gives a renumbered cell an id no later cell uses either", () => {
    const { doc } = read(`<notebook><script id="1">a</script><script id="1">b</script><script id="2">c</script></notebook>`);
    expect(doc.cells.map((c) => c.id)).toEqual(["1", "3", "2"]);
  });

  it("the notebook's own share link then opens", async () => {
    const link = await encodeShare({ doc: parse(file), inputs: {} });
    if (!link.ok) throw new Error(link.error.message);
    const back = await decodeShare(link.value);
    expect(back.ok && back.value.doc.cells.length).toBe(3);
  });
});

describe("comments and raw text", () => {
  const commented = `<!doctype html>
<notebook theme="air">
  <title>Comments</title>
  <!-- <script id="9" type="module">alert("not a cell")</script> -->
  <script id="1" type="module">
    1 + 1
  </script>
  <!--- odd -- comment --->
  <!---->
  <script id="2" type="text/markdown">
    Text <!-- a comment inside a cell is the cell's own -->
  </script>
  <!-- after the last cell -->
</notebook>
`;

  it("keeps a <script> inside a comment as a comment, not a live cell", () => {
    const doc = parse(commented);
    expect(doc.cells.map((c) => c.id)).toEqual(["1", "2"]);
    expect(doc.comments).toEqual([
      { text: '<!-- <script id="9" type="module">alert("not a cell")</script> -->', before: "1" },
      { text: "<!--- odd -- comment --->", before: "2" },
      { text: "<!---->", before: "2" },
      { text: "<!-- after the last cell -->" },
    ]);
    expect(doc.cells[1]?.source).toBe("Text <!-- a comment inside a cell is the cell's own -->");
  });

  it("round-trips comments byte for byte", () => {
    expect(serializeNotebook(parse(commented))).toBe(commented);
  });

  it("a comment whose cell was deleted moves to the end instead of being lost", () => {
    const doc = parse(commented);
    doc.cells = doc.cells.filter((c) => c.id !== "1");
    const text = serializeNotebook(doc);
    expect(text).toContain('<!-- <script id="9"');
    expect(parse(text).cells.map((c) => c.id)).toEqual(["2"]);
  });

  it("finds <notebook> and its cells as a browser does: not inside comments, scripts or styles", () => {
    const doc = parse(`<!-- <notebook><script id="7">evil()</script></notebook> -->
<script>document.write("<notebook>")</script>
<notebook>
  <style>/* <script id="8">evil()</script> */</style>
  <textarea><script id="9">evil()</script></textarea>
  <script id="1" type="module">1</script>
</notebook>`);
    expect(doc.cells.map((c) => [c.id, c.source])).toEqual([["1", "1"]]);
  });
});

describe("tags written loosely", () => {
  it("reads <script / id=\"1\"> as HTML does: a stray slash is ignored", () => {
    const doc = parse('<notebook>\n<script / id="1" type="module" / >1 + 1</script>\n<script id=2 type=text/markdown>*x*</script></notebook>');
    expect(doc.cells.map((c) => [c.id, c.kind, c.source])).toEqual([
      ["1", "js", "1 + 1"],
      ["2", "md", "*x*"],
    ]);
  });

  it("names the line and the fix for a quote that is never closed", () => {
    const result = parseNotebook('<notebook>\n<title>t</title>\n<script id="1 type=module>1</script>\n</notebook>');
    expect(result).toEqual({ ok: false, error: { kind: "unclosed-quote", message: expect.stringContaining("line 3") } });
    if (!result.ok) expect(result.error.message).toMatch(/The id attribute of the <script> tag at line 3 opens a " quote that is never closed: add the closing "/);
  });

  it("names the line and the fix for a tag that never ends", () => {
    const result = parseNotebook('<notebook>\n<script id="1"');
    expect(result).toEqual({ ok: false, error: { kind: "unclosed-tag", message: 'The <script> tag at line 2 never ends: add the missing ">" after its attributes.' } });
  });
});

describe("Notebook Kit's cell modes", () => {
  // Written the way Kit's serialize() writes each mode (its serializeMode table).
  const modes = `<!doctype html>
<notebook theme="air">
  <title>Modes</title>
  <script id="1" type="module" pinned="">
    const x = 1;
  </script>
  <script id="2" type="text/markdown">
    # Hi \${x}
  </script>
  <script id="3" type="text/html" pinned="">
    <b>\${x}</b>
  </script>
  <script id="4" type="application/x-tex">
    \\frac{a}{b}
  </script>
  <script id="5" type="application/sql" database="survey" output="rows">
    SELECT * FROM t WHERE a < 3
  </script>
  <script id="6" type="text/vnd.graphviz">
    digraph { a -> b }
  </script>
  <script id="7" type="application/vnd.observable.javascript" pinned="">
    viewof n = Inputs.range([0, 10])
  </script>
  <script id="8" type="application/vnd.node.javascript">
    process.stdout.write("hi")
  </script>
  <script id="9" type="text/x-python">
    def f(x):
        return x  # indented
  </script>
  <script id="10" type="text/x-r">
    x <- c(1, 2)
  </script>
  <script id="11" type="text/javascript">
    2 + 2
  </script>
</notebook>
`;

  it("represents each mode in the document", () => {
    const doc = parse(modes);
    expect(doc.cells.map((c) => [c.id, c.kind, c.pinned ?? false, c.attributes ?? []])).toEqual([
      ["1", "js", true, []],
      ["2", "md", false, []],
      ["3", "html", true, []],
      ["4", "tex", false, []],
      ["5", "sql", false, [["database", "survey"], ["output", "rows"]]],
      ["6", "dot", false, []],
      ["7", "ojs", true, []],
      ["8", "node", false, []],
      ["9", "python", false, []],
      ["10", "other", false, [["type", "text/x-r"]]],
      ["11", "js", false, [["type", "text/javascript"]]],
    ]);
    expect(doc.cells[8]?.source).toBe("def f(x):\n    return x  # indented");
    expect(doc.cells[3]?.source).toBe("\\frac{a}{b}");
  });

  it("round-trips every mode byte for byte, pinned included", () => {
    expect(serializeNotebook(parse(modes))).toBe(modes);
  });

  it("reads type values in any case, keeping the spelling", () => {
    const doc = parse('<notebook><title>A</title><title>B</title><script id="1" type="Text/Markdown">*x*</script><script id="2" type=" MODULE ">1</script></notebook>');
    expect(doc.title).toBe("A");
    expect(doc.cells.map((c) => [c.kind, c.attributes])).toEqual([
      ["md", [["type", "Text/Markdown"]]],
      ["js", [["type", " MODULE "]]],
    ]);
    expect(serializeNotebook(doc)).toContain('<script id="1" type="Text/Markdown">');
  });

  it("writes pinned as Kit does, for any mode", () => {
    const text = serializeNotebook({ title: "", cells: [{ id: "1", kind: "sql", source: "SELECT 1", pinned: true }, { id: "2", kind: "md", source: "x", pinned: false }] });
    expect(text).toContain('<script id="1" type="application/sql" pinned="">');
    expect(text).toContain('<script id="2" type="text/markdown">');
  });
});

describe("HTML's script escape states, as Notebook Kit reads a file (DOMParser)", () => {
  // What Kit's serialize() writes for a cell holding `<!--<script>`: the text as it is.
  const kitWritten = `<!doctype html>
<notebook theme="air">
  <title>t</title>
  <script id="1" type="module">
    const tag = "<!--<script>";
  </script>
  <script id="2" type="module">
    const b = 2;
  </script>
  <script id="3" type="module">
    const c = 3;
  </script>
</notebook>
`;

  it("reads a cell with <!--<script> and no --> over the next cells' tags, as a browser does (one cell, not three)", () => {
    // HTML: "<!--" enters script data escaped, "<script" then double escaped, where "</script>"
    // only returns to escaped; "<script" re-enters double escaped: no end tag ends it. Before: three cells.
    const result = parseNotebook(kitWritten);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/<script> at line 4 is never closed/);
  });

  it("ends the element where HTML does: --> leaves the escape, and a closing tag in double escaped returns to escaped", () => {
    const text = (body: string): string => `<notebook><script id="1" type="module">${body}</script><script id="2" type="module">2</script></notebook>`;
    expect(parse(text('"<!--<script>-->"')).cells.map((c) => c.source)).toEqual(['"<!--<script>-->"', "2"]);
    expect(parse(text('"<!-->" + "<script>"')).cells.map((c) => c.source)).toEqual(['"<!-->" + "<script>"', "2"]);
    expect(parse(text('"<!--" + "<b>"')).cells.map((c) => c.source)).toEqual(['"<!--" + "<b>"', "2"]);
    // Double escaped: this "</script>" returns to escaped, and the next one ends cell 1.
    const nested = parse('<notebook><script id="1" type="module">"<!--<script></script>"</script><script id="2" type="module">2</script></notebook>');
    expect(nested.cells.map((c) => c.source)).toEqual(['"<!--<script></script>"', "2"]);
  });

  it("writes such a cell so that every reader finds each cell, and reads it back byte for byte", () => {
    const doc: NotebookDoc = {
      title: "t",
      cells: [
        { id: "1", kind: "js", source: 'const tag = "<!--<script>";' },
        { id: "2", kind: "js", source: 'const kept = "<\\!--" + "<\\\\!--";' },
        { id: "3", kind: "md", source: "Text <!-- a comment --> and <!--<script>-->" },
        { id: "4", kind: "html", source: "<!--<script>x</script>" },
        { id: "5", kind: "js", source: "const c = 3;" },
      ],
    };
    const text = serializeNotebook(doc);
    expect(parse(text)).toEqual(doc);
    // Only the cells that would swallow the next ones are escaped: the markdown comment stays as written.
    expect(text).toContain('const tag = "<\\!--<script>";');
    expect(text).toContain("Text <!-- a comment --> and <!--<script>-->");
    expect(text).toContain("<\\!--<script>x<\\/script>");
    expect(parse(serializeNotebook(parse(text)))).toEqual(doc);
  });
});
