/**
 * Save a chart: SVG element → standalone SVG file (styles inlined, namespaces set), → PNG through a
 * canvas at 2× scale, and the download itself. Browser only; no imports so it can also be injected
 * into a bare page (scripts/render-chart-png.ts checks the PNG path in Chromium).
 *
 * Why inline styles: a chart on the page inherits CSS (font, `currentColor`, Plot's scoped class
 * rules, and workbench.css's rules for the survey charts — the status and diverging bars carry no
 * `<style>` of their own, so their labels' `white-space: pre` comes from there). An SVG file or an
 * `<img>` drawn onto a canvas sees none of it, so the computed values are copied onto each element
 * before serializing.
 *
 * A saved chart is read on its own — pasted into a document, printed, opened in a viewer — mostly on
 * white: it is saved in the light theme whatever the page's theme (docs/decisions.md, "Charts in the
 * dark theme"). While the styles are copied the chart carries the class that puts it back in the
 * light theme (workbench.css), so the copied values are the light ones; the page never paints it.
 */

const SVG_NS = "http://www.w3.org/2000/svg";
const XLINK_NS = "http://www.w3.org/1999/xlink";
/** The class that puts an element in the light theme (workbench.css). */
const LIGHT_THEME_CLASS = "nb-light-theme";

/** Properties that change how an SVG paints; copied from computed style when inlining. */
const PAINT_PROPERTIES = [
  "fill", "fill-opacity", "stroke", "stroke-width", "stroke-opacity", "stroke-dasharray", "stroke-linecap",
  "stroke-linejoin", "opacity", "font-family", "font-size", "font-weight", "font-style", "font-variant",
  "text-anchor", "dominant-baseline", "letter-spacing", "white-space", "visibility", "color",
] as const;

/** Options of `serializeSvg` / `svgBlob`. */
export interface SerializeOptions {
  /**
   * Copy computed paint styles onto each element. Needs the SVG to be in a rendered document; default
   * true when `getComputedStyle` is available and the SVG is connected.
   */
  inlineStyles?: boolean;
}

/** Options of `pngBlob`. */
export interface PngOptions {
  /** Device pixels per CSS pixel. Default 2 (sharp on high-DPI screens and in print). */
  scale?: number;
  /** Canvas fill under the chart; PNG has no page behind it. Default white. */
  background?: string;
}

/** Element check without the global `Element` class (absent under linkedom in Node). */
function isElement(node: Node): node is Element {
  return node.nodeType === 1;
}

function isSvgElement(el: Element | null | undefined): el is SVGSVGElement {
  return !!el && el.namespaceURI === SVG_NS && el.localName === "svg";
}

/** The chart SVG in an output: the element itself, or the outermost `<svg>` inside it. */
export function findChartSvg(output: Element): SVGSVGElement | null {
  if (isSvgElement(output)) return output;
  const svg = output.querySelector("svg");
  return isSvgElement(svg) ? svg : null;
}

function inlineComputedStyles(source: Element, clone: Element): void {
  const view = source.ownerDocument.defaultView;
  if (!view) return;
  const sources = [source, ...source.querySelectorAll("*")];
  const clones = [clone, ...clone.querySelectorAll("*")];
  const computedOf = new Map<Element, CSSStyleDeclaration>();
  sources.forEach((el, i) => {
    const target = clones[i];
    if (!target || el.localName === "style" || el.localName === "title") return;
    const computed = view.getComputedStyle(el);
    computedOf.set(el, computed);
    const parent = el === source || !el.parentElement ? undefined : computedOf.get(el.parentElement);
    // Write only what differs from the parent (inheritance fills in the rest) to keep the file small;
    // opacity is not inherited, so it is written whenever it is not the default.
    const declarations = PAINT_PROPERTIES.map((p) => [p, computed.getPropertyValue(p)] as const)
      .filter(([p, v]) => v !== "" && (p === "opacity" ? v !== "1" : !parent || parent.getPropertyValue(p) !== v))
      .map(([p, v]) => `${p}:${v}`);
    if (declarations.length > 0) target.setAttribute("style", `${declarations.join(";")};${target.getAttribute("style") ?? ""}`);
  });
}

/** `inlineComputedStyles` as the light theme paints the chart (added and removed in one task: never painted). */
function inlineLightStyles(source: SVGSVGElement, clone: Element): void {
  const wasLight = source.classList.contains(LIGHT_THEME_CLASS);
  source.classList.add(LIGHT_THEME_CLASS);
  try {
    inlineComputedStyles(source, clone);
  } finally {
    if (!wasLight) source.classList.remove(LIGHT_THEME_CLASS);
  }
}

