import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { mergeLazy } from "../../../src/base/merge-lazy";
import type { CellDoc } from "../../../src/notebook/document";
import { HeadlessInput, headlessInputs } from "../../../src/runtime/headless-inputs";
import { NotebookRuntime } from "../../../src/runtime/notebook-runtime";
import { createHtml, createMd, createStdlib } from "../../../src/runtime/stdlib";
import { csvToTable, parseCsvRows } from "../../../src/runtime/csv-table";

const files: Record<string, string> = {
  "demo/a.csv": "navn,antall,aktiv\nÅs,3,true\nBø,,false\n",
  "demo/bad.csv": "a,b\n1,2,3\n",
};
const host = {
  readText: async (path: string) => {
    const text = files[path];
    if (text === undefined) throw new Error(`${path} not found`);
    return text;
  },
  readBytes: async (path: string) => new TextEncoder().encode(await host.readText(path)),
};

describe("stdlib", () => {
  it("loadCsv gives a typed Arquero table in header order", async () => {
    const std = createStdlib(host);
    const loadCsv = std["loadCsv"];
    if (typeof loadCsv !== "function") throw new Error("loadCsv missing");
    const table = await loadCsv("demo/a.csv");
    expect(table.columnNames()).toEqual(["navn", "antall", "aktiv"]);
    expect(table.objects()).toEqual([
      { navn: "Ås", antall: 3, aktiv: true },
      { navn: "Bø", antall: null, aktiv: false },
    ]);
  });

  it("reports a malformed CSV row with the file and row", () => {
    expect(() => csvToTable(files["demo/bad.csv"] ?? "", "demo/bad.csv")).toThrow(/demo\/bad\.csv \(data row 1\): Too many fields/);
    expect(parseCsvRows("x\n1\n2\n")).toEqual([{ x: 1 }, { x: 2 }]);
  });

  it("FileAttachment reads text, csv and arquero from the host", async () => {
    const rt = new NotebookRuntime({ builtins: mergeLazy(createStdlib(host)) });
    const cells: CellDoc[] = [
      { id: "1", kind: "js", source: 'const text = await FileAttachment("demo/a.csv").text()' },
      { id: "2", kind: "js", source: 'const rows = await FileAttachment("demo/a.csv").csv()' },
      { id: "3", kind: "js", source: 'const total = (await FileAttachment("demo/a.csv").arquero()).rollup({n: op.count()}).object().n' },
      { id: "4", kind: "js", source: 'const missing = await FileAttachment("demo/none.csv").text()' },
    ];
    rt.load({ title: "t", cells });
    await rt.idle();
    const values = rt.namedValues();
    expect(values["text"]).toBe(files["demo/a.csv"]);
    expect(values["rows"]).toEqual([
      { navn: "Ås", antall: 3, aktiv: true },
      { navn: "Bø", antall: null, aktiv: false },
    ]);
    expect(values["total"]).toBe(2);
    expect(rt.state("4")?.error?.message).toContain("demo/none.csv not found");
    rt.dispose();
  });

  it("html`` escapes strings and inserts nodes when a document is given", () => {
    const { document } = parseHTML("<!doctype html><html><body></body></html>");
    const html = createHtml(document);
    const inner = html`<i>x</i>`;
    const node = html`<p class="a">${"<b>&"} ${inner}</p>`;
    expect(typeof node === "object" && "outerHTML" in node ? node.outerHTML : node).toBe('<p class="a">&lt;b&gt;&amp; <i>x</i></p>');
    expect(createHtml(undefined)`<p>${"<"}</p>`).toBe("<p>&lt;</p>");
  });

  it("md`` renders markdown", () => {
    expect(createMd(undefined)`# Hi ${"there"}`).toEqual({ kind: "markdown", html: "<h1>Hi there</h1>\n" });
  });

  it("headless Inputs start with the same values as Observable Inputs", () => {
    expect(headlessInputs.select(["a", "b"]).value).toBe("a");
    expect(headlessInputs.select(["a", "b"], { multiple: true }).value).toEqual([]);
    expect(headlessInputs.range([0, 10]).value).toBe(5);
    expect(headlessInputs.range([0, 10], { value: 2 }).value).toBe(2);
    expect(headlessInputs.checkbox(["x"]).value).toEqual([]);
    expect(headlessInputs.toggle().value).toBe(false);
    expect(headlessInputs.text({ label: "Navn" })).toBeInstanceOf(HeadlessInput);
  });

  it("view(Inputs.select(...)) binds a name that setInput drives, even before the cell has run", async () => {
    const rt = new NotebookRuntime({ builtins: mergeLazy(createStdlib(host)) });
    rt.load({
      title: "t",
      cells: [
        { id: "1", kind: "js", source: 'const region = view(Inputs.select(["Øst", "Vest", "Nord"], {label: "Region"}))' },
        { id: "2", kind: "js", source: "const shout = region.toUpperCase()" },
      ],
    });
    rt.setInput("region", "Vest");
    await rt.idle();
    expect(rt.namedValues()).toMatchObject({ region: "Vest", shout: "VEST" });
    rt.setInput("region", "Nord");
    await rt.idle();
    expect(rt.namedValues()).toMatchObject({ region: "Nord", shout: "NORD" });
    expect(rt.inputValues()).toEqual({ region: "Nord" });
    rt.dispose();
  });
});

describe("setInput on a linkedom element", () => {
  it("fires the input event with the element's own Event class", async () => {
    const { document } = parseHTML("<!doctype html><html><body></body></html>");
    const rt = new NotebookRuntime({ builtins: { document } });
    rt.load({
      title: "t",
      cells: [
        { id: "1", kind: "js", source: 'const word = view(Object.assign(document.createElement("input"), {value: "hei"}))' },
        { id: "2", kind: "js", source: "const length = word.length" },
      ],
    });
    await rt.idle();
    expect(rt.namedValues()).toMatchObject({ word: "hei", length: 3 });
    rt.setInput("word", "hallo");
    await rt.idle();
    expect(rt.namedValues()).toMatchObject({ word: "hallo", length: 5 });
    rt.dispose();
  });
});
