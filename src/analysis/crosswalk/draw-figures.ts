/**
 * The crosswalk's figures on every reconstruction as typed columns: per comparison and base, one
 * Float64Array per figure indexed by draw (the test's p, the key figure, the Benjamini–Hochberg q)
 * and the answered base's counts the what-if tests. A filter change measures every comparison on
 * fifty draws; the verdicts, their spread and the what-if read these columns, so a draw's
 * measurements are dropped as soon as they are written — only draw 0's are kept whole, for the
 * words. A missing figure (a null p, no estimate, no number) is NaN; every reader treats NaN as the
 * measurement's null (the evidence vocabulary counts both as "undefined").
 */
import * as stats from "../../stats/index";
import { keyValue } from "./explain-comparison";
import type { DrawVerdict } from "./crosswalk-ensemble";
import type { ComparisonNumbers, Measured } from "./measure-comparison";

/** Level of the Benjamini–Hochberg-adjusted tests. */
export const ALPHA = 0.05;

/** One base's figures of one comparison over the draws (index: draw; NaN: none). */
export interface BaseFigures {
  /** The test's two-sided p. */
  p: Float64Array;
  /** The key figure (`keyValue`: share, group difference, trend z, r). */
  key: Float64Array;
  /** p adjusted with Benjamini–Hochberg across the comparisons judged on the same draw. */
  q: Float64Array;
  /** 1 when the comparison can be judged on the draw (nothing makes it not comparable). */
  comparable: Uint8Array;
  /** 1 when the estimate lies on the side the thesis expects, 0 on the other, −1 without an estimate. */
  expected: Int8Array;
}

/** What the what-if tests of one comparison's answered numbers (crosswalk-diff.ts), per draw. */
export interface DiffFigures {
  /** 0 nothing measured, 1 a share (x of n), 2 two groups (x of n, x2 of n2), 3 a correlation (r = x, n). */
  kind: Uint8Array;
  x: Float64Array;
  n: Float64Array;
  x2: Float64Array;
  n2: Float64Array;
}

/** Every comparison's figures on every draw. */
export interface DrawFigures {
  /** Draws measured (1 on a user's own file). */
  draws: number;
  answered: BaseFigures[];
  /** On the report's base ("vet ikke" kept in); null for a comparison whose outcome has none. */
  report: (BaseFigures | null)[];
  diff: DiffFigures[];
}

function baseFigures(draws: number): BaseFigures {
  return { p: new Float64Array(draws), key: new Float64Array(draws), q: new Float64Array(draws), comparable: new Uint8Array(draws), expected: new Int8Array(draws) };
}

/** Empty columns for `comparisons` comparisons on `draws` draws; `hasReport[i]`: comparison i has a report's base. */
export function drawFigures(draws: number, hasReport: readonly boolean[]): DrawFigures {
  return {
    draws,
    answered: hasReport.map(() => baseFigures(draws)),
    report: hasReport.map((has) => (has ? baseFigures(draws) : null)),
    diff: hasReport.map(() => ({ kind: new Uint8Array(draws), x: new Float64Array(draws), n: new Float64Array(draws), x2: new Float64Array(draws), n2: new Float64Array(draws) })),
  };
}

const orNaN = (x: number | null): number => (x === null ? Number.NaN : x);

/** A column's value as the measurement had it: NaN back to null. */
export function orNull(x: number | undefined): number | null {
  return x === undefined || Number.isNaN(x) ? null : x;
}

/** What a draw without this base's measurement counts as: not comparable, no p, no figure. */
function writeNothing(f: BaseFigures, d: number): void {
  f.p[d] = Number.NaN;
  f.key[d] = Number.NaN;
  f.comparable[d] = 0;
  f.expected[d] = -1;
}

function writeBase(f: BaseFigures, d: number, m: Measured): void {
  f.p[d] = orNaN(m.p);
  f.key[d] = orNaN(keyValue(m.numbers));
  f.comparable[d] = m.notComparable === null ? 1 : 0;
  f.expected[d] = m.expected === null ? -1 : m.expected ? 1 : 0;
}

function writeDiff(f: DiffFigures, d: number, numbers: ComparisonNumbers | null): void {
  if (numbers === null) {
    f.kind[d] = 0;
    return;
  }
  switch (numbers.kind) {
    case "groups":
      f.kind[d] = 2;
      f.x[d] = numbers.a.x;
      f.n[d] = numbers.a.n;
      f.x2[d] = numbers.b.x;
      f.n2[d] = numbers.b.n;
      return;
    case "correlation":
      f.kind[d] = 3;
      f.x[d] = orNaN(numbers.r);
      f.n[d] = numbers.n;
      return;
    default:
      f.kind[d] = 1;
      f.x[d] = numbers.x;
      f.n[d] = numbers.n;
  }
}

/** The comparable p of a base on draw d (what enters Benjamini–Hochberg), null when it is not judged. */
function judgeable(f: BaseFigures, d: number): number | null {
  return f.comparable[d] === 1 ? orNull(f.p[d]) : null;
}

/** Benjamini–Hochberg over one draw's p-values, written into each base's q column. */
function adjust(d: number, p: (number | null)[], into: readonly (BaseFigures | null | undefined)[]): void {
  const q = stats.benjaminiHochberg(p);
  for (let i = 0; i < into.length; i++) {
    const f = into[i];
    if (f) f.q[d] = orNaN(q[i] ?? null);
  }
}

/**
 * Write draw `d`'s measurements (one per comparison, in order) into the columns and adjust its
 * p-values: one family per base; on the report's base a comparison without one keeps its answered test.
 */
export function recordDraw(figures: DrawFigures, d: number, measured: readonly Measured[]): void {
  const answeredP: (number | null)[] = [];
  const reportP: (number | null)[] = [];
  for (let i = 0; i < measured.length; i++) {
    const m = measured[i];
    const answered = figures.answered[i];
    const report = figures.report[i];
    const diff = figures.diff[i];
    if (!m || !answered || !diff) continue;
    writeBase(answered, d, m);
    writeDiff(diff, d, m.numbers);
    const own = judgeable(answered, d);
    answeredP.push(own);
    if (!report) reportP.push(own);
    else if (m.report) {
      writeBase(report, d, m.report);
      reportP.push(judgeable(report, d));
    } else {
      writeNothing(report, d);
      reportP.push(own);
    }
  }
  adjust(d, answeredP, figures.answered);
  adjust(d, reportP, figures.report);
}

/** The verdict of one base on draw d, from its adjusted q. */
export function drawVerdictAt(f: BaseFigures, d: number): DrawVerdict {
  const q = f.q[d] ?? Number.NaN;
  if (f.comparable[d] !== 1 || Number.isNaN(q) || f.expected[d] === -1) return "not comparable";
  if (q >= ALPHA) return "open";
  return f.expected[d] === 1 ? "agrees" : "contrasts";
}
