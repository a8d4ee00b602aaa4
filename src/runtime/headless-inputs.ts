/**
 * Inputs for Node, where @observablehq/inputs cannot build its forms (linkedom lacks parts of the
 * DOM it needs). Each factory takes the same arguments as its Observable Inputs namesake and returns
 * an event target with the same initial `value`, so `view(Inputs.select(…))` and `setInput()` behave
 * the same in headless runs and tests as in the browser.
 */
import { isIterable } from "../base/guards";
import { DEFAULT_LOCALE, type Locale } from "../base/locale/locale";
import { textIn } from "./localized-labels";

/** An input as a headless run sees it: its kind, label, value and choices. */
export class HeadlessInput extends EventTarget {
  value: unknown;
  readonly kind: string;
  readonly label: string | undefined;
  /** The options of a select, radio, checkbox or table, so a link's copy of an option can be matched to it. */
  readonly choices: unknown[] | undefined;

  constructor(kind: string, value: unknown, label?: string, choices?: unknown[]) {
    super();
    this.kind = kind;
    this.value = value;
    this.label = label;
    this.choices = choices;
  }

  /** What the headless runner prints for a displayed input. */
  toJSON(): unknown {
    return { input: this.kind, label: this.label, value: this.value };
  }
}

function option(options: unknown, key: string): unknown {
  return typeof options === "object" && options !== null && key in options ? Reflect.get(options, key) : undefined;
}

/** The label as text: a label given in each language (localized-labels.ts) in `locale`. */
function labelIn(options: unknown, locale: Locale): string | undefined {
  const label = textIn(option(options, "label"), locale);
  return typeof label === "string" ? label : undefined;
}

function values(data: unknown): unknown[] {
  if (Array.isArray(data)) return data;
  if (data instanceof Map) return [...data.values()];
  if (isIterable(data)) return Array.from(data);
  return [];
}

function given(options: unknown, fallback: unknown): unknown {
  const v = option(options, "value");
  return v === undefined ? fallback : v;
}

/** The subset of Observable Inputs that works without a DOM, labels in the language `locale()` gives. */
export function headlessInputsIn(locale: () => Locale) {
  const labelOf = (options: unknown): string | undefined => labelIn(options, locale());
  return {
    select: (data: unknown, options?: unknown) =>
      new HeadlessInput("select", given(options, option(options, "multiple") ? [] : (values(data)[0] ?? null)), labelOf(options), values(data)),
    radio: (data: unknown, options?: unknown) => new HeadlessInput("radio", given(options, null), labelOf(options), values(data)),
    checkbox: (data: unknown, options?: unknown) => new HeadlessInput("checkbox", given(options, []), labelOf(options), values(data)),
    toggle: (options?: unknown) => new HeadlessInput("toggle", given(options, false), labelOf(options)),
    range: (extent?: unknown, options?: unknown) => {
      const [min, max] = Array.isArray(extent) ? extent : [0, 1];
      const mid = typeof min === "number" && typeof max === "number" ? (min + max) / 2 : 0;
      return new HeadlessInput("range", given(options, mid), labelOf(options));
    },
    number: (extent?: unknown, options?: unknown) => new HeadlessInput("number", given(options ?? extent, NaN), labelOf(options ?? extent)),
    text: (options?: unknown) => new HeadlessInput("text", given(options, ""), labelOf(options)),
    textarea: (options?: unknown) => new HeadlessInput("textarea", given(options, ""), labelOf(options)),
    search: (data: unknown, options?: unknown) => new HeadlessInput("search", given(options, values(data)), labelOf(options)),
    table: (data: unknown, options?: unknown) => new HeadlessInput("table", given(options, values(data)), labelOf(options), values(data)),
    date: (options?: unknown) => new HeadlessInput("date", given(options, null), labelOf(options)),
    color: (options?: unknown) => new HeadlessInput("color", given(options, "#000000"), labelOf(options)),
    button: (_content?: unknown, options?: unknown) => new HeadlessInput("button", given(options, 0), labelOf(options)),
  };
}

/** The headless inputs of a norsk host (Node hosts default to norsk). */
export const headlessInputs = headlessInputsIn(() => DEFAULT_LOCALE);
