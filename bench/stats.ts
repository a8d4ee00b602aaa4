/**
 * Statistics benchmark (issue 4): 1,000,000 synthetic respondents with the codebook's variables.
 *
 * Measures, as medians over RUNS runs with a different filter each run:
 *  - the filter-bar path: a filter change (fylke + size class) → crosstab size_class × q20 and a
 *    6 × 6 Pearson matrix of the six status variables (target ≤ 250 ms);
 *  - each kernel over a plain typed-array loop doing the same arithmetic, from the same run
 *    (target ratio ≤ 3);
 *  - plain Arquero (filter + groupby/count) for comparison.
 *
 * Run alone with `npx tsx bench/stats.ts`; bench/run.ts imports runStatsBench().
 */
import * as aq from "arquero";
import { pathToFileURL } from "node:url";
import type { Codebook, CodebookVariable } from "../src/data/codebook";
import { correlationMatrix, crosstab, filterView, frequencies, frameOf, type FilterCondition } from "../src/stats/index";
import { median } from "./median";

const N = 1_000_000;
const RUNS = 15;
const WARMUP = 5;
const STATUS = ["q3", "q7", "q12", "q16", "q20", "q24"];

/** Deterministic synthetic respondents: statuses lean with size class; ~4 % code 9, ~6 % blank. */
function synthesize(n: number): Record<string, (number | null)[]> {
  let s = 0x9e3779b9;
  const next = (): number => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const cols: Record<string, (number | null)[]> = { resp_type: [], fylke: [], size_class: [] };
  for (const q of STATUS) cols[q] = [];
  for (let i = 0; i < n; i++) {
    const respType = next() < 0.04 ? 2 : 1;
    const size = respType === 2 ? 6 : 1 + Math.floor(next() * 6);
    cols.resp_type?.push(respType);
    cols.size_class?.push(size);
    cols.fylke?.push(1 + Math.floor(next() * 20));
    for (const q of STATUS) {
      const u = next();
      let v: number | null;
      if (u < 0.04) v = 9;
      else if (u < 0.1) v = null;
      else {
        const x = next() + (size - 1) * 0.08;
        v = x > 1.0 ? 1 : x > 0.7 ? 2 : x > 0.45 ? 3 : 4;
      }
      cols[q]?.push(v);
    }
  }
  return cols;
}

function codebook(): Codebook {
  const status = (name: string): CodebookVariable => ({
    name, question: name, no: name, en: name, kind: "categorical",
    codes: [1, 2, 3, 4, 9].map((code) => ({ code, no: String(code), en: String(code) })),
    missing: [9], columns: { start: 1, end: 1 },
  });
  return { title: "bench", source: "synthetic", recordLength: 0, variables: STATUS.map(status), skipRules: [], sets: [] };
}


function time<T>(f: () => T): [number, T] {
  const t0 = performance.now();
  const v = f();
  return [performance.now() - t0, v];
}

/** The filter of run i: ten counties and three size classes, rotating so no run repeats the last. */
function filterOf(i: number): FilterCondition[] {
  const fylker = Array.from({ length: 10 }, (_, j) => ((i * 3 + j * 2) % 20) + 1);
  const sizes = [1 + (i % 6), 1 + ((i + 2) % 6), 1 + ((i + 4) % 6)].sort();
  return [
    { variable: "fylke", codes: fylker },
    { variable: "size_class", codes: sizes },
  ];
}

// ---- plain typed-array baselines: the same arithmetic, hand-written for these codes ----

function baselineSelect(fylke: Float64Array, size: Float64Array, where: FilterCondition[]): Uint32Array {
  const okF = new Uint8Array(256);
  const okS = new Uint8Array(256);
  for (const c of where[0]?.codes ?? []) okF[c] = 1;
  for (const c of where[1]?.codes ?? []) okS[c] = 1;
  const out = new Uint32Array(fylke.length);
  let k = 0;
  for (let r = 0; r < fylke.length; r++) {
    if (okF[fylke[r] ?? 0] === 1 && okS[size[r] ?? 0] === 1) out[k++] = r;
  }
  return out.slice(0, k);
}

