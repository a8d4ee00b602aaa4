/**
 * Read-only hooks for the browser tests and the benchmark, on `window.tverrsnitt` of the page (the
 * shell) and of the notebook frame.
 */
export interface TverrsnittHooks {
  /** Resolves when the app has opened the notebook the URL named (in the frame: when the shell has opened it). */
  ready: Promise<void>;
  /** Resolves when the open notebook has nothing pending or running. */
  idle(): Promise<void>;
}

declare global {
  interface Window {
    tverrsnitt?: TverrsnittHooks;
  }
}
