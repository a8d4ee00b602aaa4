/**
 * URL routes of the workbench, all in the hash so the app is a static site:
 * - `#/nb/<name>`   the bundled notebook `notebooks/<name>.html` (its local working copy if edited)
 * - `#/local/<key>` a local notebook (imported, new, or a run shared copy)
 * - `#share=<payload>` a shared notebook, opened as a copy in preview
 * - anything else   the default notebook
 * The two notebook routes may carry the survey filter as a query: `#/nb/01-overview?filter=fylke%3D11%26size%3D5,6`
 * (the filter's own URL form, see `surveyFilterToParams`, percent-encoded with commas left readable).
 * A filter that cannot be read does not spoil the route: the notebook opens and `filterError` says why.
 */
import { isEmptyFilter, surveyFilterFromParams, surveyFilterToParams, type SurveyFilter } from "../data/survey-filter";

/** What a notebook route may say about the filter: a valid filter, or why the link's text was refused. */
export interface RouteFilter {
  filter?: SurveyFilter;
  filterError?: string;
}

export type Route =
  | ({ kind: "bundled"; name: string } & RouteFilter)
  | ({ kind: "local"; key: string } & RouteFilter)
  | { kind: "share"; payload: string }
  | { kind: "home" };

/** Bundled notebook names are file stems: letters, digits, `-`, `_`, `.` (no path traversal). */
const NAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;

/**
 * Longest query text read at all. A valid filter is far shorter (every county and class fits in
 * ~150 characters encoded); anything longer is refused before decoding so a hostile link costs nothing.
 */
const MAX_QUERY = 2000;

/** Parse `location.hash` (with or without the leading `#`). */
export function parseRoute(hash: string): Route {
  const h = hash.startsWith("#") ? hash.slice(1) : hash;
  if (h.startsWith("share=")) return { kind: "share", payload: h.slice("share=".length) };
  // Names and keys are percent-encoded by formatRoute, so the first literal "?" starts the query.
  const q = h.indexOf("?");
  const path = q < 0 ? h : h.slice(0, q);
  const query = q < 0 ? undefined : h.slice(q + 1);
  const bundled = /^\/nb\/(.+)$/.exec(path);
  if (bundled?.[1] !== undefined) {
    const name = safeDecode(bundled[1]);
    if (name !== undefined && NAME.test(name) && !name.includes("..")) return { kind: "bundled", name, ...parseQuery(query) };
  }
  const local = /^\/local\/(.+)$/.exec(path);
  if (local?.[1] !== undefined) {
    const key = safeDecode(local[1]);
    if (key !== undefined) return { kind: "local", key, ...parseQuery(query) };
  }
  return { kind: "home" };
}

/** Read the `filter=` part of a route's query; other parameters are ignored (later features). */
function parseQuery(query: string | undefined): RouteFilter {
  if (query === undefined || query === "") return {};
  if (query.length > MAX_QUERY) {
    return { filterError: `It is ${query.length} characters long, far more than any filter needs, so the link is damaged. Choose the filter again in the filter bar.` };
  }
  const filters = query.split("&").filter((part) => part.startsWith("filter="));
  // Two filters in one link: which one the sender meant cannot be told, so neither is applied.
  if (filters.length > 1) return { filterError: `The link gives the filter ${filters.length} times, so which one was meant cannot be told. Choose the filter again in the filter bar, or ask the sender for a new link.` };
  for (const part of filters) {
    const text = safeDecode(part.slice("filter=".length));
    if (text === undefined) return { filterError: "It is not valid percent-encoded text, so the link is damaged. Choose the filter again in the filter bar." };
    const parsed = surveyFilterFromParams(text);
    if (!parsed.ok) return { filterError: parsed.error.message };
    return isEmptyFilter(parsed.value) ? {} : { filter: parsed.value };
  }
  return {};
}

function safeDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

/** `?filter=…` for a non-empty filter, "" otherwise. Commas stay readable (they are legal in a fragment). */
export function filterQuery(filter: SurveyFilter | undefined): string {
  if (!filter || isEmptyFilter(filter)) return "";
  return `?filter=${encodeURIComponent(surveyFilterToParams(filter)).replace(/%2C/g, ",")}`;
}

/** The hash for a route (inverse of {@link parseRoute}; a `filterError` is not written back). */
export function formatRoute(route: Route): string {
  switch (route.kind) {
    case "bundled":
      return `#/nb/${encodeURIComponent(route.name)}${filterQuery(route.filter)}`;
    case "local":
      return `#/local/${encodeURIComponent(route.key)}${filterQuery(route.filter)}`;
    case "share":
      return `#share=${route.payload}`;
    case "home":
      return "#/";
  }
}
