/**
 * Tabs of one browser sharing the notebook store, with the unload journal: a tab that closes soon
 * after (or just before) a storage conflict, a tab whose write a closing page dropped, a full disk
 * mid-save, a record of a newer version, two tabs deleting one notebook. Each store is one tab; the
 * fakes are the profile's IndexedDB and localStorage they share.
 */
import { describe, expect, it, vi } from "vitest";
import { NotebookStore, type StoredNotebook } from "../../../src/app/notebook-store";
import { messages, say } from "../../../src/base/locale/locale";
import { closeWithPending, firstTabSavedFirst, KEY, openTab, snapshot, useSharedStorage } from "./store-tabs";

const storage = useSharedStorage();

/** The text of a stored notebook's one cell. */
function textOf(notebook: StoredNotebook | undefined): string | undefined {
  return notebook?.doc.cells[0]?.source;
}

/** The copy `KEY`'s closed-tab edits were saved to, as the next tab's workbench would be told. */
function copyOf(tab: NotebookStore): string | undefined {
  return tab.untoldCopies().find((notice) => notice.key === KEY)?.copy;
}

describe("a tab closed soon after a storage conflict", () => {
  it("journals its last edit under the copy its saves went to, not over the other tab's version", async () => {
    const { second } = await firstTabSavedFirst();
    const conflict = await second.put(snapshot("second tab", 200));
    const copy = conflict?.copy?.to;
    expect(copy).toBeDefined();
    // The second tab's next edit was scheduled before its open notebook became the copy (same key).
    await closeWithPending(storage(), second, snapshot("second tab, last edit", 300));

    const reopened = await NotebookStore.open();
    expect(textOf(await reopened.get(KEY))).toBe('"first tab"');
    expect(textOf(await reopened.get(copy ?? ""))).toBe('"second tab, last edit"');
    expect((await reopened.list()).map(textOf).sort()).toEqual(['"first tab"', '"second tab, last edit"']);
    // The closed tab never said where its edits went: the next tab is to say it.
    expect(second.untoldCopies()).toEqual([]);
    expect(reopened.untoldCopies()).toEqual([{ key: KEY, copy }]);
  });

  it("closed before its save met the conflict: its edit is kept as a copy, the other tab's version stays, and the user is told", async () => {
    const { second } = await firstTabSavedFirst();
    // The second tab edits within the debounce and closes: only the journal has its edit.
    await closeWithPending(storage(), second, snapshot("second tab", 200));

    const reopened = await NotebookStore.open();
    expect(textOf(await reopened.get(KEY))).toBe('"first tab"');
    const copy = copyOf(reopened);
    expect(copy).toMatch(/^local:/);
    expect(textOf(await reopened.get(copy ?? ""))).toBe('"second tab"');
    // Stored, not only in this tab's memory: a later tab finds both, and the journal entry is gone.
    const later = await NotebookStore.open();
    expect((await later.list()).map(textOf).sort()).toEqual(['"first tab"', '"second tab"']);
    // Said by the tab that made the copy, once it said it (the workbench calls `told`): no later tab says it again.
    expect(later.untoldCopies()).toEqual([]);
    reopened.told(copy ?? "");
    expect(reopened.untoldCopies()).toEqual([]);
  });

  it("is listed as its copy before anyone opens the notebook", async () => {
    const { second } = await firstTabSavedFirst();
    await closeWithPending(storage(), second, snapshot("second tab", 200));

    const home = await NotebookStore.open();
    expect((await home.list()).map(textOf).sort()).toEqual(['"first tab"', '"second tab"']);
    expect(home.untoldCopies().map((c) => c.key)).toEqual([KEY]);
  });
});

