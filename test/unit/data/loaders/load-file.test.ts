import { describe, expect, it } from "vitest";
import { detectFormat, loadFile } from "../../../../src/data/load-file";
import { LoadError, type LoadProgress } from "../../../../src/data/load-result";
import { fixture, smallCodebook as codebook } from "./helpers";

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
    expect(detectFormat("data.csv", fixture("small-compressed.sav"))).toBe("sav");
  });
  it("uses the extension, then the first line", () => {
    expect(detectFormat("x.csv", fixture("small.dat"))).toBe("csv");
    expect(detectFormat("x.dat", fixture("small.dat"))).toBe("fixed");
    expect(detectFormat("x.txt", fixture("small.dat"))).toBe("fixed");
    expect(detectFormat("x.txt", fixture("small-utf8.csv"))).toBe("csv");
    expect(detectFormat("noext", fixture("small-tab.csv"))).toBe("csv");
  });
});

describe("loadFile", () => {
  it("loads CSV, card image and .sav to equal tables on the card columns", async () => {
    const names = ["small-utf8.csv", "small-cp1252.csv", "small.dat", "small-compressed.sav", "small-uncompressed.sav"];
    const tables = await Promise.all(names.map((n) => loadFile(fixture(n), { name: n, codebook })));
    expect(tables.map((t) => t.source.format)).toEqual(["csv", "csv", "fixed", "sav", "sav"]);
    const cols = tables[2]?.table.columnNames() ?? [];
    const base = tables[0]?.table.select(cols).objects();
    for (const t of tables) expect(t.table.select(cols).objects()).toEqual(base);
  });

  it("reads a Blob and a ReadableStream like bytes", async () => {
    const bytes = fixture("small-cp1252.csv");
    const fromBlob = await loadFile(new Blob([bytes]), { name: "a.csv", codebook });
    const fromStream = await loadFile(new Blob([bytes]).stream(), { name: "a.csv", codebook });
    const fromBytes = await loadFile(bytes, { name: "a.csv", codebook });
    expect(fromBlob.table.objects()).toEqual(fromBytes.table.objects());
    expect(fromStream.table.objects()).toEqual(fromBytes.table.objects());
    expect(fromStream.source.encoding).toBe("windows-1252");
  });

  it("reports monotonic progress that ends at the total, across many chunks", async () => {
    const bytes = bigCsv(200_000); // about 6 MB: several 1 MiB chunks
    const seen: LoadProgress[] = [];
    const r = await loadFile(new Blob([bytes]), { name: "big.csv", codebook, onProgress: (p) => seen.push(p) });
    expect(r.table.numRows()).toBe(200_000);
    expect(r.report.total).toBe(0);
    expect(seen.length).toBeGreaterThan(4);
    for (let i = 1; i < seen.length; i++) expect(seen[i]?.bytesRead).toBeGreaterThan(seen[i - 1]?.bytesRead ?? Infinity);
    expect(seen.at(-1)).toEqual({ bytesRead: bytes.byteLength, totalBytes: bytes.byteLength });
    // UTF-8 "æ" split across chunk boundaries still decodes
    expect(r.table.array("name")[199_999]).toBe("Bærum");
  });

  it("streams a 100 MB card image and stops with a 'cancelled' LoadError when aborted", async () => {
    const total = 100 * 1024 * 1024;
    const controller = new AbortController();
    const seen: number[] = [];
    const load = loadFile(cardStream(total), {
      name: "huge.dat", codebook, totalBytes: total, signal: controller.signal,
      onProgress: (p) => {
        seen.push(p.bytesRead);
        if (p.bytesRead > 5 * 1024 * 1024) controller.abort();
      },
    });
    const e = await load.catch((x: unknown) => x);
    expect(e).toBeInstanceOf(LoadError);
    expect(e).toMatchObject({ kind: "cancelled", context: { file: "huge.dat" } });
    expect(seen.at(-1)).toBeLessThan(6 * 1024 * 1024);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
  });

  it("lets a timer's abort() land between chunks of an in-memory file", async () => {
    const controller = new AbortController();
    let last = 0;
    const load = loadFile(bigCsv(200_000), { name: "big.csv", codebook, signal: controller.signal, onProgress: (p) => (last = p.bytesRead) });
    setTimeout(() => controller.abort(), 0);
    await expect(load).rejects.toMatchObject({ kind: "cancelled" });
    expect(last).toBeLessThan(3 * 1024 * 1024);
  });

  it("rejects at once when the signal has already fired", async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(loadFile(fixture("small-utf8.csv"), { name: "a.csv", codebook, signal: controller.signal })).rejects.toMatchObject({ kind: "cancelled" });
  });

  it("cancels a stream that never delivers a byte", async () => {
    const controller = new AbortController();
    const silent = new ReadableStream<Uint8Array>({ pull: () => new Promise<void>(() => undefined) });
    const load = loadFile(silent, { name: "stalled.csv", codebook, signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    await expect(load).rejects.toMatchObject({ kind: "cancelled", context: { file: "stalled.csv" } });
  });

  it("asks for a codebook for CSV and card images, not for .sav", async () => {
    await expect(loadFile(fixture("small.dat"), { name: "small.dat" })).rejects.toMatchObject({ kind: "codebook" });
    const sav = await loadFile(fixture("small-compressed.sav"), { name: "s.sav" });
    expect(sav.table.numRows()).toBe(6);
  });
});
