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
 * OPENS=n repeats it on n fresh opens of the notebook; the end prints the changes by class (where:
 * top / middle / the cell; what: a county chosen / the filter cleared): how many, their median and
 * worst viewport time, and how many were over the target's 33 ms — which class makes the p95.
 * THROTTLE=n slows the renderers n times (CDP CPU throttling), a stand-in for a loaded machine.
 */
import type { Browser } from "playwright-core";
import { launchChromium, notebookFrame } from "../test/browser/browser-helpers";
import { serveDistApart } from "./workbench";
import { filterChange, installProbe, type FilterChangeWithCells } from "./filter-change-probe";
import { COUNTIES } from "./notebook-changes";
import { percentile } from "./percentile";

const [name = "04-reconciliation", dist = "dist", perArg = "8", cellId] = process.argv.slice(2);

/** One change as the summary counts it. */
interface Classed {
  where: string;
  cleared: boolean;
  viewport: number;
}

async function main(): Promise<void> {
  const server = await serveDistApart(dist);
  const browser = await launchChromium();
  const all: Classed[] = [];
  try {
    for (let open = 0; open < Math.max(1, Number(process.env.OPENS ?? "1")); open++) all.push(...(await oneOpen(browser, server.url)));
  } finally {
    await browser.close();
    await server.close();
  }
  printClasses(all);
}

/** Viewport times by class: which kind of change is slow, and how often. */
function printClasses(all: readonly Classed[]): void {
  const vp = all.map((c) => c.viewport);
  console.log(`all opens: p50 ${percentile(vp, 50).toFixed(0)} ms, p95 ${percentile(vp, 95).toFixed(0)} ms over ${vp.length}`);
  const classes = new Map<string, number[]>();
  for (const c of all) {
    const name = `${c.where} ${c.cleared ? "clear" : "county"}`;
    classes.set(name, [...(classes.get(name) ?? []), c.viewport]);
  }
  for (const [name, times] of classes) {
    const over = times.filter((t) => t > 33).length;
    console.log(`  ${name.padEnd(16)} n ${String(times.length).padStart(3)}  median ${percentile(times, 50).toFixed(0).padStart(4)} ms  worst ${Math.max(...times).toFixed(0).padStart(4)} ms  over 33 ms: ${over}/${times.length}`);
  }
}

async function oneOpen(browser: Browser, url: string): Promise<Classed[]> {
  const classed: Classed[] = [];
  const context = await browser.newContext({ viewport: { width: 1360, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${url}#/nb/${name}`);
  const frame = await notebookFrame(page, 30_000);
  await frame.evaluate(async () => {
    for (let w = 0; !window.tverrsnitt && w < 30_000; w += 10) await new Promise((r) => setTimeout(r, 10));
    await window.tverrsnitt?.ready;
    await window.tverrsnitt?.idle();
    await new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r)));
  });
  // The bench's own probe, also noting which cells each change touched.
  await installProbe(frame, { cells: true });
  // THROTTLE=n slows the page's and the frame's renderer n times (CDP), to see what load does to the order.
  const throttle = Number(process.env.THROTTLE ?? "1");
  if (throttle > 1) {
    for (const target of [page, frame]) {
      const cdp = await context.newCDPSession(target).catch(() => undefined);
      await cdp?.send("Emulation.setCPUThrottlingRate", { rate: throttle });
    }
  }
  const out: FilterChangeWithCells[] = [];
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
      const r = await filterChange(frame, county);
      if (i >= 2) {
        out.push(r);
        classed.push({ where: scroll, cleared: county === 0, viewport: r.viewportPainted });
      }
      console.log(`${i >= 2 ? "" : "(warm) "}${scroll.padEnd(6)} county ${String(county).padStart(2)}  viewport ${r.viewportPainted.toFixed(0).padStart(4)} ms  values ${r.valuesSettled.toFixed(0).padStart(4)} ms  long tasks [${r.tasks.join(",")}]  first frame ${r.firstFrame.toFixed(0)} ms, ran before it: ${r.beforeFirstPaint.join(" ") || "-"}  cells: ${r.cells.map(([id, a, b]) => `${id}@${a}-${b}`).join(" ")}`);
    }
  }
  const vp = out.map((c) => c.viewportPainted);
  console.log(`p50 ${percentile(vp, 50).toFixed(0)} ms, p95 ${percentile(vp, 95).toFixed(0)} ms over ${vp.length}`);
  await context.close();
  return classed;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
