/**
 * <nb-report-nav>: the switch between report view (outputs only) and edit view, and in report view
 * the table of contents made from the markdown headings (src/notebook/headings.ts). A contents
 * entry scrolls its heading to the top of the page, below the sticky filter bar, and moves focus
 * there, so the keyboard and screen readers follow the jump.
 *
 * Events: `nb-view` {report}.
 */
import { LitElement, html, nothing } from "lit";
import { customElement, property } from "lit/decorators.js";
import { notebookHeadings, type NotebookHeading } from "../notebook/headings";
import type { NotebookDoc } from "../notebook/document";
import { fire } from "./events";
import "./report-view.css";

/** The rendered heading of a contents entry, inside its cell's output. */
export function headingElement(root: ParentNode, heading: Pick<NotebookHeading, "cellId" | "index">): HTMLElement | undefined {
  const output = root.querySelector(`[data-cell-id="${CSS.escape(heading.cellId)}"] .nb-output`);
  const found = output?.querySelectorAll<HTMLElement>("h1, h2, h3, h4, h5, h6")[heading.index];
  return found ?? undefined;
}

/** Scroll `target` to the top of its page, clear of sticky bars, and give it focus. */
export function jumpTo(target: HTMLElement): void {
  const doc = target.ownerDocument;
  const view = doc.defaultView;
  if (!view) return;
  // A sticky bar covers the top of the page wherever the heading lands: its height plus its offset.
  let covered = 0;
  for (const bar of doc.querySelectorAll<HTMLElement>(".nb-sticky-filter")) {
    const style = view.getComputedStyle(bar);
    if (style.position === "sticky" || style.position === "fixed") covered = Math.max(covered, bar.offsetHeight + (parseFloat(style.top) || 0));
  }
  const top = target.getBoundingClientRect().top + view.scrollY - covered - 12;
  view.scrollTo({ top: Math.max(0, top), behavior: "instant" });
  if (!target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
  target.focus({ preventScroll: true });
}

@customElement("nb-report-nav")
export class NbReportNav extends LitElement {
  @property({ attribute: false }) doc: Pick<NotebookDoc, "cells"> | undefined;
  @property({ type: Boolean }) report = false;

  override createRenderRoot(): HTMLElement {
    return this;
  }

  private go(event: Event, heading: NotebookHeading): void {
    event.preventDefault();
    const target = headingElement(this.ownerDocument, heading);
    if (target) jumpTo(target);
  }

  protected override render(): unknown {
    const headings = this.report && this.doc ? notebookHeadings(this.doc) : [];
    const top = Math.min(...headings.map((h) => h.level));
    return html`<div class="nb-view-switch" role="group" aria-label="View">
        <button class="nb-button nb-view-report" aria-pressed=${this.report ? "true" : "false"} @click=${() => fire(this, "nb-view", { report: true })}>Report</button>
        <button class="nb-button nb-view-edit" aria-pressed=${this.report ? "false" : "true"} @click=${() => fire(this, "nb-view", { report: false })}>Edit</button>
      </div>
      ${headings.length > 1
        ? html`<nav class="nb-toc" aria-label="Contents">
            <details ?open=${(this.ownerDocument.defaultView?.innerWidth ?? 1000) > 700}>
              <summary>Contents</summary>
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
