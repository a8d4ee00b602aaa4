/**
 * Notebook 01/02's diverging bars as Plot drew them up to stop 24, kept as the reference the
 * hand-drawn chart (src/analysis/charts/diverging-bars.ts) is compared with in plot-geometry.test.ts.
 * Not used by the app.
 */
import * as Plot from "@observablehq/plot";
import { DEFAULT_LOCALE, messages } from "../../../../src/base/locale/locale";
import type { Evidence } from "../../../../src/analysis/evidence/evidence";
import { chartEvidence, ownEvidence, titleWithEvidence } from "../../../../src/analysis/charts/chart-evidence";
import {
  CHART_CLASS, CHART_FONT_SIZE, DIVERGING_COLORS, DONT_KNOW_COLOR, INK, MUTED_INK, estimateTextWidth, formatNumberNo, formatPercentNo, frameChart, percentTicks,
  plotSvg, textColorOn,
} from "../../../../src/analysis/charts/chart-theme";
import { divergingSegments, itemKey, type DivergingBarsOptions, type DivergingItem, type DivergingSegment } from "../../../../src/analysis/charts/diverging-bars";

/** The chart: one standalone `<svg>`. */
export function plotDivergingBars(items: readonly DivergingItem[], options: DivergingBarsOptions): SVGSVGElement {
  const { document } = options;
  const locale = options.locale ?? DEFAULT_LOCALE;
  const m = messages[locale];
  const pct = (p: number, d = 0): string => formatPercentNo(p, d, locale);
  const scaleLabels = options.scaleLabels ?? m.agreementScale;
  const dontKnowLabel = options.dontKnowLabel ?? m.dontKnow;
  const width = options.width ?? 820;
  const segments = divergingSegments(items, scaleLabels, m.code);
  const { evidence, dependent: resting } = chartEvidence(items, segments, locale);
  // A segment of 0 % draws nothing to hatch.
  const dependent = resting.filter((s) => s.percent > 0);
  const dontKnowOf = (i: DivergingItem): Evidence | undefined => i.evidence?.dontKnow;
  const keys = items.map(itemKey);
  const sideTotals = items.flatMap((item) => {
    const [p1 = 0, p2 = 0, p3 = 0, p4 = 0] = item.percents;
    return [
      { item: itemKey(item), x: p1 + p2, text: pct(p1 + p2), anchor: "start" as const },
      { item: itemKey(item), x: -(p3 + p4), text: pct(p3 + p4), anchor: "end" as const },
    ];
  });
  // Symmetric so the midpoint sits in the middle; headroom for the side totals at the bar ends.
  const reach = Math.max(50, ...sideTotals.map((t) => Math.abs(t.x)));
  const extent = Math.ceil((reach + 12) / 10) * 10;
  const labelWidthEm = 18;
  // Plot wraps at `lineWidth` ems of its own average glyph width; a full em per unit is the safe bound.
  const marginLeft = labelWidthEm * CHART_FONT_SIZE + 14;
  // A "vet ikke" panel where every bar is 0 % says nothing: it is left out, with its legend entry.
  const showDontKnow = items.some((i) => i.dontKnow > 0);
  const dkWidth = showDontKnow ? 110 : 0;
  const mainWidth = width - dkWidth;
  const rowHeight = 44;
  const height = items.length * rowHeight + 40;
  const pxPerPercent = (mainWidth - marginLeft - 24) / (2 * extent);
  const fits = (s: DivergingSegment): boolean =>
    (s.x2 - s.x1) * pxPerPercent >= estimateTextWidth(pct(s.percent)) + 4;
  const colorOf = (code: number): string => DIVERGING_COLORS[code - 1] ?? DONT_KNOW_COLOR;
  const y = { domain: keys, label: null, padding: 0.3 };
  const common = { document, height, marginTop: 10, marginBottom: 30, style: { fontSize: `${CHART_FONT_SIZE}px` } };

  const main = Plot.plot({
    ...common,
    width: mainWidth,
    marginLeft,
    marginRight: 24,
    x: { domain: [-extent, extent], label: m.percentAxis, labelAnchor: "center", labelArrow: "none", tickFormat: percentTicks(locale, true) },
    y,
    color: { domain: scaleLabels.slice(0, 4), range: DIVERGING_COLORS.slice(0, 4) },
    marks: [
      Plot.axisY({ lineWidth: labelWidthEm, tickSize: 0, textAnchor: "end" }),
      ...evidence.split(segments, ownEvidence, (subset, className) => Plot.barX(subset, {
        x1: "x1", x2: "x2", y: "item", fill: "codeLabel", stroke: "#ffffff", strokeWidth: 0.5, className,
        title: (s: DivergingSegment) => titleWithEvidence(`${s.item}: ${s.codeLabel} ${pct(s.percent, 1)}`, s.evidence, locale, (n) => formatNumberNo(n, 1, locale), " %"),
      })),
      Plot.barX(dependent, { x1: "x1", x2: "x2", y: "item", ...evidence.hatchOptions() }),
      Plot.ruleY(evidence.ranged(dependent, ownEvidence), { y: "item", x1: (s: DivergingSegment) => s.whisker?.x1, x2: (s: DivergingSegment) => s.whisker?.x2, dy: 15, ...evidence.whiskerOptions() }),
      ...(["#ffffff", INK] as const).map((ink) =>
        Plot.text(segments.filter((s) => fits(s) && textColorOn(colorOf(s.code)) === ink), {
          x: (s: DivergingSegment) => (s.x1 + s.x2) / 2, y: "item", text: (s: DivergingSegment) => pct(s.percent), fill: ink,
        }),
      ),
      Plot.text(sideTotals.filter((t) => t.anchor === "start"), { x: "x", y: "item", text: "text", textAnchor: "start", dx: 4, fill: MUTED_INK, className: CHART_CLASS.muted }),
      Plot.text(sideTotals.filter((t) => t.anchor === "end"), { x: "x", y: "item", text: "text", textAnchor: "end", dx: -4, fill: MUTED_INK, className: CHART_CLASS.muted }),
      Plot.ruleX([0], { stroke: INK, strokeWidth: 1.5, className: CHART_CLASS.ink }),
    ],
  });

  const dkExtent = Math.max(20, Math.ceil(Math.max(0, ...items.map((i) => i.dontKnow)) / 10) * 10);
  const dk = Plot.plot({
    ...common,
    width: dkWidth,
    marginLeft: 16,
    marginRight: 40,
    x: { domain: [0, dkExtent], label: dontKnowLabel, labelAnchor: "center", labelArrow: "none", ticks: [0, dkExtent], tickFormat: percentTicks(locale) },
    y: { ...y, axis: null },
    marks: [
      ...evidence.split(showDontKnow ? items : [], dontKnowOf, (subset, className) => Plot.barX(subset, {
        x: "dontKnow", y: itemKey, fill: DONT_KNOW_COLOR, className,
        title: (i: DivergingItem) => titleWithEvidence(`${itemKey(i)}: ${dontKnowLabel} ${pct(i.dontKnow, 1)}`, i.evidence?.dontKnow, locale, (n) => formatNumberNo(n, 1, locale), " %"),
      })),
      Plot.barX(evidence.dependent(showDontKnow ? items : [], dontKnowOf), { x: "dontKnow", y: itemKey, ...evidence.hatchOptions() }),
      Plot.ruleY(evidence.ranged(evidence.dependent(showDontKnow ? items : [], dontKnowOf), dontKnowOf), {
        y: itemKey, x1: (i: DivergingItem) => i.evidence?.dontKnow?.range?.min, x2: (i: DivergingItem) => i.evidence?.dontKnow?.range?.max, dy: 15, ...evidence.whiskerOptions(),
      }),
      Plot.text(items, { x: "dontKnow", y: itemKey, text: (i: DivergingItem) => pct(i.dontKnow, 1), textAnchor: "start", dx: 3, fill: MUTED_INK, className: CHART_CLASS.muted }),
      Plot.ruleX([0]),
    ],
  });

  // Legend entries only for the codes some bar shows.
  const drawn = new Set(segments.filter((s) => s.percent > 0).map((s) => s.code));
  const legend = [
    ...[3, 2, 1, 0].filter((i) => drawn.has(i + 1)).map((i) => ({ label: scaleLabels[i] ?? m.code(i + 1), color: DIVERGING_COLORS[i] ?? DONT_KNOW_COLOR })),
    ...(showDontKnow ? [{ label: dontKnowLabel, color: DONT_KNOW_COLOR }] : []),
  ];
  return frameChart(
    [
      { svg: plotSvg(main), x: 0, width: mainWidth, height },
      ...(showDontKnow ? [{ svg: plotSvg(dk), x: mainWidth, width: dkWidth, height }] : []),
    ],
    { document, title: options.title, subtitle: options.subtitle, note: options.note, legend, width, evidence: evidence.legend() },
  );
}
