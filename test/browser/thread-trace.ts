/**
 * What the page's threads did while a test acted, from Chromium's own trace (CDP `Tracing`, every
 * process of the browser): per thread, its top-level tasks with the wall time each held the thread
 * and the thread's CPU time in it.
 *
 * Why CPU time: on a machine loaded many times over its cores a thread is descheduled for tens or
 * hundreds of ms at random, so a wall-clock limit ("a click is answered within 100 ms") fails on a
 * sound build now and then — file-load's shell clicks took 185–511 ms at a load average of 25–30 on 2
 * cores, more than the build that read the file on the shell's thread (116–272 ms). The CPU a task
 * uses barely moves with the load (a 14 ms task held the thread 106 ms of wall time at load 20), so a
 * test that must tell "the page's thread was busy with our work" from "the machine was busy" reads
 * the CPU.
 *
 * A thread and a moment are found by `performance.mark`s made inside the traced stretch: a mark's
 * event carries its process, thread and time (a mark given `{ startTime }` is traced at that time,
 * e.g. an input event's `timeStamp`).
 */
import type { Browser } from "playwright-core";
import { isTraceEvent, type TraceEvent } from "../../bench/trace-event";

/** One top-level task of a thread: start (ms after the trace's first task), wall ms, CPU ms. */
export interface ThreadTask {
  start: number;
  wall: number;
  cpu: number;
}

/** A thread of the trace: its process, its id and Chromium's name for it ("CrRendererMain", "DedicatedWorker thread"…). */
export interface TracedThread {
  pid: number;
  tid: number;
  name: string;
}

/** The trace of one stretch, read per thread. */
export interface ThreadTrace {
  /** The thread `performance.mark(mark)` was made on; throws when no such mark was traced. */
  threadOf(mark: string): TracedThread;
  /** When `performance.mark(mark)` was traced, in ms after the trace's first task. */
  at(mark: string): number;
  /** The threads of a process whose name starts with `prefix` (e.g. "DedicatedWorker" in the shell's process). */
  threadsNamed(pid: number, prefix: string): TracedThread[];
  /**
   * The thread's top-level tasks, in order; with two marks, those that overlap the stretch from the
   * first mark to the second, counted whole (so the task a click arrived in counts).
   */
  tasks(thread: TracedThread, between?: readonly [string, string]): ThreadTask[];
}

/**
 * The events a task is wrapped in: the scheduler's (category toplevel) and DevTools' (disabled-by-
 * default-devtools.timeline), which also wraps what runs outside the scheduler — a worker's reads
 * of a Blob stream ran 0.2–1.8 s in RunTasks that had no ThreadControllerImpl::RunTask around them.
 */
const TASK_EVENTS = new Set(["ThreadControllerImpl::RunTask", "RunTask"]);

/**
 * The CPU a thread may spend from a click's arrival to its answer, the task it arrived in counted
 * whole: the "answered within 100 ms" of a page that gets a core, whatever the machine's load.
 */
export const ANSWER_CPU_MS = 100;

/** Sum of the CPU ms of `tasks`. */
export function cpuOf(tasks: readonly ThreadTask[]): number {
  return tasks.reduce((sum, task) => sum + task.cpu, 0);
}

/** The task that held its thread's CPU longest, or undefined for none. */
export function longestByCpu(tasks: readonly ThreadTask[]): ThreadTask | undefined {
  return tasks.reduce<ThreadTask | undefined>((best, task) => (best === undefined || task.cpu > best.cpu ? task : best), undefined);
}

/** Tasks as "wall/CPU ms", the longest by CPU first, for a failure's message or a log line. */
export function describeTasks(tasks: readonly ThreadTask[], most = 5): string {
  return [...tasks].sort((a, b) => b.cpu - a.cpu).slice(0, most).map((t) => `${t.wall.toFixed(0)}/${t.cpu.toFixed(1)}`).join(", ");
}

/**
 * The CPU `thread` spent answering each of `clicks` clicks: from the mark `${prefix}-click-i` (made
 * with the click's `timeStamp` as its start time) to `${prefix}-answer-i`.
 */
export function answerCpu(trace: ThreadTrace, thread: TracedThread, prefix: string, clicks: number): number[] {
  return Array.from({ length: clicks }, (_, i) => cpuOf(trace.tasks(thread, [`${prefix}-click-${i}`, `${prefix}-answer-${i}`])));
}

