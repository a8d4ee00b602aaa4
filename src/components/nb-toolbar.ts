/**
 * <nb-toolbar>: notebook-level actions — new, import, export, share, revert to the shipped version —
 * and the save status. It only fires events (`nb-command` {command}); <nb-app> carries them out.
 *
 * The row never scrolls sideways: when the header leaves it too little room (a phone, or longer
 * Norwegian words), the save status shrinks to a mark first (its words stay for screen readers and
 * as the tooltip), then the least-used actions move into a "More" menu, one at a time from the
 * lowest priority, until the row fits (on the narrowest screens the status joins them there). Whether it fits is measured, not guessed
 * from a breakpoint: the room depends on the language, the data button and the title. A measurement
 * runs when the header's width changes and when the words or the actions do; the narrowing steps
 * happen before the browser paints (ResizeObserver callback, then Lit's microtask updates).
 */
import { html, nothing } from "lit";
import { LightElement } from "./light-element";
import { customElement, property, state } from "lit/decorators.js";
import type { SaveStatus } from "../app/autosaver";
import type { Messages } from "../base/locale/locale";
import { fire, type ToolbarCommand } from "./events";
import { LocaleController } from "./locale-controller";
import "./nb-toolbar.css";

/** One toolbar action. */
interface Action {
  command: ToolbarCommand;
  label: string;
  title?: string;
  disabled: boolean;
  className: string;
}

/** The order in which actions stay on the row when room runs out (first stays longest). */
const KEEP_ORDER: readonly ToolbarCommand[] = ["share", "new", "export", "import", "revert"];

/** The save status as a mark, when its words do not fit on the row. */
const STATUS_MARKS: Record<SaveStatus["state"] | "preview", string> = { saved: "✓", pending: "…", saving: "…", "memory-only": "⚠", "too-large": "⚠", preview: "◌" };

function saveLabel(words: Messages, state: SaveStatus["state"]): string {
  if (state === "saved") return words.saveSaved;
  if (state === "memory-only") return words.saveMemoryOnly;
  if (state === "too-large") return words.saveTooLarge;
  return words.saveSaving;
}

@customElement("nb-toolbar")
export class NbToolbar extends LightElement {
  @property({ attribute: false }) saveStatus: SaveStatus = { state: "saved" };
  @property({ type: Boolean }) canRevert = false;
  @property({ type: Boolean }) hasNotebook = false;
  @property({ type: Boolean }) preview = false;
  /** How many of the row's items (actions by {@link KEEP_ORDER}, then the status) stay on it. */
  @state() private kept = Number.POSITIVE_INFINITY;
  @state() private menuOpen = false;
  private readonly i18n = new LocaleController(this);
  /** Measure after this update (the words, the actions or the room changed). */
  private measure = true;
  private lastWidth = -1;
  private lastLocale = "";
  private readonly resize = new ResizeObserver(() => this.onResize());

  override connectedCallback(): void {
    super.connectedCallback();
    // The header's width is the room; the toolbar's own width follows what it shows.
    if (this.parentElement) this.resize.observe(this.parentElement);
    document.addEventListener("click", this.onDocumentClick);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resize.disconnect();
    document.removeEventListener("click", this.onDocumentClick);
  }

  private onResize(): void {
    const width = this.parentElement?.clientWidth ?? 0;
    if (width === this.lastWidth) return;
    this.lastWidth = width;
    this.remeasure();
  }

  /** Start again from the full row: it is narrowed step by step in `updated`. */
  private remeasure(): void {
    this.measure = true;
    this.kept = Number.POSITIVE_INFINITY;
    this.requestUpdate();
  }

