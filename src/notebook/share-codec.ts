/**
 * Share-link codec: a notebook document plus its current input values, packed into a URL-hash-safe
 * string and unpacked again with strict checks. Pure: runs in Node 20 and in the browser (it only
 * needs `CompressionStream`/`DecompressionStream`, `TextEncoder` and `btoa`/`atob`).
 *
 * Wire format: `v1.<length>.<checksum>.<data>` where
 * - `data` is base64url (no padding) of the deflate-raw compressed UTF-8 JSON `{ doc, inputs }`,
 * - `length` is the number of characters of `data` (lets us tell a cut-off link from a garbled one),
 * - `checksum` is FNV-1a 32-bit (8 hex digits) of the JSON text (catches garbling that still inflates).
 *
 * Why deflate-raw through CompressionStream: it is built into Chromium and Node ≥ 20, so the codec
 * adds no bytes to the bundle, and it shrinks notebook source ~3–4× (a 50-cell notebook stays well
 * under 8 KB of link).
 *
 * Every expected failure, making a link or opening one, is a Result with a Problem whose message
 * says what to do; nothing here throws.
 */
import { ok, problem, type Problem, type Result } from "../base/result";
import { isLocale } from "../base/locale/locale";
import { isCellKind, type CellDoc, type CellVariants, type NotebookComment, type NotebookDoc } from "./document";
import { cellKindOfType } from "./format";
import { isComment } from "./html-scan";
import { isRecord } from "../base/guards";

/** Version tag at the start of every link payload; bump when the JSON shape changes. */
export const SHARE_VERSION = "v1";
/**
 * Longest encoded payload (characters after `#share=`) the app opens, and so the longest it makes.
 * Chat and mail clients cut links far shorter; beyond this a file is the right way to share.
 */
export const MAX_LINK_CHARS = 200_000;
/** Most bytes of decoded JSON a link may carry; guards against decompression bombs. */
export const MAX_DECODED_BYTES = 2_000_000;
/**
 * Most cells a link may carry. The shipped notebooks have 6–29 cells; a preview of 45,000 one-line
 * cells took 17–23 s to appear (0.4–0.5 ms a cell), so 1,000 cells stay near half a second while
 * leaving 30× the largest real notebook. Larger notebooks travel as files.
 */
export const MAX_SHARE_CELLS = 1_000;
/** Compressed bytes handed to the inflater at a time: with deflate's ~1,032:1 ceiling, at most ~0.5 MB of output per step. */
const INFLATE_SLICE = 512;

/** What a share link carries: the document (never runtime state) and the current input values. */
export interface SharePayload {
  doc: NotebookDoc;
  inputs: Record<string, unknown>;
}

export type ShareErrorKind = "empty" | "corrupt" | "truncated" | "oversized" | "version" | "shape";

/** Why a link could not be made or opened; `message` says what to do about it. */
export type ShareProblem = Problem<ShareErrorKind>;

const en = (n: number) => n.toLocaleString("en");

/** FNV-1a over UTF-16 code units: tiny, deterministic, good enough to detect accidental damage. */
export function checksum(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  }
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return undefined;
  const b64 = text.replace(/-/g, "+").replace(/_/g, "/") + "===".slice((text.length + 3) % 4);
  try {
    const binary = atob(b64);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return undefined;
  }
}

