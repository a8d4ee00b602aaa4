/**
 * Runs a shipped survey notebook headless the way scripts/run-notebook.ts does (Node host reading
 * data/, linkedom document) with the analysis builtins in scope, and reads printed-tables.json and
 * respondents.csv independently of the code under test, for the expected values.
 */
import { readdirSync, readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseHTML } from "linkedom";
import Papa from "papaparse";
import { createAllAnalysisBuiltins } from "../../../src/analysis/all-builtins";
import type { AnalysisHost } from "../../../src/analysis/builtins";
import type { SurveyHost } from "../../../src/analysis/survey";
import { SurveyScope } from "../../../src/analysis/survey-scope";
import { SurveySource } from "../../../src/analysis/survey-source";
import { mergeLazy } from "../../../src/base/merge-lazy";
import type { RecordValues } from "../../../src/data/residuals";
import type { SurveyFilter } from "../../../src/data/survey-filter";
import type { NotebookDoc } from "../../../src/notebook/document";
import { parseNotebook } from "../../../src/notebook/format";
import { runNotebookHeadless, type HeadlessRun } from "../../../src/runtime/headless";
import { NotebookRuntime } from "../../../src/runtime/notebook-runtime";
import { createStdlib } from "../../../src/runtime/stdlib";

export const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const dataDir = path.join(repo, "data");

function dataPath(file: string): string {
  return path.resolve(dataDir, file.replace(/^\.?\/?(data\/)?/, ""));
}

/** The Node host of the headless runner: files under data/, a linkedom document. */
export function nodeHost(): SurveyHost & AnalysisHost & { document: Document } {
  return {
    readText: (file) => readFile(dataPath(file), "utf8"),
    readBytes: async (file) => new Uint8Array(await readFile(dataPath(file))),
    document: parseHTML("<!doctype html><html><head></head><body></body></html>").document,
  };
}

/** The shipped notebooks (notebooks/*.html), found by glob so a new notebook is tested without editing a list. */
export function shippedNotebooks(): string[] {
  return readdirSync(path.join(repo, "notebooks")).filter((f) => f.endsWith(".html")).sort();
}

/** The notebook file parsed. */
export function notebook(name: string): NotebookDoc {
  const parsed = parseNotebook(readFileSync(path.join(repo, "notebooks", name), "utf8"));
  if (!parsed.ok) throw new Error(`${name}: ${parsed.error.message}`);
  return parsed.value.doc;
}

/** The survey state over the Node host, as the runner makes it (optionally with a filter set). */
export function nodeScope(host: SurveyHost = nodeHost(), filter?: SurveyFilter): SurveyScope {
  const scope = new SurveyScope(async () => new SurveySource(host));
  if (filter) scope.setFilter(filter);
  return scope;
}

/** Run a notebook to the end, as the headless runner would (under `filter` when given). */
export async function runHeadless(name: string, filter?: SurveyFilter): Promise<HeadlessRun> {
  const host = nodeHost();
  const builtins = mergeLazy(createAllAnalysisBuiltins(host), nodeScope(host, filter).builtins());
  return runNotebookHeadless(notebook(name), { host, builtins, idleTimeoutMs: 60_000 });
}

/** A live runtime over a notebook and its survey scope, for moving the filter and watching what recomputes. */
export interface LiveNotebook {
  runtime: NotebookRuntime;
  scope: SurveyScope;
}

/** Load a notebook into a live runtime attached to a survey scope, and wait for it to settle. */
export async function liveRuntime(name: string): Promise<LiveNotebook> {
  const host = nodeHost();
  const scope = nodeScope(host);
  const runtime = scope.attached(new NotebookRuntime({ builtins: mergeLazy(createStdlib(host), createAllAnalysisBuiltins(host), scope.builtins()), timeoutMs: 10_000 }));
  runtime.load(notebook(name));
  await runtime.idle();
  return { runtime, scope };
}

/** All names the cells of a headless run define. */
export function namesOf(run: HeadlessRun): Record<string, unknown> {
  return Object.assign({}, ...run.cells.map((c) => c.names ?? {}));
}

