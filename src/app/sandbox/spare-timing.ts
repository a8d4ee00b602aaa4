/**
 * When the shell makes the next notebook's frame (FrameSlot.prewarm) while a notebook is open: only
 * once the open notebook has been quiet for a while, because the spare shares its renderer process
 * and thread (frame-slot.ts). FrameSession feeds it what the frame says and asks it every heartbeat.
 */

/**
 * The next notebook's frame is loaded once this one has been quiet this long (FrameSlot.prewarm).
 * Not at once: the spare shares this notebook's process and thread, and loading it during a filter
 * change cost that change 10–15 %; a filter change every few hundred ms keeps it away. Not 3 s as
 * before (issue 12): a reader who opened the next notebook 3.5 s after this one settled met a spare
 * still parsing the survey, and waited for the rest of that (03: ~0.3 s of its opening).
 */
export const QUIET_BEFORE_SPARE_MS = 1500;
/**
 * A notebook that has said nothing about work this long after it opened (nothing to run) counts as
 * quiet too. Until then the quiet is counted only from its first status: a frame still loading the
 * survey says nothing, and a spare made then would load beside the notebook the reader waits for.
 */
const SILENT_OPEN_MS = 5000;

/** The open notebook's quiet, as the spare frame waits for it. */
export class SpareTiming {
  /** Date.now() of the frame's last word about work (status, cells); the spare waits for quiet. */
  private lastActivity = 0;
  /** Whether the open notebook has reported a status yet (it started running). */
  private heardStatus = false;

  /** A notebook was opened in a frame now: nothing heard from it yet. */
  opened(now: number): void {
    this.lastActivity = now;
    this.heardStatus = false;
  }

  /** The frame said something about work now: a `status` (it runs) or `cells`. */
  worked(now: number, status: boolean): void {
    this.lastActivity = now;
    if (status) this.heardStatus = true;
  }

  /** Whether the spare may be made now, given whether a cell runs or the frame seems stuck. */
  due(now: number, busyOrStuck: boolean): boolean {
    return !busyOrStuck && now - this.lastActivity >= (this.heardStatus ? QUIET_BEFORE_SPARE_MS : SILENT_OPEN_MS);
  }
}
