/**
 * The words of a crosswalk result: the test in one line, one sentence from the numbers to the verdict
 * on this selection, and one sentence on what the verdict rests on across the ensemble. Generated,
 * never typed in, so the page cannot say more than the numbers do.
 */
import type { Comparison } from "./crosswalk-spec";
import { describeSplit, type DrawVerdict, type EnsembleVerdict } from "./crosswalk-ensemble";
import { fmtP, formatPValue, pct, pctRange } from "./crosswalk-format";
import type { ComparisonNumbers } from "./measure-comparison";

const VERDICT_PHRASE: Record<DrawVerdict, string> = {
  agrees: "the survey agrees with the thesis",
  contrasts: "the survey contrasts with the thesis",
  open: "the survey leaves it open",
  "not comparable": "the two cannot be compared",
};

/** The test in words with its statistic, e.g. "score test against 50 %: z = 4.18, p < .001". */
export function describeTest(numbers: ComparisonNumbers | null): string {
  if (!numbers) return "none";
  switch (numbers.kind) {
    case "share":
    case "diffusion":
      if (!numbers.interval || numbers.z === null) return "Wilson interval and score test undefined (no base)";
      return `Wilson 95 % interval ${pctRange(numbers.interval, numbers.threshold)} against ${pct(numbers.threshold)}; score test z = ${numbers.z.toFixed(2)}, ${fmtP(numbers.p)}`;
    case "groups":
      if (numbers.p === null) return `${numbers.method} not computed`;
      return numbers.method === "Fisher's exact test"
        ? `Fisher's exact test (smallest expected count ${numbers.minExpected.toFixed(1)} < 5), ${fmtP(numbers.p)}`
        : `Pearson χ²(${numbers.df}) = ${(numbers.chi2 ?? 0).toFixed(2)}, ${fmtP(numbers.p)}`;
    case "size-trend":
      return numbers.z === null ? "Cochran–Armitage trend test not computed" : `Cochran–Armitage trend test: z = ${numbers.z.toFixed(2)}, ${fmtP(numbers.p)}`;
    case "correlation":
      return numbers.r === null ? "Pearson r undefined" : `Pearson r(${numbers.n - 2}) = ${numbers.r.toFixed(3)}, ${fmtP(numbers.p)}`;
  }
}

/** The figure whose spread across the draws is shown, and its value on this draw. */
export function keyFigure(numbers: ComparisonNumbers | null): { name: string; value: number | null; percent: boolean } {
  if (!numbers) return { name: "–", value: null, percent: false };
  switch (numbers.kind) {
    case "share":
    case "diffusion": return { name: "share", value: numbers.share, percent: true };
    case "groups": return { name: "difference between the groups", value: numbers.difference, percent: true };
    case "size-trend": return { name: "trend z", value: numbers.z, percent: false };
    case "correlation": return { name: "r", value: numbers.r, percent: false };
  }
}

/** The sentence from the numbers to the verdict on this selection (this draw). */
export function explainNumbers(c: Comparison, numbers: ComparisonNumbers, verdict: DrawVerdict, q: number | null): string {
  const adjusted = q === null ? "" : `, Benjamini–Hochberg ${fmtP(q, "q")}`;
  const then = `so ${VERDICT_PHRASE[verdict]}`;
  switch (numbers.kind) {
    case "share":
    case "diffusion": {
      const t = numbers.threshold;
      const i = numbers.interval;
      const place = !i ? "" : i.low > t ? ` lies entirely above ${pct(t)}` : i.high < t ? ` lies entirely below ${pct(t)}` : ` straddles ${pct(t)}`;
      const expect = c.measure.kind === "share" || c.measure.kind === "diffusion" ? c.measure.expect : "above";
      return `${pct(numbers.share, 1)} of ${numbers.n} (${numbers.x} yes; 95 % CI ${i ? pctRange(i, t) : "–"})${place} (score test ${fmtP(numbers.p)}${adjusted}); the thesis leads us to expect ${expect} ${pct(t)}, ${then}.`;
    }
    case "groups": {
      const higher = c.measure.kind === "groups" && c.measure.expect === "a<b" ? "lower" : "higher";
      return `${pct(numbers.a.share, 1)} of ${numbers.a.n} (${numbers.a.label}) against ${pct(numbers.b.share, 1)} of ${numbers.b.n} (${numbers.b.label}), ${describeTest(numbers)}${adjusted}; the thesis leads us to expect the first ${higher}, ${then}.`;
    }
    case "size-trend": {
      const shown = numbers.classes.filter((k) => k.n > 0).map((k) => `${k.sizeClass}: ${pct(k.share)} of ${k.n}`).join(", ");
      const rise = c.measure.kind === "size-trend" && c.measure.expect === "decreasing" ? "fall" : "rise";
      return `By size class (${shown}) the share ${(numbers.z ?? 0) > 0 ? "rises" : "falls"} (${describeTest(numbers)}${adjusted}); the thesis leads us to expect it to ${rise}, ${then}.`;
    }
    case "correlation":
      return `r = ${numbers.r === null ? "–" : numbers.r.toFixed(2)} over ${numbers.n} respondents (${fmtP(numbers.p)}${adjusted}); the thesis leads us to expect a ${c.measure.kind === "correlation" ? c.measure.expect : "positive"} relation, ${then}.`;
  }
}

/** "In the reconstruction shown: " before the numbers, when other reconstructions give other numbers. */
export function shownDraw(e: EnsembleVerdict): string {
  return e.evidence.kind === "reconstruction" ? "In the reconstruction shown: " : "";
}

/** The sentence on what the verdict rests on across the ensemble. */
export function explainEnsemble(e: EnsembleVerdict, key: { name: string; percent: boolean }): string {
  const range = e.evidence.range;
  const show = (v: number): string => (key.percent ? pct(v, 1) : v.toFixed(2));
  const spread = range ? `${key.name} ${show(range.min)} to ${show(range.max)}` : "";
  if (e.evidence.kind === "your-data") return "Computed on your data (no reconstructions).";
  if (e.verdict === "depends") {
    const moved = e.evidence.kind === "determined" && e.qRange
      ? ` Its own numbers are the same in every reconstruction; the verdict moves because Benjamini–Hochberg ranks its p among the other comparisons' p-values, which do vary (q ${formatPValue(e.qRange.min)} to ${formatPValue(e.qRange.max)}).`
      : "";
    return `Across the reconstructions it comes out ${describeSplit(e)}${spread ? ` (${spread})` : ""}: the verdict depends on the reconstruction and is not a finding.${moved}`;
  }
  if (e.evidence.kind === "determined") {
    return `Determined: the same numbers in every one of the ${e.draws} reconstructions, so it follows from the printed figures and the named respondents.`;
  }
  return `The verdict does not depend on the reconstruction: ${e.modal} in ${e.k} of ${e.draws} reconstructions${spread ? ` (${spread} across them)` : ""}.`;
}
