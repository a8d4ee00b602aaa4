/**
 * The comments of exported PSPP syntax (src/stats/pspp-syntax.ts, pspp/pspp-read-data.ts) and the
 * export's note on what its figures rest on (analysis/evidence/evidence-note.ts), in each language.
 * Only comments and the note: the commands, names and numbers are PSPP's and the same in both. Each
 * text is one line without the comment's own `*` and final period (`psppComment` adds them).
 */
import type { Locale } from "./locale";

/** The PSPP export's words. */
export interface PsppMessages {
  /** The first line. */
  psppExported: string;
  /** The data file: its name and how it is read. */
  psppData(name: string, how: string): string;
  psppCsv(delimiter: string, encoding: string): string;
  psppTab: string;
  psppCard(encoding: string): string;
  psppSav: string;
  /** A filter condition in words. */
  psppFilter(label: string): string;
  /** SPSS's Spearman command, kept as a comment, and why it is not run. */
  psppSpssOnly(command: string): string;
  psppNoNonparCorr: string;
  psppTooManyMissing(name: string, count: number): string;
  psppLabelsLeftOut(name: string, count: number): string;
  psppRenamedSav(position: number, from: string, to: string): string;
  psppRenamedColumn(position: number, from: string, to: string): string;
  psppByteOrderMark(file: string): string;
  psppDecimalComma: string;
  /** The note on the data: the user's own file, or one reconstruction of `draws`. */
  psppOwnFile(source: string): string;
  psppOneReconstruction(draws: number): string;
  psppWhatRests: string;
}

const nb: PsppMessages = {
  psppExported: "Eksportert fra Tverrsnitt: gjenskaper analysen i PSPP (pspp fil.sps) eller SPSS",
  psppData: (name, how) => `Data: ${name} (${how})`,
  psppCsv: (delimiter, encoding) => `CSV, skilt med ${delimiter}, ${encoding}`,
  psppTab: "tabulator",
  psppCard: (encoding) => `hullkortbilde, ${encoding}`,
  psppSav: "SPSS-systemfil",
  psppFilter: (label) => `Filter: ${label}`,
  psppSpssOnly: (command) => `SPSS: ${command}`,
  psppNoNonparCorr: "PSPP 1.6 mangler NONPAR CORR: de fullstendige tilfellene rangeres (like verdier får gjennomsnittsrang), og rangene korreleres",
  psppTooManyMissing: (name, count) => `${name} har ${count} koder for manglende verdier; bare de tre første får plass i MISSING VALUES`,
  psppLabelsLeftOut: (name, count) => `${name}: ${count} verdietiketter gjelder ikke tallkoder og er utelatt`,
  psppRenamedSav: (position, from, to) => `Variabel ${position} i .sav-filen, «${from}», er ikke et gyldig PSPP-navn og heter ${to} nedenfor: gi den nytt navn i filen (RENAME VARIABLES) før du kjører denne syntaksen`,
  psppRenamedColumn: (position, from, to) => `Kolonne ${position} i filen, med overskriften «${from}», leses som ${to}`,
  psppByteOrderMark: (file) => `${file} begynner med et UTF-8-byte-rekkefølgemerke, som PSPP teller som tre kolonner i første post: lagre filen uten det før du kjører denne syntaksen`,
  psppDecimalComma: "Tall leses med desimalpunktum; skriver filen desimalkomma (2,5), endre neste linje til SET DECIMAL=COMMA",
  psppOwnFile: (source) => `Data: ${source}, din egen fil; ingen rekonstruksjon er brukt`,
  psppOneReconstruction: (draws) => `Respondentene er én av ${draws} rekonstruksjoner bygd fra de trykte tabellene og de navngitte kommunene i rapporten fra 1999, ikke de opprinnelige mikrodataene`,
  psppWhatRests: "Tall som er lik et trykt tall, eller er like i hver rekonstruksjon, følger av rapporten; ethvert annet tall hviler på rekonstruksjonen (merket R i notatboken, med spennet)",
};

const en: PsppMessages = {
  psppExported: "Exported by Tverrsnitt: reproduces the analysis in PSPP (pspp file.sps) or SPSS",
  psppData: (name, how) => `Data: ${name} (${how})`,
  psppCsv: (delimiter, encoding) => `CSV, ${delimiter}-separated, ${encoding}`,
  psppTab: "tab",
  psppCard: (encoding) => `card image, ${encoding}`,
  psppSav: "SPSS system file",
  psppFilter: (label) => `Filter: ${label}`,
  psppSpssOnly: (command) => `SPSS: ${command}`,
  psppNoNonparCorr: "PSPP 1.6 lacks NONPAR CORR: rank the complete cases (ties get mean ranks) and correlate the ranks",
  psppTooManyMissing: (name, count) => `${name} has ${count} missing codes; only the first three fit MISSING VALUES`,
  psppLabelsLeftOut: (name, count) => `${name}: ${count} value labels are not for numeric codes and are left out`,
  psppRenamedSav: (position, from, to) => `Variable ${position} of the .sav file, "${from}", is not a PSPP name and is called ${to} below: rename it in the file (RENAME VARIABLES) before running this syntax`,
  psppRenamedColumn: (position, from, to) => `Column ${position} of the file, headed "${from}", is read as ${to}`,
  psppByteOrderMark: (file) => `${file} starts with a UTF-8 byte-order mark, which PSPP counts as three columns of the first record: save the file without it before running this syntax`,
  psppDecimalComma: "Numbers are read with a decimal point; if the file writes decimal commas (2,5), change the next line to SET DECIMAL=COMMA",
  psppOwnFile: (source) => `Data: ${source}, your own file; no reconstruction is involved`,
  psppOneReconstruction: (draws) => `The respondents are one of ${draws} reconstructions built from the 1999 report's printed tables and named municipalities, not the original microdata`,
  psppWhatRests: "Figures that equal a printed figure, or are the same in every reconstruction, follow from the report; any other figure rests on the reconstruction (marked R in the notebook, with its range)",
};

/** The PSPP export's words per language. */
export const psppMessages: Readonly<Record<Locale, PsppMessages>> = { nb, en };
