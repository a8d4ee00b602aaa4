/**
 * The sentences an export carries about what its figures rest on — at the top of PSPP syntax, so
 * whoever runs it on respondents.csv knows that file is one reconstruction of fifty — in the
 * export's language (base/locale/pspp-messages.ts).
 */
import type { Locale } from "../../base/locale/locale";
import { psppMessages } from "../../base/locale/pspp-messages";
import type { Survey } from "../survey";

/** What an export of an analysis on `survey` should say about its data, in `locale`. */
export function evidenceNote(survey: Survey, locale: Locale): string[] {
  const words = psppMessages[locale];
  const draws = survey.draws?.length ?? 0;
  if (!survey.reconstructed) return [words.psppOwnFile(survey.source)];
  return [words.psppOneReconstruction(draws), words.psppWhatRests];
}
