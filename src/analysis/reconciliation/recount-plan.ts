/**
 * Every printed row of a list of tables compiled into one plan for recounting on a draw: rows are
 * grouped by base restriction, each group's respondents are found once per draw, each distinct
 * variable of a group is counted once into a histogram of codes 0–255 (typed arrays, no Map per
 * row), and every figure is made from those histograms into one Float64Array.
 *
 * Surprising: it is the residual engine's rule (data/residuals.ts, `compileRow`: a cell sums the
 * codes it names, the row's percent base, half-up rounding to the printed decimals) written a second
 * time, on typed arrays, from the row's `spec`. On a county never seen 04 recounts 727 figures on
 * each of fifty draws; through `Respondents.codes` each row made a Map of counts and closures per
 * draw (issue 12). `recount-plan.test.ts` holds every figure to the record path (`rowRecount` on
 * plain records) under many filters, on every draw.
 */
import { matchesCode, roundHalfUp, type MissingCodes, type RowSpec } from "../../data/residuals";

/** Codes 0–255 are counted in a histogram; any other value in a (rare) map per variable. */
const DENSE = 256;

/** One row of the plan: its spec, where its figures sit, and its cells' codes as histogram bins. */
interface PlannedRow {
  readonly spec: RowSpec;
  /** Its place in the plan's rows. */
  readonly id: number;
  /** Its first figure's place in the plan's figures. */
  readonly at: number;
  /** The histogram of its variable. */
  readonly slot: number;
  /** Cell c counts bins `bins[binStart[c]] … bins[binStart[c + 1] - 1]` (codes 0–255 it matches). */
  readonly binStart: Int32Array;
  readonly bins: Int32Array;
  /** For a base of every tick of a multiple-response set: each (histogram, code) pair summed. */
  readonly setSlots: Int32Array;
  readonly setCodes: Float64Array;
}

/** Rows sharing a base restriction, and the variables counted under it (each once). */
interface Group {
  readonly where: RowSpec["where"];
  /** Each histogram's variable, by slot. */
  readonly slots: readonly { readonly slot: number; readonly variable: string }[];
  readonly rows: readonly PlannedRow[];
}

/** Rows of printed tables compiled for recounting. */
export interface RecountPlan {
  /** Figures in all. */
  readonly size: number;
  /** Histograms in all. */
  readonly histograms: number;
  readonly groups: readonly Group[];
  /** The most cells any row has. */
  readonly widest: number;
  /** Rows in all. */
  readonly rows: number;
}

/** A row to plan: its spec and where its figures go. */
export interface RowToPlan {
  readonly spec: RowSpec;
  readonly at: number;
}

/** `rows` (figures `size` in all) compiled into one plan. */
export function compileRecountPlan(rows: readonly RowToPlan[], size: number): RecountPlan {
  const groups = new Map<string, { where: RowSpec["where"]; slots: Map<string, number>; rows: PlannedRow[] }>();
  let histograms = 0;
  let widest = 0;
  let planned = 0;
  for (const { spec, at } of rows) {
    const key = spec.where.map((w) => `${w.variable}=${w.codes.join(",")}`).join("\u0000");
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { where: spec.where, slots: new Map(), rows: [] }));
    const slots = group.slots;
    const slotOf = (variable: string): number => {
      let s = slots.get(variable);
      if (s === undefined) slots.set(variable, (s = histograms++));
      return s;
    };
    const binStart = new Int32Array(spec.codes.length + 1);
    const bins: number[] = [];
    spec.codes.forEach((code, c) => {
      binStart[c] = bins.length;
      for (let v = 0; v < DENSE; v++) if (matchesCode(v, code)) bins.push(v);
    });
    binStart[spec.codes.length] = bins.length;
    const set = spec.base.kind === "answers" ? spec.base.set.flatMap((r) => r.codes.map((code) => [slotOf(r.variable), code] as const)) : [];
    group.rows.push({ spec, id: planned++, at, slot: slotOf(spec.variable), binStart, bins: Int32Array.from(bins), setSlots: Int32Array.from(set.map(([s]) => s)), setCodes: Float64Array.from(set.map(([, code]) => code)) });
    widest = Math.max(widest, spec.codes.length);
  }
  return {
    size,
    histograms,
    widest,
    rows: planned,
    groups: [...groups.values()].map((g) => ({ where: g.where, slots: [...g.slots].map(([variable, slot]) => ({ slot, variable })), rows: g.rows })),
  };
}

