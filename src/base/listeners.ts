/**
 * The listeners of one kind of change: the subscribe/notify pair ten stores and sessions each wrote
 * as a `Set` of callbacks. Listeners are called in the order they subscribed; one that unsubscribes
 * while being told is not called again.
 */
export class Listeners<Args extends readonly unknown[]> {
  private readonly callbacks = new Set<(...args: Args) => void>();

  /** Adds `listener`; returns the function that removes it (calling it twice is harmless). */
  add(listener: (...args: Args) => void): () => void {
    this.callbacks.add(listener);
    return () => {
      this.callbacks.delete(listener);
    };
  }

  /** Calls every listener with `args`. */
  emit(...args: Args): void {
    for (const listener of this.callbacks) listener(...args);
  }

  /** How many listeners there are: a store can skip building a change nobody hears. */
  get size(): number {
    return this.callbacks.size;
  }

  /** Removes every listener (a disposed session). */
  clear(): void {
    this.callbacks.clear();
  }
}
