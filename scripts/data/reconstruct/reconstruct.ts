/**
 * The whole reconstruction as one pure function: frame → statuses → intranet → areas → q30
 * statements → results/expectations → background. Same inputs and seed give the same respondents,
 * field by field. Every stage deals printed counts uniformly; the only relations built in are those
 * of stated-relations.ts, and `redraws` records what each redraw loop kept.
 */
import type { Codebook } from "../../../src/data/codebook";
import { createRng } from "./prng";
import { buildFrame } from "./frame";
import { assignIntranet, assignStatuses, type Resolution } from "./statuses";
import { assignAreas } from "./areas";
import { assignResults } from "./results";
import type { RedrawRecord } from "./assign";
import { assignBackground, assignStatements } from "./background";
import { FRAME } from "./targets";
import type { Respondent } from "./respondent";
import type { AdopterRow, Municipality } from "./sources";

/** The fixed seed of the bundled dataset. Change it only together with docs/data/reconstruction.md. */
export const SEED = 19991203;

export interface Reconstruction {
  people: Respondent[];
  resolutions: Resolution[];
  /** What the redraw loop of each imposed relation kept (attempt, r, band). */
  redraws: RedrawRecord[];
}

/** The build's inputs: SSB's kommuner, the named adopters and the knr printed in Tabell V2.1. */
export interface ReconstructionInputs {
  municipalities: readonly Municipality[];
  adopters: readonly AdopterRow[];
  listed: readonly string[];
}

export function reconstruct(inputs: ReconstructionInputs, codebook: Codebook, seed: number = SEED): Reconstruction {
  const { municipalities, adopters, listed } = inputs;
  const rng = createRng(seed);
  const resolutions: Resolution[] = [];
  const people = buildFrame(municipalities, adopters, { kommuner: FRAME.kommuner, fylkeskommuner: FRAME.fylkeskommuner, listed }, rng.fork("frame"));
  const redraws = [
    ...assignStatuses(people, rng.fork("statuses"), resolutions),
    ...assignIntranet(people, rng.fork("intranet"), resolutions),
  ];
  assignAreas(people, rng.fork("areas"), resolutions);
  assignStatements(people, rng.fork("statements"));
  redraws.push(...assignResults(people, rng.fork("results"), resolutions));
  const counted = new Map<string, number>();
  for (const set of codebook.sets) for (const v of set.variables) counted.set(v, set.countedValue);
  assignBackground(people, rng.fork("background"), resolutions, (v) => counted.get(v) ?? 1);
  return { people, resolutions, redraws };
}
