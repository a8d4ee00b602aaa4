/**
 * Reading bytes in chunks from whatever the caller has — a Uint8Array (tests, fetch), a Blob or
 * File (browser file picker) or a ReadableStream (fetch body, Node's Readable.toWeb) — with
 * monotonic progress and cancellation between chunks, so a big file never sits in memory whole and
 * a cancel takes effect within one chunk. A cancelled read simply ends; the reader checks
 * `signal.aborted` afterwards and reports the "cancelled" problem.
 */
import type { LoadProgress } from "./load-result";

/** Anything a loader can read. */
export type ByteInput = Uint8Array | Blob | ReadableStream<Uint8Array>;

/** Chunk size for Uint8Array and Blob input: big enough to be fast, small enough to cancel promptly. */
export const CHUNK_SIZE = 1 << 21;

export interface ChunkOptions {
  signal?: AbortSignal | undefined;
  onProgress?: ((p: LoadProgress) => void) | undefined;
  /** Total size when the input is a stream whose length is known (Content-Length). */
  totalBytes?: number | undefined;
  chunkSize?: number;
  /**
   * The reader is done with each chunk when it asks for the next (it copied what it keeps): a
   * Blob is then read into one buffer, refilled chunk after chunk (see {@link readBlobReusing}).
   */
  reuse?: boolean;
}

function isBlob(input: ByteInput): input is Blob {
  return typeof Blob !== "undefined" && input instanceof Blob;
}

/**
 * Waits for the next macrotask, so that a click on "Cancel" or a timer that calls abort() can run
 * between chunks (a resolved promise would only let other microtasks in). Without a signal there
 * is nothing to let in (the load worker is cancelled by terminating it), so no wait: nested
 * timers are clamped to 4 ms, which a 500 MB file would pay 250 times.
 */
function nextTask(signal: AbortSignal | undefined): Promise<void> | undefined {
  return signal ? new Promise((resolve) => setTimeout(resolve, 0)) : undefined;
}

/** Size of the input when it can be known before reading. */
export function knownSize(input: ByteInput, totalBytes?: number): number | undefined {
  if (input instanceof Uint8Array) return input.byteLength;
  if (isBlob(input)) return input.size;
  return totalBytes;
}

/** The first `n` bytes, and an input that still yields all of them (a stream is read once). */
export async function peek(input: ByteInput, n: number, signal?: AbortSignal): Promise<{ head: Uint8Array; input: ByteInput }> {
  if (input instanceof Uint8Array) return { head: input.subarray(0, n), input };
  if (isBlob(input)) return { head: new Uint8Array(await input.slice(0, n).arrayBuffer()), input };
  const reader = input.getReader();
  // A stream that never delivers must still be cancellable.
  const onAbort = (): void => void reader.cancel().catch(() => undefined);
  signal?.addEventListener("abort", onAbort, { once: true });
  const parts: Uint8Array[] = [];
  let length = 0;
  let done = false;
  try {
    while (length < n && !signal?.aborted) {
      const next = await reader.read();
      if (next.done) {
        done = true;
        break;
      }
      parts.push(next.value);
      length += next.value.byteLength;
    }
  } finally {
    signal?.removeEventListener("abort", onAbort);
  }
  const head = concatBytes(parts);
  const rest = new ReadableStream<Uint8Array>({
    start(controller) {
      if (head.byteLength > 0) controller.enqueue(head);
      if (done) controller.close();
    },
    async pull(controller) {
      const next = await reader.read();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
  return { head: head.subarray(0, n), input: rest };
}

/** Yields the input's bytes chunk by chunk, reporting progress after each; stops when the signal fires. */
export async function* readChunks(input: ByteInput, opts: ChunkOptions): AsyncGenerator<Uint8Array> {
  const size = opts.chunkSize ?? CHUNK_SIZE;
  const total = knownSize(input, opts.totalBytes);
  let read = 0;
  const progress = (n: number): void => {
    read += n;
    opts.onProgress?.({ bytesRead: read, ...(total === undefined ? {} : { totalBytes: total }) });
  };
  const { signal } = opts;
  if (signal?.aborted) return;
  if (input instanceof Uint8Array) {
    for (let at = 0; at < input.byteLength; at += size) {
      const chunk = input.subarray(at, Math.min(at + size, input.byteLength));
      progress(chunk.byteLength);
      yield chunk;
      await nextTask(signal);
      if (signal?.aborted) return;
    }
    return;
  }
  if (isBlob(input) && opts.reuse) {
    const reader = byobReader(input);
    if (reader) {
      yield* readBlobReusing(reader, size, progress, signal);
      return;
    }
  }
  if (isBlob(input)) {
    // One read ahead: the browser fetches the next chunk while the reader parses this one.
    const slice = (at: number): Promise<ArrayBuffer> => {
      const read = input.slice(at, Math.min(at + size, input.size)).arrayBuffer();
      read.catch(() => undefined); // a read left pending by a cancel must not surface as unhandled
      return read;
    };
    let next = input.size > 0 ? slice(0) : undefined;
    for (let at = 0; next !== undefined; at += size) {
      const chunk = new Uint8Array(await next);
      next = at + size < input.size ? slice(at + size) : undefined;
      if (signal?.aborted) return;
      progress(chunk.byteLength);
      yield chunk;
      await nextTask(signal);
      if (signal?.aborted) return;
    }
    return;
  }
  const reader = input.getReader();
  const onAbort = (): void => void reader.cancel().catch(() => undefined);
  signal?.addEventListener("abort", onAbort, { once: true });
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done || signal?.aborted) break;
      progress(value.byteLength);
      yield value;
      if (signal?.aborted) break;
    }
  } finally {
    signal?.removeEventListener("abort", onAbort);
    reader.releaseLock();
  }
}

