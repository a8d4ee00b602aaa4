/**
 * What an attacker can work out from the counts a page shows: every count is an integer unknown
 * with an interval — a shown count is exact, "< 3" is 1–2, "·" (hidden to protect another) is at
 * least 1 — tied together by the sums and percentages the page states (a row and its total, N =
 * base + missing, a percentage of a base). Bounds propagation to a fixed point narrows every
 * interval; a masked count whose interval shrinks to one value is recovered.
 *
 * What it can infer: anything that follows from one constraint at a time, repeated (a total minus
 * the shown parts; a percentage of a known base; a base from a shown count and its percentage).
 * What it cannot: conclusions that need several constraints at once (parity, case splits, a
 * system with two unknowns that only a combination of equations pins down) — an exact integer
 * solver could find more, so "none recovered" here is a lower bound on the attacker's work.
 */

/** How a count appears on the page. */
export type CountShown = "exact" | "small" | "hidden" | "derived" | "printed";

/** One count on the page. */
export interface CountVar {
  readonly label: string;
  readonly shown: CountShown;
  lo: number;
  hi: number;
}

/** Σ sign·x ∈ [lo, hi]. */
interface Linear {
  terms: { v: number; sign: 1 | -1 }[];
  lo: number;
  hi: number;
}

/** 100 · count / base ∈ [lo, hi] (a percentage printed with rounding). */
interface Ratio {
  count: number;
  base: number;
  lo: number;
  hi: number;
}

const EPS = 1e-9;

/** Parse a count as a table prints it: "12", "1 234", "< 3", "·"; undefined for anything else. */
export function parseCount(text: string): { shown: "exact"; value: number } | { shown: "small" | "hidden" } | undefined {
  const t = text.trim();
  if (t === "< 3") return { shown: "small" };
  if (t === "·") return { shown: "hidden" };
  if (/^\d[\d\s\u00a0]*$/.test(t)) return { shown: "exact", value: Number(t.replace(/[\s\u00a0]/g, "")) };
  return undefined;
}

/** A printed percentage "26,7 %" or "64.3 %" as the interval of values that round to it. */
export function percentInterval(text: string): { lo: number; hi: number } | undefined {
  const m = /^(-?\d+)(?:[.,](\d+))? ?%$/.exec(text.trim());
  if (!m) return undefined;
  const decimals = m[2]?.length ?? 0;
  const value = Number(`${m[1]}.${m[2] ?? "0"}`);
  const half = 0.5 * 10 ** -decimals;
  return { lo: value - half - EPS, hi: value + half + EPS };
}

/** The counts of one page (or one table) and what ties them together. */
export class CountSystem {
  readonly vars: CountVar[] = [];
  private readonly linear: Linear[] = [];
  private readonly ratios: Ratio[] = [];
  /** Constraints that contradicted each other (the model of a table was wrong): reported, never silent. */
  readonly contradictions: string[] = [];

  /** A count from its printed text; undefined when the text is not a count. */
  count(text: string, label: string): number | undefined {
    const parsed = parseCount(text);
    if (!parsed) return undefined;
    if (parsed.shown === "exact") return this.push({ label, shown: "exact", lo: parsed.value, hi: parsed.value });
    // "< 3" is 1–2; "·" is any count, a zero included (the guard hides a zero where "·" ≥ 1 would give a count back).
    return this.push({ label, shown: parsed.shown, lo: parsed.shown === "small" ? 1 : 0, hi: parsed.shown === "small" ? 2 : Number.POSITIVE_INFINITY });
  }

  /** A figure of the 1999 report (public: not a count of the selection). */
  printed(value: number, label: string): number {
    return this.push({ label, shown: "printed", lo: value, hi: value });
  }

  /** A count the page does not print but implies (the numerator of a percentage). */
  unknown(label: string, lo = 0, hi = Number.POSITIVE_INFINITY): number {
    return this.push({ label, shown: "derived", lo, hi });
  }

  private push(v: CountVar): number {
    this.vars.push(v);
    return this.vars.length - 1;
  }

  /** `parts` add up to `total`. */
  sum(parts: readonly number[], total: number): void {
    this.linear.push({ terms: [...parts.map((v) => ({ v, sign: 1 as const })), { v: total, sign: -1 }], lo: 0, hi: 0 });
  }

  /** Σ parts ≤ total. */
  atMost(parts: readonly number[], total: number): void {
    this.linear.push({ terms: [...parts.map((v) => ({ v, sign: 1 as const })), { v: total, sign: -1 }], lo: Number.NEGATIVE_INFINITY, hi: 0 });
  }

  private readonly named = new Map<string, number>();

  /**
   * The count `v` is the one a reader knows by `key` (the same variable, code and filter wherever
   * it is shown): every count registered under one key is the same count.
   */
  link(key: string, v: number): void {
    const first = this.named.get(key);
    if (first === undefined) this.named.set(key, v);
    else this.same(first, v);
  }

