/**
 * <nb-data-source>: the header control "Data: reconstructed 1999 respondents ▾" with "Load your own
 * file…", plus the panel that walks through loading it — progress with Cancel, the validation
 * summary with "Use this data" / "Back", or the loader's error. Files come from the file picker or
 * are dropped anywhere on the page. It renders a {@link DataSource}; the file is read in the
 * browser only. The formats it names and the extensions the picker offers come from the loaders'
 * registry, imported after first render (it carries the readers, which startup does not need).
 */
import { html, nothing } from "lit";
import { LightElement } from "./light-element";
import { customElement, property, state } from "lit/decorators.js";
import type { DataPhase, DataSource, ValidationSummary } from "../app/data-source";
import { formatNumber, type Locale, type Messages } from "../base/locale/locale";
import { LocaleController } from "./locale-controller";
import { ModelController } from "./model-controller";
import "./nb-data-source.css";

/** The registry as this control shows it. */
interface Formats {
  /** The picker's `accept`: every registered extension (anything else is still tried: detection goes by content). */
  accept: string;
  /** "CSV, card image or SPSS .sav". */
  list: string;
}

function megabytes(locale: Locale, bytes: number): string {
  return `${formatNumber(locale, bytes / 1_048_576, bytes < 10_485_760 ? 1 : 0)} MB`;
}

function hasFiles(event: DragEvent): boolean {
  return event.dataTransfer?.types.includes("Files") ?? false;
}

@customElement("nb-data-source")
export class NbDataSource extends LightElement {
  @property({ attribute: false }) source: DataSource | undefined;
  @state() private menuOpen = false;
  @state() private dragging = false;
  @state() private formats: Formats | undefined;
  private readonly i18n = new LocaleController(this);

