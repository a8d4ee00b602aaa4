/**
 * Cold starts of notebook 01 on two builds, alternating, with where the time goes in each frame
 * (resource timing, long tasks, paints, performance marks, messages through the window between
 * shell and frame), for reading the critical path without a trace's overhead (issue 11):
 * `npx tsx bench/probe-cold.ts <distA> <distB> [runs] [notebook]`. Prints the last run of each
 * build (every run with PROBE_ALL=1) and the median time of each step. Under load the times are
 * long; read the order of the steps and the gaps between them, and compare builds only in one run.
 */
import { launchChromium, notebookFrame } from "../test/browser/browser-helpers";
import { renderedAt } from "./notebook-frame";
import { serveDistApart } from "./workbench";
import type { Browser, Frame } from "playwright-core";

const [a = "/tmp/s22-dist", b = "dist", runsText = "4", name = "01-overview"] = process.argv.slice(2);

interface Row {
  at: number;
  what: string;
}

async function rowsOf(frame: Frame, pageOrigin: number, label: string): Promise<Row[]> {
  const got = await frame.evaluate(() => {
    const probe: { origin: number; events: { t: number; what: string }[] } | undefined = Reflect.get(window, "__probe");
    const origin = performance.timeOrigin;
    const out: { t: number; what: string }[] = [...(probe?.events ?? [])];
    for (const e of performance.getEntriesByType("resource")) {
      if (!(e instanceof PerformanceResourceTiming)) continue;
      const n = e.name.split("/").pop() ?? e.name;
      out.push({ t: origin + e.startTime, what: `fetch> ${n}` });
      out.push({ t: origin + e.responseStart, what: `resp1 ${n} (wait ${Math.round(e.responseStart - e.requestStart)})` });
      out.push({ t: origin + e.responseEnd, what: `fetch< ${n}` });
    }
    for (const e of performance.getEntriesByType("paint")) out.push({ t: origin + e.startTime, what: e.name });
    for (const e of performance.getEntriesByType("mark")) out.push({ t: origin + e.startTime, what: `mark ${e.name}` });
    const nav = performance.getEntriesByType("navigation")[0];
    if (nav instanceof PerformanceNavigationTiming) {
      out.push({ t: origin + nav.responseEnd, what: "doc received" });
      out.push({ t: origin + nav.domInteractive, what: "domInteractive" });
      out.push({ t: origin + nav.domContentLoadedEventStart, what: "DCL" });
    }
    return out;
  });
  return got.map((e) => ({ at: e.t - pageOrigin, what: `${label} ${e.what}` }));
}

async function once(browser: Browser, url: string): Promise<{ total: number; rows: Row[] }> {
  const context = await browser.newContext({ viewport: { width: 1360, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(() => {
    const events: { t: number; what: string }[] = [];
    Reflect.set(window, "__probe", { events });
    addEventListener(
      "message",
      (e: MessageEvent) => {
        const d: unknown = e.data;
        const type = typeof d === "object" && d !== null && "type" in d ? String(d.type) : typeof d;
        events.push({ t: performance.timeOrigin + performance.now(), what: `msg ${type}` });
      },
      true,
    );
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) events.push({ t: performance.timeOrigin + e.startTime, what: `longtask ${Math.round(e.duration)}ms (to ${Math.round(e.startTime + e.duration)})` });
    }).observe({ type: "longtask", buffered: true });
  });
  await page.goto(`${url}#/nb/${name}`);
  const frame = await notebookFrame(page, 30_000);
  const at = await renderedAt(frame);
  const origin = await page.evaluate(() => performance.timeOrigin);
  const rows = await rowsOf(page.mainFrame(), origin, "S");
  if (frame !== page.mainFrame()) rows.push(...(await rowsOf(frame, origin, "F")));
  rows.push({ at: at - origin, what: "IDLE PAINTED" });
  await context.close();
  return { total: at - origin, rows: rows.sort((x, y) => x.at - y.at) };
}

const servers = [await serveDistApart(a), await serveDistApart(b)];
const browser = await launchChromium();
try {
  const runs = Number(runsText);
  const totals: number[][] = [[], []];
  const marks: Map<string, number[]>[] = [new Map(), new Map()];
  for (let r = 0; r < runs; r++) {
    for (const [i, server] of servers.entries()) {
      const result = await once(browser, server.url);
      totals[i]?.push(result.total);
      const seen = new Set<string>();
      for (const row of result.rows) {
        const m = /^(S|F) (mark [^ ]+|msg [a-z]+|DCL|domInteractive|first-contentful-paint|doc received|fetch> codebook.json|fetch> 01-overview.html|fetch> all-builtins.*|fetch< all-builtins.*|fetch> frame-open.*|fetch< frame-open.*|fetch> _virtual_shipped-cells.*|fetch< _virtual_shipped-cells.*)/.exec(row.what);
        const key = m ? `${m[1]} ${m[2]}` : undefined;
        if (!key || seen.has(key)) continue;
        seen.add(key);
        const list = marks[i]?.get(key) ?? [];
        list.push(row.at);
        marks[i]?.set(key, list);
      }
      if (r === runs - 1 || process.env.PROBE_ALL) {
        console.log(`\n=== ${i === 0 ? a : b} run ${r}: ${Math.round(result.total)} ms`);
        for (const row of result.rows) if (row.at > -1 && row.at <= result.total + 1) console.log(`${row.at.toFixed(0).padStart(6)} ${row.what}`);
      }
    }
  }
  const med = (xs: number[]): number => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)] ?? NaN;
  for (const [i, m] of marks.entries()) {
    console.log(`\nmedians ${i === 0 ? a : b}:`);
    for (const [key, xs] of [...m.entries()].sort((x, y) => med(x[1]) - med(y[1]))) console.log(`${Math.round(med(xs)).toString().padStart(6)} ${key} (${xs.length})`);
  }
  console.log(`\n${a}: ${totals[0]?.map(Math.round).join(" ")} median ${Math.round(med(totals[0] ?? []))}`);
  console.log(`${b}: ${totals[1]?.map(Math.round).join(" ")} median ${Math.round(med(totals[1] ?? []))}`);
} finally {
  await browser.close();
  for (const s of servers) await s.close();
}
