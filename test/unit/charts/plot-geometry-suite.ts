/**
 * The comparison of the hand-drawn status bars, diverging bars, size-class rates and correlation heatmap (svg-parts.ts) with the Plot charts
 * they replace (kept in plot-reference/), run by plot-geometry.test.ts (no window: Plot's drawing in
 * Node) and plot-geometry-screen.test.ts (a screen of one device pixel per CSS pixel, where Plot
 * nudges lines and texts half a pixel). For each input, every bar's box, fill and tooltip, every text's words
 * and where it lands (after Plot's transforms and em offsets), every line drawn (axis ticks, rules,
 * printed ticks, whiskers) and every hatched box must be the same, and the frame around them the
 * same size. Inputs: the printed tables, a model without answers, a narrow chart, the English
 * labels, and figures carrying evidence (hatched, with whiskers, split by kind); for the rates also
 * a county's few municipalities (suppressed classes, a class without an interval) and no overall line;
 * for the heatmap also strong negative and positive r, NaN and missing cells, small and masked pairs,
 * the lower triangle, Spearman with FDR, long labels and another cell size.
 */
import { describe, expect, it } from "vitest";
import { correlationHeatmap, maskSmallPairs, type HeatmapCorrelation, type HeatmapInput } from "../../../src/analysis/charts/correlation-heatmap";
import { divergingBars, type DivergingItem } from "../../../src/analysis/charts/diverging-bars";
import { bmsTimelineChart, type BmsTimeline, type TimelineSegment } from "../../../src/analysis/crosswalk/bms-timeline";
import { sizeClassRates, type SizeClassRate } from "../../../src/analysis/charts/size-class-rates";
import { statusBars, type StatusBarModel } from "../../../src/analysis/charts/status-bars";
import type { Evidence } from "../../../src/analysis/evidence/evidence";
import { FIGUR_7, HEATMAP, SIZE_CLASSES, TABELL_2_1, TABELL_2_9 } from "./chart-fixtures";
import { plotBmsTimelineChart } from "./plot-reference/plot-bms-timeline";
import { plotCorrelationHeatmap } from "./plot-reference/plot-correlation-heatmap";
import { plotDivergingBars } from "./plot-reference/plot-diverging-bars";
import { plotSizeClassRates } from "./plot-reference/plot-size-class-rates";
import { plotStatusBars } from "./plot-reference/plot-status-bars";

const EM = 11;

/** Sum of the translate() offsets of `el` and its ancestors up to (not including) `stop`. */
function offset(el: Element, stop: Element): [number, number] {
  let x = 0;
  let y = 0;
  for (let e: Element | null = el; e && e !== stop; e = e.parentElement) {
    const m = /translate\(([-\d.e]+),([-\d.e]+)\)/.exec(e.getAttribute("transform") ?? "");
    if (m) {
      x += Number(m[1]);
      y += Number(m[2]);
    }
  }
  return [x, y];
}

/** An attribute length in px (a number, or ems of the 11 px panel font). */
function px(value: string | null): number {
  if (value === null) return 0;
  return value.endsWith("em") ? Number(value.slice(0, -2)) * EM : Number(value);
}

/** The nearest value of `attr` on `el` or an ancestor inside `stop`. */
function inherited(el: Element, stop: Element, attr: string): string {
  for (let e: Element | null = el; e && e !== stop; e = e.parentElement) {
    const v = e.getAttribute(attr);
    if (v !== null && v !== "") return v;
  }
  return "";
}

const r = (n: number): string => (Math.round(n * 1e6) / 1e6).toFixed(6);

/** Every line of text in a panel where it is drawn: words, x, y (baseline), anchor, fill, class. */
function texts(panel: Element): string[] {
  const out: string[] = [];
  for (const text of panel.querySelectorAll("text")) {
    const [ox, oy] = offset(text, panel);
    const tspans = [...text.querySelectorAll("tspan")];
    // Its turn (a rotated axis label), and what sets its look: anchor, ink, class, figures, size, weight.
    const turn = /rotate\(([-\d.e]+)\)/.exec(text.getAttribute("transform") ?? "")?.[1] ?? "";
    const look = ["text-anchor", "fill", "class", "font-variant", "font-size", "font-weight"].map((a) => inherited(text, panel, a));
    const common = `${look.join("|")}|${turn}`;
    if (tspans.length === 0) {
      out.push(`${text.textContent ?? ""}|${r(ox + px(text.getAttribute("x")))}|${r(oy + px(text.getAttribute("y")) + px(text.getAttribute("dy")))}|${common}`);
      continue;
    }
    let y = oy + px(text.getAttribute("y"));
    for (const t of tspans) {
      y = t.getAttribute("y") !== null ? oy + px(t.getAttribute("y")) : y + px(t.getAttribute("dy"));
      out.push(`${t.textContent ?? ""}|${r(ox + px(t.getAttribute("x")))}|${r(y)}|${common}`);
    }
  }
  return out.sort();
}

