/**
 * The notebook as a report, taken in the notebook's frame: the rendered output of every cell in
 * document order (not its code), with what the reader set — an input's value, a canvas's picture —
 * written into the markup, and the style sheets the outputs are drawn with. The shell sanitises it
 * before it prints it or writes the report file (sanitize-report.ts): whatever runs in the frame
 * may have written this, so nothing here is trusted.
 *
 * Outputs are copied from the page as they are, whichever view (report or edit) is on screen, so a
 * report never recomputes anything.
 *
 * Surprising, so spelled out (issue 12): the frame takes a report after every quiet moment, and a
 * copy of every output is a long task on a big notebook (04: some 20,000 nodes, 113 ms under load).
 * `ReportSnapshots` keeps each output's copy, as markup, until a mutation inside that output (a
 * MutationObserver on the document) says it changed, and copies what changed one output at a time
 * across tasks. Live state no mutation reports — an input's value, a canvas's picture — is read
 * again on every report: outputs holding an input or a canvas are copied every time.
 */

/** What the frame sends for a report (`report` in protocol.ts). */
export interface ReportSnapshot {
  /** One `<section>` per cell that shows something. */
  html: string;
  /** The CSS of the frame's style sheets (ours, Inputs', Plot's), rules as the browser keeps them. */
  css: string;
}

/** Controls that act on the page (export buttons, folds); a report is read, not worked. */
const CONTROLS = "nb-export-menu, .nb-fold, button";

/** Write live state into attributes so a copy of the markup shows what the page shows. */
function freeze(original: Element, copy: Element): void {
  const sources = original.querySelectorAll("input, select, textarea, canvas");
  const targets = copy.querySelectorAll("input, select, textarea, canvas");
  sources.forEach((source, i) => {
    const target = targets[i];
    if (!target) return;
    if (source instanceof HTMLInputElement) {
      target.setAttribute("value", source.value);
      if (source.checked) target.setAttribute("checked", "");
      else target.removeAttribute("checked");
      target.setAttribute("disabled", "");
    } else if (source instanceof HTMLSelectElement) {
      const options = target.querySelectorAll("option");
      [...source.options].forEach((option, j) => {
        if (option.selected) options[j]?.setAttribute("selected", "");
        else options[j]?.removeAttribute("selected");
      });
      target.setAttribute("disabled", "");
    } else if (source instanceof HTMLTextAreaElement) {
      target.textContent = source.value;
      target.setAttribute("disabled", "");
    } else if (source instanceof HTMLCanvasElement) {
      const img = copy.ownerDocument.createElement("img");
      try {
        img.setAttribute("src", source.toDataURL("image/png"));
      } catch {
        return; // a tainted canvas cannot be read; it is left out
      }
      img.setAttribute("width", String(source.width));
      img.setAttribute("alt", source.getAttribute("aria-label") ?? "");
      target.replaceWith(img);
    }
  });
}

/** The CSS text of every style sheet the frame can read. */
function styleText(doc: Document): string {
  const parts: string[] = [];
  for (const sheet of doc.styleSheets) {
    try {
      for (const rule of sheet.cssRules) parts.push(rule.cssText);
    } catch {
      // A sheet the frame may not read (no CORS): its outputs are styled by the rest.
    }
  }
  return parts.join("\n");
}

/** Form controls and canvases: state that a copy must read from the page itself. */
const LIVE = "input, select, textarea, canvas";

/** A cell's output copied as a report section, and whether it holds live state. */
interface Section {
  html: string;
  live: boolean;
}

/** The cell's kind as its section class names it (js, md, html…). */
function kindOf(cell: Element): string {
  return cell.querySelector("[data-cell-id]")?.className.match(/\bnb-cell-(\w+)\b/)?.[1] ?? "js";
}

/** One output as a report section: copied, live state written in, controls taken out. */
function sectionOf(output: Element, kind: string): Section | undefined {
  const copy = output.cloneNode(true);
  if (!(copy instanceof Element)) return undefined;
  freeze(output, copy);
  for (const control of copy.querySelectorAll(CONTROLS)) control.remove();
  return { html: `<section class="nb-report-cell nb-report-${kind}">${copy.innerHTML}</section>`, live: output.querySelector(LIVE) !== null };
}

/** The outputs that show something, in document order, with their cell's kind. */
function* outputsOf(doc: Document): Generator<{ output: Element; kind: string }> {
  for (const cell of doc.querySelectorAll("nb-cell")) {
    const output = cell.querySelector(".nb-output");
    if (output && output.childNodes.length > 0) yield { output, kind: kindOf(cell) };
  }
}

