import type { Locale } from "../base/locale/locale";
import type { CellDoc } from "./document";

/**
 * The cell as a reader in `locale` gets it: a markdown cell's variant for that language as its
 * source, or the authored source where it has none. The cell's other fields are kept; the result
 * carries no variants, so it is what the runtime plans and runs, never what is saved. Any other
 * kind of cell is returned as it is.
 */
export function cellInLanguage(cell: CellDoc, locale: Locale): CellDoc {
  // Only markdown has variants: a variant on code would run what the editor does not show.
  if (!cell.variants || cell.kind !== "md") return cell;
  const variant = cell.variants[locale];
  const shown: CellDoc = { ...cell, source: variant ?? cell.source };
  delete shown.variants;
  return shown;
}
