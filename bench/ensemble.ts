/**
 * Ensemble decoding benchmark (issue 10): data/survey-1999/ensemble.bin, 50 draws × 267 respondents
 * × 133 columns. Medians over RUNS runs of: reading the header (decodeEnsemble), decoding every
 * column of every draw (draw(k) for all k), and every column stacked over the draws (stacked()).
 *
 * Run alone with `npx tsx bench/ensemble.ts`; bench/run.ts imports runEnsembleBench().
 */
import { readFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { decodeEnsemble, type Ensemble } from "../src/data/ensemble";
import { median } from "./median";

const RUNS = 15;
const WARMUP = 3;


function timed(f: () => void): number {
  const t0 = performance.now();
  f();
  return performance.now() - t0;
}

function open(bytes: Uint8Array): Ensemble {
  const result = decodeEnsemble(bytes);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

export async function runEnsembleBench(): Promise<void> {
  const path = fileURLToPath(new URL("../data/survey-1999/ensemble.bin", import.meta.url));
  const bytes = new Uint8Array(readFileSync(path));
  const e = open(bytes);
  const header: number[] = [];
  const allDraws: number[] = [];
  const allStacked: number[] = [];
  let sink = 0;
  for (let i = 0; i < WARMUP + RUNS; i++) {
    const h = timed(() => { sink += open(bytes).draws; });
    const d = timed(() => { for (let k = 0; k < e.draws; k++) sink += e.draw(k).size; });
    const s = timed(() => { for (const v of e.variables) sink += e.stacked(v)?.length ?? 0; });
    if (i >= WARMUP) {
      header.push(h);
      allDraws.push(d);
      allStacked.push(s);
    }
  }
  console.log(`Ensemble decoding (${bytes.length} bytes: ${e.draws} draws × ${e.rows} rows × ${e.variables.length} columns), median of ${RUNS} runs in Node:`);
  console.log(`  decodeEnsemble (header)            ${median(header).toFixed(2)} ms`);
  console.log(`  every column of every draw (draw)  ${median(allDraws).toFixed(2)} ms`);
  console.log(`  every column stacked (stacked)     ${median(allStacked).toFixed(2)} ms`);
  if (sink < 0) console.log(sink);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  runEnsembleBench().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
