/**
 * The shell's side of a notebook's report: the last one its frame sent (for the browser's Print,
 * which cannot wait for an answer) and requests for a fresh one (Print and "Export report"). The
 * snapshots are the frame's untrusted markup; they are sanitised only where used.
 */
import type { ReportSnapshot } from "./report-snapshot";

/** How long a request waits for the frame before it falls back on the last report. */
const ANSWER_WITHIN_MS = 15_000;

export class FrameReports {
  private last: ReportSnapshot | undefined;
  private seq = 0;
  private readonly waiting = new Map<number, (snapshot: ReportSnapshot | undefined) => void>();
  private readonly exportListeners = new Set<() => void>();

  /** `ask` posts a `report` request with its id to the frame. */
  constructor(private readonly ask: (id: number) => void) {}

  /** The last report the frame sent, if any. */
  get latest(): ReportSnapshot | undefined {
    return this.last;
  }

  /**
   * The notebook runs again under another filter or language: the last report shows the one
   * before, while the head Print puts above it (drawn by the shell) names the new one. It is
   * forgotten, so Print says the notebook has not finished yet, rather than print one filter's
   * figures under another's name, until the frame's next quiet report (sent after every such
   * change, frame-controller.ts). A request still gets a fresh report.
   */
  outdate(): void {
    this.last = undefined;
  }

  /** A report from the frame (already read by readFrameMessage). */
  receive(message: { id: number | null; html: string; css: string }): void {
    this.last = { html: message.html, css: message.css };
    if (message.id === null) return;
    this.waiting.get(message.id)?.(this.last);
    this.waiting.delete(message.id);
  }

  /** Hear the notebook's "Export report" button. */
  onExportAsked(listener: () => void): () => void {
    this.exportListeners.add(listener);
    return () => this.exportListeners.delete(listener);
  }

  /**
   * The frame says its "Export report" was pressed (FrameSession lets the wish through only with
   * user activation and at most one file per two seconds, sandbox/download-gate.ts).
   */
  askExport(): void {
    for (const listener of this.exportListeners) listener();
  }

  /**
   * A report of the notebook as it is once it has finished running; the last one if the frame
   * does not answer in time (a cell that hangs), undefined if there is none.
   */
  request(): Promise<ReportSnapshot | undefined> {
    const id = ++this.seq;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        resolve(this.last);
      }, ANSWER_WITHIN_MS);
      this.waiting.set(id, (snapshot) => {
        clearTimeout(timer);
        resolve(snapshot);
      });
      this.ask(id);
    });
  }
}