  constructor() {
    super();
    new ModelController(this, () => this.source, (source, listener) => source.onChange(listener));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener("dragover", this.onDragOver);
    window.addEventListener("dragleave", this.onDragLeave);
    // Capture phase: a file dropped on a cell editor is a data file here, not text to insert.
    window.addEventListener("drop", this.onDrop, true);
    document.addEventListener("click", this.onDocumentClick);
    void import("../data/loaders/formats").then((m) => {
      this.formats = { accept: m.acceptAttribute(), list: m.formatList() };
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener("dragover", this.onDragOver);
    window.removeEventListener("dragleave", this.onDragLeave);
    window.removeEventListener("drop", this.onDrop, true);
    document.removeEventListener("click", this.onDocumentClick);
  }

  protected override updated(): void {
    // Top layer, as popovers: the loading panel, the drop hint, and the review or failure panel
    // (with a backdrop). Not a modal <dialog>: showModal() makes the rest of the page inert, which
    // restyles the whole notebook in one task (over 100 ms on notebook 01) just as a file is read.
    for (const popover of this.querySelectorAll<HTMLElement>(".nb-data-drop, .nb-data-loading, .nb-data-dialog")) {
      if (popover.matches(":popover-open")) continue;
      popover.showPopover();
      if (popover.classList.contains("nb-data-dialog")) popover.querySelector<HTMLElement>(".nb-primary, .nb-data-back")?.focus();
    }
  }

  private onDragOver = (event: DragEvent): void => {
    if (!hasFiles(event) || !this.source) return;
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = "copy";
    this.dragging = true;
  };

  private onDragLeave = (event: DragEvent): void => {
    // Leaving the window reports no related target; moving between elements does.
    if (event.relatedTarget === null) this.dragging = false;
  };

  private onDrop = (event: DragEvent): void => {
    this.dragging = false;
    const file = event.dataTransfer?.files[0];
    if (!file || !this.source) return;
    event.preventDefault();
    event.stopPropagation();
    this.menuOpen = false;
    void this.source.choose(file, file.name);
  };

  private onDocumentClick = (event: Event): void => {
    if (this.menuOpen && !event.composedPath().includes(this)) this.menuOpen = false;
  };

  private pick(): void {
    this.menuOpen = false;
    // The loader and codebook load while the file dialog is open, not after the file is chosen.
    void this.source?.prepare().catch(() => undefined);
    this.querySelector<HTMLInputElement>(".nb-data-file")?.click();
  }

  private onFile(event: Event): void {
    const input = event.target;
    if (!(input instanceof HTMLInputElement)) return;
    const file = input.files?.[0];
    // Reset so choosing the same file again still fires `change`.
    input.value = "";
    if (file) void this.source?.choose(file, file.name);
  }

  private useBundled(): void {
    this.menuOpen = false;
    this.source?.useBundled();
  }

  private renderSummary(summary: ValidationSummary, t: Messages): unknown {
    return html`<dl class="nb-data-counts">
        <dt>${t.rows}</dt>
        <dd class="nb-data-rows">${summary.rows}</dd>
        ${summary.lines.map((line) => html`<dt>${line.label}</dt><dd class=${line.count > 0 ? "is-issue" : ""}>${line.count}</dd>`)}
      </dl>
      ${summary.first.length > 0
        ? html`<p class="nb-data-first-title">${summary.total > summary.first.length ? t.firstIssues(summary.first.length, summary.total) : t.issues}:</p>
            <ol class="nb-data-issues">
              ${summary.first.map((line) => html`<li>${line}</li>`)}
            </ol>`
        : html`<p class="nb-ok">${t.noProblems}</p>`}`;
  }

  private renderPanel(phase: DataPhase): unknown {
    const source = this.source;
    if (phase.kind === "idle" || !source) return nothing;
    const t = this.i18n.words;
    const locale = this.i18n.locale;
    if (phase.kind === "loading") {
      // Not modal: reading happens in a worker, so the notebooks (and their filter bars) keep working.
      const total = phase.totalBytes;
      return html`<section class="nb-data-loading" popover="manual" role="status" aria-labelledby="nb-data-title">
        <h2 id="nb-data-title">${t.readingFile(phase.name)}</h2>
        <progress class="nb-data-progress" aria-label=${t.bytesRead} max=${total ?? 1} .value=${total === undefined ? 0 : phase.bytesRead}></progress>
        <p class="nb-data-bytes">${total === undefined ? megabytes(locale, phase.bytesRead) : t.bytesOf(megabytes(locale, phase.bytesRead), megabytes(locale, total))}</p>
        <div class="nb-dialog-actions">
          <span class="nb-muted">${t.readLocally}</span>
          <button class="nb-button nb-data-cancel" @click=${() => source.cancel()}>${t.cancel}</button>
        </div>
      </section>`;
    }
    let body: unknown;
    if (phase.kind === "review") {
      body = html`<h2 id="nb-data-title">${t.checkFile(phase.name)}</h2>
        <p>${t.readAs(phase.summary.readAs)}</p>
        ${this.renderSummary(phase.summary, t)}
        <div class="nb-dialog-actions">
          <span class="nb-muted">${t.surveyRerun}</span>
          <button class="nb-button nb-data-back" @click=${() => source.back()}>${t.back}</button>
          <button class="nb-button nb-primary nb-data-use" @click=${() => source.use()}>${t.useThisData}</button>
        </div>`;
    } else {
      body = html`<h2 id="nb-data-title">${phase.cancelled ? t.loadingCancelled : t.couldNotRead(phase.name)}</h2>
        <p class=${phase.cancelled ? "nb-data-cancelled" : "nb-data-error"} role=${phase.cancelled ? "status" : "alert"}>${phase.message}</p>
        ${phase.cancelled ? nothing : html`<p>${t.nothingChanged}</p>`}
        <div class="nb-dialog-actions">
          <button class="nb-button nb-data-back" @click=${() => source.back()}>${t.back}</button>
        </div>`;
    }
    // In the top layer, above the sticky header's stacking context and the pinned filter count;
    // Escape goes back (or cancels a load), as it would close a dialog.
    return html`<section class="nb-dialog nb-data-dialog" popover="manual" role="dialog" aria-modal="true" aria-labelledby="nb-data-title" @keydown=${(e: KeyboardEvent) => {
      if (e.key !== "Escape") return;
      e.preventDefault();
      source.back();
    }}>${body}</section>`;
  }

  protected override render(): unknown {
    const source = this.source;
    if (!source) return nothing;
    const active = source.active;
    // The header notice names the user's file; the button stays short and carries the name as a tooltip.
    const t = this.i18n.words;
    const label = active.kind === "user" ? t.dataYourFile : t.dataReconstructed;
    const title = active.kind === "user" ? t.dataUserTitle(active.name, active.rows) : label;
    return html`<div class="nb-data">
        <button class=${`nb-button nb-data-button${active.kind === "user" ? " is-user" : ""}`} title=${title} aria-haspopup="menu" aria-expanded=${this.menuOpen ? "true" : "false"} @click=${() => (this.menuOpen = !this.menuOpen)}>
          ${label} ▾
        </button>
        ${this.menuOpen
          ? html`<div class="nb-data-menu" role="menu">
              <button role="menuitem" class="nb-data-load" @click=${() => this.pick()}>${t.loadOwnFile}</button>
              ${active.kind === "user"
                ? html`<button role="menuitem" class="nb-data-bundled" @click=${() => this.useBundled()}>${t.useReconstructed}</button>`
                : nothing}
              <p class="nb-data-hint">${t.dataHint(this.formats?.list ?? t.aDataFile)}</p>
            </div>`
          : nothing}
        <input class="nb-data-file" type="file" accept=${this.formats?.accept ?? ""} hidden @change=${this.onFile} />
      </div>
      ${this.dragging ? html`<div class="nb-data-drop" popover="manual" aria-hidden="true">${t.dropHint(this.formats?.list)}</div>` : nothing}
      ${this.renderPanel(source.phase)}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "nb-data-source": NbDataSource;
  }
}
