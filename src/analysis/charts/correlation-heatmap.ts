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
import type { Evidence } from "../evidence/evidence";
import { evidenceClass } from "../evidence/evidence-marker";
import { chartEvidence, ownEvidence, RECONSTRUCTION_INK, titleWithEvidence } from "./chart-evidence";
import { CHART_CLASS, CHART_FONT_SIZE, INK, estimateTextWidth, formatNumberNo, frameChart } from "./chart-theme";
import { correlationColor } from "./correlation-color";
import {
  type Attrs, type BandScale, type Box, bandScale, boxesPath, group, label, linearScale, multilineText, panel, pixelOffset, svgNode, titled, xAxis, yAxisLabels,
  yAxisTicks,
} from "./svg-parts";

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
  /**
   * What each label stands for, in `labels`' order ("Serviceerklæringer" for "q6"): the tooltips
   * name a pair by label and name, and the chart's key lists them. Short labels (the variables'
   * codes) with names keep the matrix narrow: long labels took 280 of its 880 px, a phone's column.
   */
  names?: readonly string[];
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
  const named = fullLabels(input);
  input.labels.forEach((row, a) => {
    input.labels.forEach((column, b) => {
      if (triangle === "lower" && b > a) return;
      const c = input.cells[a]?.[b];
      if (!c) return;
      const symbol = input.method === "spearman" ? "ρ" : "r";
      const pair = `${named[a] ?? row} × ${named[b] ?? column}`;
      if (c.maskedBelow !== undefined) {
        const hidden = `n < ${c.maskedBelow}`;
        out.push({ row, column, r: null, n: 0, p: null, text: "", nText: hidden, small: true, title: `${pair}: ${hidden} (${messages[locale].hiddenInSharedView})`, rangeText: "" });
        return;
      }
      const small = row !== column && c.n < minN;
      const title = c.r === null
        ? `${pair}: ${messages[locale].correlationUndefined(symbol, kernelReasonText(messages[locale], c, messages[locale].noData))}, n = ${c.n}`
        : `${pair}: ${symbol} = ${formatNumberNo(c.r, 3, locale)}, n = ${c.n}, ${formatP(c.p, locale)}${small ? messages[locale].tooFewPairs(minN) : ""}`;
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

/** Each label with its name after it ("q6 Serviceerklæringer"), or alone when it has none. */
function fullLabels(input: HeatmapInput): string[] {
  return input.labels.map((label, i) => {
    const name = input.names?.[i];
    return name ? `${label} ${name}` : label;
  });
}

/** The heatmap's layout: Plot's margins of it and the band each label's cells take. */
interface HeatmapLayout {
  width: number;
  height: number;
  left: number;
  top: number;
  /** The columns' bands (left to right) and the rows' (top down): the same labels and steps. */
  x: BandScale;
  y: BandScale;
}

/**
 * Where the matrix goes: the margins leave room for the labels on the left and rotated on top, each
 * label gets a `cell`-px step of which 4 % is padding (inside and out, as Plot's band scales).
 */
function heatmapLayout(labels: readonly string[], cell: number): HeatmapLayout {
  // The width estimate is an average; long labels with wide letters (m, w, æ) run over it.
  const longest = Math.max(40, ...labels.map((l) => estimateTextWidth(l) * 1.1));
  const left = Math.ceil(longest) + 14;
  // Column labels are rotated 45° on top: they need about 0.71 × their length of height, and the
  // last column's label reaches as far to the right of its cell.
  const top = Math.ceil(longest * 0.71) + 16;
  const right = Math.max(10, Math.ceil(longest * 0.71 - cell / 2) + 10);
  const width = left + cell * labels.length + right;
  const height = top + cell * labels.length + 10;
  return { width, height, left, top, x: bandScale(labels, [left, width - right], 0.04), y: bandScale(labels, [top, height - 10], 0.04) };
}

/**
 * Plot's top axis of the columns with labels turned −45°: a tick up from the matrix at each band's
 * middle (Plot nudges a top axis's ticks down twice: its `dy` of +offset and the mark's own), the label starting `6 + 3 + 4·cos 45°` px above it (Plot's tick size and padding for a
 * turned label), centred on its line.
 */
function topAxis(document: Document, labels: readonly string[], band: BandScale, y: number, o: number): Element[] {
  const mid = (key: string): number => band.at(key) + band.bandwidth / 2 + o;
  const lift = 6 + 3 + 4 * Math.cos((-45 * Math.PI) / 180);
  return [
    svgNode(document, "path", { "aria-label": "x-axis tick", "aria-hidden": "true", fill: "none", stroke: "currentColor", d: labels.map((k) => `M${mid(k)},${y + 2 * o}v-6`).join("") }),
    group(document, { "aria-label": "x-axis tick label", "text-anchor": "start" },
      labels.map((k) => svgNode(document, "text", { transform: `translate(${mid(k)},${y - lift + o}) rotate(-45)`, y: "0.32em" }, k))),
  ];
}

/** The smallest text the heatmap draws: n and r's range under each r (CHART_FONT_SIZE − 2). */
const SMALLEST_TEXT = CHART_FONT_SIZE - 2;
/** The smallest text a reader should get on a phone, in CSS px. */
const READABLE_TEXT = 11;
/** The width of an output on a 360-px phone (the cell's padding taken off), in CSS px. */
const PHONE_COLUMN = 300;
/**
 * The width the heatmap's title, legend and note wrap to: a phone's column at the scale where the
 * smallest print is 11 px, so they are read without scrolling sideways (the matrix is scrolled).
 */
export const HEATMAP_TEXT_WIDTH = Math.floor((PHONE_COLUMN * SMALLEST_TEXT) / READABLE_TEXT);

/** Width and height of the colour ramp above the matrix. */
const RAMP_WIDTH = 240;
const RAMP_HEIGHT = 50;

/**
 * The colour ramp: 40 steps of the scale from −1 to 1 in a 220 px strip, ticks at −1, −0.5 … 1 and
 * the coefficient's name above (Plot's drawing of it, which the heatmap drew as a small plot).
 */
function colourRamp(document: Document, method: HeatmapInput["method"], locale: Locale, o: number): Element {
  const x = linearScale([-1, 1], [10, RAMP_WIDTH - 10]);
  const steps = Array.from({ length: 40 }, (_, i) => [-1 + i * 0.05, -1 + (i + 1) * 0.05] as const);
  return panel(document, [
    ...xAxis(document, { x, ticks: [-1, -0.5, 0, 0.5, 1], format: (d: number) => formatNumberNo(d, 1, locale), y: RAMP_HEIGHT - 18, labelX: 0, offset: o }),
    group(document, { "aria-label": "bar" }, steps.map(([x1, x2]) => {
      const [a, b] = [x(x1), x(x2)];
      return svgNode(document, "rect", { x: Math.min(a, b), width: Math.abs(b - a), y: 18, height: RAMP_HEIGHT - 36, fill: correlationColor((x1 + x2) / 2) });
    })),
    group(document, { "aria-label": "text", "font-weight": "bold", "text-anchor": "start" },
      [multilineText(document, [method === "spearman" ? messages[locale].spearmanRho : messages[locale].pearsonR], 10 + o, 18 - 14 + o, "top")]),
  ], CHART_FONT_SIZE - 1);
}

/**
 * The chart: one standalone `<svg>` with the matrix, a colour ramp and the significance key, drawn
 * by hand with Plot's geometry (svg-parts.ts says why; plot-geometry-suite.ts holds it to Plot's).
 */
export function correlationHeatmap(input: HeatmapInput, options: CorrelationHeatmapOptions): SVGSVGElement {
  const { document } = options;
  const minN = options.minN ?? SMALL_N;
  const locale = options.locale ?? DEFAULT_LOCALE;
  const cells = heatmapCells(input, options.triangle ?? "full", minN, locale);
  const { width, height, left, top, x, y } = heatmapLayout(input.labels, options.cellSize ?? 58);
  const coloured = (c: HeatmapCell): boolean => c.r !== null && c.row !== c.column && !c.small;
  const strong = (c: HeatmapCell): boolean => coloured(c) && c.r !== null && Math.abs(c.r) >= 0.6;
  const { evidence, dependent } = chartEvidence(cells, cells, locale);
  // Lines and texts are nudged as Plot nudges them (cells are not): svg-parts.ts, pixelOffset.
  const o = pixelOffset(document);
  const box = (c: HeatmapCell): Box => ({ x: x.at(c.column), y: y.at(c.row), width: x.bandwidth, height: y.bandwidth });
  // Each cell is an image named by its tooltip (both labels with their names, r, n, p, what r rests
  // on), so a screen reader can walk the pairs; the figures printed on it repeat the name and are
  // hidden from it (a list of r's without their pairs said nothing).
  const rect = (c: HeatmapCell, fill?: string): Element => titled(document, "rect", { ...box(c), fill, role: "img", "aria-label": c.title }, c.title);
  // Plot leaves out a cell whose colour is not a number (r = NaN); its text is still written.
  const colouredRects = (subset: readonly HeatmapCell[]): Element[] => subset.flatMap((c) => (c.r === null || Number.isNaN(c.r) ? [] : [rect(c, correlationColor(c.r))]));
  // Texts at a cell's middle, `dy` px down, in `fill`, and (n and the range) smaller; an empty one
  // (a masked cell's r) is left out, as Plot leaves it out.
  const texts = (subset: readonly HeatmapCell[], text: (c: HeatmapCell) => string, dy: number, attrs: Attrs): Element[] => {
    const shown = subset.filter((c) => text(c) !== "");
    return shown.length === 0 ? [] : [
      group(document, { "aria-label": "text", "aria-hidden": "true", ...attrs }, shown.map((c) => label(document, text(c), x.at(c.column) + x.bandwidth / 2 + o, y.at(c.row) + y.bandwidth / 2 + dy + o))),
    ];
  };
  const nFontSize = SMALLEST_TEXT;
  const withN = cells.filter((c) => c.nText !== "");
  const ranged = dependent.filter((c) => c.rangeText !== "");
  const reconstruction = evidenceClass("reconstruction");
  const hatch = evidence.hatchOptions();

  const matrix = panel(document, [
    yAxisTicks(document, input.labels, y, left, o),
    yAxisLabels(document, input.labels, y, left, o),
    ...topAxis(document, input.labels, x, top, o),
    // The diagonal (r = 1 by definition) and pairs with too few cases are grey, so neither
    // dominates the colour field.
    ...evidence.split(cells.filter(coloured), ownEvidence, (subset, className) => group(document, { "aria-label": "cell", class: className }, colouredRects(subset))),
    ...evidence.split(cells.filter((c) => !coloured(c)), ownEvidence, (subset, className) => group(document, { "aria-label": "cell", class: className, fill: "#ececec" }, subset.map((c) => rect(c)))),
    ...(dependent.length > 0 ? [svgNode(document, "path", { "aria-label": "cell", class: hatch.className, fill: hatch.fill, "pointer-events": hatch.pointerEvents, d: boxesPath(dependent.map(box)) })] : []),
    ...texts(cells.filter((c) => !strong(c) && !c.small), (c) => c.text, -5, { fill: INK }),
    ...texts(cells.filter(strong), (c) => c.text, -5, { fill: "#ffffff" }),
    ...texts(cells.filter((c) => c.small), (c) => c.text, -5, { fill: "#8a8f98" }),
    ...texts(withN.filter((c) => !strong(c)), (c) => c.nText, 9, { "font-size": nFontSize, fill: "#5f6b7a" }),
    ...texts(withN.filter(strong), (c) => c.nText, 9, { "font-size": nFontSize, fill: "#ffffff" }),
    // The range across the reconstructions under n, in the R marker's ink (white on strong colours).
    ...texts(ranged.filter((c) => !strong(c)), (c) => c.rangeText, 20, { "font-size": nFontSize, class: reconstruction, fill: RECONSTRUCTION_INK }),
    ...texts(ranged.filter(strong), (c) => c.rangeText, 20, { "font-size": nFontSize, class: reconstruction, fill: "#ffffff" }),
  ]);
  const key = [
    ...(input.names ? [fullLabels(input).join(" · ")] : []),
    messages[locale].heatmapKey(input.fdr === true, minN, dependent.some((c) => c.rangeText !== "")),
  ].join(". ");
  const chart = frameChart(
    [
      { svg: colourRamp(document, input.method, locale, o), x: 8, width: RAMP_WIDTH, height: RAMP_HEIGHT },
      { svg: matrix, x: 0, width, height, y: RAMP_HEIGHT + 6 },
    ],
    {
      document, title: options.title, subtitle: options.subtitle, width: Math.max(width, RAMP_WIDTH + 16), evidence: evidence.legend(), textWidth: HEATMAP_TEXT_WIDTH,
      note: options.note ? `${key}. ${options.note}` : key,
    },
  );
  return readableOnPage(chart);
}


/**
 * The heatmap as the page must show it: never scaled below its drawn size, where its figures are
 * 11 px (scaled into a phone's column, every cell's r was 3 px high and its n 2 px), and on a narrow
 * screen at `--tv-readable-width`, where its smallest print (n, the range) is 11 px too. The page
 * scrolls it sideways in a box of its own (`CHART_CLASS.scrolls`, components/render-output.ts);
 * an SVG or PNG saved from it is the same drawing, the style property only names a width.
 */
function readableOnPage(chart: SVGSVGElement): SVGSVGElement {
  chart.setAttribute("class", `${CHART_CLASS.root} ${CHART_CLASS.scrolls}`);
  // Not one image (frameChart's role): its cells are images of their own, each named by its pair.
  chart.setAttribute("role", "graphics-document");
  const readable = Math.ceil((Number(chart.getAttribute("width")) * READABLE_TEXT) / SMALLEST_TEXT);
  chart.setAttribute("style", `${chart.getAttribute("style") ?? ""};--tv-readable-width:${readable}px`);
  return chart;
}
