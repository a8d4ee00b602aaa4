import { inputEvent, type InputLike } from "./generators";

/** True for values that survive JSON (for share links): primitives, arrays, plain objects. */
export function isJsonable(value: unknown, depth = 0): boolean {
  if (value === null || typeof value === "string" || typeof value === "boolean") return true;
  if (typeof value === "number") return Number.isFinite(value);
  if (depth > 4 || typeof value !== "object") return false;
  if (Array.isArray(value)) return value.every((v) => isJsonable(v, depth + 1));
  if (Object.getPrototypeOf(value) !== Object.prototype) return false;
  return Object.values(value).every((v) => isJsonable(v, depth + 1));
}

/** Writes a value into an input the way a user would, then fires its change event. */
export function applyInput(input: InputLike, value: unknown): void {
  if ("type" in input && input.type === "checkbox" && typeof value === "boolean" && "checked" in input) {
    Reflect.set(input, "checked", value);
  } else {
    input.value = value;
  }
  if ("dispatchEvent" in input && typeof input.dispatchEvent === "function") {
    const EventClass = eventClassOf(input);
    input.dispatchEvent(new EventClass(inputEvent(input), { bubbles: true }));
  }
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
