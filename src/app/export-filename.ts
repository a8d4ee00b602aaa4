/**
 * Download file names from titles: "BMS etter størrelse" → "bms-etter-storrelse.svg". Norwegian
 * letters are spelled out (src/base/ascii-fold.ts), everything else that is not a letter or digit
 * becomes one hyphen, so a name has no path separator, control character, quote or leading dot, and
 * names Windows reserves for devices (CON, NUL, COM1 …) get a suffix, since "con.csv" cannot be saved
 * there.
 */
import { asciiFold } from "../base/ascii-fold";

/** Windows device names, reserved with any extension. */
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/;

/** Longest base name, so that name and extension stay well inside every file system's limit. */
const MAX_BASE = 80;

/** A safe file name for `title` with `extension` (lower case letters and digits, e.g. "csv"); `fallback` when nothing of the title is left. */
export function exportFilename(title: string, extension: string, fallback = "utdata"): string {
  if (!/^[a-z0-9]{1,8}$/.test(extension)) throw new Error(`exportFilename: "${extension}" is not a file extension; pass letters and digits only, e.g. "csv"`);
  const base = asciiFold(title)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .slice(0, MAX_BASE)
    .replace(/^-+|-+$/g, "");
  const safe = base === "" ? fallback : RESERVED.test(base) ? `${base}-1` : base;
  return `${safe}.${extension}`;
}
