/**
 * Correlation heatmap: one cell per variable pair coloured by r on a diverging scale (−1 … 1), the
 * formatted r and its significance mark printed in the cell ("0,32**") with the pair's n below it,
 * p in the tooltip. A pair with fewer than `minN` cases is greyed out, its r printed in grey and
 * without a mark: from two or three cases r is ±1 or close to it by arithmetic, not by any
 * relation, and a coloured "−1,00**" there reads as the strongest finding of the matrix.
 * Takes the plain shape of `CorrelationMatrix` from src/stats, so a matrix can be passed as is.
 *
 * In a shared view (charts.ts), a pair of 1–2 cases is masked before drawing (`maskSmallPairs`): no
 * r, no p, no reason (the reasons name the count), "n < 3" in the cell and its tooltip — as the
 * tables print "< 3" — so the page, the tooltip and an exported SVG all hide the same counts.
 */
import { DEFAULT_LOCALE, formatPValue, messages, type Locale } from "../../base/locale/locale";
import { kernelReasonText } from "../../base/locale/reason-messages";
import * as Plot from "@observablehq/plot";
import type { Evidence } from "../evidence/evidence";
import { evidenceClass } from "../evidence/evidence-marker";
import { chartEvidence, ownEvidence, RECONSTRUCTION_INK, titleWithEvidence } from "./chart-evidence";
import {
  CHART_FONT_SIZE, CORRELATION_SCHEME, INK, estimateTextWidth, formatNumberNo, frameChart, plotSvg,
} from "./chart-theme";

/** One pair: r (null when undefined), n, two-sided p, and the mark ("*" p < .05, "**" p < .01). */
export interface HeatmapCorrelation {
  r: number | null;
  n: number;
  p: number | null;
  mark?: "" | "*" | "**";
  reason?: string;
  /** The pair's count is hidden (a shared view): it is under this; `n` is 0 and r, p are left out. */
  maskedBelow?: number;
  /** What r rests on (set by the charts' normaliser; see chart-evidence.ts). */
  evidence?: Evidence;
}

/** The matrix: `cells[a][b]` for labels a (row) and b (column). */
export interface HeatmapInput {
  labels: readonly string[];
  cells: readonly (readonly HeatmapCorrelation[])[];
  method?: "pearson" | "spearman";
  /** True when the marks come from Benjamini–Hochberg q-values. */
  fdr?: boolean;
}

/** Options of `correlationHeatmap`; `document` creates the elements (browser or linkedom). */
export interface CorrelationHeatmapOptions {
  document: Document;
  /** "lower" draws the diagonal and below only (the matrix is symmetric). Default "full". */
  triangle?: "full" | "lower";
  title?: string;
  subtitle?: string;
  /** Extra small print; the significance key is always added. */
  note?: string;
  cellSize?: number;
  /**
   * Pairs with fewer cases than this are greyed out and get no significance mark. Default 10
   * (`SMALL_N`).
   */
  minN?: number;
  /** The language of the key and numbers (default "nb"). */
  locale?: Locale;
}

/**
 * Default `minN`. Below 10 pairs the 95 % interval of r spans most of −1 … 1 for any r under 0.6
 * (Fisher's z: ±1.96 / √(n − 3) is ±0.74 in z at n = 10), and at n = 2 r is ±1 whatever the data.
 */
export const SMALL_N = 10;

/** One drawn cell. */
export interface HeatmapCell {
  row: string;
  column: string;
  r: number | null;
  n: number;
  p: number | null;
  text: string;
  /** "n = 236" under r. */
  nText: string;
  /** Fewer cases than `minN`: greyed out, no mark. */
  small: boolean;
  title: string;
  /** What r rests on (none on the diagonal: r = 1 is no figure). */
  evidence?: Evidence;
  /** "−0,05…0,31": r's range across the reconstructions, under n. */
  rangeText: string;
}

/** r as printed in a cell: two decimals with a decimal comma and the mark; "1" on the diagonal; "–" when undefined. */
export function formatCorrelation(r: number | null, mark: string = "", locale: Locale = DEFAULT_LOCALE): string {
  if (r === null || !Number.isFinite(r)) return "–";
  if (r === 1) return "1";
  return `${formatNumberNo(r, 2, locale)}${mark}`;
}

function formatP(p: number | null, locale: Locale): string {
  if (p === null) return "p –";
  const text = formatPValue(locale, p);
  return text.startsWith("<") ? `p ${text}` : `p = ${text}`;
}

/**
 * `input` with every pair (and diagonal) of 1 to `threshold − 1` cases masked: the count, r, p,
 * mark and reason are dropped, so nothing drawn from it can carry them.
 */
export function maskSmallPairs(input: HeatmapInput, threshold: number): HeatmapInput {
  const cells = input.cells.map((row) => row.map((c): HeatmapCorrelation => (c.n > 0 && c.n < threshold ? { r: null, n: 0, p: null, maskedBelow: threshold } : c)));
  return { ...input, cells };
}

/** The cells to draw, row-major, honouring `triangle`; pairs with n below `minN` are marked small. */
export function heatmapCells(input: HeatmapInput, triangle: "full" | "lower" = "full", minN = SMALL_N, locale: Locale = DEFAULT_LOCALE): HeatmapCell[] {
  const out: HeatmapCell[] = [];
  input.labels.forEach((row, a) => {
    input.labels.forEach((column, b) => {
      if (triangle === "lower" && b > a) return;
      const c = input.cells[a]?.[b];
      if (!c) return;
      const symbol = input.method === "spearman" ? "ρ" : "r";
      if (c.maskedBelow !== undefined) {
        const hidden = `n < ${c.maskedBelow}`;
        out.push({ row, column, r: null, n: 0, p: null, text: "", nText: hidden, small: true, title: `${row} × ${column}: ${hidden} (${messages[locale].hiddenInSharedView})`, rangeText: "" });
        return;
      }
      const small = row !== column && c.n < minN;
      const title = c.r === null
        ? `${row} × ${column}: ${messages[locale].correlationUndefined(symbol, kernelReasonText(messages[locale], c, messages[locale].noData))}, n = ${c.n}`
        : `${row} × ${column}: ${symbol} = ${formatNumberNo(c.r, 3, locale)}, n = ${c.n}, ${formatP(c.p, locale)}${small ? messages[locale].tooFewPairs(minN) : ""}`;
      const text = formatCorrelation(c.r, small ? "" : (c.mark ?? ""), locale);
      const evidence = row === column ? undefined : c.evidence;
      const range = evidence?.range;
      out.push({
        row, column, r: c.r, n: c.n, p: c.p, text, nText: row === column ? "" : `n = ${formatNumberNo(c.n, 0, locale)}`, small,
        title: titleWithEvidence(title, evidence, locale, (x) => formatNumberNo(x, 2, locale)), ...(evidence ? { evidence } : {}),
        rangeText: range ? `${formatNumberNo(range.min, 2, locale)}…${formatNumberNo(range.max, 2, locale)}` : "",
      });
    });
  });
  return out;
}

/** The chart: one standalone `<svg>` with the matrix, a colour ramp and the significance key. */
export function correlationHeatmap(input: HeatmapInput, options: CorrelationHeatmapOptions): SVGSVGElement {
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
      document, title: options.title, subtitle: options.subtitle, width: Math.max(width, rampWidth + 16), evidence: evidence.legend(),
      note: options.note ? `${key}. ${options.note}` : key,
    },
  );
}
