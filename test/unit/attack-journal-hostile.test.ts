/**
 * Attack: localStorage contents the journal did not write as they are — an entry left by a crafted
 * page or a garbled earlier version. The journal's name says which notebook the entry continues,
 * and the notebook inside carries its own key; an entry under one notebook's name holding another
 * notebook was opened as the first and then saved under the second's key, over it.
 */
import { describe, expect, it } from "vitest";
import { NotebookStore, type StoredNotebook } from "../../src/app/notebook-store";
import { KEY, snapshot, useSharedStorage } from "./app/store-tabs";

useSharedStorage();

const VICTIM = "local:victim";
const textOf = (notebook: StoredNotebook | undefined): string | undefined => notebook?.doc.cells[0]?.source;

describe("attack: a journal entry whose notebook has another key", () => {
  it("neither opens in the journaled notebook's place nor overwrites the notebook it names", async () => {
    const tab = await NotebookStore.open();
    expect(await tab.put(snapshot("victim's work", 100, VICTIM))).toBeUndefined();
    expect(await tab.put(snapshot("demo as saved", 100))).toBeUndefined();
    // Under the demo's journal name, a newer snapshot keyed as the victim.
    localStorage.setItem(`tverrsnitt-journal:${KEY}`, JSON.stringify({ ...snapshot("planted", 500, VICTIM), over: [100], by: undefined }));

    // A new tab that has the victim open (as a reader does after working on it) opens the demo.
    const next = await NotebookStore.open();
    expect(textOf(await next.get(VICTIM))).toBe('"victim\'s work"');
    const opened = await next.get(KEY);
    expect(opened?.key).toBe(KEY);
    expect(textOf(opened)).toBe('"demo as saved"');
    const listed = await next.list();
    expect(listed.map((n) => n.key).sort()).toEqual([KEY, VICTIM].sort());
    const reopened = await NotebookStore.open();
    expect(textOf(await reopened.get(VICTIM))).toBe('"victim\'s work"');
  });

  it("reads a list of many garbled entries without throwing", async () => {
    for (let i = 0; i < 500; i++) localStorage.setItem(`tverrsnitt-journal:k${i}`, i % 3 === 0 ? "{" : i % 3 === 1 ? JSON.stringify({ key: `k${i}`, doc: 5 }) : "null");
    for (let i = 0; i < 50; i++) localStorage.setItem(`tverrsnitt-copy:c${i}`, "");
    const tab = await NotebookStore.open();
    expect(await tab.list()).toEqual([]);
    expect(tab.untoldCopies()).toEqual([]);
  });
});
