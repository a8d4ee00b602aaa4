/**
 * A focused reader for SPSS/PSPP system files (.sav), after the "System File Format" appendix of
 * the PSPP developers' guide: file header (record 1), variables (2), value labels (3 + 4),
 * documents (6), extension records (7: machine info 3/4, long names 13, very long strings 14,
 * character encoding 20; others skipped), the dictionary terminator (999) and the data, plain
 * or bytecode-compressed, in either byte order. ZLIB-compressed files ($FL3) are refused with
 * the fix. Every read is bounds-checked, so a damaged file ends in a {@link SavProblem} that names
 * the byte offset, never in a hang or a RangeError. Values go straight into column builders (typed
 * arrays, dictionary-coded strings); a file whose data stops before the case count its header
 * declares is a problem, not a shorter table.
 */

import type { Result } from "../../base/result";
import { fail, ok } from "../../base/result";
import { type ColumnData, NumberColumnBuilder, TextColumnBuilder } from "./column-builders";
import { decoderFor } from "./detect-encoding";
import { Cursor, SYSMIS, SavFormatError, compressedSlots, concatSlots, plainSlots } from "./sav-bytes";

/** Why a .sav file could not be read; `offset` is the byte where reading stopped. */
export interface SavProblem {
  kind: "malformed" | "unsupported" | "truncated";
  message: string;
  offset: number;
}

/** A variable's print format: SPSS type code (5 = F, 16 = N …), width and decimals. */
export interface SavFormat {
  type: number;
  width: number;
  decimals: number;
}

/** One variable of the file's dictionary. */
export interface SavVariable {
  /** Long name when the file has one (record 7.13), else the 8-byte short name. */
  name: string;
  shortName: string;
  /** 0 numeric, > 0 string width in bytes. */
  width: number;
  /** How SPSS shows the values (F4.0 …). */
  format: SavFormat;
  label?: string;
  /** Discrete user-missing values. */
  missing: (number | string)[];
  /** User-missing range (numeric only). */
  missingRange?: { low: number; high: number };
  valueLabels: Map<number | string, string>;
}

export interface SavFile {
  variables: SavVariable[];
  /** One column per variable, in dictionary order; system missing and blank strings are missing. */
  columns: ColumnData[];
  /** Cases read (the header's declared count when it gives one: a shortfall is a problem). */
  cases: number;
  encoding: string;
  bigEndian: boolean;
  compressed: boolean;
  fileLabel: string;
}

interface RawVariable {
  shortName: Uint8Array;
  width: number;
  format: number;
  label?: Uint8Array;
  missingCount: number;
  missingRaw: Uint8Array[];
  /** The value-label records (indexes into the file's list) that name this variable, each once. */
  labelSets: number[];
  /** First dictionary slot (0-based) and number of 8-byte slots. */
  slot: number;
  slots: number;
}

const CODE_PAGES: Record<number, string> = { 65001: "utf-8", 1252: "windows-1252", 28591: "windows-1252", 20127: "utf-8", 28605: "iso-8859-15" };

/**
 * Most value labels the variables may get in all (a record's labels count once for each variable
 * it names). A value-label record names its variables by index, and nothing stops it naming many
 * variables, or one variable thousands of times: a 48 KB file whose 2,000 labels named one
 * variable 4,000 times took 42 s and 1 GB in the load worker, and the work grows with the product,
 * so a 1 MB file ran out of memory. A survey's codebook has a few thousand.
 */
export const MAX_VALUE_LABELS = 100_000;


/** Reads the header, dictionary and all cases of a .sav file. */
export function readSav(bytes: Uint8Array): Result<SavFile, SavProblem> {
  try {
    return ok(readSavOrThrow(bytes));
  } catch (e) {
    if (!(e instanceof SavFormatError)) throw e;
    return fail({ kind: e.truncated ? "truncated" : e.unsupported ? "unsupported" : "malformed", message: e.message, offset: e.offset });
  }
}