/** Every stroked segment in a panel (lines, and the subpaths of paths), with its stroke, width and class. */
function segments(panel: Element): string[] {
  const out: string[] = [];
  const style = (el: Element): string => `${inherited(el, panel, "stroke")}|${inherited(el, panel, "stroke-width")}|${inherited(el, panel, "class")}|${el.querySelector("title")?.textContent ?? ""}`;
  for (const line of panel.querySelectorAll("line")) {
    const [ox, oy] = offset(line, panel);
    out.push(`${r(ox + px(line.getAttribute("x1")))},${r(oy + px(line.getAttribute("y1")))} ${r(ox + px(line.getAttribute("x2")))},${r(oy + px(line.getAttribute("y2")))}|${style(line)}`);
  }
  for (const path of panel.querySelectorAll("path")) {
    if (inherited(path, panel, "stroke") === "" || inherited(path, panel, "stroke") === "none") continue;
    const [ox, oy] = offset(path, panel);
    // Plot's "M0,0L-6,0" under a translate, or ours "Mx,yh-6" / "Mx,yv6" / "Mx,yHx2" / "Mx,yVy2": each a segment.
    for (const m of (path.getAttribute("d") ?? "").matchAll(/M([-\d.e]+),([-\d.e]+)(?:L([-\d.e]+),([-\d.e]+)|h([-\d.e]+)|v([-\d.e]+)|H([-\d.e]+)|V([-\d.e]+))/g)) {
      const x1 = Number(m[1]);
      const y1 = Number(m[2]);
      const x2 = m[3] !== undefined ? Number(m[3]) : m[5] !== undefined ? x1 + Number(m[5]) : m[7] !== undefined ? Number(m[7]) : x1;
      const y2 = m[4] !== undefined ? Number(m[4]) : m[6] !== undefined ? y1 + Number(m[6]) : m[8] !== undefined ? Number(m[8]) : y1;
      out.push(`${r(ox + x1)},${r(oy + y1)} ${r(ox + x2)},${r(oy + y2)}|${style(path)}`);
    }
  }
  return out.sort();
}

/** Every bar with a tooltip: its box, fill, stroke, class and tooltip. */
function bars(panel: Element): string[] {
  return [...panel.querySelectorAll("rect")].filter((rect) => !inherited(rect, panel, "fill").startsWith("url(")).map((rect) => {
    const [ox, oy] = offset(rect, panel);
    return `${r(ox + px(rect.getAttribute("x")))},${r(oy + px(rect.getAttribute("y")))} ${r(px(rect.getAttribute("width")))}x${r(px(rect.getAttribute("height")))}|${inherited(rect, panel, "fill")}|${inherited(rect, panel, "stroke")}|${inherited(rect, panel, "class")}|${rect.querySelector("title")?.textContent ?? ""}`;
  }).sort();
}

/** Every box filled with the hatch pattern (Plot: one rect each; ours: the subpaths of one path). */
function hatched(panel: Element): string[] {
  const out: string[] = [];
  for (const el of panel.querySelectorAll("[fill^='url(#'], [fill^='url(#'] rect")) {
    const [ox, oy] = offset(el, panel);
    const cls = inherited(el, panel, "class");
    const events = inherited(el, panel, "pointer-events");
    if (el.localName === "rect") out.push(`${r(ox + px(el.getAttribute("x")))},${r(oy + px(el.getAttribute("y")))} ${r(px(el.getAttribute("width")))}x${r(px(el.getAttribute("height")))}|${cls}|${events}`);
    for (const m of (el.localName === "path" ? el.getAttribute("d") ?? "" : "").matchAll(/M([-\d.e]+),([-\d.e]+)h([-\d.e]+)v([-\d.e]+)/g)) {
      out.push(`${r(ox + Number(m[1]))},${r(oy + Number(m[2]))} ${r(Number(m[3]))}x${r(Number(m[4]))}|${cls}|${events}`);
    }
  }
  return out.sort();
}

