/**
 * Where the bundled 1999 survey lives and how every view of it must describe it. Kept in the data
 * room, apart from the loading code, so the app's header can say it without loading the analysis
 * layer.
 */

/** The bundled files, relative to the app (browser) or repository (Node) root. */
export const SURVEY_PATHS = {
  codebook: "data/survey-1999/codebook.json",
  respondents: "data/survey-1999/respondents.csv",
  printed: "data/survey-1999/printed-tables.json",
  adopters: "data/survey-1999/adopters.csv",
  /** The ensemble of reconstructions; draw 0 is respondents.csv (see src/data/ensemble.ts). */
  ensemble: "data/survey-1999/ensemble.bin",
} as const;

/** The 2016 thesis's findings (notebook 06), relative to the same root; a spare frame is primed with it too. */
export const THESIS_PATH = "data/thesis-2016/thesis.json";

/** The sentence every view of the bundled respondents shows. */
export const RECONSTRUCTION_NOTICE =
  "Bundled respondents are a reconstruction from published aggregates, not the original 1999 microdata.";