function baselineCrosstab(rows: Uint32Array, x: Float64Array, y: Float64Array): number {
  const counts = new Float64Array(7 * 5);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i] ?? 0;
    const a = x[r] ?? Number.NaN;
    const b = y[r] ?? Number.NaN;
    if (a === a && b === b && b !== 9) counts[a * 5 + b] = (counts[a * 5 + b] ?? 0) + 1;
  }
  // χ² on the 6 × 4 valid block, as the kernel does.
  const rt = new Float64Array(7), ct = new Float64Array(5);
  let n = 0;
  for (let a = 1; a <= 6; a++) for (let b = 1; b <= 4; b++) {
    const o = counts[a * 5 + b] ?? 0;
    rt[a] = (rt[a] ?? 0) + o; ct[b] = (ct[b] ?? 0) + o; n += o;
  }
  let x2 = 0;
  for (let a = 1; a <= 6; a++) for (let b = 1; b <= 4; b++) {
    const e = ((rt[a] ?? 0) * (ct[b] ?? 0)) / n;
    if (e > 0) x2 += ((counts[a * 5 + b] ?? 0) - e) ** 2 / e;
  }
  return x2;
}

function baselineMatrix(rows: Uint32Array, cols: Float64Array[]): Float64Array {
  // One tight loop per pair over the raw columns, testing blank and code 9 inline.
  const k = cols.length;
  const acc = new Float64Array(((k * (k - 1)) / 2) * 6);
  let p = 0;
  for (let a = 0; a < k; a++) {
    const X = cols[a] ?? new Float64Array(0);
    for (let b = a + 1; b < k; b++, p++) {
      const Y = cols[b] ?? new Float64Array(0);
      let n = 0, sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
      for (let i = 0; i < rows.length; i++) {
        const r = rows[i] ?? 0;
        const x = X[r] ?? Number.NaN;
        const y = Y[r] ?? Number.NaN;
        if (x === x && y === y && x !== 9 && y !== 9) {
          n++; sx += x; sy += y; sxx += x * x; syy += y * y; sxy += x * y;
        }
      }
      acc.set([n, sx, sy, sxx, syy, sxy], p * 6);
    }
  }
  return acc;
}

function baselineFrequencies(rows: Uint32Array, x: Float64Array): Float64Array {
  const counts = new Float64Array(257);
  for (let i = 0; i < rows.length; i++) {
    const v = x[rows[i] ?? 0] ?? Number.NaN;
    counts[v === v ? v : 256] = (counts[v === v ? v : 256] ?? 0) + 1;
  }
  return counts;
}

export interface StatsBenchResult {
  rows: number;
  runs: number;
  medianSelectedRows: number;
  coldExtractMs: number;
  filterChangeMs: number;
  kernels: { name: string; kernelMs: number; baselineMs: number; ratio: number }[];
  arquero: { filterGroupbyCountMs: number; ratioToOurCrosstabPath: number; ratioToLoop: number };
}

/** Run the statistics benchmark, print a report, and return the numbers. */
export async function runStatsBench(): Promise<void> {
  await runStatsBenchDetailed();
}

