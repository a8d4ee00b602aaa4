/**
 * 03's correlation heatmap read on a phone (360 px) and on a desktop (1,400 px), in both languages:
 * every text of the chart is at least 11 px as drawn on the page, no two texts overlap (their boxes
 * on the page, which for a turned label hold more than its letters), and nothing runs past the page
 * sideways except the chart inside its own box, which scrolls to the chart's end and is a named,
 * focusable region; each cell is an image named by its pair. Before this, the chart was scaled into
 * the phone's column: its cells' r was 3 px high, its n 2 px. On a desktop the chart fits at its
 * drawn size and its box adds no tab stop. The page is resized in place (laid-out-at-widths.ts), so
 * the same drawing is measured at both widths.
 */
import { describe, expect, it } from "vitest";
import type { Frame } from "playwright-core";
import { laidOutAtWidths } from "./laid-out-at-widths";
import { useWorkbench } from "./use-workbench";

const wb = useWorkbench();

/** What the heatmap shows at one width. */
interface Seen {
  width: number;
  /** The smallest text of the chart as drawn on the page, in CSS px (its font size × the chart's scale). */
  smallestText: number;
  /** Pairs of texts whose boxes overlap by more than half a pixel. */
  overlaps: string[];
  /** The frame's document is wider than its window. */
  pageOverflows: boolean;
  /** The chart's box scrolls sideways; scrolled to its end, the chart's right edge is in it. */
  scrolls: boolean;
  reachesEnd: boolean;
  /** The box stays inside the window. */
  boxInside: boolean;
  /** The box as a keyboard and a screen reader get it. */
  box: { tabIndex: number; role: string | null; label: string | null };
  /** The cells' roles and names. */
  cells: { role: string | null; name: string | null }[];
}

function measure(frame: Frame, width: number): Promise<Seen> {
  return frame.evaluate((width) => {
    const svg = document.querySelector('nb-cell[data-id="r2"] svg.tv-chart');
    if (!(svg instanceof SVGSVGElement)) throw new Error("no heatmap in cell r2");
    const box = svg.parentElement;
    if (!box) throw new Error("the heatmap has no parent");
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    const texts = [...svg.querySelectorAll("text")].filter((t) => (t.textContent ?? "").trim() !== "");
    const smallestText = Math.min(...texts.map((t) => parseFloat(getComputedStyle(t).fontSize) * scale));
    // A text's box on the page is its font's line box, about 1.2 em high; its letters take the em
    // box in the middle of it (the note's lines, 1.1 em apart, touch by their line boxes only).
    const rects = texts.map((t) => {
      const r = t.getBoundingClientRect();
      const inset = (r.height - r.height / 1.2) / 2;
      return { text: t.textContent ?? "", r: { left: r.left, right: r.right, top: r.top + inset, bottom: r.bottom - inset } };
    });
    const overlaps: string[] = [];
    rects.forEach((a, i) => {
      for (const b of rects.slice(i + 1)) {
        const dx = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
        const dy = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
        if (dx > 0.5 && dy > 0.5) overlaps.push(`${a.text} / ${b.text}`);
      }
    });
    const scrolls = box.scrollWidth > box.clientWidth + 1 && /auto|scroll/.test(getComputedStyle(box).overflowX);
    box.scrollLeft = box.scrollWidth;
    const reachesEnd = svg.getBoundingClientRect().right <= box.getBoundingClientRect().right + 1;
    box.scrollLeft = 0;
    const boxRect = box.getBoundingClientRect();
    const cells = [...svg.querySelectorAll('g[aria-label="cell"] > rect')].map((c) => ({ role: c.getAttribute("role"), name: c.getAttribute("aria-label") }));
    return {
      width, smallestText, overlaps, pageOverflows: document.documentElement.scrollWidth > window.innerWidth, scrolls, reachesEnd,
      boxInside: boxRect.left >= 0 && boxRect.right <= window.innerWidth, box: { tabIndex: box.tabIndex, role: box.getAttribute("role"), label: box.getAttribute("aria-label") }, cells,
    };
  }, width);
}

describe("03's correlation heatmap at a phone's and a desktop's width", () => {
  for (const locale of ["nb-NO", "en"]) {
    it(`${locale}: readable at 360 px in a box that scrolls, drawn size at 1,400 px`, async () => {
      const [phone, desktop] = await laidOutAtWidths(wb, { notebook: "03-size-and-correlations", locale, county: 0, widths: [360, 1400], measure });
      if (!phone || !desktop) throw new Error("not measured");
      for (const seen of [phone, desktop]) {
        expect(seen.overlaps, `${seen.width} px: ${seen.overlaps.join("; ")}`).toEqual([]);
        expect(seen.pageOverflows, `${seen.width} px`).toBe(false);
        expect(seen.boxInside, `${seen.width} px`).toBe(true);
        // Each of the 28 pairs of the lower triangle, the diagonal included, is an image named by its pair.
        expect(seen.cells).toHaveLength(28);
        for (const cell of seen.cells) {
          expect(cell.role).toBe("img");
          expect(cell.name).toMatch(/^q\d+(_\d+)? \S.* × q\d+(_\d+)? \S.*: r /);
        }
      }
      expect(phone.smallestText).toBeGreaterThanOrEqual(10.99);
      expect(phone.scrolls).toBe(true);
      expect(phone.reachesEnd).toBe(true);
      expect(phone.box.tabIndex).toBe(0);
      expect(phone.box.role).toBe("region");
      expect(phone.box.label).toContain("Toppledelse og forventninger innfridd");
      // On a desktop the chart is at its drawn size (r 11 px, n 9 px as on every chart) and fits.
      expect(desktop.smallestText).toBeCloseTo(9, 1);
      expect(desktop.scrolls).toBe(false);
    });
  }
});
