/**
 * The generated reference (src/base/reference/reference.json, written by scripts/reference/ from the
 * source) loaded on first use: the reference panel, the completions and the hover all read it, and
 * it is not part of any startup bundle.
 */
import type { ReferenceEntry } from "../../../scripts/reference/reference-types";

/** The entries as the JSON carries them (its string fields are not narrowed to the unions). */
export type LoadedEntry = { [K in keyof ReferenceEntry]: ReferenceEntry[K] extends string ? string : ReferenceEntry[K] };

let loading: Promise<LoadedEntry[]> | undefined;

/** Every reference entry, in the reference's order. */
export function loadReference(): Promise<LoadedEntry[]> {
  loading ??= import("../../base/reference/reference.json").then((m) => m.default.entries);
  return loading;
}

/** Entries by name ("stats.crosstab"). */
export async function referenceByName(): Promise<Map<string, LoadedEntry>> {
  return new Map((await loadReference()).map((e) => [e.name, e]));
}
