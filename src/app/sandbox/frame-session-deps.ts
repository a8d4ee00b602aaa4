/**
 * What a `FrameSession` (frame-session.ts) is made from: what it needs from the shell (the frame
 * slot, filter, language, file reads, saving) and how its notebook opens.
 */
import type { Result } from "../../base/result";
import type { NotebookDoc } from "../../notebook/document";
import type { StructureHistoryRecord } from "../../notebook/structure-history";
import type { FilterState } from "../app-filter";
import type { LocaleState } from "../app-locale";
import type { SessionMode } from "../notebook-session";
import type { NotebookOrigin } from "../notebook-store";
import type { FrameDataChoice } from "./frame-data-feed";
import type { FrameSlot } from "./frame-slot";
import type { FrameView } from "./protocol";

/** What a frame session needs from the shell. */
export interface FrameSessionDeps {
  slot: Pick<FrameSlot, "fresh" | "prewarm">;
  filter: FilterState;
  /** The app's language (absent: the frame's default, norsk). */
  locale?: LocaleState;
  /** Fetch a file under data/ for the frame (file-gate.ts): the normalised path and its bytes. */
  readFile(path: string): Promise<Result<{ path: string; bytes: ArrayBuffer }>>;
  /** A data file was handed to the frame (the header's data notice follows this). */
  onRead(path: string): void;
  /** Ctrl/Cmd-S in the frame: save the notebook as a file (the shell checks for user activation). */
  onSave?(): void;
  /** Whether the page has transient user activation now (default: navigator.userActivation). */
  activated?(): boolean;
  /**
   * True while no spare frame may be made: a user's file is being read or reviewed (issue 12), and
   * a spare parsing the survey would take a core from the load workers and add its memory to the
   * load's. The quiet before the spare counts again from the end of the hold.
   */
  holdSpare?(): boolean;
}

/** How the notebook opens. */
export interface FrameSessionInit {
  doc: NotebookDoc;
  drafts: Record<string, string>;
  /** The undo history saved with the notebook (checked on reading it from storage). */
  history?: StructureHistoryRecord;
  inputs: Record<string, unknown>;
  mode: SessionMode;
  view: FrameView;
  data: FrameDataChoice;
  /** Where the notebook came from: a stranger's (link, file) edits itself only with the reader (self-edit-gate.ts). */
  origin?: NotebookOrigin;
}
