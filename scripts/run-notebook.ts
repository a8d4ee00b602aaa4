/**
 * Runs a notebook headless: `npm run notebook -- notebooks/x.html [--timeout=30000] [--filter=fylke=11&size=5,6]`.
 * Prints one JSON document on stdout — every cell's names/value or error — and a one-line summary
 * per cell on stderr. Exits 1 if any cell failed or never settled, 2 if the file cannot be read.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseHTML } from "linkedom";
import { parseNotebook } from "../src/notebook/format";
import { runNotebookHeadless } from "../src/runtime/headless";
import { createAllAnalysisBuiltins } from "../src/analysis/all-builtins";
import { SurveyScope } from "../src/analysis/survey-scope";
import { mergeLazy } from "../src/base/merge-lazy";
import { SurveySource } from "../src/analysis/survey-source";
import { surveyFilterFromParams } from "../src/data/survey-filter";
import type { StdlibHost } from "../src/runtime/stdlib";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dataDir = path.join(repo, "data");

/** Resolves a cell's path ("demo/x.csv" or "data/demo/x.csv") inside data/, refusing escapes. */
function dataPath(file: string): string {
  const relative = file.replace(/^\.?\/?(data\/)?/, "");
  const full = path.resolve(dataDir, relative);
  if (full !== dataDir && !full.startsWith(dataDir + path.sep)) {
    throw new Error(`${file} is outside data/. Cells can only read files under data/.`);
  }
  return full;
}

const host: StdlibHost = {
  readText: (file) => readFile(dataPath(file), "utf8"),
  readBytes: async (file) => new Uint8Array(await readFile(dataPath(file))),
  // linkedom gives html`` and md`` real nodes; Inputs falls back to the headless inputs.
  document: parseHTML("<!doctype html><html><head></head><body></body></html>").document,
};

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const file = args.find((a) => !a.startsWith("--"));
  const timeoutArg = args.find((a) => a.startsWith("--timeout="));
  const filterArg = args.find((a) => a.startsWith("--filter="));
  if (!file) {
    process.stderr.write("Usage: npm run notebook -- notebooks/<name>.html [--timeout=ms] [--filter=fylke=11&size=5,6]\n");
    return 2;
  }
  // The survey notebooks' shared filter, in the URL form the app uses.
  const scope = new SurveyScope(async () => new SurveySource(host));
  if (filterArg) {
    const filter = surveyFilterFromParams(filterArg.slice("--filter=".length));
    if (!filter.ok) {
      process.stderr.write(`${filter.error.message}\n`);
      return 2;
    }
    scope.setFilter(filter.value);
  }
  let text: string;
  try {
    text = await readFile(path.resolve(process.cwd(), file), "utf8");
  } catch (e) {
    process.stderr.write(`Cannot read ${file}: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
  const parsed = parseNotebook(text);
  if (!parsed.ok) {
    process.stderr.write(`${file}: ${parsed.error.message}\n`);
    return 2;
  }
  for (const warning of parsed.value.warnings) process.stderr.write(`${file}: ${warning.message}\n`);
  const idleTimeoutMs = timeoutArg ? Number(timeoutArg.slice("--timeout=".length)) : 30_000;
  // The analysis layer (stats, charts, crosswalk …) and the survey state are in scope for every notebook.
  const builtins = mergeLazy(createAllAnalysisBuiltins(host), scope.builtins());
  const run = await runNotebookHeadless(parsed.value.doc, { host, idleTimeoutMs, builtins, language: scope.locale });
  process.stdout.write(`${JSON.stringify({ notebook: file, title: parsed.value.doc.title, ...run }, null, 2)}\n`);
  for (const cell of run.cells) {
    const mark = cell.status === "fulfilled" ? "ok" : "FAILED";
    const detail = cell.error ? ` ${cell.error.kind}: ${cell.error.message}` : cell.names ? ` ${Object.keys(cell.names).join(", ")}` : "";
    process.stderr.write(`cell ${cell.id} ${mark}${detail}\n`);
  }
  return run.ok ? 0 : 1;
}

/**
 * Exit once stdout has drained: a piped stdout is asynchronous, and exiting straight away would cut
 * the JSON at the pipe buffer (64 KiB). Exiting at all is needed because a notebook may leave timers
 * or endless generators running.
 */
function exitAfterFlush(code: number): void {
  process.exitCode = code;
  process.stdout.write("", () => process.exit(code));
}

main().then(exitAfterFlush, (e: unknown) => {
  process.stderr.write(`run-notebook crashed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  exitAfterFlush(2);
});