function readSavOrThrow(bytes: Uint8Array): SavFile {
  const c = new Cursor(bytes);
  const magic = String.fromCharCode(...c.take(4, "the file header"));
  if (magic === "$FL3") {
    throw new SavFormatError("This .sav file uses ZLIB compression, which this reader does not handle.", 0, true);
  }
  if (magic !== "$FL2") throw new SavFormatError(`This is not an SPSS system file (it starts with "${magic}", not "$FL2").`, 0);
  c.need(172, "the file header");
  const layout = c.view.getInt32(64, true);
  if (layout !== 2 && layout !== 3) {
    c.little = false;
    const be = c.view.getInt32(64, false);
    if (be !== 2 && be !== 3) throw new SavFormatError(`The header's layout code is ${layout}, not 2 or 3: the file is damaged.`, 64);
  }
  c.pos = 68;
  c.int("the header"); // nominal case size: recomputed from the variables
  const compression = c.int("the header");
  c.int("the header"); // weight index
  const caseCount = c.int("the header");
  const bias = c.float("the header");
  c.pos = 109;
  const fileLabelRaw = c.take(64, "the file label");
  c.pos = 176;

  const vars: RawVariable[] = [];
  const varAtSlot = new Map<number, RawVariable>();
  const labelRecords: { raw: Uint8Array; label: Uint8Array }[][] = [];
  let labelsApplied = 0;
  let slotCount = 0;
  let codePage: number | undefined;
  let encodingName: string | undefined;
  let longNames: Uint8Array | undefined;
  let veryLong: Uint8Array | undefined;
  let sysmis = SYSMIS;

  for (;;) {
    const at = c.pos;
    const type = c.int("a record type");
    if (type === 2) {
      const width = c.int("a variable record");
      const hasLabel = c.int("a variable record");
      const missingCount = c.int("a variable record");
      const format = c.int("a variable record"); // print format
      c.int("a variable record"); // write format
      const shortName = c.take(8, "a variable name");
      let label: Uint8Array | undefined;
      if (hasLabel === 1) {
        const len = c.int("a variable label");
        if (len < 0 || len > 65535) throw new SavFormatError(`Variable label length ${len} is impossible.`, c.pos);
        label = c.take(len, "a variable label");
        c.take((4 - (len % 4)) % 4, "label padding");
      }
      const nMissing = Math.abs(missingCount);
      if (nMissing > 3) throw new SavFormatError(`A variable claims ${missingCount} missing values (at most 3).`, c.pos);
      const missingRaw = Array.from({ length: nMissing }, () => c.take(8, "a missing value"));
      if (width === -1) {
        slotCount++;
        continue; // continuation of the previous string's slots
      }
      if (width < 0 || width > 255) throw new SavFormatError(`Variable width ${width} is impossible.`, at);
      const variable: RawVariable = { shortName, width, format, ...(label ? { label } : {}), missingCount, missingRaw, labelSets: [], slot: slotCount, slots: 1 };
      vars.push(variable);
      varAtSlot.set(slotCount, variable);
      slotCount++;
    } else if (type === 3) {
      const n = c.int("a value label record");
      if (n < 0 || n * 9 > c.remaining) throw new SavFormatError(`A value label record claims ${n} labels.`, at);
      const labels: { raw: Uint8Array; label: Uint8Array }[] = [];
      for (let i = 0; i < n; i++) {
        const raw = c.take(8, "a labelled value");
        const len = c.take(1, "a value label")[0] ?? 0;
        const label = c.take(len, "a value label");
        c.take((8 - ((len + 1) % 8)) % 8, "value label padding");
        labels.push({ raw, label });
      }
      if (c.int("the record after value labels") !== 4) throw new SavFormatError("Value labels are not followed by their variable list (record 4).", c.pos - 4);
      const count = c.int("a value label variable list");
      if (count < 0 || count * 4 > c.remaining) throw new SavFormatError(`A value label record lists ${count} variables.`, at);
      const record = labelRecords.push(labels) - 1;
      for (let i = 0; i < count; i++) {
        const v = varAtSlot.get(c.int("a value label variable index") - 1);
        // A variable named twice in one list gets the record's labels once.
        if (!v || v.labelSets.at(-1) === record) continue;
        labelsApplied += labels.length;
        if (labelsApplied > MAX_VALUE_LABELS) {
          throw new SavFormatError(`The file gives its variables more than ${MAX_VALUE_LABELS.toLocaleString("en")} value labels in all, far more than survey data has; this reader stops there. Fix: save the file again from SPSS or PSPP with only the survey's variables and labels.`, at, true);
        }
        v.labelSets.push(record);
      }
    } else if (type === 6) {
      const lines = c.int("a document record");
      c.take(Math.max(0, lines) * 80, "a document record");
    } else if (type === 7) {
      const subtype = c.int("an extension record");
      const size = c.int("an extension record");
      const count = c.int("an extension record");
      if (size < 0 || count < 0 || size * count > c.remaining) throw new SavFormatError(`Extension record ${subtype} claims ${size}×${count} bytes.`, at);
      const data = c.take(size * count, `extension record ${subtype}`);
      const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
      if (subtype === 3 && data.length >= 32) codePage = view.getInt32(28, c.little);
      else if (subtype === 4 && data.length >= 8) sysmis = view.getFloat64(0, c.little);
      else if (subtype === 13) longNames = data;
      else if (subtype === 14) veryLong = data;
      // An encoding's name is short: a long record spread into fromCharCode overflowed the stack.
      else if (subtype === 20) encodingName = String.fromCharCode(...data.subarray(0, 64)).trim();
    } else if (type === 999) {
      c.int("the dictionary terminator");
      break;
    } else {
      throw new SavFormatError(`Unknown record type ${type} in the dictionary: the file is damaged.`, at);
    }
  }
  if (vars.length === 0) throw new SavFormatError("The dictionary defines no variables.", c.pos);
  for (let i = 0; i < vars.length; i++) {
    const v = vars[i];
    const next = vars[i + 1];
    if (v) v.slots = (next ? next.slot : slotCount) - v.slot;
  }

  const encoding = encodingName ?? (codePage !== undefined ? CODE_PAGES[codePage] : undefined) ?? "windows-1252";
  const dec = decoderFor(encoding);
  const text = (b: Uint8Array): string => dec.decode(b).replace(/[\s\0]+$/, "");
  const pairs = (b: Uint8Array | undefined): Map<string, string> =>
    new Map(
      (b ? text(b) : "")
        .split(/[\t\0]+/)
        .map((p) => p.split("="))
        .filter((kv): kv is [string, string] => kv.length === 2 && kv[0] !== undefined && kv[1] !== undefined)
        .map(([k, v]) => [k.trim().toUpperCase(), v.trim()]),
    );
  // Each record's labels are decoded once, however many variables it names.
  const decodedLabels = new Map<number, { raw: Uint8Array; label: string }[]>();
  const labelsOf = (record: number): { raw: Uint8Array; label: string }[] => {
    let out = decodedLabels.get(record);
    if (!out) {
      out = (labelRecords[record] ?? []).map((l) => ({ raw: l.raw, label: dec.decode(l.label) }));
      decodedLabels.set(record, out);
    }
    return out;
  };
  const names = pairs(longNames);
  const widths = pairs(veryLong);

  // Merge the segments of very long strings into one variable each.
  const merged: { raw: RawVariable; width: number; segments: RawVariable[] }[] = [];
  for (let i = 0; i < vars.length; i++) {
    const raw = vars[i];
    if (!raw) continue;
    const full = Number(widths.get(text(raw.shortName).toUpperCase()));
    if (raw.width > 0 && Number.isInteger(full) && full > 255) {
      const n = Math.ceil(full / 252);
      const segments = vars.slice(i, i + n);
      if (segments.length < n) throw new SavFormatError(`A very long string of width ${full} needs ${n} segments but the dictionary ends.`, 0);
      merged.push({ raw, width: full, segments });
      i += n - 1;
    } else merged.push({ raw, width: raw.width, segments: [raw] });
  }

  const variables: SavVariable[] = merged.map(({ raw, width }) => {
    const shortName = text(raw.shortName);
    const value = (b: Uint8Array): number | string => (width === 0 ? new DataView(b.buffer, b.byteOffset, 8).getFloat64(0, c.little) : text(b));
    const missing = raw.missingRaw.map(value);
    const v: SavVariable = {
      name: names.get(shortName.toUpperCase()) ?? shortName,
      shortName,
      width,
      format: { type: (raw.format >> 16) & 0xff, width: (raw.format >> 8) & 0xff, decimals: raw.format & 0xff },
      missing: raw.missingCount < 0 ? missing.slice(2) : missing,
      valueLabels: new Map(raw.labelSets.flatMap((record) => labelsOf(record).map((l): [number | string, string] => [value(l.raw), l.label]))),
    };
    if (raw.label) v.label = text(raw.label);
    const [low, high] = missing;
    if (raw.missingCount < 0 && typeof low === "number" && typeof high === "number") v.missingRange = { low, high };
    return v;
  });

  const slotIsString: boolean[] = new Array<boolean>(slotCount).fill(false);
  for (const v of vars) for (let s = 0; s < v.slots; s++) slotIsString[v.slot + s] = v.width > 0;
  const slotsOf = (segments: RawVariable[]): number[] => segments.flatMap((s) => Array.from({ length: s.slots }, (_, k) => s.slot + k));
  const numbers = merged.map((m) => (m.width === 0 ? new NumberColumnBuilder() : undefined));
  const strings = merged.map((m) => (m.width > 0 ? new TextColumnBuilder() : undefined));
  const source = compression === 1 ? compressedSlots(c, bias, slotIsString) : compression === 0 ? plainSlots(c, slotIsString) : undefined;
  if (source === undefined) throw new SavFormatError(`Compression code ${compression} is not one this reader knows.`, 72, true);

  const declared = caseCount >= 0 ? ` The header declares ${caseCount} cases.` : "";
  const caseSlots: (number | Uint8Array)[] = new Array<number | Uint8Array>(slotCount);
  let cases = 0;
  for (; caseCount < 0 || cases < caseCount; cases++) {
    let got = 0;
    try {
      for (; got < slotCount; got++) {
        const slot = source.next();
        if (slot.done) break;
        caseSlots[got] = slot.value;
      }
    } catch (e) {
      // The bytes end inside a value: the same cut as a case with too few values.
      if (!(e instanceof SavFormatError)) throw e;
      throw new SavFormatError(`Case ${cases + 1} is cut off after ${got} of ${slotCount} values: the file holds ${cases} complete cases.${declared}`, e.offset, false, true);
    }
    if (got === 0) break;
    if (got < slotCount) {
      throw new SavFormatError(`Case ${cases + 1} is cut off after ${got} of ${slotCount} values: the file holds ${cases} complete cases.${declared}`, c.pos, false, true);
    }
    merged.forEach((m, k) => {
      const numeric = numbers[k];
      if (numeric) {
        const x = caseSlots[m.raw.slot];
        if (typeof x === "number" && x !== sysmis && x !== SYSMIS && !Number.isNaN(x)) numeric.push(x);
        else numeric.pushMissing();
        return;
      }
      // Strings: each segment contributes its own width; segments other than the last hold 255.
      const parts: Uint8Array[] = m.segments.map((seg) => {
        const b = concatSlots(slotsOf([seg]).map((s) => caseSlots[s]));
        return b.subarray(0, seg.width);
      });
      const s = text(concatSlots(parts).subarray(0, m.width));
      strings[k]?.push(s === "" ? null : s);
    });
  }
  if (caseCount >= 0 && cases < caseCount) {
    throw new SavFormatError(`The data ends after ${cases} of the ${caseCount} cases the header declares: the file was cut short.`, c.pos, false, true);
  }
  const columns = merged.map((_, k): ColumnData => numbers[k]?.finish() ?? strings[k]?.finish() ?? { type: "text", codes: new Int32Array(cases).fill(-1), dictionary: [] });
  return { variables, columns, cases, encoding, bigEndian: !c.little, compressed: compression === 1, fileLabel: text(fileLabelRaw) };
}