/** The report of the notebook shown in `doc` (the frame's document), every output copied afresh. */
export function takeReportSnapshot(doc: Document): ReportSnapshot {
  const sections: string[] = [];
  for (const { output, kind } of outputsOf(doc)) {
    const section = sectionOf(output, kind);
    if (section) sections.push(section.html);
  }
  return { html: sections.join("\n"), css: styleText(doc) };
}

/** How a report is taken: all at once (a reader waits for it), or in slices between other tasks. */
export interface SnapshotOptions {
  /** Copy outputs for at most this long per task, then let other tasks run (one output at least). */
  sliceMs?: number;
  /** Asked between slices: true gives up (the notebook runs again, so this report is already old). */
  stale?: () => boolean;
}

/** A report kept up to date output by output (see the file comment). */
export class ReportSnapshots {
  /** Per output element, its copy, while no mutation inside it has been seen. */
  private readonly kept = new WeakMap<Element, Section & { kind: string }>();
  private readonly observer: MutationObserver | undefined;
  /** Outputs copied so far (for tests: an output that did not change is not copied again). */
  copies = 0;

  constructor(private readonly doc: Document) {
    const Observer = doc.defaultView?.MutationObserver;
    if (Observer) {
      this.observer = new Observer((records) => this.forget(records));
      this.observer.observe(doc, { subtree: true, childList: true, characterData: true, attributes: true });
    }
  }

  /** Drops the copy of every output a mutation touched. */
  private forget(records: readonly MutationRecord[]): void {
    let last: Node | null = null;
    for (const record of records) {
      // Consecutive records mostly share their target (rows appended to one table body).
      if (record.target === last) continue;
      last = record.target;
      const element = record.target.nodeType === 1 ? record.target : record.target.parentNode;
      const output = element instanceof Element ? element.closest(".nb-output") : null;
      if (output) this.kept.delete(output);
    }
  }

  /** The output's section, from the copy kept or copied now (and kept). */
  private section(output: Element, kind: string): string | undefined {
    const known = this.kept.get(output);
    if (known && known.kind === kind && !known.live) return known.html;
    const section = sectionOf(output, kind);
    this.copies++;
    if (!section) return undefined;
    // Without an observer nothing says when an output changed: nothing is kept.
    if (this.observer) this.kept.set(output, { ...section, kind });
    return section.html;
  }

  /** Whether the output's copy must be made (again). */
  private due(output: Element, kind: string): boolean {
    const known = this.kept.get(output);
    return !known || known.kind !== kind || known.live;
  }

  /**
   * The report as the page shows it now. With `sliceMs`, outputs that changed are copied a few per
   * task (the last report's copies of the others reused) and the report is put together in the
   * last one; `undefined` when `stale()` said to give up.
   */
  async take(options: SnapshotOptions = {}): Promise<ReportSnapshot | undefined> {
    const { sliceMs, stale } = options;
    if (sliceMs !== undefined) {
      for (;;) {
        this.forget(this.observer?.takeRecords() ?? []);
        const start = performance.now();
        let pending = false;
        let copied = 0;
        for (const { output, kind } of outputsOf(this.doc)) {
          if (!this.due(output, kind) || output.querySelector(LIVE)) continue;
          if (copied > 0 && performance.now() - start >= sliceMs) {
            pending = true;
            break;
          }
          this.section(output, kind);
          copied++;
        }
        if (!pending) break;
        await nextTask(this.doc);
        if (stale?.()) return undefined;
      }
    }
    return this.takeNow();
  }

  /** The report now, in this task: only outputs that changed (or hold live state) are copied. */
  takeNow(): ReportSnapshot {
    this.forget(this.observer?.takeRecords() ?? []);
    const sections: string[] = [];
    for (const { output, kind } of outputsOf(this.doc)) {
      const html = this.section(output, kind);
      if (html !== undefined) sections.push(html);
    }
    return { html: sections.join("\n"), css: styleText(this.doc) };
  }

  /** Stops watching the document. */
  disconnect(): void {
    this.observer?.disconnect();
  }
}

/** A later task: when the frame is idle, or after a short wait at most. */
function nextTask(doc: Document): Promise<void> {
  const win = doc.defaultView;
  return new Promise((resolve) => {
    if (win && "requestIdleCallback" in win) win.requestIdleCallback(() => resolve(), { timeout: 200 });
    else setTimeout(resolve, 0);
  });
}
