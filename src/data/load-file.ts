/**
 * One entry point for every survey file: picks the loader by content first (a .sav starts with
 * "$FL2"), then by extension (.csv/.tsv, .dat/.txt/.card, .sav), then by looking at the first
 * line (a card image is digits and blanks only; a CSV has a header with letters and delimiters).
 * Takes bytes, a Blob/File or a ReadableStream, reports progress, honours an AbortSignal.
 */
import type { Codebook } from "./codebook";
import type { ByteInput } from "./byte-chunks";
import { loadCsv } from "./load-csv";
import { loadFixed } from "./load-fixed";
import { LoadError, type LoadFormat, type LoadOptions, type LoadResult, throwIfCancelled } from "./load-result";
import { loadSav } from "./load-sav";

export interface LoadFileOptions extends LoadOptions {
  /** Required for CSV and card images; optional for .sav (the file has its own dictionary). */
  codebook?: Codebook;
  /** Skip detection. */
  format?: LoadFormat;
  /** CSV only: force the delimiter. */
  delimiter?: "," | ";" | "\t";
  /** Size of a stream input (Content-Length), for progress. */
  totalBytes?: number;
}

const EXTENSIONS: Record<string, LoadFormat> = { csv: "csv", tsv: "csv", sav: "sav", dat: "fixed", card: "fixed", txt: "fixed" };

/**
 * The format of a file from its name and first bytes. `.txt` (used for both) and unknown
 * extensions are decided by the first line: only digits, blanks and minus signs means a card image, anything else CSV.
 */
export function detectFormat(name: string, head: Uint8Array): LoadFormat {
  if (head[0] === 0x24 && head[1] === 0x46 && head[2] === 0x4c && (head[3] === 0x32 || head[3] === 0x33)) return "sav";
  const ext = /\.([a-z]+)$/i.exec(name)?.[1]?.toLowerCase();
  const byExt = ext === undefined ? undefined : EXTENSIONS[ext];
  if (byExt !== undefined && ext !== "txt") return byExt;
  let firstLine = "";
  for (const b of head) {
    if (b === 0x0a || b === 0x0d) break;
    firstLine += String.fromCharCode(b);
  }
  return /^[\d -]+$/.test(firstLine) ? "fixed" : "csv";
}

/** Reads the first bytes of the input and gives back an input that still yields all of them. */
async function peek(input: ByteInput, n: number, file: string, signal?: AbortSignal): Promise<{ head: Uint8Array; input: ByteInput }> {
  throwIfCancelled(signal, file);
  if (input instanceof Uint8Array) return { head: input.subarray(0, n), input };
  if (input instanceof Blob) return { head: new Uint8Array(await input.slice(0, n).arrayBuffer()), input };
  const reader = input.getReader();
  // A stream that never delivers must still be cancellable.
  const onAbort = (): void => void reader.cancel().catch(() => undefined);
  signal?.addEventListener("abort", onAbort, { once: true });
  const first = await reader.read().finally(() => signal?.removeEventListener("abort", onAbort));
  throwIfCancelled(signal, file);
  const head = first.done ? new Uint8Array(0) : first.value;
  const rest = new ReadableStream<Uint8Array>({
    start(controller) {
      if (head.byteLength > 0) controller.enqueue(head);
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

/** Loads a survey file in any supported format. */
export async function loadFile(input: ByteInput, opts: LoadFileOptions): Promise<LoadResult> {
  const file = opts.name;
  let source = input;
  let format = opts.format;
  if (format === undefined) {
    const peeked = await peek(input, 4096, file, opts.signal);
    source = peeked.input;
    format = detectFormat(file, peeked.head);
  }
  if (format === "sav") return loadSav(source, opts);
  const { codebook } = opts;
  if (codebook === undefined) {
    throw new LoadError("codebook", `A ${format === "csv" ? "CSV file" : "card image"} needs a codebook to be read.`, {
      file, fix: "Pass the survey's codebook (data/survey-1999/codebook.json); only .sav files carry their own dictionary.",
    });
  }
  return format === "csv" ? loadCsv(source, { ...opts, codebook }) : loadFixed(source, { ...opts, codebook });
}