/** The chart's panels (the `<svg>`s inside the frame) and the frame's own size. */
function compare(mine: SVGSVGElement, plot: SVGSVGElement): void {
  expect(mine.getAttribute("viewBox")).toBe(plot.getAttribute("viewBox"));
  const panels = (svg: Element): Element[] => [...svg.querySelectorAll("svg")];
  const ours = panels(mine);
  const theirs = panels(plot);
  expect(ours.length).toBe(theirs.length);
  theirs.forEach((p, i) => {
    const o = ours[i];
    if (!o) throw new Error("panel missing");
    for (const a of ["x", "y", "width", "height", "fill", "font-family", "text-anchor"]) expect(o.getAttribute(a), a).toBe(p.getAttribute(a));
    // The panel's text size: Plot's style attribute wins over its font-size attribute.
    const size = (e: Element): string => /font-size:\s*([\d.]+)px/.exec(e.getAttribute("style") ?? "")?.[1] ?? e.getAttribute("font-size") ?? "";
    expect(size(o), "font-size").toBe(size(p));
    expect(bars(o)).toEqual(bars(p));
    expect(texts(o)).toEqual(texts(p));
    expect(segments(o)).toEqual(segments(p));
    expect(hatched(o)).toEqual(hatched(p));
    // Nothing is drawn by one and not the other (titles and tspans belong to what is counted above).
    expect(bars(o).length + texts(o).length + segments(o).length).toBeGreaterThan(0);
    expect(o.querySelector("style")).toBeNull();
  });
  // Outside the panels (title, legend, evidence legend, note) the frame is the same markup.
  const outside = (svg: Element): string => [...svg.children].filter((c) => c.localName !== "svg").map((c) => c.outerHTML).join("");
  expect(outside(mine)).toBe(outside(plot));
}

const reconstruction = (min: number, max: number): Evidence => ({ kind: "reconstruction", draws: 50, range: { min, max } });
const printed: Evidence = { kind: "printed", draws: 50 };
const determined: Evidence = { kind: "determined", draws: 50 };

/** Tabell 2.1 as a county filter leaves it: some shares vary across the reconstructions. */
const EVIDENCED_STATUS: StatusBarModel[] = TABELL_2_1.slice(0, 4).map((m, i) => ({
  ...m,
  counts: m.counts.map((c) => Math.round(c / 9)),
  evidence: m.counts.map((_, code) => (code === i % 4 ? printed : code === 3 ? determined : reconstruction(4 + code + i, 11 + 3 * code + i))),
}));

/** Tabell 2.9 with evidence on every figure, a dependent "vet ikke" among them. */
const EVIDENCED_DIVERGING: DivergingItem[] = TABELL_2_9.slice(0, 5).map((item, i) => ({
  ...item,
  evidence: {
    percents: item.percents.map((p, code) => (code === i % 4 ? determined : reconstruction(Math.max(0, p - 3 - code), p + 2 + i))),
    dontKnow: i % 2 === 0 ? reconstruction(Math.max(0, item.dontKnow - 1), item.dontKnow + 4) : printed,
  },
}));

/** Adoption by size class in one county: few municipalities, two classes under 3, one without an interval. */
const COUNTY_CLASSES: SizeClassRate[] = [
  { sizeClass: 1, label: "0–999", n: 1, rate: 100, lower: 20.65, upper: 100 },
  { sizeClass: 2, label: "1000–4999", n: 9, rate: 11.11, lower: 1.99, upper: 43.5 },
  { sizeClass: 3, label: "5000–14999", n: 7, rate: 28.57, lower: 8.22, upper: 64.11 },
  { sizeClass: 4, label: "15000–24999", n: 3, rate: 0 },
  { sizeClass: 5, label: "25000–49999", n: 0, rate: null },
  { sizeClass: 6, label: "50000+", n: 4, rate: 75, lower: 30.06, upper: 95.44 },
];

/** The rates with evidence of three kinds, the dependent ones with a range across the reconstructions. */
const EVIDENCED_RATES: SizeClassRate[] = SIZE_CLASSES.map((c, i) => ({
  ...c,
  evidence: i % 3 === 0 ? printed : i % 3 === 1 ? reconstruction(Math.max(0, (c.rate ?? 0) - 4 - i), (c.rate ?? 0) + 3 + i) : determined,
}));