describe("the unload journal of one tab", () => {
  it("still restores the tab's last edit when the closing page dropped its write", async () => {
    const tab = await openTab();
    expect(await tab.put(snapshot("saved", 100))).toBeUndefined();
    await closeWithPending(storage(), tab, snapshot("typed just before closing", 200));

    const reopened = await NotebookStore.open();
    expect(textOf(await reopened.get(KEY))).toBe('"typed just before closing"');
    expect(reopened.untoldCopies()).toEqual([]);
    // Moved into IndexedDB: a tab opened later reads it from there.
    await vi.waitFor(async () => expect(textOf(await (await NotebookStore.open()).get(KEY))).toBe('"typed just before closing"'));
  });

  it("is not cleared by another tab's save over the version it continued", async () => {
    const first = await openTab();
    const second = await openTab();
    expect(await first.put(snapshot("both read this", 100))).toBeUndefined();
    expect(await second.get(KEY)).toBeDefined();
    // The second tab had not seen 100 when it opened; it reads again, as on a reload.
    const secondAgain = await NotebookStore.open();
    await secondAgain.get(KEY);
    await closeWithPending(storage(), secondAgain, snapshot("second tab", 200));
    // The first tab saves over what it saw (100): allowed, and the second tab's entry must stay.
    expect(await first.put(snapshot("first tab", 300))).toBeUndefined();

    const reopened = await NotebookStore.open();
    expect(textOf(await reopened.get(KEY))).toBe('"first tab"');
    expect(textOf(await reopened.get(copyOf(reopened) ?? ""))).toBe('"second tab"');
  });
});

describe("storage in trouble", () => {
  /** A tab saves once, then the disk fills and its next save (journaled, as at a hide) fails. */
  async function fullDiskMidSave(): Promise<NotebookStore> {
    const tab = await openTab();
    expect(await tab.put(snapshot("saved", 100))).toBeUndefined();
    storage().failWrites = "QuotaExceededError";
    tab.journal(snapshot("typed on a full disk", 200));
    const problem = await tab.put(snapshot("typed on a full disk", 200));
    expect(problem?.kind).toBe("quota");
    expect(say(problem?.message ?? "", messages.nb)).toMatch(/lagring er full.*Eksporter/);
    expect(say(problem?.message ?? "", messages.en)).toMatch(/storage is full.*Export/);
    expect(textOf(await tab.get(KEY))).toBe('"typed on a full disk"');
    return tab;
  }

  it("a full disk mid-save keeps the edit in memory, says so in norsk and English, and the next save stores it", async () => {
    const tab = await fullDiskMidSave();
    storage().failWrites = undefined;
    expect(await tab.put(snapshot("after freeing space", 300))).toBeUndefined();
    expect(textOf(await (await NotebookStore.open()).get(KEY))).toBe('"after freeing space"');
  });

  it("a full disk mid-save, then the tab closes: the journal still has the edit for the next tab", async () => {
    await fullDiskMidSave();
    storage().failWrites = undefined;
    expect(textOf(await (await NotebookStore.open()).get(KEY))).toBe('"typed on a full disk"');
  });

  it("a record written by a newer version is set aside unchanged, and the key's next save does not overwrite it", async () => {
    const future = { ...snapshot("hours of work", 100), doc: { title: "Demo", cells: [{ id: "1", kind: "future-kind", source: "x" }] } };
    storage().records.set(KEY, future);
    const tab = await NotebookStore.open();
    expect(await tab.get(KEY)).toBeUndefined();
    const aside = tab.unreadableMovedTo(KEY);
    expect(aside).toMatch(/^unreadable:/);
    expect(await tab.put(snapshot("new work", 200))).toBeUndefined();
    expect(storage().records.get(aside ?? "")).toEqual(future);
    expect(textOf(await (await NotebookStore.open()).get(KEY))).toBe('"new work"');
  });

  it("two tabs deleting one notebook: both succeed, and a tab still editing it saves it again", async () => {
    const first = await openTab();
    const second = await openTab();
    expect(await first.put(snapshot("kept", 100))).toBeUndefined();
    expect(await first.delete(KEY)).toBeUndefined();
    expect(await second.delete(KEY)).toBeUndefined();
    expect(await (await NotebookStore.open()).list()).toEqual([]);
    // A third tab that had it open and edits on: its edit is stored, not dropped for a deleted key.
    const third = await NotebookStore.open();
    expect(await third.put(snapshot("edited after the deletes", 200))).toBeUndefined();
    expect(textOf(await (await NotebookStore.open()).get(KEY))).toBe('"edited after the deletes"');
  });
});
