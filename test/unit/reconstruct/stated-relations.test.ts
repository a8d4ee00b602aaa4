/**
 * The relations the build imposes because the report states them (stated-relations.ts): each quote
 * is the report's own words at the cited lines, and each holds in every draw of the ensemble,
 * measured here with this folder's own Pearson r, not the build's. These tests check the imposition
 * of a stated relation; they are not findings about 1999.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { criticalR, leadBand, leadBandHolds, STATED_RELATIONS } from "../../../scripts/data/reconstruct/stated-relations";
import { readAdopters } from "../../../scripts/data/reconstruct/sources";
import { MODELS } from "../../../scripts/data/reconstruct/targets";
import { dataPath, draws, indicator, pearsonR, root, STATUS_VARIABLES } from "./ensemble-fixture";

const seedLines = readFileSync(`${root}/data/sources/000_7a6e6f7d2cc5bfc8.txt`, "utf8").split("\n");
const squash = (s: string): string => s.replace(/\s+/g, " ").trim();
const col = (k: number, name: string): Float64Array => draws[k]?.get(name) ?? new Float64Array(0);

describe("each stated relation quotes the report at its seed lines", () => {
  for (const rel of STATED_RELATIONS) {
    it(`${rel.id}: lines ${rel.lines.join("–")}`, () => {
      const [from, to] = rel.lines;
      expect(squash(seedLines.slice(from - 1, to).join(" "))).toContain(squash(rel.quote));
    });
  }
});

describe("critical r for the BPR band (hand-worked from t tables)", () => {
  it("n = 24: t(0.975, 22) = 2.0739 gives r = 0.4044; n = 66: t(0.975, 64) = 1.9977 gives r = 0.2423", () => {
    expect(criticalR(24)).toBeCloseTo(0.4044, 3);
    expect(criticalR(66)).toBeCloseTo(0.2423, 3);
    expect(leadBand("q6", 66)).toEqual([0, criticalR(66)]);
    expect(leadBand("q6", 20)[1]).toBe(0.3);
  });
});

describe("imposed in every draw", () => {
  it("size-adoption: r(size class, adopted) > 0 for each of the six models", () => {
    for (let k = 0; k < draws.length; k++) {
      for (const v of STATUS_VARIABLES) {
        const { r } = pearsonR(col(k, "size_class"), indicator(col(k, v), [1]));
        expect(r ?? -1, `draw ${k} ${v}`).toBeGreaterThan(0);
      }
    }
  });

  it("size-intranet: r(size class, 5 − q9) > 0", () => {
    for (let k = 0; k < draws.length; k++) {
      const { r, n } = pearsonR(col(k, "size_class"), col(k, "q9").map((q) => 5 - q));
      expect(n, `draw ${k}`).toBe(170);
      expect(r ?? -1, `draw ${k}`).toBeGreaterThan(0);
    }
  });

  it("lead-expectations: r(q30_5, expectation) weak and not significant for five models, significant for BPR", () => {
    for (let k = 0; k < draws.length; k++) {
      const lead = col(k, "q30_5").map((v) => (v === 5 ? Number.NaN : v));
      for (const m of MODELS) {
        const { r, n } = pearsonR(lead, col(k, m.expectation).map((v) => (v === 9 ? Number.NaN : v)));
        expect(leadBandHolds(m.expectation, r, n), `draw ${k} ${m.expectation}: r = ${r} over ${n}, band ${leadBand(m.expectation, n).join("–")}`).toBe(true);
      }
    }
  });

  it("area-status: only status 1–2 answer Er innført or Under innføring; only status 1–3 answer at all", () => {
    const broken: string[] = [];
    let started = 0;
    for (let k = 0; k < draws.length; k++) {
      for (const m of MODELS) {
        const status = col(k, m.status);
        for (let i = 1; i <= 10; i++) {
          col(k, `${m.areaPrefix}_${i}`).forEach((code, row) => {
            if (Number.isNaN(code)) return;
            const s = status[row] ?? Number.NaN;
            if (code === 1 || code === 2) started++;
            if (![1, 2, 3].includes(s) || ((code === 1 || code === 2) && s > 2)) broken.push(`draw ${k} ${m.areaPrefix}_${i} row ${row}: code ${code}, status ${s}`);
          });
        }
      }
    }
    expect(broken).toEqual([]);
    expect(started).toBeGreaterThan(0);
  });

  it("results-asked-of-adopters: every adopter answers every results and expectation item; only status 1–2 answer", () => {
    const broken: string[] = [];
    for (let k = 0; k < draws.length; k++) {
      for (const m of MODELS) {
        const status = col(k, m.status);
        const items = [...Array.from({ length: m.resultItems }, (_, i) => `${m.resultPrefix}_${i + 1}`), m.expectation];
        for (const item of items) {
          col(k, item).forEach((code, row) => {
            const s = status[row] ?? Number.NaN;
            if (s === 1 && Number.isNaN(code)) broken.push(`draw ${k} ${item}: adopter row ${row} left it blank`);
            if (!Number.isNaN(code) && s !== 1 && s !== 2) broken.push(`draw ${k} ${item}: row ${row} answers with status ${s}`);
          });
        }
      }
    }
    expect(broken).toEqual([]);
  });

  it("unnamed-servicetorg: the two servicetorg adopters Tabell 4.2 does not name are named kommuner with exactly one other model", () => {
    const listings = readAdopters(dataPath("adopters.csv")).filter((a) => (STATUS_VARIABLES as readonly string[]).includes(a.model) && a.status === 1);
    const listedUnder = (knr: number): Set<string> => new Set(listings.filter((a) => Number(a.knr) === knr).map((a) => a.model));
    for (let k = 0; k < draws.length; k++) {
      const knr = col(k, "knr");
      const unnamed = [...col(k, "q7")].flatMap((v, row) => (v === 1 && !listedUnder(knr[row] ?? Number.NaN).has("q7") ? [row] : []));
      expect(unnamed, `draw ${k}`).toHaveLength(2);
      for (const row of unnamed) {
        expect(col(k, "resp_type")[row], `draw ${k}`).toBe(1);
        expect(listedUnder(knr[row] ?? Number.NaN).size, `draw ${k} knr ${knr[row]}`).toBe(1);
      }
    }
  });
});
