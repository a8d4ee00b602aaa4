/**
 * Which cells in view must wait for work a builtin handed over (cell-viewport.ts, `warm`), from the
 * runs they were let go for without waiting: a run that took longer than a long task did the work
 * itself, in one long task (04's summary needs all of it); a short one needed little of it (04's
 * flagged table classifies only its own figures).
 *
 * Until stop 30 one such run over the threshold held the cell for the rest of the notebook's life:
 * a load spike that slowed 04's flagged table (15–25 ms idle, twice that under load) past 50 ms
 * once made the table in view wait for the whole recount from then on. So the rule decays:
 *
 * - it decides on the lower median of the cell's last `SAMPLES` runs let go (a single run only
 *   while it is the only one known): one slow run among short ones is a spike, not a need;
 * - a cell that needs the work is held for `HELD_RUNS_FIRST` runs, then let go once more to take a
 *   new sample (a probe). A probe that is slow again doubles the runs it is held for next time, up
 *   to `HELD_RUNS_MAX`, so a cell that does need the work does it in one long task once per
 *   8, 16, 32, 64 runs; a short probe clears it.
 *
 * Probes are rare because the two mistakes are not alike: a probe of a cell that needs the work is
 * a long task the reader's input waits behind (04's summary; with probes after 2, 4 … runs, 04's
 * bench saw long tasks in 6 of 16 changes against 3), while a cell held that did not need it is
 * drawn late, its page still answering (the work runs in 20 ms slices).
 *
 * Pure: run times come in as numbers, nothing is timed here.
 */

/** How many of a cell's runs let go without waiting the rule decides on (the last ones). */
export const SAMPLES = 3;
/** Runs a cell that needs the work is held for before it is let go again to see whether it still does. */
export const HELD_RUNS_FIRST = 8;
/** The most runs a cell is held for between two probes (each slow probe doubles the count). */
export const HELD_RUNS_MAX = 64;

/** What the rule knows of one cell. */
interface CellRecord {
  /** The last run time it was asked with (a different one: a run has ended since). */
  last: number | undefined;
  /** The run under way (or next) was let go without waiting while work was under way: its time is a sample. */
  sampling: boolean;
  /** Run times of its last runs let go without waiting, oldest first. */
  samples: number[];
  /** Whether the samples say it needs the work. */
  needs: boolean;
  /** Runs it is still held for before a probe. */
  heldLeft: number;
  /** The runs it was held for after the last decision that it needs the work. */
  heldFor: number;
}

/** The hold rule of one window's cells (see the file comment). */
export class HoldRule {
  private readonly cells = new Map<string, CellRecord>();

  /**
   * @param limitMs a run let go that took longer than this did the work itself (a long task's 50 ms)
   */
  constructor(private readonly limitMs: number) {}

  /**
   * Whether cell `id`, about to run, must wait for the work handed over; `lastRunMs` is its last run
   * time as the runtime reports it. A different one than at the last ask means a run ended since: a
   * run it was let go for is a sample, any run counts down the runs it is held for. The runtime asks
   * again after every wait: the same last run gives the same answer.
   */
  mustWait(id: string, lastRunMs: number | undefined): boolean {
    const cell = this.cells.get(id);
    if (!cell) {
      this.cells.set(id, { last: lastRunMs, sampling: false, samples: [], needs: false, heldLeft: 0, heldFor: 0 });
      return false;
    }
    if (cell.last !== lastRunMs) {
      cell.last = lastRunMs;
      if (cell.sampling) this.sample(cell, lastRunMs ?? 0);
      else if (cell.heldLeft > 0) cell.heldLeft--;
    }
    return cell.needs && cell.heldLeft > 0;
  }

  /** Cell `id` was let go without waiting while work was under way: the time of the run it starts now is a sample. */
  letGo(id: string): void {
    const cell = this.cells.get(id);
    if (cell) cell.sampling = true;
  }

  /** A run let go ended after `ms`: decide again. */
  private sample(cell: CellRecord, ms: number): void {
    cell.sampling = false;
    cell.samples.push(ms);
    if (cell.samples.length > SAMPLES) cell.samples.shift();
    const sorted = [...cell.samples].sort((a, b) => a - b);
    // The lower median: with two samples the shorter, so a slow one next to a short one is a spike.
    const figure = sorted[Math.floor((sorted.length - 1) / 2)] ?? 0;
    if (figure <= this.limitMs) {
      cell.needs = false;
      cell.heldLeft = 0;
      cell.heldFor = 0;
      return;
    }
    // A probe that found it still needs the work waits twice as long for the next one.
    cell.heldFor = cell.needs ? Math.min(cell.heldFor * 2, HELD_RUNS_MAX) : HELD_RUNS_FIRST;
    cell.heldLeft = cell.heldFor;
    cell.needs = true;
  }
}
