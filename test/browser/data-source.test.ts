/**
 * "Load your own file" end to end in Chromium against the built app: a broken CSV dropped on the
 * page shows its error and the bundled data stays; the bundled respondents minus ten rows,
 * re-encoded in Windows-1252, review as 257 rows and notebook 01 recomputes on them (N = 257, æøå
 * intact, header says "Your file"); a shared notebook opened meanwhile runs on the bundled data until
 * "Run on my data"; a share link made meanwhile runs elsewhere on the bundled data; the card image
 * loads too; a 150 MB file can be cancelled mid-stream; "back to bundled" restores N = 267. The data
 * menu is the shell's; the notebook and its filter bar are in the sandboxed frame (`nb`).
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync, openSync, writeSync, closeSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import Papa from "papaparse";
import { unwrap } from "../../src/base/result";
import { encodeShare } from "../../src/notebook/share-codec";
import { inNotebook, nb, norm, notebookFrame, openApp, screenshotDir, waitForOutput } from "./browser-helpers";
import { useWorkbench } from "./use-workbench";

const workDir = "test-output/data-source";
const minus10Path = `${workDir}/respondenter-minus-10-cp1252.csv`;
const largePath = `${workDir}/large-150mb.csv`;

/** Windows-1252 bytes of `text` (Latin-1 range plus the few 0x80–0x9F letters Norwegian data uses). */
function encodeWindows1252(text: string): Buffer {
  const extra: Record<string, number> = { "š": 0x9a, "Š": 0x8a, "ž": 0x9e, "Ž": 0x8e, "€": 0x80, "–": 0x96, "—": 0x97, "’": 0x92 };
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    const byte = code < 0x80 || (code >= 0xa0 && code <= 0xff) ? code : extra[ch];
    if (byte === undefined) throw new Error(`no Windows-1252 byte for ${ch}`);
    bytes.push(byte);
  }
  return Buffer.from(bytes);
}

const wb = useWorkbench({ context: { viewport: { width: 1360, height: 900 } }, page: true });
let respondentLines: string[] = [];

beforeAll(async () => {
  mkdirSync(workDir, { recursive: true });
  respondentLines = readFileSync("data/survey-1999/respondents.csv", "utf8").trimEnd().split("\n");
  // Header plus the first 257 respondents: the bundled file minus its last ten rows.
  writeFileSync(minus10Path, encodeWindows1252(respondentLines.slice(0, 258).join("\r\n") + "\r\n"));
});

afterAll(async () => {
  rmSync(workDir, { recursive: true, force: true });
});

/** Text of notebook 01's filter bar count ("N = 267 of 267"). */
async function waitForN(p: Page, n: number): Promise<void> {
  await inNotebook(p, (frame, timeout) => frame.waitForFunction((expected) => {
    const text = (document.querySelector("nb-filter-bar .tv-filter-n")?.textContent ?? "").replace(/[\s\u00a0]+/g, " ");
    return text.startsWith(`N = ${expected} of ${expected}`);
  }, n, { timeout }), 20_000);
}

/** Drop a file on the page the way the browser does for a drag from the desktop. */
async function dropFile(p: Page, name: string, content: string): Promise<void> {
  const transfer = await p.evaluateHandle(({ name, content }) => {
    const dt = new DataTransfer();
    dt.items.add(new File([content], name, { type: "text/csv" }));
    return dt;
  }, { name, content });
  await p.dispatchEvent("main.nb-main", "dragover", { dataTransfer: transfer });
  await p.waitForSelector(".nb-data-drop");
  await p.screenshot({ path: `${screenshotDir}/data-source-drop.png` });
  await p.dispatchEvent("main.nb-main", "drop", { dataTransfer: transfer });
}

