/**
 * Which respondents the survey notebooks use: the bundled reconstruction, or a file the user chose
 * (CSV, card image, .sav) read in this browser through the loaders with the bundled codebook.
 *
 * Loading goes through three steps the UI shows one at a time — reading (progress, Cancel),
 * review (the validation summary; "Use this data" or go back) or failure (the LoadProblem's
 * message) — and only "Use this data" changes what notebooks see. A refused or cancelled file
 * changes nothing. The file never leaves the browser: it is read from the Blob (in the app, by a
 * worker: `load-in-worker.ts`), kept in memory, and never stored or put into a share link.
 * No DOM here, so the states are unit-tested in Node.
 */
import type { Codebook } from "../data/codebook";
import type { LoadFileOptions } from "../data/loaders/load-file";
import type { IssueKind, LoadOutcome, LoadResult, ValidationIssue } from "../data/loaders/load-result";
import { Listeners } from "../base/listeners";

/**
 * What reads the chosen file: `loadInWorker` in the app (off the main thread), `loadFile` of
 * src/data/loaders/load-file.ts in Node tests. Resolves to the result or the LoadProblem.
 */
export type LoadFileFn = (input: Blob, options: LoadFileOptions) => Promise<LoadOutcome<LoadResult>>;

/** What the data source needs; both are loaded lazily so the loaders stay out of the startup bundle. */
export interface DataSourceDeps {
  loadFile(): Promise<LoadFileFn>;
  /** The bundled codebook every CSV and card image is read through. */
  codebook(): Promise<Codebook>;
}

/** One counted line of the validation summary. */
export interface SummaryLine {
  label: string;
  count: number;
}

/** The validation report condensed for a person deciding whether to use the file. */
export interface ValidationSummary {
  rows: number;
  /** "CSV, windows-1252, ';'" — how the file was read. */
  readAs: string;
  lines: SummaryLine[];
  total: number;
  /** The first issues, each "Row 12, column 5 (q3): … Fix: …". */
  first: string[];
}

/** The step the loading panel is at. */
export type DataPhase =
  | { kind: "idle" }
  | { kind: "loading"; name: string; bytesRead: number; totalBytes?: number }
  | { kind: "review"; name: string; result: LoadResult; summary: ValidationSummary }
  | { kind: "failed"; name: string; message: string; cancelled: boolean };

/** The data the notebooks use. `version` changes on every switch, so caches can tell. */
export type ActiveData = { kind: "bundled"; version: number } | { kind: "user"; name: string; rows: number; result: LoadResult; version: number };

/** Issue kinds grouped the way the summary counts them; the rest are "other problems". */
const GROUPS: { label: string; kinds: IssueKind[] }[] = [
  { label: "Unknown variables", kinds: ["unknown-variable"] },
  { label: "Values outside the codebook", kinds: ["unknown-code", "out-of-range", "not-a-number"] },
  { label: "Skip-rule violations", kinds: ["skip-violation"] },
  { label: "Missing columns", kinds: ["missing-column"] },
  { label: "Duplicate respondent ids", kinds: ["duplicate-id"] },
];

/** How many issues the summary lists in full. */
export const FIRST_ISSUES = 5;

/** One issue as a located sentence: "Row 12, column 5 (q3): … Fix: …" or "Row 12, column q3: …". */
export function describeIssue(issue: ValidationIssue): string {
  // The column is named by number and variable when both are known, else by whichever is.
  const column = issue.column === undefined
    ? issue.variable === undefined ? "" : `column ${issue.variable}`
    : `column ${issue.column}${issue.variable === undefined ? "" : ` (${issue.variable})`}`;
  const where = [issue.row === undefined ? "" : `Row ${issue.row}`, column].filter((s) => s !== "").join(", ");
  const prefix = where === "" ? "" : `${where.charAt(0).toUpperCase()}${where.slice(1)}: `;
  return `${prefix}${issue.message} Fix: ${issue.fix}`;
}

/** Condense a load's validation report: the five checks counted, everything else as one line. */
export function summarize(result: LoadResult): ValidationSummary {
  const { report, source } = result;
  const count = (kinds: readonly IssueKind[]): number => kinds.reduce((sum, k) => sum + (report.counts[k] ?? 0), 0);
  const lines = GROUPS.map((g) => ({ label: g.label, count: count(g.kinds) }));
  const grouped = lines.reduce((sum, l) => sum + l.count, 0);
  if (report.total > grouped) lines.push({ label: "Other problems (ragged rows, quotes, line lengths …)", count: report.total - grouped });
  const delimiter = source.delimiter === undefined ? "" : `, delimiter ${source.delimiter === "\t" ? "tab" : `“${source.delimiter}”`}`;
  return {
    rows: report.rows,
    readAs: `${source.label}, ${source.encoding}${delimiter}`,
    lines,
    total: report.total,
    first: report.issues.slice(0, FIRST_ISSUES).map(describeIssue),
  };
}

/** A failure that is not a LoadProblem (a loader bug) still gets a message naming the file and a fix. */
function failureMessage(name: string, error: unknown): string {
  const detail = error instanceof Error ? error.message : String(error);
  return `${name}: could not be read (${detail}). Fix: check that it is a data file of this survey (CSV, card image or SPSS .sav), or report the problem with the file attached.`;
}

