/**
 * The load worker's entry (started by `load-in-worker.ts`): reads one file with the pure loaders
 * and posts progress, then the outcome with the columns' buffers transferred. Runs in a
 * DedicatedWorkerGlobalScope, so `postMessage` and `addEventListener` here are the worker's own.
 */
import { transferables } from "../data/loaders/column-builders";
// load-columns, not the load-file entry: the worker needs the columns, not Arquero's table.
import { loadColumns } from "../data/loaders/load-columns";
import type { LoadReply, LoadRequest } from "./load-in-worker";

function reply(message: LoadReply, transfer: Transferable[] = []): void {
  postMessage(message, { transfer });
}

async function run(request: LoadRequest): Promise<void> {
  const outcome = await loadColumns(request.file, {
    ...request.options,
    onProgress: (p) => reply({ type: "progress", ...p }),
  });
  reply({ type: "done", outcome }, outcome.ok ? transferables(outcome.value.columns) : []);
}

addEventListener("message", (event: MessageEvent<LoadRequest>) => {
  run(event.data).catch((error: unknown) => reply({ type: "crashed", message: error instanceof Error ? error.message : String(error) }));
});
