/**
 * The shape of the generated reference (src/base/reference/reference.json): one entry per builtin a
 * cell can name, and one per member of the builtin namespaces (stats.crosstab, tables.frequencies …).
 */

/** One parameter of a signature. */
export interface ReferenceParam {
  name: string;
  /** The declared type as written in the source ("StatsData", "readonly string[]"). */
  type: string;
  optional: boolean;
  /** From the `@param` tag. */
  doc?: string;
}

/** One call form (overloads give several). */
export interface ReferenceSignature {
  /** "stats.crosstab(data: StatsData, rowVariable: string, columnVariable: string, options?: CrosstabOptions): Crosstab" */
  text: string;
  params: ReferenceParam[];
  returns: string;
}

/** One option of a builtin's options object, or one field of a value. */
export interface ReferenceField {
  name: string;
  type: string;
  optional: boolean;
  doc?: string;
}

/** A link to another project's documentation. */
export interface ReferenceLink {
  label: string;
  href: string;
}

/** One builtin or namespace member. */
export interface ReferenceEntry {
  /** As cells write it: "stats.crosstab", "survey", "Plot". */
  name: string;
  /** The id of its entry in the reference panel (also in error messages' `reference.anchor`). */
  anchor: string;
  /** "function" (callable), "namespace" (an object of builtins), "value" (data such as `survey`). */
  kind: "function" | "namespace" | "value";
  /** Where it comes from: "analysis", "scope" (host state), "stdlib", "cell" (per-cell), "library" (another project's). */
  group: "analysis" | "scope" | "stdlib" | "cell" | "library";
  /** The short call form: "stats.crosstab(data, rowVariable, columnVariable, options?)". */
  signature: string;
  signatures: ReferenceSignature[];
  /** One line: the first sentence of the documentation. */
  description: string;
  /** The whole documentation text. */
  details: string;
  /** The properties of the options argument (functions), with their types and docs. */
  options: ReferenceField[];
  /** The fields of a value (survey, selection, filter). */
  fields: ReferenceField[];
  /** A cell that runs as is (headless too: the reference test runs every one). */
  example: string;
  /** For namespaces: the names of its member entries. */
  members: string[];
  /** Other projects' documentation. */
  links: ReferenceLink[];
  /** The source file it is declared in (for developers), or the package. */
  source: string;
}

/** The whole reference. */
export interface Reference {
  /** Bumped when the shape changes. */
  version: 1;
  entries: ReferenceEntry[];
}

/**
 * Fields of an entry the app never reads (the reference panel, completions and hover read the
 * rest): the full call forms with their parameters, and the source file. The bundle's copy of the
 * reference leaves them out (vite.config.ts, `appReferencePlugin`: 3.9 KB gzip of the 24.7 KB the
 * reference chunk was); reference.json keeps them for the reference test and for developers.
 */
export const FIELDS_NOT_IN_APP = ["signatures", "source"] as const;

/** An entry as the app loads it: without the fields the bundle leaves out. */
export type AppReferenceEntry = Omit<ReferenceEntry, (typeof FIELDS_NOT_IN_APP)[number]>;

/** The reference as the app loads it. */
export interface AppReference {
  version: Reference["version"];
  entries: AppReferenceEntry[];
}

/** The app's copy of the reference: every entry without the fields in FIELDS_NOT_IN_APP. */
export function appReference(reference: Reference): AppReference {
  // Named one by one so the rest is typed; test/unit/reference/app-reference.test.ts checks that
  // every field of FIELDS_NOT_IN_APP is gone from what the app loads, and only those.
  const entries = reference.entries.map(({ signatures: _signatures, source: _source, ...kept }): AppReferenceEntry => kept);
  return { version: reference.version, entries };
}