async function deflate(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
  const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream("deflate-raw"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

const STARVED = Symbol("starved");
const starved = Promise.resolve(STARVED);

/**
 * Inflate, stopping as soon as the output passes `limit` bytes. A decompressor expands whatever
 * input it is handed at once, and stream backpressure does not stop it (Node's feeds ~30 slices
 * ahead): handed the whole link, a 150 KB bomb inflates all 150 MB before the first read. So the
 * reader drives: it asks for one more {@link INFLATE_SLICE} only when it has read all output so
 * far, and the work stays within about one slice's output of `limit`.
 */
async function inflate(bytes: Uint8Array<ArrayBuffer>, limit: number): Promise<Result<Uint8Array, ShareProblem>> {
  const stream = new DecompressionStream("deflate-raw");
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  let hungry = false;
  let stopped = false;
  let wake: (() => void) | undefined;
  const setHungry = (value: boolean) => {
    hungry = value;
    if (value && wake) wake();
  };
  const untilHungry = () => (hungry || stopped ? Promise.resolve() : new Promise<void>((resolve) => (wake = resolve)));
  const feed = async () => {
    for (let at = 0; at < bytes.length; at += INFLATE_SLICE) {
      await untilHungry();
      if (stopped) return;
      await writer.write(bytes.subarray(at, at + INFLATE_SLICE));
    }
    await writer.close();
  };
  // A write fails when the data is damaged or the reader stopped; the reader reports which.
  feed().catch(() => undefined);
  const stop = () => {
    stopped = true;
    wake?.();
    return reader.cancel().catch(() => undefined);
  };
  const parts: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const pending = reader.read();
      // A read that does not settle at once has drained the output: ask for more input.
      if ((await Promise.race([pending, starved])) === STARVED) setHungry(true);
      const { done, value } = await pending;
      setHungry(false);
      if (done) break;
      total += value.byteLength;
      if (total > limit) {
        await stop();
        return problem("oversized", `This link unpacks to more than ${en(limit)} bytes, more than a notebook link may carry. Share the notebook as an exported file instead.`);
      }
      parts.push(value);
    }
  } catch {
    await stop();
    return problem("corrupt", "This link is damaged: its data does not decompress. Ask the sender to copy the link again.");
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.byteLength;
  }
  return ok(out);
}

/**
 * Pack a document and input values into a link payload (the part after `#share=`). Refuses, with
 * the reason and the fix, a notebook whose link the app would not open: more than
 * {@link MAX_SHARE_CELLS} cells, more than {@link MAX_DECODED_BYTES} of text, or a link longer than
 * {@link MAX_LINK_CHARS}.
 */
export async function encodeShare(payload: SharePayload): Promise<Result<string, ShareProblem>> {
  const cells = payload.doc.cells.length;
  if (cells > MAX_SHARE_CELLS) {
    return problem("oversized", `This notebook has ${en(cells)} cells; a share link may carry at most ${en(MAX_SHARE_CELLS)}. Export the notebook as a file and send the file instead.`);
  }
  const json = JSON.stringify({ doc: payload.doc, inputs: payload.inputs });
  const bytes = new TextEncoder().encode(json);
  if (bytes.byteLength > MAX_DECODED_BYTES) {
    return problem("oversized", `This notebook is ${en(bytes.byteLength)} bytes of text; a share link may carry at most ${en(MAX_DECODED_BYTES)}. Export the notebook as a file and send the file instead.`);
  }
  const data = toBase64Url(await deflate(bytes));
  const link = `${SHARE_VERSION}.${data.length}.${checksum(json)}.${data}`;
  if (link.length > MAX_LINK_CHARS) {
    return problem(
      "oversized",
      `This notebook makes a link of ${en(link.length)} characters; the app opens links of up to ${en(MAX_LINK_CHARS)}. Export the notebook as a file and send the file instead, or move large text out of its cells.`,
    );
  }
  return ok(link);
}

