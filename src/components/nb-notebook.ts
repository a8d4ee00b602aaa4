/**
 * <nb-notebook>: the cells of one {@link NotebookSession}, in document order, wired to the session:
 * edits become drafts, Shift-Enter runs, cell actions add/move/delete, runtime state updates reach
 * exactly the cell they concern. In preview (a shared link before consent) it shows every cell's
 * source read-only and a bar with "Run this notebook".
 */
import { LitElement, html, nothing, type PropertyValues } from "lit";
import { customElement, property } from "lit/decorators.js";
import { repeat } from "lit/directives/repeat.js";
import type { NotebookSession, SessionChange } from "../app/notebook-session";
import type { CellAction, CellRef, NbCell } from "./nb-cell";
import "./nb-cell";

function isCellAction(value: unknown): value is CellAction {
  return value === "up" || value === "down" || value === "delete" || value === "add-js" || value === "add-md";
}

function detailOf(event: Event): Record<string, unknown> {
  return event instanceof CustomEvent && typeof event.detail === "object" && event.detail !== null ? event.detail : {};
}

@customElement("nb-notebook")
export class NbNotebook extends LitElement {
  @property({ attribute: false }) session: NotebookSession | undefined;
  private detach: (() => void) | undefined;

  override createRenderRoot(): HTMLElement {
    return this;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has("session")) {
      this.detach?.();
      this.detach = this.session?.onChange((change) => this.onSessionChange(change));
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.detach?.();
    this.detach = undefined;
  }

  /** Names each cell defined at the last full render, to notice when "uses"/"used by" labels change. */
  private definedAtRender = new Map<string, string>();

  private onSessionChange(change: SessionChange): void {
    if (change.kind !== "state") return this.requestUpdate();
    // A value change re-renders only that cell: re-rendering the whole list per state change made
    // a 20-cell input change cost several frames. The list re-renders only when a cell's defined
    // names (and so the dependency labels) changed.
    const state = this.session?.state(change.id);
    const el = this.querySelector<NbCell>(`nb-cell[data-id="${CSS.escape(change.id)}"]`);
    el?.refresh(state);
    if ((state?.defines ?? []).join(",") !== this.definedAtRender.get(change.id)) this.requestUpdate();
  }

  private label(id: string): CellRef {
    const defined = this.session?.state(id)?.defines ?? [];
    const index = this.session?.doc.cells.findIndex((c) => c.id === id) ?? -1;
    return { id, label: defined.length > 0 ? defined.join(", ") : `cell ${index + 1}` };
  }

  private onDraft = (event: Event): void => {
    const { id, text } = detailOf(event);
    if (typeof id === "string" && typeof text === "string") this.session?.setDraft(id, text);
  };

  private onRun = (event: Event): void => {
    const { id } = detailOf(event);
    if (typeof id === "string") this.session?.run(id);
  };

  private onAction = (event: Event): void => {
    const { id, action } = detailOf(event);
    const session = this.session;
    if (!session || typeof id !== "string" || !isCellAction(action)) return;
    if (action === "up") session.moveCell(id, -1);
    else if (action === "down") session.moveCell(id, 1);
    else if (action === "delete") session.deleteCell(id);
    else session.addCell(action === "add-js" ? "js" : "md", id); // an empty cell opens its editor itself
  };

  private consent(): void {
    this.dispatchEvent(new CustomEvent("nb-consent", { bubbles: true }));
  }

  protected override render(): unknown {
    const session = this.session;
    if (!session) return html`<p class="nb-empty">No notebook open.</p>`;
    const preview = session.mode === "preview";
    const cells = session.doc.cells;
    this.definedAtRender = new Map(cells.map((c) => [c.id, (session.state(c.id)?.defines ?? []).join(",")]));
    return html`
      ${preview
        ? html`<div class="nb-preview-bar" role="region" aria-label="Preview">
            <div>
              <strong>Preview of a shared notebook.</strong>
              Nothing has run yet: read the code below, then run it if you trust it. It opens as a copy; your own notebooks are not changed.
            </div>
            <button class="nb-button nb-primary nb-consent" @click=${() => this.consent()}>Run this notebook</button>
          </div>`
        : nothing}
      <div class="nb-cells" @nb-draft=${this.onDraft} @nb-run=${this.onRun} @nb-cell-action=${this.onAction}>
        ${repeat(
          cells,
          (c) => c.id,
          (c, i) => html`<nb-cell
            data-id=${c.id}
            .cell=${c}
            .draft=${session.draft(c.id)}
            .cellState=${session.state(c.id)}
            .uses=${session.uses(c.id).map((id) => this.label(id))}
            .usedBy=${session.usedBy(c.id).map((id) => this.label(id))}
            .index=${i}
            .count=${cells.length}
            ?preview=${preview}
          ></nb-cell>`,
        )}
      </div>
      ${preview
        ? nothing
        : html`<div class="nb-add-row">
            <button class="nb-button" @click=${() => session.addCell("js")}>+ JavaScript cell</button>
            <button class="nb-button" @click=${() => session.addCell("md")}>+ Markdown cell</button>
          </div>`}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "nb-notebook": NbNotebook;
  }
}
