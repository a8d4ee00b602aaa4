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

/** Apply both repairs to `root` (a cell's output) after it is in the page. */
export function makeOutputAccessible(root: HTMLElement): void {
  for (const g of root.querySelectorAll("svg g[aria-label]:not([role])")) g.setAttribute("role", "group");
  requestAnimationFrame(() => {
    for (const box of root.querySelectorAll<HTMLElement>(".nb-exportable > :first-child, .nb-output .tv-table")) {
      const scrolls = box.scrollWidth > box.clientWidth + 1;
      if (scrolls && !box.hasAttribute("tabindex")) {
        box.tabIndex = 0;
        box.setAttribute("role", "region");
        const caption = box.querySelector("caption, figcaption, h2, h3")?.textContent?.trim();
        box.setAttribute("aria-label", `${caption || "Output"} (scrolls sideways)`);
      }
    }
  });
}