/** Unpack and validate a link payload. Never throws: every failure is a {@link ShareProblem}. */
export async function decodeShare(text: string): Promise<Result<SharePayload, ShareProblem>> {
  const trimmed = text.trim();
  if (trimmed === "") return problem("empty", "The link has no notebook in it. Copy the whole link, including everything after #share=.");
  if (trimmed.length > MAX_LINK_CHARS) {
    return problem("oversized", `This link is ${trimmed.length.toLocaleString("en")} characters long; links up to ${MAX_LINK_CHARS.toLocaleString("en")} are accepted. Share the notebook as an exported file instead.`);
  }
  const match = /^(v\d+)\.(\d+)\.([0-9a-f]{8})\.(.*)$/s.exec(trimmed);
  if (!match) {
    if (/^v\d+\./.test(trimmed)) return problem("corrupt", "This link is damaged: its header is garbled. Ask the sender to copy the link again.");
    return problem("corrupt", "This is not a Tverrsnitt share link. Copy the whole link, including everything after #share=.");
  }
  const [, version = "", lengthText = "", sum = "", data = ""] = match;
  if (version !== SHARE_VERSION) {
    return problem("version", `This link was made by a different version of Tverrsnitt (${version}; this app reads ${SHARE_VERSION}). Open it in a matching version, or ask the sender to export the notebook file.`);
  }
  const declared = Number(lengthText);
  // No link this app makes is longer than MAX_LINK_CHARS: a larger declared length is damage, not a cut.
  if (declared > MAX_LINK_CHARS) {
    return problem("corrupt", "This link is damaged: its header gives a length no share link has. Ask the sender to copy the link again.");
  }
  if (data.length < declared) {
    return problem("truncated", `This link is cut off: ${data.length.toLocaleString("en")} of ${declared.toLocaleString("en")} characters arrived. Copy the whole link again (chat apps and mail sometimes shorten long links).`);
  }
  if (data.length > declared) return problem("corrupt", "This link is damaged: it has extra characters at the end. Ask the sender to copy the link again.");
  const bytes = fromBase64Url(data);
  if (!bytes) return problem("corrupt", "This link is damaged: it contains characters a share link never has. Ask the sender to copy the link again.");
  const inflated = await inflate(bytes, MAX_DECODED_BYTES);
  if (!inflated.ok) return inflated;
  let json: string;
  try {
    json = new TextDecoder("utf-8", { fatal: true }).decode(inflated.value);
  } catch {
    return problem("corrupt", "This link is damaged: its text is not valid UTF-8. Ask the sender to copy the link again.");
  }
  if (checksum(json) !== sum) return problem("corrupt", "This link is damaged: its checksum does not match. Ask the sender to copy the link again.");
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return problem("corrupt", "This link is damaged: its contents are not valid JSON. Ask the sender to copy the link again.");
  }
  const payload = validatePayload(parsed);
  if (payload.ok && payload.value.doc.cells.length > MAX_SHARE_CELLS) {
    return problem(
      "oversized",
      `This link holds ${en(payload.value.doc.cells.length)} cells; links may carry at most ${en(MAX_SHARE_CELLS)}. Ask the sender to export the notebook as a file instead.`,
    );
  }
  return payload;
}

/**
 * An attribute name as the notebook file reader (html-scan.ts) reads one: no space, `/`, `>` or
 * `=` (or `=` alone). serializeNotebook writes names as they are, so a name with a space or `>`
 * would end the tag in an exported file and turn the rest of the name into markup — cells the
 * preview never showed (a link's `x></script><script type="module">…`).
 */
const ATTRIBUTE_NAME = /^(?:=|[^\t\n\f\r />=]+)$/;

function isAttributeList(value: unknown): value is Array<[string, string]> {
  return (
    Array.isArray(value) &&
    value.every((pair) => Array.isArray(pair) && pair.length === 2 && typeof pair[0] === "string" && ATTRIBUTE_NAME.test(pair[0]) && typeof pair[1] === "string")
  );
}

/**
 * A `type` attribute kept with a cell must name the cell's own kind: the file writer puts it on the
 * `<script>`, so a markdown cell with `type="module"` would be read back from an exported file as
 * JavaScript — code that ran as text here and in the preview.
 */
function typeContradictsKind(cell: CellDoc): string | undefined {
  const type = cell.attributes?.find(([name]) => name.toLowerCase() === "type")?.[1];
  return type !== undefined && cellKindOfType(type) !== cell.kind ? type : undefined;
}

/** The names the file writer puts on every cell's `<script>` before the cell's own attributes. */
const WRITTEN_NAMES = ["id", "pinned"];

/**
 * The first of a cell's own attribute names that a notebook file would not read back as the cell's:
 * HTML lowercases names and keeps the first of two with one name, and the writer puts `id` and
 * `pinned` first. So a `PINNED` would pin the cell in the file, and a `TYPE="module"` ahead of
 * `type="text/markdown"` would make the preview's markdown text JavaScript in the file.
 */
function unreadName(attributes: ReadonlyArray<[string, string]>): string | undefined {
  const seen = new Set(WRITTEN_NAMES);
  for (const [name] of attributes) {
    const read = name.toLowerCase();
    if (seen.has(read)) return name;
    seen.add(read);
  }
  return undefined;
}

/** A markdown cell's variants: an object of language → text, every key one of the app's languages. */
function isVariants(value: unknown): value is CellVariants {
  return isRecord(value) && Object.entries(value).every(([lang, text]) => isLocale(lang) && typeof text === "string");
}

/** A fresh variants object holding the languages' own texts in their order (never the record's prototype). */
function copyVariants(variants: CellVariants): CellVariants {
  const out: CellVariants = {};
  for (const [lang, text] of Object.entries(variants)) if (isLocale(lang) && typeof text === "string") out[lang] = text;
  return out;
}

