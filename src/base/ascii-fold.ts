/**
 * Text folded to ASCII for names that other programs read (download file names, PSPP variable
 * names). Norwegian letters are spelled out the way Norwegian web addresses do (æ → ae, ø → o,
 * å → a), so "størrelse" becomes "storrelse" and not "st-rrelse"; other accents are dropped through
 * Unicode decomposition (é → e, ü → u). Characters with no ASCII form are left for the caller to
 * replace, since what is safe differs between a file name and an identifier.
 */

const NORWEGIAN: Readonly<Record<string, string>> = { æ: "ae", Æ: "AE", ø: "o", Ø: "O", å: "a", Å: "A" };

/** `text` with æ ø å spelled out and combining accents removed. */
export function asciiFold(text: string): string {
  return text
    .replace(/[æÆøØåÅ]/g, (c) => NORWEGIAN[c] ?? c)
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "");
}
