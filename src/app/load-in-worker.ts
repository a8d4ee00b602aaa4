/**
 * Loading a user's file off the main thread: the file (a Blob; only a reference crosses) and the
 * codebook go to a fresh module worker (`load-worker.ts`), which reads, parses and validates it
 * there and sends back progress and then the columns as typed arrays, transferred, not copied. The
 * main thread only wraps them into an Arquero table, so the page answers input the whole time.
 *
 * Cancel terminates the worker: whatever it was doing and holding is gone at once. One worker per
 * load, so nothing from an earlier file can leak into the next.
 */
import { fail, ok } from "../base/result";
import { toLoadResult } from "../data/loaders/column-table";
import type { LoadFileOptions } from "../data/loaders/load-columns";
import { type LoadOutcome, type LoadResult, type LoadedData, cancelledProblem } from "../data/loaders/load-result";

/** What the page asks the worker to load: serialisable options only (no signal, no callback). */
export interface LoadRequest {
  file: Blob;
  options: Pick<LoadFileOptions, "name" | "codebook" | "format" | "delimiter" | "issueLimit" | "maxBytes" | "readAs">;
}

/** Loaded data as it crosses back: the codebook only when the file changed it (a .sav's labels). */
export type LoadedReply = Omit<LoadedData, "codebook"> & { codebook?: LoadedData["codebook"] };

/** What the worker answers: progress any number of times, then the outcome (or the crash of a bug). */
export type LoadReply =
  | { type: "progress"; bytesRead: number; totalBytes?: number }
  | { type: "done"; outcome: LoadOutcome<LoadedReply> }
  | { type: "crashed"; message: string };

/** Loads `file` in a worker; same contract as `loadFile` (a Result, never a throw for the file's sake). */
export function loadInWorker(file: Blob, options: LoadFileOptions): Promise<LoadOutcome<LoadResult>> {
  const { signal, onProgress, name } = options;
  if (signal?.aborted) return Promise.resolve(fail(cancelledProblem(name)));
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL("./load-worker.ts", import.meta.url), { type: "module", name: "tverrsnitt-load" });
    const finish = (): void => {
      worker.terminate();
      signal?.removeEventListener("abort", onAbort);
    };
    const onAbort = (): void => {
      finish();
      resolve(fail(cancelledProblem(name)));
    };
    signal?.addEventListener("abort", onAbort, { once: true });
    worker.addEventListener("message", (event: MessageEvent<LoadReply>) => {
      const reply = event.data;
      if (reply.type === "progress") {
        onProgress?.(reply.totalBytes === undefined ? { bytesRead: reply.bytesRead } : { bytesRead: reply.bytesRead, totalBytes: reply.totalBytes });
        return;
      }
      finish();
      if (reply.type === "crashed") reject(new Error(reply.message));
      else if (!reply.outcome.ok) resolve(reply.outcome);
      else {
        const { codebook, ...rest } = reply.outcome.value;
        const used = codebook ?? options.codebook;
        // A CSV or card image needs the codebook it was read through; the worker was given it.
        if (used === undefined) reject(new Error("the loader sent data without a codebook"));
        else resolve(ok(toLoadResult({ ...rest, codebook: used })));
      }
    });
    worker.addEventListener("error", (event) => {
      finish();
      reject(new Error(event.message || "the loader could not start in this browser"));
    });
    const { codebook, format, delimiter, issueLimit, maxBytes, readAs } = options;
    const request: LoadRequest = { file, options: { name, codebook, format, delimiter, issueLimit, maxBytes, readAs } };
    worker.postMessage(request);
  });
}
