import { describe, expect, it } from "vitest";
import { describeStorageError, NotebookStore, toStoredNotebook } from "../../../src/app/notebook-store";
import { messages, say } from "../../../src/base/locale/locale";

describe("notebook store", () => {
  it("falls back to memory with a clear problem when IndexedDB is missing (Node has none)", async () => {
    const store = await NotebookStore.open();
    expect(store.persistent).toBe(false);
    expect(store.problem?.kind).toBe("unavailable");
    const nb = { key: "local:1", origin: { kind: "new" as const }, doc: { title: "T", cells: [{ id: "1", kind: "js" as const, source: "1" }] }, drafts: { "1": "2" }, inputs: {}, updatedAt: 5 };
    const problem = await store.put(nb);
    expect(problem?.kind).toBe("unavailable");
    expect(await store.get("local:1")).toEqual(nb);
    expect((await store.list()).map((n) => n.key)).toEqual(["local:1"]);
    await store.delete("local:1");
    expect(await store.get("local:1")).toBeUndefined();
  });

  it("names a full disk as quota and says what to do, in norsk and English", () => {
    const problem = describeStorageError(new DOMException("full", "QuotaExceededError"));
    expect(problem.kind).toBe("quota");
    expect(say(problem.message, messages.en)).toMatch(/storage is full.*Export/);
    expect(say(problem.message, messages.nb)).toMatch(/lagring er full.*Eksporter/);
  });

  it("says each storage problem in norsk, naming the problem and the fix", () => {
    const said = (error: unknown): string => say(describeStorageError(error).message, messages.nb);
    expect(said(new DOMException("no", "SecurityError"))).toMatch(/kan ikke lagre.*Eksporter/);
    expect(said(new Error("disk on fire"))).toMatch(/Lagringen mislyktes \(disk on fire\).*Eksporter/);
    for (const error of [new DOMException("full", "QuotaExceededError"), new DOMException("no", "SecurityError"), new Error("x")]) {
      expect(said(error)).not.toBe(say(describeStorageError(error).message, messages.en));
    }
  });

  it("ignores stored records that are not notebooks", () => {
    expect(toStoredNotebook({ key: "x", origin: { kind: "new" }, doc: { title: 1, cells: [] } })).toBeUndefined();
    expect(toStoredNotebook("junk")).toBeUndefined();
    expect(toStoredNotebook({ key: "x", origin: { kind: "bundled", name: "demo" }, doc: { title: "t", cells: [] } })?.drafts).toEqual({});
  });
});