  /** Two counts are the same count shown twice. */
  same(a: number, b: number): void {
    this.linear.push({ terms: [{ v: a, sign: 1 }, { v: b, sign: -1 }], lo: 0, hi: 0 });
  }

  /** N − base is the cases missing on any of several variables: at least the largest, at most the sum. */
  unionOf(n: number, base: number, missing: readonly number[]): void {
    for (const m of missing) this.linear.push({ terms: [{ v: n, sign: 1 }, { v: base, sign: -1 }, { v: m, sign: -1 }], lo: 0, hi: Number.POSITIVE_INFINITY });
    this.linear.push({ terms: [{ v: n, sign: 1 }, { v: base, sign: -1 }, ...missing.map((v) => ({ v, sign: -1 as const }))], lo: Number.NEGATIVE_INFINITY, hi: 0 });
  }

  /** `text` ("26,7 %") is 100 · count / base, rounded. */
  percent(count: number, base: number, text: string): void {
    const p = percentInterval(text);
    if (p) this.ratios.push({ count, base, ...p });
  }

  /** A share printed with its interval of values (e.g. from a percentage in a sentence). */
  ratio(count: number, base: number, lo: number, hi: number): void {
    this.ratios.push({ count, base, lo, hi });
  }

  private narrow(i: number, lo: number, hi: number, why: string): boolean {
    const v = this.vars[i];
    if (!v) return false;
    const newLo = Math.max(v.lo, Math.ceil(lo - EPS));
    const newHi = Math.min(v.hi, Math.floor(hi + EPS));
    if (newLo > newHi) {
      this.contradictions.push(`${v.label}: [${v.lo}, ${v.hi}] and ${why} [${lo}, ${hi}]`);
      return false;
    }
    const changed = newLo !== v.lo || newHi !== v.hi;
    v.lo = newLo;
    v.hi = newHi;
    return changed;
  }

  private propagateLinear(c: Linear): boolean {
    let changed = false;
    const min = (t: { v: number; sign: 1 | -1 }): number => {
      const v = this.vars[t.v];
      return v ? (t.sign > 0 ? v.lo : -v.hi) : 0;
    };
    const max = (t: { v: number; sign: 1 | -1 }): number => {
      const v = this.vars[t.v];
      return v ? (t.sign > 0 ? v.hi : -v.lo) : 0;
    };
    for (const t of c.terms) {
      let othersMin = 0;
      let othersMax = 0;
      for (const o of c.terms) {
        if (o === t) continue;
        othersMin += min(o);
        othersMax += max(o);
      }
      // sign·x ∈ [lo − othersMax, hi − othersMin]
      const a = c.lo - othersMax;
      const b = c.hi - othersMin;
      const lo = t.sign > 0 ? a : -b;
      const hi = t.sign > 0 ? b : -a;
      if (this.narrow(t.v, Number.isNaN(lo) ? Number.NEGATIVE_INFINITY : lo, Number.isNaN(hi) ? Number.POSITIVE_INFINITY : hi, "a sum")) changed = true;
    }
    return changed;
  }

  private propagateRatio(r: Ratio): boolean {
    const count = this.vars[r.count];
    const base = this.vars[r.base];
    if (!count || !base) return false;
    let changed = false;
    if (this.narrow(r.count, (base.lo * r.lo) / 100, (base.hi * r.hi) / 100, "a percentage")) changed = true;
    if (r.hi > 0 && this.narrow(r.base, (count.lo * 100) / r.hi, r.lo > 0 ? (count.hi * 100) / r.lo : Number.POSITIVE_INFINITY, "a percentage's base")) changed = true;
    return changed;
  }

  /** Propagate every constraint until nothing narrows (or a generous round limit). */
  solve(): this {
    for (let round = 0; round < 200; round++) {
      let changed = false;
      for (const c of this.linear) if (this.propagateLinear(c)) changed = true;
      for (const r of this.ratios) if (this.propagateRatio(r)) changed = true;
      if (!changed) break;
    }
    return this;
  }

  /** Masked counts ("< 3", "·") pinned to one value, and counts of 1–2 shown or derivable. */
  findings(): { recovered: CountVar[]; hiddenRecovered: CountVar[]; shownSmall: CountVar[]; derivedSmall: CountVar[]; masked: number } {
    const pinned = (v: CountVar): boolean => v.lo === v.hi;
    return {
      recovered: this.vars.filter((v) => v.shown === "small" && pinned(v)),
      hiddenRecovered: this.vars.filter((v) => v.shown === "hidden" && pinned(v)),
      shownSmall: this.vars.filter((v) => v.shown === "exact" && v.lo >= 1 && v.lo <= 2),
      derivedSmall: this.vars.filter((v) => v.shown === "derived" && pinned(v) && v.lo >= 1 && v.lo <= 2),
      masked: this.vars.filter((v) => v.shown === "small").length,
    };
  }
}
