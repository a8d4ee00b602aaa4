/**
 * Registry entry for card images: one fixed-width line per respondent, digits and blanks only. The
 * sniff looks past a BOM and blank lines at every line of the sample, so a card image saved as .txt
 * is recognised by what it holds, not by its name or its first line. Tabs count as card content
 * here so that a card damaged by "spaces to tabs" reaches the reader, which refuses it by name.
 */
import { cardWidth } from "../card-layout";
import type { FileFormat, Sample } from "./file-format";
import { cardParts, readCard } from "./read-card";

/** A card line: digits, blanks and minus signs, allowing a few stray characters (punching errors). */
function isCardLine(line: string): boolean {
  const punched = line.replace(/[^\d \t-]/g, "").length;
  return punched >= 0.8 * line.length && /\d/.test(line);
}

/** How much the sample looks like a card image. */
function sniffCard(sample: Sample): number {
  if (!sample.text) return 0;
  const lines = sample.text.lines.filter((l) => l.trim() !== "");
  // A header line (letters) makes it a delimited file, however numeric the rest is.
  if (lines[0] === undefined || !/^[\d \t-]+$/.test(lines[0])) return 0;
  const cards = lines.filter(isCardLine).length;
  if (cards < 0.8 * lines.length) return 0;
  // Lines as wide as this codebook's card: this is its card image.
  const width = sample.codebook ? cardWidth(sample.codebook) : 0;
  const fit = lines.filter((l) => Math.abs(l.replace(/\s+$/, "").length - width) <= 2 || l.length === width).length;
  return width > 0 && fit >= 0.5 * lines.length ? 0.95 : 0.8;
}

/** Card images ("DATA LIST FIXED" data): .dat, .txt, .card. */
export const cardFormat: FileFormat = {
  format: "fixed",
  label: "card image",
  extensions: [".dat", ".txt", ".card"],
  needsCodebook: true,
  sniff: sniffCard,
  read: readCard,
  parts: cardParts,
};
