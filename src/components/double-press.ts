/**
 * The rule behind a two-key command such as "D D" (delete the cell): the second press counts only
 * when it follows the first within a time and on the same target. Kept apart from the controller
 * so the rule is tested in Node.
 *
 * Why "no press yet" is its own state and not time 0: a key event's `timeStamp` counts from the
 * document's time origin, so in a frame less than the window old, a comparison with 0 made a single
 * press (and every press after it) delete a cell.
 */

/** Tracks the first press of a two-key command. */
export class DoublePress {
  private first: { target: string; at: number } | undefined;

  /** @param windowMs how soon the second press must follow the first */
  constructor(private readonly windowMs: number) {}

  /**
   * A press on `target` at `at` (ms, the event's timeStamp); true when it completes the pair (the
   * pair is then used up: a third press starts a new one).
   */
  press(target: string, at: number): boolean {
    const first = this.first;
    if (first && first.target === target && at >= first.at && at - first.at < this.windowMs) {
      this.first = undefined;
      return true;
    }
    this.first = { target, at };
    return false;
  }

  /** Forget a first press (another key came between). */
  reset(): void {
    this.first = undefined;
  }
}
