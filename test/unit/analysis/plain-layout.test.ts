/**
 * `renderTable`'s layout options (tables/plain-layout.ts, issue 12): `widths` draws fixed column
 * widths from a `<colgroup>`, `groupBy` draws the rows in blocks — one table per run of rows with
 * the same value, each in a `div.tv-block` (which the page lays out only near the view) — with
 * every row, in order, under the same columns, and the CSV export reads the blocks as one table.
 * Bad options are refused with the fix. Under linkedom, as the headless runner draws.
 */
import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { renderTable, type PlainTable } from "../../../src/analysis/render-table";
import { plainLayout } from "../../../src/analysis/tables/plain-layout";
import { htmlTableData } from "../../../src/app/html-table-rows";

const { document } = parseHTML("<!doctype html><html><body></body></html>");

const COUNTIES = ["Østfold", "Østfold", "Akershus", "Oslo", "Oslo", "Oslo"];
const spec: PlainTable = {
  caption: "Named municipalities",
  columns: [{ key: "knr", label: "Knr" }, { key: "name", label: "Name" }, { key: "county", label: "County" }, { key: "n", label: "N", count: true }],
  rows: COUNTIES.map((county, i) => ({ knr: `0${100 + i}`, name: `Place ${i}`, county, n: 10 + i })),
  audit: "N = 6",
};

function textsOf(elements: Iterable<Element>): string[] {
  return [...elements].map((e) => e.textContent ?? "");
}

