/**
 * The options a builtin takes, by name, and the one refusal of any other: a misspelt option
 * (`{wieght: "w"}`) was ignored, and the analysis silently ran unweighted. Each kernel lists its
 * options as a record typed from its options interface (`OptionNames`), so the checker keeps the
 * list exact: an option added to the interface must be added to the list, and a name not in the
 * interface cannot be. `kernelInput` checks a kernel's options once, at its entry; the tables'
 * OptionReader words its refusal with the same sentence.
 */
import type { MetaOptions } from "./variable-info";
import type { SelectOptions } from "./select-rows";
import { editDistance } from "./suggest-variables";
import { statsError } from "./stats-problem";

/** Every option of `O` by name: `{[name]: true}`, complete and exact for the checker. */
export type OptionNames<O> = { readonly [K in keyof Required<O>]: true };

/** The options every kernel reads from its data's codebook. */
export const META_OPTIONS: OptionNames<MetaOptions> = { codebook: true, missing: true, language: true };

/** The options of every kernel that selects rows. */
export const SELECT_OPTIONS: OptionNames<SelectOptions> = { where: true, filters: true };

/**
 * "there is no option "wieght". Did you mean weight? Its options: …": the known name closest to
 * `key` (case aside, at most 4 edits), and the whole list.
 */
export function unknownOptionText(key: string, known: readonly string[]): string {
  const near = known.map((k) => ({ k, d: editDistance(key.toLowerCase(), k.toLowerCase(), 4) })).filter((x) => x.d <= 4).sort((a, b) => a.d - b.d)[0];
  return `there is no option "${key}".${near ? ` Did you mean ${near.k}?` : ""} Its options: ${known.join(", ")}.`;
}

/**
 * Refuse the first option of `options` that `known` does not list (an option left undefined is no
 * option). Options that are no object are the caller's to refuse (kernelInput says what it expected).
 */
export function refuseUnknownOptions(builtin: string, options: unknown, known: Readonly<Record<string, true>>): void {
  if (typeof options !== "object" || options === null) return;
  for (const [key, value] of Object.entries(options)) {
    if (value === undefined || Object.hasOwn(known, key)) continue;
    throw statsError("unknown-option", unknownOptionText(key, Object.keys(known)), { option: key, options: Object.keys(known) }, builtin);
  }
}
