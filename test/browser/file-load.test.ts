/**
 * Big and hostile files in Chromium against the built app (CSP included), read by the load worker:
 * while a 50 MB CSV loads, clicks on notebook 01's filter bar are answered within 100 ms (input
 * event to the bar's new N) and the load still ends in review; files that are not survey data —
 * random bytes under a .csv name, a card image damaged by tabs, a .sav cut short — are refused with
 * the reason and the fix, and the bundled data stays active after each refusal; a file read by two
 * workers at once holds exactly the values one worker reads. The data menu and the workers are the
 * shell's; notebook 01 and its filter bar are in the sandboxed frame.
 */
import { closeSync, mkdirSync, openSync, readFileSync, readdirSync, rmSync, writeSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { inNotebook, nb, norm, notebookFrame, openApp, screenshotDir, tickFilter, waitForOutput } from "./browser-helpers";
import { distRoot } from "./static-server";
import { useWorkbench } from "./use-workbench";

const workDir = "test-output/file-load";
const bigPath = `${workDir}/respondents-50mb.csv`;

const wb = useWorkbench({ context: { viewport: { width: 1360, height: 900 } }, page: true });

beforeAll(async () => {
  mkdirSync(workDir, { recursive: true });
  // The bundled respondents repeated past 50 MB, each row with a fresh resp_id.
  const [header = "", ...rows] = readFileSync("data/survey-1999/respondents.csv", "utf8").trimEnd().split("\n");
  const fd = openSync(bigPath, "w");
  writeSync(fd, `${header}\n`);
  let written = 0;
  for (let id = 1; written < 50 * 1_048_576; ) {
    const block = rows.map((row) => `${id++}${row.slice(row.indexOf(","))}\n`).join("");
    writeSync(fd, block);
    written += Buffer.byteLength(block);
  }
  closeSync(fd);
  await openApp(wb.page, wb.server.url, "#/nb/01-overview");
  await waitForN(wb.page, "N = 267 of 267");
  await wb.page.evaluate(() => window.tverrsnitt?.idle());
});

afterAll(async () => {
  rmSync(workDir, { recursive: true, force: true });
});

async function waitForN(p: Page, n: string): Promise<void> {
  await inNotebook(p, (frame, timeout) => frame.waitForFunction((want) => (document.querySelector("nb-filter-bar .tv-filter-n")?.textContent ?? "").replace(/[\s\u00a0]+/g, " ").startsWith(want), n, { timeout }), 30_000);
}

/** Wait until the filter bar says N = n of total, whatever the digit grouping. */
async function waitForCount(p: Page, n: number, total: number): Promise<void> {
  await inNotebook(p, (frame, timeout) => frame.waitForFunction((want) => (document.querySelector("nb-filter-bar .tv-filter-n")?.textContent ?? "").replace(/[\s\u00a0\u202f,]+/g, "").startsWith(want), `N=${n}of${total}`, { timeout }), 30_000);
}

/** The bundled data is what the notebook shows: N = 267 and the reconstruction notice. */
async function expectBundled(p: Page): Promise<void> {
  await waitForN(p, "N = 267 of 267");
  expect(norm(await p.locator(".nb-data-button").textContent())).toBe("Data: reconstructed 1999 respondents ▾");
}

describe("a 50 MB file loads in a worker while the page keeps answering", () => {
  // Retried, as the shell's test below: on a machine loaded many times over its cores a click's task
  // can be descheduled past 100 ms now and then (246 ms once at a load average of 25 on 2 cores).
  it("clicks on the filter bar are answered within 100 ms during the load", { retry: 2 }, async () => {
    // A retry starts where a user would: the last attempt's file read to its review and put back.
    if ((await wb.page.locator(".nb-data-loading, .nb-data-use").count()) > 0) {
      await wb.page.waitForSelector(".nb-data-use", { timeout: 120_000 });
      await wb.page.click(".nb-data-back");
      await expectBundled(wb.page);
    }
    // Record, in the notebook's frame, when each click arrived (the input event's own time stamp) and when the bar's N changed.
    const frame = await notebookFrame(wb.page);
    await frame.evaluate(() => {
      const times: { clicked: number; answered?: number }[] = [];
      Reflect.set(window, "__clicks", times);
      const box = document.querySelector("nb-filter-bar input[name=size][value='2']");
      const n = document.querySelector("nb-filter-bar .tv-filter-n");
      box?.addEventListener("click", (e) => times.push({ clicked: e.timeStamp }), { capture: true });
      if (n) new MutationObserver(() => {
        const last = times.at(-1);
        if (last && last.answered === undefined) last.answered = performance.now();
      }).observe(n, { childList: true, characterData: true, subtree: true });
    });
    // The size classes are in the filter bar's drop-down: open it before the load, so the first
    // click lands while the file is still being read (two workers read 50 MB in a second or two).
    const sizes = nb(wb.page).locator('nb-filter-bar details[data-group="size"]');
    if ((await sizes.getAttribute("open")) === null) await sizes.locator("summary").click();
    const box = nb(wb.page).locator("nb-filter-bar input[name=size][value='2']");
    await wb.page.setInputFiles(".nb-data-file", bigPath);
    await wb.page.waitForFunction(() => {
      const bar = document.querySelector("progress.nb-data-progress");
      return bar instanceof HTMLProgressElement && bar.value > 0;
    }, undefined, { polling: 10 });
    const duringLoad: boolean[] = [];
    for (let i = 0; i < 4; i++) {
      await box.click();
      await frame.waitForFunction((k) => {
        const times: unknown = Reflect.get(window, "__clicks");
        return Array.isArray(times) && times.length === k && typeof times[k - 1]?.answered === "number";
      }, i + 1, { polling: 5 });
      duringLoad.push(await wb.page.locator(".nb-data-loading").count() > 0);
      if (i === 0) await wb.page.screenshot({ path: `${screenshotDir}/file-load-while-loading.png` });
    }
    const latencies: number[] = await frame.evaluate(() => {
      const times: unknown = Reflect.get(window, "__clicks");
      return Array.isArray(times) ? times.map((t: { clicked: number; answered: number }) => t.answered - t.clicked) : [];
    });
    // The first click landed while the worker was still reading the file (on a quiet machine the
    // 50 MB read can end before the second); every click is answered within 100 ms either way.
    expect(duringLoad[0]).toBe(true);
    expect(latencies).toHaveLength(4);
    console.info(`filter-bar click → new N (${duringLoad.filter(Boolean).length} of 4 during the load): ${latencies.map((ms) => ms.toFixed(1)).join(", ")} ms`);
    for (const ms of latencies) expect(ms).toBeLessThan(100);
    // Four clicks: the size-class filter is off again.
    await waitForN(wb.page, "N = 267 of 267");
    await wb.page.waitForSelector(".nb-data-use", { timeout: 120_000 });
    expect(Number(norm(await wb.page.locator(".nb-data-rows").textContent()))).toBeGreaterThan(150_000);
    await wb.page.click(".nb-data-back");
    await expectBundled(wb.page);
  });
});

describe("the shell's own page answers while a 50 MB file loads", () => {
  // Retried: on a machine loaded many times over its cores a task of a few ms can be descheduled
  // past 100 ms now and then; the file read on the shell's thread blocks it at the end every time.
  it("clicks on the loading panel, from the file's choice to its review, each reach their next frame within 100 ms", { retry: 2 }, async () => {
    // The filter bar is in the notebook's frame, another process: the test above passes even when
    // the file is parsed on the shell's thread. The loading panel is the shell's, and the shell
    // also takes the finished columns: clicked until the review is on screen, the end included.
    if (await wb.page.locator(".nb-data-back").count() > 0) await wb.page.click(".nb-data-back");
    await wb.page.evaluate(() => {
      Reflect.set(window, "__shellClicks", []);
      if (Reflect.get(window, "__shellClickProbe") === true) return;
      Reflect.set(window, "__shellClickProbe", true);
      // A click's input time stamp → the next animation frame after it was handled.
      document.addEventListener("click", (e) => {
        const at = e.timeStamp;
        requestAnimationFrame(() => {
          const times: unknown = Reflect.get(window, "__shellClicks");
          if (Array.isArray(times)) times.push(performance.now() - at);
        });
      }, { capture: true });
    });
    await wb.page.setInputFiles(".nb-data-file", bigPath);
    await wb.page.waitForFunction(() => {
      const bar = document.querySelector("progress.nb-data-progress");
      return bar instanceof HTMLProgressElement && bar.value > 0;
    }, undefined, { polling: 10 });
    // Clicks at the panel's heading as a user's mouse sends them (not Playwright's actionability
    // checks, which wait for a page that does not answer): a blocked page answers late, measured.
    const box = await wb.page.locator(".nb-data-loading h2").boundingBox();
    if (!box) throw new Error("the loading panel has no heading on screen");
    // Whether the review is on screen is watched apart from the clicks: asking the page before each
    // click would wait out a blocked page and never click into the block.
    let reviewed = false;
    const review = wb.page.waitForSelector(".nb-data-use", { timeout: 120_000 }).then(() => (reviewed = true));
    let during = 0;
    while (!reviewed && during < 200) {
      await wb.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      during++;
      await new Promise((resolve) => setTimeout(resolve, 30));
    }
    await review;
    await wb.page.waitForTimeout(100);
    const latencies: number[] = await wb.page.evaluate(() => {
      const times: unknown = Reflect.get(window, "__shellClicks");
      return Array.isArray(times) ? times.filter((t): t is number => typeof t === "number") : [];
    });
    console.info(`shell click → next frame, ${during} clicks until the review: longest ${Math.max(...latencies).toFixed(1)} ms (${latencies.map((ms) => ms.toFixed(0)).join(", ")})`);
    expect(during).toBeGreaterThan(1);
    // Every click answered (the Back of a retried attempt may be one more).
    expect(latencies.length).toBeGreaterThanOrEqual(during);
    for (const ms of latencies) expect(ms).toBeLessThan(100);
    await wb.page.click(".nb-data-back");
    await expectBundled(wb.page);
  });
});

describe("\"Use this data\" on a big file: the frame gets it in parts", () => {
  it("the filter bar's N is the file's count under the filter in force, and the cells then run on the whole file", async () => {
    // Counted here from the file's text: rows with fylke 11 (column `fylke` of the header).
    const [header = "", ...lines] = readFileSync(bigPath, "utf8").trimEnd().split("\n");
    const at = header.split(",").indexOf("fylke");
    const rogaland = lines.filter((line) => line.split(",")[at] === "11").length;
    expect(rogaland).toBeGreaterThan(0);
    // The filter is set before the switch: the first message carries the fylke column, the N is counted on it.
    await tickFilter(wb.page, "fylke", "11");
    await wb.page.setInputFiles(".nb-data-file", bigPath);
    await wb.page.waitForSelector(".nb-data-use", { timeout: 120_000 });
    expect(Number(norm(await wb.page.locator(".nb-data-rows").textContent()).replace(/,/g, ""))).toBe(lines.length);
    await wb.page.click(".nb-data-use");
    await waitForCount(wb.page, rogaland, lines.length);
    // The cells read the survey once every part is in: Tabell 2.1's note names the file and its rows.
    await waitForOutput(wb.page, "t21", `Respondents from respondents-50mb.csv (${lines.length.toLocaleString("en-US")} rows`, 60_000);
    // A filter on a column that came in a later part, on the whole file.
    await tickFilter(wb.page, "fylke", "11", false);
    await waitForCount(wb.page, lines.length, lines.length);
    await wb.page.click(".nb-notice-bundled");
    await expectBundled(wb.page);
  });
});

describe("what is not survey data is refused, and the bundled data stays", () => {
  /** Feeds a file through the picker and returns the error panel's message. */
  async function refusedMessage(name: string, bytes: Buffer): Promise<string> {
    await wb.page.setInputFiles(".nb-data-file", { name, mimeType: "application/octet-stream", buffer: bytes });
    await wb.page.waitForSelector(".nb-data-error");
    const message = norm(await wb.page.locator(".nb-data-error").textContent());
    expect(message).toMatch(/Fix: /);
    return message;
  }

  it("random bytes named .csv", async () => {
    let x = 12345;
    const bytes = Buffer.from(Uint8Array.from({ length: 64 * 1024 }, () => ((x = (x * 1103515245 + 12345) >>> 0) >>> 16) & 0xff));
    expect(await refusedMessage("svar.csv", bytes)).toMatch(/^svar\.csv: This is not a text file/);
    await wb.page.screenshot({ path: `${screenshotDir}/file-load-refused-binary.png` });
    await wb.page.click(".nb-data-back");
    await expectBundled(wb.page);
  });

  it("a card image with tabs", async () => {
    const lines = readFileSync("data/survey-1999/respondents.dat", "utf8").split("\n");
    lines[4] = (lines[4] ?? "").replace(/ {8}/, "\t");
    expect(await refusedMessage("kort.dat", Buffer.from(lines.join("\n")))).toMatch(/^kort\.dat, row 5, column \d+: Line 5 has a tab/);
    await wb.page.click(".nb-data-back");
    await expectBundled(wb.page);
  });

  it("a .sav cut after case 100", async () => {
    const sav = readFileSync("test/fixtures/loaders/real/respondents-uncompressed.sav");
    const cut = sav.subarray(0, sav.byteLength - 167 * 129 * 8);
    expect(await refusedMessage("cut.sav", cut)).toMatch(/The data ends after 100 of the 267 cases the header declares/);
    await wb.page.screenshot({ path: `${screenshotDir}/file-load-refused-sav.png` });
    await wb.page.click(".nb-data-back");
    await expectBundled(wb.page);
  });
});

describe("a file read by two workers holds the values one worker reads", () => {
  it("every value of every column, the report and how it was read", async () => {
    // Just past two 8 MB parts: the bundled respondents with a note column of quoted line ends,
    // doubled quotes and letters, and in the second half an id with a leading zero (the id column
    // turns into text there) and a code too big for a byte (the column widens).
    const path = `${workDir}/two-parts.csv`;
    const [header = "", ...rows] = readFileSync("data/survey-1999/respondents.csv", "utf8").trimEnd().split("\n");
    const notes = ["ja", '"to\nlinjer, ""sitat"""', '"Bærum; Tromsø"', "", '"tre\r\nlinjer\nher"'];
    const fd = openSync(path, "w");
    writeSync(fd, `${header},note\n`);
    let written = 0;
    for (let id = 1; written < 17 * 1_048_576; ) {
      const block = rows.map((row) => {
        const late = written > 12 * 1_048_576;
        const rest = row.slice(row.indexOf(","));
        const line = `${late && id % 5000 === 0 ? `00${id}` : id}${late && id % 7000 === 0 ? rest.replace(/,\d*,/, ",300,") : rest},${notes[id % notes.length]}\n`;
        id++;
        return line;
      }).join("");
      writeSync(fd, block);
      written += Buffer.byteLength(block);
    }
    closeSync(fd);
    const chunk = (prefix: string): string => {
      const name = readdirSync("dist/assets").find((f) => f.startsWith(prefix) && f.endsWith(".js"));
      if (!name) throw new Error(`no ${prefix}*.js in dist/assets: build first`);
      return `/assets/${name}`;
    };
    // The app's own chunks, imported by a module script (CSP bypassed for that script only in this context).
    const testPage = await (await wb.browser.newContext({ bypassCSP: true })).newPage();
    await openApp(testPage, wb.server.url, "#/nb/01-overview");
    await testPage.addScriptTag({
      type: "module",
      content: `import { loadInWorker } from "${chunk("load-in-worker-")}"; import { parseCodebook } from "${chunk("parse-codebook-")}"; window.__loaders = { loadInWorker, parseCodebook };`,
    });
    await testPage.waitForFunction(() => Reflect.get(window, "__loaders") !== undefined);
    await testPage.evaluate(() => {
      const input = document.createElement("input");
      input.type = "file";
      input.id = "two-parts-input";
      document.body.append(input);
      // Count the workers each load starts.
      const Native = window.Worker;
      Reflect.set(window, "__workers", 0);
      window.Worker = class extends Native {
        constructor(url: string | URL, options?: WorkerOptions) {
          super(url, options);
          Reflect.set(window, "__workers", Number(Reflect.get(window, "__workers")) + 1);
        }
      };
    });
    await testPage.setInputFiles("#two-parts-input", path);
    const result = await testPage.evaluate(async () => {
      const loaders: unknown = Reflect.get(window, "__loaders");
      const load = Reflect.get(Object(loaders), "loadInWorker");
      const parseCodebook = Reflect.get(Object(loaders), "parseCodebook");
      const input = document.getElementById("two-parts-input");
      const file = input instanceof HTMLInputElement ? input.files?.[0] : undefined;
      if (typeof load !== "function" || typeof parseCodebook !== "function" || !file) throw new Error("loader, codebook parser or file missing");
      const codebook: unknown = parseCodebook(await (await fetch("data/survey-1999/codebook.json")).json());
      /** Per column: its name and a hash of every value as the table gives it (null, number or text). */
      const digest = (table: { columnNames(): string[]; numRows(): number; column(name: string): { at(i: number): unknown } }): string[] =>
        table.columnNames().map((name) => {
          const column = table.column(name);
          let h = 0x811c9dc5;
          for (let i = 0; i < table.numRows(); i++) {
            const v = column.at(i);
            const text = v === null ? "∅" : `${typeof v}:${String(v)}`;
            for (let k = 0; k < text.length; k++) h = Math.imul(h ^ text.charCodeAt(k), 0x01000193);
          }
          return `${name} ${(h >>> 0).toString(16)}`;
        });
      const run = async (cores: number) => {
        const before = Number(Reflect.get(window, "__workers"));
        const outcome = await load(file, { name: file.name, codebook }, cores);
        if (!outcome.ok) throw new Error(outcome.error.message);
        const { table, report, source } = outcome.value;
        return { workers: Number(Reflect.get(window, "__workers")) - before, rows: table.numRows(), digest: digest(table), report: JSON.stringify(report), source: JSON.stringify(source) };
      };
      return { two: await run(2), one: await run(1) };
    });
    await testPage.context().close();
    expect(result.two.workers).toBe(2);
    expect(result.one.workers).toBe(1);
    expect(result.two.rows).toBeGreaterThan(50_000);
    expect(result.two.digest).toEqual(result.one.digest);
    expect(result.two.report).toBe(result.one.report);
    expect(result.two.source).toBe(result.one.source);
    // The faults planted in the second half are there, with rows past the first part.
    const report: { issues: { kind: string; row?: number }[] } = JSON.parse(result.two.report);
    expect(report.issues.some((i) => i.kind === "out-of-range" && (i.row ?? 0) > 30_000) || report.issues.some((i) => i.kind === "unknown-code" && (i.row ?? 0) > 30_000)).toBe(true);
    expect(result.two.digest.find((d) => d.startsWith("resp_id "))).toBeDefined();
  });
});

describe("the loaders ship once (issue 12)", () => {
  it("the load worker imports the chunk the frame reads the survey with, and carries no loader of its own", () => {
    const assets = join(distRoot(), "assets");
    const scripts = readdirSync(assets).filter((f) => f.endsWith(".js"));
    // A text only the .sav reader holds (read-sav.ts), standing for the loaders.
    const holders = scripts.filter((f) => readFileSync(join(assets, f), "utf8").includes("SAVE OUTFILE="));
    expect(holders, "chunks holding the .sav reader").toHaveLength(1);
    const [loaders = ""] = holders;
    const worker = scripts.find((f) => f.startsWith("load-worker-"));
    if (!worker) throw new Error("no load-worker-*.js in dist/assets: build first");
    const imports = [...readFileSync(join(assets, worker), "utf8").matchAll(/(?:from|import)\s*"\.\/([^"]+\.js)"/g)].map((m) => m[1]);
    expect(imports, "the worker's imports").toContain(loaders);
    expect(readFileSync(join(distRoot(), "frame.html"), "utf8"), "frame.html's preloads").toContain(`assets/${loaders}`);
  });
});
