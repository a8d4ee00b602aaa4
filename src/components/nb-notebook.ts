/**
 * <nb-notebook>: the cells of one {@link NotebookSession}, in document order, wired to the session:
 * edits become drafts, Shift-Enter runs, cell actions add/move/delete, runtime state updates reach
 * exactly the cell they concern. In preview (a shared link before consent) it shows every cell's
 * source read-only; the shell, outside the notebook's frame, asks whether to run it.
 */
import { html, nothing } from "lit";
import { LightElement } from "./light-element";
import { customElement, property } from "lit/decorators.js";
import { repeat } from "lit/directives/repeat.js";
import { createRef, ref } from "lit/directives/ref.js";
import type { SurveyScope } from "../analysis/survey-scope";
import type { NotebookSession, SessionChange } from "../app/notebook-session";
import { usesFilter } from "../app/workbench";
import { CommandMode } from "./command-mode";
import { LocaleController } from "./locale-controller";
import { ModelController } from "./model-controller";
import { NbCell, type CellRef } from "./nb-cell";
import type { CellDoc } from "../notebook/document";
import type { CellRuntimeState } from "../runtime/types";
import "./nb-filter-bar";
import "./authoring/authoring-bar";
import "./nb-report-nav";

@customElement("nb-notebook")
export class NbNotebook extends LightElement {
  @property({ attribute: false }) session: NotebookSession | undefined;
  /** The app's survey state; its filter bar shows above a notebook that reads the filter. */
  @property({ attribute: false }) scope: SurveyScope | undefined;
  /** A shared copy: the filter bar masks small counts. */
  @property({ type: Boolean }) shared = false;
  /** Report view: outputs only, with a table of contents (not in preview: nothing has run). */
  @property({ type: Boolean, reflect: true }) report = false;
  /** Full width on wide screens (wide-tables.css). */
  @property({ type: Boolean, reflect: true }) wide = false;

  /** Keyboard command mode, focus after structure edits, the undo notice. */
  private readonly commands = new CommandMode(this);
  private readonly i18n = new LocaleController(this);

  constructor() {
    super();
    new ModelController<NotebookSession, [SessionChange]>(this, () => this.session, (session, listener) => session.onChange(listener), (change) => this.onSessionChange(change));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // The notebook is the frame document's main content (its bars included): one main landmark, so
    // a screen reader's "skip to main" lands here and nothing sits outside a landmark (axe).
    if (!this.hasAttribute("role")) this.setAttribute("role", "main");
  }

  /** Names each cell defined at the last full render, to notice when "uses"/"used by" labels change. */
  private definedAtRender = new Map<string, string>();

  private onSessionChange(change: SessionChange): void {
    this.commands.sessionChanged(change);
    if (change.kind !== "state") return this.requestUpdate();
    // A value change re-renders only that cell: re-rendering the whole list per state change made
    // a 20-cell input change cost several frames. The list re-renders only when a cell's defined
    // names (and so the dependency labels) changed.
    const state = this.session?.state(change.id);
    this.cellElement(change.id)?.refresh(state);
    if ((state?.defines ?? []).join(",") !== this.definedAtRender.get(change.id)) this.requestUpdate();
  }

  /** The `.nb-cells` list the cells are drawn in. */
  private readonly cellList = createRef<HTMLElement>();
  /** Each cell's element by id, read off the cell list when one is not found (cells added, moved out). */
  private readonly cellElements = new Map<string, NbCell>();

  /**
   * The element of cell `id`. Not a selector query over the notebook (issue 12): a filter change
   * sends two state changes per cell it reruns, and each query walked every output drawn above the
   * cell (thousands of table and chart nodes in 02) — about 20 ms a change in the frame's profile.
   */
  private cellElement(id: string): NbCell | undefined {
    const known = this.cellElements.get(id);
    if (known && known.dataset.id === id && known.parentElement === this.cellList.value) return known;
    this.cellElements.clear();
    for (const child of this.cellList.value?.children ?? []) {
      if (child instanceof NbCell && child.dataset.id !== undefined) this.cellElements.set(child.dataset.id, child);
    }
    return this.cellElements.get(id);
  }

