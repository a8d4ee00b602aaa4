/**
 * Fetches started when the shell boots, each handed to the first caller that asks for the same
 * URL: the open notebook's file and the notebook list load while the shell's storage opens, not
 * after it (issue 12, cold start). Any other request, or a second one for the same URL, is fetched
 * as usual.
 */

/** A `fetch` that first serves the responses to `urls` started now. */
export function earlyFetch(urls: readonly string[], fetcher: typeof fetch = (input, init) => fetch(input, init)): typeof fetch {
  const started = new Map<string, Promise<Response>>();
  for (const url of urls) {
    const response = fetcher(url);
    // A failure belongs to whoever asks for it; unasked, it is not an unhandled rejection.
    response.catch(() => undefined);
    started.set(url, response);
  }
  return (input, init) => {
    const early = typeof input === "string" && init === undefined ? started.get(input) : undefined;
    if (early && typeof input === "string") {
      started.delete(input);
      return early;
    }
    return fetcher(input, init);
  };
}
