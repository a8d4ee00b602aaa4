/**
 * Tables made by `Inputs.table` in the app's language, remembered so a language switch can draw them
 * again in the new one without rerunning their cell (a rerun would also rebuild the cell's other
 * inputs and lose what the reader chose). A table bound by `view()` is not redrawn: its element is
 * the input the runtime reads the selection from, so it keeps its format until the cell next runs.
 */
import type { Locale } from "../base/locale/locale";

/** Inputs.table's shape (passed in: this module stays free of Inputs, which cell-run.ts must not load). */
type MakeTable = (data: unknown, options: Record<string, unknown>) => unknown;

/** The language tags Inputs.table formats numbers with. */
export const INTL_TAGS: Record<Locale, string> = { nb: "nb-NO", en: "en-US" };

/** How each table was made: its data and the cell's own options (without the app's locale). */
const made = new WeakMap<object, { make: MakeTable; data: unknown; options: Record<string, unknown>; locale: Locale }>();
/** Inputs bound by view(): their elements stay. */
const bound = new WeakSet<object>();

/** `Inputs.table(data, options)` in `locale` unless the options name their own; remembered for a switch. */
export function localizedTable(make: MakeTable, data: unknown, options: unknown, locale: Locale): unknown {
  const own: Record<string, unknown> = typeof options === "object" && options !== null ? { ...options } : {};
  const table = make(data, { locale: INTL_TAGS[locale], ...own });
  // A table whose cell chose its own locale never follows the app's.
  if (typeof table === "object" && table !== null && !("locale" in own)) made.set(table, { make, data, options: own, locale });
  return table;
}

/** view() bound `input`: it is the runtime's, not to be replaced. */
export function markViewBound(input: unknown): void {
  if (typeof input === "object" && input !== null) bound.add(input);
}

/** The same table drawn in `locale`; undefined when `value` is not one that follows the language, or is in it already. */
export function redrawTable(value: unknown, locale: Locale): unknown {
  if (typeof value !== "object" || value === null || bound.has(value)) return undefined;
  const how = made.get(value);
  return how && how.locale !== locale ? localizedTable(how.make, how.data, how.options, locale) : undefined;
}

/** Is `value` a table that follows the language (see redrawTable)? */
export function followsLanguage(value: unknown): boolean {
  return typeof value === "object" && value !== null && made.has(value) && !bound.has(value);
}
