/**
 * The bytes a line-by-line reader has not finished (its carry) followed by the next chunk, in one
 * buffer reused across chunks and grown by half when it must be: a new array per chunk would leave
 * hundreds of MB of garbage behind on a big file. Shared by the CSV scanner and the card reader.
 */

/** `buffer` (its first `carry` bytes kept) with `chunk` after them, grown when it has no room; and the bytes in use. */
export function appendToCarry(buffer: Uint8Array<ArrayBuffer>, carry: number, chunk: Uint8Array): { buffer: Uint8Array<ArrayBuffer>; bytes: Uint8Array<ArrayBuffer> } {
  const n = carry + chunk.length;
  let out = buffer;
  if (out.length < n) {
    out = new Uint8Array(Math.max(n, Math.ceil(buffer.length * 1.5)));
    out.set(buffer.subarray(0, carry));
  }
  out.set(chunk, carry);
  return { buffer: out, bytes: out.subarray(0, n) };
}
