/**
 * Loading a user's file off the main thread, in as many module workers (`load-worker.ts`) as the
 * browser has cores (at most four; one for a small file): the file (a Blob; only a reference
 * crosses) and the codebook go to each, each reads its part of the file (`split-load.ts`) and says
 * how it ended; this page only checks the parts' starts in file order (`settleParts`: a part whose
 * start was inside a quoted field is dropped and the part before reads on), tells each part how
 * many records came before it, and hands the finished parts to the first worker, which joins and
 * validates them. The columns come back as typed arrays, transferred, not copied; the page only
 * wraps them into an Arquero table, so it answers input the whole time.
 *
 * Cancel terminates the workers: whatever they were doing and holding is gone at once. Fresh
 * workers per load, so nothing from an earlier file can leak into the next.
 */
import { type Result, fail, ok } from "../base/result";
import { toLoadResult } from "../data/loaders/column-table";
import type { PartData, PartSummary } from "../data/loaders/file-part";
import type { LoadFileOptions } from "../data/loaders/load-columns";
import { type LoadOutcome, type LoadProblem, type LoadResult, type LoadedData, cancelledProblem } from "../data/loaders/load-result";
import { partCount } from "../data/loaders/part-count";
import { settleParts } from "../data/loaders/settle-parts";
// The worker is a chunk of the app's build, sharing the loaders' chunks (vite.config.ts, loadWorkerChunkPlugin).
import loadWorkerUrl from "virtual:load-worker-url";

/** Serialisable load options (no signal, no callback). */
type WorkerOptions = Pick<LoadFileOptions, "name" | "codebook" | "format" | "delimiter" | "issueLimit" | "maxBytes" | "readAs">;

/** A finished part, or the problem that stopped it. */
export type PartOutcome = Result<PartData, LoadProblem>;

/** What the page asks a worker: start part `index` of `count`; then read on, finish, or (part 0) join. */
export type LoadRequest =
  | { type: "start"; file: Blob; options: WorkerOptions; part: { index: number; count: number } }
  | { type: "read-on" }
  | { type: "finish"; base: number }
  | { type: "join"; parts: PartOutcome[] };

/** Loaded data as it crosses back: the codebook only when the file changed it (a .sav's labels). */
export type LoadedReply = Omit<LoadedData, "codebook"> & { codebook?: LoadedData["codebook"] };

/**
 * What a worker answers: progress any number of times; then the whole outcome (part 0 of a file
 * not split, or after "join"), "idle" (a file not split), a part's summary, or a finished part; or
 * the crash of a bug.
 */
export type LoadReply =
  | { type: "progress"; bytesRead: number; totalBytes?: number }
  | { type: "done"; outcome: LoadOutcome<LoadedReply> }
  | { type: "idle" }
  | { type: "read"; summary: PartSummary }
  | { type: "part"; part: PartOutcome }
  | { type: "crashed"; message: string };

/** The buffers of finished parts, to transfer on to the joining worker. */
function partBuffers(parts: readonly PartOutcome[]): ArrayBuffer[] {
  const out: ArrayBuffer[] = [];
  for (const part of parts) {
    if (!part.ok) continue;
    const { columns, rowNumbers } = part.value;
    for (const column of columns.columns) {
      const buffer = column.type === "number" ? column.values.buffer : column.codes.buffer;
      if (buffer instanceof ArrayBuffer) out.push(buffer);
    }
    if (rowNumbers.buffer instanceof ArrayBuffer) out.push(rowNumbers.buffer);
  }
  return out;
}

