import { describe, expect, it } from "vitest";
import { Autosaver, type SaveStatus } from "../../src/app/autosaver";
import type { StorageProblem, StoredNotebook } from "../../src/app/notebook-store";

/**
 * A notebook another tab saved meanwhile is not overwritten: the store saves this tab's edits as a
 * copy and says so ("conflict", notebook-store.ts). That is stored, not memory-only: the toolbar
 * must not say the edits live only in memory, and the word why must still reach the banner.
 */
describe("a save that went to a copy because another tab saved the notebook", () => {
  it("is reported as saved, with the store's word", async () => {
    const problem: StorageProblem = { kind: "conflict", message: "Another tab saved this notebook" };
    const statuses: SaveStatus[] = [];
    const snapshot: StoredNotebook = { key: "k", origin: { kind: "new" }, doc: { title: "t", cells: [] }, drafts: {}, inputs: {}, updatedAt: 1 };
    const saver = new Autosaver({ put: async () => problem }, (s) => statuses.push(s));
    saver.schedule(snapshot);
    await saver.flush();
    expect(statuses.at(-1)).toEqual({ state: "saved", problem });
  });

  it("passes the store's word on even when a newer edit is already waiting (the store says it once)", async () => {
    const problem: StorageProblem = { kind: "conflict", message: "Another tab saved this notebook" };
    const statuses: SaveStatus[] = [];
    const snapshot: StoredNotebook = { key: "k", origin: { kind: "new" }, doc: { title: "t", cells: [] }, drafts: {}, inputs: {}, updatedAt: 1 };
    let said = false;
    const saver = new Autosaver(
      {
        put: async () => {
          // The user types on while this save is being written; the next save finds no conflict.
          if (said) return undefined;
          said = true;
          saver.schedule({ ...snapshot, updatedAt: 2 });
          return problem;
        },
      },
      (s) => statuses.push(s),
    );
    saver.schedule(snapshot);
    await saver.flush();
    await saver.flush();
    expect(statuses.filter((s) => s.problem === problem)).toHaveLength(1);
    expect(statuses.at(-1)).toEqual({ state: "saved" });
  });
});

