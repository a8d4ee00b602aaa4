/**
 * Export and import of notebook files (Notebook Kit HTML) through the browser: a download link for
 * export, a file picker for import. Parsing and serializing live in src/notebook/format.ts.
 */
import { exportFilename } from "./export-filename";

/** A file name for a notebook title: lower-case ASCII (æ ø å spelled out), dashes, `.html`. */
export function fileNameFor(title: string): string {
  return exportFilename(title, "html", "notebook");
}

/** Offer `text` as a download named `fileName`. */
export function downloadText(fileName: string, text: string, type = "text/html"): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoke later: some browsers start the download asynchronously.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Ask the user for one file and resolve with its name and text (undefined when cancelled). */
export function pickTextFile(accept = ".html,text/html"): Promise<{ name: string; text: string } | undefined> {
  return new Promise((resolve) => {
    const input = document.createElement("input");
    input.type = "file";
    input.accept = accept;
    input.addEventListener("change", () => {
      const file = input.files?.[0];
      if (!file) return resolve(undefined);
      file.text().then(
        (text) => resolve({ name: file.name, text }),
        () => resolve(undefined),
      );
    });
    input.addEventListener("cancel", () => resolve(undefined));
    input.click();
  });
}
