/**
 * Reading a survey file into columns — the work behind `loadFile` (the loaders' entry,
 * `load-file.ts`), and what the load worker runs (it must not bundle Arquero, which only
 * `loadFile`'s table needs). It refuses a file too big to hold, samples its
 * first bytes, lets each format of the registry (`formats.ts`) say how sure it is the file is its
 * kind (content first — a .sav's magic bytes, a card's digit lines, a CSV's header — the extension
 * only breaks ties), refuses binary data no format claims, reads it with the winning format, then
 * validates once: refused when it cannot be this survey (too few of the codebook's variables, no
 * data rows), otherwise reported issue by issue.
 *
 * Takes bytes, a Blob/File or a ReadableStream, reports progress, honours an AbortSignal, and
 * resolves to a Result: never throws for anything a file can do.
 */
import { fail, ok } from "../../base/result";
import type { Codebook } from "../codebook";
import { type ByteInput, knownSize, peek } from "./byte-chunks";
import type { Delimiter } from "./csv-delimiter";
import type { FileFormat, ReadOptions, ReadOutput, Sample } from "./file-format";
import { FILE_FORMATS, formatById, formatList } from "./formats";
import { type LoadOptions, type LoadOutcome, type LoadedData, cancelledProblem, loadFailure } from "./load-result";
import { SAMPLE_BYTES, makeSample } from "./sample";
import { type CleanChecks, IssueCollector, refusal, validateColumns } from "./validate";

/**
 * The largest file the browser is asked to hold. Columns take about half a file's size and the
 * tab has a few GB; past this a load would risk the tab, so it is refused before a byte is read.
 */
export const MAX_FILE_BYTES = 1024 * 1024 * 1024;

export interface LoadFileOptions extends LoadOptions {
  /** Required for CSV and card images; optional for .sav (the file has its own dictionary). */
  codebook?: Codebook | undefined;
  /** Skip detection: the registry id of the format to read the file as. */
  format?: string;
  /** CSV only: force the delimiter. */
  delimiter?: Delimiter;
  /** The size limit (default {@link MAX_FILE_BYTES}). */
  maxBytes?: number;
  /**
   * "survey" (the default): the file must be this survey — at least half of the codebook's
   * variables, or it is refused. "table": any table the codebook names some columns of (the app's
   * own exports of result tables, read back); only "no data rows" is refused.
   */
  readAs?: "survey" | "table";
  /**
   * Awaited between the load's three steps (sniff, read, check), when given: a spare notebook frame
   * parses the bundled survey ahead in small steps (analysis/survey-source.ts, `primeBundledSurvey`).
   */
  pause?: () => Promise<void>;
}

function megabytes(bytes: number): string {
  const mb = bytes / 1_048_576;
  return `${mb < 10 ? mb.toFixed(1) : Math.round(mb)} MB`;
}

/** Below this sniff score the content is no real evidence, and a text file's extension decides. */
const SURE = 0.5;

/**
 * The format the sample is in: the highest sniff score at or above {@link SURE}, the extension
 * breaking ties. When no format is sure of a text file, the format its extension names decides (so a
 * text file called .sav is told it is not an SPSS file, and a two-line note is read — and refused —
 * as the CSV its name claims). Undefined when no format can take it: binary data without magic.
 */
export function detectFormat(sample: Sample, formats: readonly FileFormat[] = FILE_FORMATS): FileFormat | undefined {
  const scored = formats.map((format) => ({ format, score: format.sniff(sample), named: format.extensions.includes(sample.extension) }));
  const ranked = scored.sort((a, b) => b.score - a.score || Number(b.named) - Number(a.named));
  const sure = ranked.find((s) => s.score >= SURE);
  if (sure) return sure.format;
  const named = sample.text ? ranked.find((s) => s.named) : undefined;
  return (named ?? ranked.find((s) => s.score > 0))?.format;
}

/** A file sampled and its format chosen, ready to read (whole, or in parts: `split-load.ts`). */
export interface PreparedLoad {
  format: FileFormat;
  /** The input, still yielding every byte (a stream was read once for the sample). */
  input: ByteInput;
  size: number | undefined;
  /** What the format's reader is given. */
  options: ReadOptions;
}

