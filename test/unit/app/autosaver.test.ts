import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Autosaver, type SaveStatus } from "../../../src/app/autosaver";
import type { StorageProblem, StoredNotebook } from "../../../src/app/notebook-store";

function snapshot(title: string): StoredNotebook {
  return { key: "k", origin: { kind: "new" }, doc: { title, cells: [] }, drafts: {}, inputs: {}, updatedAt: 0 };
}

describe("autosaver", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("writes once, 300 ms after the last of a burst of edits, with the latest text", async () => {
    const saved: string[] = [];
    const saver = new Autosaver({ put: async (nb) => void saved.push(nb.doc.title) });
    saver.schedule(snapshot("a"));
    await vi.advanceTimersByTimeAsync(200);
    saver.schedule(snapshot("ab"));
    await vi.advanceTimersByTimeAsync(299);
    expect(saved).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    await saver.flush();
    expect(saved).toEqual(["ab"]);
  });

  it("flush writes the pending edit immediately (pagehide / hidden tab)", async () => {
    const saved: string[] = [];
    const saver = new Autosaver({ put: async (nb) => void saved.push(nb.doc.title) });
    saver.schedule(snapshot("typed"));
    await saver.flush();
    expect(saved).toEqual(["typed"]);
    expect(saver.hasPending).toBe(false);
  });

  it("reports a storage problem as memory-only instead of throwing", async () => {
    const problem: StorageProblem = { kind: "quota", message: "full" };
    const statuses: SaveStatus[] = [];
    const saver = new Autosaver({ put: async () => problem }, (s) => statuses.push(s));
    saver.schedule(snapshot("x"));
    await saver.flush();
    expect(statuses.at(-1)).toEqual({ state: "memory-only", problem });
  });
});

describe("autosaver on unload", () => {
  it("journals the pending snapshot synchronously before the asynchronous write", () => {
    const journaled: string[] = [];
    const saver = new Autosaver({ put: () => new Promise(() => undefined), journal: (nb) => void journaled.push(nb.doc.title) });
    saver.schedule(snapshot("last words"));
    void saver.flushForUnload();
    expect(journaled).toEqual(["last words"]);
  });

  it("journals the snapshot still being written when nothing is pending (the closing page may drop that write)", async () => {
    const journaled: string[] = [];
    const saver = new Autosaver({ put: () => new Promise(() => undefined), journal: (nb) => void journaled.push(nb.doc.title) });
    saver.schedule(snapshot("being written"));
    void saver.flush();
    expect(saver.hasPending).toBe(false);
    void saver.flushForUnload();
    expect(journaled).toEqual(["being written"]);
  });

  it("journals the last snapshot kept in memory only (a full disk) when the tab closes", async () => {
    const journaled: string[] = [];
    const problem: StorageProblem = { kind: "quota", message: "full" };
    const saver = new Autosaver({ put: async () => problem, journal: (nb) => void journaled.push(nb.doc.title) });
    saver.schedule(snapshot("only in memory"));
    await saver.flush();
    await saver.flushForUnload();
    expect(journaled).toEqual(["only in memory"]);
  });

  it("journals nothing once the last write has answered", async () => {
    const journaled: string[] = [];
    const saver = new Autosaver({ put: async () => undefined, journal: (nb) => void journaled.push(nb.doc.title) });
    saver.schedule(snapshot("stored"));
    await saver.flush();
    await saver.flushForUnload();
    expect(journaled).toEqual([]);
  });
});
