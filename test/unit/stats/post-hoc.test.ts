/**
 * `stats.postHoc`: Tukey's HSD and Games–Howell worked by hand and held to SciPy 1.17.1's
 * `tukey_hsd` (values recorded; SciPy is no dependency) and to the real PSPP 1.6.2
 * (ONEWAY /POSTHOC=TUKEY GH) on a tiny example and on the app's data; Dunn's test worked by hand
 * (PSPP has none). PSPP prints two decimals: the item is also given to it times 1000, so its
 * differences and intervals carry three more digits. PSPP's Games–Howell block prints the pooled
 * standard error in its "Std. Error" column while its interval uses the pair's own (Welch) one, as
 * SPSS prints: so only Tukey's SE is compared with PSPP, Games–Howell's by hand.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postHoc, postHocEach } from "../../../src/stats/post-hoc";
import { holm } from "../../../src/stats/post-hoc-tests";
import { normalTwoSided } from "../../../src/stats/distributions";
import { studentizedRangeQuantile } from "../../../src/stats/studentized-range";
import { loadSurvey } from "../../../src/analysis/survey-source";
import { applyFilter } from "../../../src/analysis/apply-filter";
import { EMPTY_FILTER } from "../../../src/data/survey-filter";
import type { Survey } from "../../../src/analysis/survey";
import { findVariable } from "../../../src/stats/variable-info";
import { nodeHost } from "../notebooks/headless-survey";
import { hasPspp, runPspp } from "./pspp-run";
import { ProblemError } from "../../../src/base/result";

// A = 1 2 2 (mean 5/3, s² 1/3), B = 2 3 3 4 (mean 3, s² 2/3), C = 4 4 5 (mean 13/3, s² 1/3); MS_within = (10/3)/7.
const DATA = { g: [1, 1, 1, 2, 2, 2, 2, 3, 3, 3], y: [1, 2, 2, 2, 3, 3, 4, 4, 4, 5] };

function message(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    return e instanceof ProblemError ? e.message : String(e);
  }
  return "no error";
}

describe("by hand (A = 1 2 2, B = 2 3 3 4, C = 4 4 5)", () => {
  const r = postHoc(DATA, "g", "y", { language: "en" });

  it("Tukey: SE √(MS_w(1/nₐ + 1/n_b)), q = |d|/(SE/√2) on 7 df, interval d ± q(.95; 3, 7)/√2 · SE", () => {
    const msw = 10 / 3 / 7;
    const [ab, ac, bc] = r.tukey;
    expect([ab?.a, ab?.b, ac?.a, ac?.b, bc?.a, bc?.b]).toEqual([0, 1, 0, 2, 1, 2]);
    expect(ab?.difference).toBeCloseTo(-4 / 3, 12);
    expect(ab?.se).toBeCloseTo(Math.sqrt(msw * (1 / 3 + 1 / 4)), 12);
    expect(ac?.se).toBeCloseTo(Math.sqrt(msw * (2 / 3)), 12);
    expect(ab?.q).toBeCloseTo((4 / 3 / Math.sqrt(msw * (7 / 12))) * Math.SQRT2, 12);
    expect(ab?.df).toBe(7);
    const half = (studentizedRangeQuantile(0.95, 3, 7) / Math.SQRT2) * Math.sqrt(msw * (2 / 3));
    expect(ac?.low).toBeCloseTo(-8 / 3 - half, 12);
    expect(ac?.high).toBeCloseTo(-8 / 3 + half, 12);
  });

  it("Tukey agrees with SciPy's tukey_hsd to 1e-9 (p) and 1e-8 (interval)", () => {
    // scipy.stats.tukey_hsd([1,2,2],[2,3,3,4],[4,4,5]): pvalue[0][1], pvalue[0][2]; confidence_interval(0.95).
    expect(Math.abs((r.tukey[0]?.p ?? NaN) - 0.08840034572133604)).toBeLessThan(1e-9);
    expect(Math.abs((r.tukey[1]?.p ?? NaN) - 0.005233038694012038)).toBeLessThan(1e-9);
    expect(Math.abs((r.tukey[0]?.low ?? NaN) - -2.8855153764834736)).toBeLessThan(1e-8);
    expect(Math.abs((r.tukey[0]?.high ?? NaN) - 0.21884870981680726)).toBeLessThan(1e-8);
    expect(Math.abs((r.tukey[1]?.low ?? NaN) - -4.32601906877255)).toBeLessThan(1e-8);
    expect(Math.abs((r.tukey[1]?.high ?? NaN) - -1.0073142645607824)).toBeLessThan(1e-8);
  });

  it("Games–Howell: A–C has SE √(1/9 + 1/9) and df (2/9)²/(2·(1/9)²/2) = 4; A–B df 5", () => {
    const [ab, ac] = r.gamesHowell;
    expect(ac?.se).toBeCloseTo(Math.sqrt(2 / 9), 12);
    expect(ac?.df).toBeCloseTo(4, 12);
    // A–B: s²/n = 1/9 and 1/6; df = (5/18)² / ((1/9)²/2 + (1/6)²/3) = 5.
    expect(ab?.se).toBeCloseTo(Math.sqrt(1 / 9 + 1 / 6), 12);
    expect(ab?.df).toBeCloseTo(5, 12);
    expect(ac?.q).toBeCloseTo((8 / 3 / Math.sqrt(2 / 9)) * Math.SQRT2, 12);
    const half = (studentizedRangeQuantile(0.95, 3, 4) / Math.SQRT2) * Math.sqrt(2 / 9);
    expect(ac?.high).toBeCloseTo(-8 / 3 + half, 12);
  });

  it("Dunn: mean ranks 7/3, 5.5, 26/3; spread 110/12 − 54/108; z and Holm by hand", () => {
    // Ranks 1 → 1; 2 ×3 → 3; 3 ×2 → 5.5; 4 ×3 → 8; 5 → 10. Σ(t³ − t) = 24 + 6 + 24 = 54.
    const spread = 110 / 12 - 54 / (12 * 9);
    const [ab, ac, bc] = r.dunn;
    expect(ab?.difference).toBeCloseTo(7 / 3 - 5.5, 12);
    expect(ab?.se).toBeCloseTo(Math.sqrt(spread * (1 / 3 + 1 / 4)), 12);
    expect(ac?.z).toBeCloseTo((7 / 3 - 26 / 3) / Math.sqrt(spread * (2 / 3)), 12);
    const p = [ab, ac, bc].map((x) => normalTwoSided(x?.z ?? NaN) ?? NaN);
    expect([ab, ac, bc].map((x) => x?.pUnadjusted)).toEqual(p);
    // Holm: the smallest (A–C) times 3, the two tied next times 2 (monotone).
    expect(ac?.p).toBeCloseTo(3 * (p[1] ?? NaN), 14);
    expect(ab?.p).toBeCloseTo(2 * (p[0] ?? NaN), 14);
    expect(bc?.p).toBeCloseTo(2 * (p[2] ?? NaN), 14);
    const bonferroni = postHoc(DATA, "g", "y", { adjust: "bonferroni" }).dunn;
    expect(bonferroni.map((x) => x.p)).toEqual(p.map((x) => Math.min(1, 3 * x)));
  });

  it("Holm's adjustment is monotone, capped at 1 and keeps nulls out of the count", () => {
    expect(holm([0.01, null, 0.04, 0.03, 0.5])).toEqual([0.04, null, 0.09, 0.09, 0.5]);
    expect(holm([0.6, 0.4])).toEqual([0.8, 0.8]);
  });

  it("the audit says how many pairs differ by each method", () => {
    expect(r.audit.test).toBe("Tukey: 1 of 3 pairs with p < .05; Games–Howell: 1 of 3 pairs with p < .05; Dunn (Holm): 1 of 3 pairs with p < .05");
    expect(postHoc(DATA, "g", "y").audit.test).toBe("Tukey: 1 av 3 par med p < 0,05; Games–Howell: 1 av 3 par med p < 0,05; Dunn (Holm): 1 av 3 par med p < 0,05");
  });
});

describe("pairs without a test, and wrong calls", () => {
  it("an empty group (option groups) and a single answer: the pair says why", () => {
    const data = { g: [1, 1, 2, 2, 2, 3], y: [1, 2, 2, 3, 4, 5] };
    const r = postHoc(data, "g", "y", { groups: [1, 2, 3, 4] });
    const pair = (a: number, b: number) => r.gamesHowell.find((x) => x.a === a && x.b === b);
    expect(pair(0, 3)?.why).toBe("empty-group");
    expect(pair(0, 2)?.why).toBe("no-spread");
    expect(pair(0, 1)?.p).not.toBeNull();
    // Tukey takes the single answer (the pooled variance has it), as PSPP does.
    expect(r.tukey.find((x) => x.a === 0 && x.b === 2)?.p).not.toBeNull();
    expect(r.dunn.find((x) => x.a === 2 && x.b === 3)?.why).toBe("empty-group");
  });
  it("level and adjust are checked", () => {
    expect(message(() => postHoc(DATA, "g", "y", { level: 95 }))).toMatch(/option level is the intervals' level between 0 and 1, e.g. \{level: 0.95\}, but it got the number 95/);
    expect(message(() => postHoc(DATA, "g", "y", { adjust: "sidak" as never }))).toMatch(/option adjust is "holm" or "bonferroni", but it got .*"sidak"/);
  });
  it("the comparison's complaints are told as stats.postHoc's", () => {
    expect(message(() => postHoc(DATA, "g", "y", { groups: [1] }))).toMatch(/stats\.postHoc[\s\S]*fewer than 2 groups|fewer than 2 groups[\s\S]*stats\.postHoc/);
  });
});

let survey: Survey;
const root = mkdtempSync(join(tmpdir(), "tverrsnitt-posthoc-"));
beforeAll(async () => {
  survey = await loadSurvey(nodeHost());
}, 60_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** PSPP's "Multiple Comparisons (v)" rows as [method, I, J, difference, SE, Sig., low, high], the blanks filled down. */
function multipleComparisons(output: string, variable: string): string[][] {
  const block = output.split(/\n\s*\n/).find((b) => b.trim().startsWith(`Table: Multiple Comparisons (${variable})`));
  const rows = Papa.parse<string[]>((block ?? "").trim().split("\n").slice(3).join("\n"), { skipEmptyLines: true }).data;
  let method = "", i = "";
  return rows.map((r) => {
    method = r[0] || method;
    i = r[1] || i;
    return [method, i, ...r.slice(2)];
  });
}

