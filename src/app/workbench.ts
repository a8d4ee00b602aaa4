/**
 * The workbench controller: which notebook is open, where it came from, saving it, and the side
 * trips (share links, import/export, revert). It holds no DOM of its own; <nb-app> renders it and
 * calls its methods. Rules it keeps:
 * - a shared link opens as an unsaved copy in preview; only "Run this notebook" runs and saves it;
 * - a bad link changes nothing: the open notebook stays open and an error banner explains the fix;
 * - storage problems never lose text: the session keeps it, a banner says what happened;
 * - the survey filter is the app's, one for every notebook (SurveyScope): opening
 *   `#/nb/<name>?filter=…` sets it, moving the filter bar rewrites the hash in place (only for a
 *   notebook that reads the filter), and a filter that cannot be read applies nothing and says why.
 */
import { messages, say, type Locale, type Wording } from "../base/locale/locale";
import type { NotebookDoc } from "../notebook/document";
import type { StructureHistoryRecord } from "../notebook/structure-history";
import { decodeShare, encodeShare } from "../notebook/share-codec";
import { NOTEBOOK_LIMITS, overNotebookLimits, type NotebookSize } from "../notebook/notebook-size";
import type { FilterState } from "./app-filter";
import type { WorkbenchServices } from "./workbench-services";
import { Autosaver, type SaveStatus } from "./autosaver";
import { fetchBundledList, fetchBundledText, type BundledEntry } from "./bundled";
import { bundledKey, type NotebookOrigin, type StorageProblem, type StoredNotebook } from "./notebook-store";
import { asSurveyFilter, isEmptyFilter } from "../data/survey-filter";
import { formatRoute, parseRoute, type Route } from "./route";
import type { TemplateId } from "./notebook-templates";
import type { SessionPort } from "./session-port";
import { Listeners } from "../base/listeners";

/** Share links carry the app's filter under this input name (as links made before it was app state did). */
export const FILTER_INPUT = "filter";

/** Whether a notebook reads the shared filter (and so shows the filter bar). */
export function usesFilter(session: Pick<SessionPort, "references">): boolean {
  return session.references("filter") || session.references("selection");
}

/** `{ history }` when there is one (stored records leave the field out rather than hold undefined). */
function withHistory(history: StructureHistoryRecord | undefined): { history?: StructureHistoryRecord } {
  return history ? { history } : {};
}

