/**
 * Shared look of the survey charts: colours (colour-blind-safe), fonts, number formats in the
 * app's language, and `frameChart`, which wraps one or more Plot SVGs with a title and a legend into a single
 * standalone `<svg>`.
 *
 * Why our own frame instead of Plot's `title`/`legend` options: those make Plot return an HTML
 * `<figure>`, and an HTML figure cannot be saved as an SVG file or drawn onto a canvas for PNG export
 * without losing the title and legend. One self-contained SVG exports as is.
 *
 * Light and dark: every colour is written as an attribute in the light theme (INK on a white
 * paper), which is what an SVG file, a PNG or a page without our style sheet shows. What is drawn
 * on the chart's paper — the paper itself, the ink of titles, axes and labels, muted notes — also
 * carries a role class (`CHART_CLASS`), and the notebook's style sheet repaints those roles in the
 * page's theme (workbench.css). Colours drawn on a data fill (text inside a bar, the printed
 * ticks over it) keep their attribute: they are chosen against the fill, not the page.
 */
import { DEFAULT_LOCALE, formatNumber, formatPercent, messages, type Locale } from "../../base/locale/locale";

import { evidenceLegendText } from "../evidence/evidence-marker";
import { RECONSTRUCTION_INK, WHISKER_CLASS, type EvidenceLegend } from "./chart-evidence";

/** Font stack of every chart (SVG attribute value). */
export const CHART_FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";
/** Body text size (px) of axes, labels and legends. */
export const CHART_FONT_SIZE = 11;
/** Title size (px). */
export const TITLE_FONT_SIZE = 14;
/** Text and rule colour. */
export const INK = "#222222";
/**
 * Role classes of what a chart draws on its paper (see the header): the page repaints them in its
 * theme. Marks drawn in INK or MUTED_INK on the paper pass `className: CHART_CLASS.ink` / `.muted`.
 */
export const CHART_CLASS = {
  /** The outer `<svg>` of every survey chart (its `color` and `fill` are the theme's ink). */
  root: "tv-chart",
  /** The background. */
  paper: "tv-chart-paper",
  /** Ink on the paper: rules, intervals, labels outside bars. */
  ink: "tv-chart-ink",
  /** Secondary text and rules on the paper. */
  muted: "tv-chart-muted",
  /**
   * A chart the page must not scale below its drawn size (the correlation heatmap: scaled into a
   * phone's column its cells' figures were 3 px): the page shows it in a box that scrolls sideways,
   * at the width its style's `--tv-readable-width` names on a narrow screen.
   */
  scrolls: "tv-chart-scrolls",
} as const;
/** Secondary text (N, notes, side totals); 7:1 contrast on white. */
export const MUTED_INK = "#595959";

/**
 * The four status codes (1 har innført … 4 ingen planer): one hue darkening with progress, and a
 * neutral grey for "no plans", so the order reads without relying on hue (safe for deuteranopia and
 * in greyscale print).
 */
export const STATUS_COLORS: readonly string[] = ["#08306b", "#2f7dbb", "#9ecae1", "#d4d4d4"];
/** Printed figures drawn over recomputed ones: black when they agree, vermilion (Okabe–Ito) when not. */
export const PRINTED_TICK = "#000000";
/** See PRINTED_TICK. */
export const DISCREPANCY = "#d55e00";

/**
 * Four-point agreement / extent scales, ColorBrewer PuOr (colour-blind safe): purple for the agreeing /
 * "stor grad" side, orange for the disagreeing / "liten grad" side, darker at the ends.
 * Order: code 1, 2, 3, 4.
 */
export const DIVERGING_COLORS: readonly string[] = ["#5e3c99", "#b2abd2", "#fdb863", "#e66101"];
/**
 * `k` colours for the ordered categories of one stacked bar (a crosstab's columns): the four status
 * colours when they suffice, else `k` steps through the same dark-blue → grey ramp, so the order
 * still reads as lightness.
 */
