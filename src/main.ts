/**
 * Boots the workbench: local storage, the survey scope (data and filter every survey notebook
 * reads), the runtime factory and the file format, handed to <nb-app>.
 */
import "./components/workbench.css";
import "../node_modules/@observablehq/inputs/dist/index.css";
import { SurveyScope } from "./analysis/survey-scope";
import { browserHost } from "./app/browser-host";
import { DataSource } from "./app/data-source";
import { notebookBuiltins } from "./app/notebook-builtins";
import { NotebookStore } from "./app/notebook-store";
import { Workbench } from "./app/workbench";
import { parseNotebook, serializeNotebook } from "./notebook/format";
import { NotebookRuntime } from "./runtime/notebook-runtime";
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

async function boot(): Promise<void> {
  const store = await NotebookStore.open();
  // The workbench is made below; reads before it exists (none: nothing runs before boot) are dropped.
  let onRead: (path: string) => void = () => undefined;
  const host = browserHost((path) => onRead(path));
  const scope = new SurveyScope(() => import("./analysis/survey-source").then((m) => new m.SurveySource(host)));
  // The user's file is read in a worker, in memory, through the bundled codebook; it is never sent anywhere.
  const dataSource = new DataSource({
    loadFile: () => import("./app/load-in-worker").then((m) => m.loadInWorker),
    codebook: () => scope.codebook(),
  });
  dataSource.onActiveChange((active) => scope.setData(active.kind === "user" ? { kind: "user", load: active.result } : { kind: "bundled" }));
  // Shared copies get the "shared" view: small counts under a filter print as "< 3" (disclosure).
  const builtins = { live: notebookBuiltins({ ...host, view: "live" }, scope), shared: notebookBuiltins({ ...host, view: "shared" }, scope) };
  const workbench = new Workbench({
    store,
    scope,
    createRuntime: (origin) => scope.attached(new NotebookRuntime({ builtins: builtins[origin.kind === "shared" ? "shared" : "live"] })),
    parseNotebook,
    serializeNotebook,
    replaceHash: (hash) => history.replaceState(null, "", hash),
  });
  onRead = (path) => workbench.noteRead(path);
  workbench.autosave.attach(window);
  const app = document.querySelector<NbApp>("nb-app");
  if (!app) throw new Error("index.html has no <nb-app>");
  const ready = app.start(workbench, dataSource);
  window.tverrsnitt = { ready, idle: () => workbench.current?.session.idle() ?? Promise.resolve() };
  await ready;
}

void boot();
