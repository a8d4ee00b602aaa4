/**
 * Share links in Chromium, against the built app: values of inputs over objects come back as the
 * options themselves (Observable Inputs choose by identity), and a decompression bomb is stopped
 * near the 2 MB cap by Chromium's own inflater, which expands each chunk it is given at once.
 */
import { deflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { unwrap } from "../../src/base/result";
import type { NotebookDoc } from "../../src/notebook/document";
import { encodeShare } from "../../src/notebook/share-codec";
import { nb, outputText, screenshotDir, waitForOutput } from "./browser-helpers";
import { installCountingDecompression } from "../support/counting-decompression";
import { useWorkbench } from "./use-workbench";

const wb = useWorkbench();

const counties = [
  { fylke: 11, name: "Rogaland" },
  { fylke: 12, name: "Hordaland" },
  { fylke: 14, name: "Sogn og Fjordane" },
];
/** JSON's copy of a value, as a link carries it: equal in content, never the same object. */
const copy = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

const inputsNotebook: NotebookDoc = {
  title: "Inputs from a link",
  cells: [
    { id: "c", kind: "js", source: `const counties = ${JSON.stringify(counties)}` },
    { id: "s", kind: "js", source: "const county = view(Inputs.select(counties, {format: (d) => d.name}))" },
    { id: "r", kind: "js", source: "const pick = view(Inputs.radio(counties, {format: (d) => d.name}))" },
    { id: "k", kind: "js", source: "const boxes = view(Inputs.checkbox(counties, {format: (d) => d.name}))" },
    { id: "m", kind: "js", source: "const many = view(Inputs.select(counties, {multiple: true, format: (d) => d.name}))" },
    { id: "t", kind: "js", source: "const rows = view(Inputs.table(counties))" },
    { id: "g", kind: "js", source: "const n = view(Inputs.range([0, 10], {step: 1, value: 5}))" },
    { id: "x", kind: "js", source: 'const word = view(Inputs.text({value: "a"}))' },
    { id: "p", kind: "js", source: 'const tone = view(Inputs.select(["lys", "mørk"]))' },
    {
      id: "out",
      kind: "js",
      source:
        '[county?.name, pick?.name, boxes.map((d) => d.name).join("+"), many.map((d) => d.fylke).join("+"), rows.length, n, word, tone, [county, pick, ...boxes, ...many, ...rows].filter((d) => d !== null).every((d) => counties.includes(d))].join(" | ")',
    },
  ],
};

describe("share links in Chromium", () => {
  it("restores select, radio, checkbox, multiple select, table, range, text and select over strings", async () => {
    const inputs = {
      county: copy(counties[1]),
      pick: copy(counties[2]),
      boxes: copy([counties[0], counties[2]]),
      many: copy([counties[2]]),
      rows: copy([counties[0], counties[1]]),
      n: 7,
      word: "hei",
      tone: "mørk",
    };
    const context = await wb.browser.newContext({ viewport: { width: 1360, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${wb.server.url}#share=${unwrap(await encodeShare({ doc: inputsNotebook, inputs }))}`);
    await page.click(".nb-consent");
    await waitForOutput(page, "out", "Hordaland | Sogn og Fjordane | Rogaland+Sogn og Fjordane | 14 | 2 | 7 | hei | mørk | true");
    // The forms show the restored choice too, not only the value.
    expect(await nb(page).locator("#cell-s select option:checked").textContent()).toBe("Hordaland");
    expect(await nb(page).locator("#cell-r input:checked").count()).toBe(1);
    await page.screenshot({ path: `${screenshotDir}/share-inputs-restored.png` });
    await context.close();
  });

  it("an option the input does not have leaves it as it was, and the other inputs still come back", async () => {
    const context = await wb.browser.newContext();
    const page = await context.newPage();
    const inputs = { county: { fylke: 13, name: "Bergen" }, n: "7", word: "hei" };
    await page.goto(`${wb.server.url}#share=${unwrap(await encodeShare({ doc: inputsNotebook, inputs }))}`);
    await page.click(".nb-consent");
    await waitForOutput(page, "out", "Rogaland | | | | 3 | 5 | hei | lys | true");
    expect(await outputText(page, "out")).not.toMatch(/error/i);
    await context.close();
  });

  it("stops a decompression bomb within a few slices of the cap", async () => {
    // 100 MB of spaces deflate to ~100 KB: a link under the length limit that would unpack 50× past the cap.
    const data = deflateRawSync(Buffer.alloc(100_000_000, 0x20)).toString("base64url");
    const context = await wb.browser.newContext();
    const page = await context.newPage();
    // Count the compressed bytes that reach Chromium's inflater (wrapping it, chunk by chunk).
    await page.addInitScript({ content: `window.__fed = (${installCountingDecompression.toString()})(window);` });
    await page.goto(`${wb.server.url}#share=v1.${data.length}.00000000.${data}`);
    await page.waitForSelector(".nb-banner.is-error");
    expect(await page.locator(".nb-banner.is-error").textContent()).toMatch(/unpacks to more than 2,000,000 bytes/);
    const fed = await page.evaluate(() => {
      const read: unknown = Reflect.get(window, "__fed");
      return typeof read === "function" ? Number(read()) : -1;
    });
    // 2 MB of output needs ~2 KB of this input; the whole ~100 KB went in at once before.
    expect(fed).toBeGreaterThan(0);
    expect(fed).toBeLessThanOrEqual(4_096);
    await context.close();
  });
});
