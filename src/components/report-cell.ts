/**
 * How a cell reads in report view: its output alone. Markdown reads as text; a JavaScript cell
 * shows what it displays, with a quiet "Code" switch beside it (code is foldable per cell); a cell
 * that displays nothing — the setup: data, filter, selection, helpers — folds to one muted line that
 * names what it defines. Errors stay visible: a report must not hide that a figure failed.
 *
 * The `.nb-output` element is the same one <nb-cell> fills in edit view (it re-fills it after the
 * switch), so outputs are never recomputed for a change of view.
 */
import { html, nothing, type TemplateResult } from "lit";
import type { Messages } from "../base/locale/locale";
import type { CellDoc } from "../notebook/document";
import type { CellRuntimeState } from "../runtime/types";

/** What the report template needs of its cell. */
export interface ReportCellParts {
  /** The words of the page's language. */
  words: Messages;
  cell: CellDoc;
  state: CellRuntimeState | undefined;
  /** Whether the reader unfolded this cell's code. */
  codeOpen: boolean;
  toggleCode: () => void;
  /** The cell's source as <nb-cell> draws it read-only. */
  code: () => unknown;
}

/** A cell that shows nothing of its own in a report: it only defines names others use. */
export function isSetupCell(cell: CellDoc, state: CellRuntimeState | undefined): boolean {
  if (cell.kind === "md" || cell.kind === "html") return false;
  return !state?.error && (state?.displays.length ?? 0) === 0;
}

/** The report view of one cell. */
export function reportCellTemplate(parts: ReportCellParts): TemplateResult {
  const { cell, state, codeOpen } = parts;
  const prose = cell.kind === "md" || cell.kind === "html";
  const setup = isSetupCell(cell, state);
  const names = state?.defines ?? [];
  const classes = ["nb-cell", "is-report", `nb-cell-${cell.kind}`, setup ? "is-setup" : "", state?.error ? "has-error" : "", codeOpen ? "is-code-open" : ""].join(" ");
  const words = parts.words;
  const label = setup ? `${words.setup}${names.length > 0 ? ` · ${names.join(", ")}` : ""}` : words.codeFold;
  return html`<article class=${classes} id=${`cell-${cell.id}`} data-cell-id=${cell.id}>
    ${prose
      ? nothing
      : html`<button class="nb-fold" aria-expanded=${codeOpen ? "true" : "false"} title=${codeOpen ? words.hideCellCode : words.showCellCode} @click=${parts.toggleCode}>
          <span class="nb-fold-mark" aria-hidden="true">${codeOpen ? "▾" : "▸"}</span>${label}
        </button>`}
    ${codeOpen && !prose ? html`<div class="nb-editor">${parts.code()}</div>` : nothing}
    <div class="nb-output" aria-live="polite"></div>
  </article>`;
}
