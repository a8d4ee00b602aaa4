/**
 * Attack on stop 29's 04 (p04: the flagged table classifies its figures from only the printed rows
 * holding them, `evidenceOfCells`): with the flagged table on screen mid-page, filters changed
 * within a frame or two (county → county and size → cleared, or left at a size class) must end on
 * the values and evidence classes a frame that cannot work ahead draws for the last filter alone:
 * every output's text, and the flagged table's and figure tables' evidence classes.
 */
import { describe, expect, it } from "vitest";
import type { Frame } from "playwright-core";
import { notebookFrame, openApp } from "./browser-helpers";
import { useWorkbench } from "./use-workbench";

const wb = useWorkbench();

/** A frame whose background tasks and idle callbacks never run: it cannot work ahead. */
const NO_BACKGROUND = "Object.defineProperty(window, 'scheduler', { value: undefined }); window.requestIdleCallback = undefined;";

/** A filter as the bar's boxes: county numbers and size classes ticked. */
interface Ticked {
  fylke: number[];
  size: number[];
}

async function open04(before?: string): Promise<Frame> {
  const context = await wb.browser.newContext({ viewport: { width: 1360, height: 900 } });
  if (before) await context.addInitScript(before);
  const page = await context.newPage();
  await openApp(page, wb.server.url, "#/nb/04-reconciliation");
  const frame = await notebookFrame(page, 30_000);
  await frame.evaluate(async () => {
    for (let w = 0; !window.tverrsnitt && w < 30_000; w += 10) await new Promise((r) => setTimeout(r, 10));
    await window.tverrsnitt?.ready;
    await window.tverrsnitt?.idle();
    document.querySelector("#cell-flagged")?.closest("nb-cell")?.scrollIntoView({ block: "center" });
  });
  return frame;
}

/** Tick each filter of `steps` in turn, `frames` animation frames apart, then read every output once current. */
function afterSteps(frame: Frame, steps: Ticked[], frames: number): Promise<string[]> {
  return frame.evaluate(
    async ([steps, frames]) => {
      const nextFrame = (): Promise<unknown> => new Promise((r) => requestAnimationFrame(r));
      for (const [i, step] of steps.entries()) {
        if (i > 0) for (let f = 0; f < frames; f++) await nextFrame();
        const boxes = [...document.querySelectorAll<HTMLInputElement>('nb-filter-bar input[name="fylke"], nb-filter-bar input[name="size"]')];
        for (const box of boxes) box.checked = (box.name === "fylke" ? step.fylke : step.size).includes(Number(box.value));
        boxes[0]?.dispatchEvent(new Event("input", { bubbles: true }));
      }
      await window.tverrsnitt?.idle();
      await new Promise((r) => setTimeout(r, 300));
      await window.tverrsnitt?.idle();
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
      return [...document.querySelectorAll("nb-cell")].map((c) => {
        const out = c.querySelector(".nb-output");
        const classes = [...(out?.querySelectorAll("[class*='tv-ev-']") ?? [])].map((e) => [...e.classList].filter((k) => k.startsWith("tv-ev-")).join("."));
        const text = (out?.textContent ?? "").replace(/\s+/g, " ").replace(/\d+(\.\d+)?\s*ms\b/g, "");
        // A cell still marked running (its status, "kjører …" / "running…") is a value stuck.
        const stuck = /kjører …|running…/.test(c.textContent ?? "") ? " STUCK RUNNING" : "";
        return `${c.getAttribute("data-id") ?? ""}: ${text} | ${classes.join(" ")}${stuck}`;
      });
    },
    [steps, frames] as const,
  );
}

const NONE: Ticked = { fylke: [], size: [] };

describe("04 after filters changed within a frame or two, flagged table on screen", () => {
  const walks: [string, Ticked[]][] = [
    ["county → county and size → cleared", [{ fylke: [11], size: [] }, { fylke: [11], size: [2] }, NONE]],
    ["county → size", [{ fylke: [18], size: [] }, { fylke: [], size: [3] }]],
    ["size → county → other county", [{ fylke: [], size: [2] }, { fylke: [3], size: [] }, { fylke: [12], size: [] }]],
  ];
  for (const frames of [0, 1, 2]) {
    it(`${frames} frame(s) apart: each walk ends on what a frame without work ahead draws for its last filter`, async () => {
      const frame = await open04();
      const plain = await open04(NO_BACKGROUND);
      for (const [name, steps] of walks) {
        const seen = await afterSteps(frame, steps, frames);
        const last = steps[steps.length - 1] ?? NONE;
        const fresh = await afterSteps(plain, [last], 0);
        expect(seen.join("\n")).toContain("tv-ev-");
        expect(seen.filter((s) => s.endsWith("STUCK RUNNING"))).toEqual([]);
        expect(seen, `${name}, ${frames} frame(s) apart`).toEqual(fresh);
      }
    }, 300_000);
  }
});
