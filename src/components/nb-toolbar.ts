/**
 * <nb-toolbar>: notebook-level actions — new, import, export, share, revert to the shipped version —
 * and the save status. It only fires events (`nb-command` {command}); <nb-app> carries them out.
 */
import { LitElement, html, nothing } from "lit";
import { customElement, property } from "lit/decorators.js";
import type { SaveStatus } from "../app/autosaver";
import { fire, type ToolbarCommand } from "./events";

const saveLabels: Record<SaveStatus["state"], string> = {
  saved: "Saved in this browser",
  pending: "Saving…",
  saving: "Saving…",
  "memory-only": "Not saved — kept in memory",
};

@customElement("nb-toolbar")
export class NbToolbar extends LitElement {
  @property({ attribute: false }) saveStatus: SaveStatus = { state: "saved" };
  @property({ type: Boolean }) canRevert = false;
  @property({ type: Boolean }) hasNotebook = false;
  @property({ type: Boolean }) preview = false;

  override createRenderRoot(): HTMLElement {
    return this;
  }

  private command(command: ToolbarCommand): void {
    fire(this, "nb-command", { command });
  }

  protected override render(): unknown {
    const status = this.preview ? "Preview — not saved" : saveLabels[this.saveStatus.state];
    return html`<div class="nb-toolbar" role="toolbar" aria-label="Notebook actions">
      <button class="nb-button" @click=${() => this.command("new")}>New</button>
      <button class="nb-button" @click=${() => this.command("import")}>Import…</button>
      <button class="nb-button" ?disabled=${!this.hasNotebook} @click=${() => this.command("export")}>Export</button>
      <button class="nb-button nb-share" ?disabled=${!this.hasNotebook} @click=${() => this.command("share")}>Share link</button>
      ${this.canRevert
        ? html`<button class="nb-button nb-revert" title="Discard your edits and reload the version shipped with the app" @click=${() => this.command("revert")}>
            Revert to shipped version
          </button>`
        : nothing}
      <span class=${`nb-save-status is-${this.preview ? "preview" : this.saveStatus.state}`} aria-live="polite">${status}</span>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "nb-toolbar": NbToolbar;
  }
}
