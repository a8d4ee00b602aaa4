import { describe, expect, it } from "vitest";
import { parseHTML } from "linkedom";
import { findChartSvg, serializeSvg, svgSize, xmlSafe } from "../../../src/app/export-chart";
import { statusBars } from "../../../src/analysis/charts/status-bars";
import { TABELL_2_1 } from "./chart-fixtures";
import { hostileCorpus } from "../../fixtures/exports/hostile-corpus";

const doc = (): Document => parseHTML("<!DOCTYPE html><html><body></body></html>").document;

describe("export-chart (DOM parts that run under linkedom)", () => {
  it("serializes a chart as a standalone SVG file with XML declaration and namespace", () => {
    const svg = statusBars(TABELL_2_1, { document: doc(), title: "Tabell 2.1" });
    const before = svg.outerHTML;
    const text = serializeSvg(svg, { inlineStyles: false });
    expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg')).toBe(true);
    expect(text).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(text).toContain("Serviceerklæringer");
    // The page's element is not modified by serializing.
    expect(svg.outerHTML).toBe(before);
  });

  it("reads the chart's pixel size from its attributes", () => {
    const svg = statusBars(TABELL_2_1, { document: doc() });
    const size = svgSize(svg);
    expect(size.width).toBe(720);
    expect(size.height).toBe(Number(svg.getAttribute("height")));
    expect(size.height).toBeGreaterThan(200);
  });

  it("finds the outer chart svg inside an output element", () => {
    const d = doc();
    const div = d.createElement("div");
    const svg = statusBars(TABELL_2_1, { document: d });
    div.appendChild(svg);
    expect(findChartSvg(div)).toBe(svg);
    expect(findChartSvg(d.createElement("p"))).toBeNull();
  });

  it("writes hostile chart titles as text: no markup, no character XML forbids", () => {
    for (const { text } of [...hostileCorpus(), { id: "markup", text: '</text><script>alert(1)</script><text a="', note: "" }]) {
      const svg = statusBars(TABELL_2_1, { document: doc(), title: text });
      const file = serializeSvg(svg, { inlineStyles: false });
      expect([...file].filter((ch) => xmlSafe(ch) !== ch)).toEqual([]);
      const reread = parseHTML(file.replace(/^<\?xml[^>]*>\n/, "")).document;
      expect(reread.querySelectorAll("script").length).toBe(0);
      if (text === "") continue; // no title, no label
      // Read back, the title is the same text.
      expect(reread.querySelector("svg")?.getAttribute("aria-label")).toBe(xmlSafe(text));
    }
  });
});
