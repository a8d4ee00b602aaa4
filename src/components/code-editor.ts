/**
 * The CodeMirror 6 editor of a cell. This module is loaded on demand (dynamic import from nb-cell)
 * the first time the user edits a cell, so CodeMirror (~100 KB gzip) is not part of the first load:
 * until then a cell shows its source as static text.
 *
 * The `codemirror` meta package resolves to a CodeMirror 5 build on this registry, so the small
 * setup is assembled from the @codemirror/* packages directly.
 */
import { javascriptLanguage } from "@codemirror/lang-javascript";
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import { bracketMatching, defaultHighlightStyle, syntaxHighlighting } from "@codemirror/language";
import { drawSelection, EditorView, highlightSpecialChars, keymap, lineNumbers } from "@codemirror/view";
import { EditorState, Prec } from "@codemirror/state";
import { codeAssist } from "./authoring/code-assist";

export interface CodeEditorOptions {
  parent: HTMLElement;
  text: string;
  javascript: boolean;
  label: string;
  onChange(text: string): void;
  onRun(): void;
}

/** A mounted editor: its text can be replaced from outside, and it can be destroyed. */
export interface CodeEditor {
  text(): string;
  setText(text: string): void;
  focus(position?: "end"): void;
  destroy(): void;
}

export function createCodeEditor(options: CodeEditorOptions): CodeEditor {
  const view = new EditorView({
    parent: options.parent,
    state: EditorState.create({
      doc: options.text,
      extensions: [
        Prec.highest(keymap.of([{ key: "Shift-Enter", run: () => (options.onRun(), true) }])),
        history(),
        drawSelection(),
        // CodeMirror's own list misses some bidirectional controls and joiners (base/hidden-characters.ts).
        highlightSpecialChars({ addSpecialChars: /[\u202a-\u202c\u2068\u2060-\u2064]|\u200c|\u200d/ }),
        bracketMatching(),
        syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
        keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
        lineNumbers(),
        EditorView.lineWrapping,
        // The language (highlighting, indentation) without its own completions and snippets: the
        // completions and hover come from the notebook's reference and codebook (authoring/code-assist.ts).
        options.javascript ? javascriptLanguage : [],
        codeAssist(options.javascript),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) options.onChange(update.state.doc.toString());
        }),
        EditorView.contentAttributes.of({ "aria-label": options.label }),
      ],
    }),
  });
  // The first measurement can happen before the monospace font is in; measure again once it is.
  void document.fonts?.ready.then(() => view.requestMeasure());
  return {
    text: () => view.state.doc.toString(),
    setText: (text) => {
      if (text !== view.state.doc.toString()) view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
    },
    focus: (position) => {
      if (position === "end") view.dispatch({ selection: { anchor: view.state.doc.length } });
      view.focus();
    },
    destroy: () => view.destroy(),
  };
}
