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
 * MutationObserver on the document) says it changed, and copies what changed across tasks, a step
 * at a time: one output of 04 copied whole was still a 25 ms task, so a large output's markup is
 * written child by child from the page (`sectionSteps`), the browser's own serializer doing each
 * child. Live state no mutation reports — an input's value, a canvas's picture — is read again on
 * every report: outputs holding an input or a canvas are copied every time, in the report's task.
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

/** Form controls and canvases: state that a copy must read from the page itself. */
const LIVE = "input, select, textarea, canvas";

/** Write `source`'s live state into `target`, its copy (an input's value, a canvas's picture…). */
function freezeOne(source: Element, target: Element): void {
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
    const img = target.ownerDocument.createElement("img");
    try {
      img.setAttribute("src", source.toDataURL("image/png"));
    } catch {
      return; // a tainted canvas cannot be read; it is left out
    }
    img.setAttribute("width", String(source.width));
    img.setAttribute("alt", source.getAttribute("aria-label") ?? "");
    target.replaceWith(img);
  }
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
  const steps = sectionSteps(output, kind);
  for (;;) {
    const step = steps.next();
    if (step.done === true) return step.value;
  }
}

/** The copy of a live element (input, select, textarea, canvas) with its state written in. */
function frozenMarkup(element: Element): string {
  const holder = element.ownerDocument.createElement("div");
  const copy = element.cloneNode(true);
  if (!(copy instanceof Element)) return "";
  holder.append(copy);
  freezeOne(element, copy);
  for (const control of holder.querySelectorAll(CONTROLS)) control.remove();
  return holder.innerHTML;
}

/** `element`'s start and end tags as the serializer writes them, or undefined for an element with no end tag. */
function tagsOf(element: Element): [string, string] | undefined {
  const shallow = element.cloneNode(false);
  if (!(shallow instanceof Element)) return undefined;
  const html = shallow.outerHTML;
  const at = html.lastIndexOf("</");
  if (at <= 0 || !html.endsWith(">")) return undefined;
  return [html.slice(0, at), html.slice(at)];
}

/** Descendants above which an element's markup is written child by child, in steps. */
const LARGE = 64;

/**
 * The output's report section in steps (issue 12: 04's largest output was one 25 ms copy): the
 * markup a deep copy with live state written in and controls taken out gives, written from the page
 * itself without that copy. Elements holding a control or live state, and large ones, are written
 * tag by tag with their children in between; every other child is the browser's own `outerHTML`,
 * and a run of text and comments is the browser's own markup of it in a bare copy of its parent. It
 * yields after each child, so a caller can stop between any two (`ReportSnapshots.take`).
 */
function* sectionSteps(output: Element, kind: string): Generator<void, Section | undefined, undefined> {
  // Which elements must be opened up: the controls and live elements, and every ancestor of one.
  const special = output.querySelectorAll(`${LIVE}, ${CONTROLS}`);
  const open = new Set<Node>();
  for (const element of special) {
    for (let up = element.parentElement; up && up !== output && !open.has(up); up = up.parentElement) open.add(up);
  }
  const live = output.querySelector(LIVE) !== null;
  const parts: string[] = [];
  /** The children of `parent`, written into `parts`. */
  function* children(parent: Element): Generator<void, void, undefined> {
    let loose: Node[] = [];
    const flush = (): void => {
      if (loose.length === 0) return;
      const bare = parent.cloneNode(false);
      for (const node of loose) bare.appendChild(node.cloneNode(false));
      if (bare instanceof Element) parts.push(bare.innerHTML);
      loose = [];
    };
    for (let node = parent.firstChild; node; node = node.nextSibling) {
      if (node instanceof Comment) {
        // As the serializer writes a comment (its data as it is), without a copy.
        flush();
        parts.push(`<!--${node.data}-->`);
        continue;
      }
      if (!(node instanceof Element)) {
        loose.push(node);
        continue;
      }
      flush();
      if (node.matches(CONTROLS)) continue;
      if (node.matches(LIVE)) parts.push(frozenMarkup(node));
      else {
        const tags = (open.has(node) || node.getElementsByTagName("*").length > LARGE) && node.childElementCount > 0 ? tagsOf(node) : undefined;
        if (tags) {
          parts.push(tags[0]);
          yield* children(node);
          parts.push(tags[1]);
        } else parts.push(node.outerHTML);
      }
      yield;
    }
    flush();
  }
  yield* children(output);
  return { html: `<section class="nb-report-cell nb-report-${kind}">${parts.join("")}</section>`, live };
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
  /** Copy outputs for about this long per task, then let other tasks run (one step of a copy at least). */
  sliceMs?: number;
  /** Asked between slices: true gives up (the notebook runs again, so this report is already old). */
  stale?: () => boolean;
}

/** A report kept up to date output by output (see the file comment). */
export class ReportSnapshots {
  /** Per output element, its copy, while no mutation inside it has been seen. */
  private readonly kept = new WeakMap<Element, Section & { kind: string }>();
  private readonly observer: MutationObserver | undefined;
  /** The output being copied in slices, and its copy's steps so far (dropped on a mutation inside it). */
  private inProgress: { output: Element; kind: string; steps: Generator<void, Section | undefined, undefined> } | undefined;
  /** Mutation records seen so far: style sheets read before the last slice are read again if this moved. */
  private mutations = 0;
  /** Outputs copied so far (for tests: an output that did not change is not copied again). */
  copies = 0;

