/**
 * What the 1999 report calls a printed table or a passage of its running text, in the words a
 * reader finds in the report: a numbered table or figure by its printed caption ("Tabell 2.1 …",
 * "Figur 7. …"), a figure or list stated in the text by its description. Never the build's id
 * ("text:gender", "list:two-models"): that names a place in printed-tables.json, not in the report.
 */
import type { Messages } from "../../base/locale/locale";
import type { PrintedTable } from "../../data/printed-tables";

/** A caption that names itself as the report numbers it ("Tabell 2.1 …", "Figur 7. …"). */
const NUMBERED = /^(Tabell|Figur)\s+\d/;

/** The name a reader of the report knows `table` by, in the language of `words`. */
export function passageName(table: Pick<PrintedTable, "caption" | "kind">, words: Messages): string {
  const caption = table.caption.trim();
  if (NUMBERED.test(caption)) return caption;
  // A list's lead-in ends with the colon that introduced the list in the report.
  const description = caption.replace(/:$/, "");
  return table.kind === "list" ? words.recListPassage(description) : words.recTextPassage(description);
}

/**
 * An inconsistency's `table` field ("2.3, list:two-models, text:active-municipalities") for a
 * reader: numbered tables as "Tabell 2.3", passages by {@link passageName} (looked up in `tables`),
 * anything else (the questionnaire, an extract) as written in the data.
 */
export function passagesText(field: string, tables: readonly Pick<PrintedTable, "id" | "caption" | "kind">[], words: Messages): string {
  return field
    .split(",")
    .map((id) => id.trim())
    .map((id) => {
      if (/^[\d.]+$/.test(id)) return words.recTableRef(id);
      const table = tables.find((t) => t.id === id);
      return table ? passageName(table, words) : id;
    })
    // Semicolons: a passage's description may itself hold commas.
    .join("; ");
}