/** A draw's columns as the recount reads them: a variable (derived ones included) or a base restriction's column. */
export interface DrawColumns {
  /** What the columns belong to (a reconstruction's table): the plan's columns are looked up once per key. */
  readonly key: object;
  /** The column a row counts (undefined: the draw does not carry it, so the row gives nothing). */
  values(variable: string): Float64Array | undefined;
  /** A base restriction's column (undefined: nobody meets the restriction). */
  where(variable: string): Float64Array | undefined;
  /** Selected backing rows (null: all `n`). */
  readonly rows: Uint32Array | null;
  readonly n: number;
}

/** Scratch reused by every recount (recounting is synchronous). */
let hist = new Float64Array(DENSE * 64);
let valid = new Float64Array(64);
let present = new Uint8Array(64);
let other: (Map<number, number> | undefined)[] = [];
let met = new Uint32Array(512);
let cellCounts = new Float64Array(16);
/** The histogram bins a group counted in (set back to zero after its rows). */
let touchedBins: Int32Array = new Int32Array(1024);

function growBins(from: Int32Array): Int32Array {
  const grown = new Int32Array(from.length * 2);
  grown.set(from);
  return grown;
}

/** How many of the met respondents have `code` in histogram `slot`. */
function countOf(slot: number, code: number): number {
  if (present[slot] !== 1) return 0;
  if (code >= 0 && code < DENSE && (code | 0) === code) return hist[slot * DENSE + code] ?? 0;
  return other[slot]?.get(code) ?? 0;
}

/** A plan's columns in one reconstruction table: each histogram's column, each group's restriction (null: nobody can meet it). */
interface Resolved {
  readonly values: readonly (Float64Array | undefined)[];
  readonly where: readonly ({ readonly column: Float64Array; readonly codes: readonly number[] }[] | null)[];
}

const resolvedOf = new WeakMap<object, WeakMap<RecountPlan, Resolved>>();

function resolve(plan: RecountPlan, columns: DrawColumns): Resolved {
  let byPlan = resolvedOf.get(columns.key);
  if (!byPlan) resolvedOf.set(columns.key, (byPlan = new WeakMap()));
  const known = byPlan.get(plan);
  if (known) return known;
  const values = new Array<Float64Array | undefined>(plan.histograms);
  for (const group of plan.groups) for (const { slot, variable } of group.slots) values[slot] = columns.values(variable);
  const where = plan.groups.map((group) => {
    const tests = group.where.map((w) => ({ column: columns.where(w.variable), codes: w.codes }));
    return tests.every((t) => t.column) ? tests.flatMap((t) => (t.column ? [{ column: t.column, codes: t.codes }] : [])) : null;
  });
  const made = { values, where };
  byPlan.set(plan, made);
  return made;
}

/** Each row's missing codes (distinct), per codebook's missing-code function and plan. */
const skipsOf = new WeakMap<MissingCodes, WeakMap<RecountPlan, (readonly number[] | undefined)[]>>();

function skips(plan: RecountPlan, missing: MissingCodes): (readonly number[] | undefined)[] {
  let byPlan = skipsOf.get(missing);
  if (!byPlan) skipsOf.set(missing, (byPlan = new WeakMap()));
  let known = byPlan.get(plan);
  if (!known) byPlan.set(plan, (known = new Array<readonly number[] | undefined>(plan.rows)));
  return known;
}

/**
 * Every figure of `plan` on one draw into `out` (of `plan.size`, NaN-filled by the caller): a row
 * whose variable the draw does not carry is left NaN, as the record path gives nothing for it.
 */