describe("loading your own survey file", () => {
  it("notebook 01 starts on the bundled reconstruction", async () => {
    await openApp(wb.page, wb.server.url, "#/nb/01-overview");
    await waitForN(wb.page, 267);
    expect(norm(await wb.page.locator(".nb-data-button").textContent())).toBe("Data: reconstructed 1999 respondents ▾");
    expect(await wb.page.locator(".nb-notice:visible").textContent()).toContain("reconstruction from published aggregates");
    await wb.page.click(".nb-data-button");
    await wb.page.waitForSelector(".nb-data-menu .nb-data-load");
    await wb.page.screenshot({ path: `${screenshotDir}/data-source-menu.png` });
    await wb.page.click(".nb-data-button");
  });

  it("a broken CSV dropped on the page shows file, row, column and fix, and the bundled data stays", async () => {
    const broken = readFileSync("test/fixtures/loaders/broken/bad-unclosed-quote.csv", "utf8");
    await dropFile(wb.page, "bad-unclosed-quote.csv", broken);
    await wb.page.waitForSelector(".nb-data-error");
    const message = norm(await wb.page.locator(".nb-data-error").textContent());
    expect(message).toMatch(/^bad-unclosed-quote\.csv, row 3, column 11: A quoted field .* is never closed.*Fix: Add the closing quote/);
    await wb.page.screenshot({ path: `${screenshotDir}/data-source-error.png` });
    await wb.page.click(".nb-data-back");
    expect(await wb.page.locator(".nb-data-dialog").count()).toBe(0);
    await waitForN(wb.page, 267);
    expect(norm(await wb.page.locator(".nb-data-button").textContent())).toBe("Data: reconstructed 1999 respondents ▾");
  });

  it("a file dragged over the notebook (in its frame) is dropped on the shell's cover over the frame, and reaches the drop zone", async () => {
    const frame = await notebookFrame(wb.page);
    await frame.evaluate(() => {
      const dt = new DataTransfer();
      dt.items.add(new File(["x"], "x.csv", { type: "text/csv" }));
      document.body.dispatchEvent(new DragEvent("dragenter", { dataTransfer: dt, bubbles: true, cancelable: true }));
    });
    // The frame itself never lets the pointer through (a notebook can say "drag" whenever it likes).
    const iframe = wb.page.locator("iframe.nb-frame:not([hidden])");
    expect(await iframe.evaluate((el) => (el instanceof HTMLElement ? el.style.pointerEvents : ""))).toBe("");
    const cover = wb.page.locator(".nb-frame-drop-cover");
    await cover.waitFor({ state: "attached" });
    const broken = readFileSync("test/fixtures/loaders/broken/bad-unclosed-quote.csv", "utf8");
    const transfer = await wb.page.evaluateHandle((content) => {
      const dt = new DataTransfer();
      dt.items.add(new File([content], "bad-unclosed-quote.csv", { type: "text/csv" }));
      return dt;
    }, broken);
    await cover.dispatchEvent("dragover", { dataTransfer: transfer });
    await cover.dispatchEvent("drop", { dataTransfer: transfer });
    await wb.page.waitForSelector(".nb-data-error");
    expect(norm(await wb.page.locator(".nb-data-error").textContent())).toMatch(/^bad-unclosed-quote\.csv, row 3/);
    await wb.page.click(".nb-data-back");
    // …and gone once the drag is over.
    await expect.poll(() => wb.page.locator(".nb-frame-drop-cover").count(), { timeout: 5_000 }).toBe(0);
  });

  it("a file with problems reviews with counts and the first issues located; Back keeps the data", async () => {
    const header = (respondentLines[0] ?? "").split(",");
    const q33 = header.indexOf("q33");
    const edited = respondentLines.map((line, i) => {
      const fields = line.split(",");
      if (i === 3) fields[0] = "2"; // the id of row 2 again
      if (i === 4) fields[q33] = "150"; // an age outside 18–80
      return fields.join(",");
    });
    await wb.page.setInputFiles(".nb-data-file", { name: "med-feil.csv", mimeType: "text/csv", buffer: Buffer.from(edited.join("\n") + "\n") });
    await wb.page.waitForSelector(".nb-data-use");
    const labels = await wb.page.locator(".nb-data-counts dt").allTextContents();
    const counts = await wb.page.locator(".nb-data-counts dd").allTextContents();
    expect(Object.fromEntries(labels.map((label, i) => [label, counts[i]]))).toEqual({
      Rows: "267", "Unknown variables": "0", "Values outside the codebook": "1", "Skip-rule violations": "0",
      "Missing columns": "0", "Duplicate respondent ids": "1",
    });
    const issues = await wb.page.locator(".nb-data-issues li").allTextContents();
    expect(issues).toHaveLength(2);
    expect(issues.join("\n")).toMatch(new RegExp(`Row 5, column (${q33 + 1} \\(q33\\)|q33): .*150.* Fix: `));
    expect(issues.join("\n")).toMatch(/Row 4, column (1 \(resp_id\)|resp_id): .* Fix: /);
    await wb.page.screenshot({ path: `${screenshotDir}/data-source-issues.png` });
    await wb.page.click(".nb-data-back");
    await waitForN(wb.page, 267);
    expect(norm(await wb.page.locator(".nb-data-button").textContent())).toBe("Data: reconstructed 1999 respondents ▾");
  });

  it("the bundled respondents minus 10 rows in Windows-1252 review as 257 rows and notebook 01 recomputes", async () => {
    await wb.page.setInputFiles(".nb-data-file", minus10Path);
    await wb.page.waitForSelector(".nb-data-use");
    expect(norm(await wb.page.locator(".nb-data-rows").textContent())).toBe("257");
    expect(norm(await wb.page.locator(".nb-data-dialog").textContent())).toContain("Read as CSV, windows-1252");
    expect(norm(await wb.page.locator(".nb-data-dialog").textContent())).toContain("No problems found");
    await wb.page.screenshot({ path: `${screenshotDir}/data-source-review.png` });
    await wb.page.click(".nb-data-use");
    await waitForN(wb.page, 257);
    const notice = norm(await wb.page.locator(".nb-notice").textContent());
    expect(notice).toContain("Your file: respondenter-minus-10-cp1252.csv (257 rows)");
    expect(notice).not.toContain("reconstruction");
    expect(norm(await wb.page.locator(".nb-data-button").textContent())).toBe("Data: your file ▾");
    expect(await wb.page.locator(".nb-data-button").getAttribute("title")).toBe("Data: respondenter-minus-10-cp1252.csv (257 rows)");
    // The notebook's own figures say where they come from too (Tabell 2.1's chart note).
    await waitForOutput(wb.page, "t21", "Respondents from respondenter-minus-10-cp1252.csv (257 rows)");
    await wb.page.screenshot({ path: `${screenshotDir}/data-source-user-data.png` });
  });

  it("names with æøå and š come out right, in any survey notebook opened meanwhile", async () => {
    const payload = unwrap(await encodeShare({
      doc: { title: "Names", cells: [{ id: "1", kind: "js", source: "const d = await survey" }, { id: "2", kind: "js", source: "`${d.rows.length}: ${d.rows.map((r) => r.name).filter(Boolean).join(\"|\")}`" }] },
      inputs: {},
    }));
    await wb.page.goto(`${wb.server.url}#share=${payload}`);
    await wb.page.click(".nb-consent");
    // A shared notebook is somebody else's code: it runs on the bundled respondents until the user
    // gives it their file with a second, explicit choice.
    await waitForOutput(wb.page, "2", "267:");
    expect(norm(await wb.page.locator(".nb-data-gate").textContent())).toContain("not on your file respondenter-minus-10-cp1252.csv");
    expect(await wb.page.locator(".nb-notice:visible").textContent()).toContain("reconstruction from published aggregates");
    await wb.page.screenshot({ path: `${screenshotDir}/data-source-gate.png` });
    await wb.page.click(".nb-run-on-my-data");
    await waitForOutput(wb.page, "2", "257:");
    expect(await wb.page.locator(".nb-data-gate").count()).toBe(0);
    expect(norm(await wb.page.locator(".nb-notice").textContent())).toContain("Your file: respondenter-minus-10-cp1252.csv (257 rows)");
    const text = norm(await nb(wb.page).locator("#cell-2 .nb-output").textContent());
    // Which named municipalities sit in the ten rows left out follows the reconstruction's shuffled
    // respondent ids, so the expected names are read from the same rows of respondents.csv.
    const rows = Papa.parse<Record<string, string>>(respondentLines.join("\n"), { header: true }).data;
    const names = (from: number, to: number): string[] => rows.slice(from, to).map((r) => r.name ?? "").filter((n) => n !== "");
    const shown = new Set(text.replace(/^257: /, "").split("|"));
    const kept = names(0, 257);
    const nonAscii = kept.filter((n) => /[^\x20-\x7e]/.test(n));
    // š is the case Windows-1252 puts outside Latin-1 (0x9A): the file must still carry one.
    expect(nonAscii.some((n) => n.includes("š"))).toBe(true);
    for (const name of nonAscii) expect(shown.has(name), name).toBe(true);
    for (const name of names(257, 267)) expect(shown.has(name), `${name} is in the ten rows left out`).toBe(false);
    expect(shown.size).toBe(kept.length);
    expect(text).not.toMatch(/Ã|�/);
  });

  it("a share link made with your file in use runs elsewhere on the bundled data and says so", async () => {
    await wb.page.goto(`${wb.server.url}#/nb/01-overview`);
    await waitForN(wb.page, 257);
    await wb.page.click(".nb-share");
    const link = await wb.page.locator(".nb-share-link").inputValue();
    await wb.page.click(".nb-dialog .nb-button:not(.nb-primary)");
    expect(norm(await wb.page.locator(".nb-banner.is-info").last().textContent())).toContain("not your data file");
    expect(link).not.toContain("respondenter");
    const fresh = await wb.browser.newContext({ viewport: { width: 1360, height: 900 } });
    const other = await fresh.newPage();
    await other.goto(link);
    await other.click(".nb-consent");
    await waitForN(other, 267);
    await other.locator(".nb-notice:visible").waitFor();
    expect(await other.locator(".nb-notice:visible").textContent()).toContain("reconstruction from published aggregates");
    await fresh.close();
  });

  it("the bundled card image loads through the same codebook", async () => {
    const chooser = wb.page.waitForEvent("filechooser");
    await wb.page.click(".nb-data-button");
    await wb.page.click(".nb-data-load");
    await (await chooser).setFiles("data/survey-1999/respondents.dat");
    await wb.page.waitForSelector(".nb-data-use");
    expect(norm(await wb.page.locator(".nb-data-dialog").textContent())).toContain("Read as card image");
    expect(norm(await wb.page.locator(".nb-data-rows").textContent())).toBe("267");
    await wb.page.click(".nb-data-use");
    await waitForN(wb.page, 267);
    expect(norm(await wb.page.locator(".nb-notice").textContent())).toContain("Your file: respondents.dat (267 rows)");
  });

  it("Back to the bundled data restores the reconstruction and its notice", async () => {
    await wb.page.click(".nb-notice-bundled");
    await wb.page.locator(".nb-notice:visible", { hasText: "reconstruction from published aggregates" }).waitFor();
    await waitForOutput(wb.page, "t21", "reconstruction from published aggregates");
    await waitForN(wb.page, 267);
    expect(norm(await wb.page.locator(".nb-data-button").textContent())).toBe("Data: reconstructed 1999 respondents ▾");
  });

  it("a 150 MB file streams with progress and Cancel stops it, changing nothing", async () => {
    // Write it in pieces: the respondents repeated until the file passes 150 MB.
    const body = respondentLines.slice(1).join("\n") + "\n";
    const fd = openSync(largePath, "w");
    writeSync(fd, `${respondentLines[0] ?? ""}\n`);
    const block = body.repeat(64);
    for (let written = 0; written < 150 * 1_048_576; written += Buffer.byteLength(block)) writeSync(fd, block);
    closeSync(fd);

    await wb.page.setInputFiles(".nb-data-file", largePath);
    await wb.page.waitForSelector(".nb-data-progress");
    await wb.page.waitForFunction(() => {
      const bar = document.querySelector("progress.nb-data-progress");
      return bar instanceof HTMLProgressElement && bar.value > 0;
    });
    expect(norm(await wb.page.locator(".nb-data-bytes").textContent())).toMatch(/^\d+(\.\d)? MB of 15\d MB$/);
    await wb.page.screenshot({ path: `${screenshotDir}/data-source-progress.png` });
    const started = Date.now();
    await wb.page.click(".nb-data-cancel");
    await wb.page.waitForSelector(".nb-data-cancelled");
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(norm(await wb.page.locator(".nb-data-cancelled").textContent())).toContain("was cancelled. Nothing changed");
    await wb.page.click(".nb-data-back");
    await waitForN(wb.page, 267);
    expect(norm(await wb.page.locator(".nb-data-button").textContent())).toBe("Data: reconstructed 1999 respondents ▾");
  });
});
