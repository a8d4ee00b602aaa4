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
  if (!outcome.ok) return reply({ type: "done", outcome });
  // The page has the codebook it sent; send it back only when the file changed it (a .sav's labels):
  // copying ~200 KB of codebook into the page costs it a task it does not need.
  const { codebook, ...rest } = outcome.value;
  const value = codebook === request.options.codebook ? rest : { ...rest, codebook };
  reply({ type: "done", outcome: { ok: true, value } }, transferables(outcome.value.columns));
}

addEventListener("message", (event: MessageEvent<LoadRequest>) => {
  run(event.data).catch((error: unknown) => reply({ type: "crashed", message: error instanceof Error ? error.message : String(error) }));
});
