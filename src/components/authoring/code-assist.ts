/**
 * The editor's authoring help as one CodeMirror extension — completions, hover, and remembering the
 * focused editor (so the codebook's "Insert name" writes at its cursor). code-editor.ts installs it;
 * both are loaded on demand with the editor, and the reference and codebook they read load on the
 * first completion or hover.
 */
import "./code-assist.css";
import { autocompletion } from "@codemirror/autocomplete";
import type { Extension } from "@codemirror/state";
import { EditorView, hoverTooltip } from "@codemirror/view";
import { setLastEditor } from "./authoring-host";
import { completeCell } from "./completions";
import { hoverCell } from "./hover";

/** Completions, hover and focus tracking for a cell editor (JavaScript cells get all three). */
export function codeAssist(javascript: boolean): Extension {
  const tracking = EditorView.domEventHandlers({
    focus: (_event, view) => {
      setLastEditor({
        insert: (text) => {
          // The cell may have closed its editor since (or been deleted).
          if (!view.dom.isConnected) return false;
          view.dispatch(view.state.replaceSelection(text));
          return true;
        },
      });
      return false;
    },
  });
  if (!javascript) return tracking;
  return [tracking, autocompletion({ override: [completeCell], icons: false }), hoverTooltip(hoverCell, { hoverTime: 350 })];
}