/** Our pairs as PSPP lists them: every ordered pair (I, J), I ≠ J, the difference I − J. */
function psppOrder(r: ReturnType<typeof postHoc>, method: "tukey" | "gamesHowell"): { i: number; j: number; d: number; se: number; p: number; df: number; low: number; high: number }[] {
  const shown = r.rows.map((row, index) => ({ row, index })).filter((x) => x.row.n > 0);
  return shown.flatMap(({ row: ri, index: a }) => shown.filter(({ index: b }) => b !== a).map(({ row: rj, index: b }) => {
    const pair = r[method].find((x) => (x.a === a && x.b === b) || (x.a === b && x.b === a));
    const sign = pair?.a === a ? 1 : -1;
    const [low, high] = sign === 1 ? [pair?.low ?? NaN, pair?.high ?? NaN] : [-(pair?.high ?? NaN), -(pair?.low ?? NaN)];
    return { i: ri.group ?? NaN, j: rj.group ?? NaN, d: sign * (pair?.difference ?? NaN), se: pair?.se ?? NaN, p: pair?.p ?? NaN, df: pair?.df ?? NaN, low, high };
  }));
}

function psppCompare(r: ReturnType<typeof postHoc>, output: string): void {
  const rows = multipleComparisons(output, "yk");
  for (const [method, name] of [["tukey", "Tukey HSD"], ["gamesHowell", "Games-Howell"]] as const) {
    const theirs = rows.filter((x) => x[0] === name);
    const ours = psppOrder(r, method);
    expect(theirs.map((x) => [Number(x[1]), Number(x[2])]), name).toEqual(ours.map((x) => [x.i, x.j]));
    theirs.forEach((x, k) => {
      const o = ours[k];
      // ×1000, two decimals: within half a unit of the fifth decimal of the item's own scale.
      expect(Math.abs(Number(x[3]) / 1000 - (o?.d ?? NaN)), `${name} ${x[1]}–${x[2]} difference`).toBeLessThanOrEqual(0.005 / 1000 + 1e-9);
      if (x[5] === "-Infinity") {
        // A group with a single answer: PSPP prints Sig. −Infinity and an interval of ±1.8E+308; the pair has no test.
        expect(Number.isNaN(o?.p ?? NaN), `${name} ${x[1]}–${x[2]} has no p`).toBe(true);
        return;
      }
      // PSPP's quantile (R's qtukey, converged to 1e-4, on R's ptukey, off by ~1e-5 below 4 df) moves a
      // Games–Howell bound on few df by up to 1e-4 of its half-width; ours is held to SciPy there (below).
      const half = Math.abs((o?.high ?? NaN) - (o?.low ?? NaN)) / 2;
      const slack = 0.005 / 1000 + 1e-9 + (method === "gamesHowell" && (o?.df ?? 0) < 4 ? 1e-4 * half : 0);
      expect(Math.abs(Number(x[6]) / 1000 - (o?.low ?? NaN)), `${name} ${x[1]}–${x[2]} low`).toBeLessThanOrEqual(slack);
      expect(Math.abs(Number(x[7]) / 1000 - (o?.high ?? NaN)), `${name} ${x[1]}–${x[2]} high`).toBeLessThanOrEqual(slack);
      if (method === "tukey") expect(Math.abs(Number(x[4]) / 1000 - (o?.se ?? NaN)), `${name} SE`).toBeLessThanOrEqual(0.005 / 1000 + 1e-9);
      // Sig. has three decimals.
      expect(Math.abs(Number(x[5]) - (o?.p ?? NaN)), `${name} ${x[1]}–${x[2]} p`).toBeLessThanOrEqual(0.0005 + 1e-9);
    });
  }
}