/** Reads a trace's events per thread (see {@link ThreadTrace}). */
export function readThreadTrace(events: readonly TraceEvent[]): ThreadTrace {
  const key = (pid: number, tid: number): string => `${pid}:${tid}`;
  const names = new Map<string, string>();
  const wrapped = new Map<string, TraceEvent[]>();
  for (const event of events) {
    if (event.ph === "M" && event.name === "thread_name" && typeof event.args?.name === "string") names.set(key(event.pid, event.tid), event.args.name);
    if (event.ph !== "X" || !TASK_EVENTS.has(event.name)) continue;
    const list = wrapped.get(key(event.pid, event.tid)) ?? [];
    list.push(event);
    wrapped.set(key(event.pid, event.tid), list);
  }
  let origin = Infinity;
  for (const list of wrapped.values()) for (const e of list) origin = Math.min(origin, e.ts);
  /** Each thread's tasks once: sorted by start, the longer first, a wrapper nested in the one kept before it is skipped. */
  const topLevel = (list: readonly TraceEvent[]): TraceEvent[] => {
    const kept: TraceEvent[] = [];
    let end = -Infinity;
    for (const e of [...list].sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0))) {
      if (e.ts < end) continue;
      end = e.ts + (e.dur ?? 0);
      kept.push(e);
    }
    return kept;
  };
  const thread = (pid: number, tid: number): TracedThread => ({ pid, tid, name: names.get(key(pid, tid)) ?? "?" });
  const mark = (name: string): TraceEvent => {
    const event = events.find((e) => e.name === name && e.ph !== "M");
    if (!event) throw new Error(`the trace holds no mark "${name}": was it made inside the traced stretch?`);
    return event;
  };
  return {
    threadOf: (name) => thread(mark(name).pid, mark(name).tid),
    at: (name) => (mark(name).ts - origin) / 1000,
    threadsNamed: (pid, prefix) =>
      [...names].filter(([k, name]) => k.startsWith(`${pid}:`) && name.startsWith(prefix)).map(([k]) => thread(pid, Number(k.slice(k.indexOf(":") + 1)))),
    tasks({ pid, tid }, between) {
      const [from, to] = between ? [mark(between[0]).ts, mark(between[1]).ts] : [-Infinity, Infinity];
      return topLevel(wrapped.get(key(pid, tid)) ?? [])
        .filter((e) => e.ts + (e.dur ?? 0) >= from && e.ts <= to)
        .map((e) => ({
          start: (e.ts - origin) / 1000,
          wall: (e.dur ?? 0) / 1000,
          // A task cut off without its thread time (seen once: a load worker ended mid-task by
          // terminate()) counts its wall time, an upper bound of its CPU.
          cpu: (typeof e.tdur === "number" ? e.tdur : (e.dur ?? 0)) / 1000,
        }));
    },
  };
}

/**
 * Runs `action` while Chromium traces every process and thread, and returns what it returned with
 * the trace read per thread. Categories: tasks (with thread CPU time), user timing marks, thread
 * names. Tracing slows the traced page a little; read CPU from it, not speed.
 */
export async function traceThreads<T>(browser: Browser, action: () => Promise<T>): Promise<{ result: T; trace: ThreadTrace }> {
  const cdp = await browser.newBrowserCDPSession();
  const raw: unknown[] = [];
  cdp.on("Tracing.dataCollected", (e) => raw.push(...e.value));
  const complete = new Promise<boolean>((resolve) => cdp.once("Tracing.tracingComplete", (e) => resolve(e.dataLossOccurred)));
  await cdp.send("Tracing.start", {
    // 100 MB: one test's stretch of a few seconds takes 3–10 MB as JSON.
    traceConfig: { traceBufferSizeInKb: 100_000, includedCategories: ["toplevel", "disabled-by-default-devtools.timeline", "blink.user_timing", "__metadata"] },
    transferMode: "ReportEvents",
  });
  let result: T;
  let lost: boolean;
  try {
    result = await action();
  } finally {
    await cdp.send("Tracing.end");
    lost = await complete;
    await cdp.detach();
  }
  // A full buffer drops events, marks among them: say so rather than judge a partial trace.
  if (lost) throw new Error("Chromium's trace buffer overflowed and events were lost: trace a shorter stretch or raise traceBufferSizeInKb");
  return { result, trace: readThreadTrace(raw.filter(isTraceEvent)) };
}
