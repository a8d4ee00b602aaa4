/**
 * One claim of a closed tab's journal entry: the entry continues a version another tab saved over,
 * so it is kept as a copy — and the list and the open of one tab, and other tabs, may all read it
 * before any of them has stored that copy. However they interleave, the edit is stored in one local
 * notebook and one tab says so. Each store is a tab over the shared fakes (store-tabs.ts).
 */
import { describe, expect, it } from "vitest";
import { readJournal, writeJournal } from "../../../src/app/notebook-journal";
import { NotebookStore } from "../../../src/app/notebook-store";
import { closeWithPending, firstTabSavedFirst, KEY, snapshot, useSharedStorage } from "./store-tabs";

const storage = useSharedStorage();

/** The stored keys whose record holds `text`. */
function keysHolding(text: string): string[] {
  return [...storage().records.entries()].filter(([, record]) => JSON.stringify(record).includes(text)).map(([key]) => key);
}

/** A tab closed with "second tab" journaled over the version the first tab has since saved over. */
async function closedTabOverOvertaken(): Promise<void> {
  const { second } = await firstTabSavedFirst();
  await closeWithPending(storage(), second, snapshot("second tab", 200));
}

/** Every word the tabs have to say about copies of `KEY`. */
function untold(...tabs: NotebookStore[]): string[] {
  return tabs.flatMap((tab) => tab.untoldCopies().filter((notice) => notice.key === KEY).map((notice) => notice.copy));
}

describe("a closed tab's journal entry claimed by several callers at once", () => {
  it("one tab's list and another tab's open: one copy, said by one tab", async () => {
    await closedTabOverOvertaken();
    const listing = await NotebookStore.open();
    const opening = await NotebookStore.open();
    const [listed, opened] = await Promise.all([listing.list(), opening.get(KEY)]);

    const copies = keysHolding("second tab");
    expect(copies).toHaveLength(1);
    expect(copies[0]).toMatch(/^local:/);
    expect(opened?.doc.cells[0]?.source).toBe('"first tab"');
    expect(listed.map((nb) => nb.key).sort()).toEqual([KEY, copies[0]].sort());
    expect(untold(listing, opening)).toEqual(copies);
  });

  it("the list and the open of one tab, and a second tab's list: one copy, said once", async () => {
    await closedTabOverOvertaken();
    const tab = await NotebookStore.open();
    const other = await NotebookStore.open();
    await Promise.all([tab.list(), tab.get(KEY), other.list(), tab.list()]);

    const copies = keysHolding("second tab");
    expect(copies).toHaveLength(1);
    expect(untold(tab, other)).toEqual(copies);
    // The entry is claimed: a later tab finds the copy and has nothing more to say or to copy.
    const later = await NotebookStore.open();
    expect((await later.list()).filter((nb) => nb.doc.cells[0]?.source === '"second tab"').map((nb) => nb.key)).toEqual(copies);
    expect(untold(later)).toEqual([]);
    expect(keysHolding("second tab")).toEqual(copies);
  });

  it("a full disk at the first claim: the copy is in memory and said; the next claim stores that same copy and says nothing more", async () => {
    await closedTabOverOvertaken();
    const tab = await NotebookStore.open();
    storage().failWrites = "QuotaExceededError";
    const first = (await tab.list()).filter((nb) => nb.doc.cells[0]?.source === '"second tab"').map((nb) => nb.key);
    expect(first).toHaveLength(1);
    expect(keysHolding("second tab")).toEqual([]);
    storage().failWrites = undefined;
    await Promise.all([tab.list(), (await NotebookStore.open()).get(KEY)]);
    expect(keysHolding("second tab")).toEqual(first);
    expect(untold(tab)).toEqual(first);
  });

  it("a closing tab's save stored in a copy, its entry left behind: the claim finds that copy and makes no other", async () => {
    const { second } = await firstTabSavedFirst();
    const last = snapshot("second tab", 200);
    second.journal(last);
    const entry = readJournal(KEY);
    const conflict = await second.put(last);
    expect(conflict?.kind).toBe("conflict");
    // The closing page ran the write, and not what follows it: the entry is still in the journal.
    if (entry) writeJournal(entry);
    const next = await NotebookStore.open();
    await Promise.all([next.list(), next.get(KEY)]);
    expect(keysHolding("second tab")).toEqual([conflict?.copy?.to]);
    // Said once, by the notice the closing tab left (the claim made nothing, so says nothing more).
    expect(untold(next)).toEqual([conflict?.copy?.to]);
  });

  it("an entry another tab journals while the claim is under way stays for its own claim", async () => {
    // A tab that opened the notebook before any save; it closes with its edit only in the journal.
    const late = await NotebookStore.open();
    await late.get(KEY);
    await closedTabOverOvertaken();
    const tab = await NotebookStore.open();
    // The late tab's entry replaces the claimed one just as the claim's copy is committed.
    const records = storage().records;
    const commit = records.set.bind(records);
    records.set = (key, value) => {
      if (key.startsWith("local:")) late.journal(snapshot("late tab", 300));
      return commit(key, value);
    };
    await tab.list();
    records.set = commit;
    expect(keysHolding("second tab")).toHaveLength(1);
    // The late tab's edit is still journaled, and the next list keeps it as a copy of its own.
    await (await NotebookStore.open()).list();
    expect(keysHolding("late tab")).toHaveLength(1);
    expect(keysHolding("late tab")[0]).toMatch(/^local:/);
  });
});
