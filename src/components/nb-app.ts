/**
 * <nb-app>: the shell of the workbench page — header (notebook title, data notice, toolbar),
 * banners, the notebook list on the left, and the place of the open notebook, which runs in a
 * sandboxed frame inside the static `.nb-frame-slot` (index.html). Above the frame it shows what only the shell may decide or say:
 * "Run this notebook" for a shared preview, "Run on my data" for a shared notebook while the user's
 * file is loaded, which cell is running, and Stop when the frame stops answering. It renders a
 * {@link Workbench} and turns UI events into workbench calls; routing follows `location.hash`.
 */
import { html, nothing } from "lit";
import { LightElement } from "./light-element";
import { customElement, property, state } from "lit/decorators.js";
import { readsSurvey } from "../app/data-notice";
import { say, type Messages } from "../base/locale/locale";
import type { DataSource } from "../app/data-source";
import { downloadText, fileNameFor, pickTextFile } from "../app/file-io";
import type { DataGate } from "../app/sandbox/data-gate";
import type { FrameSession } from "../app/sandbox/frame-session";
import type { OpenNotebook, Workbench } from "../app/workbench";
import type { ToolbarCommand } from "./events";
import { LocaleController } from "./locale-controller";
import { ModelController } from "./model-controller";
import "./nb-data-source";
import "./nb-locale-switch";
import type { AppLocale } from "../app/app-locale";
import "./nb-notebook-list";
import "./nb-share-dialog";
import "./nb-toolbar";
import "./nb-print-report";
import { reportHeadFor } from "../app/report/report-head";
import { reorderingWarning } from "../base/hidden-characters";
import type { PrintSource } from "./nb-print-report";

/** The run strip appears once a run has taken this long (shorter runs would only flicker). */
const SHOW_RUNNING_AFTER_MS = 400;

/** Stop is offered for a cell still running (but answering) after this long. */
const OFFER_STOP_AFTER_MS = 2000;

/** The preview's warning about Trojan Source characters in a shared notebook's cells, if any. */
function hiddenWarning(cells: ReadonlyArray<{ source: string }>, words: Messages): unknown {
  const warning = reorderingWarning(cells.map((c) => c.source));
  return warning === undefined ? nothing : html`<p class="nb-hidden-warning" role="alert"><strong>${words.warning}</strong> ${warning}</p>`;
}

@customElement("nb-app")
export class NbApp extends LightElement {
  @property({ attribute: false }) workbench: Workbench<FrameSession> | undefined;
  /** Which respondents survey notebooks use (bundled or the user's file); the header shows it. */
  @property({ attribute: false }) dataSource: DataSource | undefined;
  /** Which notebooks may see the user's file. */
  @property({ attribute: false }) gate: DataGate | undefined;
  /** The app's language (the header's switch). */
  @property({ attribute: false }) appLocale: AppLocale | undefined;
  @state() private shareLink: string | undefined;
  /**
   * The notebook list: "auto" follows the width (shown beside the notebook when wide, hidden when
   * narrow); the header's toggle sets it open or closed (narrow: open lays it over the notebook).
   */
  @property({ reflect: true, attribute: "data-sidebar" }) sidebar: "auto" | "open" | "closed" = "auto";
  private readonly i18n = new LocaleController(this);

  constructor() {
    super();
    new ModelController(this, () => this.workbench, (wb, listener) => wb.onChange(listener));
    new ModelController(this, () => this.dataSource, (data, listener) => data.onActiveChange(listener));
    new ModelController(this, () => this.gate, (gate, listener) => gate.onChange(listener));
    new ModelController(this, () => this.workbench?.current?.session, (session, listener) => session.onStatus(listener));
    new ModelController(this, () => this.workbench?.current?.session.reports, (reports, listener) => reports.onExportAsked(listener), () => void this.exportReport());
  }

