/**
 * The values a host gives a notebook's view() inputs (share links, the filter): applied as soon as
 * the input's cell has bound it — a value for an input not bound yet waits for it — and reported
 * afterwards, applied or dropped with the reason (input-binding.ts).
 */
import { inputValue, type InputLike } from "./generators";
import { applyInput, inputRestoreReport, isJsonable, type InputOutcome, type InputRestoreReport } from "./input-binding";

/** The view() inputs of one notebook, as the host sets and reads them. */
export class ViewInputs {
  private readonly pending = new Map<string, unknown>();
  private readonly outcomes = new Map<string, InputOutcome>();

  /** @param bound every cell's inputs bound in its current run, by the name each defines */
  constructor(private readonly bound: () => Iterable<ReadonlyMap<string, InputLike>>) {}

  /** Set the input that defines `name` and fire its input event; kept until it is bound when no cell has bound it yet. */
  set(name: string, value: unknown): void {
    const input = this.find(name);
    if (!input) {
      this.pending.set(name, value);
      return;
    }
    this.pending.delete(name);
    this.outcomes.set(name, applyInput(input, value, name));
  }

  /** A cell's view() now defines `name`: a value waiting for it is applied. */
  bind(name: string): void {
    if (this.pending.has(name)) this.set(name, this.pending.get(name));
  }

  /** Which values were applied and which dropped; a value still waiting is reported as having no input. */
  report(): InputRestoreReport {
    return inputRestoreReport(this.outcomes, this.pending.keys());
  }

  /** Current values of all bound inputs that can be written as JSON. */
  values(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const views of this.bound()) {
      for (const [name, input] of views) {
        const value = inputValue(input);
        if (isJsonable(value)) out[name] = value;
      }
    }
    return out;
  }

  private find(name: string): InputLike | undefined {
    for (const views of this.bound()) {
      const input = views.get(name);
      if (input) return input;
    }
    return undefined;
  }
}
