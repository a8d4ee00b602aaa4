/**
 * Reading a Chromium trace per thread (test/browser/thread-trace.ts), on hand-made events: each task
 * counted once however many wrappers it has, CPU from thread time, a stretch between two marks, the
 * threads of a process by name. file-load's browser tests judge the shell's thread by these sums.
 */
import { describe, expect, it } from "vitest";
import type { TraceEvent } from "../../bench/trace-event";
import { cpuOf, longestByCpu, readThreadTrace } from "../browser/thread-trace";

const SHELL = { pid: 10, tid: 10 };
const WORKER = { pid: 10, tid: 11 };
const FRAME = { pid: 20, tid: 20 };

/** A task wrapper of `name` at `ts` µs: `dur` µs of wall time, `tdur` µs of the thread's CPU. */
function task(at: { pid: number; tid: number }, ts: number, dur: number, tdur: number | undefined, name = "ThreadControllerImpl::RunTask"): TraceEvent {
  return { name, ph: "X", ...at, ts, dur, ...(tdur === undefined ? {} : { tdur }) };
}

function mark(at: { pid: number; tid: number }, name: string, ts: number): TraceEvent {
  return { name, ph: "I", ...at, ts };
}

function threadName(at: { pid: number; tid: number }, name: string): TraceEvent {
  return { name: "thread_name", ph: "M", ...at, ts: 0, args: { name } };
}

const events: TraceEvent[] = [
  threadName(SHELL, "CrRendererMain"),
  threadName(WORKER, "DedicatedWorker thread"),
  threadName(FRAME, "CrRendererMain"),
  mark(SHELL, "shell", 1_000),
  mark(FRAME, "frame", 1_000),
  // One task with both wrappers (DevTools' RunTask inside the scheduler's), then a second task.
  task(SHELL, 1_000, 10_000, 4_000),
  task(SHELL, 1_010, 9_980, 3_990, "RunTask"),
  task(SHELL, 20_000, 80_000, 60_000),
  mark(SHELL, "click", 25_000),
  mark(SHELL, "answer", 120_000),
  task(SHELL, 110_000, 5_000, 2_000),
  task(SHELL, 200_000, 5_000, 1_000),
  // A worker's read outside the scheduler (DevTools' wrapper only), and a task cut off without thread time.
  task(WORKER, 2_000, 700_000, 250_000, "RunTask"),
  task(WORKER, 800_000, 30_000, undefined),
  task(FRAME, 5_000, 2_000, 1_500),
  // Not a task: events inside tasks are not counted.
  { name: "FunctionCall", ph: "X", ...SHELL, ts: 21_000, dur: 50_000, tdur: 50_000 },
];

describe("readThreadTrace", () => {
  const trace = readThreadTrace(events);

  it("finds a thread by a mark made on it, and the threads of a process by name", () => {
    expect(trace.threadOf("shell")).toEqual({ ...SHELL, name: "CrRendererMain" });
    expect(trace.threadOf("frame")).toEqual({ ...FRAME, name: "CrRendererMain" });
    expect(trace.threadsNamed(SHELL.pid, "DedicatedWorker")).toEqual([{ ...WORKER, name: "DedicatedWorker thread" }]);
    expect(() => trace.threadOf("nowhere")).toThrow(/no mark "nowhere"/);
  });

  it("counts each task once, with its thread time as CPU", () => {
    const tasks = trace.tasks(trace.threadOf("shell"));
    expect(tasks.map((t) => t.cpu)).toEqual([4, 60, 2, 1]);
    expect(tasks.map((t) => t.wall)).toEqual([10, 80, 5, 5]);
    expect(cpuOf(tasks)).toBe(67);
    expect(longestByCpu(tasks)).toEqual({ start: 19, wall: 80, cpu: 60 });
    expect(longestByCpu([])).toBeUndefined();
  });

  it("takes a task DevTools alone wraps, and counts a task without thread time at its wall time", () => {
    expect(trace.tasks({ ...WORKER, name: "" }).map((t) => t.cpu)).toEqual([250, 30]);
  });

  it("between two marks: the tasks that overlap the stretch, whole", () => {
    // The click arrived inside the 60 ms task; the answer came in the 2 ms one; the 1 ms one is after.
    expect(trace.tasks(trace.threadOf("shell"), ["click", "answer"]).map((t) => t.cpu)).toEqual([60, 2]);
    expect(trace.at("answer") - trace.at("click")).toBe(95);
  });
});
