/**
 * Runaway cells in Chromium against the built app. The notebook runs in a sandboxed frame in its
 * own process, so while a cell spins the shell page still answers clicks; within about a second it
 * says which cell is not responding and offers Stop, which reopens the notebook in a fresh frame
 * with that cell held back (shown as stopped, with the fix) and everything else running. Also a
 * loop the loop guards cannot see (a pathological regex), and a notebook that navigates its own
 * frame away (reopened paused).
 */
import { writeFileSync } from "node:fs";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import type { CellDoc } from "../../src/notebook/document";
import { unwrap } from "../../src/base/result";
import { encodeShare } from "../../src/notebook/share-codec";
import { nb, norm, screenshotDir, typeIntoCell, waitForOutput } from "./browser-helpers";
import { ANSWER_CPU_MS, answerCpu, traceThreads } from "./thread-trace";
import { useWorkbench } from "./use-workbench";

const wb = useWorkbench({ context: { viewport: { width: 1280, height: 860 } } });
const measured: Record<string, number[]> = {};

afterAll(async () => {
  writeFileSync("test-output/runaway-stop.json", JSON.stringify(measured, null, 2));
});

async function openRunning(cells: CellDoc[]): Promise<Page> {
  const page = await wb.context.newPage();
  await page.goto(`${wb.server.url}#share=${unwrap(await encodeShare({ doc: { title: "Runaway", cells }, inputs: {} }))}`);
  await page.click(".nb-consent");
  return page;
}

/**
 * Click the data menu button in the shell with the mouse and time its answer: inside the page, from
 * the input event to the first frame painted with the menu open; and the wall time of the test's
 * round trip (mouse down/up through the browser, then finding the menu), which adds the harness's
 * own latency on a loaded machine. Marks `shell-click-i` (at the input event's time) and `shell-answer-i` in the
 * shell page for a trace (thread-trace.ts).
 */
async function clickShell(page: Page, i: number): Promise<{ answered: number; roundTrip: number }> {
  // No functions bound to names in page code (the test transform would wrap them in a helper the
  // page lacks); the listener captures on the document so it runs before the button re-renders.
  await page.evaluate((n) => {
    Reflect.set(window, "__answered", undefined);
    document.addEventListener(
      "click",
      (event) => {
        performance.mark(`shell-click-${n}`, { startTime: event.timeStamp });
        new MutationObserver((_, observer) => {
          if (!document.querySelector(".nb-data-menu")) return;
          observer.disconnect();
          requestAnimationFrame(() => setTimeout(() => {
            performance.mark(`shell-answer-${n}`);
            Reflect.set(window, "__answered", performance.now() - event.timeStamp);
          }));
        }).observe(document.body, { subtree: true, childList: true });
      },
      { once: true, capture: true },
    );
  }, i);
  const box = await page.locator(".nb-data-button").boundingBox();
  if (!box) throw new Error("the data button is not on screen");
  const started = Date.now();
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await page.waitForSelector(".nb-data-menu", { timeout: 5_000 });
  const roundTrip = Date.now() - started;
  await page.waitForFunction(() => typeof Reflect.get(window, "__answered") === "number", undefined, { timeout: 5_000 });
  const answered = await page.evaluate(() => Number(Reflect.get(window, "__answered")));
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await page.waitForSelector(".nb-data-menu", { state: "detached" });
  return { answered, roundTrip };
}

// A test that fails before its Stop leaves its frame spinning, and the next page of this context
// then never loads: its notebook frame (same site) joins the busy frame's process (run 1 of stop 32:
// page.goto timed out after the regex test failed; checked: with the regex spinning in one page, a
// second page of the context did not load in 25 s, one in a fresh context in 1.9 s). Every page goes
// at the end of its test.
afterEach(async () => {
  for (const page of wb.context.pages()) await page.close();
});

