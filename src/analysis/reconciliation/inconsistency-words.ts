/**
 * An inconsistency of the report as 04 shows it in the app's language: the bokmål text by its id
 * (inconsistencies-nb.ts) in norsk, the recorded English one otherwise — and the recorded one for an
 * id with no bokmål text (a user's own printed-tables.json), never an error.
 */
import type { Locale } from "../../base/locale/locale";
import type { Inconsistency } from "../../data/printed-tables";
import { inconsistenciesNb, type InconsistencyWords } from "./inconsistencies-nb";

/** What `inc` is, why, and what is reproduced, in `locale`. */
export function inconsistencyWords(inc: Inconsistency, locale: Locale): InconsistencyWords {
  const nb = locale === "nb" ? inconsistenciesNb[inc.id] : undefined;
  return nb ?? { description: inc.description, reasoning: inc.reasoning, resolution: inc.resolution };
}