export function orderedColors(k: number): string[] {
  if (k <= STATUS_COLORS.length) return STATUS_COLORS.slice(0, k);
  const stops = STATUS_COLORS.map((hex) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)));
  return Array.from({ length: k }, (_, i) => {
    const t = (i / (k - 1)) * (stops.length - 1);
    const a = stops[Math.floor(t)] ?? [0, 0, 0];
    const b = stops[Math.min(stops.length - 1, Math.floor(t) + 1)] ?? a;
    const f = t - Math.floor(t);
    return `#${a.map((x, j) => Math.round(x + f * ((b[j] ?? x) - x)).toString(16).padStart(2, "0")).join("")}`;
  });
}
/** "Vet ikke" / "Uaktuelt": neutral, outside the scale. */
export const DONT_KNOW_COLOR = "#bdbdbd";
/** Diverging scheme for correlations (−1 … 1), ColorBrewer RdBu (colour-blind safe). */
export const CORRELATION_SCHEME = "rdbu";
/** Single-series bars (rates by size class). */
export const BAR_COLOR = "#2f7dbb";

/** Text colour readable on `background` (hex #rrggbb): white on dark fills, ink on light ones. */
export function textColorOn(background: string): string {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(background);
  if (!m) return INK;
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => parseInt(h ?? "0", 16) / 255);
  const lin = (c: number): number => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  const luminance = 0.2126 * lin(r ?? 0) + 0.7152 * lin(g ?? 0) + 0.0722 * lin(b ?? 0);
  return luminance < 0.35 ? "#ffffff" : INK;
}

/** A chart's number in `locale` ("6,3" or "6.3"; the app's one number format, base/locale). */
export function formatNumberNo(value: number, decimals: number, locale: Locale = DEFAULT_LOCALE): string {
  return formatNumber(locale, value, decimals);
}

/** Percent as the report prints it: "6 %" or "6,3 %" (Norwegian), "6%" (English). */
export function formatPercentNo(percent: number, decimals = 0, locale: Locale = DEFAULT_LOCALE): string {
  return formatPercent(locale, percent, decimals);
}

/** Plot's tickFormat for a percent axis in `locale` (`abs`: both sides of a diverging axis count up). */
export function percentTicks(locale: Locale, abs = false): (d: number) => string {
  return (d) => formatPercent(locale, abs ? Math.abs(d) : d, 0);
}

/**
 * Rough width of `text` at `fontSize` in a sans-serif font. There is no layout engine under
 * linkedom, so label fitting must not measure; 0.58 em per character is a safe average.
 */
export function estimateTextWidth(text: string, fontSize = CHART_FONT_SIZE): number {
  return text.length * fontSize * 0.58;
}

/** `text` broken at spaces into lines of at most `maxWidth` (estimated); a longer word stands alone. */
export function wrapText(text: string, maxWidth: number, fontSize = CHART_FONT_SIZE): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter((w) => w !== "")) {
    const next = line === "" ? word : `${line} ${word}`;
    if (line !== "" && estimateTextWidth(next, fontSize) > maxWidth) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line !== "") lines.push(line);
  return lines;
}

/** One legend entry. */
export interface LegendItem {
  label: string;
  color: string;
  /** "swatch" (filled square, default) or "tick" (a short vertical line). */
  shape?: "swatch" | "tick";
}

/** Title, legend and note around the chart parts. */
export interface FrameOptions {
  document: Document;
  /** Title; by convention Norwegian with the English translation after an en dash. */
  title?: string;
  subtitle?: string;
  legend?: readonly LegendItem[];
  /** Small print under the chart (source, base, N). */
  note?: string;
  /** Total width; default: the widest part. */
  width?: number;
  /** What the plotted figures rest on (chart-evidence.ts): the tables' legend line under the chart. */
  evidence?: EvidenceLegend;
  /**
   * The width the title, subtitle, evidence legend and note are wrapped to, when narrower than the
   * chart. A chart the page scrolls sideways (the heatmap, `CHART_CLASS.scrolls`) keeps its words
   * within a phone's column; left out, the title is one line and the rest wraps to the chart's width.
   */
  textWidth?: number;
}

/** One part of the frame: an SVG (typically a Plot) placed at `x` (and `y`, default 0) in the chart area. */
export interface FramePart {
  svg: Element;
  x: number;
  y?: number;
  width: number;
  height: number;
}

const SVG_NS = "http://www.w3.org/2000/svg";
const PAD = 8;
/** The light bar a tick sits on in the legend. */
const TICK_KEY_BAR = "#e8e8e8";

