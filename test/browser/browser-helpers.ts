/**
 * Shared set-up for the browser tests and the benchmark: Debian's Chromium through playwright-core,
 * pages on the built app, and small waits expressed in terms of what the user sees. The app is a
 * shell page with the open notebook in a sandboxed iframe: shell controls are found on the page,
 * cells and outputs in the notebook's frame (`nb`, `inNotebook`).
 */
import { mkdirSync } from "node:fs";
import { chromium, type Browser, type Frame, type FrameLocator, type Page } from "playwright-core";

export const screenshotDir = "test-output/screenshots";

/**
 * How long after a notebook asks the shell for a file (Export report, Ctrl-S) a file let through is
 * written, for tests that show one is refused (a refusal shows no sign: they wait this long, then
 * look). With the shell's activation check taken out, report-export's hostile notebook had its own
 * report downloaded 95–167 ms after it asked (3 runs at a load average of 16 on 2 cores).
 */
export const WRITTEN_WITHIN_MS = 1000;

/** Options of {@link launchChromium}. */
export interface LaunchOptions {
  /**
   * Keep Chromium's popup blocker on, as a user's browser has it. Playwright turns it off by
   * default (`--disable-popup-blocking`), which would let a `window.open` through that no user's
   * browser lets through.
   */
  popupBlocker?: boolean;
}

/**
 * The features Playwright (1.65) turns off with its own `--disable-features`. Chromium keeps only the
 * last `--disable-features` it is given, so ours must name these again or turn them back on
 * (PaintHolding among them). browser-launch.test.ts reads the launched browser's command line and
 * fails when Playwright's list has a feature this one lacks.
 */
const PLAYWRIGHT_DISABLED_FEATURES = [
  "AvoidUnnecessaryBeforeUnloadCheckSync",
  "DestroyProfileOnBrowserClose",
  "HttpsUpgrades",
  "HttpsFirstBalancedModeAutoEnable",
  "LensOverlay",
  "MediaRouter",
  "PaintHolding",
  "ThirdPartyStoragePartitioning",
  "AvoidCorsURLLoaderRestartOnRedirect",
  "TcpPortRandomizationWin",
  "OptimizationHints",
  "NetworkTimeServiceQuerying",
  "AimEnabled",
  "PreconnectToSearch",
  "msForceBrowserSignIn",
  "msEdgeUpdateLaunchServicesPreferredVersion",
];

/**
 * Headless Chromium 15x builds the address bar's WebUI popups at the first page of every fresh
 * profile (each new context): a renderer of its own loads ~150 files and draws them while the page
 * under test loads, a few hundred ms of a 2-core machine's CPU at random inside every cold start the
 * bench times (issue 12; bench/versus.ts found it). No test or bench uses the address bar.
 */
const NO_OMNIBOX_POPUPS = ["WebUIOmniboxPopup", "WebUIOmniboxAimPopup", "WebUIOmniboxFullPopup"];

/** Chromium's arguments for every test and bench run (see {@link launchChromium}). */
export const CHROMIUM_ARGS: readonly string[] = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  // English, whatever the machine's LANG: the app's language follows the browser's (docs/decisions.md),
  // and these tests read its words and numbers. A test of another language says so in its context.
  "--lang=en-US",
  `--disable-features=${[...PLAYWRIGHT_DISABLED_FEATURES, ...NO_OMNIBOX_POPUPS].join(",")}`,
];

/** Launch the system Chromium the way every test and benchmark here does. */
export async function launchChromium(options: LaunchOptions = {}): Promise<Browser> {
  mkdirSync(screenshotDir, { recursive: true });
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: [...CHROMIUM_ARGS],
    ...(options.popupBlocker ? { ignoreDefaultArgs: ["--disable-popup-blocking"] } : {}),
  });
}

/**
 * The frame that holds the open notebook (its cells, outputs and filter bar): the first frame whose
 * document has an `<nb-notebook>`, waited for up to `timeout`.
 */
export async function notebookFrame(page: Page, timeout = 20_000): Promise<Frame> {
  const until = Date.now() + timeout;
  for (;;) {
    for (const frame of page.frames()) {
      const has = await frame.evaluate(() => document.querySelector("nb-notebook") !== null).catch(() => false);
      if (has) return frame;
    }
    if (Date.now() > until) {
      const frames = page.frames().map((f) => f.url() || "(no address)").join(", ");
      throw new Error(`no frame of the page held an <nb-notebook> within ${timeout} ms (frames: ${frames}; page at ${page.url()})`);
    }
    await page.waitForTimeout(50);
  }
}