/** A symmetric matrix of `labels` from the pairs above the diagonal (`upper[a][b - a - 1]`), n per pair. */
function symmetric(labels: readonly string[], upper: readonly (readonly HeatmapCorrelation[])[], diagonalN: number): HeatmapInput {
  const cells = labels.map((_, a) => labels.map((__, b): HeatmapCorrelation => {
    if (a === b) return { r: 1, n: diagonalN, p: null };
    const c = a < b ? upper[a]?.[b - a - 1] : upper[b]?.[a - b - 1];
    return c ?? { r: null, n: 0, p: null };
  }));
  return { labels, cells, method: "pearson" };
}

/** Six variables of notebook 03's kind: strong negative and positive r, every significance, one pair undefined. */
const SIX = symmetric(["Innbyggere", "Størrelsesklasse", "Fylkeskommune", "Kvalitetsmodell", "Brukerundersøkelse", "Internkontroll"], [
  [{ r: 0.82, n: 262, p: 1e-9, mark: "**" }, { r: -0.64, n: 262, p: 1e-9, mark: "**" }, { r: 0.18, n: 240, p: 0.004, mark: "**" }, { r: 0.11, n: 251, p: 0.08, mark: "" }, { r: -0.02, n: 249, p: 0.75, mark: "" }],
  [{ r: -0.31, n: 264, p: 1e-6, mark: "**" }, { r: 0.21, n: 241, p: 0.001, mark: "**" }, { r: 0.14, n: 252, p: 0.027, mark: "*" }, { r: 0, n: 250, p: 1, mark: "" }],
  [{ r: null, n: 230, p: null, reason: "Fylkeskommune is constant" }, { r: -0.6, n: 233, p: 1e-9, mark: "**" }, { r: -0.999, n: 231, p: 1e-9, mark: "**" }],
  [{ r: 0.45, n: 238, p: 1e-9, mark: "**" }, { r: 0.599, n: 236, p: 1e-9, mark: "**" }],
  [{ r: 0.33, n: 247, p: 1e-7, mark: "**" }],
], 267);

/** A county's few municipalities: pairs of 2–9 cases, a NaN r, a missing cell, r = ±1 by arithmetic. */
const COUNTY_MATRIX: HeatmapInput = {
  labels: ["A", "B", "C", "D"],
  cells: [
    [{ r: 1, n: 12, p: null }, { r: -1, n: 3, p: 0, mark: "**" }, { r: 0.5, n: 9, p: 0.17, mark: "" }, { r: Number.NaN, n: 12, p: null }],
    [{ r: -1, n: 3, p: 0, mark: "**" }, { r: 1, n: 3, p: null }, { r: 1, n: 2, p: null }, { r: 0.72, n: 11, p: 0.012, mark: "*" }],
    [{ r: 0.5, n: 9, p: 0.17, mark: "" }, { r: 1, n: 2, p: null }, { r: 1, n: 10, p: null }],
    [{ r: Number.NaN, n: 12, p: null }, { r: 0.72, n: 11, p: 0.012, mark: "*" }, { r: -0.25, n: 10, p: 0.49, mark: "" }, { r: 1, n: 12, p: null }],
  ],
};

/** SIX with evidence: reconstruction-dependent pairs with ranges (strong and weak), printed and determined ones. */
const EVIDENCED_MATRIX: HeatmapInput = {
  ...SIX,
  cells: SIX.cells.map((row, a) => row.map((c, b): HeatmapCorrelation => {
    if (a === b || c.r === null) return c;
    const k = (a + b) % 3;
    const evidence: Evidence = k === 0 ? reconstruction(c.r - 0.1, Math.min(1, c.r + 0.08)) : k === 1 ? printed : determined;
    return { ...c, evidence };
  })),
};