function svgEl(document: Document, name: string, attrs: Record<string, string | number>): Element {
  const el = document.createElementNS(SVG_NS, name);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

function textEl(document: Document, text: string, attrs: Record<string, string | number>): Element {
  const el = svgEl(document, "text", attrs);
  el.textContent = text;
  return el;
}

/**
 * Put `parts` side by side under a title and a legend in one standalone `<svg>` (with xmlns, white
 * background, explicit font), ready for the page, an SVG file or a canvas.
 */
export function frameChart(parts: readonly FramePart[], options: FrameOptions): SVGSVGElement {
  const { document } = options;
  const chartWidth = Math.max(0, ...parts.map((p) => p.x + p.width));
  const width = options.width ?? chartWidth;
  const root = svgEl(document, "svg", {
    xmlns: SVG_NS,
    width,
    "font-family": CHART_FONT,
    "font-size": CHART_FONT_SIZE,
    fill: INK,
    color: INK,
    class: CHART_CLASS.root,
  });
  root.setAttribute("role", "img");
  // Scale down in a narrow notebook cell instead of overflowing; the viewBox keeps the proportions.
  root.setAttribute("style", "max-width:100%;height:auto");
  const children: Element[] = [svgEl(document, "rect", { width: "100%", height: "100%", fill: "#ffffff", class: CHART_CLASS.paper })];
  const textWidth = Math.min(width, options.textWidth ?? width);
  // Only a chart that asks for a text column wraps its title and subtitle (bold letters are wider).
  const lines = (text: string, fontSize: number): string[] => (options.textWidth === undefined ? [text] : wrapText(text, textWidth - 2 * PAD, fontSize));
  let y = PAD;
  if (options.title) {
    lines(options.title, TITLE_FONT_SIZE * 1.1).forEach((line, i) => {
      y += TITLE_FONT_SIZE + (i > 0 ? 3 : 0);
      children.push(textEl(document, line, { x: PAD, y, "font-size": TITLE_FONT_SIZE, "font-weight": "bold" }));
    });
    root.setAttribute("aria-label", options.title);
    y += 4;
  }
  if (options.subtitle) {
    for (const line of lines(options.subtitle, CHART_FONT_SIZE)) {
      y += CHART_FONT_SIZE + 2;
      children.push(textEl(document, line, { x: PAD, y, fill: MUTED_INK, class: CHART_CLASS.muted }));
    }
    y += 2;
  }
  if (options.legend && options.legend.length > 0) {
    y += 8;
    const g = svgEl(document, "g", { "aria-label": "legend" });
    let x = PAD;
    const rowHeight = CHART_FONT_SIZE + 8;
    for (const item of options.legend) {
      const itemWidth = 18 + estimateTextWidth(item.label) + 16;
      if (x > PAD && x + itemWidth > width - PAD) {
        x = PAD;
        y += rowHeight;
      }
      if (item.shape === "tick") {
        // A tick is drawn over a bar in the chart: the key draws it over a light bar too, so a black
        // tick still shows on a dark page.
        g.appendChild(svgEl(document, "rect", { x, y, width: 12, height: 12, fill: TICK_KEY_BAR, stroke: "#8c8c8c", "stroke-width": 0.5 }));
        g.appendChild(svgEl(document, "line", { x1: x + 6, x2: x + 6, y1: y - 1, y2: y + 13, stroke: item.color, "stroke-width": 2 }));
      } else g.appendChild(svgEl(document, "rect", { x, y, width: 12, height: 12, fill: item.color, stroke: "#8c8c8c", "stroke-width": 0.5 }));
      g.appendChild(textEl(document, item.label, { x: x + 18, y: y + 10 }));
      x += itemWidth;
    }
    children.push(g);
    y += rowHeight;
  }
  y += 4;
  const top = y;
  const chartHeight = Math.max(0, ...parts.map((p) => (p.y ?? 0) + p.height));
  for (const part of parts) {
    part.svg.setAttribute("x", String(part.x));
    part.svg.setAttribute("y", String(top + (part.y ?? 0)));
    part.svg.setAttribute("width", String(part.width));
    part.svg.setAttribute("height", String(part.height));
    children.push(part.svg);
  }
  y = top + chartHeight;
  if (options.evidence) {
    const block = evidenceLegendBlock(document, options.evidence, y + 6, textWidth);
    children.push(...block.elements);
    y = block.bottom;
  }
  if (options.note) {
    // Wrapped to the chart's width: one long line ran past the edge and was cut off.
    y += 4;
    for (const line of wrapText(options.note, textWidth - 2 * PAD, CHART_FONT_SIZE - 1)) {
      y += CHART_FONT_SIZE;
      children.push(textEl(document, line, { x: PAD, y, fill: MUTED_INK, "font-size": CHART_FONT_SIZE - 1, class: CHART_CLASS.muted }));
    }
  }
  y += PAD;
  root.setAttribute("height", String(Math.ceil(y)));
  root.setAttribute("viewBox", `0 0 ${width} ${Math.ceil(y)}`);
  for (const child of children) root.appendChild(child);
  if (!isSvgSvgElement(root)) throw new Error("frameChart: the document did not create an <svg> element; pass an HTML document (browser or linkedom)");
  return root;
}

/**
 * The hatch pattern of reconstruction-dependent marks and the legend of what the figures rest on:
 * one line per kind drawn, in the tables' words, with a swatch as the marks look (solid; hatched
 * and with a whisker for a dependent figure).
 */
function evidenceLegendBlock(document: Document, legend: EvidenceLegend, top: number, width: number): { elements: Element[]; bottom: number } {
  const pattern = svgEl(document, "pattern", { id: legend.hatchId, patternUnits: "userSpaceOnUse", width: 7, height: 7, patternTransform: "rotate(45)" });
  // A light and a dark stripe: one of them shows on every fill, dark blue to light grey.
  pattern.appendChild(svgEl(document, "line", { x1: 1, y1: 0, x2: 1, y2: 7, stroke: "#ffffff", "stroke-width": 1.6, "stroke-opacity": 0.7 }));
  pattern.appendChild(svgEl(document, "line", { x1: 2.8, y1: 0, x2: 2.8, y2: 7, stroke: "#000000", "stroke-width": 0.7, "stroke-opacity": 0.3 }));
  const defs = svgEl(document, "defs", {});
  defs.appendChild(pattern);
  const g = svgEl(document, "g", { "aria-label": "evidence legend", class: "tv-ev-legend" });
  const texts = evidenceLegendText(legend.kinds, legend.draws, legend.locale);
  let y = top;
  legend.kinds.forEach((kind, i) => {
    const dependent = kind === "reconstruction";
    const line = `${texts[i] ?? ""}${dependent && legend.ranges ? messages[legend.locale].whiskerSpansRange : ""}`;
    // One group per kind, labelled with its whole line (the text itself is wrapped into lines).
    const entry = svgEl(document, "g", { "aria-label": line });
    g.appendChild(entry);
    entry.appendChild(svgEl(document, "rect", { x: PAD, y, width: 12, height: 12, fill: MUTED_INK, "fill-opacity": 0.55 }));
    if (dependent) {
      entry.appendChild(svgEl(document, "rect", { x: PAD, y, width: 12, height: 12, fill: `url(#${legend.hatchId})` }));
      if (legend.ranges) entry.appendChild(svgEl(document, "line", { x1: PAD - 2, x2: PAD + 14, y1: y + 14, y2: y + 14, stroke: RECONSTRUCTION_INK, "stroke-width": 1.5, class: WHISKER_CLASS }));
    }
    const lines = wrapText(line, width - 2 * PAD - 18, CHART_FONT_SIZE - 1);
    lines.forEach((text, j) => entry.appendChild(textEl(document, text, { x: PAD + 18, y: y + 10 + j * CHART_FONT_SIZE, fill: MUTED_INK, "font-size": CHART_FONT_SIZE - 1, class: CHART_CLASS.muted })));
    y += Math.max(16, lines.length * CHART_FONT_SIZE + 4);
  });
  return { elements: [defs, g], bottom: y };
}

/** Narrow an Element to SVGSVGElement without a cast (works under linkedom, which has no SVG classes). */
export function isSvgSvgElement(el: unknown): el is SVGSVGElement {
  return typeof el === "object" && el !== null && "tagName" in el && typeof el.tagName === "string" && el.tagName.toLowerCase() === "svg";
}

/** Plot returns `SVGSVGElement | HTMLElement`; our charts never ask for a figure, so insist on the svg. */
export function plotSvg(el: Element): SVGSVGElement {
  if (isSvgSvgElement(el)) return el;
  const inner = el.querySelector("svg");
  if (isSvgSvgElement(inner)) return inner;
  throw new Error("Plot returned no <svg>; do not pass title/legend options to Plot, use frameChart instead");
}
