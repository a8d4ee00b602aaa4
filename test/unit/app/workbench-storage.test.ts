/**
 * What the workbench tells the user about storage, in the language of the moment: another tab's
 * save (the edits go to a copy, which this tab then has open) and a closed tab's edits that were
 * kept as a copy of their own. IndexedDB and localStorage are the shared fakes.
 */
import { describe, expect, it } from "vitest";
import { NotebookSession } from "../../../src/app/notebook-session";
import { NotebookStore } from "../../../src/app/notebook-store";
import { Workbench } from "../../../src/app/workbench";
import { messages, say } from "../../../src/base/locale/locale";
import { QuietRuntime } from "./quiet-runtime";
import { closeWithPending, firstTabSavedFirst, KEY, snapshot, useSharedStorage, workbenchOn } from "./store-tabs";

const storage = useSharedStorage();

/** A workbench on a store of its own (a tab), with sessions that run nothing; `visible()` says whether its page is seen. */
function workbenchTab(visible = (): boolean => true): Promise<Workbench> {
  return workbenchOn(({ doc, drafts, inputs }) => new NotebookSession({ doc, drafts, inputs, createRuntime: () => new QuietRuntime() }), visible);
}

/** The banners' words in both languages. */
function said(workbench: Workbench): { nb: string[]; en: string[] } {
  return { nb: workbench.banners.map((b) => say(b.message, messages.nb)), en: workbench.banners.map((b) => say(b.message, messages.en)) };
}

describe("storage words in the workbench", () => {
  it("another tab's save: said in norsk and English, and this tab has the copy open", async () => {
    const other = await NotebookStore.open();
    expect(await other.put(snapshot("first", 100))).toBeUndefined();
    const workbench = await workbenchTab();
    await workbench.openHash("#/nb/demo");
    expect(await other.put(snapshot("the other tab", 200))).toBeUndefined();
    workbench.save();
    await workbench.autosave.flush();
    expect(workbench.current?.key).toMatch(/^local:/);
    expect(said(workbench).nb).toEqual([expect.stringMatching(/^En annen fane lagret denne notatboken.*egen notatbok i lista/)]);
    expect(said(workbench).en).toEqual([expect.stringMatching(/^Another tab saved this notebook/)]);
    // Said here, so no later tab says it again as a closed tab's.
    expect((await NotebookStore.open()).untoldCopies()).toEqual([]);
  });

  it("a closing tab whose last save went to a copy leaves the word to the next tab (its own banner is not seen)", async () => {
    const other = await NotebookStore.open();
    expect(await other.put(snapshot("first", 100))).toBeUndefined();
    let visible = true;
    const closing = await workbenchTab(() => visible);
    await closing.openHash("#/nb/demo");
    expect(await other.put(snapshot("the other tab", 200))).toBeUndefined();
    closing.save();
    visible = false;
    await closing.autosave.flushForUnload();
    const copy = closing.current?.key;
    expect(copy).toMatch(/^local:/);
    expect(said(await workbenchTab()).nb).toEqual([expect.stringMatching(new RegExp(`^En fane ble lukket med endringer i «${KEY}».*«${copy ?? "?"}»`))]);
  });

  it("a tab that closed as its save went to a copy: the next tab says where its edits are", async () => {
    const { second: closing } = await firstTabSavedFirst();
    // The closing tab's last save meets the conflict; the tab is gone before it can say so.
    const conflict = await closing.put(snapshot("closing tab", 200));
    const workbench = await workbenchTab();
    expect(said(workbench).nb).toEqual([expect.stringMatching(new RegExp(`^En fane ble lukket med endringer i «${KEY}».*«${conflict?.copy?.to ?? "?"}»`))]);
  });

  it("a closed tab's edits kept as a copy: said once, naming the notebook and the copy", async () => {
    const { second } = await firstTabSavedFirst();
    // The second tab closes with an edit only its journal holds (the closing page dropped its write).
    await closeWithPending(storage(), second, snapshot("second tab", 200));

    const workbench = await workbenchTab();
    const copy = workbench.locals.find((nb) => nb.doc.cells[0]?.source === '"second tab"')?.key;
    expect(copy).toMatch(/^local:/);
    expect(said(workbench).nb).toEqual([`En fane ble lukket med endringer i «${KEY}» etter at en annen fane hadde lagret den. Endringene er lagret som en egen notatbok i lista («${copy}»), så ingen av versjonene er skrevet over. Sammenlign de to og slett den du ikke trenger.`]);
    // Opening the notebook shows the other tab's version, and does not say it again.
    await workbench.openHash("#/nb/demo");
    expect(workbench.current?.session.doc.cells[0]?.source).toBe('"first tab"');
    expect(workbench.banners).toHaveLength(1);
    workbench.dismiss(workbench.banners[0]?.id ?? 0);
    await workbench.refreshLocals();
    expect(workbench.banners).toEqual([]);
  });
});
