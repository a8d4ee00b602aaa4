/**
 * Notebook 03's correlation heatmap as Plot drew it up to stop 25, kept as the reference the
 * hand-drawn chart (src/analysis/charts/correlation-heatmap.ts) is compared with in
 * plot-geometry.test.ts. Not used by the app.
 */
import * as Plot from "@observablehq/plot";
import { DEFAULT_LOCALE, messages } from "../../../../src/base/locale/locale";
import { evidenceClass } from "../../../../src/analysis/evidence/evidence-marker";
import { chartEvidence, ownEvidence, RECONSTRUCTION_INK } from "../../../../src/analysis/charts/chart-evidence";
import { CHART_FONT_SIZE, CORRELATION_SCHEME, INK, estimateTextWidth, formatNumberNo, frameChart, plotSvg } from "../../../../src/analysis/charts/chart-theme";
import { HEATMAP_TEXT_WIDTH, heatmapCells, SMALL_N, type CorrelationHeatmapOptions, type HeatmapCell, type HeatmapInput } from "../../../../src/analysis/charts/correlation-heatmap";

/** The chart: one standalone `<svg>` with the matrix, a colour ramp and the significance key. */
export function plotCorrelationHeatmap(input: HeatmapInput, options: CorrelationHeatmapOptions): SVGSVGElement {
  const { document } = options;
  const minN = options.minN ?? SMALL_N;
  const locale = options.locale ?? DEFAULT_LOCALE;
  const cells = heatmapCells(input, options.triangle ?? "full", minN, locale);
  const cell = options.cellSize ?? 58;
  // The width estimate is an average; long labels with wide letters (m, w, æ) run over it.
  const longest = Math.max(40, ...input.labels.map((l) => estimateTextWidth(l) * 1.1));
  const marginLeft = Math.ceil(longest) + 14;
  // Column labels are rotated 45° on top: they need about 0.71 × their length of height, and the
  // last column's label reaches as far to the right of its cell.
  const marginTop = Math.ceil(longest * 0.71) + 16;
  const marginRight = Math.ceil(longest * 0.71 - cell / 2) + 10;
  const width = marginLeft + cell * input.labels.length + Math.max(10, marginRight);
  const height = marginTop + cell * input.labels.length + 10;
  const coloured = (c: HeatmapCell): boolean => c.r !== null && c.row !== c.column && !c.small;
  const strong = (c: HeatmapCell): boolean => coloured(c) && c.r !== null && Math.abs(c.r) >= 0.6;
  const nFontSize = CHART_FONT_SIZE - 2;
  const { evidence, dependent } = chartEvidence(cells, cells, locale);

  const plot = Plot.plot({
    document,
    width,
    height,
    marginLeft,
    marginTop,
    marginRight: Math.max(10, marginRight),
    marginBottom: 10,
    style: { fontSize: `${CHART_FONT_SIZE}px` },
    x: { domain: [...input.labels], axis: "top", label: null, tickRotate: -45, padding: 0.04 },
    y: { domain: [...input.labels], label: null, padding: 0.04 },
    color: { type: "linear", scheme: CORRELATION_SCHEME, domain: [-1, 1] },
    marks: [
      // The diagonal (r = 1 by definition) and pairs with too few cases are grey, so neither
      // dominates the colour field.
      ...evidence.split(cells.filter(coloured), ownEvidence, (subset, className) => Plot.cell(subset, { x: "column", y: "row", fill: "r", title: "title", className })),
      ...evidence.split(cells.filter((c) => !coloured(c)), ownEvidence, (subset, className) => Plot.cell(subset, { x: "column", y: "row", fill: "#ececec", title: "title", className })),
      Plot.cell(dependent, { x: "column", y: "row", ...evidence.hatchOptions() }),
      Plot.text(cells.filter((c) => !strong(c) && !c.small), { x: "column", y: "row", text: "text", fill: INK, dy: -5 }),
      Plot.text(cells.filter(strong), { x: "column", y: "row", text: "text", fill: "#ffffff", dy: -5 }),
      Plot.text(cells.filter((c) => c.small), { x: "column", y: "row", text: "text", fill: "#8a8f98", dy: -5 }),
      Plot.text(cells.filter((c) => c.nText !== "" && !strong(c)), { x: "column", y: "row", text: "nText", fill: "#5f6b7a", fontSize: nFontSize, dy: 9 }),
      Plot.text(cells.filter((c) => c.nText !== "" && strong(c)), { x: "column", y: "row", text: "nText", fill: "#ffffff", fontSize: nFontSize, dy: 9 }),
      // The range across the reconstructions under n, in the R marker's ink (white on strong colours).
      Plot.text(dependent.filter((c) => !strong(c) && c.rangeText), { x: "column", y: "row", text: "rangeText", fontSize: nFontSize, dy: 20, className: evidenceClass("reconstruction"), fill: RECONSTRUCTION_INK }),
      Plot.text(dependent.filter((c) => strong(c) && c.rangeText), { x: "column", y: "row", text: "rangeText", fontSize: nFontSize, dy: 20, className: evidenceClass("reconstruction"), fill: "#ffffff" }),
    ],
  });
  const rampWidth = 240;
  // Our own ramp instead of Plot.legend, whose typings do not take the `document` option.
  const steps = Array.from({ length: 40 }, (_, i) => ({ x1: -1 + i * 0.05, x2: -1 + (i + 1) * 0.05 }));
  const ramp = Plot.plot({
    document,
    width: rampWidth,
    height: 50,
    marginLeft: 10,
    marginRight: 10,
    marginTop: 18,
    marginBottom: 18,
    style: { fontSize: `${CHART_FONT_SIZE - 1}px` },
    x: { domain: [-1, 1], ticks: [-1, -0.5, 0, 0.5, 1], tickFormat: (d: number) => formatNumberNo(d, 1, locale), label: null },
    color: { type: "linear", scheme: CORRELATION_SCHEME, domain: [-1, 1] },
    marks: [
      Plot.barX(steps, { x1: "x1", x2: "x2", fill: (d: { x1: number; x2: number }) => (d.x1 + d.x2) / 2 }),
      Plot.text([input.method === "spearman" ? messages[locale].spearmanRho : messages[locale].pearsonR], { frameAnchor: "top-left", dy: -14, text: (d: string) => d, textAnchor: "start", fontWeight: "bold" }),
    ],
  });
  const key = messages[locale].heatmapKey(input.fdr === true, minN, dependent.some((c) => c.rangeText !== ""));
  const rampHeight = 50;
  return frameChart(
    [
      { svg: plotSvg(ramp), x: 8, width: rampWidth, height: rampHeight },
      { svg: plotSvg(plot), x: 0, width, height, y: rampHeight + 6 },
    ],
    {
      document, title: options.title, subtitle: options.subtitle, width: Math.max(width, rampWidth + 16), evidence: evidence.legend(), textWidth: HEATMAP_TEXT_WIDTH,
      note: options.note ? `${key}. ${options.note}` : key,
    },
  );
}
