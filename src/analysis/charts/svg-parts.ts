/**
 * The pieces the hand-drawn charts (status-bars.ts, diverging-bars.ts, size-class-rates.ts,
 * correlation-heatmap.ts, crosswalk/bms-timeline.ts) are built from: an
 * element with its attributes in one pass, Plot's band and linear scales and tick choice, the axes,
 * multi-line labels, and marks that draw many shapes as one `<path>`.
 *
 * Why not Plot: these charts are redrawn in view on every filter change. Plot built each one
 * through channels, scales and a d3 selection per mark, and left a `<style>` element in every panel
 * (the browser reprocesses a stylesheet for each); its one effective rule (`white-space: pre` on the
 * texts) now lives in the app's style sheet and, for a saved chart, in the styles export-chart.ts
 * inlines. The geometry is Plot's — the same band rounding, tick steps and label offsets — so the
 * charts look as they did (test/unit/charts/plot-geometry.test.ts compares them with Plot's drawing).
 * Shapes that carry no tooltip of their own (hatching, whiskers, axis ticks) are one path each.
 */

const SVG_NS = "http://www.w3.org/2000/svg";
/** Font size (px) of the text inside a panel (the unit of the `em` offsets below). */
const EM = 11;

/** Attribute values; `undefined` leaves the attribute out. */
export type Attrs = Record<string, string | number | undefined>;

/** Elements that may carry an `aria-label` without a role (a `<g>` gets role="group" in components/output-a11y.ts). */
const MAY_BE_NAMED = new Set(["g", "svg", "text"]);

/**
 * An SVG element with `attrs` set (and `text` as its content).
 *
 * A mark Plot drew as `<g aria-label="rule"><line/></g>` is drawn here as one shape (a rule, all the
 * hatching or all the whiskers of a panel as one path) and keeps the label, but `aria-label` is not
 * allowed on a bare shape (axe-core: aria-prohibited-attr). Such a shape tells a screen reader
 * nothing the bars' titles and the table do not, so it is hidden from assistive technology.
 */
export function svgNode(document: Document, name: string, attrs: Attrs, text?: string): Element {
  const el = document.createElementNS(SVG_NS, name);
  for (const key in attrs) {
    const value = attrs[key];
    if (value !== undefined) el.setAttribute(key, String(value));
  }
  if (attrs["aria-label"] !== undefined && attrs.role === undefined && !MAY_BE_NAMED.has(name)) el.setAttribute("aria-hidden", "true");
  if (text !== undefined) el.textContent = text;
  return el;
}

/** `children` appended to `parent`; returns the parent. */
export function withChildren(parent: Element, children: readonly Element[]): Element {
  for (const child of children) parent.appendChild(child);
  return parent;
}

/** A `<g>` with `attrs` holding `children`. */
export function group(document: Document, attrs: Attrs, children: readonly Element[]): Element {
  return withChildren(svgNode(document, "g", attrs), children);
}

/** A shape with its tooltip as a `<title>` child (the browser shows it on hover). */
export function titled(document: Document, name: string, attrs: Attrs, title: string): Element {
  return withChildren(svgNode(document, name, attrs), [svgNode(document, "title", {}, title)]);
}

/** A linear scale mapping `domain` onto `range` (no nicening, no clamping — Plot's with an explicit domain). */
export function linearScale(domain: readonly [number, number], range: readonly [number, number]): (v: number) => number {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const k = (r1 - r0) / (d1 - d0);
  return (v) => r0 + (v - d0) * k;
}

/** Positions of a band scale: the top of each key's band and the band's height. */
export interface BandScale {
  /** Top of `key`'s band (NaN for a key outside the domain). */
  at(key: string): number;
  bandwidth: number;
}

/**
 * d3's band scale as Plot sets it up for a bar chart's categories: `padding` inside and outside,
 * centred, rounded to whole pixels.
 */
export function bandScale(domain: readonly string[], range: readonly [number, number], padding: number): BandScale {
  const [r0, r1] = range;
  const n = domain.length;
  const step = Math.floor((r1 - r0) / Math.max(1, n - padding + padding * 2));
  const start = Math.round(r0 + (r1 - r0 - step * (n - padding)) * 0.5);
  const index = new Map(domain.map((key, i) => [key, i]));
  return {
    at: (key) => {
      const i = index.get(key);
      return i === undefined ? Number.NaN : start + step * i;
    },
    bandwidth: Math.round(step * (1 - padding)),
  };
}