export function recountWithPlan(plan: RecountPlan, columns: DrawColumns, missing: MissingCodes, out: Float64Array): void {
  if (hist.length < plan.histograms * DENSE) {
    hist = new Float64Array(plan.histograms * DENSE);
    valid = new Float64Array(plan.histograms);
    present = new Uint8Array(plan.histograms);
  }
  if (met.length < columns.n) met = new Uint32Array(columns.n);
  if (cellCounts.length < plan.widest) cellCounts = new Float64Array(plan.widest);
  other = [];
  const { rows: selected, n } = columns;
  const resolved = resolve(plan, columns);
  const skipped = skips(plan, missing);
  plan.groups.forEach((group, g) => {
    // The respondents meeting the restriction, found once for every variable of the group.
    let m = 0;
    const tests = resolved.where[g];
    const nobody = !tests;
    if (tests) {
      rows: for (let i = 0; i < n; i++) {
        const r = selected ? (selected[i] ?? 0) : i;
        for (const test of tests) if (!test.codes.includes(test.column[r] ?? Number.NaN)) continue rows;
        met[m++] = r;
      }
    }
    let touched = 0;
    for (const { slot } of group.slots) {
      const column = resolved.values[slot];
      // A restriction nobody can meet counts nothing, but its rows still give figures (of zero).
      present[slot] = column || nobody ? 1 : 0;
      valid[slot] = 0;
      if (!column || nobody) continue;
      const base = slot * DENSE;
      let k = 0;
      for (let j = 0; j < m; j++) {
        const v = column[met[j] ?? 0] ?? Number.NaN;
        if (v >= 0 && v < DENSE && (v | 0) === v) {
          const bin = base + v;
          const was = hist[bin] ?? 0;
          if (was === 0) {
            if (touched === touchedBins.length) touchedBins = growBins(touchedBins);
            touchedBins[touched++] = bin;
          }
          hist[bin] = was + 1;
          k++;
        } else if (!Number.isNaN(v)) {
          const map = (other[slot] ??= new Map());
          map.set(v, (map.get(v) ?? 0) + 1);
          k++;
        }
      }
      valid[slot] = k;
    }
    for (const row of group.rows) figuresOfRow(row, m, missing, skipped, out);
    // Histograms back to zero for the next group and draw: only the bins counted in.
    for (let t = 0; t < touched; t++) hist[touchedBins[t] ?? 0] = 0;
  });
}

/** One row's figures from its group's histograms (`m` respondents met the restriction). */
function figuresOfRow(row: PlannedRow, m: number, missing: MissingCodes, skipped: (readonly number[] | undefined)[], out: Float64Array): void {
  const { spec, slot, binStart, bins, at } = row;
  if (present[slot] !== 1) return;
  const cells = spec.codes.length;
  const base = slot * DENSE;
  const odd = other[slot];
  let rowSum = 0;
  for (let c = 0; c < cells; c++) {
    let k = 0;
    for (let p = binStart[c] ?? 0, end = binStart[c + 1] ?? 0; p < end; p++) k += hist[base + (bins[p] ?? 0)] ?? 0;
    if (odd) for (const [value, count] of odd) if (!(value >= 0 && value < DENSE && (value | 0) === value) && matchesCode(value, spec.codes[c] ?? Number.NaN)) k += count;
    cellCounts[c] = k;
    rowSum += k;
  }
  let d = Number.NaN;
  spec.sources.forEach((source, i) => {
    const count = source.cell < 0 ? rowSum : (cellCounts[source.cell] ?? 0);
    if (source.decimals === undefined) out[at + i] = count;
    else {
      if (Number.isNaN(d)) d = denominator(row, m, rowSum, missing, skipped);
      out[at + i] = d > 0 ? roundHalfUp((count / d) * 100, source.decimals) : 0;
    }
  });
}

/** The row's percent base (`RowBase`) from the histograms. */
function denominator(row: PlannedRow, m: number, rowSum: number, missing: MissingCodes, skipped: (readonly number[] | undefined)[]): number {
  const { spec, slot } = row;
  const base = spec.base;
  switch (base.kind) {
    case "respondents": return m;
    case "row-sum": return rowSum;
    case "printed-total": return base.total;
    case "answers": {
      let k = 0;
      for (let i = 0; i < row.setSlots.length; i++) k += countOf(row.setSlots[i] ?? 0, row.setCodes[i] ?? Number.NaN);
      return k;
    }
    case "answered": {
      let k = valid[slot] ?? 0;
      if (base.skipMissing) for (const code of (skipped[row.id] ??= [...new Set(missing(spec.variable))])) k -= countOf(slot, code);
      return k;
    }
  }
}
