/**
 * <nb-share-dialog>: shows the share link of the open notebook with a copy button and says what the
 * link carries (the document and input values, nothing else; no server involved).
 * Event: `nb-close`.
 */
import { html, nothing } from "lit";
import { LightElement } from "./light-element";
import { customElement, property, state } from "lit/decorators.js";
import { formatNumber } from "../base/locale/locale";
import { fire } from "./events";
import { LocaleController } from "./locale-controller";

@customElement("nb-share-dialog")
export class NbShareDialog extends LightElement {
  @property({ attribute: false }) link: string | undefined;
  @state() private copied: "no" | "yes" | "failed" = "no";
  private readonly i18n = new LocaleController(this);

  protected override updated(changed: Map<PropertyKey, unknown>): void {
    // A modal dialog takes the focus (Escape and Tab then work in it): on the link, selected for copying.
    if (changed.has("link") && this.link) this.querySelector<HTMLInputElement>(".nb-share-link")?.focus();
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
    const t = this.i18n.words;
    const kb = formatNumber(this.i18n.locale, this.link.length / 1024, 1);
    return html`<div class="nb-dialog-backdrop" @click=${(e: Event) => e.target === e.currentTarget && this.close()}>
      <div class="nb-dialog" role="dialog" aria-modal="true" aria-labelledby="nb-share-title" @keydown=${(e: KeyboardEvent) => e.key === "Escape" && this.close()}>
        <h2 id="nb-share-title">${t.shareTitle}</h2>
        <p>${t.shareExplain}</p>
        <input class="nb-share-link" readonly .value=${this.link} aria-label=${t.shareLinkLabel} @focus=${(e: Event) => e.target instanceof HTMLInputElement && e.target.select()} />
        <div class="nb-dialog-actions">
          <span class="nb-muted">${kb} KB</span>
          ${this.copied === "yes" ? html`<span class="nb-ok">${t.copied}</span>` : nothing}
          ${this.copied === "failed" ? html`<span class="nb-muted">${t.pressCtrlC}</span>` : nothing}
          <button class="nb-button nb-primary nb-copy" @click=${() => void this.copy()}>${t.copyLink}</button>
          <button class="nb-button" @click=${() => this.close()}>${t.close}</button>
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