  constructor(private readonly doc: Document) {
    const Observer = doc.defaultView?.MutationObserver;
    if (Observer) {
      this.observer = new Observer((records) => this.forget(records));
      this.observer.observe(doc, { subtree: true, childList: true, characterData: true, attributes: true });
    }
  }

  /** Drops the copy of every output a mutation touched, and a copy under way of one. */
  private forget(records: readonly MutationRecord[]): void {
    this.mutations += records.length;
    let last: Node | null = null;
    for (const record of records) {
      // Consecutive records mostly share their target (rows appended to one table body).
      if (record.target === last) continue;
      last = record.target;
      const element = record.target.nodeType === 1 ? record.target : record.target.parentNode;
      const output = element instanceof Element ? element.closest(".nb-output") : null;
      if (!output) continue;
      this.kept.delete(output);
      if (this.inProgress?.output === output) this.inProgress = undefined;
    }
  }

  /** Count a copy made, and keep it. */
  private store(output: Element, kind: string, section: Section | undefined): string | undefined {
    this.copies++;
    if (!section) return undefined;
    // Without an observer nothing says when an output changed: nothing is kept.
    if (this.observer) this.kept.set(output, { ...section, kind });
    return section.html;
  }

  /** The output's section, from the copy kept or copied now (and kept). */
  private section(output: Element, kind: string): string | undefined {
    const known = this.kept.get(output);
    if (known && known.kind === kind && !known.live) return known.html;
    return this.store(output, kind, sectionOf(output, kind));
  }

  /** Whether the output's copy must be made (again). */
  private due(output: Element, kind: string): boolean {
    const known = this.kept.get(output);
    return !known || known.kind !== kind || known.live;
  }

  /**
   * Copy the outputs that changed, step by step (`sectionSteps`: a child of an output at a time),
   * until `sliceMs` have passed since `start` (one step at least). True when some are left.
   */
  private copySlice(start: number, sliceMs: number): boolean {
    let stepped = false;
    for (const { output, kind } of outputsOf(this.doc)) {
      if (!this.due(output, kind)) continue;
      let work = this.inProgress;
      if (work?.output !== output || work.kind !== kind) {
        // Live state is read in the report's own task (`takeNow`), never a slice before it.
        if (this.kept.get(output)?.live === true || output.querySelector(LIVE)) continue;
        work = this.inProgress = { output, kind, steps: sectionSteps(output, kind) };
      }
      for (;;) {
        if (stepped && performance.now() - start >= sliceMs) return true;
        stepped = true;
        const step = work.steps.next();
        if (step.done === true) {
          this.inProgress = undefined;
          this.store(output, kind, step.value);
          break;
        }
      }
    }
    return false;
  }

  /**
   * The report as the page shows it now. With `sliceMs`, outputs that changed are copied a step
   * at a time, for about that long per task (the last report's copies of the others reused), the
   * style sheets read in a task of their own, and the report put together in the last one;
   * `undefined` when `stale()` said to give up.
   */
  async take(options: SnapshotOptions = {}): Promise<ReportSnapshot | undefined> {
    const { sliceMs, stale } = options;
    if (sliceMs === undefined) return this.takeNow();
    for (;;) {
      this.forget(this.observer?.takeRecords() ?? []);
      if (!this.copySlice(performance.now(), sliceMs)) break;
      await nextTask(this.doc);
      if (stale?.()) return undefined;
    }
    await nextTask(this.doc);
    if (stale?.()) return undefined;
    this.forget(this.observer?.takeRecords() ?? []);
    const css = { text: styleText(this.doc), at: this.mutations };
    await nextTask(this.doc);
    if (stale?.()) return undefined;
    return this.takeNow(css);
  }

  /**
   * The report now, in this task: only outputs that changed (or hold live state) are copied.
   * `css`: the style sheets as read earlier, used when no mutation has been seen since (else read again).
   */
  takeNow(css?: { text: string; at: number }): ReportSnapshot {
    this.forget(this.observer?.takeRecords() ?? []);
    const sections: string[] = [];
    for (const { output, kind } of outputsOf(this.doc)) {
      const html = this.section(output, kind);
      if (html !== undefined) sections.push(html);
    }
    return { html: sections.join("\n"), css: css && css.at === this.mutations ? css.text : styleText(this.doc) };
  }

  /** Stops watching the document. */
  disconnect(): void {
    this.observer?.disconnect();
  }
}

/** What this file needs of a window to wait for a later task (a scheduler where there is one). */
interface TaskWindow {
  scheduler?: { postTask(callback: () => void, options: { priority: "background" }): Promise<unknown> };
  setTimeout(callback: () => void, ms: number): unknown;
}

/**
 * A later task: a background-priority one where the browser has them, which runs once no other
 * task waits, else the next macrotask. Not an idle callback: in the notebook's frame they did not
 * fire while it sat still (headless Chromium; app/sandbox/idle-steps.ts), so each slice waited for
 * the callback's timeout.
 */
function nextTask(doc: Document): Promise<void> {
  const win: TaskWindow | null = doc.defaultView;
  return new Promise((resolve) => {
    if (win?.scheduler) void win.scheduler.postTask(resolve, { priority: "background" });
    else (win ?? globalThis).setTimeout(resolve, 0);
  });
}