const cancelledMessage = (name: string): string => `Loading ${name} was cancelled. Nothing changed: the notebooks keep their data.`;

/** The data-source state machine; the UI renders `phase` and `active` and calls the methods. */
export class DataSource {
  phase: DataPhase = { kind: "idle" };
  active: ActiveData = { kind: "bundled", version: 0 };
  private controller: AbortController | undefined;
  private readonly listeners = new Listeners<[]>();
  private readonly activeListeners = new Set<(active: ActiveData) => void>();
  private lastProgressEmit = 0;
  /** The loader and the codebook, fetched once (on the first file) and kept: the next file starts at once. */
  private prepared: Promise<[LoadFileFn, Codebook]> | undefined;

  constructor(private readonly deps: DataSourceDeps) {}

  /**
   * A file is being read or waits in review: the shell holds back other background work meanwhile
   * (the next notebook's spare frame, frame-session.ts), so the load workers have the cores.
   */
  get busy(): boolean {
    return this.phase.kind === "loading" || this.phase.kind === "review";
  }

  /** Called on every change of phase, progress or active data. */
  onChange(listener: () => void): () => void {
    return this.listeners.add(listener);
  }

  /** Called only when the data notebooks use changes ("Use this data", back to bundled). */
  onActiveChange(listener: (active: ActiveData) => void): () => void {
    this.activeListeners.add(listener);
    return () => this.activeListeners.delete(listener);
  }

  private emit(): void {
    this.listeners.emit();
  }

  private setActive(active: ActiveData): void {
    this.active = active;
    this.emit();
    for (const listener of this.activeListeners) listener(active);
  }

  /**
   * Fetches the loader and the codebook, once: called when the user heads for a file ("Load your
   * own file…" opens the file dialog), so they are in by the time a file is chosen and the
   * measured load starts reading at once. A failed fetch is tried again the next time.
   */
  prepare(): Promise<[LoadFileFn, Codebook]> {
    if (!this.prepared) {
      const prepared = Promise.all([this.deps.loadFile(), this.deps.codebook()]);
      this.prepared = prepared;
      prepared.catch(() => {
        if (this.prepared === prepared) this.prepared = undefined;
      });
    }
    return this.prepared;
  }

  /** Read a file the user picked or dropped; resolves when it is in review or failed. */
  async choose(file: Blob, name: string): Promise<void> {
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    this.phase = { kind: "loading", name, bytesRead: 0, totalBytes: file.size };
    this.emit();
    try {
      const [loadFile, codebook] = await this.prepare();
      const result = await loadFile(file, {
        name,
        codebook,
        signal: controller.signal,
        onProgress: (p) => this.progress(controller, name, p.bytesRead, p.totalBytes),
      });
      // A load that finished just as Cancel was pressed is still cancelled.
      if (controller.signal.aborted || this.controller !== controller) return;
      if (result.ok) this.phase = { kind: "review", name, result: result.value, summary: summarize(result.value) };
      else if (result.error.kind === "cancelled") this.phase = { kind: "failed", name, cancelled: true, message: cancelledMessage(name) };
      else this.phase = { kind: "failed", name, cancelled: false, message: result.error.message };
    } catch (error) {
      if (this.controller !== controller) return;
      this.phase = controller.signal.aborted
        ? { kind: "failed", name, cancelled: true, message: cancelledMessage(name) }
        : { kind: "failed", name, cancelled: false, message: failureMessage(name, error) };
    } finally {
      if (this.controller === controller) this.controller = undefined;
    }
    this.emit();
  }

  private progress(controller: AbortController, name: string, bytesRead: number, totalBytes: number | undefined): void {
    if (this.controller !== controller || controller.signal.aborted) return;
    this.phase = { kind: "loading", name, bytesRead, ...(totalBytes === undefined ? {} : { totalBytes }) };
    // Repaint at most ~10 times a second; the last chunk always shows.
    const now = Date.now();
    if (now - this.lastProgressEmit < 100 && bytesRead !== totalBytes) return;
    this.lastProgressEmit = now;
    this.emit();
  }

  /** Stop a load in progress (the Cancel button); the phase becomes a "cancelled" notice. */
  cancel(): void {
    if (this.phase.kind !== "loading" || !this.controller) return;
    const name = this.phase.name;
    this.controller.abort();
    this.controller = undefined;
    this.phase = { kind: "failed", name, cancelled: true, message: cancelledMessage(name) };
    this.emit();
  }

  /** "Use this data": the reviewed file becomes what every survey notebook sees. */
  use(): void {
    if (this.phase.kind !== "review") return;
    const { name, result } = this.phase;
    this.phase = { kind: "idle" };
    this.setActive({ kind: "user", name, rows: result.report.rows, result, version: this.active.version + 1 });
  }

  /** Close the panel (review, failure or cancel notice) without changing the data. */
  back(): void {
    if (this.phase.kind === "loading") this.cancel();
    this.phase = { kind: "idle" };
    this.emit();
  }

  /** Switch back to the bundled reconstruction. */
  useBundled(): void {
    if (this.active.kind === "bundled") return;
    this.setActive({ kind: "bundled", version: this.active.version + 1 });
  }
}
