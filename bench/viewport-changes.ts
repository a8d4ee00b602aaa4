/**
 * Per-change view of the bench's filter changes (issue 12's p95): the same changes as
 * bench/notebooks.ts (each county once then clear; half at the top, half mid-page), but each change
 * printed with its viewport time (last change in view → painted), and which cells changed (* in view)
 * and when (ms from the input, first and last change of each). A tool for finding which changes
 * make a notebook's p95, not a benchmark.
 *
 *   npx tsx bench/viewport-changes.ts 04-reconciliation [dist] [changes per position] [cell id]
 *
 * With a cell id, the changes are made with that cell scrolled to the top of the frame instead.
 */
import { launchChromium, notebookFrame } from "../test/browser/browser-helpers";
import { serveDistApart } from "./workbench";
import { percentile } from "./notebooks";

const [name = "04-reconciliation", dist = "dist", perArg = "8", cellId] = process.argv.slice(2);
const COUNTIES = [11, 12, 3, 18, 1, 19, 15, 6, 14, 16, 10, 8, 2, 4, 5, 7, 9, 17, 20];

interface Change {
  scroll: string;
  county: number;
  viewport: number;
  values: number;
  cells: [string, number, number][];
  tasks: number[];
}

async function main(): Promise<void> {
  const server = await serveDistApart(dist);
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 1360, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${server.url}#/nb/${name}`);
    const frame = await notebookFrame(page, 30_000);
    await frame.evaluate(async () => {
      for (let w = 0; !window.tverrsnitt && w < 30_000; w += 10) await new Promise((r) => setTimeout(r, 10));
      await window.tverrsnitt?.ready;
      await window.tverrsnitt?.idle();
      await new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r)));
    });
    await frame.evaluate(() => {
      const probe = { t0: 0, lastAny: 0, lastViewport: -1, viewportPainted: -1, frame: 0, inFrame: false, frameRequested: false, paintFrame: 0, cells: new Map<string, [number, number]>(), tasks: [] as { start: number; duration: number }[] };
      const visible = new Set<Element>();
      const seen = new IntersectionObserver((entries) => {
        for (const e of entries) {
          if (e.isIntersecting && e.boundingClientRect.height > 0) visible.add(e.target);
          else visible.delete(e.target);
        }
      });
      for (const el of document.querySelectorAll("nb-cell, nb-filter-bar")) seen.observe(el);
      const scheduler: unknown = Reflect.get(window, "scheduler");
      const postTask: unknown = typeof scheduler === "object" && scheduler !== null ? Reflect.get(scheduler, "postTask") : undefined;
      const afterPaint: (run: () => void) => void = typeof postTask === "function" ? (run) => void Reflect.apply(postTask, scheduler, [run, { priority: "user-blocking" }]) : (run) => void setTimeout(run);
      Reflect.set(window, "__nbAfterPaint", afterPaint);
      const [requestFrame] = [(): void => {
        if (probe.frameRequested) return;
        probe.frameRequested = true;
        requestAnimationFrame(() => {
          probe.frameRequested = false;
          const f = ++probe.frame;
          probe.inFrame = true;
          afterPaint(() => {
            probe.inFrame = false;
            if (probe.lastViewport >= 0 && f >= probe.paintFrame && probe.viewportPainted < probe.lastViewport) probe.viewportPainted = performance.now();
          });
        });
      }];
      new MutationObserver((records) => {
        if (probe.t0 === 0) return;
        const now = performance.now();
        probe.lastAny = now;
        let inViewport = false;
        for (const r of records) {
          for (const n of r.addedNodes) if (n instanceof Element && n.matches("nb-cell, nb-filter-bar")) seen.observe(n);
          const el = r.target instanceof Element ? r.target : r.target.parentElement;
          const host = el?.closest("nb-cell, nb-filter-bar");
          if (host) {
            const seenNow = visible.has(host);
            if (seenNow) inViewport = true;
            const id = (host.getAttribute("data-id") ?? host.tagName.toLowerCase()) + (seenNow ? "*" : "");
            const t = now - probe.t0;
            const was = probe.cells.get(id);
            probe.cells.set(id, [was ? was[0] : t, t]);
          }
        }
        if (!inViewport) return;
        probe.lastViewport = now;
        probe.paintFrame = probe.inFrame ? probe.frame : probe.frame + 1;
        if (!probe.inFrame) requestFrame();
      }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) probe.tasks.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: "longtask" });
      Reflect.set(window, "__vp", probe);
    });
    const out: Change[] = [];
    let k = 0;
    const per = Number(perArg);
    for (const scroll of cellId ? [cellId] : ["top", "middle"]) {
      await frame.evaluate((where) => {
        const cell = document.querySelector(`nb-cell[data-id="${CSS.escape(where)}"]`);
        if (cell) cell.scrollIntoView({ block: "start" });
        else scrollTo(0, where === "top" ? 0 : Math.max(0, (document.documentElement.scrollHeight - innerHeight) / 2));
      }, scroll);
      await page.waitForTimeout(100);
      for (let i = 0; i < per + 2; i++) {
        const county = i % 2 === 0 ? (COUNTIES[k++ % COUNTIES.length] ?? 11) : 0;
        const r = await frame.evaluate(async (county) => {
          const p = Reflect.get(window, "__vp");
          const hooks = window.tverrsnitt;
          if (!hooks) throw new Error("no hooks");
          p.tasks = [];
          p.cells = new Map();
          p.lastViewport = -1;
          p.viewportPainted = -1;
          const t0 = performance.now();
          p.t0 = t0;
          p.lastAny = t0;
          let firstFrame = -1;
          const afterPaint = Reflect.get(window, "__nbAfterPaint");
          requestAnimationFrame(() => afterPaint(() => (firstFrame = performance.now())));
          const boxes = [...document.querySelectorAll<HTMLInputElement>('nb-filter-bar input[name="fylke"]')];
          for (const box of boxes) box.checked = Number(box.value) === county;
          boxes[0]?.dispatchEvent(new Event("input", { bubbles: true }));
          await hooks.idle();
          const values = performance.now();
          while (performance.now() - p.lastAny < 250) await new Promise((r) => setTimeout(r, 50));
          while (p.lastViewport >= 0 && p.viewportPainted < p.lastViewport) await new Promise((r) => setTimeout(r, 10));
          while (firstFrame < 0) await new Promise((r) => setTimeout(r, 10));
          p.t0 = 0;
          const cells: [string, number, number][] = [...p.cells.entries()].map(([id, [a, b]]: [string, [number, number]]) => [id, Math.round(a), Math.round(b)]);
          return { viewport: (p.lastViewport >= 0 ? p.viewportPainted : firstFrame) - t0, values: values - t0, cells, tasks: p.tasks.filter((t: { start: number }) => t.start >= t0).map((t: { start: number; duration: number }) => Math.round(t.duration)) };
        }, county);
        if (i >= 2) out.push({ scroll, county, ...r });
        console.log(`${i >= 2 ? "" : "(warm) "}${scroll.padEnd(6)} county ${String(county).padStart(2)}  viewport ${r.viewport.toFixed(0).padStart(4)} ms  values ${r.values.toFixed(0).padStart(4)} ms  long tasks [${r.tasks.join(",")}]  cells: ${r.cells.map(([id, a, b]) => `${id}@${a}-${b}`).join(" ")}`);
      }
    }
    const vp = out.map((c) => c.viewport);
    console.log(`p50 ${percentile(vp, 50).toFixed(0)} ms, p95 ${percentile(vp, 95).toFixed(0)} ms over ${vp.length}`);
    await context.close();
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
