/**
 * Files the notebook's frame asks the shell to write (Ctrl/Cmd-S: the notebook; "Export report").
 * The frame is untrusted once a notebook runs, so a wish counts only while the page has transient
 * user activation — a click or key press in the frame activates the page too, for about 5 s — and
 * at most one file per {@link DOWNLOAD_EVERY_MS} across both kinds. Measured in Chromium before:
 * a notebook that posted `save` every 50 ms after one click in it got 50 downloads in 7 s (the
 * report, throttled alone, one per 2 s besides).
 */

/** At most one file the frame asked for per this many ms. */
export const DOWNLOAD_EVERY_MS = 2000;

/** Whether the page has transient user activation (true where the browser cannot say). */
export function pageActivated(): boolean {
  return typeof navigator === "undefined" || !navigator.userActivation || navigator.userActivation.isActive;
}

/**
 * The gate. A wish inside the two seconds is not dropped: the latest one (only one) is written when
 * they are over, because a reader who exports the report twice in a row — say once per language —
 * clicked twice and expects two files. A notebook asking in a loop still gets one per two seconds,
 * and only while the page was activated when it asked.
 */
export class DownloadGate {
  private last = -Infinity;
  private pending: ReturnType<typeof setTimeout> | undefined;

  /**
   * Write a file the frame asked for: now if the gate is open, else once the two seconds since the
   * last file are over (replacing any wish still waiting). Returns false when the wish is refused
   * because the page had no user activation.
   */
  request(write: () => void, activated = pageActivated()): boolean {
    if (!activated) return false;
    clearTimeout(this.pending);
    this.pending = undefined;
    const wait = this.last + DOWNLOAD_EVERY_MS - Date.now();
    if (wait <= 0) {
      this.last = Date.now();
      write();
    } else {
      this.pending = setTimeout(() => {
        this.pending = undefined;
        this.last = Date.now();
        write();
      }, wait);
    }
    return true;
  }

  /** Forget a waiting wish (the notebook closed or its frame was replaced). */
  cancel(): void {
    clearTimeout(this.pending);
    this.pending = undefined;
  }
}
