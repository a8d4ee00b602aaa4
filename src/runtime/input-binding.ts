/**
 * Writing values from outside — a share link, a URL — into a notebook's inputs. Those values are
 * untrusted: a link may carry `null`, text or `{}` where an input takes an object, or an object
 * that only *looks* like one of the input's options. So each value is checked at this boundary,
 * and an input that cannot take it keeps its own value and is reported by name with the reason;
 * the notebook's cells never see a value their input could not have produced.
 *
 * Inputs over objects (`Inputs.select(counties)`) choose by identity: the value is one of the
 * option objects themselves, which JSON cannot carry. The link's copy is matched by structural
 * equality against the input's own options and the matching option is set. Observable Inputs do
 * not expose their options, so they are read from the form: each option is selected in turn and
 * the form's value read back, with the runtime's own listener muted (other listeners on that form
 * see these events), then the form's own value is set back.
 */
import { isIterable } from "../base/guards";
import type { Problem } from "../base/result";
import { inputEvent, inputValue, muteWhile, type InputLike } from "./generators";

/** True for values that survive JSON (for share links): primitives, arrays, plain objects. */
export function isJsonable(value: unknown, depth = 0): boolean {
  if (value === null || typeof value === "string" || typeof value === "boolean") return true;
  if (typeof value === "number") return Number.isFinite(value);
  if (depth > 4 || typeof value !== "object") return false;
  if (Array.isArray(value)) return value.every((v) => isJsonable(v, depth + 1));
  if (Object.getPrototypeOf(value) !== Object.prototype) return false;
  return Object.values(value).every((v) => isJsonable(v, depth + 1));
}

/** Why a value from outside was not applied to an input. */
export type InputProblemKind = "input-shape" | "input-option" | "input-rejected" | "input-missing";

/** What became of one value written into an input. */
export type InputOutcome = { applied: true } | { applied: false; problem: Problem<InputProblemKind> };

/** Which inputs took the values from a link and which kept their own, with why. */
export interface InputRestoreReport {
  applied: string[];
  dropped: Array<{ name: string; problem: Problem<InputProblemKind> }>;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Structural equality of JSON-like values (what a link can carry); other objects by identity. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((v, i) => sameValue(v, b[i]));
  if (isPlainObject(a) && typeof b === "object" && b !== null && !Array.isArray(b)) {
    const keys = Object.keys(a);
    const other = Object.keys(b);
    return keys.length === other.length && keys.every((k) => Object.hasOwn(b, k) && sameValue(a[k], Reflect.get(b, k)));
  }
  return false;
}

function containsObject(value: unknown): boolean {
  return Array.isArray(value) ? value.some(containsObject) : typeof value === "object" && value !== null;
}

