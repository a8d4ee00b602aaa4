import { afterEach, describe, expect, it, vi } from "vitest";
import { deflateRawSync } from "node:zlib";
import {
  checksum,
  decodeShare,
  encodeShare,
  MAX_DECODED_BYTES,
  MAX_LINK_CHARS,
  MAX_SHARE_CELLS,
  type SharePayload,
  validatePayload,
} from "../../../src/notebook/share-codec";
import type { NotebookDoc } from "../../../src/notebook/document";
import { parseNotebook, serializeNotebook } from "../../../src/notebook/format";
import { installCountingDecompression } from "../../support/counting-decompression";

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

/** The link for a payload; the test fails if the codec refuses it. */
async function encode(value: SharePayload): Promise<string> {
  const result = await encodeShare(value);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/** Deterministic text that does not compress (so its link is long). */
function noise(chars: number): string {
  let x = 12345;
  let out = "";
  while (out.length < chars) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out += (x >>> 8).toString(36);
  }
  return out.slice(0, chars);
}

/** Build a link the way encodeShare does, but from arbitrary JSON, to test validation of foreign payloads. */
function rawLink(json: string): string {
  const data = deflateRawSync(Buffer.from(json, "utf8")).toString("base64url");
  return `v1.${data.length}.${checksum(json)}.${data}`;
}

describe("share codec", () => {
  it("round-trips a document and its input values exactly", async () => {
    const link = await encode(payload);
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
    const link = await encode({ doc: { title: "Big", cells }, inputs: {} });
    expect(link.length).toBeLessThan(8 * 1024);
  });

  it("reports a cut-off link as truncated", async () => {
    const link = await encode(payload);
    const result = await decodeShare(link.slice(0, link.length - 10));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.kind).toBe("truncated");
      expect(result.error.message).toMatch(/cut off/);
    }
  });

  it("reports a garbled character as corrupt", async () => {
    const link = await encode(payload);
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
    const link = (await encode(payload)).replace(/^v1\./, "v9.");
    const result = await decodeShare(link);
    expect(!result.ok && result.error.kind).toBe("version");
    expect(!result.ok && result.error.message).toMatch(/v9/);
  });

  it("rejects an overlong link before decoding it", async () => {
    const result = await decodeShare("v1.1." + "0".repeat(8) + "." + "A".repeat(MAX_LINK_CHARS));
    expect(!result.ok && result.error.kind).toBe("oversized");
  });

  it("stops a decompression bomb at the decoded-size limit", async () => {
    const json = JSON.stringify({ doc: { title: "x".repeat(MAX_DECODED_BYTES + 10), cells: [] }, inputs: {} });
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
      [{ doc: { title: "t", cells: [{ id: "1", kind: "other", source: "" }] } }, /no type/],
      [{ doc: { title: "t", cells: [], comments: [{ text: "<!-- a --><script>alert(1)</script><!-- b -->" }] } }, /comments are not HTML comments/],
      [{ doc: { title: "t", cells: [], comments: [{ text: "not a comment" }] } }, /comments/],
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

  it("carries every cell kind, pinned flags and comments through a link", async () => {
    const rich: SharePayload = {
      doc: {
        title: "Kit",
        cells: [
          { id: "1", kind: "html", source: "<b>${x}</b>", pinned: true },
          { id: "2", kind: "sql", source: "SELECT 1", attributes: [["database", "db"]] },
          { id: "3", kind: "other", source: "x <- 1", attributes: [["type", "text/x-r"]] },
        ],
        comments: [{ text: "<!-- note -->", before: "2" }, { text: "<!-- end -->" }],
      },
      inputs: {},
    };
    expect(await decodeShare(await encode(rich))).toEqual({ ok: true, value: rich });
  });
});

describe("share links the app would not open are refused when made", () => {
  it("refuses a link longer than the app opens, and says why and what to do", async () => {
    const result = await encodeShare({ doc: { title: "Big cell", cells: [{ id: "1", kind: "js", source: `const s = "${noise(300_000)}"` }] }, inputs: {} });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.kind).toBe("oversized");
      expect(result.error.message).toMatch(/^This notebook makes a link of [\d,]+ characters; the app opens links of up to 200,000\. Export the notebook as a file/);
    }
  });

  it("refuses a notebook whose text passes the decoder's limit even if it compresses to a short link", async () => {
    const result = await encodeShare({ doc: { title: "Repeats", cells: [{ id: "1", kind: "md", source: "a".repeat(MAX_DECODED_BYTES) }] }, inputs: {} });
    expect(!result.ok && result.error.message).toMatch(/at most 2,000,000\. Export the notebook as a file/);
  });

  it("caps the cells a link may carry, on both ends", async () => {
    const cells = Array.from({ length: MAX_SHARE_CELLS + 1 }, (_, i) => ({ id: String(i + 1), kind: "js" as const, source: `${i}` }));
    const made = await encodeShare({ doc: { title: "Many", cells }, inputs: {} });
    expect(!made.ok && made.error.message).toBe("This notebook has 1,001 cells; a share link may carry at most 1,000. Export the notebook as a file and send the file instead.");
    const opened = await decodeShare(rawLink(JSON.stringify({ doc: { title: "Many", cells }, inputs: {} })));
    expect(!opened.ok && opened.error).toEqual({ kind: "oversized", message: expect.stringMatching(/^This link holds 1,001 cells; links may carry at most 1,000\./) });
    expect(await decodeShare(await encode({ doc: { title: "Max", cells: cells.slice(0, MAX_SHARE_CELLS) }, inputs: {} }))).toMatchObject({ ok: true });
  });
});

