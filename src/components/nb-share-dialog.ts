/**
 * <nb-share-dialog>: shows the share link of the open notebook with a copy button and says what the
 * link carries (the document and input values, nothing else; no server involved).
 * Event: `nb-close`.
 */
import { LitElement, html, nothing } from "lit";
import { customElement, property, state } from "lit/decorators.js";
import { fire } from "./events";

@customElement("nb-share-dialog")
export class NbShareDialog extends LitElement {
  @property({ attribute: false }) link: string | undefined;
  @state() private copied: "no" | "yes" | "failed" = "no";

  override createRenderRoot(): HTMLElement {
    return this;
  }

  private async copy(): Promise<void> {
    if (!this.link) return;
    try {
      await navigator.clipboard.writeText(this.link);
      this.copied = "yes";
    } catch {
      // Clipboard access can be denied; the text field is selected so Ctrl-C works.
      this.querySelector<HTMLInputElement>(".nb-share-link")?.select();
      this.copied = "failed";
    }
  }

  private close(): void {
    this.copied = "no";
    fire(this, "nb-close", {});
  }

  protected override render(): unknown {
    if (!this.link) return nothing;
    const kb = (this.link.length / 1024).toFixed(1);
    return html`<div class="nb-dialog-backdrop" @click=${(e: Event) => e.target === e.currentTarget && this.close()}>
      <div class="nb-dialog" role="dialog" aria-modal="true" aria-labelledby="nb-share-title" @keydown=${(e: KeyboardEvent) => e.key === "Escape" && this.close()}>
        <h2 id="nb-share-title">Share this notebook</h2>
        <p>
          The link carries the notebook's cells and current input values inside the URL — no server stores
          anything. Whoever opens it gets a copy in preview and decides whether to run it.
        </p>
        <input class="nb-share-link" readonly .value=${this.link} aria-label="Share link" @focus=${(e: Event) => e.target instanceof HTMLInputElement && e.target.select()} />
        <div class="nb-dialog-actions">
          <span class="nb-muted">${kb} KB</span>
          ${this.copied === "yes" ? html`<span class="nb-ok">Copied</span>` : nothing}
          ${this.copied === "failed" ? html`<span class="nb-muted">Press Ctrl-C to copy</span>` : nothing}
          <button class="nb-button nb-primary nb-copy" @click=${() => void this.copy()}>Copy link</button>
          <button class="nb-button" @click=${() => this.close()}>Close</button>
        </div>
      </div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "nb-share-dialog": NbShareDialog;
  }
}
