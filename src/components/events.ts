/**
 * The custom events the workbench's components fire, with their detail types, declared once in
 * `HTMLElementEventMap` so a listener (`@nb-run=${(e) => …}` or `addEventListener`) gets a typed
 * `detail` and never re-checks it. Fire them with `fire`, which checks name and detail together.
 */
import type { CellKind } from "../notebook/document";
import type { Locale } from "../base/locale/locale";

/** What a toolbar button asks the app to do. */
export type ToolbarCommand = "new" | "new-survey" | "import" | "export" | "share" | "revert";

/** What a cell's action strip asks its notebook to do. */
export type CellAction = "up" | "down" | "delete" | `add-${CellKind}`;

/** Every component event: name → detail. */
export interface NbEvents {
  /** <nb-toolbar>: a notebook-level command. */
  "nb-command": { command: ToolbarCommand };
  /** <nb-cell>: the editor text changed (not run yet). */
  "nb-draft": { id: string; text: string };
  /** <nb-cell>: run this cell (Shift-Enter, ▶). */
  "nb-run": { id: string };
  /** <nb-cell>: a markdown cell's text in `lang` was edited (empty: the cell has none). */
  "nb-variant": { id: string; lang: Locale; text: string };
  /** <nb-cell>: move, delete or add a cell. */
  "nb-cell-action": { id: string; action: CellAction };
  /** <nb-notebook-list>: delete a local notebook. */
  "nb-delete-local": { key: string };
  /** <nb-share-dialog>: closed. */
  "nb-close": Record<string, never>;
  /** <nb-export-menu>: a file was exported (for tests and the status line). */
  "nb-export": { format: string; filename: string };
  /** <nb-report-nav>: report view (outputs only) or edit view, and full width or not. */
  "nb-view": { report: boolean; wide: boolean };
  /** <nb-report-nav>: "Export report" (the frame asks the shell, which writes the file). */
  "nb-export-report": Record<string, never>;
}

declare global {
  interface HTMLElementEventMap {
    "nb-command": CustomEvent<NbEvents["nb-command"]>;
    "nb-draft": CustomEvent<NbEvents["nb-draft"]>;
    "nb-run": CustomEvent<NbEvents["nb-run"]>;
    "nb-variant": CustomEvent<NbEvents["nb-variant"]>;
    "nb-cell-action": CustomEvent<NbEvents["nb-cell-action"]>;
    "nb-delete-local": CustomEvent<NbEvents["nb-delete-local"]>;
    "nb-close": CustomEvent<NbEvents["nb-close"]>;
    "nb-export": CustomEvent<NbEvents["nb-export"]>;
    "nb-view": CustomEvent<NbEvents["nb-view"]>;
    "nb-export-report": CustomEvent<NbEvents["nb-export-report"]>;
  }
}

/** Dispatch a bubbling component event with its typed detail. */
export function fire<K extends keyof NbEvents>(target: EventTarget, name: K, detail: NbEvents[K]): void {
  target.dispatchEvent(new CustomEvent(name, { detail, bubbles: true }));
}
