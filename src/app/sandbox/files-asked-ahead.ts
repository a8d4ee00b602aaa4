/**
 * Files under data/ the notebook frame asks the shell for before anything in it reads them (issue
 * 11, cold start): a notebook that reads the bundled survey asks at `open`, so the answer arrives
 * while the notebook draws instead of being waited for once its survey code has loaded. Each file
 * is handed to the first read of its path; a later read asks again.
 */
export class FilesAskedAhead {
  private readonly asked = new Map<string, Promise<ArrayBuffer>>();

  /** Ask for `paths` now with `request`; a failure belongs to the read that takes it. */
  ask(paths: readonly string[], request: (path: string) => Promise<ArrayBuffer>): void {
    for (const path of paths) {
      const answer = request(path);
      answer.catch(() => undefined);
      this.asked.set(path, answer);
    }
  }

  /** The answer asked for ahead for `path`, once; undefined when there is none (left). */
  take(path: string): Promise<ArrayBuffer> | undefined {
    const answer = this.asked.get(path);
    this.asked.delete(path);
    return answer;
  }

  /** Forget what was asked for (another data set: those files will not be read). */
  clear(): void {
    this.asked.clear();
  }
}
