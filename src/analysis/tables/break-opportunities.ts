/**
 * A label's text with a line-break opportunity (`<wbr>`) after each "/", "_" or ":" inside a long word.
 * Chromium offers no break after a slash between letters, nor after an underscore or a colon, so a
 * label such as "Kvalitetsindikatorer/-standarder", "any_model_adopted" or "text:expectations" in a
 * narrow fixed column was broken inside a word instead ("Kvalitetsindikatore|r/-standarder"). A
 * `<wbr>` adds no character: the cell's `textContent` — what the CSV export, the report and a
 * screen reader read — is the text as given, byte for byte. Only the drawing may break there.
 *
 * With `joints`, a long Norwegian compound may also break where its parts meet, with a hyphen, as
 * Norwegian is hyphenated by hand ("kvalitets-/forbedrings-/arbeidet"): 06's crosswalk quotes the
 * 1999 questionnaire, whose "kvalitetsforbedringsarbeidet" is wider than any of its columns can be.
 * The joint is an empty `<span class="tv-joint">` whose `::after` is a soft hyphen in the table's
 * stylesheet (`JOINT_CSS`): the browser breaks there and shows the hyphen only when it does, and,
 * being generated content, the soft hyphen is in no text node — the CSV export, the report's text,
 * find in page and copied text read the word whole, with no U+00AD in it.
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
/** The letters of a word, run by run ("«Kvalitetsindikatorer/-standarder»" has two runs). */
const LETTERS = /\p{L}+/gu;

/**
 * The first parts of the long compounds the crosswalk writes (its bokmål words, the questionnaire's
 * items, the thesis's quotes, the verdicts' sentences), each ending where the next part begins:
 * "kvalitets" + "forbedrings" + "arbeidet". A part is a joint only when at least
 * {@link LEAST_AFTER} letters follow it, so an inflection is never split off ("brukerne", "dataene").
 */
const COMPOUND_HEADS = [
  "kvalitets", "forbedrings", "informasjons", "rapporterings", "resultat", "bruker", "medarbeider", "litteratur",
  "størrelses", "styrings", "virksomhets", "legitimerings", "utviklings", "ressurs", "måle", "topp", "tjeneste",
  "støtte", "initiativ", "data", "rekonstruksjons", "sammenlignings",
];
const LEAST_AFTER = 4;

/**
 * The stylesheet rule that draws a joint: a soft hyphen, shown only where the line breaks. Its
 * alternative text (after the "/") is empty: Chrome puts generated content into the accessibility
 * tree, so without it a screen reader's names held the U+00AD ("kvalitets\u00ADforbedring").
 */
export const JOINT_CSS = `.tv-joint::after { content: "\\00AD" / ""; }`;

/** Where a run of letters may break between the parts of a compound: offsets into the run. */
function jointsOf(run: string): number[] {
  const lower = run.toLowerCase();
  const at: number[] = [];
  let from = 0;
  for (;;) {
    const head = COMPOUND_HEADS.find((h) => lower.startsWith(h, from) && run.length - from - h.length >= LEAST_AFTER);
    if (!head) return at;
    from += head.length;
    at.push(from);
  }
}

/** Options of {@link appendWithBreaks}. */
export interface BreakOptions {
  /** Also break long Norwegian compounds between their parts, with a hyphen (the table's CSS must carry {@link JOINT_CSS}). */
  joints?: boolean;
}

/** Append `text` to `parent` as text nodes with a `<wbr>` after each "/", "_" or ":" inside a long word (and a joint between a compound's parts). */
export function appendWithBreaks(doc: Document, parent: Element, text: string, options: BreakOptions = {}): void {
  const marks: { at: number; joint: boolean }[] = [];
  for (const word of text.matchAll(LONG_WORD)) {
    for (const mark of word[0].matchAll(BREAK_AFTER)) marks.push({ at: word.index + mark.index + 1, joint: false });
    if (!options.joints) continue;
    for (const run of word[0].matchAll(LETTERS)) {
      for (const at of jointsOf(run[0])) marks.push({ at: word.index + run.index + at, joint: true });
    }
  }
  marks.sort((a, b) => a.at - b.at);
  let from = 0;
  for (const mark of marks) {
    const element = doc.createElement(mark.joint ? "span" : "wbr");
    if (mark.joint) element.className = "tv-joint";
    parent.append(doc.createTextNode(text.slice(from, mark.at)), element);
    from = mark.at;
  }
  parent.append(doc.createTextNode(text.slice(from)));
}
