/**
 * URL routes of the workbench, all in the hash so the app is a static site:
 * - `#/nb/<name>`   the bundled notebook `notebooks/<name>.html` (its local working copy if edited)
 * - `#/local/<key>` a local notebook (imported, new, or a run shared copy)
 * - `#share=<payload>` a shared notebook, opened as a copy in preview
 * - anything else   the default notebook
 */

export type Route =
  | { kind: "bundled"; name: string }
  | { kind: "local"; key: string }
  | { kind: "share"; payload: string }
  | { kind: "home" };

/** Bundled notebook names are file stems: letters, digits, `-`, `_`, `.` (no path traversal). */
const NAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;

/** Parse `location.hash` (with or without the leading `#`). */
export function parseRoute(hash: string): Route {
  const h = hash.startsWith("#") ? hash.slice(1) : hash;
  if (h.startsWith("share=")) return { kind: "share", payload: h.slice("share=".length) };
  const bundled = /^\/nb\/(.+)$/.exec(h);
  if (bundled?.[1] !== undefined) {
    const name = safeDecode(bundled[1]);
    if (name !== undefined && NAME.test(name) && !name.includes("..")) return { kind: "bundled", name };
  }
  const local = /^\/local\/(.+)$/.exec(h);
  if (local?.[1] !== undefined) {
    const key = safeDecode(local[1]);
    if (key !== undefined) return { kind: "local", key };
  }
  return { kind: "home" };
}

function safeDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

/** The hash for a route (inverse of {@link parseRoute}). */
export function formatRoute(route: Route): string {
  switch (route.kind) {
    case "bundled":
      return `#/nb/${encodeURIComponent(route.name)}`;
    case "local":
      return `#/local/${encodeURIComponent(route.key)}`;
    case "share":
      return `#share=${route.payload}`;
    case "home":
      return "#/";
  }
}
