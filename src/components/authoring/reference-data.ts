/**
 * The generated reference (src/base/reference/reference.json, written by scripts/reference/ from the
 * source) loaded on first use: the reference panel, the completions and the hover all read it, and
 * it is not part of any startup bundle.
 */
import type { AppReferenceEntry } from "../../../scripts/reference/reference-types";

/**
 * The entries as the bundle carries them: without the fields the app never reads (vite.config.ts,
 * `appReferencePlugin`), and with string fields not narrowed to the unions.
 */
export type LoadedEntry = { [K in keyof AppReferenceEntry]: AppReferenceEntry[K] extends string ? string : AppReferenceEntry[K] };

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
