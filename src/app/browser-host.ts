/**
 * The browser's side of the runtime host: files under data/ fetched from the app's own origin, and
 * the page's document. (The headless runner's host reads the same paths from disk.)
 */
import type { StdlibHost } from "../runtime/stdlib";

/** Paths in cells are relative to data/ ("demo/x.csv"); "data/demo/x.csv" is accepted too. */
export function dataUrl(path: string): string {
  const clean = path.replace(/^\.?\/+/, "");
  return clean.startsWith("data/") ? clean : `data/${clean}`;
}

async function fetchOk(path: string): Promise<Response> {
  const response = await fetch(dataUrl(path));
  if (!response.ok) throw new Error(`Could not load ${path} (HTTP ${response.status}); check the file name under data/.`);
  return response;
}

/**
 * The host notebooks run on in the page. `onRead` hears every data path a cell reads, so the app can
 * say when a notebook reads the reconstructed respondents directly (not only through `survey`).
 */
export function browserHost(onRead: (path: string) => void = () => undefined): StdlibHost & { document: Document } {
  return {
    readText: async (path) => {
      onRead(dataUrl(path));
      return (await fetchOk(path)).text();
    },
    readBytes: async (path) => {
      onRead(dataUrl(path));
      return new Uint8Array(await (await fetchOk(path)).arrayBuffer());
    },
    document,
  };
}