/** Whitespace-normalised text (nb-NO number formatting uses no-break spaces). */
export function norm(text: string | null | undefined): string {
  return (text ?? "").replace(/[\s\u00a0\u202f]+/g, " ").trim();
}

/**
 * The open notebook's frame as a root for locators: the notebook runs in a sandboxed iframe
 * (frame.html) inside the shell page. It always means the frame on screen, so a locator follows the
 * notebook when it is reopened in a fresh frame (another notebook, Stop).
 */
export function nb(page: Page): FrameLocator {
  return page.frameLocator("iframe.nb-frame:not([hidden])");
}

/**
 * Run `action` (a wait) in the notebook's frame, following a frame that was replaced meanwhile
 * (a notebook reopened in a fresh frame); `timeout` is what is left of the whole wait.
 */
export async function inNotebook<T>(page: Page, action: (frame: Frame, timeout: number) => Promise<T>, timeout = 15_000): Promise<T> {
  const until = Date.now() + timeout;
  for (;;) {
    const frame = await notebookFrame(page, Math.max(1, until - Date.now()));
    try {
      return await action(frame, Math.max(1, until - Date.now()));
    } catch (error) {
      if (!frame.isDetached() || Date.now() >= until) throw error;
    }
  }
}

/** Text of a cell's output area. */
export async function outputText(page: Page, cellId: string): Promise<string> {
  return norm(await nb(page).locator(`#cell-${cellId} .nb-output`).first().textContent());
}

/**
 * What a cell shows now, for a failed wait's message: its output's text (cut to 300 characters), its
 * status line and error; "no cell …" when the open notebook has none, or why it could not be read.
 */
export async function cellNow(page: Page, cellId: string): Promise<string> {
  try {
    const frame = await notebookFrame(page, 2_000);
    return await frame.evaluate((id) => {
      const cell = document.querySelector(`#cell-${CSS.escape(id)}`);
      if (!cell) return `no cell #cell-${id} in the notebook (${document.querySelectorAll("nb-cell").length} cells)`;
      // No function declared in here: tsx (the bench's runner) wraps named functions in a helper the page lacks.
      const [output = "", status = "", error] = [".nb-output", ".nb-status", ".nb-error"].map((selector) => {
        const el = cell.querySelector(selector);
        return el ? (el.textContent ?? "").replace(/[\s\u00a0\u202f]+/g, " ").trim() : undefined;
      });
      return `output "${output.length > 300 ? `${output.slice(0, 300)}…` : output}", status "${status}"${error === undefined ? "" : `, error "${error}"`}`;
    }, cellId);
  } catch (error) {
    return `could not be read (${error instanceof Error ? error.message.split("\n")[0] : String(error)})`;
  }
}

/** Wait until a cell's output contains `expected` (string or pattern); on timeout, say what it showed. */
export async function waitForOutput(page: Page, cellId: string, expected: string | RegExp, timeout = 15_000): Promise<void> {
  const source = typeof expected === "string" ? expected : expected.source;
  const flags = typeof expected === "string" ? "" : expected.flags;
  const isRegex = typeof expected !== "string";
  try {
    await inNotebook(
      page,
      (frame, left) =>
        frame.waitForFunction(
          ({ id, source, flags, isRegex }) => {
            const el = document.querySelector(`#cell-${id} .nb-output`);
            const text = (el?.textContent ?? "").replace(/[\s\u00a0\u202f]+/g, " ");
            return isRegex ? new RegExp(source, flags).test(text) : text.includes(source);
          },
          { id: cellId, source, flags, isRegex },
          { timeout: left },
        ),
      timeout,
    );
  } catch (error) {
    const why = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new Error(`cell ${cellId}'s output did not come to contain ${String(expected)} (${why}); the cell now: ${await cellNow(page, cellId)}`, { cause: error });
  }
}

/** Open the app at `hash` and wait for the first notebook to be on screen. */
export async function openApp(page: Page, base: string, hash: string): Promise<void> {
  await page.goto(`${base}${hash}`);
  await page.waitForSelector("nb-app .nb-header").catch((error: unknown) => {
    throw new Error(`the app's header (nb-app .nb-header) was not on screen at ${base}${hash}`, { cause: error });
  });
}

/** Source text of a cell, whether shown statically or in the editor. */
export async function sourceText(page: Page, cellId: string): Promise<string> {
  return (await nb(page).locator(`#cell-${cellId} .nb-editor`).innerText()).replace(/\u00a0/g, " ");
}

