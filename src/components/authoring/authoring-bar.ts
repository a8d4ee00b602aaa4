/**
 * <nb-authoring-bar>: the row of authoring tools above a notebook — Reference, Codebook, Data and
 * Insert analysis. It is all that loads with the notebook: each button imports the panels
 * (authoring.ts, with the reference, the codebook browser, the data viewer and the dialogs) on
 * first click, so the frame's startup bundle does not grow with them.
 */
import { html } from "lit";
import { LightElement } from "../light-element";
import { customElement, property } from "lit/decorators.js";
import type { SurveyScope } from "../../analysis/survey-scope";
import type { NotebookSession } from "../../app/notebook-session";
import { setAuthoringHost } from "./authoring-host";
import { REFERENCE_LINK_CLASS } from "./reference-link";
import type { Messages } from "../../base/locale/locale";
import { LocaleController } from "../locale-controller";
import "./authoring-bar.css";

/** The panels the bar opens. */
export type AuthoringPanelKind = "reference" | "codebook" | "data" | "insert";

/** A catalogue entry that is plain text. */
type TextKey = { [K in keyof Messages]: Messages[K] extends string ? K : never }[keyof Messages];

/** Each panel's button: its label and title in the catalogue. */
const BUTTONS: readonly [AuthoringPanelKind, TextKey, TextKey][] = [
  ["insert", "insertAnalysis", "insertAnalysisTitle"],
  ["codebook", "codebook", "codebookTitle"],
  ["data", "dataViewer", "dataViewerTitle"],
  ["reference", "reference", "referenceTitle"],
];

@customElement("nb-authoring-bar")
export class NbAuthoringBar extends LightElement {
  @property({ attribute: false }) session: NotebookSession | undefined;
  @property({ attribute: false }) scope: SurveyScope | undefined;
  @property({ type: Boolean }) preview = false;
  private readonly i18n = new LocaleController(this);

  protected override willUpdate(): void {
    setAuthoringHost(this.session && this.scope ? { session: this.session, scope: this.scope, readonly: this.preview } : undefined);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener("click", this.onReferenceLink);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener("click", this.onReferenceLink);
    setAuthoringHost(undefined);
  }

  /** An error's "… in the reference" button (reference-link.ts): the reference, at that builtin. */
  private onReferenceLink = (event: MouseEvent): void => {
    const button = event.target instanceof Element ? event.target.closest(`.${REFERENCE_LINK_CLASS}`) : null;
    const builtin = button instanceof HTMLElement ? button.dataset.reference : undefined;
    if (builtin) void this.open("reference", builtin);
  };

  private async open(kind: AuthoringPanelKind, entry?: string): Promise<void> {
    const { openAuthoringPanel } = await import("./authoring");
    const panel = openAuthoringPanel(kind);
    if (entry) {
      await panel.updateComplete;
      await panel.querySelector("nb-reference-panel")?.show(entry);
    }
  }

  protected override render(): unknown {
    const t = this.i18n.words;
    return html`<nav class="nb-authoring-bar" aria-label=${t.authoringTools}>
      ${BUTTONS.map(([kind, label, title]) =>
        kind === "insert" && this.preview
          ? null
          : html`<button class=${`nb-button nb-authoring-${kind}`} title=${t[title]} @click=${() => void this.open(kind)}>${t[label]}</button>`,
      )}
    </nav>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "nb-authoring-bar": NbAuthoringBar;
  }
}
