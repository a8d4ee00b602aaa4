/**
 * The notebooks shipped with the app, fetched from `notebooks/` next to the page (the Vite plugin in
 * vite.config.ts serves them in dev and copies them into `dist/` with a generated `index.json`).
 */
import { ok, problem, type Result } from "../base/result";

/** One bundled notebook: file stem and `<title>`. */
export interface BundledEntry {
  name: string;
  title: string;
}

function isEntry(value: unknown): value is BundledEntry {
  return typeof value === "object" && value !== null && "name" in value && typeof value.name === "string" && "title" in value && typeof value.title === "string";
}

/** Where the list of bundled notebooks is, relative to the page. */
export const BUNDLED_LIST_PATH = "notebooks/index.json";

/** Where the bundled notebook `name` is, relative to the page. */
export function bundledNotebookPath(name: string): string {
  return `notebooks/${encodeURIComponent(name)}.html`;
}

/** The list in `notebooks/index.json`; an empty list (never a throw) when it cannot be read. */
export async function fetchBundledList(fetcher: typeof fetch = fetch): Promise<BundledEntry[]> {
  try {
    const response = await fetcher(BUNDLED_LIST_PATH);
    if (!response.ok) return [];
    const body: unknown = await response.json();
    return Array.isArray(body) ? body.filter(isEntry) : [];
  } catch {
    return [];
  }
}

/** The text of `notebooks/<name>.html`, or a Problem that says what to check. */
export async function fetchBundledText(name: string, fetcher: typeof fetch = fetch): Promise<Result<string>> {
  try {
    const response = await fetcher(bundledNotebookPath(name));
    if (!response.ok) {
      return problem("not-found", `There is no bundled notebook called “${name}” (HTTP ${response.status}). Pick one from the list on the left.`);
    }
    return ok(await response.text());
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return problem("unreachable", `Could not load the bundled notebook “${name}” (${detail}). Check that the app is served over http(s), not opened as a file.`);
  }
}