/** 06's timeline: 1999's three stages from the survey (with counts), the thesis's 2004 and 2014 figures. */
const TIMELINE_SEGMENTS: TimelineSegment[] = [
  { year: 1999, stage: "adopted", percent: 6.11, count: 14, n: 229, source: "1999 survey, q20" },
  { year: 1999, stage: "introducing", percent: 9.17, count: 21, n: 229, source: "1999 survey, q20" },
  { year: 1999, stage: "planned", percent: 20.09, count: 46, n: 229, source: "1999 survey, q20" },
  { year: 2004, stage: "adopted", percent: 26, source: "Fallan et al. 2015", lines: [812, 815] },
  { year: 2014, stage: "adopted", percent: 56, source: "Fallan et al. 2015", lines: [812, 815] },
  { year: 2014, stage: "planned", percent: 9, source: "Fallan et al. 2015", lines: [816, 817] },
];
const TIMELINE: BmsTimeline = { segments: TIMELINE_SEGMENTS, n: 229, audit: "q20", notes: [] };
/** Under a county: 1999's shares vary across the reconstructions (one printed), each with its range. */
const EVIDENCED_TIMELINE: BmsTimeline = {
  ...TIMELINE,
  n: 24,
  segments: TIMELINE_SEGMENTS.map((s, i) => (s.year !== 1999 ? s : { ...s, evidence: i === 1 ? printed : reconstruction(Math.max(0, s.percent - 4 - i), s.percent + 3 + i) })),
};
/** A shared view that left the 1999 bar out. */
const WITHHELD_TIMELINE: BmsTimeline = { ...TIMELINE, segments: TIMELINE_SEGMENTS.filter((s) => s.year !== 1999), withheldBelow: 3 };

