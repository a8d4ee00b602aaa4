/**
 * What the app has stored in the page's own origin, read as a test sees it (not through the app).
 */
import type { Page } from "playwright-core";

/** Every record in the app's IndexedDB store, as JSON text (the page's own origin). */
export function storedText(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      new Promise<string>((done) => {
        const open = indexedDB.open("tverrsnitt");
        open.onsuccess = () => {
          const read = open.result.transaction("notebooks").objectStore("notebooks").getAll();
          read.onsuccess = () => done(JSON.stringify(read.result));
          read.onerror = () => done("unreadable");
        };
        open.onerror = () => done("no database");
      }),
  );
}
