/**
 * The words of the user's data file (issue 14): the shell's Data menu, the drop hint, the panel
 * that reads, checks and reviews a file, and its outcome. Part of the shell's catalogue
 * (`ShellMessages` extends it, shell-messages.ts), kept apart because it grows with the loaders.
 */
import { formatNumber } from "./number-format";

/** The data menu's and the file panel's messages. */
export interface DataFileMessages {
  dataYourFile: string;
  dataReconstructed: string;
  dataUserTitle(name: string, rows: number): string;
  loadOwnFile: string;
  useReconstructed: string;
  aDataFile: string;
  dataHint(formats: string): string;
  dropHint(formats: string | undefined): string;
  readingFile(name: string): string;
  bytesRead: string;
  bytesOf(read: string, total: string): string;
  readLocally: string;
  cancel: string;
  checkFile(name: string): string;
  readAs(format: string): string;
  surveyRerun: string;
  back: string;
  useThisData: string;
  loadingCancelled: string;
  couldNotRead(name: string): string;
  nothingChanged: string;
  rows: string;
  firstIssues(shown: number, total: number): string;
  issues: string;
  noProblems: string;
}

/** Norwegian (bokmål). */
export const dataFileNb: DataFileMessages = {
  dataYourFile: "Data: din fil",
  dataReconstructed: "Data: rekonstruerte 1999-respondenter",
  dataUserTitle: (name, rows) => `Data: ${name} (${formatNumber("nb", rows)} ${rows === 1 ? "rad" : "rader"})`,
  loadOwnFile: "Last inn din egen fil …",
  useReconstructed: "Bruk de rekonstruerte respondentene fra 1999",
  aDataFile: "En datafil fra undersøkelsen",
  dataHint: (formats) => `${formats}, lest gjennom undersøkelsens kodebok. Du kan også slippe en fil på siden. Den blir i denne nettleseren: aldri lastet opp, aldri lagt i delingslenker, glemt når siden lastes på nytt.`,
  dropHint: (formats) => `Slipp en fil fra undersøkelsen for å laste den inn${formats ? ` (${formats})` : ""}`,
  readingFile: (name) => `Leser ${name} …`,
  bytesRead: "Lest",
  bytesOf: (read, total) => `${read} av ${total}`,
  readLocally: "Lest i denne nettleseren; ingenting lastes opp. Du kan arbeide videre.",
  cancel: "Avbryt",
  checkFile: (name) => `Kontroller ${name} før du bruker den`,
  readAs: (format) => `Lest som ${format}, gjennom den medfølgende kodeboken.`,
  surveyRerun: "Notatbøkene for undersøkelsen kjøres på nytt med denne filen.",
  back: "Tilbake",
  useThisData: "Bruk disse dataene",
  loadingCancelled: "Innlastingen ble avbrutt",
  couldNotRead: (name) => `${name} kunne ikke leses`,
  nothingChanged: "Ingenting er endret: notatbøkene beholder dataene de hadde.",
  rows: "Rader",
  firstIssues: (shown, total) => `De første ${shown} av ${total} avvikene`,
  issues: "Avvik",
  noProblems: "Ingen problemer funnet: hver verdi finnes i kodeboken, og alle hopperegler holder.",
};

/** English. */
export const dataFileEn: DataFileMessages = {
  dataYourFile: "Data: your file",
  dataReconstructed: "Data: reconstructed 1999 respondents",
  dataUserTitle: (name, rows) => `Data: ${name} (${formatNumber("en", rows)} ${rows === 1 ? "row" : "rows"})`,
  loadOwnFile: "Load your own file…",
  useReconstructed: "Use the reconstructed 1999 respondents",
  aDataFile: "A data file of the survey",
  dataHint: (formats) => `${formats}, read through the survey's codebook. You can also drop a file on the page. It stays in this browser: never uploaded, never put into share links, forgotten when the page reloads.`,
  dropHint: (formats) => `Drop a survey file to load it${formats ? ` (${formats})` : ""}`,
  readingFile: (name) => `Reading ${name}…`,
  bytesRead: "Bytes read",
  bytesOf: (read, total) => `${read} of ${total}`,
  readLocally: "Read in this browser; nothing is uploaded. You can keep working.",
  cancel: "Cancel",
  checkFile: (name) => `Check ${name} before using it`,
  readAs: (format) => `Read as ${format}, through the bundled codebook.`,
  surveyRerun: "Survey notebooks will rerun on this file.",
  back: "Back",
  useThisData: "Use this data",
  loadingCancelled: "Loading cancelled",
  couldNotRead: (name) => `${name} could not be read`,
  nothingChanged: "Nothing changed: the notebooks keep the data they had.",
  rows: "Rows",
  firstIssues: (shown, total) => `First ${shown} of ${total} issues`,
  issues: "Issues",
  noProblems: "No problems found: every value is in the codebook and every skip rule holds.",
};
