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
});
