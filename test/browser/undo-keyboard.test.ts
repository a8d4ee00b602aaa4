/**
 * Undo of structure edits and the keyboard command mode, in Chromium against the built app: a
 * deleted cell comes back with "Undo" (and stays back after a reload: the shell saved it), the undo
 * history itself survives a reload (delete, reload, Ctrl-Z brings the cell back), a move
 * is undone with Ctrl-Z, and a whole edit session is walked without the mouse — Tab into the
 * notebook (one stop per cell), ↑/↓/j/k, A/B, Enter, Esc, Shift-Enter, Ctrl-Enter, Alt-↑, D D,
 * Ctrl-Z / Ctrl-Shift-Z, `?`, and Ctrl-S saving the file from inside the frame.
 */
import { readFile } from "node:fs/promises";
import { beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { inNotebook, nb, notebookFrame, openApp, outputText, screenshotDir, waitForOutput, WRITTEN_WITHIN_MS } from "./browser-helpers";
import { useWorkbench } from "./use-workbench";

const wb = useWorkbench({ context: { viewport: { width: 1280, height: 860 }, acceptDownloads: true }, page: true });

beforeAll(async () => {
  wb.page.on("dialog", (dialog) => void dialog.accept());
});

/** Ids of the cells on screen, in order. */
async function cellIds(p: Page): Promise<string[]> {
  return nb(p).locator("nb-cell article").evaluateAll((els) => els.map((el) => el.getAttribute("data-cell-id") ?? ""));
}

/** What has focus in the notebook's frame: "cell:<id>" for a cell itself, "editor:<id>" in its editor, else the tag. */
async function focusIn(p: Page): Promise<string> {
  const frame = await notebookFrame(p);
  return frame.evaluate(() => {
    const el = document.activeElement;
    if (!el) return "none";
    const cell = el.closest("nb-cell article");
    const id = cell?.getAttribute("data-cell-id") ?? "";
    if (el === cell) return `cell:${id}`;
    if (el.closest(".cm-editor")) return `editor:${id}`;
    return `${el.tagName.toLowerCase()}${id ? `@${id}` : ""}`;
  });
}

/**
 * Wait until the cells on screen are `want`, in order. On a timeout the error says what the page
 * showed instead (address, cells, focus, save status, notices): a flake in the outside CI is then
 * readable from its log alone.
 */
async function expectCells(p: Page, want: string[]): Promise<void> {
  const until = Date.now() + 10_000;
  let seen: string[] = [];
  while (Date.now() < until) {
    seen = await cellIds(p);
    if (JSON.stringify(seen) === JSON.stringify(want)) return;
    await p.waitForTimeout(50);
  }
  const shell = await p.evaluate(() => ({
    url: location.href,
    save: document.querySelector(".nb-save-status")?.textContent?.trim() ?? "",
    list: [...document.querySelectorAll(".nb-list li")].map((li) => li.textContent?.trim() ?? "").join(" | "),
  }));
  const notice = (await nb(p).locator(".nb-edit-notice").allTextContents()).join(" ");
  const frameAge = await (await notebookFrame(p)).evaluate(() => Math.round(performance.now()));
  throw new Error(
    `cells ${JSON.stringify(seen)}, wanted ${JSON.stringify(want)}; focus ${await focusIn(p)}; url ${shell.url}; save "${shell.save}"; ` +
      `notice "${notice}"; list ${shell.list}; frames ${p.frames().length}, notebook frame ${frameAge} ms old`,
  );
}

async function waitForFocus(p: Page, want: string): Promise<void> {
  const until = Date.now() + 5000;
  for (;;) {
    const now = await focusIn(p);
    if (now === want) return;
    if (Date.now() > until) throw new Error(`focus is on ${now}, not ${want}`);
    await p.waitForTimeout(30);
  }
}

describe("undo of notebook structure", () => {
  it("a deleted cell comes back with Undo, in place, with its output, and is saved back", async () => {
    await openApp(wb.page, wb.server.url, "#/nb/demo");
    await waitForOutput(wb.page, "9", "municipalities");
    const before = await cellIds(wb.page);
    await nb(wb.page).locator("#cell-5").hover();
    await nb(wb.page).locator("#cell-5 button[title='Delete cell']").click();
    await expectCells(wb.page, before.filter((id) => id !== "5"));
    // Cell 8 reads `grense` from cell 5: it fails while 5 is gone.
    await nb(wb.page).locator("#cell-8 .nb-error").waitFor();
    const notice = nb(wb.page).locator(".nb-edit-notice");
    expect(await notice.textContent()).toMatch(/Cell deleted\s*Undo/);
    await wb.page.screenshot({ path: `${screenshotDir}/undo-notice.png` });
    await notice.locator("button:text('Undo')").click();
    await expectCells(wb.page, before);
    await waitForOutput(wb.page, "9", "189 of them");
    expect(await nb(wb.page).locator("#cell-8 .nb-error").count()).toBe(0);
    // The shell saved the undone document: a reload shows cell 5 in place.
    await wb.page.waitForSelector(".nb-save-status.is-saved");
    await wb.page.reload();
    await waitForOutput(wb.page, "9", "189 of them");
    expect(await cellIds(wb.page)).toEqual(before);
  });

  it("keeps the undo history across a reload: a cell deleted before the reload comes back with Ctrl-Z after it", async () => {
    await wb.page.goto("about:blank");
    await openApp(wb.page, wb.server.url, "#/nb/demo");
    await waitForOutput(wb.page, "9", "189 of them");
    const before = await cellIds(wb.page);
    await nb(wb.page).locator("#cell-5").hover();
    await nb(wb.page).locator("#cell-5 button[title='Delete cell']").click();
    const without = before.filter((id) => id !== "5");
    await expectCells(wb.page, without);
    // The shell keeps the history with the notebook (IndexedDB), not only the document.
    await expect
      .poll(() =>
        wb.page.evaluate(
          () =>
            new Promise<string>((done) => {
              const open = indexedDB.open("tverrsnitt");
              open.onsuccess = () => {
                const read = open.result.transaction("notebooks").objectStore("notebooks").get("bundled:demo");
                read.onsuccess = () => {
                  const saved: unknown = read.result;
                  const history = typeof saved === "object" && saved !== null ? Reflect.get(saved, "history") : undefined;
                  const past: unknown = typeof history === "object" && history !== null ? Reflect.get(history, "past") : undefined;
                  const last: unknown = Array.isArray(past) ? past.at(-1) : undefined;
                  done(typeof last === "object" && last !== null ? String(Reflect.get(last, "label")) : "none");
                };
                read.onerror = () => done("unreadable");
              };
              open.onerror = () => done("no database");
            }),
        ),
      )
      .toBe("Delete cell");
    await wb.page.reload();
    await nb(wb.page).locator("#cell-8 .nb-error").waitFor({ timeout: 30_000 });
    expect(await cellIds(wb.page)).toEqual(without);
    await nb(wb.page).locator("nb-cell article[data-cell-id='9']").focus();
    await waitForFocus(wb.page, "cell:9");
    await wb.page.keyboard.press("Control+z");
    await expectCells(wb.page, before);
    await waitForOutput(wb.page, "9", "189 of them");
    expect(await nb(wb.page).locator("#cell-8 .nb-error").count()).toBe(0);
  });

  it("Move up keeps focus on the moved cell's button, and Ctrl-Z takes the move back", async () => {
    const before = await cellIds(wb.page);
    const up = nb(wb.page).locator("#cell-7 button[title='Move up']");
    await up.focus();
    await wb.page.keyboard.press("Enter");
    const moved = [...before];
    const at = moved.indexOf("7");
    moved.splice(at - 1, 2, "7", moved[at - 1] ?? "");
    await expectCells(wb.page, moved);
    expect(await inNotebook(wb.page, (frame) => frame.evaluate(() => document.activeElement?.closest("nb-cell article")?.getAttribute("data-cell-id") + ":" + (document.activeElement?.getAttribute("title") ?? "")))).toBe("7:Move up");
    await wb.page.keyboard.press("Escape");
    await waitForFocus(wb.page, "cell:7");
    await wb.page.keyboard.press("Control+z");
    await expectCells(wb.page, before);
    await waitForFocus(wb.page, "cell:7");
  });
});

describe("keyboard command mode", () => {
  it("walks a new notebook without the mouse", async () => {
    await wb.page.goto("about:blank");
    await openApp(wb.page, wb.server.url, "#/nb/demo");
    await wb.page.click("nb-toolbar button:text('New')");
    await wb.page.waitForSelector(".nb-list li.is-current >> text=Untitled notebook");
    await waitForOutput(wb.page, "2", "2");
    expect(await cellIds(wb.page)).toEqual(["1", "2"]);

    // Tab from the shell into the notebook: the first cell is reached, and each cell is one stop.
    await wb.page.locator("nb-toolbar button:text('Share link')").focus();
    let reached = "";
    for (let i = 0; i < 40 && reached !== "cell:1"; i++) {
      await wb.page.keyboard.press("Tab");
      reached = await focusIn(wb.page);
    }
    expect(reached).toBe("cell:1");
    await wb.page.keyboard.press("Tab");
    expect(await focusIn(wb.page)).toBe("cell:2");
    await wb.page.keyboard.press("Tab");
    expect(await focusIn(wb.page)).toBe("button");
    await wb.page.keyboard.press("Shift+Tab");
    expect(await focusIn(wb.page)).toBe("cell:2");

    // ↑/↓ and k/j move between cells.
    await wb.page.keyboard.press("ArrowUp");
    await waitForFocus(wb.page, "cell:1");
    await wb.page.keyboard.press("j");
    await waitForFocus(wb.page, "cell:2");
    await wb.page.keyboard.press("k");
    await waitForFocus(wb.page, "cell:1");
    await wb.page.keyboard.press("ArrowDown");
    await waitForFocus(wb.page, "cell:2");

    // B adds a JavaScript cell below and opens its editor; Esc; Ctrl-Enter runs it in place.
    await wb.page.keyboard.press("b");
    await waitForFocus(wb.page, "editor:3");
    await wb.page.keyboard.insertText("const x = 21");
    await wb.page.keyboard.press("Escape");
    await waitForFocus(wb.page, "cell:3");
    expect(await nb(wb.page).locator("#cell-3 .nb-changed").count()).toBe(1);
    await wb.page.keyboard.press("Control+Enter");
    await nb(wb.page).locator("#cell-3 .nb-changed").waitFor({ state: "detached" });
    expect(await focusIn(wb.page)).toBe("cell:3");

    // A adds above; Shift-Enter in the editor runs it and selects the next cell.
    await wb.page.keyboard.press("a");
    await waitForFocus(wb.page, "editor:4");
    await wb.page.keyboard.insertText("x * 2");
    await wb.page.keyboard.press("Shift+Enter");
    await waitForOutput(wb.page, "4", "42");
    await waitForFocus(wb.page, "cell:3");
    expect(await cellIds(wb.page)).toEqual(["1", "2", "4", "3"]);

    // Alt-↑ moves the selected cell; focus stays on it.
    await wb.page.keyboard.press("Alt+ArrowUp");
    await expectCells(wb.page, ["1", "2", "3", "4"]);
    await waitForFocus(wb.page, "cell:3");

    // Enter edits, Esc leaves; Shift-Enter on the cell runs it and goes on.
    await wb.page.keyboard.press("Enter");
    await waitForFocus(wb.page, "editor:3");
    await wb.page.keyboard.press("Control+End");
    await wb.page.keyboard.insertText("0");
    await wb.page.keyboard.press("Escape");
    await waitForFocus(wb.page, "cell:3");
    await wb.page.keyboard.press("Shift+Enter");
    await waitForOutput(wb.page, "4", "420");
    await waitForFocus(wb.page, "cell:4");

    // D D deletes; the notice offers Undo; Ctrl-Z brings the cell back, Ctrl-Shift-Z deletes it again.
    await wb.page.keyboard.press("d");
    await wb.page.keyboard.press("d");
    await expectCells(wb.page, ["1", "2", "3"]);
    await waitForFocus(wb.page, "cell:3");
    expect(await nb(wb.page).locator(".nb-edit-notice").textContent()).toMatch(/Cell deleted/);
    await wb.page.keyboard.press("Control+z");
    await expectCells(wb.page, ["1", "2", "3", "4"]);
    await waitForOutput(wb.page, "4", "420");
    await waitForFocus(wb.page, "cell:4");
    await wb.page.keyboard.press("Control+Shift+z");
    await expectCells(wb.page, ["1", "2", "3"]);
    await wb.page.keyboard.press("Control+z");
    await expectCells(wb.page, ["1", "2", "3", "4"]);
    // Undo of the run after an edit: 21 again, the edit kept as a draft.
    await wb.page.keyboard.press("Control+z");
    await expect.poll(() => outputText(wb.page, "4")).toBe("42");
    expect(await nb(wb.page).locator("#cell-3 .nb-changed").count()).toBe(1);
    await wb.page.keyboard.press("Control+Shift+z");
    await waitForOutput(wb.page, "4", "420");

    // ? lists the shortcuts; Esc closes the list.
    await wb.page.keyboard.press("?");
    const help = nb(wb.page).locator("dialog.nb-shortcuts");
    await help.waitFor({ state: "visible" });
    expect(await help.textContent()).toMatch(/Shift-Enter.*Run the cell and select the next one/s);
    await wb.page.screenshot({ path: `${screenshotDir}/keyboard-shortcuts.png` });
    await wb.page.keyboard.press("Escape");
    await help.waitFor({ state: "hidden" });

    // Ctrl-S in the frame saves the notebook file (the shell writes it).
    expect(await focusIn(wb.page)).toMatch(/^cell:/);
    const [download] = await Promise.all([wb.page.waitForEvent("download"), wb.page.keyboard.press("Control+s")]);
    expect(download.suggestedFilename()).toMatch(/\.html$/);
    const text = await readFile(await download.path(), "utf8");
    expect(text).toContain("const x = 210");
    expect(text).toContain("x * 2");
  });

  it("a save request the frame posts without a key press is ignored", { timeout: 30_000 }, async () => {
    const frame = await notebookFrame(wb.page);
    let downloads = 0;
    wb.page.on("download", () => downloads++);
    // A notebook's own code can reach the channel; without user activation the shell does nothing.
    // (Playwright's evaluate counts as a user gesture, so the fake key press waits on a timer until
    // that activation has expired: Chromium keeps it 5 s. It is heard on the console, not looked
    // for in the page, for the same reason.)
    const pressed = wb.page.waitForEvent("console", { predicate: (message) => message.text() === "fake Ctrl-S pressed", timeout: 20_000 });
    await frame.evaluate(() => {
      setTimeout(() => {
        window.dispatchEvent(new KeyboardEvent("keydown", { key: "s", ctrlKey: true }));
        console.log("fake Ctrl-S pressed");
      }, 6500);
    });
    await pressed;
    await wb.page.waitForTimeout(WRITTEN_WITHIN_MS); // a bounded wait, on purpose: for a file that must not come
    expect(downloads).toBe(0);
    // A real Ctrl-S does save (the walk above downloads the file the same way).
  });
});
