/**
 * Every reconstruction of the ensemble against the report: each draw reproduces every printed figure
 * (the residual machinery of src/data/residuals.ts, exact cells must all be met), every named fact
 * and the skip rules; what follows from the print and the named respondents is the same in every
 * draw; and the build regenerates the file byte for byte.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { computeResiduals, type RecordValues } from "../../../src/data/residuals";
import { SEED } from "../../../scripts/data/reconstruct/reconstruct";
import { readAdopters, readMunicipalities, readRespondentList } from "../../../scripts/data/reconstruct/sources";
import { buildEnsemble, ensembleRecords, ensembleVariables } from "../../../scripts/data/reconstruct/ensemble";
import { encodeEnsemble } from "../../../scripts/data/reconstruct/ensemble-file";
import { codebook, dataPath, draws, ensemble, modelsAdopted, printed, recordsOf, root, STATUS_VARIABLES } from "./ensemble-fixture";

const adopters = readAdopters(dataPath("adopters.csv"));
const listed = readRespondentList(dataPath("respondent-list.csv"));
const municipalities = readMunicipalities(`${root}/data/reference/kommuner_1999_folkemengde_storrelsesklasse.csv`);
const ssb = new Map(municipalities.map((m) => [m.knr, m]));
const missingCodes = new Map(codebook.variables.map((v) => [v.name, v.missing]));
const records = draws.map(recordsOf);
/** The build's own count of exact cells (residuals.json), so no row silently drops out of the check. */
const exactInResiduals = ((): number => {
  const doc: unknown = JSON.parse(readFileSync(dataPath("residuals.json"), "utf8"));
  const cells: unknown = typeof doc === "object" && doc !== null && "cells" in doc ? doc.cells : [];
  return Array.isArray(cells) ? cells.filter((c: unknown) => !(typeof c === "object" && c !== null && "soft" in c && c.soft === true)).length : -1;
})();
/** One (kommunenummer, model) listing per line: Tabell 4.x and the two-model list repeat some. */
const listings = [...new Map(adopters.map((a) => [`${a.knr} ${a.model}`, a])).values()];
const byKnr = (recs: readonly RecordValues[]): Map<number, RecordValues> =>
  new Map(recs.flatMap((r): [number, RecordValues][] => (r.knr === null || r.knr === undefined ? [] : [[r.knr, r]])));

describe(`every one of the ${ensemble.draws} reconstructions reproduces the report`, () => {
  records.forEach((recs, k) => {
    it(`draw ${k}: every exact printed cell (counts, percentages, documented resolutions)`, () => {
      const { cells } = computeResiduals(printed, recs, (v) => missingCodes.get(v) ?? []);
      const exact = cells.filter((c) => !c.soft);
      expect(exact.length).toBe(exactInResiduals);
      const missed = exact.filter((c) => !c.ok).map((c) => `${c.table} ${c.variable}=${String(c.code)} ${c.measure}: target ${c.target}, got ${c.reconstructed}`);
      expect(missed).toEqual([]);
    });

    it(`draw ${k}: every named adopter with its listed answer, real county and SSB size class`, () => {
      const named = byKnr(recs);
      for (const a of adopters) {
        const rec = named.get(Number(a.knr));
        expect(rec, `${a.knr} ${a.name}`).toBeDefined();
        expect(rec?.[a.model], `${a.knr} ${a.model}`).toBe(a.status);
        expect(rec?.resp_type).toBe(a.respType);
        expect(rec?.fylke).toBe(a.fylke);
        expect(rec?.size_class).toBe(a.respType === 2 ? 6 : ssb.get(a.knr)?.sizeClass);
      }
      for (const knr of listed) expect(named.has(Number(knr)), `V2.1 ${knr}`).toBe(true);
      expect(named.size).toBe(new Set([...adopters.map((a) => a.knr), ...listed]).size);
    });

    it(`draw ${k}: N = 267 (257 kommuner, 10 fylkeskommuner) and the skip rules`, () => {
      expect(recs.filter((r) => r.resp_type === 1)).toHaveLength(257);
      expect(recs.filter((r) => r.resp_type === 2)).toHaveLength(10);
      expect(new Set(recs.map((r) => r.resp_id)).size).toBe(267);
      for (const rule of codebook.skipRules) {
        for (const r of recs.filter((x) => x[rule.variable] === null || rule.codes.includes(x[rule.variable] ?? Number.NaN))) {
          for (const v of rule.skips) expect(r[v], `${rule.id} ${v}`).toBeNull();
        }
      }
    });
  });
});

