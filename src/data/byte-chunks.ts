/**
 * Reading bytes in chunks from whatever the caller has — a Uint8Array (tests, fetch), a Blob or
 * File (browser file picker) or a ReadableStream (fetch body, Node's Readable.toWeb) — with
 * monotonic progress and cancellation between chunks, so a 100 MB file never sits in memory as
 * one string and a cancel takes effect within one chunk.
 */
import { type LoadProgress, throwIfCancelled } from "./load-result";

/** Anything a loader can read. */
export type ByteInput = Uint8Array | Blob | ReadableStream<Uint8Array>;

/** Chunk size for Uint8Array and Blob input: big enough to be fast, small enough to cancel promptly. */
export const CHUNK_SIZE = 1 << 20;

export interface ChunkOptions {
  file: string;
  signal?: AbortSignal;
  onProgress?: (p: LoadProgress) => void;
  /** Total size when the input is a stream whose length is known (Content-Length). */
  totalBytes?: number;
  chunkSize?: number;
}

function isBlob(input: ByteInput): input is Blob {
  return typeof Blob !== "undefined" && input instanceof Blob;
}

function isStream(input: ByteInput): input is ReadableStream<Uint8Array> {
  return typeof ReadableStream !== "undefined" && input instanceof ReadableStream;
}

/**
 * Waits for the next macrotask, so that a click on "Cancel" or a timer that calls abort() can run
 * between chunks (a resolved promise would only let other microtasks in).
 */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Size of the input when it can be known before reading. */
export function knownSize(input: ByteInput, totalBytes?: number): number | undefined {
  if (input instanceof Uint8Array) return input.byteLength;
  if (isBlob(input)) return input.size;
  return totalBytes;
}

/** Yields the input's bytes chunk by chunk, reporting progress after each and checking the signal. */
export async function* readChunks(input: ByteInput, opts: ChunkOptions): AsyncGenerator<Uint8Array> {
  const size = opts.chunkSize ?? CHUNK_SIZE;
  const total = knownSize(input, opts.totalBytes);
  let read = 0;
  const progress = (n: number): void => {
    read += n;
    opts.onProgress?.({ bytesRead: read, ...(total === undefined ? {} : { totalBytes: total }) });
  };
  throwIfCancelled(opts.signal, opts.file);
  if (input instanceof Uint8Array) {
    for (let at = 0; at < input.byteLength; at += size) {
      const chunk = input.subarray(at, Math.min(at + size, input.byteLength));
      progress(chunk.byteLength);
      yield chunk;
      await nextTask();
      throwIfCancelled(opts.signal, opts.file);
    }
    return;
  }
  if (isBlob(input)) {
    for (let at = 0; at < input.size; at += size) {
      const chunk = new Uint8Array(await input.slice(at, Math.min(at + size, input.size)).arrayBuffer());
      throwIfCancelled(opts.signal, opts.file);
      progress(chunk.byteLength);
      yield chunk;
      await nextTask();
      throwIfCancelled(opts.signal, opts.file);
    }
    return;
  }
  if (!isStream(input)) throw new TypeError("readChunks: expected a Uint8Array, Blob or ReadableStream");
  const reader = input.getReader();
  const onAbort = (): void => void reader.cancel().catch(() => undefined);
  opts.signal?.addEventListener("abort", onAbort, { once: true });
  try {
    for (;;) {
      const { done, value } = await reader.read();
      throwIfCancelled(opts.signal, opts.file);
      if (done) break;
      progress(value.byteLength);
      yield value;
      throwIfCancelled(opts.signal, opts.file);
    }
  } finally {
    opts.signal?.removeEventListener("abort", onAbort);
    reader.releaseLock();
  }
}

/** Reads the whole input into one array (for .sav, whose dictionary must be read first anyway). */
export async function readAll(input: ByteInput, opts: ChunkOptions): Promise<Uint8Array> {
  if (input instanceof Uint8Array) {
    for await (const _chunk of readChunks(input, opts)) {
      // progress and cancellation only
    }
    return input;
  }
  const parts: Uint8Array[] = [];
  let length = 0;
  for await (const chunk of readChunks(input, opts)) {
    parts.push(chunk);
    length += chunk.byteLength;
  }
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}
