/**
 * Wraps a realm's DecompressionStream so that it counts the compressed bytes handed to the real
 * inflater, chunk by chunk (no buffering of its own). Used in Node and, by its source text, in a
 * Chromium page (page.addInitScript), so it refers to nothing but its argument.
 */
export function installCountingDecompression(realm: { DecompressionStream: typeof DecompressionStream }): () => number {
  const Real = realm.DecompressionStream;
  let fed = 0;
  class CountingDecompressionStream {
    readonly readable: ReadableStream<Uint8Array<ArrayBuffer>>;
    readonly writable: WritableStream<BufferSource>;
    constructor(format: CompressionFormat) {
      const real = new Real(format);
      const writer = real.writable.getWriter();
      this.writable = new WritableStream<BufferSource>({
        async write(chunk) {
          fed += chunk.byteLength;
          await writer.write(chunk);
        },
        close: () => writer.close(),
        abort: (reason) => writer.abort(reason),
      });
      this.readable = real.readable;
    }
  }
  realm.DecompressionStream = CountingDecompressionStream;
  return () => fed;
}
