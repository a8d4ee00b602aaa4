/**
 * Registry entry for SPSS/PSPP system files. Recognised by the magic bytes "$FL2" (or "$FL3",
 * ZLIB-compressed, which the reader refuses with the fix) whatever the file is called; the file
 * carries its own dictionary, so no codebook is required.
 */
import type { FileFormat, Sample } from "./file-format";
import { readSavFile } from "./read-sav";

function sniffSav(sample: Sample): number {
  const [a, b, c, d] = sample.head;
  return a === 0x24 && b === 0x46 && c === 0x4c && (d === 0x32 || d === 0x33) ? 1 : 0;
}

/** SPSS .sav system files. */
export const savFormat: FileFormat = {
  format: "sav",
  label: "SPSS .sav",
  extensions: [".sav"],
  needsCodebook: false,
  sniff: sniffSav,
  read: readSavFile,
};
