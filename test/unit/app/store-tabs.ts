/**
 * Tabs of one browser for the store's tests: each `NotebookStore` is a tab, over one fake IndexedDB
 * and localStorage (fake-browser-storage.ts) made afresh for every test.
 */
import { afterEach, beforeEach, expect, vi } from "vitest";
import { AppFilter } from "../../../src/app/app-filter";
import { NotebookStore, type StoredNotebook } from "../../../src/app/notebook-store";
import type { SessionPort } from "../../../src/app/session-port";
import { Workbench } from "../../../src/app/workbench";
import type { WorkbenchServices } from "../../../src/app/workbench-services";
import { FakeIndexedDB, FakeLocalStorage } from "./fake-browser-storage";

/** The notebook the tabs edit: the demo's working copy. */
export const KEY = "bundled:demo";

/** Give every test of the file fresh shared storage; the answer reads the test's IndexedDB. */
export function useSharedStorage(): () => FakeIndexedDB {
  let idb = new FakeIndexedDB();
  beforeEach(() => {
    idb = new FakeIndexedDB();
    vi.stubGlobal("indexedDB", idb);
    vi.stubGlobal("localStorage", new FakeLocalStorage());
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });
  return () => idb;
}

/** A snapshot of the demo's working copy whose one cell says `text`, saved at `updatedAt`. */
export function snapshot(text: string, updatedAt: number, key = KEY): StoredNotebook {
  return { key, origin: { kind: "bundled", name: "demo" }, doc: { title: "Demo", cells: [{ id: "1", kind: "js", source: `"${text}"` }] }, drafts: {}, inputs: {}, updatedAt };
}

/** A tab opens `KEY` (as the workbench does: read first). */
export async function openTab(): Promise<NotebookStore> {
  const tab = await NotebookStore.open();
  await tab.get(KEY);
  return tab;
}

/**
 * The tab closes with `last` pending: the autosaver journals it, then starts its save, and the
 * closing page drops that IndexedDB write. Resolves once the write was dropped.
 */
export async function closeWithPending(idb: FakeIndexedDB, tab: NotebookStore, last: StoredNotebook): Promise<void> {
  idb.dropWrites = true;
  const dropped = idb.dropped;
  tab.journal(last);
  void tab.put(last);
  await vi.waitFor(() => expect(idb.dropped).toBeGreaterThan(dropped));
  idb.dropWrites = false;
}

/** Two tabs open the notebook, and the first saves "first tab" (at 100) before the second saves anything. */
export async function firstTabSavedFirst(): Promise<{ first: NotebookStore; second: NotebookStore }> {
  const first = await openTab();
  const second = await openTab();
  expect(await first.put(snapshot("first tab", 100))).toBeUndefined();
  return { first, second };
}

/**
 * A workbench (a tab) on a store of its own over the shared storage, its bundled list the demo
 * alone, its sessions made by `createSession`; `visible()` says whether its page is seen. Initialised.
 */
export async function workbenchOn<S extends SessionPort>(createSession: WorkbenchServices<S>["createSession"], visible = (): boolean => true): Promise<Workbench<S>> {
  const fetcher: typeof fetch = () => Promise.resolve(new Response(JSON.stringify([{ name: "demo", title: "Demo" }])));
  const workbench = new Workbench<S>({
    store: await NotebookStore.open(),
    filter: new AppFilter(),
    createSession,
    parseNotebook: () => ({ ok: false, error: { kind: "format", message: "not used" } }),
    serializeNotebook: () => "",
    fetcher,
    pageVisible: visible,
  });
  await workbench.init();
  return workbench;
}
