import { describe, expect, it } from "vitest";
import { describeStorageError, NotebookStore, toStoredNotebook } from "../../../src/app/notebook-store";

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

  it("names a full disk as quota and says what to do", () => {
    const problem = describeStorageError(new DOMException("full", "QuotaExceededError"));
    expect(problem.kind).toBe("quota");
    expect(problem.message).toMatch(/Export/);
  });

  it("ignores stored records that are not notebooks", () => {
    expect(toStoredNotebook({ key: "x", origin: { kind: "new" }, doc: { title: 1, cells: [] } })).toBeUndefined();
    expect(toStoredNotebook("junk")).toBeUndefined();
    expect(toStoredNotebook({ key: "x", origin: { kind: "bundled", name: "demo" }, doc: { title: "t", cells: [] } })?.drafts).toEqual({});
  });
});