/** printed-tables.json as plain JSON (not through the parser under test). */
export interface RawCell { code: number | string; count?: number | null; percent?: number | null; resolved?: { count?: number; percent?: number } }
export interface RawRow { label: string; variable: string; cells: RawCell[]; total?: number | null; resolved?: { total?: number } }
export interface RawTable { id: string; rows: RawRow[] }
export function printedTables(): RawTable[] {
  const json: { tables: RawTable[] } = JSON.parse(readFileSync(path.join(dataDir, "survey-1999/printed-tables.json"), "utf8"));
  return json.tables;
}

/** respondents.csv as string records (not through the loader under test). */
export function respondentRecords(): Record<string, string>[] {
  return Papa.parse<Record<string, string>>(readFileSync(path.join(dataDir, "survey-1999/respondents.csv"), "utf8"), { header: true, skipEmptyLines: true }).data;
}

/** respondents.csv as residual records: numbers, blanks null, text columns left out. */
export function residualRecords(): RecordValues[] {
  return respondentRecords().map((row) => {
    const out: Record<string, number | null> = {};
    for (const [k, v] of Object.entries(row)) {
      if (v === "") out[k] = null;
      else if (/^-?\d+(\.\d+)?$/.test(v) && !["knr", "name", "provenance"].includes(k)) out[k] = Number(v);
    }
    return out;
  });
}

/** Round half-up to the decimals a printed percentage has (the report prints 0 or 1). */
export function roundLikePrinted(value: number, printed: number): number {
  const decimals = Number.isInteger(printed) ? 0 : 1;
  const scale = 10 ** decimals;
  return Math.floor(value * scale + 0.5 + 1e-9) / scale;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** A recomputed printed table as the headless JSON carries it. */
export interface RecomputedTable {
  id: string;
  rows: { variable: string; total: number; cells: { code: number | string; count: number; percent: number | null }[] }[];
}

/** Type guard for a comparison value in the headless JSON. */
export function isRecomputedTable(v: unknown): v is RecomputedTable {
  return isRecord(v) && typeof v.id === "string" && Array.isArray(v.rows) && "mismatches" in v && "compared" in v;
}

/**
 * Every recomputed figure of `table` against the printed one (or its documented resolution): a
 * list of human-readable differences, empty when all agree.
 */
export function differences(recomputed: RecomputedTable, printed: RawTable): string[] {
  const out: string[] = [];
  if (recomputed.rows.length !== printed.rows.length) out.push(`${printed.id}: ${recomputed.rows.length} rows recomputed, ${printed.rows.length} printed`);
  printed.rows.forEach((row, i) => {
    const mine = recomputed.rows[i];
    if (!mine || mine.variable !== row.variable) {
      out.push(`${printed.id} row ${i} (${row.variable}): not recomputed`);
      return;
    }
    row.cells.forEach((cell, j) => {
      const got = mine.cells[j];
      const where = `${printed.id} ${row.label} [${String(cell.code)}]`;
      if (!got || got.code !== cell.code) return void out.push(`${where}: missing`);
      const count = cell.resolved?.count ?? cell.count;
      if (count !== undefined && count !== null && got.count !== count) out.push(`${where}: count ${got.count}, printed ${count}`);
      const percent = cell.resolved?.percent ?? cell.percent;
      if (percent !== undefined && percent !== null) {
        const rounded = got.percent === null ? null : roundLikePrinted(got.percent, percent);
        if (rounded === null || Math.abs(rounded - percent) > 1e-9) out.push(`${where}: ${rounded ?? "no"} %, printed ${percent} %`);
      }
    });
    const total = row.resolved?.total ?? row.total;
    if (total !== undefined && total !== null && mine.total !== total) out.push(`${printed.id} ${row.label}: N ${mine.total}, printed ${total}`);
  });
  return out;
}

/** Move the shared filter as the filter bar does, then wait for the reruns. */
export async function setFilter(live: LiveNotebook, filter: SurveyFilter): Promise<void> {
  live.scope.setFilter(filter);
  await live.runtime.idle();
}