describe.skipIf(!hasPspp)("postHoc against PSPP 1.6.2 (ONEWAY /POSTHOC=TUKEY GH)", () => {
  it("the hand example", () => {
    const dir = mkdtempSync(join(root, "run-"));
    writeFileSync(join(dir, "data.csv"), ["g,y", ...DATA.g.map((g, i) => `${g},${DATA.y[i]}`)].join("\n"));
    const run = runPspp(dir, [
      `GET DATA /TYPE=TXT /FILE="data.csv" /ARRANGEMENT=DELIMITED /DELCASE=LINE /FIRSTCASE=2 /DELIMITERS="," /VARIABLES= g F4.0 y F4.0.`,
      "COMPUTE yk = y * 1000.",
      "ONEWAY yk BY g /POSTHOC=TUKEY GH.",
      "",
    ].join("\n"));
    expect(run.errors).toEqual([]);
    psppCompare(postHoc(DATA, "g", "y"), run.output);
  });

  it.each([["size_class", "q1"], ["fylke", "q1"], ["resp_type", "q6"], ["size_class", "q11"]])("the app's data: %s × %s", (group, item) => {
    const r = postHoc(survey, group, item);
    const table = survey.table;
    const csv = ["g,y", ...Array.from({ length: table.numRows() }, (_, i) => `${table.get(group, i) ?? ""},${table.get(item, i) ?? ""}`)].join("\n");
    const dir = mkdtempSync(join(root, "run-"));
    writeFileSync(join(dir, "data.csv"), csv);
    const missing = findVariable(survey.codebook, item)?.missing ?? [];
    const groupMissing = findVariable(survey.codebook, group)?.missing ?? [];
    const run = runPspp(dir, [
      `GET DATA /TYPE=TXT /FILE="data.csv" /ARRANGEMENT=DELIMITED /DELCASE=LINE /FIRSTCASE=2 /DELIMITERS="," /VARIABLES= g F4.0 y F4.0.`,
      "COMPUTE yk = y * 1000.",
      missing.length ? `MISSING VALUES yk (${missing.map((m) => m * 1000).join(", ")}).` : "",
      groupMissing.length ? `MISSING VALUES g (${groupMissing.join(", ")}).` : "",
      "ONEWAY yk BY g /POSTHOC=TUKEY GH.",
      "",
    ].join("\n"));
    expect(run.errors).toEqual([]);
    psppCompare(r, run.output);
  });
});