describe("renderTable's groupBy and widths", () => {
  it("draws one block per run of a county, each a table captioned with it, every row in order", () => {
    const figure = renderTable(document, spec, { groupBy: "county", widths: { knr: "4em" } });
    expect(figure.classList.contains("tv-blocks")).toBe(true);
    expect(figure.firstElementChild?.localName).toBe("figcaption");
    expect(figure.firstElementChild?.textContent).toBe("Named municipalities");
    const blocks = [...figure.children].filter((c) => c.classList.contains("tv-block"));
    // A block's expected height before it is laid out: its rows, and their lines (one each here).
    expect(blocks.map((b) => b.getAttribute("style"))).toEqual(["--rows: 2; --lines: 2", "--rows: 1; --lines: 1", "--rows: 3; --lines: 3"]);
    expect(blocks.map((b) => b.children.length)).toEqual([1, 1, 1]);
    expect(textsOf(figure.querySelectorAll(".tv-block > table > caption"))).toEqual(["Østfold (2)", "Akershus (1)", "Oslo (3)"]);
    expect(textsOf(figure.querySelectorAll(".tv-block tbody tr > td:first-child"))).toEqual(spec.rows.map((r) => String(r.knr)));
    // Every block repeats the head, and its columns' widths: fixed layout lines the blocks up.
    for (const table of figure.querySelectorAll(".tv-block > table")) {
      expect(table.getAttribute("class")).toBe("tv-fixed");
      expect(textsOf(table.querySelectorAll("thead th"))).toEqual(["Knr", "Name", "County", "N"]);
      expect([...table.querySelectorAll("colgroup > col")].map((c) => c.getAttribute("style"))).toEqual(["width: 4em", null, null, null]);
    }
    // The least width: the widths given and 10em for each of the three without one.
    expect(figure.getAttribute("style")).toBe("--tv-min: calc(4em + 3 * 10em)");
  });

  it("expects a row whose text wraps in its column's width to take more lines", () => {
    const long = { ...spec, rows: [{ knr: "0101", name: "Sogn og Fjordane fylkeskommune, med en lang merknad", county: "Oslo", n: 3 }] };
    const styleOf = (width: string): string | null | undefined => renderTable(document, long, { groupBy: "county", widths: { name: width } }).querySelector(".tv-block")?.getAttribute("style");
    const lines = (width: string): number => Number(/--lines: (\d+)/.exec(styleOf(width) ?? "")?.[1]);
    expect(lines("60em")).toBe(1);
    expect(lines("8em")).toBeGreaterThan(3);
    expect(lines("104px")).toBe(lines("8em"));
  });

  it("exports the blocks as one table: every row's fields, in order", () => {
    const figure = renderTable(document, spec, { groupBy: "county" });
    const data = htmlTableData([...figure.querySelectorAll(".tv-block > table")]);
    expect(data.columnNames()).toEqual(["knr", "name", "county", "n"]);
    expect(data.numRows()).toBe(6);
    expect(Array.from({ length: 6 }, (_, i) => [data.get("knr", i), data.get("county", i), data.get("n", i)])).toEqual(spec.rows.map((r) => [r.knr, r.county, r.n]));
  });

  it("lets a long label break after its slash (a <wbr>), its text and export unchanged", () => {
    // 05's lists of models: Chromium offers no break after "/" between letters, so a narrow column
    // broke "Forbedringsgrupper/kvalitetssirkler" inside a word (break-opportunities.ts).
    const models = "Benchmarking/systematisk sammenligning, Forbedringsgrupper/kvalitetssirkler, q28_6";
    const long: PlainTable = { ...spec, rows: [{ knr: "0101", name: models, county: "Oslo", n: 3 }] };
    const figure = renderTable(document, long, { groupBy: "county" });
    const cell = figure.querySelector("tbody td:nth-child(2)");
    expect(cell?.textContent).toBe(models);
    expect(cell?.querySelectorAll("wbr")).toHaveLength(2);
    expect([...(cell?.childNodes ?? [])].map((n) => (n.nodeType === 3 ? n.textContent : `<${n.nodeName.toLowerCase()}>`))).toEqual(["Benchmarking/", "<wbr>", "systematisk sammenligning, Forbedringsgrupper/", "<wbr>", "kvalitetssirkler, q28_6"]);
    // Short cells stay one text node each (no element added for nothing).
    expect(figure.querySelector("tbody td:first-child")?.childNodes).toHaveLength(1);
    expect(htmlTableData([...figure.querySelectorAll(".tv-block > table")]).get("name", 0)).toBe(models);
  });

  it("with widths alone draws one fixed table; without either, the table as before", () => {
    const fixed = renderTable(document, spec, { widths: { name: "10em", county: "7em" } });
    expect(fixed.classList.contains("tv-blocks")).toBe(false);
    expect([...fixed.children].filter((c) => c.localName === "table")).toHaveLength(1);
    expect(fixed.querySelector("table")?.getAttribute("class")).toBe("tv-fixed");
    expect(fixed.getAttribute("style")).toBe("--tv-min: calc(10em + 7em + 2 * 10em)");
    const plain = renderTable(document, spec);
    expect(plain.getAttribute("style")).toBeNull();
    expect(plain.querySelector("colgroup")).toBeNull();
    expect(plain.querySelector("table")?.hasAttribute("class")).toBe(false);
    expect(plain.querySelectorAll("tbody tr")).toHaveLength(6);
  });

  it("heads a block by its column's cells as shown: a count the guard hides is hidden in the heading too", () => {
    // Blocks by a count column, in a view that masks small counts: 1 and 2 are "< 3" in their cells.
    const byCount: PlainTable = { ...spec, rows: [1, 2, 2, 7].map((n, i) => ({ knr: `0${100 + i}`, name: `Place ${i}`, county: "Oslo", n })), audit: "N = 12" };
    const figure = renderTable(document, byCount, { groupBy: "n", mask: true });
    const cells = textsOf(figure.querySelectorAll(".tv-block tbody tr > td:last-child"));
    expect(cells.filter((t) => t === "7")).toHaveLength(1);
    const captions = textsOf(figure.querySelectorAll(".tv-block > table > caption"));
    // Every heading is a cell's text as shown; no heading shows a count its cells hide.
    for (const caption of captions) expect(cells).toContain(caption.replace(/ \(\d+\)$/, ""));
    expect(captions.some((c) => /^[12] /.test(c))).toBe(false);
    // Unmasked (the live view), the headings are the counts.
    expect(textsOf(renderTable(document, byCount, { groupBy: "n" }).querySelectorAll(".tv-block > table > caption"))).toEqual(["1 (1)", "2 (2)", "7 (1)"]);
  });

  it("draws a list with no rows (a filter none meets) as one table with its head, exported as such", () => {
    const empty = renderTable(document, { ...spec, rows: [], audit: "N = 0" }, { groupBy: "county", widths: { knr: "4em" } });
    const tables = [...empty.querySelectorAll("table")];
    expect(tables).toHaveLength(1);
    expect(tables[0]?.querySelector("caption")?.textContent).toBe("Named municipalities");
    expect(textsOf(empty.querySelectorAll("thead th"))).toEqual(["Knr", "Name", "County", "N"]);
    expect(empty.querySelectorAll("tbody tr")).toHaveLength(0);
    // A figure's own table, as drawn-output.ts reads a table figure: its export is the header.
    expect(empty.classList.contains("tv-blocks")).toBe(false);
    expect(tables[0]?.parentElement).toBe(empty);
  });

  it("refuses widths that name no column or are not a plain length, and a groupBy that is not a name", () => {
    const columns = spec.columns;
    expect(() => plainLayout(columns, { widths: { kommune: "4em" } })).toThrow(/widths names the column "kommune", but the table has none; its columns are knr, name, county, n/);
    for (const bad of ["4", "40%", "4em; color: red", "calc(4em)", "-4em"]) {
      expect(() => plainLayout(columns, { widths: { knr: bad } })).toThrow(/give a length in em, rem, ch or px/);
    }
    // What is checked is what is drawn: a getter that answers a length once and CSS after.
    let reads = 0;
    const sly = Object.defineProperty({}, "knr", { enumerable: true, get: () => (reads++ === 0 ? "4em" : "4em; background: url(x)") });
    expect(plainLayout(columns, { widths: sly }).widths).toEqual(["4em", undefined, undefined, undefined]);
    expect(() => plainLayout(columns, { groupBy: "" })).toThrow(/groupBy is the name of a row field/);
    // A block's heading is a column's value: a field no column shows would head the blocks on
    // screen and be missing from every row of the CSV export (which reads the rows, not the headings).
    expect(() => plainLayout(columns, { groupBy: "fylke" })).toThrow(/groupBy names the row field "fylke", but no column shows it; its columns are knr, name, county, n/);
    expect(plainLayout(columns, {})).toEqual({ widths: undefined, minWidth: "0", groupBy: undefined });
    expect(plainLayout(columns, { groupBy: "county" }).widths).toEqual([undefined, undefined, undefined, undefined]);
  });
});