/** d3's `ticks(start, stop, count)`: round steps of 1, 2 or 5 × 10ⁿ, about `count` of them (Plot's choice). */
export function linearTicks(start: number, stop: number, count: number): number[] {
  const step = (stop - start) / Math.max(0, count);
  const power = Math.floor(Math.log10(step));
  const error = step / 10 ** power;
  const factor = error >= Math.sqrt(50) ? 10 : error >= Math.sqrt(10) ? 5 : error >= Math.sqrt(2) ? 2 : 1;
  // Below 1 the step is divided instead of multiplied, as d3 does, to keep 0.1 exact.
  const inv = power < 0 ? 10 ** -power / factor : 0;
  const inc = power < 0 ? 0 : 10 ** power * factor;
  const at = (i: number): number => (power < 0 ? i / inv : i * inc);
  let i1 = Math.round(power < 0 ? start * inv : start / inc);
  let i2 = Math.round(power < 0 ? stop * inv : stop / inc);
  if (at(i1) < start) ++i1;
  if (at(i2) > stop) --i2;
  if (i2 < i1 && count >= 0.5 && count < 2) return linearTicks(start, stop, count * 2);
  return Array.from({ length: Math.max(0, i2 - i1 + 1) }, (_, i) => at(i1 + i));
}

/**
 * Plot's half-pixel nudge: on a screen of one device pixel per CSS pixel, lines, ticks and texts are
 * drawn half a pixel right and down so a 1 px line on a whole coordinate fills one pixel column
 * instead of blurring over two (bars are not moved). None on a sharper screen or without a window
 * (Node, linkedom), as Plot decides.
 */
export function pixelOffset(document: Document): number {
  const ratio = document.defaultView?.devicePixelRatio;
  return typeof ratio === "number" && ratio <= 1 ? 0.5 : 0;
}

/** Plot's tick count for an axis: one tick per `spacing` px of range (80 for x, 35 for y). */
export function tickCountFor(range: readonly [number, number], spacing = 80): number {
  return Math.abs(range[1] - range[0]) / spacing;
}

/** The bottom axis of a panel: tick marks, their labels and the axis label, as Plot places them. */
export interface XAxisOptions<T = number> {
  x: (v: T) => number;
  ticks: readonly T[];
  /** A tick's label; a "\n" breaks it into lines (Plot's, the first line's top at the tick). */
  format: (v: T) => string;
  /** y of the axis line (the bottom of the plot area). */
  y: number;
  /** The axis label; none when left out (Plot's `label: null`). */
  label?: string;
  /** x of the axis label (the middle of the range). */
  labelX: number;
  /** How far under the axis line the label is (Plot: the bottom margin − 3). Default 27. */
  labelOffset?: number;
  /** Numbers (tabular figures, Plot's quantitative axis; the default) or categories (a band axis). */
  numeric?: boolean;
  /** `pixelOffset` of the document. */
  offset: number;
}

/** The x axis: one path for every tick mark, a text per tick, and the label under them. */
export function xAxis<T>(document: Document, o: XAxisOptions<T>): Element[] {
  return [
    svgNode(document, "path", { "aria-label": "x-axis tick", "aria-hidden": "true", fill: "none", stroke: "currentColor", d: o.ticks.map((t) => `M${o.x(t) + o.offset},${o.y}v6`).join("") }),
    group(document, { "aria-label": "x-axis tick label", "font-variant": o.numeric === false ? undefined : "tabular-nums" },
      o.ticks.map((t) => multilineText(document, o.format(t).split("\n"), o.x(t) + o.offset, o.y + 9 + o.offset, "top"))),
    ...(o.label === undefined ? [] : [svgNode(document, "text", { "aria-label": "x-axis label", transform: `translate(${o.labelX + o.offset},${o.y + (o.labelOffset ?? 27) + o.offset})` }, o.label)]),
  ];
}

