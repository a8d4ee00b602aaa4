/**
 * <nb-report-nav>: the switch between report view (outputs only) and edit view, and in report view
 * the table of contents made from the markdown headings (src/notebook/headings.ts). A contents
 * entry scrolls its heading to the top of the page, below the sticky filter bar, and moves focus
 * there, so the keyboard and screen readers follow the jump.
 *
 * On wide screens it also offers full width (the notebook's column is ~1000 px otherwise).
 *
 * "Export report" is asked of the shell, which writes the file from a sanitised copy of the outputs
 * (app/report/).
 *
 * Events: `nb-view` {report, wide}, `nb-export-report`.
 */
import { html, nothing } from "lit";
import { LightElement } from "./light-element";
import { customElement, property } from "lit/decorators.js";
import { notebookHeadings, type NotebookHeading } from "../notebook/headings";
import type { NotebookDoc } from "../notebook/document";
import { LocaleController } from "./locale-controller";
import { fire } from "./events";
import "./report-view.css";
import "./wide-tables.css";

/** The rendered heading of a contents entry, inside its cell's output. */
export function headingElement(root: ParentNode, heading: Pick<NotebookHeading, "cellId" | "index">): HTMLElement | undefined {
  const output = root.querySelector(`[data-cell-id="${CSS.escape(heading.cellId)}"] .nb-output`);
  const found = output?.querySelectorAll<HTMLElement>("h1, h2, h3, h4, h5, h6")[heading.index];
  return found ?? undefined;
}

/** How long a jump keeps its heading in place while cells above it are still drawn. */
const HOLD_MS = 2000;

/**
 * Scroll `target` to the top of its page, clear of sticky bars, and give it focus. Cells off screen
 * run and draw after the ones on screen, so the page above the heading may still grow after the
 * jump: for a moment the heading is put back where it belongs whenever the cells change size,
 * unless the reader scrolls meanwhile.
 */
export function jumpTo(target: HTMLElement): void {
  const view = target.ownerDocument.defaultView;
  if (!view) return;
  scrollToTarget(target, view);
  if (!target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
  target.focus({ preventScroll: true });
  const cells = target.closest(".nb-cells");
  if (!cells) return;
  const observer = new ResizeObserver(() => scrollToTarget(target, view));
  observer.observe(cells);
  const stop = (): void => observer.disconnect();
  view.setTimeout(stop, HOLD_MS);
  // The reader scrolling or clicking ends it at once.
  for (const type of ["wheel", "touchstart", "keydown", "pointerdown"]) view.addEventListener(type, stop, { once: true, passive: true });
}

function scrollToTarget(target: HTMLElement, view: Window): void {
  const doc = target.ownerDocument;
  // A sticky bar covers the top of the page wherever the heading lands: its height plus its offset.
  let covered = 0;
  for (const bar of doc.querySelectorAll<HTMLElement>(".nb-sticky-filter")) {
    const style = view.getComputedStyle(bar);
    if (style.position === "sticky" || style.position === "fixed") covered = Math.max(covered, bar.offsetHeight + (parseFloat(style.top) || 0));
  }
  const top = target.getBoundingClientRect().top + view.scrollY - covered - 12;
  view.scrollTo({ top: Math.max(0, top), behavior: "instant" });
}

@customElement("nb-report-nav")
export class NbReportNav extends LightElement {
  @property({ attribute: false }) doc: Pick<NotebookDoc, "cells"> | undefined;
  @property({ type: Boolean }) report = false;
  /** The notebook takes the frame's full width (wide screens). */
  @property({ type: Boolean }) wide = false;
  private readonly i18n = new LocaleController(this);

  private go(event: Event, heading: NotebookHeading): void {
    event.preventDefault();
    const target = headingElement(this.ownerDocument, heading);
    if (target) jumpTo(target);
  }

  protected override render(): unknown {
    const headings = this.report && this.doc ? notebookHeadings(this.doc, 3, this.i18n.locale) : [];
    const top = Math.min(...headings.map((h) => h.level));
    const t = this.i18n.words;
    return html`<div class="nb-view-switch" role="group" aria-label=${t.viewLabel}>
        <button class="nb-button nb-view-report" aria-pressed=${this.report ? "true" : "false"} @click=${() => fire(this, "nb-view", { report: true, wide: this.wide })}>${t.viewReport}</button>
        <button class="nb-button nb-view-edit" aria-pressed=${this.report ? "false" : "true"} @click=${() => fire(this, "nb-view", { report: false, wide: this.wide })}>${t.viewEdit}</button>
      </div>
      <button class="nb-button nb-export-report" title=${t.exportReportTitle} @click=${() => fire(this, "nb-export-report", {})}>${t.exportReport}</button>
      <button class="nb-button nb-width-switch" aria-pressed=${this.wide ? "true" : "false"} title=${t.fullWidthTitle} @click=${() => fire(this, "nb-view", { report: this.report, wide: !this.wide })}>${t.fullWidth}</button>
      ${headings.length > 1
        ? html`<nav class="nb-toc" aria-label=${t.contents}>
            <details ?open=${(this.ownerDocument.defaultView?.innerWidth ?? 1000) > 700}>
              <summary>${t.contents}</summary>
              <ol>
                ${headings.map(
                  (h) => html`<li class=${`nb-toc-level-${h.level - top + 1}`}>
                    <a href=${`#cell-${h.cellId}`} @click=${(e: Event) => this.go(e, h)}>${h.text}</a>
                  </li>`,
                )}
              </ol>
            </details>
          </nav>`
        : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "nb-report-nav": NbReportNav;
  }
}