/** A reader that fills buffers it is given (a "bring your own buffer" reader) of the Blob, where the engine has one. */
function byobReader(blob: Blob): ReadableStreamBYOBReader | undefined {
  try {
    return blob.stream().getReader({ mode: "byob" });
  } catch {
    return undefined; // the engine's Blob stream is not a byte stream
  }
}

/**
 * Yields a Blob's bytes in chunks of `size`, each read into the same buffer. Every read of a Blob
 * slice makes a new ArrayBuffer, and a loader's few JavaScript objects rarely trigger the
 * collection that frees them: Chromium held a worker's whole part of the file (25 MB of a 50 MB
 * card image per worker) until the worker ended, measured. One buffer, filled by a BYOB reader,
 * leaves none behind. The reader must be done with a chunk when it asks for the next.
 */
async function* readBlobReusing(reader: ReadableStreamBYOBReader, size: number, progress: (n: number) => void, signal: AbortSignal | undefined): AsyncGenerator<Uint8Array> {
  let buffer = new ArrayBuffer(size);
  try {
    for (;;) {
      // Fill the whole buffer (a read may return less than asked), unless the file ends first.
      let filled = 0;
      let done = false;
      while (filled < size) {
        const read = await reader.read(new Uint8Array(buffer, filled, size - filled));
        if (read.value) buffer = read.value.buffer;
        if (read.done) {
          done = true;
          break;
        }
        filled += read.value.byteLength;
      }
      if (signal?.aborted) return;
      if (filled > 0) {
        progress(filled);
        yield new Uint8Array(buffer, 0, filled);
        await nextTask(signal);
        if (signal?.aborted) return;
      }
      if (done) return;
    }
  } finally {
    // Stops the read when the loop ends early (a cancel, a reader that stopped at a problem).
    reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}

/** Reads the whole input into one array (for .sav, whose dictionary must be read first anyway). */
export async function readAll(input: ByteInput, opts: ChunkOptions): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const chunk of readChunks(input, opts)) parts.push(chunk);
  return input instanceof Uint8Array && !opts.signal?.aborted ? input : concatBytes(parts);
}

/** Typed arrays joined end to end into one made by `make` (a single part is returned as it is). */
export function concatArrays<T extends { readonly length: number; set(values: ArrayLike<number>, offset: number): void }>(parts: readonly T[], make: (length: number) => T): T {
  if (parts.length === 1 && parts[0]) return parts[0];
  const out = make(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** The parts joined into one array. */
export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  return concatArrays(parts, (n) => new Uint8Array(n));
}

/** Passes chunks through, adding their sizes to `counter.bytes`. */
export async function* countBytes(chunks: AsyncIterable<Uint8Array>, counter: { bytes: number }): AsyncGenerator<Uint8Array> {
  for await (const chunk of chunks) {
    counter.bytes += chunk.byteLength;
    yield chunk;
  }
}
