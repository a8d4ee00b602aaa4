/**
 * Boots the workbench: opens local storage, wires the runtime (with the standard library and the
 * survey-analysis names, reading data/ over fetch) and the Notebook Kit file format into a
 * Workbench, and hands it to <nb-app>.
 */
import "./components/workbench.css";
import "../node_modules/@observablehq/inputs/dist/index.css";
import { NotebookRuntime } from "./runtime/notebook-runtime";
import { lazyAnalysisBuiltins } from "./analysis/lazy-builtins";
import { createStdlib, type StdlibHost } from "./runtime/stdlib";
import { serializeNotebook, tryParseNotebook } from "./notebook/format";
import { NotebookStore, type NotebookOrigin } from "./app/notebook-store";
import { Workbench, type ParseResult } from "./app/workbench";
import { DataSource, type ActiveData } from "./app/data-source";
import { usesReconstructedSurvey } from "./app/data-notice";
import type { Survey } from "./analysis/survey";
import type { NbApp } from "./components/nb-app";
import "./components/nb-app";

/** Hooks for the browser tests and the benchmark (read-only views on the app). */
export interface TverrsnittHooks {
  /** Resolves when the app has opened the notebook the URL named. */
  ready: Promise<void>;
  /** Resolves when the open notebook has nothing pending or running. */
  idle(): Promise<void>;
}

declare global {
  interface Window {
    tverrsnitt?: TverrsnittHooks;
  }
}

/** Paths in cells are relative to data/ ("demo/x.csv"); "data/demo/x.csv" is accepted too. */
function dataUrl(path: string): string {
  const clean = path.replace(/^\.?\/+/, "");
  return clean.startsWith("data/") ? clean : `data/${clean}`;
}

async function fetchOk(path: string): Promise<Response> {
  const response = await fetch(dataUrl(path));
  if (!response.ok) throw new Error(`Could not load ${path} (HTTP ${response.status}); check the file name under data/.`);
  return response;
}

function parse(text: string): ParseResult {
  const result = tryParseNotebook(text);
  return result.ok ? result : { ok: false, message: result.error };
}

/**
 * The user's own file as a Survey (surveyFromLoad), with the bundled printed tables and named
 * adopters so the notebooks' "printed vs recomputed" views still have the print to compare with.
 * Built once per "Use this data".
 */
function userSurveys(host: StdlibHost): (active: Extract<ActiveData, { kind: "user" }>) => Promise<Survey> {
  let cached: { version: number; survey: Promise<Survey> } | undefined;
  return (active) => {
    if (cached?.version !== active.version) {
      const survey = import("./analysis/survey").then(async ({ loadSurvey, surveyFromLoad }) => {
        const bundled = await loadSurvey(host).catch(() => undefined);
        return surveyFromLoad(active.result, { printed: bundled?.printed ?? null, adopters: bundled?.adopters ?? [] });
      });
      survey.catch(() => undefined);
      cached = { version: active.version, survey };
    }
    return cached.survey;
  };
}

/**
 * The stdlib plus the analysis layer (survey, stats, filter bar, charts, crosswalk). The analysis
 * names are lazy: their module is imported, and the survey files read, only when a cell uses one.
 * Merged by property descriptor so no getter runs while merging.
 */
function notebookBuiltins(host: StdlibHost & { view: "live" | "shared" }, data: DataSource): Record<string, unknown> {
  const analysis = lazyAnalysisBuiltins(() => import("./analysis/all-builtins").then((m) => m.createAllAnalysisBuiltins(host)));
  const merged: Record<string, unknown> = {};
  for (const part of [createStdlib(host), analysis]) {
    const descriptors = Object.getOwnPropertyDescriptors(part);
    // `survey` is defined below (the lazy getters are not configurable, so it cannot be redefined).
    delete descriptors["survey"];
    Object.defineProperties(merged, descriptors);
  }
  // `survey` follows the data source. A runtime reads a builtin once, so a switch recreates the
  // notebook's runtime (see boot); the getter is read again by the new one.
  const userSurvey = userSurveys(host);
  Object.defineProperty(merged, "survey", {
    enumerable: true,
    get: () => (data.active.kind === "user" ? userSurvey(data.active) : Reflect.get(analysis, "survey")),
  });
  return merged;
}

async function boot(): Promise<void> {
  const store = await NotebookStore.open();
  const host: StdlibHost = {
    readText: async (path) => (await fetchOk(path)).text(),
    readBytes: async (path) => new Uint8Array(await (await fetchOk(path)).arrayBuffer()),
    document,
  };
  // The user's file is read here, in memory, through the bundled codebook; it is never sent anywhere.
  const dataSource = new DataSource({
    loadFile: () => import("./data/load-file").then((m) => m.loadFile),
    codebook: async () => {
      const { parseCodebook } = await import("./data/parse-codebook");
      const path = "data/survey-1999/codebook.json";
      return parseCodebook(JSON.parse(await host.readText(path)), path);
    },
  });
  // Shared copies get the "shared" view: small counts under a filter print as "< 3" (disclosure).
  // One set of builtins per view, so the survey files are read once per page, not per notebook.
  const builtinsByView = new Map<"live" | "shared", Record<string, unknown>>();
  const builtinsFor = (origin: NotebookOrigin): Record<string, unknown> => {
    const view = origin.kind === "shared" ? "shared" : "live";
    let builtins = builtinsByView.get(view);
    if (!builtins) {
      builtins = notebookBuiltins({ ...host, view }, dataSource);
      builtinsByView.set(view, builtins);
    }
    return builtins;
  };
  const workbench = new Workbench({
    store,
    createRuntime: (origin) => new NotebookRuntime({ builtins: builtinsFor(origin) }),
    parseNotebook: parse,
    serializeNotebook,
    replaceHash: (hash) => history.replaceState(null, "", hash),
  });
  workbench.autosave.attach(window);
  // New data: reopen the notebook on screen (a fresh runtime) if it uses the survey; others pick
  // the data up when opened. A preview runs nothing, so it needs no reopening.
  dataSource.onActiveChange(() => {
    const open = workbench.current;
    if (open && open.session.mode === "live" && usesReconstructedSurvey(open.session.doc)) void workbench.openHash(location.hash);
  });
  const app = document.querySelector<NbApp>("nb-app");
  if (!app) throw new Error("index.html has no <nb-app>");
  const ready = app.start(workbench, dataSource);
  window.tverrsnitt = { ready, idle: () => workbench.current?.session.idle() ?? Promise.resolve() };
  await ready;
}

void boot();
