/**
 * Answers the shell waits for from a notebook's frame: "idle" (nothing runs: tests, exports) and
 * its input values now (a share link made right after moving a slider). Each question has a number
 * the frame's answer carries. An idle question outlives its frame — it is asked again of the next
 * one (`idleIds`) — while an input question gives up after a while and the last reported values
 * stand.
 */

/** The numbered questions out to the frame and who waits for each answer. */
export class FrameReplies {
  private seq = 0;
  private readonly idleWaiters = new Map<number, () => void>();
  private readonly inputWaiters = new Map<number, () => void>();

  /** Wait for the frame to be idle; `ask` posts the question with its number (or not, while no frame is ready). */
  idle(ask: (id: number) => void): Promise<void> {
    return new Promise((resolve) => {
      const id = ++this.seq;
      this.idleWaiters.set(id, resolve);
      ask(id);
    });
  }

  /** The idle questions still unanswered, to ask a new frame. */
  idleIds(): Iterable<number> {
    return this.idleWaiters.keys();
  }

  /** The frame said it is idle, answering question `id`. */
  idleAnswered(id: number): void {
    const resolve = this.idleWaiters.get(id);
    this.idleWaiters.delete(id);
    resolve?.();
  }

  /** Ask for the input values; resolves on the answer or after `waitMs`, whichever comes first. */
  inputs(ask: (id: number) => void, waitMs: number): Promise<void> {
    return new Promise((resolve) => {
      const id = ++this.seq;
      const done = (): void => {
        clearTimeout(timer);
        this.inputWaiters.delete(id);
        resolve();
      };
      const timer = setTimeout(done, waitMs);
      this.inputWaiters.set(id, done);
      ask(id);
    });
  }

  /** The frame sent its input values, answering question `id`. */
  inputsAnswered(id: number): void {
    this.inputWaiters.get(id)?.();
  }

  /** The notebook closed: nobody waits any longer. */
  releaseAll(): void {
    for (const resolve of [...this.idleWaiters.values(), ...this.inputWaiters.values()]) resolve();
    this.idleWaiters.clear();
  }
}