/** Loads `file` in workers; same contract as `loadFile` (a Result, never a throw for the file's sake). */
export function loadInWorker(file: Blob, options: LoadFileOptions, cores = navigator.hardwareConcurrency): Promise<LoadOutcome<LoadResult>> {
  const { signal, onProgress, name } = options;
  if (signal?.aborted) return Promise.resolve(fail(cancelledProblem(name)));
  return new Promise((resolve, reject) => {
    const count = partCount(file.size, cores);
    const workers: (Worker | undefined)[] = Array.from({ length: count }, (_, index) =>
      new Worker(new URL(loadWorkerUrl, import.meta.url), { type: "module", name: `tverrsnitt-load-${index + 1}` }));
    /** Parts still in play: 0 … live − 1. */
    let live = count;
    const summaries: (PartSummary | undefined)[] = [];
    const finished: (PartOutcome | undefined)[] = [];
    let finishing = 0;
    const progress: number[] = workers.map(() => 0);
    let shown = 0;
    const stop = (index: number): void => {
      workers[index]?.terminate();
      workers[index] = undefined;
    };
    const finish = (): void => {
      workers.forEach((_, i) => stop(i));
      signal?.removeEventListener("abort", onAbort);
    };
    const onAbort = (): void => {
      finish();
      resolve(fail(cancelledProblem(name)));
    };
    signal?.addEventListener("abort", onAbort, { once: true });
    const post = (index: number, request: LoadRequest, transfer: Transferable[] = []): void => workers[index]?.postMessage(request, { transfer });

    /** Every part in play has read its bytes: check their starts (see the file comment). */
    const settle = (): void => {
      const ready: PartSummary[] = [];
      for (let i = 0; i < live; i++) {
        const summary = summaries[i];
        if (summary === undefined) return;
        ready.push(summary);
      }
      const settled = settleParts(ready);
      if (settled.kind === "read-on") {
        for (let i = settled.part + 1; i < live; i++) stop(i);
        live = settled.part + 1;
        summaries[settled.part] = undefined;
        post(settled.part, { type: "read-on" });
        return;
      }
      for (let i = settled.bases.length; i < live; i++) stop(i);
      live = settled.bases.length;
      finishing = live;
      settled.bases.forEach((base, i) => post(i, { type: "finish", base }));
    };

    const onReply = (index: number, reply: LoadReply): void => {
      switch (reply.type) {
        case "progress": {
          progress[index] = reply.bytesRead;
          // Parts dropped after reading on still counted their bytes: never past the file, never backwards.
          shown = Math.max(shown, Math.min(file.size, progress.reduce((a, b) => a + b, 0)));
          onProgress?.({ bytesRead: shown, totalBytes: file.size });
          return;
        }
        case "idle":
          stop(index);
          // Every worker plans the same parts from the same bytes; a part that will never report is a bug.
          if (index < live && summaries[0] !== undefined) {
            finish();
            reject(new Error("the load workers planned different parts of the file"));
          }
          return;
        case "read":
          if (workers.some((w, i) => w === undefined && i < live)) {
            finish();
            reject(new Error("the load workers planned different parts of the file"));
            return;
          }
          summaries[index] = reply.summary;
          settle();
          return;
        case "part": {
          finished[index] = reply.part;
          if (index !== 0) stop(index);
          if (--finishing > 0) return;
          const parts: PartOutcome[] = [];
          for (let i = 0; i < live; i++) {
            const part = finished[i];
            if (part === undefined) throw new Error(`part ${i} finished without its data`);
            parts.push(part);
          }
          post(0, { type: "join", parts }, partBuffers(parts));
          return;
        }
        case "crashed":
          finish();
          reject(new Error(reply.message));
          return;
        case "done": {
          finish();
          if (!reply.outcome.ok) return resolve(reply.outcome);
          const { codebook, ...rest } = reply.outcome.value;
          const used = codebook ?? options.codebook;
          // A CSV or card image needs the codebook it was read through; the worker was given it.
          if (used === undefined) reject(new Error("the loader sent data without a codebook"));
          else resolve(ok(toLoadResult({ ...rest, codebook: used })));
        }
      }
    };

    const { codebook, format, delimiter, issueLimit, maxBytes, readAs } = options;
    workers.forEach((worker, index) => {
      worker?.addEventListener("message", (event: MessageEvent<LoadReply>) => onReply(index, event.data));
      worker?.addEventListener("error", (event) => {
        finish();
        reject(new Error(event.message || "the loader could not start in this browser"));
      });
      post(index, { type: "start", file, options: { name, codebook, format, delimiter, issueLimit, maxBytes, readAs }, part: { index, count } });
    });
  });
}