/** Same as runStatsBench, returning the measurements (for tests or JSON output). */
export async function runStatsBenchDetailed(): Promise<StatsBenchResult> {
  const cb = codebook();
  const [genMs, cols] = time(() => synthesize(N));
  const table = aq.table(cols);
  const [coldExtractMs] = time(() => {
    const f = frameOf(table);
    for (const name of ["fylke", "size_class", ...STATUS]) f.column(name);
  });
  const frame = frameOf(table);
  const fylke = frame.column("fylke"), size = frame.column("size_class");
  const status = STATUS.map((q) => frame.column(q));
  const q20 = frame.column("q20");

  const t: Record<string, number[]> = {
    path: [], select: [], selectBase: [], crosstab: [], crosstabBase: [], matrix: [], matrixBase: [], freq: [], freqBase: [], arquero: [],
  };
  const selected: number[] = [];
  const push = (key: string, ms: number): void => {
    t[key]?.push(ms);
  };
  for (let i = 0; i < RUNS + WARMUP; i++) {
    const where = filterOf(i);
    const keep = i >= WARMUP;
    // The filter-bar path, end to end.
    const [pathMs] = time(() => {
      const view = filterView(table, where);
      const ct = crosstab(view, "size_class", "q20", { codebook: cb });
      const m = correlationMatrix(view, STATUS, { codebook: cb });
      return [ct, m];
    });
    // Kernels one by one against their baselines, on the same filter.
    const [selMs, view] = time(() => filterView(table, where));
    const rows = view.indices();
    const [selBaseMs, rowsBase] = time(() => baselineSelect(fylke, size, where));
    if (rowsBase.length !== rows.length) throw new Error("baseline selection disagrees with filterView");
    const [ctMs, ct] = time(() => crosstab(view, "size_class", "q20", { codebook: cb }));
    const [ctBaseMs, x2] = time(() => baselineCrosstab(rows, size, q20));
    if (Math.abs((ct.tests.pearson.value ?? 0) - x2) > 1e-6 * x2) throw new Error("baseline χ² disagrees with crosstab");
    const [mMs] = time(() => correlationMatrix(view, STATUS, { codebook: cb }));
    const [mBaseMs] = time(() => baselineMatrix(rows, status));
    const [fMs] = time(() => frequencies(view, "q20", { codebook: cb }));
    const [fBaseMs] = time(() => baselineFrequencies(rows, q20));
    const [aqMs, groups] = time(() =>
      table
        .params({ fy: where[0]?.codes ?? [], sc: where[1]?.codes ?? [] })
        .filter((d: { fylke: number; size_class: number }, $: { fy: number[]; sc: number[] }) => aq.op.includes($.fy, d.fylke, 0) && aq.op.includes($.sc, d.size_class, 0))
        .groupby("size_class", "q20")
        .count()
        .objects(),
    );
    const aqTotal = groups.reduce((a: number, g: { count?: unknown }) => a + (typeof g.count === "number" ? g.count : 0), 0);
    if (aqTotal !== rows.length) throw new Error(`Arquero counted ${aqTotal} rows, filterView ${rows.length}`);
    if (!keep) continue;
    selected.push(rows.length);
    push("path", pathMs); push("select", selMs); push("selectBase", selBaseMs);
    push("crosstab", ctMs); push("crosstabBase", ctBaseMs); push("matrix", mMs); push("matrixBase", mBaseMs);
    push("freq", fMs); push("freqBase", fBaseMs); push("arquero", aqMs);
    if (process.env.BENCH_DEBUG) console.log(`run ${i}: rows ${rows.length} path ${pathMs.toFixed(1)} matrix ${mMs.toFixed(1)} base ${mBaseMs.toFixed(1)}`);
  }
  const med = (k: string): number => median(t[k] ?? []);
  const kernels = [
    ["filter (fylke + size class)", "select", "selectBase"],
    ["crosstab size_class × q20 + χ²", "crosstab", "crosstabBase"],
    ["6 × 6 Pearson matrix (pairwise)", "matrix", "matrixBase"],
    ["frequencies q20", "freq", "freqBase"],
  ].map(([name, k, b]) => {
    // Ratio per run (kernel and loop measured back to back), then the median: robust to load drift.
    const ks = t[k ?? ""] ?? [];
    const bs = t[b ?? ""] ?? [];
    return { name: name ?? "", kernelMs: med(k ?? ""), baselineMs: med(b ?? ""), ratio: median(ks.map((x, i) => x / (bs[i] ?? x))) };
  });
  const result: StatsBenchResult = {
    rows: N,
    runs: RUNS,
    medianSelectedRows: median(selected),
    coldExtractMs,
    filterChangeMs: med("path"),
    kernels,
    arquero: {
      filterGroupbyCountMs: med("arquero"),
      ratioToOurCrosstabPath: med("arquero") / (med("select") + med("crosstab")),
      ratioToLoop: med("arquero") / (med("selectBase") + med("crosstabBase")),
    },
  };

  const f = (x: number): string => x.toFixed(1).padStart(8);
  console.log(`\nStatistics benchmark — ${N.toLocaleString("en")} synthetic respondents, median of ${RUNS} runs (after ${WARMUP} warm-up), node ${process.version}`);
  console.log(`  data generation ${genMs.toFixed(0)} ms; first column extraction (8 columns, once per table) ${coldExtractMs.toFixed(1)} ms`);
  console.log(`  median selection: ${result.medianSelectedRows.toLocaleString("en")} rows (10 counties × 3 size classes)`);
  console.log(`  filter change → crosstab + 6×6 Pearson matrix: ${result.filterChangeMs.toFixed(1)} ms (target ≤ 250 ms) ${result.filterChangeMs <= 250 ? "OK" : "OVER"}`);
  console.log("  kernel                               kernel ms  loop ms   ratio (median of per-run ratios; target ≤ 3)");
  for (const k of kernels) console.log(`  ${k.name.padEnd(36)} ${f(k.kernelMs)} ${f(k.baselineMs)} ${k.ratio.toFixed(2).padStart(7)} ${k.ratio <= 3 ? "OK" : "OVER"}`);
  console.log(
    `  plain Arquero filter + groupby(size_class, q20).count(): ${result.arquero.filterGroupbyCountMs.toFixed(1)} ms = ` +
      `${result.arquero.ratioToLoop.toFixed(1)}× the plain loops (filter + crosstab), ${result.arquero.ratioToOurCrosstabPath.toFixed(1)}× our kernels`,
  );
  return result;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await runStatsBench();
}