/** Replace a cell's editor text by typing, like a user (select all, type). */
export async function typeIntoCell(page: Page, cellId: string, text: string): Promise<void> {
  // A shared notebook opens in report view (code hidden): editing happens in edit view.
  if ((await nb(page).locator("nb-notebook[report]").count()) > 0) await nb(page).locator("nb-report-nav .nb-view-edit").click();
  // The source is static text until clicked; the click loads and focuses the CodeMirror editor.
  const editor = nb(page).locator(`#cell-${cellId} .nb-editor`);
  await editor.click();
  await nb(page).locator(`#cell-${cellId} .cm-content:focus`).waitFor().catch(async (error: unknown) => {
    const focused = await nb(page).locator(":focus").evaluateAll((els) => els.map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join(".")}`)).catch(() => []);
    throw new Error(`cell ${cellId}'s editor did not take the focus after a click (focused in the frame: ${focused.join(", ") || "nothing"})`, { cause: error });
  });
  await page.keyboard.press("Control+A");
  await page.keyboard.insertText(text);
}

/**
 * Tick (or untick) one choice of the notebook's filter bar, as a user does: open its drop-down
 * (`group`: fylke, size, type, adopted), click the chip, close the drop-down again.
 */
export async function tickFilter(page: Page, group: string, value: string, checked = true): Promise<void> {
  const details = nb(page).locator(`nb-filter-bar details[data-group="${group}"]`);
  await details.locator("summary").click();
  await details.locator(`input[name="${group}"][value="${value}"]`).setChecked(checked);
  await details.locator("summary").click();
}

/**
 * Click a header toolbar action by its class (`nb-revert`, `nb-export`): on the row, or — when the
 * row had no room and it moved into More (nb-toolbar.ts) — from the More menu, as a user would.
 */
export async function toolbarAction(page: Page, className: string, timeout = 15_000): Promise<void> {
  const onRow = page.locator(`nb-toolbar .nb-button.${className}`);
  const more = page.locator("nb-toolbar .nb-more");
  await onRow.or(more).first().waitFor({ timeout });
  if ((await onRow.count()) > 0) return onRow.click();
  await more.click();
  await page.locator(`nb-toolbar .nb-more-menu .${className}`).click({ timeout });
}

/**
 * Print, as a reader would, until the shell's print view shows `selector`: fires `beforeprint` (the
 * view is drawn then from the report the frame last sent — a second after the notebook was quiet —
 * once the print code has loaded, 2 s after start) every 100 ms until it holds a match. The view
 * is left drawn, as while the browser's print dialog is open; `afterprint` clears it.
 */
export async function printUntilShown(page: Page, selector: string, timeout = 30_000): Promise<void> {
  const until = Date.now() + timeout;
  const printed = (): Promise<number> =>
    page.evaluate((sought) => {
      window.dispatchEvent(new Event("beforeprint"));
      return document.querySelector("nb-print-report")?.shadowRoot?.querySelectorAll(sought).length ?? 0;
    }, selector);
  while ((await printed()) === 0) {
    if (Date.now() > until) throw new Error(`the print view showed no ${selector} within ${timeout} ms`);
    await page.waitForTimeout(100); // the poll's interval
  }
}

/**
 * Every record in the app's IndexedDB store (the working copies the autosave writes), as JSON text:
 * what a reload will open, read from the shell page's own origin.
 */
export function storedNotebooks(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      new Promise<string>((done) => {
        const open = indexedDB.open("tverrsnitt");
        open.onsuccess = () => {
          const read = open.result.transaction("notebooks").objectStore("notebooks").getAll();
          read.onsuccess = () => done(JSON.stringify(read.result));
          read.onerror = () => done("unreadable");
        };
        open.onerror = () => done("no database");
      }),
  );
}

/**
 * Wait until `expression` (evaluated in the shell page) is true without giving the page user
 * activation. Playwright runs everything it evaluates — locators' and `waitFor`'s checks too — as
 * if the user had done it (Chromium's `userGesture: true`), which activates the page for ~5 s; a
 * test of what the shell refuses without activation must look through the DevTools protocol
 * directly, whose `Runtime.evaluate` runs without a gesture. The expression is polled in the page
 * every 50 ms.
 */
export async function waitWithoutGesture(page: Page, expression: string, timeout: number): Promise<void> {
  const session = await page.context().newCDPSession(page);
  try {
    const poll = `new Promise((resolve) => {
      const until = Date.now() + ${timeout};
      const check = () => (${expression}) ? resolve(true) : Date.now() > until ? resolve(false) : setTimeout(check, 50);
      check();
    })`;
    const { result } = await session.send("Runtime.evaluate", { expression: poll, awaitPromise: true, returnByValue: true });
    if (result.value !== true) throw new Error(`not true within ${timeout} ms: ${expression}`);
  } finally {
    await session.detach();
  }
}
