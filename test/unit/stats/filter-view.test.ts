import { describe, expect, it } from "vitest";
import * as aq from "arquero";
import { filterView } from "../../../src/stats/filter-view";
import { crosstab } from "../../../src/stats/crosstab";
import { frequencies } from "../../../src/stats/frequencies";
import { correlationMatrix } from "../../../src/stats/correlation-matrix";
import { frameOf } from "../../../src/stats/column-cache";
import { sampleCodebook, sampleColumns, sampleCsv } from "./pspp-fixtures";

const codebook = sampleCodebook();
const where = [
  { variable: "fylke", codes: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], label: "Fylke 1–10" },
  { variable: "size_class", codes: [5, 6] },
];

describe("filter views", () => {
  it("select the same rows as an Arquero filter and give the same crosstab", () => {
    const table = aq.fromCSV(sampleCsv());
    const view = filterView(table, where);
    const viaArquero = table.filter((d: { fylke: number; size_class: number }) => d.fylke <= 10 && d.size_class >= 5);
    expect([...view.indices()]).toEqual([...viaArquero.indices()]);
    const a = crosstab(view, "size_class", "q20", { codebook });
    const b = crosstab(viaArquero, "size_class", "q20", { codebook });
    expect(a.cells).toEqual(b.cells);
    expect(a.audit.filters).toEqual(["Fylke 1–10", "size_class ∈ {5, 6}"]);
    expect(b.audit.filters).toEqual([`table filter: ${viaArquero.numRows()} of 96 rows`]);
    expect(a.audit.n).toBe(view.numRows());
  });

  it("equal the kernels' own where option, on plain columns", () => {
    const data = sampleColumns();
    const view = filterView(data, where);
    expect(frequencies(view, "q3", { codebook }).valid).toEqual(frequencies(data, "q3", { codebook, where }).valid);
    const m1 = correlationMatrix(view, ["q3", "q7", "q20"], { codebook });
    const m2 = correlationMatrix(data, ["q3", "q7", "q20"], { codebook, where });
    expect(m1.cells).toEqual(m2.cells);
  });

  it("stack: a view of a view keeps both filters", () => {
    const data = sampleColumns();
    const v = filterView(filterView(data, [where[0] ?? { variable: "fylke", codes: [] }]), [where[1] ?? { variable: "size_class", codes: [] }]);
    expect(v.filterLabels).toEqual(["Fylke 1–10", "size_class ∈ {5, 6}"]);
    expect(v.numRows()).toBe(filterView(data, where).numRows());
  });

  it("share the extracted columns across views (extraction happens once)", () => {
    const table = aq.fromCSV(sampleCsv());
    const a = frameOf(filterView(table, where)).column("q3");
    const b = frameOf(filterView(table, [{ variable: "resp_type", codes: [2] }])).column("q3");
    expect(a).toBe(b);
  });

  it("name an unknown variable and suggest the fix", () => {
    expect(() => frequencies(sampleColumns(), "q33x")).toThrow(/no variable "q33x" in the data.*Did you mean q33\?/);
  });
});