/** The left axis of a quantitative y scale, as Plot draws it with `grid: true`. */
export interface YAxisOptions {
  y: (v: number) => number;
  ticks: readonly number[];
  format: (v: number) => string;
  /** x of the axis (the left edge of the plot area) and of the grid's right end. */
  x: number;
  gridTo: number;
  /** The axis label, written at the top-left corner of the panel. */
  label: string;
  /** `pixelOffset` of the document. */
  offset: number;
}

/** Grid lines (one faint path), tick marks (one path), a label per tick 9 px left of the axis, the label above. */
export function yAxis(document: Document, o: YAxisOptions): Element[] {
  const at = (t: number): number => o.y(t) + o.offset;
  return [
    svgNode(document, "path", { "aria-label": "y-grid", "aria-hidden": "true", fill: "none", stroke: "currentColor", "stroke-opacity": 0.1, d: o.ticks.map((t) => `M${o.x},${at(t)}H${o.gridTo}`).join("") }),
    svgNode(document, "path", { "aria-label": "y-axis tick", "aria-hidden": "true", fill: "none", stroke: "currentColor", d: o.ticks.map((t) => `M${o.x},${at(t)}h-6`).join("") }),
    group(document, { "aria-label": "y-axis tick label", "font-variant": "tabular-nums", "text-anchor": "end" }, o.ticks.map((t) => label(document, o.format(t), o.x - 9 + o.offset, at(t)))),
    // Plot's label of a left axis at the top: 3 px inside the panel's corner, hanging down from there.
    svgNode(document, "text", { "aria-label": "y-axis label", "text-anchor": "start", transform: `translate(${3 + o.offset},${3 + o.offset})`, y: "0.71em" }, o.label),
  ];
}

/**
 * Y-axis labels right-aligned `9` px left of `x`, each centred on its band: a text per key, broken
 * into lines of at most `lineWidth` ems as Plot breaks them (Infinity: one line). `offset`: pixelOffset.
 */
export function yAxisLabels(document: Document, keys: readonly string[], band: BandScale, x: number, offset: number, lineWidth = Infinity): Element {
  return group(document, { "aria-label": "y-axis tick label", "text-anchor": "end" }, keys.map((key) => {
    const mid = band.at(key) + band.bandwidth / 2;
    return multilineText(document, lineWidth === Infinity ? [key] : wrapLikePlot(key, lineWidth), x - 9 + offset, mid + offset);
  }));
}

/** Tick marks 6 px left of `x` at the middle of each band (Plot's default y axis). `offset`: pixelOffset. */
export function yAxisTicks(document: Document, keys: readonly string[], band: BandScale, x: number, offset: number): Element {
  return svgNode(document, "path", { "aria-label": "y-axis tick", "aria-hidden": "true", fill: "none", stroke: "currentColor", d: keys.map((k) => `M${x},${band.at(k) + band.bandwidth / 2 + offset}h-6`).join("") });
}

/**
 * A text of `lines` vertically centred on `y` (Plot's `lineAnchor: "middle"`, one em per line), or
 * hanging from `y` (`"top"`, an x axis's tick labels). Placed as Plot places it — a translate to the
 * anchor point and the offset in ems — because Chromium rasterises a glyph run placed by `x`/`y` a
 * fraction of a pixel differently.
 */
export function multilineText(document: Document, lines: readonly string[], x: number, y: number, anchor: "middle" | "top" = "middle"): Element {
  const n = lines.length;
  const first = anchor === "top" ? 0.71 : (164 - n * 100) / 200;
  const transform = `translate(${x},${y})`;
  if (n <= 1) return svgNode(document, "text", { transform, y: `${first}em` }, lines[0] ?? "");
  return withChildren(svgNode(document, "text", { transform }), lines.map((line, i) => svgNode(document, "tspan", i === 0 ? { x: 0, y: `${first}em` } : { x: 0, dy: "1em" }, line)));
}

/** A single-line label centred on `y` (what `multilineText` gives for one line, without the array). */
export function label(document: Document, text: string, x: number, y: number): Element {
  return svgNode(document, "text", { transform: `translate(${x},${y})`, y: "0.32em" }, text);
}

