/**
 * Boots the shell: local storage, the app's filter and language, the user's data file and the data gate, the
 * frame slot where notebooks run (sandboxed, see app/sandbox/), and the file format, handed to
 * <nb-app>. No notebook code runs in this page.
 */
import "./components/workbench.css";
import { AppFilter } from "./app/app-filter";
import { AppLocale } from "./app/app-locale";
import { unwrap } from "./base/result";
import { DataSource } from "./app/data-source";
import { NotebookStore } from "./app/notebook-store";
import { DataGate } from "./app/sandbox/data-gate";
import { readDataFile } from "./app/sandbox/file-gate";
import { FrameSession } from "./app/sandbox/frame-session";
import { FrameSlot } from "./app/sandbox/frame-slot";
import type { PrimedFile } from "./app/sandbox/protocol";
import { parseRoute } from "./app/route";
import type {} from "./app/test-hooks";
import { Workbench } from "./app/workbench";
import { cachedDataFiles } from "./app/data-file-cache";
import { BUNDLED_LIST_PATH, bundledNotebookPath } from "./app/bundled";
import { earlyFetch } from "./app/early-fetch";
import { SURVEY_PATHS, THESIS_PATH } from "./data/bundled-survey";
import type { Codebook } from "./data/codebook";
import { parseNotebook, serializeNotebook } from "./notebook/format";
import type { NbApp } from "./components/nb-app";
import "./components/nb-app";

/** The bundled codebook, which every user file is read through (parsed on first use). */
async function bundledCodebook(): Promise<Codebook> {
  const [{ tryParseCodebook }, read] = await Promise.all([import("./data/parse-codebook"), readDataFile(SURVEY_PATHS.codebook, document.baseURI)]);
  const bytes = unwrap(read).bytes;
  return unwrap(tryParseCodebook(JSON.parse(new TextDecoder().decode(bytes)), SURVEY_PATHS.codebook));
}

/** localStorage, or undefined where reading it throws (blocked storage): the language is then not remembered. */
function storageOrUndefined(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

async function boot(): Promise<void> {
  const app = document.querySelector<NbApp>("nb-app");
  if (!app) throw new Error("index.html has no <nb-app>");
  // The notebook frame's place, with the first frame already loading (static markup in index.html).
  const slotElement = app.querySelector<HTMLElement>(".nb-frame-slot");
  if (!slotElement) throw new Error("index.html has no .nb-frame-slot inside <nb-app>");
  const slot = new FrameSlot(slotElement);
  slot.prewarm();

  const route = parseRoute(location.hash);
  const shared = route.kind === "share";
  // The notebook list and the open notebook's file start loading now, beside the shell's storage
  // and the frame's scripts, instead of one after the other (issue 12, cold start).
  const fetcher = earlyFetch(route.kind === "bundled" ? [BUNDLED_LIST_PATH, bundledNotebookPath(route.name)] : [BUNDLED_LIST_PATH]);
  // Files under data/ are fetched once per page: every notebook opens in a fresh frame that asks again.
  // The bundled survey's files are read ahead — not when the page opens a shared link: its preview
  // must fetch nothing before the reader agrees to run it — once the first frame has its scripts:
  // fetched at boot, this megabyte was served beside the frame's scripts and held them up, and the
  // notebook reads it only after it has drawn (issue 11).
  const dataFiles = cachedDataFiles((path) => readDataFile(path, document.baseURI));
  if (!shared) slot.afterFirstFrameLoads(() => dataFiles.prefetch(Object.values(SURVEY_PATHS)));
  // Spare frames parse the bundled survey before a notebook opens in them (frame-slot.ts): the
  // first one now, unless the page opens a shared link (its preview must fetch nothing first).
  slot.primeSpares(async () => {
    const files: PrimedFile[] = [];
    // The thesis too: the spare measures 06's crosswalk with it (analysis/crosswalk/warm-crosswalk.ts).
    for (const result of await Promise.all([...Object.values(SURVEY_PATHS), THESIS_PATH].map(async (path) => ({ path, read: await dataFiles.read(path) })))) {
      if (result.read.ok) files.push({ path: result.path, bytes: result.read.value.bytes });
    }
    return files;
  }, !shared);
  const store = await NotebookStore.open();
  const filter = new AppFilter();
  const locale = new AppLocale(storageOrUndefined(), navigator.languages);
  document.documentElement.lang = locale.locale;
  locale.onChange((chosen) => (document.documentElement.lang = chosen));
  app.appLocale = locale;
  // The user's file is read in a worker, in memory, through the bundled codebook; it is never sent
  // anywhere but into the notebook frames the data gate allows.
  const dataSource = new DataSource({
    loadFile: () => import("./app/load-in-worker").then((m) => m.loadInWorker),
    codebook: bundledCodebook,
  });
  const gate = new DataGate(dataSource);
  const workbench: Workbench<FrameSession> = new Workbench({
    store,
    filter,
    createSession: (init) =>
      new FrameSession(
        { ...init, view: init.origin.kind === "shared" ? "shared" : "live", data: gate.dataFor(init.key, init.origin) },
        { slot, filter, locale, readFile: dataFiles.read, onRead: (path) => workbench.noteRead(path), onSave: () => app.saveFile(), holdSpare: () => dataSource.busy },
      ),
    parseNotebook,
    serializeNotebook,
    fetcher,
    replaceHash: (hash) => history.replaceState(null, "", hash),
    currentHash: () => location.hash,
    pageVisible: () => document.visibilityState === "visible",
  });
  gate.onChange(() => {
    const open = workbench.current;
    if (open) open.session.setData(gate.dataFor(open.key, open.origin));
  });
  workbench.autosave.attach(window);
  const ready = app.start(workbench, dataSource, gate);
  window.tverrsnitt = { ready, idle: () => workbench.current?.session.idle() ?? Promise.resolve() };
  await ready;
}

void boot();
