/**
 * Notebook Kit's cell modes in the runtime: html cells render (the UI sanitizes, as for markdown),
 * the modes we do not run give a notice instead of an error blaming the code, and nothing else in
 * the notebook is disturbed.
 */
import { afterEach, describe, expect, it } from "vitest";
import { CELL_TYPES, type CellDoc, type CellKind } from "../../../src/notebook/document";
import { parseNotebook, serializeNotebook } from "../../../src/notebook/format";
import { NotebookRuntime } from "../../../src/runtime/notebook-runtime";
import { isUnsupportedCellOutput } from "../../../src/runtime/types";

let runtime: NotebookRuntime | undefined;
afterEach(() => runtime?.dispose());

async function load(...cells: CellDoc[]): Promise<NotebookRuntime> {
  runtime = new NotebookRuntime({ timeoutMs: 1000 });
  runtime.load({ title: "modes", cells });
  await runtime.idle();
  return runtime;
}

describe("html cells", () => {
  it("render their markup with interpolated values, text escaped as in Kit's html``", async () => {
    const rt = await load(
      { id: "h", kind: "html", source: '<p class="n">${n} kommuner, ${label}</p>${note}' },
      { id: "n", kind: "js", source: "const n = 435" },
      { id: "l", kind: "js", source: 'const label = "<b>&</b>"' },
      { id: "m", kind: "js", source: "const note = [1, 2].map((d) => d * 2)" },
    );
    expect(rt.state("h")).toMatchObject({ status: "fulfilled", value: { kind: "markdown", html: '<p class="n">435 kommuner, &lt;b&gt;&amp;&lt;/b&gt;</p>24' } });
  });

  it("recompute when a name they use changes", async () => {
    const rt = await load({ id: "h", kind: "html", source: "<i>${n}</i>" }, { id: "n", kind: "js", source: "const n = 1" });
    rt.updateCell({ id: "n", kind: "js", source: "const n = 2" });
    await rt.idle();
    expect(rt.state("h")?.value).toEqual({ kind: "markdown", html: "<i>2</i>" });
  });

  it("report a broken interpolation as a syntax error at its line", async () => {
    const rt = await load({ id: "h", kind: "html", source: "<p>\n${1 +}</p>" });
    expect(rt.state("h")?.error).toMatchObject({ kind: "syntax", line: 2 });
  });
});

describe("modes this app does not run", () => {
  const sources: Array<[CellKind, string]> = [
    ["tex", "\\frac{a}{b} = ${x}"],
    ["sql", "SELECT * FROM t WHERE a < 3 AND b = '${x}'"],
    ["dot", "digraph { a -> b }"],
    ["ojs", "viewof n = Inputs.range([0, 10])"],
    ["node", 'process.stdout.write(JSON.stringify({a: 1}))'],
    ["python", "def f(x):\n    return x"],
  ];

  it.each(sources)("a %s cell is fulfilled with a notice naming its type, not an error", async (kind, source) => {
    const rt = await load({ id: "c", kind, source }, { id: "x", kind: "js", source: "const x = 1" }, { id: "y", kind: "js", source: "x + 1" });
    const state = rt.state("c");
    expect(state?.status).toBe("fulfilled");
    expect(state?.error).toBeUndefined();
    expect(state?.defines).toEqual([]);
    const value = state?.value;
    expect(isUnsupportedCellOutput(value)).toBe(true);
    if (isUnsupportedCellOutput(value)) {
      expect(value.type).toBe(kind === "js" ? "" : Reflect.get(CELL_TYPES, kind));
      expect(value.message).toMatch(/^This cell type \(.+, type=".+"\) is not supported here, so it is not run\. It is kept unchanged/);
    }
    expect(rt.state("y")?.value).toBe(2);
  });

  it("an unknown type is named as written", async () => {
    const rt = await load({ id: "r", kind: "other", source: "x <- c(1, 2)", attributes: [["type", "text/x-r"]] });
    const value = rt.state("r")?.value;
    expect(isUnsupportedCellOutput(value) && value.message).toMatch(/^This cell type \(text\/x-r\) is not supported here/);
  });

  it("a Kit file with every mode loads, runs what it can, and is written back byte for byte", async () => {
    const file = `<!doctype html>
<notebook theme="air">
  <title>All modes</title>
  <script id="1" type="module" pinned="">
    const n = 3;
  </script>
  <script id="2" type="text/html">
    <b>\${n}</b>
  </script>
  <script id="3" type="application/sql" database="db">
    SELECT \${n}
  </script>
  <script id="4" type="application/vnd.observable.javascript" pinned="">
    mutable m = 1
  </script>
</notebook>
`;
    const parsed = parseNotebook(file);
    if (!parsed.ok) throw new Error(parsed.error.message);
    const rt = await load(...parsed.value.doc.cells);
    expect(rt.state("2")?.value).toEqual({ kind: "markdown", html: "<b>3</b>" });
    expect(["1", "2", "3", "4"].map((id) => rt.state(id)?.status)).toEqual(["fulfilled", "fulfilled", "fulfilled", "fulfilled"]);
    expect(serializeNotebook(parsed.value.doc)).toBe(file);
  });
});