/** One rectangle of a combined path. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The outline of `boxes` as one path's data (drawn as one element: the hatching over many bars). */
export function boxesPath(boxes: readonly Box[]): string {
  return boxes.map((b) => `M${b.x},${b.y}h${b.width}v${b.height}h${-b.width}Z`).join("");
}

/** A horizontal segment (x1 → x2 at y) or a vertical one (y1 → y2 at x). */
export type Segment = { x1: number; x2: number; y: number } | { x: number; y1: number; y2: number };

/** Segments as one path's data (whiskers, interval rules: no tooltip of their own, one stroke). */
export function segmentsPath(segments: readonly Segment[]): string {
  return segments.map((s) => ("y" in s ? `M${s.x1},${s.y}H${s.x2}` : `M${s.x},${s.y1}V${s.y2}`)).join("");
}

/**
 * One panel of a chart: an `<svg>` that frameChart places, with Plot's defaults for what is drawn in
 * it (ink from the page's `currentColor`, centred text, Plot's font) and its text size (px).
 */
export function panel(document: Document, children: readonly Element[], fontSize = EM): Element {
  return withChildren(svgNode(document, "svg", { fill: "currentColor", "font-family": "system-ui, sans-serif", "font-size": fontSize, "text-anchor": "middle" }), children);
}

/*
 * Plot's line breaking of axis labels (marks/text.js): break after a space or hyphen when the line
 * would grow past `lineWidth` ems, each character measured by Plot's table of widths at 10 px
 * system-ui (hundredths of an em; any other character as wide as "e").
 */
const WIDTH_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 !\"'(),-./:;?‘’“”…";
const WIDTHS = [
  56, 63, 57, 63, 58, 37, 62, 60, 26, 26, 55, 26, 88, 60, 60, 62, 62, 39, 54, 38, 60, 55, 79, 54, 55, 55,
  69, 67, 73, 74, 61, 58, 76, 75, 28, 55, 67, 58, 89, 75, 78, 65, 78, 67, 65, 65, 75, 69, 98, 69, 67, 67,
  64, 48, 62, 64, 66, 63, 65, 58, 65, 65,
  29, 32, 49, 31, 39, 39, 31, 48, 31, 32, 31, 31, 52, 31, 31, 47, 47, 82,
];
const WIDTH_OF = new Map([...WIDTH_CHARS].map((c, i) => [c, WIDTHS[i] ?? 58]));
const SOFT_HYPHEN = "\u00ad";

function plotWidth(text: string): number {
  let sum = 0;
  for (const ch of text) sum += WIDTH_OF.get(ch) ?? 58;
  return sum;
}

/** `text` broken into lines as Plot's text mark breaks it at `lineWidth` ems. */
export function wrapLikePlot(text: string, lineWidth: number): string[] {
  const maxWidth = lineWidth * 100;
  const lines: string[] = [];
  let lineStart: number | undefined;
  let lineEnd = 0;
  for (const [wordStart, wordEnd, required] of lineBreaks(text)) {
    if (lineStart === undefined) lineStart = wordStart;
    if (lineEnd > lineStart && plotWidth(text.slice(lineStart, wordEnd)) > maxWidth) {
      lines.push(text.slice(lineStart, lineEnd) + (text[lineEnd - 1] === SOFT_HYPHEN ? "-" : ""));
      lineStart = wordStart;
    }
    if (required) {
      lines.push(text.slice(lineStart, wordEnd));
      lineStart = undefined;
      continue;
    }
    lineEnd = wordEnd;
  }
  return lines;
}

/** Plot's break opportunities: [start, end, required] of each word. */
function* lineBreaks(input: string): Generator<[number, number, boolean]> {
  let i = 0;
  let j = 0;
  const n = input.length;
  while (j < n) {
    const c = input[j];
    if (c === SOFT_HYPHEN || c === "-") {
      ++j;
      yield [i, j, false];
      i = j;
    } else if (c === " ") {
      yield [i, j, false];
      while (input[++j] === " ");
      i = j;
    } else if (c === "\r" || c === "\n") {
      yield [i, j, true];
      j += c === "\r" && input[j + 1] === "\n" ? 2 : 1;
      i = j;
    } else ++j;
  }
  yield [i, j, true];
}
