/**
 * The load worker's entry (started by `load-in-worker.ts`, one per part of the file): reads its
 * part with the pure loaders (`split-load.ts`) and answers the page's steps — read on, finish with
 * the records before the part, join every part (part 0 only) — posting progress and then the
 * columns with their buffers transferred. A file not read in parts is loaded whole by part 0, and
 * the other workers say they are idle. Runs in a DedicatedWorkerGlobalScope, so `postMessage` and
 * `addEventListener` here are the worker's own.
 */
import { transferables } from "../data/loaders/transferables";
import type { PartData } from "../data/loaders/file-part";
// load-columns, not the load-file entry: the worker needs the columns, not Arquero's table.
import { type PreparedLoad, finishLoad, prepareLoad } from "../data/loaders/load-columns";
import type { LoadOutcome, LoadProblem, LoadedData } from "../data/loaders/load-result";
import { type StartedPart, finishPart, joinParts, planParts, startPart } from "../data/loaders/split-load";
import type { Result } from "../base/result";
import type { LoadReply, LoadRequest, PartOutcome } from "./load-in-worker";

function reply(message: LoadReply, transfer: Transferable[] = []): void {
  postMessage(message, { transfer });
}

/** The buffers of a finished part, to transfer. */
function partBuffers(part: Result<PartData, LoadProblem>): ArrayBuffer[] {
  if (!part.ok) return [];
  const rows = part.value.rowNumbers.buffer;
  return [...transferables(part.value.columns), ...(rows instanceof ArrayBuffer ? [rows] : [])];
}

/** This worker's load: set by "start", used by the later steps. */
let job: { request: Extract<LoadRequest, { type: "start" }>; prepared: PreparedLoad; part: StartedPart } | undefined;

function done(request: Extract<LoadRequest, { type: "start" }>, outcome: LoadOutcome<LoadedData>): void {
  if (!outcome.ok) return reply({ type: "done", outcome });
  // The page has the codebook it sent; send it back only when the file changed it (a .sav's labels):
  // copying ~200 KB of codebook into the page costs it a task it does not need.
  const { codebook, ...rest } = outcome.value;
  const value = codebook === request.options.codebook ? rest : { ...rest, codebook };
  reply({ type: "done", outcome: { ok: true, value } }, transferables(outcome.value.columns));
}

async function start(request: Extract<LoadRequest, { type: "start" }>): Promise<void> {
  const { file, options, part } = request;
  const first = part.index === 0;
  const onProgress = (bytesRead: number): void => reply({ type: "progress", bytesRead, totalBytes: file.size });
  // Only the first part reports the whole load's progress; the others report their part's.
  const prepared = await prepareLoad(file, first ? { ...options, onProgress: (p) => onProgress(p.bytesRead) } : options);
  if (!prepared.ok) return first ? done(request, prepared) : reply({ type: "idle" });
  const starts = part.count > 1 ? await planParts(file, prepared.value, part.count) : undefined;
  if (starts === undefined || part.index >= starts.length) {
    if (!first) return reply({ type: "idle" });
    const { format, options: readOptions } = prepared.value;
    const read = await format.read(prepared.value.input, readOptions);
    return done(request, read.ok ? finishLoad(prepared.value, read.value, options) : read);
  }
  job = { request, prepared: prepared.value, part: await startPart(file, prepared.value, starts, part.index, onProgress) };
  reply({ type: "read", summary: job.part.reading.summary() });
}

async function step(request: Exclude<LoadRequest, { type: "start" }>): Promise<void> {
  if (!job) throw new Error(`load worker: "${request.type}" before "start"`);
  if (request.type === "read-on") {
    await job.part.readOn();
    return reply({ type: "read", summary: job.part.reading.summary() });
  }
  if (request.type === "finish") {
    // The row-by-row checks run here, in every part's worker at once; the join runs only what they found.
    const part: PartOutcome = finishPart(job.part, request.base, job.prepared);
    return reply({ type: "part", part }, partBuffers(part));
  }
  const joined = joinParts(job.prepared, request.parts, job.request.options);
  // The later parts are copied into the first part's room: let them go before the columns are sent.
  request.parts.length = 0;
  done(job.request, joined);
}

addEventListener("message", (event: MessageEvent<LoadRequest>) => {
  const request = event.data;
  (request.type === "start" ? start(request) : step(request)).catch((error: unknown) =>
    reply({ type: "crashed", message: error instanceof Error ? error.message : String(error) }),
  );
});