  private onDocumentClick = (event: Event): void => {
    if (this.menuOpen && !event.composedPath().includes(this)) this.menuOpen = false;
  };

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    const locale = this.i18n.locale;
    const wordsChanged = locale !== this.lastLocale;
    this.lastLocale = locale;
    if (wordsChanged || changed.has("saveStatus") || changed.has("canRevert") || changed.has("preview")) {
      this.measure = true;
      this.kept = Number.POSITIVE_INFINITY;
    }
  }

  protected override updated(): void {
    if (!this.measure) return;
    const row = this.querySelector<HTMLElement>(".nb-toolbar");
    const items = this.actions().length + 1;
    // Last step (-1): even the status mark goes, into the menu.
    if (row && row.scrollWidth > row.clientWidth + 1 && Math.min(this.kept, items) > -1) {
      // One more item into the menu, then measure again (another update, still before paint).
      this.kept = Math.min(this.kept, items) - 1;
      return;
    }
    this.measure = false;
  }

  private actions(): Action[] {
    const words = this.i18n.words;
    const off = !this.hasNotebook;
    return [
      { command: "new", label: words.newNotebook, disabled: false, className: "nb-new" },
      { command: "import", label: words.importFile, disabled: false, className: "nb-import" },
      { command: "export", label: words.exportFile, title: words.exportFileTitle, disabled: off, className: "nb-export" },
      { command: "share", label: words.shareLink, disabled: off, className: "nb-share" },
      ...(this.canRevert ? [{ command: "revert" as const, label: words.revert, title: words.revertTitle, disabled: false, className: "nb-revert" }] : []),
    ];
  }

  private command(command: ToolbarCommand): void {
    this.menuOpen = false;
    fire(this, "nb-command", { command });
  }

  private toggleMenu(): void {
    this.menuOpen = !this.menuOpen;
    if (this.menuOpen) void this.updateComplete.then(() => this.querySelector<HTMLElement>(".nb-more-menu button:not(:disabled)")?.focus());
  }

  /** Escape closes the menu and gives focus back to its button; ↑/↓ move between its items. */
  private onMenuKey(event: KeyboardEvent): void {
    const items = [...this.querySelectorAll<HTMLElement>(".nb-more-menu button:not(:disabled)")];
    if (event.key === "Escape") {
      event.preventDefault();
      this.menuOpen = false;
      this.querySelector<HTMLElement>(".nb-more")?.focus();
    } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const at = items.findIndex((item) => item === document.activeElement);
      const next = (at + (event.key === "ArrowDown" ? 1 : items.length - 1)) % items.length;
      items[next]?.focus();
    }
  }

  private button(action: Action, inMenu: boolean): unknown {
    return html`<button class=${`${inMenu ? "nb-more-item" : "nb-button"} ${action.className}`} title=${action.title ?? nothing}
      ?disabled=${action.disabled} @click=${() => this.command(action.command)}>${action.label}</button>`;
  }

  protected override render(): unknown {
    const words = this.i18n.words;
    const state = this.preview ? "preview" : this.saveStatus.state;
    const status = this.preview ? words.savePreview : saveLabel(words, this.saveStatus.state);
    const actions = this.actions();
    const rank = (action: Action): number => KEEP_ORDER.indexOf(action.command);
    const onRow = new Set(actions.filter((action) => rank(action) < this.kept).map((action) => action.command));
    const statusOnRow = this.kept > actions.length;
    const statusInMenu = this.kept < 0;
    const inMenu = actions.filter((action) => !onRow.has(action.command));
    return html`<div class="nb-toolbar" role="toolbar" aria-label=${words.toolbarLabel}>
        ${actions.filter((action) => onRow.has(action.command)).map((action) => this.button(action, false))}
        ${inMenu.length > 0
          ? html`<button class="nb-button nb-more" aria-haspopup="true" aria-expanded=${this.menuOpen ? "true" : "false"}
              aria-controls="nb-more-menu" aria-label=${words.moreActionsLabel}
              @click=${() => this.toggleMenu()}>${words.moreActions} <span aria-hidden="true">▾</span></button>`
          : nothing}
        <span class=${`nb-save-status is-${state}${statusOnRow ? "" : statusInMenu ? " nb-visually-hidden" : " is-mark"}`} aria-live="polite" title=${statusOnRow ? nothing : status}>${statusOnRow || statusInMenu
          ? status
          : html`<span aria-hidden="true">${STATUS_MARKS[state]}</span><span class="nb-visually-hidden">${status}</span>`}</span>
      </div>
      ${this.menuOpen && inMenu.length > 0
        ? html`<div class="nb-more-menu" id="nb-more-menu" role="group" aria-label=${words.moreActionsLabel} @keydown=${this.onMenuKey}>
            ${inMenu.map((action) => this.button(action, true))}
            ${statusInMenu ? html`<p class=${`nb-more-status is-${state}`} aria-hidden="true">${status}</p>` : nothing}
          </div>`
        : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "nb-toolbar": NbToolbar;
  }
}
