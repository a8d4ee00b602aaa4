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
 */
import type { CellDoc, NotebookDoc } from "./document";

/** Version tag at the start of every link payload; bump when the JSON shape changes. */
export const SHARE_VERSION = "v1";
/** Longest encoded payload we accept (characters after `#share=`). */
export const MAX_LINK_CHARS = 200_000;
/** Longest decoded JSON we accept (characters); guards against decompression bombs. */
export const MAX_DECODED_CHARS = 2_000_000;

/** What a share link carries: the document (never runtime state) and the current input values. */
export interface SharePayload {
  doc: NotebookDoc;
  inputs: Record<string, unknown>;
}

export type ShareErrorKind = "empty" | "corrupt" | "truncated" | "oversized" | "version" | "shape";

/** Why a link could not be opened; `message` says what to do about it. */
export interface ShareError {
  kind: ShareErrorKind;
  message: string;
}

export type ShareResult<T> = { ok: true; value: T } | { ok: false; error: ShareError };

function fail<T>(kind: ShareErrorKind, message: string): ShareResult<T> {
  return { ok: false, error: { kind, message } };
}

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

/** Inflate, stopping as soon as the output passes `limit` bytes (a bomb never fully expands). */
async function inflate(bytes: Uint8Array<ArrayBuffer>, limit: number): Promise<ShareResult<Uint8Array>> {
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
  const reader = stream.getReader();
  const parts: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > limit) {
        await reader.cancel().catch(() => undefined);
        return fail("oversized", `This link unpacks to more than ${limit.toLocaleString("en")} bytes, more than a notebook link may carry. Share the notebook as an exported file instead.`);
      }
      parts.push(value);
    }
  } catch {
    return fail("corrupt", "This link is damaged: its data does not decompress. Ask the sender to copy the link again.");
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.byteLength;
  }
  return { ok: true, value: out };
}

/** Pack a document and input values into a link payload (the part after `#share=`). */
export async function encodeShare(payload: SharePayload): Promise<string> {
  const json = JSON.stringify({ doc: payload.doc, inputs: payload.inputs });
  const data = toBase64Url(await deflate(new TextEncoder().encode(json)));
  return `${SHARE_VERSION}.${data.length}.${checksum(json)}.${data}`;
}

/** Unpack and validate a link payload. Never throws: every failure is a {@link ShareError}. */
export async function decodeShare(text: string): Promise<ShareResult<SharePayload>> {
  const trimmed = text.trim();
  if (trimmed === "") return fail("empty", "The link has no notebook in it. Copy the whole link, including everything after #share=.");
  if (trimmed.length > MAX_LINK_CHARS) {
    return fail("oversized", `This link is ${trimmed.length.toLocaleString("en")} characters long; links up to ${MAX_LINK_CHARS.toLocaleString("en")} are accepted. Share the notebook as an exported file instead.`);
  }
  const match = /^(v\d+)\.(\d+)\.([0-9a-f]{8})\.(.*)$/s.exec(trimmed);
  if (!match) {
    if (/^v\d+\./.test(trimmed)) return fail("corrupt", "This link is damaged: its header is garbled. Ask the sender to copy the link again.");
    return fail("corrupt", "This is not a Tverrsnitt share link. Copy the whole link, including everything after #share=.");
  }
  const [, version = "", lengthText = "", sum = "", data = ""] = match;
  if (version !== SHARE_VERSION) {
    return fail("version", `This link was made by a different version of Tverrsnitt (${version}; this app reads ${SHARE_VERSION}). Open it in a matching version, or ask the sender to export the notebook file.`);
  }
  const declared = Number(lengthText);
  if (data.length < declared) {
    return fail("truncated", `This link is cut off: ${data.length.toLocaleString("en")} of ${declared.toLocaleString("en")} characters arrived. Copy the whole link again (chat apps and mail sometimes shorten long links).`);
  }
  if (data.length > declared) return fail("corrupt", "This link is damaged: it has extra characters at the end. Ask the sender to copy the link again.");
  const bytes = fromBase64Url(data);
  if (!bytes) return fail("corrupt", "This link is damaged: it contains characters a share link never has. Ask the sender to copy the link again.");
  const inflated = await inflate(bytes, MAX_DECODED_CHARS);
  if (!inflated.ok) return inflated;
  let json: string;
  try {
    json = new TextDecoder("utf-8", { fatal: true }).decode(inflated.value);
  } catch {
    return fail("corrupt", "This link is damaged: its text is not valid UTF-8. Ask the sender to copy the link again.");
  }
  if (checksum(json) !== sum) return fail("corrupt", "This link is damaged: its checksum does not match. Ask the sender to copy the link again.");
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return fail("corrupt", "This link is damaged: its contents are not valid JSON. Ask the sender to copy the link again.");
  }
  return validatePayload(parsed);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isAttributeList(value: unknown): value is Array<[string, string]> {
  return Array.isArray(value) && value.every((pair) => Array.isArray(pair) && pair.length === 2 && typeof pair[0] === "string" && typeof pair[1] === "string");
}

function shape(message: string): ShareResult<SharePayload> {
  return fail("shape", `This link does not hold a valid notebook: ${message}. Ask the sender to export the notebook file instead.`);
}

/** Check the decoded JSON field by field and build a fresh payload holding only known fields. */
export function validatePayload(value: unknown): ShareResult<SharePayload> {
  if (!isRecord(value)) return shape("the payload is not an object");
  const { doc, inputs } = value;
  if (!isRecord(doc)) return shape("`doc` is missing");
  if (typeof doc.title !== "string") return shape("the notebook title is not text");
  if (!Array.isArray(doc.cells)) return shape("`doc.cells` is not a list");
  if (doc.theme !== undefined && typeof doc.theme !== "string") return shape("the theme is not text");
  if (doc.attributes !== undefined && !isAttributeList(doc.attributes)) return shape("the notebook attributes are not name/value pairs");
  if (inputs !== undefined && !isRecord(inputs)) return shape("`inputs` is not an object of name → value");
  const cells: CellDoc[] = [];
  const seen = new Set<string>();
  for (const [index, raw] of doc.cells.entries()) {
    if (!isRecord(raw)) return shape(`cell ${index + 1} is not an object`);
    if (typeof raw.id !== "string" || raw.id === "") return shape(`cell ${index + 1} has no id`);
    if (seen.has(raw.id)) return shape(`cell id ${raw.id} appears twice`);
    seen.add(raw.id);
    if (raw.kind !== "js" && raw.kind !== "md") return shape(`cell ${raw.id} has unknown kind ${JSON.stringify(raw.kind)}`);
    if (typeof raw.source !== "string") return shape(`cell ${raw.id} has no source text`);
    if (raw.pinned !== undefined && typeof raw.pinned !== "boolean") return shape(`cell ${raw.id} has a non-boolean pinned flag`);
    if (raw.attributes !== undefined && !isAttributeList(raw.attributes)) return shape(`cell ${raw.id} has malformed attributes`);
    const cell: CellDoc = { id: raw.id, kind: raw.kind, source: raw.source };
    if (typeof raw.pinned === "boolean") cell.pinned = raw.pinned;
    if (isAttributeList(raw.attributes)) cell.attributes = raw.attributes.map(([n, v]) => [n, v]);
    cells.push(cell);
  }
  const out: NotebookDoc = { title: doc.title, cells };
  if (typeof doc.theme === "string") out.theme = doc.theme;
  if (isAttributeList(doc.attributes)) out.attributes = doc.attributes.map(([n, v]) => [n, v]);
  return { ok: true, value: { doc: out, inputs: inputs === undefined ? {} : { ...inputs } } };
}