/** A new notebook's storage key: its kind, the time and a random tail, so two made in one millisecond differ. */
function freshKey(kind: "local" | "shared"): string {
  return `${kind}:${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

export interface Banner {
  id: number;
  kind: "error" | "warning" | "info";
  /** Shown in the language of the moment (a Problem's own message stays as written). */
  message: Wording;
}

export interface OpenNotebook<S extends SessionPort = SessionPort> {
  key: string;
  origin: NotebookOrigin;
  session: S;
  /** Data files its cells have read (as the host saw them). */
  readPaths: Set<string>;
}

export class Workbench<S extends SessionPort = SessionPort> {
  bundled: BundledEntry[] = [];
  locals: StoredNotebook[] = [];
  current: OpenNotebook<S> | undefined;
  saveStatus: SaveStatus = { state: "saved" };
  banners: Banner[] = [];
  loading = false;
  private nextBannerId = 1;
  private readonly listeners = new Listeners<[]>();
  private readonly autosaver: Autosaver;
  private detachSession: (() => void) | undefined;
  /** True once the open notebook has settled and its filter may be written to the URL. */
  private followingFilter = false;
  /** The hash last opened or written by the workbench; a different one in the URL is a navigation still to come. */
  private handledHash: string | undefined;
  /** Counts the opens begun: an open that resolves after a later one began shows nothing (see {@link beginOpen}). */
  private opens = 0;
  /** The copies of closed tabs' edits the user was told about (a dismissed banner is not raised again). */
  private readonly toldKeptApart = new Set<string>();
  /**
   * The open notebook grew past what is stored (`NOTEBOOK_LIMITS`): its size, and the banner that
   * says so. Meanwhile the status says "not saved", whatever a save of an earlier version answers.
   */
  private tooLarge: { size: NotebookSize; banner: number } | undefined;
  /** The autosaver's last status: the status again once the notebook is back within the limits. */
  private storedStatus: SaveStatus = { state: "saved" };

  constructor(private readonly services: WorkbenchServices<S>) {
    this.autosaver = new Autosaver(services.store, (status) => this.onSaveStatus(status));
    if (services.store.problem) this.banner("warning", services.store.problem.message);
    services.filter.onChange((changed) => {
      if (changed.includes("filter")) this.syncFilterToUrl();
    });
  }

  /** The app's survey filter. */
  get filter(): FilterState {
    return this.services.filter;
  }

  get autosave(): Autosaver {
    return this.autosaver;
  }

  onChange(listener: () => void): () => void {
    return this.listeners.add(listener);
  }

  private emit(): void {
    this.listeners.emit();
  }

  /** Show a banner (or find the one with the same words); the answer is its id. */
  banner(kind: Banner["kind"], message: Wording): number {
    // The same words are one banner, whichever language they were raised in.
    const same = say(message, messages.en);
    const shown = this.banners.find((b) => say(b.message, messages.en) === same);
    if (shown) return shown.id;
    const id = this.nextBannerId++;
    this.banners = [...this.banners, { id, kind, message }];
    this.emit();
    return id;
  }

  dismiss(id: number): void {
    this.banners = this.banners.filter((b) => b.id !== id);
    this.emit();
  }

  private onSaveStatus(status: SaveStatus): void {
    this.storedStatus = status;
    // A save that answers now stored an earlier version: the notebook on screen is still not stored.
    this.saveStatus = this.tooLarge ? { state: "too-large" } : status;
    if (status.problem?.copy) this.openCopy(status.problem.copy);
    if (status.problem) this.banner("warning", status.problem.message);
    // Said here, if the page is seen (a closing page runs its last save's callbacks unseen): then no
    // other tab needs to say it (copy-notices.ts).
    if (status.problem?.copy && this.services.pageVisible?.() !== false) this.services.store.told(status.problem.copy.to);
    if (status.state !== "pending" && status.state !== "saving") void this.refreshLocals();
    else this.emit();
  }

  /**
   * Another tab saved the open notebook, and this tab's edits went to a copy: the copy is now what
   * this tab has open (its key, its origin, its address), so a reload shows what this tab's user
   * wrote rather than the other tab's version. A link pasted meanwhile keeps the address.
   */
  private openCopy(copy: NonNullable<StorageProblem["copy"]>): void {
    const open = this.current;
    if (!open || open.key !== copy.from) return;
    this.current = { ...open, key: copy.to, origin: copy.origin };
    const now = this.services.currentHash?.();
    if (now !== undefined && this.handledHash !== undefined && now !== this.handledHash) return;
    const route = this.routeOf(this.current);
    if (route) this.writeHash(formatRoute(route));
  }

  async init(): Promise<void> {
    this.bundled = await fetchBundledList(this.services.fetcher);
    await this.refreshLocals();
  }

  async refreshLocals(): Promise<void> {
    this.locals = await this.services.store.list();
    // Listing saves a closed tab's edits that another tab's save overtook as a copy: said once each.
    for (const { key, copy } of this.services.store.untoldCopies()) this.sayKeptApart(key, copy);
    this.emit();
  }

  /** Tell the user, once, that a closed tab's last edits of `key` were saved as the notebook `copy`. */
  private sayKeptApart(key: string, copy: string): void {
    if (this.toldKeptApart.has(copy)) return;
    this.toldKeptApart.add(copy);
    this.banner("warning", (words) => words.closedTabKeptApart(key, copy));
    this.services.store.told(copy);
  }

  /** Open what a URL hash names. */
  async openHash(hash: string): Promise<void> {
    this.handledHash = hash;
    await this.openRoute(parseRoute(hash));
  }

  /**
   * Start an open; the answer says whether it is still the latest. Opens wait on storage, fetches
   * and decoding, so a link followed while the last notebook is still loading (a busy machine, a
   * slow store) could finish first and then be replaced by the older notebook: the link's preview
   * vanished before the user could read it. Every open checks this before it shows anything.
   */
  private beginOpen(): () => boolean {
    const ticket = ++this.opens;
    return () => ticket === this.opens;
  }

  async openRoute(route: Route): Promise<void> {
    if (route.kind === "share") return this.openShare(route.payload);
    const latest = this.beginOpen();
    // A link whose filter cannot be read still opens its notebook, with no filter, and says why.
    // (Every open makes a fresh session — in the app a fresh frame — also for the notebook already on screen.)
    if (route.kind !== "home" && route.filterError !== undefined) {
      const detail = route.filterError;
      this.banner("error", (words) => words.linkFilterError(detail));
      // Drop the unreadable text from the address bar so a reload or a copied link does not repeat it.
      this.writeHash(formatRoute(route));
    }
    // The filter is set before the notebook's runtime exists, so its first run already uses it.
    if (route.kind !== "home" && route.filter) this.services.filter.setFilter(route.filter);
    await this.autosaver.flush();
    if (!latest()) return;
    if (route.kind === "home") {
      const first = this.bundled.find((b) => b.name === "demo") ?? this.bundled[0];
      if (first) return this.openRoute({ kind: "bundled", name: first.name });
      this.banner("info", (words) => words.noBundledNotebooks);
      return;
    }
    this.loading = true;
    this.emit();
    try {
      if (route.kind === "local") {
        const stored = await this.services.store.get(route.key);
        if (!latest()) return;
        this.sayIfSetAside(route.key);
        if (!stored) {
          if (this.services.store.unreadableMovedTo(route.key) === undefined) this.banner("error", (words) => words.noLocalNotebook(route.key));
          return;
        }
        return this.showStored(stored, route);
      }
      const key = bundledKey(route.name);
      const stored = await this.services.store.get(key);
      if (!latest()) return;
      this.sayIfSetAside(key);
      if (stored) return this.showStored(stored, route);
      const shipped = await this.shippedDoc(route.name);
      if (shipped && latest()) this.show(key, { kind: "bundled", name: route.name }, shipped, {}, {}, "live", route);
    } finally {
      this.loading = false;
      this.emit();
    }
  }

  /** The route that names the open notebook, or undefined for an unconsented shared copy. */
  private routeOf(open: OpenNotebook<S>): Route | undefined {
    if (open.session.mode === "preview") return undefined;
    // Only a notebook that reads the filter carries it in its address.
    const filter = usesFilter(open.session) && !isEmptyFilter(this.services.filter.filter) ? this.services.filter.filter : undefined;
    if (open.origin.kind === "bundled") return { kind: "bundled", name: open.origin.name, filter };
    return { kind: "local", key: open.key, filter };
  }

  /**
   * Write the open notebook's route with the current filter into the hash (history.replaceState:
   * no reload, no new history entry). Called when the filter moves and once the notebook settled.
   */
  private syncFilterToUrl(): void {
    const open = this.current;
    if (!open || !this.followingFilter) return;
    // A link pasted while the notebook settles changes the hash before its hashchange is handled;
    // writing the open notebook's route then would drop the link (seen with share links).
    const now = this.services.currentHash?.();
    if (now !== undefined && this.handledHash !== undefined && now !== this.handledHash) return;
    const route = this.routeOf(open);
    if (!route) return;
    this.writeHash(formatRoute(route));
  }

  /** Replace the URL hash and remember it as handled (read back: the browser may encode it). */
  private writeHash(hash: string): void {
    this.services.replaceHash?.(hash);
    this.handledHash = this.services.currentHash?.() ?? hash;
  }

  /**
   * Start following the filter once the first run has settled (only then are the cells' plans, and
   * so whether the notebook reads the filter, known).
   */
  private async followFilter(session: S, route: Route | undefined): Promise<void> {
    await session.idle();
    if (this.current?.session !== session) return;
    if (route && "filter" in route && route.filter && !usesFilter(session)) {
      this.banner("info", (words) => words.noFilterBar);
    }
    this.followingFilter = true;
    this.syncFilterToUrl();
  }

  private async shippedDoc(name: string): Promise<NotebookDoc | undefined> {
    const text = await fetchBundledText(name, this.services.fetcher);
    if (!text.ok) return void this.banner("error", text.error.message);
    const parsed = this.services.parseNotebook(text.value);
    if (!parsed.ok) return void this.banner("error", (words) => words.bundledUnreadable(name, parsed.error.message));
    return parsed.value.doc;
  }

  private async openShare(payload: string): Promise<void> {
    const latest = this.beginOpen();
    const decoded = await decodeShare(payload);
    if (!latest()) return;
    if (!decoded.ok) {
      this.banner("error", (words) => words.shareLinkUnreadable(decoded.error.message));
      return;
    }
    const key = freshKey("shared");
    const { [FILTER_INPUT]: filter, ...inputs } = decoded.value.inputs;
    if (filter !== undefined) {
      const parsed = asSurveyFilter(filter);
      if (parsed.ok) this.services.filter.setFilter(parsed.value);
      else this.banner("warning", (words) => words.linkFilterNotApplied(parsed.error.message));
    }
    this.show(key, { kind: "shared" }, decoded.value.doc, {}, inputs, "preview");
  }

  /**
   * Tell the user when the saved copy under `key` could not be read and was set aside, unchanged, or
   * when a closed tab's last edits of it were saved as a copy of their own (another tab had saved it).
   */
  private sayIfSetAside(key: string): void {
    const aside = this.services.store.unreadableMovedTo(key);
    if (aside !== undefined) this.banner("warning", (words) => words.savedCopyUnreadable(key, aside));
    for (const notice of this.services.store.untoldCopies()) if (notice.key === key) this.sayKeptApart(key, notice.copy);
  }

  /** Open a local copy as it was saved: document, drafts and undo history (a history it could not read is dropped, with a word). */
  private showStored(stored: StoredNotebook, route: Route): void {
    if (stored.historyProblem) this.banner("warning", (words) => words.storedHistoryDropped);
    this.show(stored.key, stored.origin, stored.doc, stored.drafts, {}, "live", route, stored.history);
  }

  private show(key: string, origin: NotebookOrigin, doc: NotebookDoc, drafts: Record<string, string>, inputs: Record<string, unknown>, mode: "live" | "preview", route?: Route, history?: StructureHistoryRecord): void {
    this.detachSession?.();
    this.current?.session.dispose();
    this.followingFilter = false;
    const session = this.services.createSession({ key, origin, doc, drafts, inputs, mode, ...withHistory(history) });
    this.current = { key, origin, session, readPaths: new Set() };
    if (this.tooLarge) this.sizeChanged(undefined);
    this.detachSession = session.onChange((change) => {
      if (change.kind === "size" && session.mode === "live") this.sizeChanged(change.over);
      if (change.kind === "doc" || change.kind === "draft") this.save();
      if (change.kind === "doc" || change.kind === "mode") this.emit();
    });
    if (mode === "live") void session.start().then(() => this.followFilter(session, route));
    this.emit();
  }

  /**
   * The open notebook grew past the limits (`over`), or is back within them. Past them its edits
   * are not stored — storage keeps the version before — so the user is told what limit, how far
   * over and what to do, and the status says "not saved" until it is within them again (then the
   * edit that brought it back is saved as usual, with everything on screen).
   */
  private sizeChanged(over: NotebookSize | undefined): void {
    if (this.tooLarge) this.dismiss(this.tooLarge.banner);
    this.tooLarge = over && { size: over, banner: this.banner("error", (words) => words.notebookGrownTooLarge(over.cells, over.chars, NOTEBOOK_LIMITS.cells, NOTEBOOK_LIMITS.chars)) };
    this.saveStatus = this.tooLarge ? { state: "too-large" } : this.storedStatus;
    this.emit();
  }

  /** The host read a data file for the open notebook's cells (the header's data notice follows it). */
  noteRead(path: string): void {
    const open = this.current;
    if (!open || open.readPaths.has(path)) return;
    open.readPaths.add(path);
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
      ...withHistory(open.session.historyRecord()),
      inputs: {},
      updatedAt: Date.now(),
    });
  }

  /** "Run this notebook" on a shared preview: run it, save it as a local copy, point the URL at it. */
  async consent(): Promise<void> {
    const open = this.current;
    if (!open || open.session.mode !== "preview") return;
    await open.session.start();
    this.writeHash(formatRoute({ kind: "local", key: open.key }));
    this.save();
    await this.autosaver.flush();
    await this.refreshLocals();
    await this.followFilter(open.session, { kind: "local", key: open.key });
    // A link's input values are untrusted: each one its input could not take is named, with why.
    for (const dropped of open.session.inputReport().dropped) this.banner("warning", dropped.problem.message);
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
      this.writeHash(formatRoute({ kind: "bundled", name }));
      this.show(bundledKey(name), { kind: "bundled", name }, shipped, {}, {}, "live", { kind: "bundled", name });
    }
    await this.refreshLocals();
  }

  /** The open notebook as a Notebook Kit file (committed sources; drafts are not part of a file). */
  exportText(): string | undefined {
    return this.current ? this.services.serializeNotebook(this.current.session.doc) : undefined;
  }

  /** Import a notebook file: open it in preview; "Run this notebook" keeps it as a local notebook. */
  async importFile(fileName: string, text: string): Promise<void> {
    const parsed = this.services.parseNotebook(text);
    if (!parsed.ok) {
      this.banner("error", (words) => words.notANotebook(fileName, parsed.error.message));
      return;
    }
    // Past the limits the frame's reports of its edits are refused: it would run, say "saved" and keep nothing.
    const over = overNotebookLimits(parsed.value.doc.cells);
    if (over) {
      this.banner("error", (words) => words.notebookTooLarge(fileName, over.cells, over.chars, NOTEBOOK_LIMITS.cells, NOTEBOOK_LIMITS.chars));
      return;
    }
    for (const warning of parsed.value.warnings) this.banner("warning", (words) => words.fileWarning(fileName, warning.message));
    // A notebook file may be anybody's code, like a link: it opens in preview and is kept (and
    // runs, and sees the user's file through the data gate) only once the user chose to run it.
    // The address leaves the notebook that was open, so choosing that one from the list reopens it.
    const latest = this.beginOpen();
    await this.autosaver.flush();
    if (!latest()) return;
    const key = freshKey("local");
    this.writeHash(formatRoute({ kind: "home" }));
    this.show(key, { kind: "imported", fileName }, parsed.value.doc, {}, {}, "preview");
  }

  /** A new local notebook from a template (blank, or a survey analysis that works at once), written in `locale`; the templates load on first use. */
  async newNotebook(template: TemplateId = "blank", locale?: Locale): Promise<string> {
    const { notebookTemplate } = await import("./notebook-templates");
    return this.createLocal(notebookTemplate(template).doc(locale), { kind: "new" });
  }

  private async createLocal(doc: NotebookDoc, origin: NotebookOrigin): Promise<string> {
    const key = freshKey("local");
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
    const inputs = open.session.inputValues();
    const link = await encodeShare({ doc: open.session.doc, inputs: usesFilter(open.session) ? { ...inputs, [FILTER_INPUT]: this.services.filter.filter } : inputs });
    if (!link.ok) this.banner("error", (words) => words.noShareLinkMade(link.error.message));
    return link.ok ? link.value : undefined;
  }
}
