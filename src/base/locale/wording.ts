/**
 * Text kept until it is shown, so it is shown in the language of the moment: a banner raised in
 * English reads in norsk after the switch. Either fixed text (a Problem's own message, a user's
 * words) or a function of the catalogue.
 */
import type { Messages } from "./messages";

/** Fixed text, or words chosen from the catalogue when shown. */
export type Wording = string | ((words: Messages) => string);

/** `wording` in the language of `words`. */
export function say(wording: Wording, words: Messages): string {
  return typeof wording === "string" ? wording : wording(words);
}
