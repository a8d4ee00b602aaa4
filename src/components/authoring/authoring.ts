/**
 * The authoring panels, loaded on first use (authoring-bar.ts imports this module when a button is
 * clicked): one side panel, <nb-authoring-panel>, with four tabs — Insert analysis, Codebook, Data,
 * Reference. On a narrow screen it covers the notebook; on a wide one it sits at the right and the
 * notebook stays usable beside it.
 */
import { LocaleController } from "../locale-controller";
import "./authoring.css";
import { html } from "lit";
import { LightElement } from "../light-element";
import { customElement, property } from "lit/decorators.js";
import type { Messages } from "../../base/locale/locale";
import type { AuthoringPanelKind } from "./authoring-bar";
import { NbAnalysisDialog, type AnalysisKind } from "./analysis-dialog";
import "./codebook-panel";
import "./data-viewer";
import "./reference-panel";

/** Each tab's label in the catalogue. */
const TABS: readonly [AuthoringPanelKind, (t: Messages) => string][] = [
  ["insert", (t) => t.authoring.insertTab],
  ["codebook", (t) => t.codebook],
  ["data", (t) => t.dataViewer],
  ["reference", (t) => t.reference],
];

@customElement("nb-authoring-panel")
export class NbAuthoringPanel extends LightElement {
  @property() tab: AuthoringPanelKind = "insert";
  /** The dialog is kept across tab switches, so its choices survive a look at the codebook. */
  private readonly dialog = new NbAnalysisDialog();
  private readonly i18n = new LocaleController(this);

  /** The codebook's "Crosstab…": the dialog on that kind with the variable chosen. */
  private analyse = (kind: AnalysisKind, variable: string): void => {
    this.dialog.preset(kind, variable);
    this.tab = "insert";
  };

  private close(): void {
    this.remove();
  }

  protected override render(): unknown {
    const body =
      this.tab === "insert" ? this.dialog : this.tab === "codebook" ? html`<nb-codebook-panel .analyse=${this.analyse}></nb-codebook-panel>` : this.tab === "data" ? html`<nb-data-viewer></nb-data-viewer>` : html`<nb-reference-panel></nb-reference-panel>`;
    const t = this.i18n.words;
    return html`<aside class="nb-authoring-panel" role="dialog" aria-label=${t.authoringTools} @keydown=${(e: KeyboardEvent) => e.key === "Escape" && this.close()}>
      <header class="nb-authoring-head">
        <div class="nb-authoring-tabs" role="tablist">
          ${TABS.map(([kind, label]) => html`<button role="tab" class=${`nb-authoring-tab${kind === this.tab ? " is-current" : ""}`} aria-selected=${kind === this.tab} data-tab=${kind} @click=${() => (this.tab = kind)}>${label(t)}</button>`)}
        </div>
        <button class="nb-icon nb-authoring-close" title=${t.authoring.closeTitle} aria-label=${t.authoring.closeLabel} @click=${() => this.close()}>✕</button>
      </header>
      <div class="nb-authoring-body">${body}</div>
    </aside>`;
  }
}

/** Open the side panel on `kind` (one panel per frame: a second call switches its tab). */
export function openAuthoringPanel(kind: AuthoringPanelKind): NbAuthoringPanel {
  const panel = document.querySelector("nb-authoring-panel") ?? document.body.appendChild(new NbAuthoringPanel());
  panel.tab = kind;
  // Keyboard users land in the panel: on its tab (the search field of each tab is one Tab away).
  void panel.updateComplete.then(() => panel.querySelector<HTMLElement>(".nb-authoring-tab.is-current")?.focus());
  return panel;
}

declare global {
  interface HTMLElementTagNameMap {
    "nb-authoring-panel": NbAuthoringPanel;
  }
}
