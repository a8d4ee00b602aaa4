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

export class DownloadGate {
  private last = -Infinity;

  /** Whether a file the frame asks for at `now` may be written; counts it when it may. */
  allow(now = Date.now(), activated = pageActivated()): boolean {
    if (!activated || now - this.last < DOWNLOAD_EVERY_MS) return false;
    this.last = now;
    return true;
  }
}
