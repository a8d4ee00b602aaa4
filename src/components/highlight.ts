/**
 * A small syntax colouring for the static source shown before the CodeMirror editor is loaded:
 * comments, strings, numbers and keywords, in the colours of CodeMirror's default highlight style,
 * so a cell looks the same before and after it is clicked. Line by line (a string or comment that
 * spans lines is coloured on its first line only — acceptable for a read-only preview).
 */
import { html, type TemplateResult } from "lit";
import { splitHidden } from "../base/hidden-characters";

const KEYWORDS = new Set(
  "await async break case catch class const continue default delete do else export extends false finally for function if import in instanceof let new null of return static super switch this throw true try typeof undefined var void while yield".split(" "),
);

const TOKEN = /(\/\/.*$|\/\*.*?(?:\*\/|$))|("(?:[^"\\]|\\.)*"?|'(?:[^'\\]|\\.)*'?|`(?:[^`\\]|\\.)*`?)|(\b\d[\d_.eE]*\b)|([A-Za-z_$][\w$]*)/g;

/**
 * Text with every hidden character (base/hidden-characters.ts: bidirectional controls, zero-width
 * and control characters) shown as a mark naming it, so code reads as it runs.
 */
export function revealHidden(text: string): Array<string | TemplateResult> {
  return splitHidden(text).map((part) =>
    typeof part === "string" ? part : html`<span class="nb-hidden-char" title=${`Invisible character ${part.code} (${part.name}): it can make code read differently from how it runs`}>${part.code}</span>`,
  );
}

/** One line of JavaScript as Lit template parts with `tok-*` classes (hidden characters shown as marks). */
export function highlightJs(line: string): Array<string | TemplateResult> {
  const parts: Array<string | TemplateResult> = [];
  let last = 0;
  for (const m of line.matchAll(TOKEN)) {
    const [text, comment, string, number, word] = m;
    const at = m.index ?? 0;
    const cls = comment ? "tok-comment" : string ? "tok-string" : number ? "tok-number" : word && KEYWORDS.has(word) ? "tok-keyword" : "";
    if (!cls) continue;
    if (at > last) parts.push(...revealHidden(line.slice(last, at)));
    parts.push(html`<span class=${cls}>${revealHidden(text)}</span>`);
    last = at + text.length;
  }
  if (last < line.length) parts.push(...revealHidden(line.slice(last)));
  return parts;
}
