import { describe, expect, it } from "vitest";
import { cachedDataFiles } from "../../../src/app/data-file-cache";
import { ok, problem } from "../../../src/base/result";

/** A reader over fixed files that counts its reads. */
function reader(files: Record<string, string>) {
  const reads: string[] = [];
  const read = (path: string) => {
    reads.push(path);
    const text = files[path];
    return Promise.resolve(text === undefined ? problem("file-missing", `Could not load ${path}; check the file name under data/.`) : ok({ path, bytes: new TextEncoder().encode(text).buffer }));
  };
  return { read, reads };
}

describe("cachedDataFiles (the shell's copy of the bundled files)", () => {
  it("fetches a file once, prefetched or not, and hands every frame its own copy", async () => {
    const source = reader({ "data/a.csv": "x\n1\n" });
    const files = cachedDataFiles(source.read);
    files.prefetch(["data/a.csv"]);
    const first = await files.read("data/a.csv");
    const second = await files.read("data/a.csv");
    expect(source.reads).toEqual(["data/a.csv"]);
    if (!first.ok || !second.ok) throw new Error("expected both reads to succeed");
    expect(first.value.bytes).not.toBe(second.value.bytes);
    // Transferring one copy to a frame empties that copy only.
    structuredClone(first.value.bytes, { transfer: [first.value.bytes] });
    expect(first.value.bytes.byteLength).toBe(0);
    expect(new TextDecoder().decode(second.value.bytes)).toBe("x\n1\n");
    const third = await files.read("data/a.csv");
    expect(third.ok && new TextDecoder().decode(third.value.bytes)).toBe("x\n1\n");
  });

  it("does not keep a failure: a missing file is asked for again", async () => {
    const source = reader({});
    const files = cachedDataFiles(source.read);
    const first = await files.read("data/none.csv");
    expect(first.ok).toBe(false);
    if (!first.ok) expect(first.error.message).toMatch(/data\/none\.csv/);
    await files.read("data/none.csv");
    expect(source.reads).toEqual(["data/none.csv", "data/none.csv"]);
  });
});