function shape(message: string): Result<SharePayload, ShareProblem> {
  return problem("shape", `This link does not hold a valid notebook: ${message}. Ask the sender to export the notebook file instead.`);
}

function isCommentList(value: unknown): value is NotebookComment[] {
  return Array.isArray(value) && value.every((c) => isRecord(c) && typeof c.text === "string" && isComment(c.text) && (c.before === undefined || typeof c.before === "string"));
}

/**
 * Check the decoded JSON field by field and build a fresh payload holding only known fields. Also
 * used for what IndexedDB returns, so it sets no limit on size (a link's limits are in decodeShare).
 */
export function validatePayload(value: unknown): Result<SharePayload, ShareProblem> {
  if (!isRecord(value)) return shape("the payload is not an object");
  const { doc, inputs } = value;
  if (!isRecord(doc)) return shape("`doc` is missing");
  if (typeof doc.title !== "string") return shape("the notebook title is not text");
  if (!Array.isArray(doc.cells)) return shape("`doc.cells` is not a list");
  if (doc.theme !== undefined && typeof doc.theme !== "string") return shape("the theme is not text");
  if (doc.attributes !== undefined && !isAttributeList(doc.attributes)) return shape('the notebook attributes are not name/value pairs whose names have no space, "/", ">" or "="');
  if (inputs !== undefined && !isRecord(inputs)) return shape("`inputs` is not an object of name → value");
  // A comment must be exactly one HTML comment: anything else would become markup (a live cell) in an exported file.
  if (doc.comments !== undefined && !isCommentList(doc.comments)) return shape("the comments are not HTML comments");
  const cells: CellDoc[] = [];
  const seen = new Set<string>();
  for (const [index, raw] of doc.cells.entries()) {
    if (!isRecord(raw)) return shape(`cell ${index + 1} is not an object`);
    if (typeof raw.id !== "string" || raw.id === "") return shape(`cell ${index + 1} has no id`);
    if (seen.has(raw.id)) return shape(`cell id ${raw.id} appears twice`);
    seen.add(raw.id);
    if (!isCellKind(raw.kind)) return shape(`cell ${raw.id} has unknown kind ${JSON.stringify(raw.kind)}`);
    if (typeof raw.source !== "string") return shape(`cell ${raw.id} has no source text`);
    if (raw.pinned !== undefined && typeof raw.pinned !== "boolean") return shape(`cell ${raw.id} has a non-boolean pinned flag`);
    if (raw.attributes !== undefined && !isAttributeList(raw.attributes)) return shape(`cell ${raw.id} has malformed attributes (name/value pairs whose names have no space, "/", ">" or "=")`);
    if (raw.variants !== undefined && !(raw.kind === "md" && isVariants(raw.variants))) return shape(`cell ${raw.id} has variants that are not a markdown cell's texts by language ("nb", "en")`);
    if (raw.kind === "other" && !(isAttributeList(raw.attributes) && raw.attributes.some(([name]) => name.toLowerCase() === "type"))) return shape(`cell ${raw.id} of another kind has no type`);
    const unread = isAttributeList(raw.attributes) ? unreadName(raw.attributes) : undefined;
    if (unread !== undefined) return shape(`cell ${raw.id} has an attribute ${JSON.stringify(unread)} that a notebook file reads as another (names in any case are one name)`);
    const cell: CellDoc = { id: raw.id, kind: raw.kind, source: raw.source };
    if (typeof raw.pinned === "boolean") cell.pinned = raw.pinned;
    if (isAttributeList(raw.attributes)) cell.attributes = raw.attributes.map(([n, v]) => [n, v]);
    if (isVariants(raw.variants)) cell.variants = copyVariants(raw.variants);
    const contradiction = typeContradictsKind(cell);
    if (contradiction !== undefined) return shape(`cell ${raw.id} is ${raw.kind} but has type ${JSON.stringify(contradiction)}, which a notebook file reads as another kind`);
    cells.push(cell);
  }
  const out: NotebookDoc = { title: doc.title, cells };
  if (typeof doc.theme === "string") out.theme = doc.theme;
  if (isAttributeList(doc.attributes)) out.attributes = doc.attributes.map(([n, v]) => [n, v]);
  if (isCommentList(doc.comments)) out.comments = doc.comments.map((c) => (c.before === undefined ? { text: c.text } : { text: c.text, before: c.before }));
  return ok({ doc: out, inputs: inputs === undefined ? {} : { ...inputs } });
}
