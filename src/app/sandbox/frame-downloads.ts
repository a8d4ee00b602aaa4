/**
 * The files the open notebook's frame asks the shell to write: Ctrl/Cmd-S (the notebook as a file)
 * and "Export report" (the shell writes it: it sanitises the outputs). Each wish goes through the
 * download gate (download-gate.ts: only with user activation, one file per two seconds); a wish still
 * waiting dies with its frame.
 */
import { DownloadGate } from "./download-gate";

/** What the frame may ask to have written. */
export type FrameDownload = "save" | "exportReport";

/** One open notebook's downloads, as FrameSession hands them the frame's messages. */
export class FrameDownloads {
  private readonly gate = new DownloadGate();

  constructor(private readonly write: Readonly<Record<FrameDownload, () => void>>) {}

  /** The frame asked for `kind`: written now, once the two seconds are over, or refused without activation. */
  ask(kind: FrameDownload): void {
    this.gate.request(() => this.write[kind]());
  }

  /** Forget a waiting wish: the frame that asked is gone (replaced or closed). */
  cancel(): void {
    this.gate.cancel();
  }
}
