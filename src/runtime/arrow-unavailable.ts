/**
 * Stands in for `@uwdata/flechette`, the Apache Arrow library Arquero imports for `aq.fromArrow`,
 * `aq.loadArrow`, `table.toArrow()` and `table.toArrowIPC()` (vite.config.ts aliases the package
 * here). Nothing in Tverrsnitt reads or writes Arrow — the survey, the user's files and the
 * exports are CSV, card images and .sav — and the notebook frame cannot fetch, so Arrow bytes could
 * only come from a file a cell reads itself. Keeping the reader cost 13.6 KB gzip of every user's
 * download (issue 12's budget); a cell that asks for Arrow gets this Problem instead.
 * The exports are the names Arquero imports from flechette 1.x (node_modules/arquero/src/format/).
 */
import { ProblemError, type Problem } from "../base/result";

/** The Problem a cell sees when it asks Arquero for Arrow. */
export const arrowUnavailable: Problem<"arrow-unavailable"> = {
  kind: "arrow-unavailable",
  message:
    "Apache Arrow is not included in Tverrsnitt, so aq.fromArrow, aq.loadArrow, toArrow and toArrowIPC do not work. Read the data as CSV instead (FileAttachment(path).arquero(), or aq.fromCSV(text)), and export tables as CSV.",
};

function unavailable(): never {
  throw new ProblemError(arrowUnavailable);
}

/** Arquero's `fromArrow` reads IPC bytes with this. */
export const tableFromIPC = unavailable;
/** Arquero's `toArrowIPC` writes with this. */
export const tableToIPC = unavailable;
/** Arquero's `toArrow` builds columns with these. */
export const columnFromArray = unavailable;
/** See `columnFromArray`. */
export const columnFromValues = unavailable;
/** Arquero's `toArrow` builds the table with this. */
export const tableFromColumns = unavailable;