/** Every case of the charts, each drawn on a document from `doc`, compared with Plot's drawing. */
export function geometrySuite(doc: () => Document): void {
  describe("status bars drawn by hand are Plot's", () => {
    const cases: [string, readonly StatusBarModel[], Omit<Parameters<typeof statusBars>[1], "document">][] = [
      ["Tabell 2.1", TABELL_2_1, { title: "Tabell 2.1", note: "Kilde: RF 1999" }],
      ["printed vs recomputed", TABELL_2_1, { mode: "printed-vs-recomputed", title: "2.1", subtitle: "Alle" }],
      ["Figur 7, one decimal, discrepancies", FIGUR_7, { mode: "printed-vs-recomputed", decimals: 1 }],
      ["a model without answers", [TABELL_2_1[0]!, { label: "Tom modell", counts: [0, 0, 0, 0] }], {}],
      ["narrow, English", TABELL_2_1, { width: 390, locale: "en", mode: "printed-vs-recomputed" }],
      ["print for all under a filter", EVIDENCED_STATUS, { mode: "printed-vs-recomputed", printedBase: "all", title: "Rogaland" }],
      ["evidence: hatched, whiskers, three kinds", EVIDENCED_STATUS, { width: 560 }],
      ["six categories", [{ label: "Rad", counts: [3, 5, 8, 2, 0, 9] }, { label: "Annen rad", counts: [1, 1, 1, 1, 1, 1] }], { statusLabels: ["a", "b", "c", "d", "e", "f"] }],
    ];
    for (const [name, models, options] of cases) {
      it(name, () => {
        const mine = statusBars(models, { ...options, document: doc() });
        compare(mine, plotStatusBars(models, { ...options, document: doc() }));
        if (name.startsWith("evidence")) {
          expect(hatched(mine).length).toBeGreaterThan(3);
          expect(segments(mine).filter((s) => s.includes("tv-chart-whisker")).length).toBeGreaterThan(3);
        }
      });
    }
  });

  describe("diverging bars drawn by hand are Plot's", () => {
    const cases: [string, readonly DivergingItem[], Omit<Parameters<typeof divergingBars>[1], "document">][] = [
      ["Tabell 2.9 (labels on two and three lines)", TABELL_2_9, { title: "Tabell 2.9" }],
      ["narrow, English, extent labels", TABELL_2_9.slice(0, 3), { width: 390, locale: "en", dontKnowLabel: "N/A / don't know" }],
      ["no 'vet ikke' panel", TABELL_2_9.map((i) => ({ ...i, dontKnow: 0 })), { note: "Ingen vet ikke" }],
      ["evidence: hatched, whiskers, the 'vet ikke' panel too", EVIDENCED_DIVERGING, { subtitle: "Rogaland" }],
      ["a wide agreeing side", [{ label: "Alle enige-aktig", percents: [70, 25, 3, 2], dontKnow: 55, n: 40 }], {}],
    ];
    for (const [name, items, options] of cases) {
      it(name, () => {
        const mine = divergingBars(items, { ...options, document: doc() });
        compare(mine, plotDivergingBars(items, { ...options, document: doc() }));
        if (name.startsWith("evidence")) {
          expect(hatched(mine).length).toBeGreaterThan(10);
          expect(segments(mine).filter((s) => s.includes("tv-chart-whisker")).length).toBeGreaterThan(10);
        }
      });
    }
  });

  describe("size-class rates drawn by hand are Plot's", () => {
    const cases: [string, readonly SizeClassRate[], Omit<Parameters<typeof sizeClassRates>[1], "document">][] = [
      ["unfiltered, overall line, interval note", SIZE_CLASSES, { title: "Innført etter størrelse", intervalLabel: "95 % Wilson-intervall", overall: 22.5 }],
      ["no overall line", SIZE_CLASSES, { title: "Intranett", subtitle: "χ²", overall: null }],
      ["a county: suppressed classes, a class without an interval", COUNTY_CLASSES, { subtitle: "Rogaland", overall: 31.3, decimals: 1 }],
      ["evidence: hatched, whiskers, three kinds", EVIDENCED_RATES, { overall: 30 }],
      ["narrow, English, threshold 5", COUNTY_CLASSES, { width: 390, locale: "en", threshold: 5, overall: 31.3, yLabel: "Share" }],
    ];
    for (const [name, classes, options] of cases) {
      it(name, () => {
        const mine = sizeClassRates(classes, { ...options, document: doc() });
        compare(mine, plotSizeClassRates(classes, { ...options, document: doc() }));
        if (name.startsWith("evidence")) {
          // The two dependent classes, in the panel (the legend's swatch is outside it).
          const inner = mine.querySelector("svg") ?? mine;
          expect(hatched(inner)).toHaveLength(2);
          expect(segments(inner).filter((s) => s.includes("tv-chart-whisker"))).toHaveLength(2);
        }
      });
    }
  });

  describe("the correlation heatmap drawn by hand is Plot's", () => {
    const cases: [string, HeatmapInput, Omit<Parameters<typeof correlationHeatmap>[1], "document">][] = [
      ["four variables, an undefined pair, the title", HEATMAP, { title: "Korrelasjoner – Correlations" }],
      ["six variables: strong negative and positive r, a note", SIX, { title: "Størrelse og kvalitetsarbeid", subtitle: "Alle", note: "Kilde: RF 1999" }],
      ["lower triangle, Spearman, FDR, English", { ...SIX, method: "spearman", fdr: true }, { triangle: "lower", locale: "en", title: "Correlations" }],
      ["a county: small pairs, NaN and missing cells", COUNTY_MATRIX, { subtitle: "Rogaland" }],
      ["small pairs with minN 3, cells of 40 px", COUNTY_MATRIX, { minN: 3, cellSize: 40 }],
      ["masked in a shared view", maskSmallPairs(COUNTY_MATRIX, 3), { subtitle: "Delt visning" }],
      ["long labels", { ...HEATMAP, labels: ["Størrelsesklasse", "Serviceerklæringer", "Servicetorg", "Prosessforbedringer/-ombygging (BPR)"] }, {}],
      ["evidence: hatched, ranges under n (white on strong cells), three kinds", EVIDENCED_MATRIX, { title: "Rogaland" }],
    ];
    for (const [name, input, options] of cases) {
      it(name, () => {
        const mine = correlationHeatmap(input, { ...options, document: doc() });
        compare(mine, plotCorrelationHeatmap(input, { ...options, document: doc() }));
        if (name.startsWith("evidence")) {
          const matrix = [...mine.querySelectorAll("svg")][1] ?? mine;
          expect(hatched(matrix).length).toBeGreaterThan(3);
          expect(texts(matrix).filter((t) => t.includes("…") && t.includes("#ffffff")).length).toBeGreaterThan(0);
        }
      });
    }
  });

  describe("06's BMS timeline drawn by hand is Plot's", () => {
    const cases: [string, BmsTimeline, Omit<Parameters<typeof bmsTimelineChart>[1], "document">][] = [
      ["three years, three stages", TIMELINE, { subtitle: "Alle kommuner" }],
      ["narrow, English", TIMELINE, { width: 390, locale: "en", title: "BMS over time" }],
      ["evidence: hatched, a whisker per stage, two kinds", EVIDENCED_TIMELINE, { subtitle: "Rogaland" }],
      ["1999 withheld in a shared view", WITHHELD_TIMELINE, {}],
    ];
    for (const [name, timeline, options] of cases) {
      it(name, () => {
        const mine = bmsTimelineChart(timeline, { ...options, document: doc() });
        compare(mine, plotBmsTimelineChart(timeline, { ...options, document: doc() }));
        if (name.startsWith("evidence")) {
          const inner = mine.querySelector("svg") ?? mine;
          expect(hatched(inner)).toHaveLength(2);
          expect(segments(inner).filter((x) => x.includes("tv-chart-whisker"))).toHaveLength(2);
        }
      });
    }
  });
}
