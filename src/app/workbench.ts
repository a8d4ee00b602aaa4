/**
 * The workbench controller: which notebook is open, where it came from, saving it, and the side
 * trips (share links, import/export, revert). It holds no DOM of its own; <nb-app> renders it and
 * calls its methods. Rules it keeps:
 * - a shared link opens as an unsaved copy in preview; only "Run this notebook" runs and saves it;
 * - a bad link changes nothing: the open notebook stays open and an error banner explains the fix;
 * - storage problems never lose text: the session keeps it, a banner says what happened;
 * - the survey filter lives in the URL: opening `#/nb/<name>?filter=…` applies it, moving the filter
 *   bar rewrites the hash in place, and a filter that cannot be read applies nothing and says why.
 */
import type { NotebookDoc } from "../notebook/document";
// Presentation of the filter state the workbench keeps in the URL: the pinned N badge.
import "./filter-pin.css";
import { decodeShare, encodeShare } from "../notebook/share-codec";
import { Autosaver, type SaveStatus } from "./autosaver";
import { fetchBundledList, fetchBundledText, type BundledEntry } from "./bundled";
import { NotebookSession } from "./notebook-session";
import { bundledKey, type NotebookOrigin, type NotebookStore, type StoredNotebook } from "./notebook-store";
import { FILTER_INPUT, currentFilter } from "./filter-link";
import { formatRoute, parseRoute, type Route, type RouteFilter } from "./route";
import type { RuntimePort } from "./runtime-port";

export type ParseResult = { ok: true; doc: NotebookDoc } | { ok: false; message: string };

/** What the workbench needs from the outside (runtime, file format, storage, network). */
export interface WorkbenchServices {
  /** A runtime for one open notebook; `origin` lets the host treat shared copies differently. */
  createRuntime(origin: NotebookOrigin): RuntimePort;
  parseNotebook(text: string): ParseResult;
  serializeNotebook(doc: NotebookDoc): string;
  store: NotebookStore;
  fetcher?: typeof fetch;
  /** Replace the URL hash without a navigation (history.replaceState in the browser). */
  replaceHash?(hash: string): void;
}

export interface Banner {
  id: number;
  kind: "error" | "warning" | "info";
  message: string;
}

export interface OpenNotebook {
  key: string;
  origin: NotebookOrigin;
  session: NotebookSession;
}

export class Workbench {
  bundled: BundledEntry[] = [];
  locals: StoredNotebook[] = [];
  current: OpenNotebook | undefined;
  saveStatus: SaveStatus = { state: "saved" };
  banners: Banner[] = [];
  loading = false;
  private nextBannerId = 1;
  private readonly listeners = new Set<() => void>();
  private readonly autosaver: Autosaver;
  private detachSession: (() => void) | undefined;
  /** The hash the open notebook's filter was last written to (or read from); see syncFilterToUrl. */
  private filterHash: string | undefined;

  constructor(private readonly services: WorkbenchServices) {
    this.autosaver = new Autosaver(services.store, (status) => this.onSaveStatus(status));
    if (services.store.problem) this.banner("warning", services.store.problem.message);
  }

  get autosave(): Autosaver {
    return this.autosaver;
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }

  banner(kind: Banner["kind"], message: string): void {
    if (this.banners.some((b) => b.message === message)) return;
    this.banners = [...this.banners, { id: this.nextBannerId++, kind, message }];
    this.emit();
  }

  dismiss(id: number): void {
    this.banners = this.banners.filter((b) => b.id !== id);
    this.emit();
  }

  private onSaveStatus(status: SaveStatus): void {
    this.saveStatus = status;
    if (status.problem) this.banner("warning", status.problem.message);
    if (status.state !== "pending" && status.state !== "saving") void this.refreshLocals();
    else this.emit();
  }

  async init(): Promise<void> {
    this.bundled = await fetchBundledList(this.services.fetcher);
    await this.refreshLocals();
  }

  async refreshLocals(): Promise<void> {
    this.locals = await this.services.store.list();
    this.emit();
  }

  /** Open what a URL hash names. */
  async openHash(hash: string): Promise<void> {
    await this.openRoute(parseRoute(hash));
  }

