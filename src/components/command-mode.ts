/**
 * Keyboard command mode of a notebook, in the manner of Jupyter: Esc leaves a cell's editor and
 * selects the cell (the `<article>` itself holds focus); then single keys act on the selected cell.
 * Each cell is one tab stop: its action buttons are for the mouse, every action has a key (the `?`
 * dialog lists them from {@link SHORTCUTS}). It also keeps focus where the user is when the list of
 * cells is redrawn (a moved cell keeps it, a deleted one hands it to its neighbour) and shows the
 * "Cell deleted — Undo" notice.
 *
 * Surprising on purpose: it listens in the capture phase on <nb-notebook>, so Esc, Shift-Enter and
 * Ctrl/Cmd-Enter inside a CodeMirror editor are ours before CodeMirror's own keymap sees them
 * (Mod-Enter would otherwise insert a blank line).
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from "lit";
import type { Messages } from "../base/locale/locale";
import type { NotebookSession, SessionChange, StructureEdit } from "../app/notebook-session";
import type { NbCell } from "./nb-cell";
import { DoublePress } from "./double-press";

/**
 * The keys, for the help dialog and the docs (one list: the handler below is checked against it in
 * the tests); what each does is in the catalogue (`shortcuts`, base/locale/notebook-chrome-messages.ts).
 */
export const SHORTCUTS: ReadonlyArray<{ keys: string; what: keyof Messages["shortcuts"] }> = [
  { keys: "Esc", what: "escape" },
  { keys: "↑ / k, ↓ / j", what: "select" },
  { keys: "Enter", what: "edit" },
  { keys: "Shift-Enter", what: "runNext" },
  { keys: "Ctrl/⌘-Enter", what: "runStay" },
  { keys: "A / B", what: "addJs" },
  { keys: "Shift-A / Shift-B", what: "addMd" },
  { keys: "Alt-↑ / Alt-↓", what: "move" },
  { keys: "D D", what: "delete" },
  { keys: "Ctrl/⌘-Z, Ctrl/⌘-Shift-Z", what: "undo" },
  { keys: "Ctrl/⌘-S", what: "save" },
  { keys: "?", what: "help" },
];

/** The second D of "D D" must follow the first within this time. */
const DOUBLE_KEY_MS = 800;
/** Keys that are only held with another (Shift for "D"), so they do not break a "D D". */
const MODIFIER_KEYS = new Set(["Shift", "Control", "Alt", "Meta"]);
/** How long the "Cell deleted — Undo" notice stays. */
const NOTICE_MS = 12_000;

interface Host extends ReactiveControllerHost, HTMLElement {
  session: NotebookSession | undefined;
}


function isMod(event: KeyboardEvent): boolean {
  return event.ctrlKey || event.metaKey;
}

/** The command-mode controller of one <nb-notebook> (see the file comment). */
export class CommandMode implements ReactiveController {
  /** The last structure edit's notice, with what its button does. */
  notice: { edit: StructureEdit; action: "undo" | "redo" } | undefined;
  private readonly deletePress = new DoublePress(DOUBLE_KEY_MS);
  private noticeTimer: ReturnType<typeof setTimeout> | undefined;
  private selected: NbCell | undefined;

  constructor(private readonly host: Host) {
    host.addController(this);
  }

  hostConnected(): void {
    this.host.addEventListener("keydown", this.onKey, { capture: true });
    this.host.addEventListener("focusin", this.onFocusIn);
  }

  hostDisconnected(): void {
    this.host.removeEventListener("keydown", this.onKey, { capture: true });
    this.host.removeEventListener("focusin", this.onFocusIn);
    clearTimeout(this.noticeTimer);
  }

  /** Called by the host for every session change, before it re-renders. */
  sessionChanged(change: SessionChange): void {
    if (change.kind !== "doc" || !change.edit) return;
    const edit = change.edit;
    // An undo, a redo or a delete is worth a notice (its words are chosen when shown).
    const worth = edit.via !== "edit" || edit.label === "Delete cell";
    clearTimeout(this.noticeTimer);
    this.notice = worth ? { edit, action: edit.via === "undo" ? "redo" : "undo" } : undefined;
    if (this.notice) this.noticeTimer = setTimeout(() => this.dismiss(), NOTICE_MS);
    // The cell list is redrawn after this; a moved cell's element is taken out and put back, which
    // drops focus to <body>. Put it back where the user was, or on the cell the edit concerns.
    const focused = document.activeElement;
    const wasHere = focused instanceof HTMLElement && this.host.contains(focused);
    const focusedCell = focused?.closest("nb-cell");
    // Ask for the redraw now, so updateComplete below is that redraw's, not the last one's.
    this.host.requestUpdate();
    const index = focusedCell ? this.cells().indexOf(focusedCell) : -1;
    const onCell = focusedCell ? focused === focusedCell.article : false;
    void this.host.updateComplete.then(() => {
      const now = document.activeElement;
      const fell = now === null || now === document.body;
      // Undo and redo in command mode select the cell they brought back or moved.
      const follow = edit.via !== "edit" && onCell;
      if (!wasHere || (!fell && !follow)) return;
      if (!follow && focused.isConnected && !(focused instanceof HTMLButtonElement && focused.disabled)) return focused.focus();
      const cells = this.cells();
      // The cell the edit concerns, else the one now where the focused cell was (a deleted cell's neighbour).
      const target = cells.find((c) => c.cell.id === edit.cell) ?? cells[Math.min(index, cells.length - 1)];
      target?.focusCell();
    });
  }

