/**
 * A filter change on the shipped survey notebooks, in Node: each notebook runs live (as the app's
 * runtime does, headless document), the filter moves between a few states, and the CPU time from
 * the change until every cell has settled is measured (process.cpuUsage: user + system, so the
 * figure is the script's own work, not waiting). Medians over RUNS changes per notebook. Every
 * figure of these notebooks is computed over the ensemble of reconstructions (issue 10), so this
 * is the cost of evidence on the notebooks people use.
 *
 * Run with `npx tsx bench/notebook-filter.ts [notebook …]`.
 */
import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseHTML } from "linkedom";
import { createAllAnalysisBuiltins } from "../src/analysis/all-builtins";
import { SurveyScope } from "../src/analysis/survey-scope";
import { SurveySource } from "../src/analysis/survey-source";
import { mergeLazy } from "../src/base/merge-lazy";
import { EMPTY_FILTER, type SurveyFilter } from "../src/data/survey-filter";
import { parseNotebook } from "../src/notebook/format";
import { NotebookRuntime } from "../src/runtime/notebook-runtime";
import { createStdlib } from "../src/runtime/stdlib";
import { median } from "./median";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const RUNS = 12;
const WARMUP = 3;

/** The filter states a change moves between: a county, a county and size class, a size class, a model, none. */
const FILTERS: SurveyFilter[] = [
  { ...EMPTY_FILTER, fylke: [11] },
  { ...EMPTY_FILTER, fylke: [11], sizeClass: [2] },
  { ...EMPTY_FILTER, sizeClass: [5, 6] },
  { ...EMPTY_FILTER, adopted: ["q20"] },
  EMPTY_FILTER,
];

function host(view: "live" | "shared") {
  const dataPath = (file: string): string => path.resolve(repo, "data", file.replace(/^\.?\/?(data\/)?/, ""));
  return {
    readText: (file: string) => readFile(dataPath(file), "utf8"),
    readBytes: async (file: string) => new Uint8Array(await readFile(dataPath(file))),
    document: parseHTML("<!doctype html><html><head></head><body></body></html>").document,
    view,
  };
}

const cpuMs = (start: NodeJS.CpuUsage): number => {
  const d = process.cpuUsage(start);
  return (d.user + d.system) / 1000;
};

/** Median CPU ms of a filter change on `name`. */
export async function notebookFilterChange(name: string, view: "live" | "shared" = "live"): Promise<{ median: number; min: number }> {
  const h = host(view);
  const scope = new SurveyScope(async () => new SurveySource(h));
  const runtime = scope.attached(new NotebookRuntime({ builtins: mergeLazy(createStdlib(h), createAllAnalysisBuiltins(h), scope.builtins()), timeoutMs: 10_000 }));
  const parsed = parseNotebook(readFileSync(path.join(repo, "notebooks", name), "utf8"));
  if (!parsed.ok) throw new Error(parsed.error.message);
  runtime.load(parsed.value.doc);
  await runtime.idle();
  const times: number[] = [];
  try {
    for (let i = 0; i < WARMUP + RUNS; i++) {
      const filter = FILTERS[i % FILTERS.length] ?? EMPTY_FILTER;
      const start = process.cpuUsage();
      scope.setFilter(filter);
      await runtime.idle();
      if (i >= WARMUP) times.push(cpuMs(start));
    }
  } finally {
    runtime.dispose();
  }
  return { median: median(times), min: Math.min(...times) };
}

export async function runNotebookFilterBench(names = ["01-overview.html", "02-six-models.html", "03-size-and-correlations.html", "04-reconciliation.html", "06-thesis-crosswalk.html"]): Promise<void> {
  console.log(`Filter change on the shipped notebooks in Node (CPU ms from the change until every cell settled; median of ${RUNS}, filters cycling through ${FILTERS.length} states):`);
  for (const name of names) {
    const r = await notebookFilterChange(name);
    console.log(`  ${name.padEnd(34)} ${r.median.toFixed(1).padStart(7)} ms (min ${r.min.toFixed(1)})`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const names = process.argv.slice(2);
  runNotebookFilterBench(names.length ? names : undefined).catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