/** Short text of a value for messages. */
function show(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** What kind of value an input holds, in words, for messages. */
function kindOf(value: unknown): string {
  if (value === null) return "nothing (null)";
  if (Array.isArray(value)) return value.length ? `a list of ${kindOf(value[0]).replace(/^an? /, "")}s` : "a list";
  if (isPlainObject(value)) return `an object with keys ${Object.keys(value).join(", ") || "(none)"}`;
  switch (typeof value) {
    case "number":
      return "a number";
    case "string":
      return "text";
    case "boolean":
      return "true or false";
    default:
      return "a value a link cannot carry";
  }
}

/** Why `value` cannot be what an input holding `current` holds, or undefined when it can. */
function shapeMismatch(value: unknown, current: unknown): string | undefined {
  if (current === undefined || current === null) return isJsonable(value) ? undefined : "it is not plain data";
  if (typeof current === "number") return typeof value === "number" && Number.isFinite(value) ? undefined : "";
  if (typeof current === "string" || typeof current === "boolean") return typeof value === typeof current ? undefined : "";
  if (Array.isArray(current)) {
    if (!Array.isArray(value)) return "";
    const first = current[0];
    if (first === undefined) return value.every((v) => isJsonable(v)) ? undefined : "it is not plain data";
    return value.map((v) => shapeMismatch(v, first)).find((m) => m !== undefined);
  }
  if (isPlainObject(current)) {
    if (!isPlainObject(value)) return "";
    const want = Object.keys(current).sort().join(",");
    if (Object.keys(value).sort().join(",") !== want) return "";
    return Object.keys(current).map((k) => shapeMismatch(value[k], current[k])).find((m) => m !== undefined);
  }
  return "";
}

function dropped(kind: InputProblemKind, message: string): InputOutcome {
  return { applied: false, problem: { kind, message } };
}

// --- Reading an input's options -------------------------------------------------------------

function field(target: object, key: string): unknown {
  return key in target ? Reflect.get(target, key) : undefined;
}

function queryAll(root: object, selector: string): object[] {
  const query = field(root, "querySelectorAll");
  if (typeof query !== "function") return [];
  const found: unknown = Reflect.apply(query, root, [selector]);
  return isIterable(found) ? Array.from(found).filter((n): n is object => typeof n === "object" && n !== null) : [];
}

/** True for a form made by Observable Inputs (its class names carry the library's namespace). */
function isObservableInputsForm(input: object): boolean {
  const className = field(input, "className");
  return typeof className === "string" && className.split(/\s+/).some((c) => /^inputs-[0-9a-f]{6}$/.test(c));
}

/** The controls of an Observable Inputs chooser (select, radio, checkbox): option values are data indexes. */
function chooserControls(input: object): { controls: object[]; flag: "selected" | "checked" } | undefined {
  const options = queryAll(input, "select option");
  if (options.length) return { controls: options, flag: "selected" };
  const boxes = queryAll(input, "input[type=radio], input[type=checkbox]");
  const indexes = boxes.map((b) => field(b, "value"));
  if (boxes.length && indexes.every((v) => typeof v === "string" && /^\d+$/.test(v))) return { controls: boxes, flag: "checked" };
  return undefined;
}

function fire(input: InputLike, bubbles: boolean): void {
  if ("dispatchEvent" in input && typeof input.dispatchEvent === "function") {
    const EventClass = eventClassOf(input);
    input.dispatchEvent(new EventClass(inputEvent(input), { bubbles }));
  }
}

/**
 * The values an input can take, with their identity, when it chooses among objects: a headless
 * input's `choices`, or what an Observable Inputs chooser or table reports for each option.
 * Undefined when the input does not say.
 */
function choicesOf(input: InputLike, current: unknown): unknown[] | undefined {
  const own = field(input, "choices");
  if (Array.isArray(own)) return own;
  if (!isObservableInputsForm(input)) return undefined;
  const restore = () => {
    input.value = current;
  };
  if (queryAll(input, "table").length) {
    // A table with nothing selected reports every row (unless `required: false`).
    if (!Array.isArray(current)) return undefined;
    return muteWhile(input, () => {
      input.value = [];
      const rows = input.value;
      restore();
      return Array.isArray(rows) ? [...rows] : undefined;
    });
  }
  const chooser = chooserControls(input);
  if (!chooser) return undefined;
  return muteWhile(input, () => {
    const choices: unknown[] = [];
    for (const control of chooser.controls) {
      for (const other of chooser.controls) Reflect.set(other, chooser.flag, other === control);
      fire(input, false);
      const value = input.value;
      choices.push(Array.isArray(value) ? value[0] : value);
    }
    restore();
    return choices;
  });
}

// --- Applying ----------------------------------------------------------------------------------

function write(input: InputLike, value: unknown): void {
  if ("type" in input && input.type === "checkbox" && typeof value === "boolean" && "checked" in input) {
    Reflect.set(input, "checked", value);
  } else {
    input.value = value;
  }
}

/**
 * Writes a value from outside into an input the way a user would, then fires its change event.
 * Never throws: a value the input cannot take leaves the input as it was and comes back as a
 * Problem naming the input (`name`), what it got and what it takes.
 */
export function applyInput(input: InputLike, value: unknown, name = "input"): InputOutcome {
  const keeps = `Input "${name}" keeps its own value`;
  const fix = "Set it by hand, or ask the sender for a new link.";
  const current = inputValue(input);
  let target = value;
  const choices = containsObject(value) ? choicesOf(input, current) : undefined;
  if (choices) {
    const match = (v: unknown) => choices.find((c) => sameValue(v, c));
    const wanted = Array.isArray(current) && Array.isArray(value) ? value : [value];
    const found = wanted.map(match);
    const missing = wanted.filter((_, i) => found[i] === undefined);
    if (missing.length) return dropped("input-option", `${keeps}: the link gave ${show(missing[0])}, which is not one of its options. ${fix}`);
    target = Array.isArray(current) && Array.isArray(value) ? found : found[0];
  } else {
    const mismatch = shapeMismatch(value, current);
    if (mismatch !== undefined) {
      return dropped("input-shape", `${keeps}: the link gave ${show(value)}, but it takes ${kindOf(current)}${mismatch ? ` (${mismatch})` : ""}. ${fix}`);
    }
  }
  let rejected: string | undefined;
  try {
    write(input, target);
    const now = inputValue(input);
    if (!sameValue(now, target)) rejected = `it did not take ${show(value)}`;
  } catch (e) {
    rejected = `setting ${show(value)} failed (${e instanceof Error ? e.message : String(e)})`;
  }
  if (rejected !== undefined) {
    try {
      write(input, current);
    } catch {
      // The input refused its own value back; it shows whatever it holds now.
    }
    return dropped("input-rejected", `${keeps}: ${rejected}. ${fix}`);
  }
  fire(input, true);
  return { applied: true };
}

/**
 * The report of a run's outside values: applied inputs, and dropped ones with their Problem. Names
 * still `pending` never met an input (no cell defines a view() by that name, or it has not run).
 */
export function inputRestoreReport(outcomes: ReadonlyMap<string, InputOutcome>, pending: Iterable<string>): InputRestoreReport {
  const report: InputRestoreReport = { applied: [], dropped: [] };
  for (const [name, outcome] of outcomes) {
    if (outcome.applied) report.applied.push(name);
    else report.dropped.push({ name, problem: outcome.problem });
  }
  for (const name of pending) {
    report.dropped.push({
      name,
      problem: { kind: "input-missing", message: `Input "${name}" from the link was not applied: this notebook has no input named ${name} (or its cell has not run). Check the notebook, or ask the sender for a new link.` },
    });
  }
  return report;
}

/** The Event class of the input's own document (linkedom rejects Node's global Event). */
function eventClassOf(input: object): typeof Event {
  const doc: unknown = "ownerDocument" in input ? input.ownerDocument : undefined;
  const view: unknown = typeof doc === "object" && doc !== null && "defaultView" in doc ? doc.defaultView : undefined;
  const own: unknown = typeof view === "object" && view !== null && "Event" in view ? view.Event : undefined;
  return isEventClass(own) ? own : Event;
}

function isEventClass(value: unknown): value is typeof Event {
  return typeof value === "function" && "prototype" in value && typeof value.prototype === "object" && value.prototype !== null && "preventDefault" in value.prototype;
}
