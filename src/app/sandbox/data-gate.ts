/**
 * Which respondents a notebook's frame may see. A notebook the user made — bundled (and its local
 * edits), new — gets the data the user chose (the bundled reconstruction or their own file). A
 * shared or imported notebook may be somebody else's code: it runs on the bundled reconstruction
 * until the user makes a second explicit choice for it, "Run on my data", after consenting to run it at all. The
 * choice holds for that notebook and that file; loading another file asks again.
 */
import type { ActiveData } from "../data-source";
import type { NotebookOrigin } from "../notebook-store";
import type { FrameDataChoice } from "./frame-data-feed";
import { Listeners } from "../../base/listeners";

/** The part of the DataSource the gate reads. */
export interface ActiveDataSource {
  readonly active: ActiveData;
  onActiveChange(listener: (active: ActiveData) => void): () => void;
}

/**
 * A notebook that came from somebody else: a link, or a notebook file imported (a file is a link
 * by another road — a user's own exported notebook cannot be told from a stranger's).
 */
function fromOthers(origin: NotebookOrigin): boolean {
  return origin.kind === "shared" || origin.kind === "imported";
}

/** The gate (see the file comment). */
export class DataGate {
  /** Shared notebook key → the version of the user's data it was given. */
  private readonly grants = new Map<string, number>();
  private readonly listeners = new Listeners<[]>();

  constructor(private readonly source: ActiveDataSource) {
    source.onActiveChange(() => this.emit());
  }

  /** What the frame of notebook `key` may see now. */
  dataFor(key: string, origin: NotebookOrigin): FrameDataChoice {
    const active = this.source.active;
    if (active.kind === "bundled") return { kind: "bundled" };
    if (fromOthers(origin) && this.grants.get(key) !== active.version) return { kind: "bundled" };
    return { kind: "user", version: active.version, name: active.name, load: active.result };
  }

  /** True while a shared notebook runs on the bundled data although the user has a file loaded. */
  withheld(key: string, origin: NotebookOrigin): boolean {
    return this.source.active.kind === "user" && this.dataFor(key, origin).kind === "bundled";
  }

  /** "Run on my data": give the user's current file to shared notebook `key`. */
  grant(key: string): void {
    const active = this.source.active;
    if (active.kind !== "user") return;
    this.grants.set(key, active.version);
    this.emit();
  }

  /** Called when what some notebook may see changed (a grant, another file, back to bundled). */
  onChange(listener: () => void): () => void {
    return this.listeners.add(listener);
  }

  private emit(): void {
    this.listeners.emit();
  }
}
