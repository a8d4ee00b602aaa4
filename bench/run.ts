/**
 * `npm run bench`: builds the app, runs the workbench benchmarks, the shipped notebooks under a filter
 * change (bench/notebooks.ts), the evidence of notebook 01 under a filter change (bench/evidence-filter.ts)
 * and the file loads (bench/file-load.ts)
 * in Chromium, the ensemble decoding benchmark (bench/ensemble.ts), the crosswalk benchmark
 * (bench/crosswalk.ts), then the statistics benchmark from bench/stats.ts when that file is present.
 * Prints medians; not a test.
 *
 * `npm run bench -- --vs <another build's dist>` builds, then only compares this build with that one
 * in one run: cold start and the shipped notebooks' filter changes, with ratios (bench/versus.ts).
 *
 * `npm run bench -- --only files` builds, then runs only the file loads (bench/file-load.ts; the
 * inputs by BENCH_FILES=csv-50mb,card …, the runs by BENCH_FILE_RUNS); with `--vs <dist>` both builds
 * load each file alternately, with ratios.
 */
import { existsSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "vite";
import { runFileLoadBench } from "./file-load";
import { runWorkbenchBench } from "./workbench";
import { runNotebookBench } from "./notebooks";
import { runEnsembleBench } from "./ensemble";
import { runCrosswalkBench } from "./crosswalk";
import { runEvidenceBench } from "./evidence-filter";
import { runVersus, versusOptions } from "./versus";

function hasRunStatsBench(mod: unknown): mod is { runStatsBench: () => Promise<void> } {
  return typeof mod === "object" && mod !== null && "runStatsBench" in mod && typeof mod.runStatsBench === "function";
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const versus = versusOptions(argv);
  const only = argv[argv.indexOf("--only") + 1];
  console.log("Building the app (vite build)…");
  await build({ logLevel: "warn" });
  if (argv.includes("--only") && only === "files") return runFileLoadBench(undefined, versus?.before);
  if (versus) return runVersus(versus);
  await runWorkbenchBench();
  console.log("");
  await runNotebookBench();
  await runEvidenceBench();
  await runFileLoadBench();
  console.log("");
  await runEnsembleBench();
  console.log("");
  await runCrosswalkBench();

  // The statistics bench lives in its own file (another owner); import it only if it exists.
  const statsPath = fileURLToPath(new URL("./stats.ts", import.meta.url));
  if (!existsSync(statsPath)) {
    console.log("\nStatistics benchmark skipped: bench/stats.ts is not there.");
    return;
  }
  const mod: unknown = await import(pathToFileURL(statsPath).href);
  if (!hasRunStatsBench(mod)) {
    console.log("\nStatistics benchmark skipped: bench/stats.ts does not export runStatsBench().");
    return;
  }
  console.log("");
  await mod.runStatsBench();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
