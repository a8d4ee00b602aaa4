/**
 * An inconsistency of the report as 04 shows it in the app's language: its bokmål text by id
 * (inconsistencies-nb.ts, a chunk of its own that the builtin loads when norsk first shows it) in
 * norsk, the recorded English one otherwise — and the recorded one for an id with no bokmål text (a
 * user's own printed-tables.json), never an error.
 */
import type { Locale } from "../../base/locale/locale";
import type { Inconsistency } from "../../data/printed-tables";
import type { InconsistencyWords } from "./inconsistencies-nb";

/** The bokmål texts by inconsistency id, as inconsistencies-nb.ts exports them. */
export type BokmalInconsistencies = Readonly<Record<string, InconsistencyWords>>;

/** What `inc` is, why, and what is reproduced, in `locale` (`bokmal`: the bokmål texts, when loaded). */
export function inconsistencyWords(inc: Inconsistency, locale: Locale, bokmal?: BokmalInconsistencies): InconsistencyWords {
  const nb = locale === "nb" ? bokmal?.[inc.id] : undefined;
  return nb ?? { description: inc.description, reasoning: inc.reasoning, resolution: inc.resolution };
}