describe("a runaway cell", () => {
  it("while(true){}: the shell names the cell, and Stop recovers the notebook", async () => {
    const page = await openRunning([
      { id: "1", kind: "js", source: "const x = 20" },
      { id: "2", kind: "js", source: "const spin = (() => { while (true) {} })()" },
      { id: "3", kind: "js", source: "x + 1" },
    ]);
    const looping = Date.now();
    // Within about a second the shell sees that the frame stopped answering.
    await page.waitForSelector(".nb-run-status.is-stuck .nb-stop", { timeout: 4_000 });
    const noticed = Date.now() - looping;
    expect(norm(await page.locator(".nb-run-status").textContent())).toMatch(/^spin is not responding \(running for \d+ s\)\. The rest of the page still works\. Stop$/);
    measured.whileTrueStuckNoticedMs = [noticed];
    // Stop well before the loop guard's 5 s: the notebook comes back in a fresh frame. Nothing else
    // is done first (the clicks while a cell spins are timed in the regex test, which has no guard
    // and so no deadline): three timed clicks here took the time from the loop's start to Stop
    // towards the 4.5 s this allows on a loaded machine.
    expect(Date.now() - looping).toBeLessThan(4_500);
    const stopped = Date.now();
    await page.click(".nb-stop");
    await nb(page).locator("#cell-2 .nb-error").waitFor({ timeout: 10_000 });
    measured.stopToRecoveredMs = [Date.now() - stopped];
    expect(norm(await nb(page).locator("#cell-2 .nb-error").textContent())).toMatch(/^Stopped This cell ran for \d+ s without finishing, so the notebook was restarted without running it\. Fix: .*run the cell again \(Shift-Enter\)\.$/);
    await waitForOutput(page, "3", "21");
    expect(await page.locator(".nb-run-status").isHidden()).toBe(true);
    await page.screenshot({ path: `${screenshotDir}/runaway-stopped-by-stop.png` });
    // Usable: the other cells edit and run; the stopped cell runs again once fixed.
    await typeIntoCell(page, "3", "x * 2");
    await page.keyboard.press("Shift+Enter");
    await waitForOutput(page, "3", "40");
    await typeIntoCell(page, "2", "const spin = 7");
    await page.keyboard.press("Shift+Enter");
    await nb(page).locator("#cell-2 .nb-error").waitFor({ state: "detached" });
    await page.close();
  });

  it("a pathological regex, which no loop guard sees: the shell answers clicks meanwhile, each with under 100 ms of its CPU, and it is stopped the same way", async () => {
    const page = await openRunning([
      { id: "1", kind: "js", source: "const text = 'a'.repeat(40) + 'b'" },
      { id: "2", kind: "js", source: "const match = /^(a+)+$/.test(text)" },
      { id: "3", kind: "js", source: "text.length" },
    ]);
    await page.waitForSelector(".nb-run-status.is-stuck .nb-stop", { timeout: 4_000 });
    expect(norm(await page.locator(".nb-run-status").textContent())).toContain("match is not responding");
    const { result: clicks, trace } = await traceThreads(wb.browser, async () => {
      await page.evaluate(() => performance.mark("shell-thread"));
      return [await clickShell(page, 0), await clickShell(page, 1), await clickShell(page, 2)];
    });
    const cpu = answerCpu(trace, trace.threadOf("shell-thread"), "shell", clicks.length);
    measured.regexAnsweredMs = clicks.map((c) => c.answered);
    measured.regexRoundTripMs = clicks.map((c) => c.roundTrip);
    measured.regexAnswerCpuMs = cpu;
    // The shell answers (handler run, menu drawn) while the frame spins: each click within 5 s
    // (clickShell's waits; a page frozen with the frame would never answer) and with under 100 ms of
    // the shell thread's CPU. Not by wall time: a loaded machine deschedules the shell on its own
    // (157 ms once at a load average of 20 on 2 cores, the round trip's median 209 ms at 29).
    for (const ms of cpu) expect(ms, `the shell's CPU from a click to the menu's frame (wall ${clicks.map((c) => c.answered.toFixed(0)).join(", ")} ms)`).toBeLessThan(ANSWER_CPU_MS);
    await page.click(".nb-stop");
    await nb(page).locator("#cell-2 .nb-error").waitFor({ timeout: 10_000 });
    await waitForOutput(page, "3", "41");
    await page.close();
  });

  it("a notebook that navigates its own frame away is reopened paused: nothing runs until Run", async () => {
    const page = await openRunning([
      { id: "1", kind: "js", source: "const answer = 6 * 7" },
      { id: "2", kind: "js", source: "const away = (() => { location.href = 'frame.html?away'; return answer; })()" },
    ]);
    await page.waitForSelector(".nb-paused-bar", { timeout: 10_000 });
    expect(norm(await page.locator(".nb-paused-bar").textContent())).toContain("This notebook tried to leave the app");
    // Paused: nothing ran in the new frame.
    await nb(page).locator("#cell-1").waitFor();
    expect(await nb(page).locator(".nb-output > *").count()).toBe(0);
    await page.screenshot({ path: `${screenshotDir}/runaway-navigated.png` });
    await page.close();
  });
});