  async openRoute(route: Route): Promise<void> {
    if (route.kind === "share") return this.openShare(route.payload);
    // A link whose filter cannot be read still opens its notebook, with no filter, and says why.
    // (Every open makes a fresh session, also for the notebook already on screen: the data-source
    // switch in main.ts relies on `openHash(location.hash)` re-creating the runtime.)
    if (route.kind !== "home" && route.filterError !== undefined) {
      this.banner("error", `The filter in this link was not applied, so the notebook shows all respondents. ${route.filterError}`);
      // Drop the unreadable text from the address bar so a reload or a copied link does not repeat it.
      this.services.replaceHash?.(formatRoute(route));
    }
    const inputs = route.kind !== "home" && route.filter ? { [FILTER_INPUT]: route.filter } : {};
    await this.autosaver.flush();
    if (route.kind === "home") {
      const first = this.bundled.find((b) => b.name === "demo") ?? this.bundled[0];
      if (first) return this.openRoute({ kind: "bundled", name: first.name });
      this.banner("info", "No bundled notebooks were found. Create one with “New” or import a notebook file.");
      return;
    }
    this.loading = true;
    this.emit();
    try {
      if (route.kind === "local") {
        const stored = await this.services.store.get(route.key);
        if (!stored) return this.banner("error", `There is no local notebook “${route.key}” in this browser. It may have been deleted, or saved in another browser profile.`);
        return this.show(stored.key, stored.origin, stored.doc, stored.drafts, inputs, "live", route);
      }
      const key = bundledKey(route.name);
      const stored = await this.services.store.get(key);
      if (stored) return this.show(key, stored.origin, stored.doc, stored.drafts, inputs, "live", route);
      const shipped = await this.shippedDoc(route.name);
      if (shipped) this.show(key, { kind: "bundled", name: route.name }, shipped, {}, inputs, "live", route);
    } finally {
      this.loading = false;
      this.emit();
    }
  }

  /** The route that names the open notebook with `filter`, or undefined for an unconsented shared copy. */
  private routeOf(open: OpenNotebook, filter: RouteFilter["filter"]): Route | undefined {
    if (open.session.mode === "preview") return undefined;
    if (open.origin.kind === "bundled") return { kind: "bundled", name: open.origin.name, filter };
    return { kind: "local", key: open.key, filter };
  }

  /**
   * Write the open notebook's filter into the hash (history.replaceState: no reload, no new history
   * entry). Called on every runtime state change; only an actual change of the filter writes, so a
   * notebook without a filter input, or one whose filter did not move, leaves the URL alone.
   */
  private syncFilterToUrl(): void {
    const open = this.current;
    if (!open || this.filterHash === undefined) return;
    const filter = currentFilter(open.session.inputValues());
    if (!filter) return;
    const route = this.routeOf(open, filter);
    if (!route) return;
    const hash = formatRoute(route);
    if (hash === this.filterHash) return;
    this.filterHash = hash;
    this.services.replaceHash?.(hash);
  }

  /**
   * Start following the filter once the first run has settled: until then the input may still
   * show its default while the link's filter waits for the input's cell, and writing that default
   * would erase the filter from the URL.
   */
  private async followFilter(session: NotebookSession, route: Route | undefined): Promise<void> {
    await session.idle();
    if (this.current?.session !== session) return;
    if (route && "filter" in route && route.filter && !currentFilter(session.inputValues())) {
      this.banner("info", "This notebook has no filter bar, so the filter in the link was not applied.");
    }
    this.filterHash = formatRoute(route ?? { kind: "home" });
    this.syncFilterToUrl();
  }

  private async shippedDoc(name: string): Promise<NotebookDoc | undefined> {
    const text = await fetchBundledText(name, this.services.fetcher);
    if (!text.ok) return void this.banner("error", text.message);
    const parsed = this.services.parseNotebook(text.text);
    if (!parsed.ok) return void this.banner("error", `The bundled notebook “${name}” could not be read: ${parsed.message}`);
    return parsed.doc;
  }

