import { describe, expect, it } from "vitest";
import { detectFormat } from "../../../../src/data/loaders/load-file";
import type { LoadProgress } from "../../../../src/data/loaders/load-result";
import { makeSample } from "../../../../src/data/loaders/sample";
import { fixture, loaded, refused, smallCodebook as codebook } from "./helpers";

/** The format detection picks for a whole file called `name`. */
function formatOf(name: string, bytes: Uint8Array): string | undefined {
  return detectFormat(makeSample(name, bytes, true, codebook))?.format;
}

const ROW = "1,1,1,1,,1,2,45,3,0219,Bærum,2\n";
const HEADER = "resp_id,q1,q3,q4_1,q4_2,q4_3,q30_1,q33,q34,knr,name,fylke\n";

/** A CSV of `rows` data rows as bytes, ids 1…rows. */
function bigCsv(rows: number): Uint8Array<ArrayBuffer> {
  const parts = [HEADER];
  for (let i = 1; i <= rows; i++) parts.push(`${i}${ROW.slice(1)}`);
  return new TextEncoder().encode(parts.join(""));
}

/** A lazily generated stream of `totalBytes` of card image lines, in 64 KiB chunks. */
function cardStream(totalBytes: number): ReadableStream<Uint8Array> {
  const line = new TextEncoder().encode("0001111 12453\n");
  const chunk = new Uint8Array(64 * 1024 - ((64 * 1024) % line.length));
  for (let at = 0; at < chunk.length; at += line.length) chunk.set(line, at);
  let sent = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= totalBytes) return controller.close();
      const n = Math.min(chunk.length, totalBytes - sent);
      sent += n;
      controller.enqueue(chunk.slice(0, n));
    },
  });
}

describe("detectFormat", () => {
  it("tells .sav by its magic bytes whatever the name", () => {
    expect(formatOf("data.csv", fixture("small-compressed.sav"))).toBe("sav");
  });
  it("goes by content, whatever the extension says", () => {
    expect(formatOf("x.csv", fixture("small.dat"))).toBe("fixed");
    expect(formatOf("x.dat", fixture("small.dat"))).toBe("fixed");
    expect(formatOf("x.txt", fixture("small.dat"))).toBe("fixed");
    expect(formatOf("x.txt", fixture("small-utf8.csv"))).toBe("csv");
    expect(formatOf("x.dat", fixture("small-cp1252.csv"))).toBe("csv");
    expect(formatOf("noext", fixture("small-tab.csv"))).toBe("csv");
  });
  it("claims no format for binary data", () => {
    expect(formatOf("x.csv", Uint8Array.of(0x50, 0x4b, 3, 4, 0, 0, 0, 0, 1, 2))).toBeUndefined();
  });
});

