import { describe, expect, it } from "vitest";
import { deflateRawSync } from "node:zlib";
import {
  checksum,
  decodeShare,
  encodeShare,
  MAX_DECODED_CHARS,
  MAX_LINK_CHARS,
  type SharePayload,
  validatePayload,
} from "../../../src/notebook/share-codec";
import type { NotebookDoc } from "../../../src/notebook/document";

const doc: NotebookDoc = {
  title: "Kommuner og æøå — test",
  theme: "air",
  attributes: [["data-x", "1"]],
  cells: [
    { id: "1", kind: "md", source: "# Hei ${region}" },
    { id: "2", kind: "js", source: "const region = view(Inputs.select([\"Nord\", \"Sør\"]))", pinned: true },
    { id: "3", kind: "js", source: "region.length * 2", attributes: [["output", "x"]] },
  ],
};
const payload: SharePayload = { doc, inputs: { region: "Sør", n: 3, list: [1, 2] } };

/** Build a link the way encodeShare does, but from arbitrary JSON, to test validation of foreign payloads. */
function rawLink(json: string): string {
  const data = deflateRawSync(Buffer.from(json, "utf8")).toString("base64url");
  return `v1.${data.length}.${checksum(json)}.${data}`;
}

describe("share codec", () => {
  it("round-trips a document and its input values exactly", async () => {
    const link = await encodeShare(payload);
    expect(link.startsWith("v1.")).toBe(true);
    expect(link).toMatch(/^[A-Za-z0-9._-]+$/);
    const back = await decodeShare(link);
    expect(back).toEqual({ ok: true, value: payload });
  });

  it("keeps a 50-cell notebook link under 8 KB", async () => {
    const cells = Array.from({ length: 50 }, (_, i) => ({
      id: String(i + 1),
      kind: "js" as const,
      source: `const v${i} = data.filter((d) => d.region === region).rollup({ n: op.count(), mean: op.mean("score${i}") })`,
    }));
    const link = await encodeShare({ doc: { title: "Big", cells }, inputs: {} });
    expect(link.length).toBeLessThan(8 * 1024);
  });

  it("reports a cut-off link as truncated", async () => {
    const link = await encodeShare(payload);
    const result = await decodeShare(link.slice(0, link.length - 10));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.kind).toBe("truncated");
      expect(result.error.message).toMatch(/cut off/);
    }
  });

  it("reports a garbled character as corrupt", async () => {
    const link = await encodeShare(payload);
    const i = link.length - 20;
    const swapped = link.slice(0, i) + (link[i] === "A" ? "B" : "A") + link.slice(i + 1);
    const result = await decodeShare(swapped);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.kind).toBe("corrupt");
  });

  it("rejects garbage, foreign text and empty links without throwing", async () => {
    for (const text of ["", "hello world", "v1.5.00000000.!!!!!", "v1.4.zzzz.AAAA", "%%%"]) {
      const result = await decodeShare(text);
      expect(result.ok, text).toBe(false);
    }
    const empty = await decodeShare("  ");
    expect(!empty.ok && empty.error.kind).toBe("empty");
  });

  it("rejects a link from another format version and says so", async () => {
    const link = (await encodeShare(payload)).replace(/^v1\./, "v9.");
    const result = await decodeShare(link);
    expect(!result.ok && result.error.kind).toBe("version");
    expect(!result.ok && result.error.message).toMatch(/v9/);
  });

  it("rejects an overlong link before decoding it", async () => {
    const result = await decodeShare("v1.1." + "0".repeat(8) + "." + "A".repeat(MAX_LINK_CHARS));
    expect(!result.ok && result.error.kind).toBe("oversized");
  });

  it("stops a decompression bomb at the decoded-size limit", async () => {
    const json = JSON.stringify({ doc: { title: "x".repeat(MAX_DECODED_CHARS + 10), cells: [] }, inputs: {} });
    const link = rawLink(json);
    expect(link.length).toBeLessThan(MAX_LINK_CHARS);
    const result = await decodeShare(link);
    expect(!result.ok && result.error.kind).toBe("oversized");
  });

  it("rejects well-formed JSON of the wrong shape with the field named", async () => {
    const cases: Array<[unknown, RegExp]> = [
      [[1, 2], /not an object/],
      [{ inputs: {} }, /doc/],
      [{ doc: { title: 1, cells: [] } }, /title/],
      [{ doc: { title: "t", cells: [{ id: "1", kind: "py", source: "" }] } }, /unknown kind/],
      [{ doc: { title: "t", cells: [{ id: "1", kind: "js", source: "a" }, { id: "1", kind: "js", source: "b" }] } }, /appears twice/],
      [{ doc: { title: "t", cells: [{ id: "1", kind: "js" }] } }, /no source/],
      [{ doc: { title: "t", cells: [] }, inputs: [1] }, /inputs/],
    ];
    for (const [value, pattern] of cases) {
      const result = await decodeShare(rawLink(JSON.stringify(value)));
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.kind).toBe("shape");
        expect(result.error.message).toMatch(pattern);
      }
    }
  });

  it("drops unknown fields so nothing but the document and inputs survives", () => {
    const result = validatePayload({ doc: { title: "t", cells: [{ id: "1", kind: "js", source: "1", value: 42 }], runtime: {} }, inputs: {}, extra: 1 });
    expect(result).toEqual({ ok: true, value: { doc: { title: "t", cells: [{ id: "1", kind: "js", source: "1" }] }, inputs: {} } });
  });
});
