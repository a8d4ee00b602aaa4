/**
 * The sample every format's `sniff` looks at: the file's first 64 KiB, its encoding, and — when it
 * is text — its first lines. Deciding "text or not" once here is what keeps random bytes and a
 * spreadsheet saved under a .csv name from being read as a delimited file.
 */
import type { Codebook } from "../codebook";
import { binaryReason, detectEncoding, sniffBom, windows1252 } from "./detect-encoding";
import type { Sample } from "./file-format";

/** Bytes the sample covers. */
export const SAMPLE_BYTES = 64 * 1024;

/** The extension of a file name, lower case with its dot; "" when there is none. */
export function extensionOf(name: string): string {
  return /\.[a-z0-9]+$/i.exec(name)?.[0]?.toLowerCase() ?? "";
}

/** The head as text in `encoding` (BOM dropped), or undefined for bytes that cannot be decoded. */
function decodeHead(head: Uint8Array, encoding: ReturnType<typeof detectEncoding>): string {
  const body = head.subarray(sniffBom(head)?.length ?? 0);
  if (encoding === "windows-1252") return windows1252.decode(body);
  const label = encoding === "utf-8-bom" ? "utf-8" : encoding;
  // Not fatal: a multi-byte sequence cut at the end of the sample is not an error.
  return new TextDecoder(label).decode(body);
}

/** Builds the sample of a file from its first bytes (`complete` when they are all of it). */
export function makeSample(name: string, head: Uint8Array, complete: boolean, codebook?: Codebook): Sample {
  const sample: Sample = { name, extension: extensionOf(name), head, complete, codebook };
  const encoding = detectEncoding(head, complete);
  const text = decodeHead(head, encoding);
  const binary = binaryReason(text);
  if (binary !== undefined) {
    sample.binary = binary;
    return sample;
  }
  const lines = text.split(/\r\n|\n|\r/);
  // The last line of a partial head may be cut anywhere; only a whole file's last line is whole.
  if (!complete && lines.length > 1) lines.pop();
  sample.text = { encoding, lines };
  return sample;
}