/** Pixel size of the chart: width/height attributes, else the viewBox, else its layout box. */
export function svgSize(svg: SVGSVGElement): { width: number; height: number } {
  const w = Number(svg.getAttribute("width"));
  const h = Number(svg.getAttribute("height"));
  if (w > 0 && h > 0) return { width: w, height: h };
  const box = (svg.getAttribute("viewBox") ?? "").split(/[\s,]+/).map(Number);
  if (box.length === 4 && (box[2] ?? 0) > 0 && (box[3] ?? 0) > 0) return { width: box[2] ?? 0, height: box[3] ?? 0 };
  const rect = svg.getBoundingClientRect();
  return { width: Math.ceil(rect.width), height: Math.ceil(rect.height) };
}

/**
 * `text` without the characters XML 1.0 forbids (C0 controls other than tab, LF, CR; U+FFFE/U+FFFF).
 * A chart title or label from the data may hold one, and the serializer writes it as is, which
 * leaves an SVG file no viewer opens; each becomes U+FFFD.
 */
export function xmlSafe(text: string): string {
  let out = "";
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    const forbidden = (cp < 0x20 && cp !== 0x09 && cp !== 0x0a && cp !== 0x0d) || cp === 0xfffe || cp === 0xffff;
    out += forbidden ? "\ufffd" : ch;
  }
  return out;
}

/** Standalone SVG text (with XML declaration and namespaces) of `svg`; the page's element is untouched. */
export function serializeSvg(svg: SVGSVGElement, options: SerializeOptions = {}): string {
  const clone = svg.cloneNode(true);
  if (!isElement(clone)) throw new Error("serializeSvg: cloning the chart gave no element");
  const canInline = svg.isConnected && typeof svg.ownerDocument.defaultView?.getComputedStyle === "function";
  if (options.inlineStyles ?? canInline) inlineLightStyles(svg, clone);
  clone.setAttribute("xmlns", SVG_NS);
  if (clone.querySelector("[href], [xlink\\:href]")) clone.setAttribute("xmlns:xlink", XLINK_NS);
  const { width, height } = svgSize(svg);
  if (!clone.getAttribute("width") && width > 0) clone.setAttribute("width", String(width));
  if (!clone.getAttribute("height") && height > 0) clone.setAttribute("height", String(height));
  // XMLSerializer gives well-formed XML in the browser; outerHTML is the fallback under linkedom.
  const Serializer = globalThis.XMLSerializer;
  const text = typeof Serializer === "function" ? new Serializer().serializeToString(clone) : clone.outerHTML;
  return `<?xml version="1.0" encoding="UTF-8"?>\n${xmlSafe(text)}\n`;
}

/** The chart as an SVG file blob. */
export function svgBlob(svg: SVGSVGElement, options: SerializeOptions = {}): Blob {
  return new Blob([serializeSvg(svg, options)], { type: "image/svg+xml;charset=utf-8" });
}

/** The chart as a PNG blob, drawn through an `<img>` onto a canvas at `scale`. */
export async function pngBlob(svg: SVGSVGElement, options: PngOptions = {}): Promise<Blob> {
  const scale = options.scale ?? 2;
  const { width, height } = svgSize(svg);
  if (!(width > 0 && height > 0)) throw new Error("pngBlob: the chart has no size; render it into the page (or give the <svg> width and height) before exporting");
  const doc = svg.ownerDocument;
  const url = URL.createObjectURL(svgBlob(svg));
  try {
    const img = doc.createElement("img");
    img.width = width;
    img.height = height;
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error("pngBlob: the browser could not load the serialized SVG as an image"));
      img.src = url;
    });
    const canvas = doc.createElement("canvas");
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const ctx = canvas.getContext("2d");
    if (!ctx) throw new Error("pngBlob: no 2D canvas context is available in this browser");
    ctx.fillStyle = options.background ?? "#ffffff";
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.scale(scale, scale);
    ctx.drawImage(img, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) => {
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("pngBlob: the canvas could not be encoded as PNG"))), "image/png");
    });
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Offer `blob` as a download named `filename`. */
export function downloadBlob(blob: Blob, filename: string, doc: Document = document): void {
  const url = URL.createObjectURL(blob);
  const a = doc.createElement("a");
  a.href = url;
  a.download = filename;
  a.rel = "noopener";
  a.style.display = "none";
  doc.body.appendChild(a);
  a.click();
  a.remove();
  // Revoking at once can cancel the download in some browsers; a minute is plenty.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