describe("loadFile", () => {
  it("loads CSV, card image and .sav to equal tables on the card columns", async () => {
    const names = ["small-utf8.csv", "small-cp1252.csv", "small.dat", "small-compressed.sav", "small-uncompressed.sav"];
    const tables = await Promise.all(names.map((n) => loaded(fixture(n), { name: n, codebook })));
    expect(tables.map((t) => t.source.format)).toEqual(["csv", "csv", "fixed", "sav", "sav"]);
    const cols = tables[2]?.table.columnNames() ?? [];
    const base = tables[0]?.table.select(cols).objects();
    for (const t of tables) expect(t.table.select(cols).objects()).toEqual(base);
  });

  it("reads a Blob and a ReadableStream like bytes", async () => {
    const bytes = fixture("small-cp1252.csv");
    const fromBlob = await loaded(new Blob([bytes]), { name: "a.csv", codebook });
    const fromStream = await loaded(new Blob([bytes]).stream(), { name: "a.csv", codebook });
    const fromBytes = await loaded(bytes, { name: "a.csv", codebook });
    expect(fromBlob.table.objects()).toEqual(fromBytes.table.objects());
    expect(fromStream.table.objects()).toEqual(fromBytes.table.objects());
    expect(fromStream.source.encoding).toBe("windows-1252");
  });

  it("reports monotonic progress that ends at the total, across many chunks", async () => {
    const bytes = bigCsv(400_000); // about 12 MB: several 2 MiB chunks
    const seen: LoadProgress[] = [];
    const r = await loaded(new Blob([bytes]), { name: "big.csv", codebook, onProgress: (p) => seen.push(p) });
    expect(r.table.numRows()).toBe(400_000);
    expect(r.report.total).toBe(0);
    expect(seen.length).toBeGreaterThan(4);
    for (let i = 1; i < seen.length; i++) expect(seen[i]?.bytesRead).toBeGreaterThan(seen[i - 1]?.bytesRead ?? Infinity);
    expect(seen.at(-1)).toEqual({ bytesRead: bytes.byteLength, totalBytes: bytes.byteLength });
    // UTF-8 "æ" split across chunk boundaries still decodes
    expect(r.table.array("name")[399_999]).toBe("Bærum");
  });

  it("streams a 100 MB card image and stops with a 'cancelled' problem when aborted", async () => {
    const total = 100 * 1024 * 1024;
    const controller = new AbortController();
    const seen: number[] = [];
    const e = await refused(cardStream(total), {
      name: "huge.dat", codebook, totalBytes: total, signal: controller.signal,
      onProgress: (p) => {
        seen.push(p.bytesRead);
        if (p.bytesRead > 5 * 1024 * 1024) controller.abort();
      },
    });
    expect(e).toMatchObject({ kind: "cancelled", file: "huge.dat" });
    expect(seen.at(-1)).toBeLessThan(6 * 1024 * 1024);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
  });

  it("lets a timer's abort() land between chunks of an in-memory file", async () => {
    const controller = new AbortController();
    let last = 0;
    const load = refused(bigCsv(200_000), { name: "big.csv", codebook, signal: controller.signal, onProgress: (p) => (last = p.bytesRead) });
    setTimeout(() => controller.abort(), 0);
    expect(await load).toMatchObject({ kind: "cancelled" });
    expect(last).toBeLessThan(3 * 1024 * 1024);
  });

  it("rejects at once when the signal has already fired", async () => {
    const controller = new AbortController();
    controller.abort();
    expect(await refused(fixture("small-utf8.csv"), { name: "a.csv", codebook, signal: controller.signal })).toMatchObject({ kind: "cancelled" });
  });

  it("cancels a stream that never delivers a byte", async () => {
    const controller = new AbortController();
    const silent = new ReadableStream<Uint8Array>({ pull: () => new Promise<void>(() => undefined) });
    const load = refused(silent, { name: "stalled.csv", codebook, signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    expect(await load).toMatchObject({ kind: "cancelled", file: "stalled.csv" });
  });

  it("asks for a codebook for CSV and card images, not for .sav", async () => {
    expect(await refused(fixture("small.dat"), { name: "small.dat" })).toMatchObject({ kind: "codebook" });
    const sav = await loaded(fixture("small-compressed.sav"), { name: "s.sav" });
    expect(sav.table.numRows()).toBe(6);
  });
});

describe("the size limit", () => {
  it("refuses a file over the limit before reading a byte, stating the limit", async () => {
    const seen: LoadProgress[] = [];
    const bytes = bigCsv(60_000); // about 2 MB
    const e = await refused(new Blob([bytes]), { name: "huge.csv", codebook, maxBytes: 1_048_576, onProgress: (p) => seen.push(p) });
    expect(e.kind).toBe("too-large");
    expect(e.message).toMatch(/^huge\.csv: The file is 2\.0 MB; this browser workbench reads files up to 1\.0 MB\. Fix: /);
    expect(seen).toEqual([]);
  });

  it("is 1 GiB by default: a 500 MB file is not refused for its size", async () => {
    const { MAX_FILE_BYTES } = await import("../../../../src/data/loaders/load-file");
    expect(MAX_FILE_BYTES).toBe(1024 * 1024 * 1024);
    expect(MAX_FILE_BYTES).toBeGreaterThan(500 * 1024 * 1024);
  });
});
