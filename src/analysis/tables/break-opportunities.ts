/**
 * A label's text with a line-break opportunity (`<wbr>`) after each "/", "_" or ":" inside a long word.
 * Chromium offers no break after a slash between letters, nor after an underscore or a colon, so a
 * label such as "Kvalitetsindikatorer/-standarder", "any_model_adopted" or "text:expectations" in a
 * narrow fixed column was broken inside a word instead ("Kvalitetsindikatore|r/-standarder"). A
 * `<wbr>` adds no character: the cell's `textContent` — what the CSV export, the report and a
 * screen reader read — is the text as given, byte for byte. Only the drawing may break there.
 *
 * Pure core: builds with the host's document, no DOM globals.
 */

/**
 * A word this long or longer may need a break inside it; a shorter one fits the narrowest column
 * whole. 04's variables ("q28_6", several hundred cells a drawing) are short and get no `<wbr>`:
 * each would add an element and a text node to every filter change's drawing for nothing.
 */
const LONG_WORD = /\S{13,}/g;
/** A "/", "_" or ":" followed by a character that is not a space (a break after it is not one the browser has). */
const BREAK_AFTER = /[/_:](?=\S)/g;

/** Append `text` to `parent` as text nodes with a `<wbr>` after each "/", "_" or ":" inside a long word. */
export function appendWithBreaks(doc: Document, parent: Element, text: string): void {
  let from = 0;
  for (const word of text.matchAll(LONG_WORD)) {
    for (const mark of word[0].matchAll(BREAK_AFTER)) {
      const at = word.index + mark.index + 1;
      parent.append(doc.createTextNode(text.slice(from, at)), doc.createElement("wbr"));
      from = at;
    }
  }
  parent.append(doc.createTextNode(text.slice(from)));
}
