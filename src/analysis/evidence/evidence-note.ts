/**
 * The sentences an export carries about what its figures rest on — at the top of PSPP syntax, so
 * whoever runs it on respondents.csv knows that file is one reconstruction of fifty.
 */
import type { Survey } from "../survey";

/** What an export of an analysis on `survey` should say about its data. */
export function evidenceNote(survey: Survey): string[] {
  const draws = survey.draws?.length ?? 0;
  if (!survey.reconstructed) return [`Data: ${survey.source}, your own file; no reconstruction is involved`];
  return [
    `The respondents are one of ${draws} reconstructions built from the 1999 report's printed tables and named municipalities, not the original microdata`,
    "Figures that equal a printed figure, or are the same in every reconstruction, follow from the report; any other figure rests on the reconstruction (marked R in the notebook, with its range)",
  ];
}