describe("determined: what follows from the print and the named respondents is the same in every draw", () => {
  const namedKnr = [...new Set(adopters.map((a) => Number(a.knr)))].sort((a, b) => a - b);

  it("the named adopters of each model by size class", () => {
    const table = (recs: readonly RecordValues[]): string => {
      const named = byKnr(recs);
      return STATUS_VARIABLES.map((v) => {
        const counts = [1, 2, 3, 4, 5, 6].map((c) =>
          listings.filter((a) => a.model === v && a.status === 1 && named.get(Number(a.knr))?.size_class === c).length);
        return `${v}: ${counts.join(" ")}`;
      }).join("; ");
    };
    const first = table(records[0] ?? []);
    // Hand-checkable anchor: 58 of servicetorg's 60 adopters are named (Tabell 4.2).
    expect(first.split("; ")[1]?.split(": ")[1]?.split(" ").map(Number).reduce((a, b) => a + b, 0)).toBe(58);
    for (const recs of records) expect(table(recs)).toBe(first);
  });

  it("the printed figures themselves, and the respondents per size class and type", () => {
    const figures = (recs: readonly RecordValues[]): string =>
      computeResiduals(printed, recs, (v) => missingCodes.get(v) ?? []).cells.filter((c) => !c.soft).map((c) => c.reconstructed).join(",");
    const margins = (recs: readonly RecordValues[]): string =>
      [1, 2, 3, 4, 5, 6].map((c) => [1, 2].map((t) => recs.filter((r) => r.size_class === c && r.resp_type === t).length).join("/")).join(" ");
    for (const recs of records) {
      expect(figures(recs)).toBe(figures(records[0] ?? []));
      expect(margins(recs)).toBe(margins(records[0] ?? []));
    }
  }, 60_000);

  it("the twelve with three or more models (Tabell 2.3) and how many models each named adopter has", () => {
    const profile = (k: number): string => {
      const d = draws[k];
      if (!d) return "";
      const n = modelsAdopted(d);
      const knr = d.get("knr") ?? new Float64Array(0);
      const three = [...knr].filter((_, i) => (n[i] ?? 0) >= 3).sort((a, b) => a - b);
      return `${three.length}: ${three.join(" ")}`;
    };
    expect(profile(0).startsWith("12: ")).toBe(true);
    for (let k = 0; k < draws.length; k++) expect(profile(k)).toBe(profile(0));
    // A named adopter's models beyond its listings can only be the two unnamed servicetorg answers.
    for (const recs of records) {
      const named = byKnr(recs);
      const extra = namedKnr.reduce((sum, knr) => {
        const rec = named.get(knr);
        const listedHere = listings.filter((a) => Number(a.knr) === knr && (STATUS_VARIABLES as readonly string[]).includes(a.model)).length;
        return sum + STATUS_VARIABLES.filter((v) => rec?.[v] === 1).length - listedHere;
      }, 0);
      expect(extra).toBe(2);
    }
  });
});

describe("determinism", () => {
  it("npm run data:build's ensemble is rebuilt byte for byte from the seed", () => {
    const rebuilt = buildEnsemble({ municipalities, adopters, listed }, codebook, printed, SEED, ensemble.draws);
    const bytes = encodeEnsemble({
      seed: SEED,
      drawSeeds: rebuilt.seeds,
      variables: ensembleVariables(codebook),
      draws: rebuilt.reconstructions.map((r) => ensembleRecords(r, codebook)),
    });
    // A mismatch means an input or the generator changed after the last build: run `npm run data:build`.
    expect(Buffer.from(bytes).equals(readFileSync(dataPath("ensemble.bin"))), "ensemble.bin is stale: run npm run data:build").toBe(true);
  }, 60_000);
});
