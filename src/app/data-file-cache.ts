/**
 * The shell's copy of the small files under data/ that notebook frames read (issue 12): every
 * notebook opens in a fresh frame, and every survey notebook asks for the same five bundled files;
 * fetched once per page, each frame gets its own copy of the bytes (they are transferred to it,
 * which empties the sender's buffer). `prefetch` reads ahead; the shell uses it at boot, except
 * when the page opens a shared link, whose preview must fetch nothing before the reader agrees to run it.
 * Failures are not kept: a file that was missing is asked for again next time.
 */
import { ok, type Result } from "../base/result";

/** Reads one file under data/ (the file gate's `readDataFile`). */
export type DataFileReader = (path: string) => Promise<Result<{ path: string; bytes: ArrayBuffer }>>;

/** Files above this are not kept (a notebook's own big data file is read when asked for). */
const KEEP_BYTES = 8 * 1024 * 1024;

/** `read` with a per-page memory of the files it read; `prefetch` starts reads ahead of time. */
export function cachedDataFiles(read: DataFileReader): { read: DataFileReader; prefetch(paths: readonly string[]): void } {
  const kept = new Map<string, ReturnType<DataFileReader>>();
  const once = (path: string): ReturnType<DataFileReader> => {
    const hit = kept.get(path);
    if (hit) return hit;
    const reading = read(path);
    kept.set(path, reading);
    void reading.then(
      (result) => {
        if (!result.ok || result.value.bytes.byteLength > KEEP_BYTES) kept.delete(path);
      },
      () => kept.delete(path),
    );
    return reading;
  };
  return {
    read: async (path) => {
      const result = await once(path);
      return result.ok ? ok({ path: result.value.path, bytes: result.value.bytes.slice(0) }) : result;
    },
    prefetch: (paths) => {
      for (const path of paths) void once(path);
    },
  };
}