describe("decoding hostile links", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("refuses a declared length of 10^23 as damaged, not cut off", async () => {
    const link = await encode(payload);
    const [version, , sum, data] = link.split(".");
    const result = await decodeShare(`${version}.100000000000000000000000.${sum}.${data}`);
    expect(!result.ok && result.error.kind).toBe("corrupt");
    expect(!result.ok && result.error.message).toMatch(/header gives a length no share link has/);
  });

  it("stops inflating a bomb at the cap instead of handing the inflater all of it", async () => {
    // 100 MB of spaces deflate to ~100 KB: under the link limit, 50× over the decoded limit.
    const compressed = deflateRawSync(Buffer.alloc(100_000_000, 0x20));
    const data = compressed.toString("base64url");
    expect(data.length).toBeLessThan(MAX_LINK_CHARS);
    const realm = { DecompressionStream };
    const fed = installCountingDecompression(realm);
    vi.stubGlobal("DecompressionStream", realm.DecompressionStream);
    const result = await decodeShare(`v1.${data.length}.00000000.${data}`);
    expect(!result.ok && result.error.kind).toBe("oversized");
    // The whole bomb went in as one chunk before. Node's inflater works lazily, so what it is fed
    // runs ahead of what it inflates; the tight bound (a few slices) is checked in Chromium, whose
    // inflater expands each chunk at once (test/browser/share-links.test.ts).
    expect(compressed.byteLength).toBeGreaterThan(90_000);
    expect(fed()).toBeLessThan(compressed.byteLength / 4);
  });
});

describe("a link cannot hold what an exported file would read as other cells", () => {
  /** The cells (id, kind, source) a notebook file written from `doc` is read back as. */
  function reread(doc: NotebookDoc): Array<[string, string, string]> {
    const parsed = parseNotebook(serializeNotebook(doc));
    if (!parsed.ok) throw new Error(parsed.error.message);
    return parsed.value.doc.cells.map((c) => [c.id, c.kind, c.source]);
  }
  const breakout = 'x></script><script id="9" type="module">leak()</script><script y';
  const hostile: Array<[string, NotebookDoc, RegExp]> = [
    ["a cell attribute name that ends the tag", { title: "t", cells: [{ id: "1", kind: "md", source: "# Hi", attributes: [[breakout, ""]] }] }, /cell 1 has malformed attributes/],
    ["a notebook attribute name that ends the tag", { title: "t", cells: [{ id: "1", kind: "md", source: "# Hi" }], attributes: [[breakout, ""]] }, /notebook attributes are not name\/value pairs/],
    ["a markdown cell with type=module", { title: "t", cells: [{ id: "1", kind: "md", source: "leak()", attributes: [["type", "module"]] }] }, /cell 1 is md but has type "module"/],
    ["an unknown-kind cell with a JavaScript type", { title: "t", cells: [{ id: "1", kind: "other", source: "leak()", attributes: [["type", "text/javascript"]] }] }, /cell 1 is other but has type "text\/javascript"/],
  ];

  it.each(hostile)("refuses %s (the preview shows text, the exported file would run code)", (_, bad, message) => {
    // What the file writer would make of it today: not the cells the preview showed.
    expect(reread(bad)).not.toEqual(bad.cells.map((c) => [c.id, c.kind, c.source]));
    const result = validatePayload({ doc: bad, inputs: {} });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.kind).toBe("shape");
    expect(!result.ok && result.error.message).toMatch(message);
    expect(!result.ok && result.error.message).toMatch(/Ask the sender to export the notebook file instead\.$/);
  });

  it("still takes every attribute a notebook file can hold, and those round-trip as the same cells", () => {
    const file = `<!doctype html>\n<notebook theme="air" data-x="1" a"b='2'>\n  <title>T</title>\n  <script id="1" type="text/x-r" output="x">\n    x <- 1\n  </script>\n  <script id="2" type="text/javascript" =>\n    1 + 1\n  </script>\n</notebook>\n`;
    const parsed = parseNotebook(file);
    if (!parsed.ok) throw new Error(parsed.error.message);
    const checked = validatePayload({ doc: parsed.value.doc, inputs: {} });
    if (!checked.ok) throw new Error(checked.error.message);
    expect(checked.value.doc).toEqual(parsed.value.doc);
    expect(reread(checked.value.doc)).toEqual([
      ["1", "other", "x <- 1"],
      ["2", "js", "1 + 1"],
    ]);
  });
});
