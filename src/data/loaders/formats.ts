/**
 * The loaders' registry: every file format the app reads, one entry each (see `file-format.ts` for
 * the shape). Detection, the file picker's accepted extensions, the labels people see and the
 * "read as …" summary all come from this list. A new format is one file that exports its entry,
 * plus its line here.
 */
import { cardFormat } from "./card-format";
import { csvFormat } from "./csv-format";
import type { FileFormat } from "./file-format";
import { savFormat } from "./sav-format";

/** Every format, in the order ties are broken. */
export const FILE_FORMATS: readonly FileFormat[] = [
  savFormat,
  csvFormat,
  cardFormat,
];

/** The registry entry of a format id, if there is one. */
export function formatById(format: string): FileFormat | undefined {
  return FILE_FORMATS.find((f) => f.format === format);
}

/** The file picker's `accept` attribute: every extension of every format. */
export function acceptAttribute(formats: readonly FileFormat[] = FILE_FORMATS): string {
  return [...new Set(formats.flatMap((f) => f.extensions))].join(",");
}

/** The formats named for people: "CSV, card image or SPSS .sav". */
export function formatList(formats: readonly FileFormat[] = FILE_FORMATS, conjunction = "or"): string {
  const labels = formats.map((f) => f.label);
  return labels.length <= 1 ? (labels[0] ?? "") : `${labels.slice(0, -1).join(", ")} ${conjunction} ${labels.at(-1) ?? ""}`;
}