  protected override createRenderRoot(): HTMLElement {
    // The notebook frame's slot is static markup inside <nb-app> (index.html), so the frame loads
    // with the page; Lit draws everything before it and never touches it (CSS places it).
    this.renderOptions.renderBefore ??= this.querySelector(":scope > .nb-frame-slot");
    return this;
  }

  /** Attach to a workbench, open the notebook the URL names and follow later hash changes. */
  async start(workbench: Workbench<FrameSession>, dataSource?: DataSource, gate?: DataGate): Promise<void> {
    this.workbench = workbench;
    this.dataSource = dataSource;
    this.gate = gate;
    window.addEventListener("hashchange", this.onHashChange);
    window.addEventListener("keydown", this.onKey);
    await workbench.init();
    await workbench.openHash(location.hash);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener("hashchange", this.onHashChange);
    window.removeEventListener("keydown", this.onKey);
  }

  private onHashChange = (): void => {
    // A notebook chosen from the list laid over a narrow window: the list makes way for it.
    if (this.sidebar === "open" && this.sidebarOverlays()) this.sidebar = "auto";
    void this.workbench?.openHash(location.hash);
  };

  /** Ctrl/Cmd-S in the shell; in the notebook's frame the frame asks for it (protocol.ts). */
  private onKey = (event: KeyboardEvent): void => {
    if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === "s") {
      event.preventDefault();
      this.saveFile();
    }
  };

  /**
   * Save the open notebook as a file (Ctrl/Cmd-S), only while the page has transient user
   * activation: a request from the frame without a key press just before it is the notebook's own
   * code, and is ignored.
   */
  saveFile(): void {
    if (navigator.userActivation && !navigator.userActivation.isActive) return;
    void this.onCommand("export");
  }

  private sidebarOverlays(): boolean {
    return window.matchMedia("(max-width: 760px)").matches;
  }

  private toggleSidebar(): void {
    const sidebar = this.querySelector(".nb-sidebar");
    const shown = sidebar instanceof HTMLElement && sidebar.offsetParent !== null;
    this.sidebar = shown ? "closed" : "open";
  }

  private async onCommand(command: ToolbarCommand): Promise<void> {
    const wb = this.workbench;
    if (!wb) return;
    if (command === "new" || command === "new-survey") {
      location.hash = await wb.newNotebook(command === "new" ? "blank" : "survey-analysis", this.i18n.locale);
    } else if (command === "import") {
      const file = await pickTextFile();
      if (!file) return;
      await wb.importFile(file.name, file.text);
    } else if (command === "export") {
      const text = wb.exportText();
      if (text !== undefined && wb.current) downloadText(fileNameFor(wb.current.session.doc.title), text);
    } else if (command === "share") {
      await wb.current?.session.refreshInputs();
      const payload = await wb.sharePayload();
      if (payload) this.shareLink = `${location.origin}${location.pathname}#share=${payload}`;
      // The link never carries the user's file; say so where the user is about to send it.
      if (payload && this.dataSource?.active.kind === "user") wb.banner("info", (words) => words.shareWithoutFile);
    } else if (command === "revert") {
      if (confirm(this.i18n.words.confirmRevert)) await wb.revert();
    }
  }

  /** "Export report", asked for in the notebook's frame: the shell writes the file (app/report/). */
  private async exportReport(): Promise<void> {
    const wb = this.workbench;
    const open = wb?.current;
    if (!wb || !open || open.session.mode !== "live") return;
    const { exportReport } = await import("../app/report/export-report");
    if (!(await exportReport(open.session, reportHeadFor(wb, open, this.dataSource, this.i18n.words, this.i18n.locale)))) {
      wb.banner("info", (words) => words.noOutputsToReport);
    }
  }

  /** What the browser prints: the open notebook's last report (nb-print-report.ts). */
  private printSource = (): PrintSource | undefined => {
    const wb = this.workbench;
    const open = wb?.current;
    if (!wb || !open) return undefined;
    return { head: reportHeadFor(wb, open, this.dataSource, this.i18n.words, this.i18n.locale), snapshot: open.session.reports.latest };
  };

  private onDeleteLocal(event: HTMLElementEventMap["nb-delete-local"]): void {
    const key = event.detail.key;
    if (!this.workbench) return;
    const wasOpen = this.workbench.current?.key === key;
    void this.workbench.deleteLocal(key).then(() => {
      if (wasOpen) location.hash = "#/";
    });
  }

  private onTitle(event: Event): void {
    if (event.target instanceof HTMLInputElement) this.workbench?.current?.session.setTitle(event.target.value);
  }

  /** The bars above the notebook: consent, the data choice, a held change to a stranger's code, a pause, the running cell and Stop. */
  private renderBars(open: OpenNotebook<FrameSession> | undefined): unknown {
    const wb = this.workbench;
    const session = open?.session;
    if (!wb || !open || !session) return nothing;
    const status = session.status;
    const held = session.heldChange;
    const active = this.dataSource?.active;
    const withheld = session.mode === "live" && active?.kind === "user" && (this.gate?.withheld(open.key, open.origin) ?? false);
    const now = Date.now();
    const runningFor = status.busy && status.busySince !== undefined ? now - status.busySince : 0;
    const running = session.culprits();
    const names = running.map((cell) => session.cellLabel(cell)).join(", ");
    const t = this.i18n.words;
    const offerStop = status.stuck || (running.length > 0 && runningFor >= OFFER_STOP_AFTER_MS);
    return html`
      ${session.mode === "preview"
        ? html`<div class="nb-bar nb-preview-bar" role="region" aria-label=${t.previewRegion}>
            <div>
              <strong>${open.origin.kind === "imported" ? t.previewOfFile(open.origin.fileName) : t.previewOfShared}</strong>
              ${t.previewExplain}
              ${hiddenWarning(session.doc.cells, t)}
            </div>
            <button class="nb-button nb-primary nb-consent" @click=${() => void wb.consent()}>${t.runThisNotebook}</button>
          </div>`
        : nothing}
      ${withheld && active?.kind === "user"
        ? html`<div class="nb-bar nb-data-gate" role="region" aria-label=${t.dataForNotebook}>
            <div>
              <strong>${t.gateHeadline(open.origin.kind === "imported", active.name)}</strong>
              ${t.gateExplain}
            </div>
            <button class="nb-button nb-run-on-my-data" @click=${() => this.gate?.grant(open.key)}>${t.runOnMyData}</button>
          </div>`
        : nothing}
      ${held
        ? html`<div class="nb-bar nb-held-bar" role="alert">
            <div>
              <strong>${t.heldChange(open.origin.kind === "imported", held.positions, held.removed)}</strong>
              ${t.heldChangeExplain}
            </div>
            <span class="nb-bar-actions">
              <button class="nb-button nb-primary nb-keep-changes" @click=${() => session.keepChanges()}>${t.keepChanges}</button>
              <button class="nb-button nb-undo-changes" @click=${() => session.undoChanges()}>${t.undoChanges}</button>
            </span>
          </div>`
        : nothing}
      ${status.paused !== undefined
        ? html`<div class="nb-bar nb-paused-bar" role="alert">
            <div>${say(status.paused, t)}</div>
            <button class="nb-button nb-primary nb-resume" @click=${() => session.resume()}>${t.run}</button>
          </div>`
        : nothing}
      <div class=${`nb-run-status${status.stuck ? " is-stuck" : ""}`} role="status" aria-live="polite"
        ?hidden=${session.mode !== "live" || !(status.stuck || (status.busy && runningFor >= SHOW_RUNNING_AFTER_MS))}>
        <span class="nb-run-text">${status.stuck
          ? t.notResponding(names || t.theNotebookSubject, Math.round(runningFor / 1000))
          : t.running(names || t.theNotebook)}</span>
        ${offerStop
          ? html`<button class="nb-button nb-stop" title=${t.stopTitle} @click=${() => session.stop()}>${t.stop}</button>`
          : nothing}
      </div>`;
  }

  protected override render(): unknown {
    const wb = this.workbench;
    const open = wb?.current;
    const session = open?.session;
    const preview = session?.mode === "preview";
    const showNotice = session && open ? readsSurvey(session, open.readPaths) : false;
    const active = this.dataSource?.active;
    // The notice says what this notebook runs on: a shared one gets the user's file only when allowed.
    const onUserData = active?.kind === "user" && session?.dataKind === "user";
    const t = this.i18n.words;
    return html`
      <div class="nb-top">
      <header class="nb-header">
        <button class="nb-sidebar-toggle" aria-controls="nb-sidebar" aria-expanded=${this.sidebar === "open" || (this.sidebar === "auto" && !this.sidebarOverlays())}
          title=${t.sidebarToggleTitle} @click=${() => this.toggleSidebar()}><span aria-hidden="true">☰</span><span class="nb-visually-hidden">${t.notebooks}</span></button>
        <a class="nb-brand" href="#/" title=${t.brandTitle}>Tverrsnitt</a>
        <div class="nb-header-main">
          ${session
            ? html`<input class="nb-title" aria-label=${t.notebookTitleLabel} .value=${session.doc.title} ?readonly=${preview} @change=${this.onTitle} />`
            : html`<span class="nb-title">${wb?.loading ? t.loading : t.noNotebookOpen}</span>`}
          ${onUserData && active?.kind === "user"
            ? html`<div class="nb-notice is-user" role="note" ?hidden=${!showNotice}>
                ${t.userDataNotice(active.name, active.rows)}<button class="nb-notice-bundled" @click=${() => this.dataSource?.useBundled()}>${t.backToBundled}</button>
              </div>`
            : // Kept in the layout while hidden (CSS): the notebook's frame says what it reads a moment
              // after it opens, and the header must not grow under the reader's pointer then.
              html`<div class="nb-notice" role="note" ?hidden=${!showNotice}>${t.reconstructionNotice}</div>`}
        </div>
        <nb-data-source .source=${this.dataSource}></nb-data-source>
        <nb-locale-switch .state=${this.appLocale}></nb-locale-switch>
        <nb-toolbar
          .saveStatus=${wb?.saveStatus ?? { state: "saved" }}
          ?canRevert=${open?.origin.kind === "bundled" && (wb?.locals.some((n) => n.key === open.key) ?? false)}
          ?hasNotebook=${session !== undefined}
          ?preview=${preview}
          @nb-command=${(e: HTMLElementEventMap["nb-command"]) => void this.onCommand(e.detail.command)}
        ></nb-toolbar>
      </header>
      ${wb && wb.banners.length > 0
        ? html`<div class="nb-banners">
            ${wb.banners.map(
              (b) => html`<div class=${`nb-banner is-${b.kind}`} role=${b.kind === "error" ? "alert" : "status"}>
                <span>${say(b.message, t)}</span>
                <button class="nb-icon" aria-label=${t.dismiss} @click=${() => wb.dismiss(b.id)}>✕</button>
              </div>`,
            )}
          </div>`
        : nothing}
      </div>
      <div class="nb-body">
        <aside class="nb-sidebar" id="nb-sidebar" aria-label=${t.notebooks}>
          <nb-notebook-list .bundled=${wb?.bundled ?? []} .locals=${wb?.locals ?? []} .currentKey=${open?.key} @nb-delete-local=${this.onDeleteLocal} @nb-command=${(e: HTMLElementEventMap["nb-command"]) => void this.onCommand(e.detail.command)}></nb-notebook-list>
        </aside>
        <main class="nb-main">
          ${this.renderBars(open)}
          ${session ? nothing : html`<p class="nb-empty">${wb?.loading ? t.loading : `${t.noNotebookOpen}.`}</p>`}
        </main>
      </div>
      <nb-share-dialog .link=${this.shareLink} @nb-close=${() => (this.shareLink = undefined)}></nb-share-dialog>
      <nb-print-report .source=${this.printSource}></nb-print-report>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "nb-app": NbApp;
  }
}