  /**
   * Each cell named for the "uses"/"used by" lists, made once per render: named per mention, each
   * name copied the cell's state and searched the cell list (03's opening: ~5 ms a render).
   */
  private cellRefs(cells: readonly CellDoc[], states: ReadonlyMap<string, CellRuntimeState | undefined>): Map<string, CellRef> {
    return new Map(cells.map((c, i) => [c.id, this.cellRef(c.id, states.get(c.id), i)]));
  }

  /** A cell named by what it defines, else by its place in the notebook (`index`, from 0; −1 for none). */
  private cellRef(id: string, state: CellRuntimeState | undefined, index: number): CellRef {
    const defined = state?.defines ?? [];
    return { id, label: defined.length > 0 ? defined.join(", ") : this.i18n.words.cellRef(index + 1) };
  }

  private onDraft = (event: HTMLElementEventMap["nb-draft"]): void => {
    this.session?.setDraft(event.detail.id, event.detail.text);
  };

  private onRun = (event: HTMLElementEventMap["nb-run"]): void => {
    this.session?.run(event.detail.id);
  };

  private onVariant = (event: HTMLElementEventMap["nb-variant"]): void => {
    this.session?.setVariant(event.detail.id, event.detail.lang, event.detail.text);
  };

  private onAction = (event: HTMLElementEventMap["nb-cell-action"]): void => {
    const { id, action } = event.detail;
    const session = this.session;
    if (!session) return;
    if (action === "up") session.moveCell(id, -1);
    else if (action === "down") session.moveCell(id, 1);
    else if (action === "delete") session.deleteCell(id);
    else session.addCell(action === "add-js" ? "js" : "md", id); // an empty cell opens its editor itself
  };

  protected override render(): unknown {
    const session = this.session;
    const t = this.i18n.words;
    if (!session) return html`<p class="nb-empty">${t.noNotebookOpen}.</p>`;
    const preview = session.mode === "preview";
    const report = this.report && !preview;
    const cells = session.doc.cells;
    const states = new Map(cells.map((c) => [c.id, session.state(c.id)]));
    this.definedAtRender = new Map(cells.map((c) => [c.id, (states.get(c.id)?.defines ?? []).join(",")]));
    const refs = this.cellRefs(cells, states);
    const named = (ids: readonly string[]): CellRef[] => ids.map((id) => refs.get(id) ?? this.cellRef(id, session.state(id), -1));
    return html`
      ${this.scope && !report ? html`<nb-authoring-bar .session=${session} .scope=${this.scope} ?preview=${preview}></nb-authoring-bar>` : nothing}
      ${this.scope && usesFilter(session) ? html`<nb-filter-bar class="nb-sticky-filter" .scope=${this.scope} ?shared=${this.shared}></nb-filter-bar>` : nothing}
      ${preview ? nothing : html`<nb-report-nav .doc=${session.doc} ?report=${report} ?wide=${this.wide} @nb-view=${(e: HTMLElementEventMap["nb-view"]) => ({ report: this.report, wide: this.wide } = e.detail)}></nb-report-nav>`}
      <div class="nb-cells" ${ref(this.cellList)} @nb-draft=${this.onDraft} @nb-run=${this.onRun} @nb-variant=${this.onVariant} @nb-cell-action=${this.onAction}>
        ${repeat(
          cells,
          (c) => c.id,
          (c, i) => html`<nb-cell
            data-id=${c.id}
            .cell=${c}
            .draft=${session.draft(c.id)}
            .cellState=${states.get(c.id)}
            .uses=${named(session.uses(c.id))}
            .usedBy=${named(session.usedBy(c.id))}
            .index=${i}
            .count=${cells.length}
            ?preview=${preview}
            ?report=${report}
          ></nb-cell>`,
        )}
      </div>
      ${preview || report
        ? nothing
        : html`<div class="nb-add-row">
            <button class="nb-button" @click=${() => session.addCell("js")}>${t.addJsCell}</button>
            <button class="nb-button" @click=${() => session.addCell("md")}>${t.addMdCell}</button>
          </div>`}
      ${this.commands.render(t)}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "nb-notebook": NbNotebook;
  }
}
