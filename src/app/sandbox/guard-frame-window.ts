/**
 * What the notebook frame's window does before any notebook opens in it, apart from the protocol:
 * it closes the one way out its policy cannot close (WebRTC), and passes to the shell what only the
 * shell may do — take a dropped file, save the notebook (Ctrl/Cmd-S), write the report.
 */
import type { FrameMessage } from "./protocol";

/**
 * WebRTC is the one way out of this frame its policy cannot close: ICE sends UDP packets to any
 * STUN/TURN host a notebook names (Chromium has no CSP directive for it; measured, see
 * docs/decisions.md). Notebooks have no use for it, so its constructors are removed before any cell
 * runs. They cannot be fetched back from another realm: every frame a notebook could make here is
 * sandboxed into an opaque origin of its own, and workers are not allowed.
 */
const WEBRTC_CONSTRUCTORS = ["RTCPeerConnection", "webkitRTCPeerConnection"] as const;

/** A drag over the notebook is told to the shell at most this often (ms). */
const DRAG_EVERY_MS = 200;

/** Remove WebRTC from `win` and pass drops, Ctrl/Cmd-S and "Export report" to the shell through `post`. */
export function guardFrameWindow(win: Window, post: (message: Extract<FrameMessage, { type: "drag" | "save" | "exportReport" }>) => void): void {
  for (const name of WEBRTC_CONSTRUCTORS) Reflect.deleteProperty(win, name);
  let lastDrag = 0;
  // A file dropped on the notebook must not open in the frame; the shell's drop zone takes it.
  const onDrag = (event: DragEvent): void => {
    if (!event.dataTransfer?.types.includes("Files")) return;
    event.preventDefault();
    if (event.timeStamp - lastDrag < DRAG_EVERY_MS) return;
    lastDrag = event.timeStamp;
    post({ type: "drag" });
  };
  // "Export report" is written by the shell (it sanitises the outputs): pass the wish on.
  win.addEventListener("nb-export-report", () => post({ type: "exportReport" }));
  win.addEventListener("dragenter", onDrag);
  win.addEventListener("dragover", onDrag);
  win.addEventListener("drop", (event) => {
    if (event.dataTransfer?.types.includes("Files")) event.preventDefault();
  });
  // Ctrl/Cmd-S saves the file wherever focus is in the notebook (the browser's own "save page"
  // would save the frame); the shell does the saving (protocol.ts).
  win.addEventListener("keydown", (event) => {
    if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === "s") {
      event.preventDefault();
      post({ type: "save" });
    }
  }, { capture: true });
}
