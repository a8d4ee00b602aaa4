/**
 * A small syntax colouring for the static source shown before the CodeMirror editor is loaded:
 * comments, strings, numbers and keywords, in the colours of CodeMirror's default highlight style,
 * so a cell looks the same before and after it is clicked. Line by line (a string or comment that
 * spans lines is coloured on its first line only — acceptable for a read-only preview).
 *
 * Built as plain DOM, once per source (nb-cell's `guard`), not as Lit templates: a template per line
 * and per token cost a cloned fragment, two comment markers and part objects each, and on opening a
 * notebook those were about half of the cells' first render in a CPU profile (the opening of 03).
 */
import { splitHidden } from "../base/hidden-characters";

const KEYWORDS = new Set(
  "await async break case catch class const continue default delete do else export extends false finally for function if import in instanceof let new null of return static super switch this throw true try typeof undefined var void while yield".split(" "),
);

const TOKEN = /(\/\/.*$|\/\*.*?(?:\*\/|$))|("(?:[^"\\]|\\.)*"?|'(?:[^'\\]|\\.)*'?|`(?:[^`\\]|\\.)*`?)|(\b\d[\d_.eE]*\b)|([A-Za-z_$][\w$]*)/g;

/**
 * `text` appended to `parent`, every hidden character (base/hidden-characters.ts: bidirectional
 * controls, zero-width and control characters) shown as a mark naming it, so code reads as it runs.
 */
function appendRevealed(parent: Node, text: string): void {
  const doc = parent.ownerDocument ?? document;
  for (const part of splitHidden(text)) {
    if (typeof part === "string") {
      parent.appendChild(doc.createTextNode(part));
      continue;
    }
    const mark = doc.createElement("span");
    mark.className = "nb-hidden-char";
    mark.title = `Invisible character ${part.code} (${part.name}): it can make code read differently from how it runs`;
    mark.textContent = part.code;
    parent.appendChild(mark);
  }
}

/** One line of JavaScript appended to `parent`, its tokens in spans with `tok-*` classes (hidden characters shown as marks). */
function appendHighlighted(parent: Node, line: string): void {
  const doc = parent.ownerDocument ?? document;
  let last = 0;
  for (const m of line.matchAll(TOKEN)) {
    const [text, comment, string, number, word] = m;
    const at = m.index;
    const cls = comment ? "tok-comment" : string ? "tok-string" : number ? "tok-number" : word && KEYWORDS.has(word) ? "tok-keyword" : "";
    if (!cls) continue;
    if (at > last) appendRevealed(parent, line.slice(last, at));
    const token = doc.createElement("span");
    token.className = cls;
    appendRevealed(token, text);
    parent.appendChild(token);
    last = at + text.length;
  }
  if (last < line.length) appendRevealed(parent, line.slice(last));
}

/**
 * The source's lines (as JavaScript splits them) as one fragment: a `span.nb-line` per line,
 * coloured when `js`, hidden characters shown as marks in every kind.
 */
export function codeFragment(doc: Document, lines: readonly string[], js: boolean): DocumentFragment {
  const fragment = doc.createDocumentFragment();
  for (const line of lines) {
    const span = doc.createElement("span");
    span.className = "nb-line";
    if (js) appendHighlighted(span, line);
    else appendRevealed(span, line);
    fragment.appendChild(span);
  }
  return fragment;
}