  private async openShare(payload: string): Promise<void> {
    const decoded = await decodeShare(payload);
    if (!decoded.ok) {
      this.banner("error", `This share link cannot be opened — ${decoded.error.message} Nothing was changed.`);
      return;
    }
    const key = `shared:${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
    this.show(key, { kind: "shared" }, decoded.value.doc, {}, decoded.value.inputs, "preview");
  }

  private show(key: string, origin: NotebookOrigin, doc: NotebookDoc, drafts: Record<string, string>, inputs: Record<string, unknown>, mode: "live" | "preview", route?: Route): void {
    this.detachSession?.();
    this.current?.session.dispose();
    this.filterHash = undefined;
    const session = new NotebookSession({ doc, drafts, inputs, createRuntime: () => this.services.createRuntime(origin) });
    this.current = { key, origin, session };
    this.detachSession = session.onChange((change) => {
      if (change.kind === "doc" || change.kind === "draft") this.save();
      if (change.kind === "doc" || change.kind === "mode") this.emit();
      if (change.kind === "state") this.syncFilterToUrl();
    });
    if (mode === "live") void session.start().then(() => this.followFilter(session, route));
    this.emit();
  }

  /** Queue an autosave of the open notebook (never in preview: a shared copy is saved on consent). */
  save(): void {
    const open = this.current;
    if (!open || open.session.mode === "preview") return;
    this.autosaver.schedule({
      key: open.key,
      origin: open.origin,
      doc: structuredClone(open.session.doc),
      drafts: open.session.draftRecord(),
      inputs: {},
      updatedAt: Date.now(),
    });
  }

  /** "Run this notebook" on a shared preview: run it, save it as a local copy, point the URL at it. */
  async consent(): Promise<void> {
    const open = this.current;
    if (!open || open.session.mode !== "preview") return;
    await open.session.start();
    this.services.replaceHash?.(formatRoute({ kind: "local", key: open.key }));
    this.save();
    await this.autosaver.flush();
    await this.followFilter(open.session, { kind: "local", key: open.key });
  }

  /** Throw away local edits of a bundled notebook and reopen the shipped file. */
  async revert(): Promise<void> {
    const open = this.current;
    if (!open || open.origin.kind !== "bundled") return;
    const name = open.origin.name;
    await this.autosaver.flush();
    await this.services.store.delete(open.key);
    const shipped = await this.shippedDoc(name);
    if (shipped) {
      // The reverted notebook starts unfiltered; a filter left in the URL would no longer be true.
      this.services.replaceHash?.(formatRoute({ kind: "bundled", name }));
      this.show(bundledKey(name), { kind: "bundled", name }, shipped, {}, {}, "live", { kind: "bundled", name });
    }
    await this.refreshLocals();
  }

  /** The open notebook as a Notebook Kit file (committed sources; drafts are not part of a file). */
  exportText(): string | undefined {
    return this.current ? this.services.serializeNotebook(this.current.session.doc) : undefined;
  }

  /** Import a notebook file as a new local notebook and open it. */
  async importFile(fileName: string, text: string): Promise<string | undefined> {
    const parsed = this.services.parseNotebook(text);
    if (!parsed.ok) {
      this.banner("error", `“${fileName}” is not a notebook this app can read: ${parsed.message}`);
      return undefined;
    }
    return this.createLocal(parsed.doc, { kind: "imported", fileName });
  }

  async newNotebook(): Promise<string> {
    return this.createLocal({ title: "Untitled notebook", cells: [{ id: "1", kind: "md", source: "# Untitled notebook\n\nWrite here." }, { id: "2", kind: "js", source: "1 + 1" }] }, { kind: "new" });
  }

  private async createLocal(doc: NotebookDoc, origin: NotebookOrigin): Promise<string> {
    const key = `local:${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
    const problem = await this.services.store.put({ key, origin, doc, drafts: {}, inputs: {}, updatedAt: Date.now() });
    if (problem) this.banner("warning", problem.message);
    await this.refreshLocals();
    return formatRoute({ kind: "local", key });
  }

  async deleteLocal(key: string): Promise<void> {
    await this.services.store.delete(key);
    await this.refreshLocals();
  }

  /** Share link payload for the open notebook: its document and current input values. */
  async sharePayload(): Promise<string | undefined> {
    const open = this.current;
    if (!open) return undefined;
    return encodeShare({ doc: open.session.doc, inputs: open.session.inputValues() });
  }
}
