/**
 * `stats.compareGroups`: the one-way ANOVA, Welch's F and Kruskal–Wallis H worked by hand on a tiny
 * example with ties, and held to the real PSPP (ONEWAY /STATISTICS=DESCRIPTIVES, NPAR TESTS /K-W) on
 * the app's data for three item × group pairs. PSPP prints two decimals; the item is also given to
 * PSPP times 1000, so its mean squares (×10⁶) and means (×1000) carry more digits.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compareGroups } from "../../../src/stats/compare-groups";
import { kruskalWallis, oneWayAnova, welchAnova } from "../../../src/stats/group-tests";
import { loadSurvey } from "../../../src/analysis/survey-source";
import type { Survey } from "../../../src/analysis/survey";
import { findVariable } from "../../../src/stats/variable-info";
import { nodeHost } from "../notebooks/headless-survey";
import { hasPspp, runPspp } from "./pspp-run";
import { ProblemError } from "../../../src/base/result";

const A = Float64Array.of(1, 2, 2), B = Float64Array.of(2, 3, 3, 4), C = Float64Array.of(4, 4, 5);

describe("group tests by hand (A = 1 2 2, B = 2 3 3 4, C = 4 4 5)", () => {
  it("one-way ANOVA: SSB 32/3, SSW 10/3, F(2, 7) = 11.2, η² = 32/42", () => {
    const a = oneWayAnova([A, B, C]);
    // Grand mean 3; group means 5/3, 3, 13/3: SSB = 3·16/9 + 0 + 3·16/9; SSW = 2/3 + 2 + 2/3.
    expect(a.ssBetween).toBeCloseTo(32 / 3, 12);
    expect(a.ssWithin).toBeCloseTo(10 / 3, 12);
    expect([a.df1, a.df2]).toEqual([2, 7]);
    expect(a.f).toBeCloseTo(11.2, 12);
    // For df1 = 2, P(F ≥ f) = (1 + 2f/df2)^(−df2/2).
    expect(a.p).toBeCloseTo((1 + (2 * 11.2) / 7) ** -3.5, 12);
    expect(a.etaSquared).toBeCloseTo(32 / 42, 12);
    const msw = 10 / 3 / 7;
    expect(a.omegaSquared).toBeCloseTo((32 / 3 - 2 * msw) / (14 + msw), 12);
  });

  it("Welch: w = 9, 6, 9; m′ = 3; Λ = 0.578125; F = 16/1.14453125 on (2, 8/1.734375)", () => {
    const w = welchAnova([A, B, C]);
    const f = 16 / (1 + (2 / 8) * 0.578125);
    const df2 = 8 / (3 * 0.578125);
    expect(w.f).toBeCloseTo(f, 12);
    expect(w.df2).toBeCloseTo(df2, 12);
    expect(w.p).toBeCloseTo((1 + (2 * f) / df2) ** (-df2 / 2), 12);
  });

  it("Kruskal–Wallis with ties: R = 7, 22, 26; H = 6498/936 after the tie correction 936/990", () => {
    // Ranks: 1 → 1; 2 ×3 → 3; 3 ×2 → 5.5; 4 ×3 → 8; 5 → 10. Uncorrected H = 12/110·(49/3 + 484/4 + 676/3) − 33.
    const k = kruskalWallis([A, B, C]);
    expect(k.meanRanks.map((r) => r * 12)).toEqual([28, 66, 104]);
    expect(k.tieCorrection).toBeCloseTo(1 - 54 / 990, 14);
    expect(k.h).toBeCloseTo(6498 / 936, 12);
    expect(k.df).toBe(2);
    // χ² on 2 df: P = exp(−H/2).
    expect(k.p).toBeCloseTo(Math.exp(-6498 / 936 / 2), 12);
    expect(k.epsilonSquared).toBeCloseTo(6498 / 936 / 9, 12);
  });

  it("the kernel gives per group n, mean, sd, median and drops the missing code", () => {
    const data = { g: [1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 3], y: [1, 2, 2, 2, 3, 3, 4, 4, 4, 5, 9, null] };
    const c = compareGroups(data, "g", "y", { missing: { y: [9] } });
    expect(c.rows.map((r) => [r.group, r.n, r.median])).toEqual([[1, 3, 2], [2, 4, 3], [3, 3, 4]]);
    expect(c.rows[1]?.sd).toBeCloseTo(Math.sqrt(2 / 3), 12);
    expect(c.overall.n).toBe(10);
    expect(c.kruskalWallis.h).toBeCloseTo(6498 / 936, 12);
    expect(c.audit.line).toContain("y: 9 (1), blank (1)");
    expect(c.audit.test).toMatch(/^ANOVA F\(2, 7\) = 11,20, p = 0,007; Welch F\(2, 4,61\) = 13,98, p = 0,011; Kruskal–Wallis H\(2\) = 6,94, p = 0,031$/);
  });
});

describe("wrong calls say the fix", () => {
  const data = { g: [1, 1, 2, 2, 3], y: [1, 2, 2, 3, 4], town: ["Bergen", "Oslo", "", "Stavanger", "Bodø"] };
  const message = (f: () => unknown): string => {
    try {
      f();
    } catch (e) {
      return e instanceof ProblemError ? e.message : String(e);
    }
    return "no error";
  };
  it("a group with one member: ANOVA and K-W take it (as PSPP does), Welch is null, the note says how to leave it out", () => {
    const c = compareGroups(data, "g", "y", { language: "en" });
    expect(c.anova.f).not.toBeNull();
    expect(c.welch.f).toBeNull();
    expect(c.audit.test).toContain("Welch F: Welch needs at least 2 answers that differ in every group; group 3 has not");
    expect(c.notes.join(" ")).toMatch(/single valid answer in group 3 \(3\).*Leave it out with stats\.compareGroups\(selection, "g", "y", \{groups: \[1, 2\]\}\), or merge/);
    expect(compareGroups(data, "g", "y", { groups: [1, 2] }).welch.f).not.toBeNull();
  });
  it("a text item: compare a numeric item", () => {
    expect(message(() => compareGroups(data, "g", "town"))).toMatch(/the item "town" holds text, e.g. "Bergen", not numbers: compare a numeric item/);
  });
  it("fewer than 2 groups: widen the filter", () => {
    expect(message(() => compareGroups(data, "g", "y", { groups: [1, 9] }))).toMatch(/fewer than 2 groups to compare: only group 1 \(1\) has valid answers of y.*widen the filter/);
  });
  it("a weight is refused with what to do", () => {
    expect(message(() => compareGroups(data, "g", "y", { weight: "y" } as never))).toMatch(/computes unweighted, so it takes no option weight; leave it out/);
  });
});

let survey: Survey;
const root = mkdtempSync(join(tmpdir(), "tverrsnitt-oneway-"));
beforeAll(async () => {
  survey = await loadSurvey(nodeHost());
}, 60_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** PSPP's output tables by title, in order (a title may repeat: one per command). */
function tables(output: string): { title: string; rows: string[][] }[] {
  return output.split(/\n\s*\n/).flatMap((block) => {
    const lines = block.trim().split("\n");
    const head = lines[0] ?? "";
    if (!head.startsWith("Table: ")) return [];
    return [{ title: head.slice(7), rows: Papa.parse<string[]>(lines.slice(1).join("\n"), { skipEmptyLines: true }).data }];
  });
}

