/**
 * The loaders' entry: every survey file comes in through `loadFile`, in any format of the registry
 * (`formats.ts`), and leaves as an Arquero table with its validation report — or as one
 * LoadProblem saying what is wrong and the fix. The work is in `load-columns.ts` (detection, the
 * size limit, reading, validating once); this file adds the table.
 */
import { ok } from "../../base/result";
import type { ByteInput } from "./byte-chunks";
import { toLoadResult } from "./column-table";
import { type LoadFileOptions, loadColumns } from "./load-columns";
import type { LoadOutcome, LoadResult } from "./load-result";

export { MAX_FILE_BYTES, detectFormat, loadColumns, type LoadFileOptions } from "./load-columns";

/** Loads a survey file in any registered format into an Arquero table with its validation report. */
export async function loadFile(input: ByteInput, opts: LoadFileOptions): Promise<LoadOutcome<LoadResult>> {
  const loaded = await loadColumns(input, opts);
  return loaded.ok ? ok(toLoadResult(loaded.value)) : loaded;
}
