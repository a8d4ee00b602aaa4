/**
 * 06's crosswalk in norsk draws a long compound's joint as an empty `<span class="tv-joint">` whose
 * `::after` is a soft hyphen (tables/break-opportunities.ts, `JOINT_CSS`): no U+00AD in a text node,
 * so exports, the report, copying and find in page read the word whole. A screen reader reads the
 * accessibility tree, where Chrome puts generated content: there the soft hyphen stood inside 283
 * names ("kvalitets\u00ADforbedring", and a node of its own per joint) until the generated content
 * was given an empty alternative text. Read from Chrome's own tree (DevTools protocol) of the frame.
 */
import { describe, expect, it } from "vitest";
import { notebookFrame, openApp } from "./browser-helpers";
import { useWorkbench } from "./use-workbench";

const wb = useWorkbench();

describe("06's hyphenation joints and a screen reader", () => {
  it("no accessible name in the norsk crosswalk holds a soft hyphen, and a compound's cell is named with the word whole", async () => {
    const page = await (await wb.browser.newContext({ viewport: { width: 1220, height: 900 }, locale: "nb-NO" })).newPage();
    await openApp(page, wb.server.url, "#/nb/06-thesis-crosswalk");
    const frame = await notebookFrame(page, 30_000);
    await frame.evaluate(async () => {
      await window.tverrsnitt?.ready;
      await window.tverrsnitt?.idle();
      // Laid out everywhere, so the tree holds every table (content-visibility: auto skips the rest).
      const style = document.createElement("style");
      style.textContent = "* { content-visibility: visible !important; }";
      document.head.append(style);
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    });
    const joints = await frame.evaluate(() => document.querySelectorAll(".cw-table .tv-joint").length);
    expect(joints).toBeGreaterThan(20);
    const cdp = await page.context().newCDPSession(frame);
    const { nodes } = await cdp.send("Accessibility.getFullAXTree");
    const names = nodes.map((n) => (typeof n.name?.value === "string" ? n.name.value : ""));
    expect(names.filter((n) => n.includes("\u00AD")).slice(0, 3)).toEqual([]);
    expect(names.filter((n) => n.includes("kvalitetsforbedring")).length).toBeGreaterThan(0);
    await page.context().close();
  }, 120_000);
});