  dismiss(): void {
    clearTimeout(this.noticeTimer);
    this.notice = undefined;
    this.host.requestUpdate();
  }

  /** The notice under the cells and the shortcut dialog (rendered by the host), in the language of `t`. */
  render(t: Messages): unknown {
    const notice = this.notice;
    return html`${notice
        ? html`<div class="nb-edit-notice" role="status">
            <span>${t.editNotice(notice.edit.via, notice.edit.label)}</span>
            <button class="nb-button nb-notice-action" @click=${() => this.undoOrRedo(notice.action)}>${notice.action === "undo" ? t.undo : t.redo}</button>
            <button class="nb-icon" aria-label=${t.dismiss} @click=${() => this.dismiss()}>✕</button>
          </div>`
        : nothing}
      <dialog class="nb-shortcuts" aria-labelledby="nb-shortcuts-title">
        <h2 id="nb-shortcuts-title">${t.shortcutsTitle}</h2>
        <p>${t.shortcutsIntro}</p>
        <dl>${SHORTCUTS.map((s) => html`<dt><kbd>${s.keys}</kbd></dt><dd>${t.shortcuts[s.what]}</dd>`)}</dl>
        <form method="dialog"><button class="nb-button">${t.close}</button></form>
      </dialog>`;
  }

  private undoOrRedo(action: "undo" | "redo"): void {
    const session = this.host.session;
    if (!session) return;
    const cell = this.selected;
    const done = action === "undo" ? session.undo() : session.redo();
    if (!done) this.dismiss();
    // A click on the notice's button: focus goes to the cell the step concerns (sessionChanged).
    else if (cell?.isConnected && document.activeElement?.closest(".nb-edit-notice")) cell.focusCell();
  }

  private readonly onFocusIn = (event: FocusEvent): void => {
    const target = event.target;
    const cell = target instanceof Element ? target.closest("nb-cell") : null;
    if (cell) this.selected = cell;
  };

  private cells(): NbCell[] {
    return [...this.host.querySelectorAll("nb-cell")];
  }

  private step(cell: NbCell, delta: 1 | -1): void {
    const cells = this.cells();
    const next = cells[cells.indexOf(cell) + delta];
    (next ?? cell).focusCell();
  }

  private readonly onKey = (event: KeyboardEvent): void => {
    const target = event.target;
    if (!(target instanceof HTMLElement) || event.defaultPrevented) return;
    const cell = target.closest("nb-cell");
    const session = this.host.session;
    if (!cell || !session || session.mode === "preview") return;
    const id = cell.cell.id;
    const inEditor = target.closest(".cm-editor") !== null;
    const onCell = target === cell.article;
    const handled = (): void => {
      event.preventDefault();
      event.stopPropagation();
    };
    if (event.key === "Enter" && event.shiftKey && !isMod(event) && (inEditor || onCell)) {
      handled();
      session.run(id);
      this.step(cell, 1);
      return;
    }
    if (event.key === "Enter" && isMod(event) && (inEditor || onCell)) {
      handled();
      session.run(id);
      return;
    }
    if (event.key === "Escape" && !onCell) {
      // An open completion list (authoring/code-assist.ts) closes first: CodeMirror's own Escape.
      if (inEditor && target.closest(".cm-editor")?.querySelector(".cm-tooltip-autocomplete")) return;
      // From the editor or from an input in the cell's output, back to the cell.
      handled();
      cell.focusCell();
      return;
    }
    if (!onCell) return;
    const key = event.key;
    // "D x D" is not "D D": another key between the two presses (a modifier alone is no key) starts over.
    if (key !== "d" && key !== "D" && !MODIFIER_KEYS.has(key)) this.deletePress.reset();
    const plain = !isMod(event) && !event.altKey;
    if ((key === "ArrowDown" || key === "j") && plain) return handled(), this.step(cell, 1);
    if ((key === "ArrowUp" || key === "k") && plain) return handled(), this.step(cell, -1);
    if ((key === "ArrowUp" || key === "ArrowDown") && event.altKey) return handled(), session.moveCell(id, key === "ArrowUp" ? -1 : 1);
    if (key === "Enter" && plain && !event.shiftKey) return handled(), void cell.edit();
    if ((key === "a" || key === "b" || key === "A" || key === "B") && plain) {
      handled();
      session.addCell(event.shiftKey ? "md" : "js", id, key.toLowerCase() === "a" ? "before" : "after");
      return;
    }
    if ((key === "d" || key === "D") && plain) {
      handled();
      if (this.deletePress.press(id, event.timeStamp)) session.deleteCell(id);
      return;
    }
    if (isMod(event) && (key === "z" || key === "Z" || key === "y")) {
      handled();
      if (key === "y" || event.shiftKey) session.redo();
      else session.undo();
      return;
    }
    if (key === "?") this.showHelp(event);
  };

  private showHelp(event: KeyboardEvent): void {
    const dialog = this.host.querySelector<HTMLDialogElement>("dialog.nb-shortcuts");
    if (!dialog || dialog.open) return;
    event.preventDefault();
    dialog.showModal();
  }
}