const PAIRS: [string, string][] = [["size_class", "q1"], ["fylke", "q1"], ["resp_type", "q6"], ["size_class", "q11"]];

describe.skipIf(!hasPspp)("compareGroups against PSPP on the app's data", () => {
  it.each(PAIRS)("%s × %s", (group, item) => {
    const c = compareGroups(survey, group, item);
    const table = survey.table;
    const csv = ["g,y", ...Array.from({ length: table.numRows() }, (_, i) => `${table.get(group, i) ?? ""},${table.get(item, i) ?? ""}`)].join("\n");
    const dir = mkdtempSync(join(root, "run-"));
    writeFileSync(join(dir, "data.csv"), csv);
    const missing = findVariable(survey.codebook, item)?.missing ?? [];
    const codes = c.rows.map((r) => r.group ?? 0);
    const run = runPspp(dir, [
      `GET DATA /TYPE=TXT /FILE="data.csv" /ARRANGEMENT=DELIMITED /DELCASE=LINE /FIRSTCASE=2 /DELIMITERS="," /VARIABLES= g F4.0 y F4.0.`,
      missing.length ? `MISSING VALUES y (${missing.join(", ")}).` : "",
      "COMPUTE yk = y * 1000.",
      missing.length ? `MISSING VALUES yk (${missing.map((m) => m * 1000).join(", ")}).` : "",
      "ONEWAY y yk BY g /STATISTICS=DESCRIPTIVES.",
      `NPAR TESTS /K-W = y BY g(${Math.min(...codes)}, ${Math.max(...codes)}).`,
      "",
    ].join("\n"));
    expect(run.errors).toEqual([]);
    const out = tables(run.output);
    const anova = out.find((t) => t.title === "ANOVA");
    const rowsOf = (variable: string): string[][] => {
      const rows = anova?.rows ?? [];
      const at = rows.findIndex((r) => r[0] === variable);
      return rows.slice(at, at + 3);
    };
    const [between, within] = rowsOf("y");
    const [betweenK, withinK] = rowsOf("yk");
    expect(Number(between?.[5])).toBeCloseTo(c.anova.f ?? NaN, 2);
    expect(Number(between?.[6])).toBeCloseTo(c.anova.p ?? NaN, 3);
    expect([Number(between?.[3]), Number(within?.[3])]).toEqual([c.anova.df1, c.anova.df2]);
    // Mean squares of y × 1000 (PSPP writes a large sum of squares as 1.3E+008, a mean square in full).
    expect(Number(betweenK?.[4]) / 1e6).toBeCloseTo(c.anova.ssBetween / c.anova.df1, 6);
    expect(Number(withinK?.[4]) / 1e6).toBeCloseTo(c.anova.ssWithin / c.anova.df2, 6);
    // Per group n and mean (×1000) from the descriptives of yk.
    const desc = out.find((t) => t.title === "Descriptives")?.rows ?? [];
    const start = desc.findIndex((r) => r[0] === "yk");
    const groups = desc.slice(start, start + c.rows.filter((r) => r.n > 0).length);
    expect(groups.map((r) => [Number(r[1]), Number(r[2]), Number(r[3]) / 1000, Number(r[4]) / 1000])).toEqual(
      c.rows.filter((r) => r.n > 0).map((r) => [r.group, r.n, expect.closeTo(r.mean ?? NaN, 5), r.sd === null ? NaN : expect.closeTo(r.sd, 5)]),
    );
    const kw = out.find((t) => t.title === "Test Statistics")?.rows ?? [];
    expect(Number(kw.find((r) => r[0] === "Chi-Square")?.[1])).toBeCloseTo(c.kruskalWallis.h ?? NaN, 2);
    expect(Number(kw.find((r) => r[0] === "df")?.[1])).toBe(c.kruskalWallis.df);
    expect(Number(kw.find((r) => r[0] === "Asymp. Sig.")?.[1])).toBeCloseTo(c.kruskalWallis.p ?? NaN, 3);
    const ranks = (out.find((t) => t.title === "Ranks")?.rows ?? []).filter((r) => r[1] !== "Total" && r[1] !== "");
    const shown = c.rows.filter((r) => r.n > 0);
    expect(ranks.map((r) => [Number(r[1]), Number(r[2])])).toEqual(shown.map((r) => [r.group, r.n]));
    // PSPP rounds half away from zero (97.425 → 97.43): within half a unit of the second decimal.
    const off = ranks.map((r, i) => Math.abs(Number(r[3]) - (shown[i]?.meanRank ?? NaN)));
    expect(Math.max(...off)).toBeLessThanOrEqual(0.005 + 1e-9);
  });

  it("q1 by size class reads as an31's PSPP run: F(5, 244) = 0.37, p = .867; χ²(5) = 2.29, p = .807", () => {
    const c = compareGroups(survey, "size_class", "q1", { language: "en" });
    expect(c.audit.test).toMatch(/^ANOVA F\(5, 244\) = 0\.37, p = \.867; Welch F\(5, [\d.]+\) = [\d.]+, p = [.\d]+; Kruskal–Wallis H\(5\) = 2\.29, p = \.807$/);
  });
});
