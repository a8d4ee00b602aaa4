/**
 * <nb-print-report>: what the shell prints — the open notebook's report. The browser's Print (menu,
 * Ctrl-P, page.pdf()) fires `beforeprint` and waits for nothing, so the report drawn then is the one
 * the frame last sent (it sends one each time the notebook has been quiet for a second). The report is sanitised (app/report/) and shown in a
 * shadow root, so neither its CSS nor its ids touch the shell; print.css hides everything else.
 * The report code (and DOMPurify) loads a moment after the shell starts, off its first render.
 */
import { messages } from "../base/locale/locale";
import { documentLocale } from "./locale-controller";
import { LightElement } from "./light-element";
import { customElement, property } from "lit/decorators.js";
import type { ReportHead } from "../app/report/report-document";
import type { ReportSnapshot } from "../app/report/report-snapshot";
import "./print.css";

/** What is printed: the head from the shell, the snapshot from the frame. */
export interface PrintSource {
  head: ReportHead;
  snapshot: ReportSnapshot | undefined;
}

type PrintModule = typeof import("../app/report/print-report");

@customElement("nb-print-report")
export class NbPrintReport extends LightElement {
  /** The report to print now, or undefined when no notebook is open. */
  @property({ attribute: false }) source: (() => PrintSource | undefined) | undefined;
  private module: PrintModule | undefined;
  private readonly root: ShadowRoot;

  constructor() {
    super();
    this.root = this.attachShadow({ mode: "open" });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener("beforeprint", this.draw);
    window.addEventListener("afterprint", this.clear);
    setTimeout(() => void this.load(), 2000);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener("beforeprint", this.draw);
    window.removeEventListener("afterprint", this.clear);
  }

  /** Load the report code (shortly after start, off the first render). */
  private async load(): Promise<void> {
    this.module ??= await import("../app/report/print-report");
  }

  private draw = (): void => {
    const source = this.source?.();
    if (!source) return this.clear();
    if (!this.module) {
      this.root.textContent = messages[documentLocale(this.ownerDocument).locale].printNotReady;
      return;
    }
    this.module.drawReport(this.root, source.head, source.snapshot, window);
  };

  private clear = (): void => {
    this.root.replaceChildren();
  };
}

declare global {
  interface HTMLElementTagNameMap {
    "nb-print-report": NbPrintReport;
  }
}
