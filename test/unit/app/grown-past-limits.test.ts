/**
 * The workbench when the open notebook grows past what is stored (`NOTEBOOK_LIMITS`): the frame
 * says so in place of reporting the cells (FrameSession emits a "size" change), the user is told in
 * the language of the moment what limit, how far over and what to do, and the status never says
 * "Saved" meanwhile — not even when a save of the version before answers late. Back within the
 * limits, the word goes and saving goes on. IndexedDB and localStorage are the shared fakes.
 */
import { describe, expect, it } from "vitest";
import { NotebookSession, type SessionChange } from "../../../src/app/notebook-session";
import { NotebookStore } from "../../../src/app/notebook-store";
import { Workbench } from "../../../src/app/workbench";
import { Listeners } from "../../../src/base/listeners";
import { messages, say } from "../../../src/base/locale/locale";
import type { NotebookSize } from "../../../src/notebook/notebook-size";
import { QuietRuntime } from "./quiet-runtime";
import { KEY, snapshot, useSharedStorage, workbenchOn } from "./store-tabs";

useSharedStorage();

/** A session that can say its notebook's size passed the limits, as the shell's view of a frame does. */
class SizedSession extends NotebookSession {
  private readonly sizes = new Listeners<[change: SessionChange]>();

  override onChange(listener: (change: SessionChange) => void): () => void {
    const detach = [super.onChange(listener), this.sizes.add(listener)];
    return () => detach.forEach((off) => off());
  }

  sizeIs(over: NotebookSize | undefined): void {
    this.sizes.emit({ kind: "size", over });
  }
}

/** A workbench (a tab) on the shared storage, with the demo's working copy open from storage. */
async function openDemo(): Promise<{ workbench: Workbench<SizedSession>; session: SizedSession }> {
  expect(await (await NotebookStore.open()).put(snapshot("stored before", 100))).toBeUndefined();
  const workbench = await workbenchOn(({ doc, drafts, inputs }) => new SizedSession({ doc, drafts, inputs, createRuntime: () => new QuietRuntime() }));
  await workbench.openHash("#/nb/demo");
  const session = workbench.current?.session;
  if (!session) throw new Error("the demo did not open");
  return { workbench, session };
}

/** The error banners' words in both languages. */
function errors(workbench: Workbench<SizedSession>): { nb: string[]; en: string[] } {
  const shown = workbench.banners.filter((b) => b.kind === "error");
  return { nb: shown.map((b) => say(b.message, messages.nb)), en: shown.map((b) => say(b.message, messages.en)) };
}

/** The text of the demo's working copy as stored now. */
async function storedText(): Promise<string | undefined> {
  return (await (await NotebookStore.open()).get(KEY))?.doc.cells[0]?.source;
}

const GROWN = { cells: 12, chars: 10_241_821 };

describe("a notebook grown past the limits in the workbench", () => {
  it("says the limit, how far over and the fix in norsk and English, and the status is not Saved", async () => {
    const { workbench, session } = await openDemo();
    session.sizeIs(GROWN);
    expect(workbench.saveStatus.state).toBe("too-large");
    expect(errors(workbench).en).toEqual([
      expect.stringMatching(/^This notebook has grown past what this browser can save: it now has 12 cells and 10,241,821 characters.*limit is 5,000 cells and 10,000,000 characters \(241,821 characters too many\).*not saved.*undo the last edit.*split it into two notebooks: export it/),
    ]);
    expect(errors(workbench).nb).toEqual([expect.stringMatching(/^Denne notatboken har vokst forbi det denne nettleseren kan lagre:.*\(241\u00a0821 tegn for mye\).*ikke lagret.*angre siste endring.*del den i to notatbøker – eksporter den/)]);
    expect(say((words) => words.saveTooLarge, messages.nb)).toBe("Ikke lagret – notatboken er for stor");
  });

  it("a save of the version before that answers after the notebook grew does not say Saved", async () => {
    const { workbench, session } = await openDemo();
    session.setDraft("1", '"typed before it grew"');
    session.run("1");
    // The edit's save is pending when the next edit grows the notebook past the limits.
    session.sizeIs(GROWN);
    await workbench.autosave.flush();
    expect(await storedText()).toBe('"typed before it grew"');
    expect(workbench.saveStatus.state).toBe("too-large");
    // A draft typed meanwhile is saved with the version before, and still the status is not "Saved".
    session.setDraft("1", '"a draft"');
    await workbench.autosave.flush();
    expect(workbench.saveStatus.state).toBe("too-large");
  });

  it("grown further, one word with the new size; back within the limits, the word goes and saving goes on", async () => {
    const { workbench, session } = await openDemo();
    session.sizeIs(GROWN);
    session.sizeIs({ cells: 5_003, chars: 100 });
    expect(errors(workbench).en).toEqual([expect.stringMatching(/5,003 cells.*\(3 cells too many\)/)]);
    session.sizeIs(undefined);
    expect(errors(workbench).en).toEqual([]);
    session.setDraft("1", '"back within"');
    session.run("1");
    expect(workbench.saveStatus.state).toBe("pending");
    await workbench.autosave.flush();
    expect(workbench.saveStatus.state).toBe("saved");
    expect(await storedText()).toBe('"back within"');
  });

  it("another notebook opened: its status is its own", async () => {
    const { workbench, session } = await openDemo();
    session.sizeIs(GROWN);
    await workbench.openHash("#/nb/demo");
    expect(workbench.saveStatus.state).not.toBe("too-large");
    expect(errors(workbench).en).toEqual([]);
  });
});
