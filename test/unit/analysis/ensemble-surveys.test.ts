/**
 * The ensemble's draws as surveys (evidence/ensemble-surveys.ts): a draw's columns are decoded from
 * the ensemble file when first read, once, not all 133 of every draw when the draws are first asked
 * for (issue 11, cold start: a first open reads about two thirds of them). What a draw's columns
 * hold, in every idiom cell code uses, is tested in blank-convention.test.ts.
 */
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { withEnsemble } from "../../../src/analysis/evidence/ensemble-surveys";
import type { Survey } from "../../../src/analysis/survey";
import { loadSurvey } from "../../../src/analysis/survey-source";
import { unwrap } from "../../../src/base/result";
import { decodeEnsemble, type Ensemble } from "../../../src/data/ensemble";
import { frameOf } from "../../../src/stats/index";
import { nodeHost, repo } from "../notebooks/headless-survey";

let loaded: Survey;
let ensemble: Ensemble;

beforeAll(async () => {
  loaded = await loadSurvey(nodeHost());
  ensemble = unwrap(decodeEnsemble(new Uint8Array(readFileSync(`${repo}/data/survey-1999/ensemble.bin`))));
});

/** `base` with each column it decodes (and each whole draw) written down. */
function watched(base: Ensemble): { ensemble: Ensemble; decoded: string[] } {
  const decoded: string[] = [];
  return {
    decoded,
    ensemble: {
      ...base,
      values: (name) => base.values(name),
      stacked: (name) => base.stacked(name),
      column: (name, k) => {
        decoded.push(`${name}@${k}`);
        return base.column(name, k);
      },
      draw: (k) => {
        decoded.push(`draw ${k}`);
        return base.draw(k);
      },
    },
  };
}

describe("a reconstruction's columns", () => {
  it("are decoded when first read, each once, with the ensemble's values", () => {
    const { ensemble: counting, decoded } = watched(ensemble);
    const survey = withEnsemble(loaded, counting);
    const draws = survey.draws ?? [];
    expect(draws).toHaveLength(ensemble.draws);
    // Only knr, whose text is spelled from its numbers, is decoded with the draws.
    expect(decoded).toEqual(Array.from({ length: ensemble.draws - 1 }, (_, i) => `knr@${i + 1}`));
    const draw3 = draws[3];
    if (!draw3) throw new Error("no draw 3");
    expect(draw3.table.columnNames()).toEqual(expect.arrayContaining(["q3", "fylke", "knr", "resp_id"]));
    expect(decoded).toHaveLength(ensemble.draws - 1);
    const q3 = frameOf(draw3.table).column("q3");
    expect(decoded.slice(ensemble.draws - 1)).toEqual(["q3@3"]);
    expect(Array.from(q3)).toEqual(Array.from(ensemble.column("q3", 3) ?? []));
    // Read again, in another idiom: no second decoding, blanks as null.
    const values = draw3.table.array("q3");
    expect(decoded).toHaveLength(ensemble.draws);
    expect(Array.from(values)).toEqual(Array.from(q3, (v) => (Number.isNaN(v) ? null : v)));
    expect(Array.from(values).some((v) => v === null)).toBe(true);
  });
});