/**
 * Everything before reading: the size limit, the sample, the format (detected unless given), the
 * codebook a format needs. A refusal here names the file and the fix.
 */
export async function prepareLoad(input: ByteInput, opts: LoadFileOptions): Promise<LoadOutcome<PreparedLoad>> {
  const file = opts.name;
  const size = knownSize(input, opts.totalBytes);
  const limit = opts.maxBytes ?? MAX_FILE_BYTES;
  if (size !== undefined && size > limit) {
    return loadFailure("too-large", `The file is ${megabytes(size)}; this browser workbench reads files up to ${megabytes(limit)}.`, {
      file, fix: `Load a part of it (fewer rows, or only the columns the notebooks use), or analyse it in PSPP or SPSS.`,
    });
  }
  if (opts.signal?.aborted) return fail(cancelledProblem(file));
  const peeked = await peek(input, SAMPLE_BYTES, opts.signal);
  if (opts.signal?.aborted) return fail(cancelledProblem(file));
  const sample = makeSample(file, peeked.head, size !== undefined ? peeked.head.byteLength >= size : peeked.head.byteLength < SAMPLE_BYTES, opts.codebook);
  const chosen = opts.format === undefined ? undefined : formatById(opts.format);
  if (opts.format !== undefined && chosen === undefined) {
    return loadFailure("unsupported", `"${opts.format}" is not a format the loaders know.`, { file, fix: `Use one of: ${FILE_FORMATS.map((f) => f.format).join(", ")}.` });
  }
  const format = chosen ?? detectFormat(sample);
  if (format === undefined) {
    return sample.binary !== undefined
      ? loadFailure("not-survey-data", `This is not a text file (${sample.binary}), and not an SPSS .sav file either.`, {
          file, fix: `Choose the survey's data as ${formatList()}; a spreadsheet (.xlsx) must first be saved as CSV.`,
        })
      : loadFailure("not-survey-data", "The file is empty.", { file, row: 1, fix: `Choose the file that holds the data, as ${formatList()}.` });
  }
  const codebook = opts.codebook;
  if (format.needsCodebook && codebook === undefined) {
    return loadFailure("codebook", `A ${format.label} needs a codebook to be read.`, {
      file, fix: "Pass the survey's codebook (data/survey-1999/codebook.json); only .sav files carry their own dictionary.",
    });
  }
  const issues = new IssueCollector(file, opts.issueLimit);
  return ok({ format, input: peeked.input, size, options: { ...opts, sample, codebook, issues, totalBytes: size } });
}

/**
 * After reading: refused when it cannot be this survey, else validated once and reported. `clean`:
 * the checks the parts of a split file already ran and found nothing in (`part-checks.ts`), valid
 * only for the codebook the parts were read through.
 */
export function finishLoad(prepared: PreparedLoad, out: ReadOutput, opts: LoadFileOptions, clean?: CleanChecks): LoadOutcome<LoadedData> {
  const file = opts.name;
  if (opts.signal?.aborted) return fail(cancelledProblem(file));
  const { format, options } = prepared;
  const { issues } = options;
  const refused = refusal(out, opts.readAs === "table" ? undefined : opts.codebook, file);
  if (refused) return fail(refused);
  validateColumns(out.columns, out.codebook, issues, {
    rowNumbers: out.rowNumbers,
    allowMissingColumns: out.allowMissingColumns,
    clean: out.codebook === options.codebook ? clean : undefined,
  });
  return ok({
    columns: out.columns,
    codebook: out.codebook,
    report: issues.report(out.columns.rows),
    source: {
      name: file, format: format.format, label: format.label, encoding: out.encoding,
      ...(out.delimiter === undefined ? {} : { delimiter: out.delimiter }),
      rows: out.columns.rows, bytes: out.bytes,
    },
  });
}

/** Loads a survey file in any registered format, as columns (what the load worker sends back). */
export async function loadColumns(input: ByteInput, opts: LoadFileOptions): Promise<LoadOutcome<LoadedData>> {
  const prepared = await prepareLoad(input, opts);
  if (!prepared.ok) return prepared;
  const { format, options } = prepared.value;
  await opts.pause?.();
  const read = await format.read(prepared.value.input, options);
  if (read.ok) await opts.pause?.();
  return read.ok ? finishLoad(prepared.value, read.value, opts) : read;
}
