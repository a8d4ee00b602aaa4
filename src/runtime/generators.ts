/**
 * Generators that turn events into a stream of values, like Observable's Generators.observe and
 * Generators.input. The Observable runtime pulls a generator's values and recomputes dependents
 * on each one.
 */

/** Something with a value that announces changes by events: a DOM input or a headless input. */
export interface InputLike {
  value: unknown;
  addEventListener(type: string, listener: () => void): void;
  removeEventListener(type: string, listener: () => void): void;
}

/** Type guard for {@link InputLike}. */
export function isInputLike(value: unknown): value is InputLike {
  return (
    typeof value === "object" &&
    value !== null &&
    "value" in value &&
    "addEventListener" in value &&
    typeof value.addEventListener === "function" &&
    "removeEventListener" in value &&
    typeof value.removeEventListener === "function"
  );
}

function field(target: object, key: string): unknown {
  return key in target ? Reflect.get(target, key) : undefined;
}

/** The current value of an input, with the same rules as Observable's Generators.input. */
export function inputValue(input: InputLike): unknown {
  switch (field(input, "type")) {
    case "range":
    case "number":
      return field(input, "valueAsNumber");
    case "date":
      return field(input, "valueAsDate");
    case "checkbox":
      return field(input, "checked");
    case "file": {
      const files = field(input, "files");
      if (field(input, "multiple")) return files;
      return typeof files === "object" && files !== null && 0 in files ? Reflect.get(files, 0) : undefined;
    }
    default:
      return input.value;
  }
}

/** The event an input announces changes with. */
export function inputEvent(input: InputLike): string {
  switch (field(input, "type")) {
    case "button":
    case "submit":
    case "checkbox":
      return "click";
    case "file":
      return "change";
    default:
      return "input";
  }
}

/**
 * A generator whose next() gives a promise of the next value passed to `change`.
 * `initialize` subscribes and returns the unsubscribe function, called on return().
 */
export function observe<T>(initialize: (change: (value: T) => void) => (() => void) | void): Generator<Promise<T>, undefined> {
  let stale = false;
  let current: { value: T } | undefined;
  let resolve: ((value: T) => void) | undefined;
  const dispose = initialize((value: T) => {
    current = { value };
    if (resolve) {
      resolve(value);
      resolve = undefined;
    } else {
      stale = true;
    }
  });
  const generator: Generator<Promise<T>, undefined> = {
    next() {
      if (stale && current) {
        stale = false;
        return { done: false, value: Promise.resolve(current.value) };
      }
      return { done: false, value: new Promise<T>((r) => (resolve = r)) };
    },
    return() {
      if (dispose) dispose();
      return { done: true, value: undefined };
    },
    throw() {
      return { done: true, value: undefined };
    },
    [Symbol.iterator]() {
      return generator;
    },
  };
  return generator;
}

/** Inputs whose events the runtime ignores for now (see {@link muteWhile}). */
const muted = new WeakSet<object>();

/**
 * Runs `work` with the input's generators deaf to its events: for reading an input's options by
 * selecting each in turn (input-binding.ts) without the notebook recomputing on every one.
 */
export function muteWhile<T>(input: object, work: () => T): T {
  muted.add(input);
  try {
    return work();
  } finally {
    muted.delete(input);
  }
}

/** A generator of an input's values: its current value first, then one per input event. */
export function inputGenerator(input: InputLike): Generator<Promise<unknown>, undefined> {
  return observe<unknown>((change) => {
    const event = inputEvent(input);
    const listener = () => {
      if (!muted.has(input)) change(inputValue(input));
    };
    input.addEventListener(event, listener);
    const initial = inputValue(input);
    if (initial !== undefined) change(initial);
    return () => input.removeEventListener(event, listener);
  });
}
