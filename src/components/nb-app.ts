/**
 * <nb-app>: the whole workbench page — header (notebook title, reconstructed-data notice, toolbar),
 * banners, the notebook list on the left and the open notebook. It renders a {@link Workbench} and
 * turns UI events into workbench calls; routing follows `location.hash`.
 */
import { LitElement, html, nothing } from "lit";
import { customElement, property, state } from "lit/decorators.js";
import { readsSurvey, SHARE_WITHOUT_FILE_NOTICE, userDataNotice } from "../app/data-notice";
import { RECONSTRUCTION_NOTICE } from "../data/bundled-survey";
import type { DataSource } from "../app/data-source";
import { downloadText, fileNameFor, pickTextFile } from "../app/file-io";
import type { Workbench } from "../app/workbench";
import type { ToolbarCommand } from "./events";
import { ModelController } from "./model-controller";
import "./nb-data-source";
import "./nb-notebook";
import "./nb-notebook-list";
import "./nb-share-dialog";
import "./nb-toolbar";

@customElement("nb-app")
export class NbApp extends LitElement {
  @property({ attribute: false }) workbench: Workbench | undefined;
  /** Which respondents survey notebooks use (bundled or the user's file); the header shows it. */
  @property({ attribute: false }) dataSource: DataSource | undefined;
  @state() private shareLink: string | undefined;

  constructor() {
    super();
    new ModelController(this, () => this.workbench, (wb, listener) => wb.onChange(listener));
    new ModelController(this, () => this.dataSource, (data, listener) => data.onActiveChange(listener));
  }

  override createRenderRoot(): HTMLElement {
    return this;
  }

  /** Attach to a workbench, open the notebook the URL names and follow later hash changes. */
  async start(workbench: Workbench, dataSource?: DataSource): Promise<void> {
    this.workbench = workbench;
    this.dataSource = dataSource;
    window.addEventListener("hashchange", this.onHashChange);
    await workbench.init();
    await workbench.openHash(location.hash);
  }

  private topObserver: ResizeObserver | undefined;

  protected override firstUpdated(): void {
    // The sticky notebook list sits just below the sticky header, whose height varies (notice, banners).
    const top = this.querySelector<HTMLElement>(".nb-top");
    if (!top || typeof ResizeObserver === "undefined") return;
    this.topObserver = new ResizeObserver(() => this.style.setProperty("--top-height", `${top.offsetHeight}px`));
    this.topObserver.observe(top);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.topObserver?.disconnect();
    window.removeEventListener("hashchange", this.onHashChange);
  }

  private onHashChange = (): void => {
    void this.workbench?.openHash(location.hash);
  };

  private async onCommand(command: ToolbarCommand): Promise<void> {
    const wb = this.workbench;
    if (!wb) return;
    if (command === "new" || command === "new-survey") {
      location.hash = await wb.newNotebook(command === "new" ? "blank" : "survey-analysis");
    } else if (command === "import") {
      const file = await pickTextFile();
      if (!file) return;
      const hash = await wb.importFile(file.name, file.text);
      if (hash) location.hash = hash;
    } else if (command === "export") {
      const text = wb.exportText();
      if (text !== undefined && wb.current) downloadText(fileNameFor(wb.current.session.doc.title), text);
    } else if (command === "share") {
      const payload = await wb.sharePayload();
      if (payload) this.shareLink = `${location.origin}${location.pathname}#share=${payload}`;
      // The link never carries the user's file; say so where the user is about to send it.
      if (payload && this.dataSource?.active.kind === "user") wb.banner("info", SHARE_WITHOUT_FILE_NOTICE);
    } else if (command === "revert") {
      if (confirm("Discard your edits of this notebook and reload the version shipped with the app?")) await wb.revert();
    }
  }

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

  protected override render(): unknown {
    const wb = this.workbench;
    const open = wb?.current;
    const session = open?.session;
    const preview = session?.mode === "preview";
    const showNotice = session && open ? readsSurvey(session, open.readPaths) : false;
    const active = this.dataSource?.active;
    return html`
      <div class="nb-top">
      <header class="nb-header">
        <a class="nb-brand" href="#/" title="Tverrsnitt — home">Tverrsnitt</a>
        <div class="nb-header-main">
          ${session
            ? html`<input class="nb-title" aria-label="Notebook title" .value=${session.doc.title} ?readonly=${preview} @change=${this.onTitle} />`
            : html`<span class="nb-title">${wb?.loading ? "Loading…" : "No notebook open"}</span>`}
          ${active?.kind === "user"
            ? html`<div class="nb-notice is-user" role="note" ?hidden=${!showNotice}>
                ${userDataNotice(active.name, active.rows)}<button class="nb-notice-bundled" @click=${() => this.dataSource?.useBundled()}>Back to the bundled data</button>
              </div>`
            : html`<div class="nb-notice" role="note" ?hidden=${!showNotice}>${showNotice ? RECONSTRUCTION_NOTICE : ""}</div>`}
        </div>
        <nb-data-source .source=${this.dataSource}></nb-data-source>
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
                <span>${b.message}</span>
                <button class="nb-icon" aria-label="Dismiss" @click=${() => wb.dismiss(b.id)}>✕</button>
              </div>`,
            )}
          </div>`
        : nothing}
      </div>
      <div class="nb-body">
        <aside class="nb-sidebar">
          <nb-notebook-list .bundled=${wb?.bundled ?? []} .locals=${wb?.locals ?? []} .currentKey=${open?.key} @nb-delete-local=${this.onDeleteLocal} @nb-command=${(e: HTMLElementEventMap["nb-command"]) => void this.onCommand(e.detail.command)}></nb-notebook-list>
        </aside>
        <main class="nb-main">
          <nb-notebook .session=${session} .scope=${wb?.scope} ?shared=${open?.origin.kind === "shared"} @nb-consent=${() => void wb?.consent()}></nb-notebook>
        </main>
      </div>
      <nb-share-dialog .link=${this.shareLink} @nb-close=${() => (this.shareLink = undefined)}></nb-share-dialog>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "nb-app": NbApp;
  }
}
