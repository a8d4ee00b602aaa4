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
import { COUNTIES, filterChange, installProbe, percentile, type FilterChangeWithCells } from "./notebooks";

const [name = "04-reconciliation", dist = "dist", perArg = "8", cellId] = process.argv.slice(2);

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
    // The bench's own probe, also noting which cells each change touched.
    await installProbe(frame, { cells: true });
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
        if (i >= 2) out.push(r);
        console.log(`${i >= 2 ? "" : "(warm) "}${scroll.padEnd(6)} county ${String(county).padStart(2)}  viewport ${r.viewportPainted.toFixed(0).padStart(4)} ms  values ${r.valuesSettled.toFixed(0).padStart(4)} ms  long tasks [${r.tasks.join(",")}]  first frame ${r.firstFrame.toFixed(0)} ms, ran before it: ${r.beforeFirstPaint.join(" ") || "-"}  cells: ${r.cells.map(([id, a, b]) => `${id}@${a}-${b}`).join(" ")}`);
      }
    }
    const vp = out.map((c) => c.viewportPainted);
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
