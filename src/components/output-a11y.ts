/**
 * Two repairs to a cell's rendered output so assistive technology can use it (axe-core's rules
 * aria-prohibited-attr and scrollable-region-focusable):
 * - Plot names its mark groups with `aria-label` on a bare `<g>`, where the label is not allowed
 *   without a role; they get `role="group"`.
 * - A table or chart wider than its cell scrolls sideways; a scrolling box must be reachable by
 *   keyboard, so it becomes a focusable, named region — only while it actually overflows, so an
 *   output that fits adds no tab stop. Tables at any depth: a cell may display a block of several
 *   (notebook 04's reconciliation shows one per printed table).
 */
import { messages } from "../base/locale/locale";
import { documentLocale } from "./locale-controller";
import { drawnOutput } from "../app/drawn-output";

/** The observer watching each output's scrolling boxes (one per output; replaced when it re-renders). */
const observers = new WeakMap<HTMLElement, ResizeObserver>();

/** A box that scrolls sideways becomes a named, focusable region (once). */
function markIfScrolling(box: HTMLElement): void {
  if (box.hasAttribute("tabindex") || box.scrollWidth <= box.clientWidth + 1) return;
  box.tabIndex = 0;
  box.setAttribute("role", "region");
  // A chart in a box of its own (drawn-output.ts `scrollBoxed`) is named by its title.
  const caption = box.querySelector("caption, figcaption, h2, h3")?.textContent?.trim() ?? box.querySelector(":scope > svg[aria-label]")?.getAttribute("aria-label") ?? undefined;
  box.setAttribute("aria-label", messages[documentLocale(box.ownerDocument).locale].outputScrolls(caption));
}

/**
 * Apply both repairs to `root` (a cell's output) after it is in the page.
 *
 * Whether a box overflows is read when the browser has laid it out anyway (a ResizeObserver
 * delivers after layout), not in a frame of its own: reading `scrollWidth` there forced layout of
 * every output on every filter change, including cells far off screen that `content-visibility`
 * had spared. A skipped cell's boxes are read when it is scrolled near, and a box that starts to
 * overflow later (a narrower window) is caught too.
 */
export function makeOutputAccessible(root: HTMLElement): void {
  const boxes = new Set<Element>();
  for (const child of root.children) {
    const wrapped = child.classList.contains("nb-exportable") ? child.firstElementChild : null;
    if (wrapped) boxes.add(wrapped);
    // A builtin's table figure holds no chart and no other table: it is searched for neither
    // (issue 12: both searches walked every cell of every table a filter change redrew).
    const drawn = drawnOutput(wrapped ?? child);
    if (drawn && "table" in drawn) {
      boxes.add(wrapped ?? child);
      continue;
    }
    for (const g of child.querySelectorAll("svg g[aria-label]:not([role])")) g.setAttribute("role", "group");
    if (child.classList.contains("tv-table")) boxes.add(child);
    for (const box of child.querySelectorAll(".nb-exportable > :first-child, .tv-table")) boxes.add(box);
  }
  observers.get(root)?.disconnect();
  if (boxes.size === 0 || typeof ResizeObserver === "undefined") return;
  const observer = new ResizeObserver((entries) => {
    // An output taken out of the page (its cell deleted) lets go of its boxes.
    if (!root.isConnected) return observer.disconnect();
    for (const entry of entries) if (entry.target instanceof HTMLElement) markIfScrolling(entry.target);
  });
  for (const box of boxes) observer.observe(box);
  observers.set(root, observer);
}
