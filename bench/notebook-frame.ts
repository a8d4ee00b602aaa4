/** Finding the notebook's frame in the workbench page and waiting for it to settle (the bench's scripts share these). */
import type { Frame, Page } from "playwright-core";

/**
 * The frame of the notebook on screen (the visible iframe), once its notebook element exists. A build
 * from before the sandbox (cf2813c, `--vs`) draws the notebook in the page itself: then the page.
 */
export async function visibleNotebookFrame(page: Page, not: Frame | undefined, timeout = 30_000): Promise<Frame> {
  const until = Date.now() + timeout;
  for (;;) {
    const frames = await page.$$("iframe.nb-frame");
    for (const handle of await page.$$("iframe.nb-frame:not([hidden])")) {
      const frame = await handle.contentFrame();
      if (!frame || frame === not) continue;
      const has = await frame.evaluate(() => document.querySelector("nb-notebook") !== null).catch(() => false);
      if (has) return frame;
    }
    if (frames.length === 0 && (await page.evaluate(() => document.querySelector("nb-notebook") !== null).catch(() => false))) return page.mainFrame();
    if (Date.now() > until) throw new Error("no visible notebook frame");
    await page.waitForTimeout(20);
  }
}

/** Epoch ms at which the frame's notebook was open, idle and the frame after that painted (also bench/probe-cold.ts, bench/trace-cold.ts). */
export function renderedAt(frame: Frame): Promise<number> {
  return frame.evaluate(async () => {
    // A build from before the sandbox (`--vs`) set the hooks after its notebook element existed.
    for (let waited = 0; !window.tverrsnitt && waited < 30_000; waited += 10) await new Promise((r) => setTimeout(r, 10));
    const hooks = window.tverrsnitt;
    if (!hooks) throw new Error("no test hooks in the notebook frame");
    await hooks.ready;
    await hooks.idle();
    await new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r)));
    return performance.timeOrigin + performance.now();
  });
}
