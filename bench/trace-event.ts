/**
 * A Chromium trace event as the bench's trace readers use it, and reading them from a trace file's
 * text (an array, or an object with `traceEvents`), each event checked rather than assumed.
 */
import { isRecord } from "../src/base/guards";

/** The fields of a trace event the readers look at. */
export interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

/** True for a value with a trace event's fields of the right types. */
export function isTraceEvent(value: unknown): value is TraceEvent {
  return isRecord(value) && typeof value["name"] === "string" && typeof value["ph"] === "string" && typeof value["pid"] === "number" && typeof value["tid"] === "number" && typeof value["ts"] === "number";
}

/** The events of a trace file's text; anything that is not an event is left out. */
export function traceEvents(text: string): TraceEvent[] {
  const parsed: unknown = JSON.parse(text);
  const raw: unknown = Array.isArray(parsed) ? parsed : isRecord(parsed) ? parsed["traceEvents"] : undefined;
  return Array.isArray(raw) ? raw.filter(isTraceEvent) : [];
}