describe("Games–Howell on few df, where PSPP's quantile is off", () => {
  it("size_class × q11, pair 1–2 (df 2.105): the bound SciPy's quantile gives", () => {
    const pair = postHoc(survey, "size_class", "q11").gamesHowell[0];
    expect(pair?.df).toBeCloseTo(2.104688885358316, 12);
    // scipy.stats.studentized_range.ppf(0.95, 6, 2.104688885358316) = 11.075453249892256; PSPP prints −4.95 (×1000: −4954.60).
    const low = (pair?.difference ?? NaN) - (11.075453249892256 / Math.SQRT2) * (pair?.se ?? NaN);
    expect(Math.abs((pair?.low ?? NaN) - low)).toBeLessThan(1e-8);
  });
});

describe("on the reconstructions", () => {
  it("postHocEach gives each draw's pairs on the selection's groups, as postHoc on that draw", () => {
    const draws = applyFilter(survey, EMPTY_FILTER).draws() ?? [];
    expect(draws.length).toBeGreaterThan(2);
    const each = postHocEach(draws, "size_class", "q1");
    const groups = each[0]?.rows.map((r) => r.group ?? 0) ?? [];
    for (const k of [1, 2, draws.length - 1]) {
      const d = draws[k];
      if (!d) continue;
      expect(each[k]?.tukey).toStrictEqual(postHoc(d, "size_class", "q1", { groups }).tukey);
      expect(each[k]?.dunn).toStrictEqual(postHoc(d, "size_class", "q1", { groups }).dunn);
    }
  });
});
