import { describe, expect, it } from "vitest";
import type { CellDoc, NotebookDoc } from "../../../src/notebook/document";
import { parseNotebook, serializeNotebook } from "../../../src/notebook/format";
import { cellInLanguage } from "../../../src/notebook/cell-in-language";
import { cellTexts } from "../../../src/notebook/cell-texts";
import { notebookHeadings } from "../../../src/notebook/headings";
import { decodeShare, encodeShare, validatePayload } from "../../../src/notebook/share-codec";
import { NotebookRuntime } from "../../../src/runtime/notebook-runtime";
import { isMarkdownOutput } from "../../../src/runtime/types";

function parse(text: string): NotebookDoc {
  const result = parseNotebook(text);
  if (!result.ok) throw new Error(result.error.message);
  return result.value.doc;
}

// A markdown cell with its bokmål text as the sibling element the format writes (format.ts).
const file = `<!doctype html>
<notebook theme="air">
  <title>Varianter</title>
  <script id="intro" type="text/markdown">
    # The six models

    Status of each model.
  </script>
  <script type="text/markdown" lang="nb" for="intro">
    # De seks modellene

    Status for hver modell, «som trykt».
  </script>
  <script id="2" type="module" pinned="">
    const n = 1;
  </script>
  <script id="plain" type="text/markdown">
    ## Tabell 2.1
  </script>
</notebook>
`;

describe("a markdown cell's text in another language", () => {
  it("reads the sibling <script lang for> as the cell's variant, not as a cell", () => {
    const doc = parse(file);
    expect(doc.cells.map((c) => c.id)).toEqual(["intro", "2", "plain"]);
    expect(doc.cells[0]?.source).toBe("# The six models\n\nStatus of each model.");
    expect(doc.cells[0]?.variants).toEqual({ nb: "# De seks modellene\n\nStatus for hver modell, «som trykt»." });
    expect(doc.cells[2]?.variants).toBeUndefined();
  });

  it("round-trips: parse → serialize is byte for byte, and parse → serialize → parse is equal", () => {
    const doc = parse(file);
    expect(serializeNotebook(doc)).toBe(file);
    expect(parse(serializeNotebook(doc))).toEqual(doc);
  });

  it("keeps what only looks like a variant as an ordinary cell, lossless", () => {
    const withId = file.replace('<script type="text/markdown" lang="nb" for="intro">', '<script id="9" type="text/markdown" lang="nb" for="intro">');
    const wrongCell = file.replace('lang="nb" for="intro"', 'lang="nb" for="2"');
    const unknownLang = file.replace('lang="nb" for="intro"', 'lang="de" for="intro"');
    for (const text of [withId, wrongCell, unknownLang]) {
      const doc = parse(text);
      expect(doc.cells).toHaveLength(4);
      expect(doc.cells[0]?.variants).toBeUndefined();
      expect(parse(serializeNotebook(doc))).toEqual(doc);
    }
  });

  it("a second text in the same language is a cell of its own, not a replacement", () => {
    const twice = file.replace("  <script id=\"2\"", '  <script type="text/markdown" lang="nb" for="intro">\n    Annen.\n  </script>\n  <script id="2"');
    const doc = parse(twice);
    expect(doc.cells[0]?.variants?.nb).toContain("De seks modellene");
    expect(doc.cells).toHaveLength(4);
  });

  it("survives a share link and storage's check (validatePayload)", async () => {
    const doc = parse(file);
    const link = await encodeShare({ doc, inputs: {} });
    if (!link.ok) throw new Error(link.error.message);
    const back = await decodeShare(link.value);
    if (!back.ok) throw new Error(back.error.message);
    expect(back.value.doc).toEqual(doc);
  });

  it("refuses variants that are not a markdown cell's texts by language", () => {
    const cell = (extra: Record<string, unknown>) => validatePayload({ doc: { title: "t", cells: [{ id: "1", kind: "md", source: "x", ...extra }] } });
    expect(cell({ variants: { nb: 1 } }).ok).toBe(false);
    expect(cell({ variants: { de: "Text" } }).ok).toBe(false);
    expect(cell({ variants: JSON.parse('{"__proto__": "x"}') }).ok).toBe(false);
    expect(cell({ variants: "nb" }).ok).toBe(false);
    expect(validatePayload({ doc: { title: "t", cells: [{ id: "1", kind: "js", source: "1", variants: { nb: "fetch('x')" } }] } }).ok).toBe(false);
    const good = cell({ variants: { nb: "Tekst" } });
    expect(good.ok && good.value.doc.cells[0]?.variants).toEqual({ nb: "Tekst" });
  });

  it("a reader gets the variant for the app's language, else the authored text", () => {
    const cell: CellDoc = { id: "1", kind: "md", source: "English", variants: { nb: "Norsk" } };
    expect(cellInLanguage(cell, "nb")).toEqual({ id: "1", kind: "md", source: "Norsk" });
    expect(cellInLanguage(cell, "en")).toEqual({ id: "1", kind: "md", source: "English" });
    const code: CellDoc = { id: "2", kind: "js", source: "1", variants: { nb: "2" } };
    expect(cellInLanguage(code, "nb").source).toBe("1");
    expect(cellTexts([cell]).map((t) => t.source)).toEqual(["English", "Norsk"]);
  });

  it("the contents follow the language", () => {
    const doc = parse(file);
    expect(notebookHeadings(doc, 3, "nb").map((h) => h.text)).toEqual(["De seks modellene", "Tabell 2.1"]);
    expect(notebookHeadings(doc, 3, "en").map((h) => h.text)).toEqual(["The six models", "Tabell 2.1"]);
  });
});

describe("the runtime runs the variant for its language", () => {
  const html = (rt: NotebookRuntime, id: string): string => {
    const value = rt.state(id)?.value;
    return isMarkdownOutput(value) ? value.html : "";
  };

  it("starts in its language, switches, and falls back to the authored text", async () => {
    const rt = new NotebookRuntime({ language: "nb" });
    try {
      rt.load({ title: "t", cells: [{ id: "1", kind: "md", source: "Hello ${n}", variants: { nb: "Hei ${n}" } }, { id: "2", kind: "js", source: "const n = 3;" }, { id: "3", kind: "md", source: "Only English" }] });
      await rt.idle();
      expect(html(rt, "1")).toContain("Hei 3");
      expect(html(rt, "3")).toContain("Only English");
      const runsOfN = rt.state("2")?.runs;
      rt.setLanguage("en");
      await rt.idle();
      expect(html(rt, "1")).toContain("Hello 3");
      // Only the markdown cell ran again.
      expect(rt.state("2")?.runs).toBe(runsOfN);
    } finally {
      rt.dispose();
    }
  });

  it("a hostile variant goes the markdown path: a markdown output (which the page sanitises), never code", async () => {
    const rt = new NotebookRuntime({ language: "nb" });
    try {
      rt.load({ title: "t", cells: [{ id: "1", kind: "md", source: "fine", variants: { nb: '<img src=x onerror="globalThis.pwned=1"><script>globalThis.pwned=2</script>' } }] });
      await rt.idle();
      const value = rt.state("1")?.value;
      expect(isMarkdownOutput(value)).toBe(true);
      expect(Reflect.get(globalThis, "pwned")).toBeUndefined();
    } finally {
      rt.dispose();
    }
  });
});
