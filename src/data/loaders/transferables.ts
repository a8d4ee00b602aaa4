/**
 * The buffers of loaded columns, to transfer with `postMessage`. A file of its own, apart from the
 * column builders: the shell and the frame need it from their first script (the user's data crosses
 * into the frame), and the load worker needs it too, so it sits in the one small chunk both pages
 * and the worker import (vite.config.ts, loadWorkerChunkPlugin), while the builders load with the
 * loaders.
 */
import type { ColumnSet } from "./column-builders";

/** The typed arrays' buffers, for `postMessage(…, { transfer })`. */
export function transferables(set: ColumnSet): ArrayBuffer[] {
  const out: ArrayBuffer[] = [];
  for (const c of set.columns) {
    const buffer = c.type === "number" ? c.values.buffer : c.codes.buffer;
    if (buffer instanceof ArrayBuffer) out.push(buffer);
  }
  return out;
}
