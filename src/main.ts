/**
 * Boots the workbench: opens local storage, wires the runtime (with the standard library and the
 * survey-analysis names, reading data/ over fetch) and the Notebook Kit file format into a
 * Workbench, and hands it to <nb-app>.
 */
import "./components/workbench.css";
import "../node_modules/@observablehq/inputs/dist/index.css";
import { NotebookRuntime } from "./runtime/notebook-runtime";
import { createAnalysisBuiltins } from "./analysis/builtins";
import { createCrosswalkBuiltins } from "./analysis/crosswalk-builtins";
import { createStdlib, type StdlibHost } from "./runtime/stdlib";
import { serializeNotebook, tryParseNotebook } from "./notebook/format";
import { NotebookStore, type NotebookOrigin } from "./app/notebook-store";
import { Workbench, type ParseResult } from "./app/workbench";
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
 * Builtins defined as getters (the analysis layer's `survey`, which reads the survey files on first
 * use) are replaced by a thenable that calls the getter only when a cell awaits it. The runtime reads
 * every builtin value when it is constructed, so a plain getter would load the whole survey for
 * every notebook, the demo included. Cells see the same resolved value either way: the Observable
 * runtime awaits promise-valued builtins.
 */
function lazyGetters(names: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, descriptor] of Object.entries(Object.getOwnPropertyDescriptors(names))) {
    const getter = descriptor.get;
    if (!getter) {
      out[name] = descriptor.value;
      continue;
    }
    let value: Promise<unknown> | undefined;
    out[name] = {
      then(resolve: (v: unknown) => unknown, reject: (e: unknown) => unknown): Promise<unknown> {
        value ??= Promise.resolve(Reflect.apply(getter, names, []));
        return value.then(resolve, reject);
      },
    };
  }
  return out;
}

/**
 * Same names as `createNotebookBuiltins` (stdlib, analysis, crosswalk; later ones win), merged by
 * property descriptor so that the `survey`/`thesis` getters are not called while merging (object
 * spread would call them, and read the survey files for every notebook).
 */
function notebookBuiltins(host: StdlibHost & { view: "live" | "shared" }): Record<string, unknown> {
  const merged: Record<string, unknown> = {};
  for (const part of [createStdlib(host), createAnalysisBuiltins(host), createCrosswalkBuiltins(host)]) {
    Object.defineProperties(merged, Object.getOwnPropertyDescriptors(part));
  }
  return lazyGetters(merged);
}

async function boot(): Promise<void> {
  const store = await NotebookStore.open();
  const host: StdlibHost = {
    readText: async (path) => (await fetchOk(path)).text(),
    readBytes: async (path) => new Uint8Array(await (await fetchOk(path)).arrayBuffer()),
    document,
  };
  // Shared copies get the "shared" view: small counts under a filter print as "< 3" (disclosure).
  // One set of builtins per view, so the survey files are read once per page, not per notebook.
  const builtinsByView = new Map<"live" | "shared", Record<string, unknown>>();
  const builtinsFor = (origin: NotebookOrigin): Record<string, unknown> => {
    const view = origin.kind === "shared" ? "shared" : "live";
    let builtins = builtinsByView.get(view);
    if (!builtins) {
      builtins = notebookBuiltins({ ...host, view });
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
  const app = document.querySelector<NbApp>("nb-app");
  if (!app) throw new Error("index.html has no <nb-app>");
  const ready = app.start(workbench);
  window.tverrsnitt = { ready, idle: () => workbench.current?.session.idle() ?? Promise.resolve() };
  await ready;
}

void boot();
