/**
 * An input's words in every language of the app: a cell may give an Observable input's `label`, and
 * the text its `format` returns for an option of `Inputs.select`, `Inputs.radio` or
 * `Inputs.checkbox`, as `{nb: "…", en: "…"}`. The input
 * is made with the text of the app's language, and a language switch sets the new text into the
 * same label and option elements: the cell does not rerun (a rerun would make a new input and lose
 * what the reader chose), and the input keeps its element, its value and its focus.
 *
 * Pure: the elements are the ones Observable Inputs drew in the host's document, touched only through
 * `textContent`, `querySelector` and an option's `value`.
 */
import { LOCALES, type Locale } from "../base/locale/locale";
import { isRecord } from "../base/guards";

/** A text in each language of the app. */
export type LanguageTexts = Readonly<Record<Locale, string>>;

/** Is `value` a text in each language (`{nb: "…", en: "…"}`, nothing else)? */
export function isLanguageTexts(value: unknown): value is LanguageTexts {
  if (!isRecord(value) || "nodeType" in value) return false;
  const keys = Object.keys(value);
  return keys.length === LOCALES.length && LOCALES.every((locale) => typeof value[locale] === "string");
}

/** `value` in `locale` when it is a text in each language; anything else as it is. */
export function textIn(value: unknown, locale: Locale): unknown {
  return isLanguageTexts(value) ? value[locale] : value;
}

/** An element whose text follows the language, and its texts. */
interface Worded {
  element: { textContent: string | null };
  texts: LanguageTexts;
}

/** The inputs made with texts in each language: their worded elements and the language they show. */
const worded = new WeakMap<object, { parts: Worded[]; locale: Locale }>();

/** An element or text node of an input, as far as a worded text needs it. */
interface InputPart {
  textContent: string | null;
  nextSibling?: { textContent: string | null } | null;
}

/** The part of an input a worded text went into: the `<label>` Inputs draws first, or option `i`. */
interface InputElement {
  querySelector(selectors: string): InputPart | null;
}

/**
 * Where option `index`'s text is: a select's `<option value=i>`, or the text node right after a
 * radio's or checkbox's `<input value=i>` inside its `<label>` (the label itself holds the input,
 * so setting its text would remove the box and what the reader ticked).
 */
function optionText(input: InputElement, index: number): { textContent: string | null } | null {
  const option = input.querySelector(`option[value="${index}"]`);
  if (option) return option;
  return input.querySelector(`input[name="input"][value="${index}"]`)?.nextSibling ?? null;
}

function hasQuerySelector(value: unknown): value is InputElement {
  return typeof value === "object" && value !== null && "querySelector" in value && typeof value.querySelector === "function";
}

/** An Observable Inputs factory's options (passed in: this module does not load Inputs). */
type MakeInput = (options: unknown) => unknown;

/**
 * An input made by `make(options)`, its `label` and the texts its `format` returns in `locale` when
 * the cell gave them in each language; remembered for `relabelInput`. Options without such texts
 * are passed on as they are.
 */
export function localizedInput(make: MakeInput, options: unknown, locale: Locale): unknown {
  // Only a plain object is options: an input's data (a Map, a table, an array) is passed on untouched.
  if (!isRecord(options) || Object.getPrototypeOf(options) !== Object.prototype) return make(options);
  const label = options["label"];
  const format = options["format"];
  if (!isLanguageTexts(label) && typeof format !== "function") return make(options);
  // The options' texts by index (select, radio and checkbox call format(value, i, data); an option's value is i).
  const optionTexts = new Map<number, LanguageTexts>();
  const own = { ...options };
  if (isLanguageTexts(label)) own["label"] = label[locale];
  if (typeof format === "function") {
    own["format"] = (...args: unknown[]): unknown => {
      const text: unknown = format(...args);
      const index = args[1];
      if (!isLanguageTexts(text)) return text;
      if (typeof index === "number") optionTexts.set(index, text);
      return text[locale];
    };
  }
  const input = make(own);
  if (!hasQuerySelector(input)) return input;
  const parts: Worded[] = [];
  const labelElement = isLanguageTexts(label) ? input.querySelector(":scope > label") : null;
  if (labelElement && isLanguageTexts(label)) parts.push({ element: labelElement, texts: label });
  for (const [index, texts] of optionTexts) {
    const element = optionText(input, index);
    if (element) parts.push({ element, texts });
  }
  if (parts.length > 0) worded.set(input, { parts, locale });
  return input;
}

/** Set an input's worded texts (see localizedInput) in `locale`, in place; anything else is left alone. */
export function relabelInput(value: unknown, locale: Locale): void {
  if (typeof value !== "object" || value === null) return;
  const entry = worded.get(value);
  if (!entry || entry.locale === locale) return;
  for (const part of entry.parts) part.element.textContent = part.texts[locale];
  entry.locale = locale;
}
