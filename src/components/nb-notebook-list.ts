/**
 * <nb-notebook-list>: the left column — bundled notebooks (marked when edited locally) and the
 * notebooks that live only in this browser (imported, new, opened from links), each deletable, and
 * a way to start a survey analysis. Events: `nb-delete-local` {key}, `nb-command` {command: "new-survey"}.
 */
import { html, nothing } from "lit";
import { LightElement } from "./light-element";
import { customElement, property } from "lit/decorators.js";
import type { BundledEntry } from "../app/bundled";
import { bundledKey, type StoredNotebook } from "../app/notebook-store";
import { formatRoute } from "../app/route";
import { fire } from "./events";
import { LocaleController } from "./locale-controller";

@customElement("nb-notebook-list")
export class NbNotebookList extends LightElement {
  @property({ attribute: false }) bundled: BundledEntry[] = [];
  @property({ attribute: false }) locals: StoredNotebook[] = [];
  @property({ attribute: false }) currentKey: string | undefined;
  private readonly i18n = new LocaleController(this);

  private askDelete(nb: StoredNotebook): void {
    if (!confirm(this.i18n.words.confirmDeleteLocal(nb.doc.title))) return;
    fire(this, "nb-delete-local", { key: nb.key });
  }

  protected override render(): unknown {
    const edited = new Set(this.locals.filter((n) => n.origin.kind === "bundled").map((n) => n.key));
    const own = this.locals.filter((n) => n.origin.kind !== "bundled");
    const t = this.i18n.words;
    return html`<nav class="nb-list" aria-label=${t.notebooks}>
      <h2>${t.listBundled}</h2>
      <ul>
        ${this.bundled.map((b) => {
          const key = bundledKey(b.name);
          return html`<li class=${key === this.currentKey ? "is-current" : ""}>
            <a href=${formatRoute({ kind: "bundled", name: b.name })} data-name=${b.name}>${b.title || b.name}</a>
            ${edited.has(key) ? html`<span class="nb-badge" title=${t.listEditedTitle}>${t.listEdited}</span>` : nothing}
          </li>`;
        })}
      </ul>
      <h2>${t.listInBrowser}</h2>
      <button class="nb-button nb-new-survey" title=${t.newSurveyTitle} @click=${() => fire(this, "nb-command", { command: "new-survey" })}>${t.newSurvey}</button>
      ${own.length === 0
        ? html`<p class="nb-list-empty">${t.listEmpty}</p>`
        : html`<ul>
            ${own.map(
              (n) => html`<li class=${n.key === this.currentKey ? "is-current" : ""}>
                <a href=${formatRoute({ kind: "local", key: n.key })}>${n.doc.title || t.untitled}</a>
                <span class="nb-list-origin">${t.origin(n.origin.kind)}</span>
                <button class="nb-icon" title=${t.deleteLocalTitle} aria-label=${t.deleteLocalLabel(n.doc.title || t.untitled)} @click=${() => this.askDelete(n)}>✕</button>
              </li>`,
            )}
          </ul>`}
    </nav>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "nb-notebook-list": NbNotebookList;
  }
}
