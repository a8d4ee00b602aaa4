/**
 * The bench's probe of one filter change in a notebook's frame (issue 12; bench/notebooks.ts runs it,
 * bench/viewport-changes.ts and bench/trace-filter-change.ts use it too):
 *  - filter change → every cell *in the viewport* settled and painted;
 *  - filter change → every cell of the notebook settled (the runtime idle: every value current),
 *    and the last DOM change anywhere in the notebook;
 *  - the longest task on the main thread from the change until then.
 *
 * "In the viewport": a MutationObserver in the notebook's frame notes every DOM change and whether
 * its cell (or the filter bar) is in the frame's viewport, as an IntersectionObserver last saw it;
 * the viewport's settle time is its last such change, painted = the end of the frame that draws it
 * (a task queued from that frame's animation-frame callback). With no change in the viewport, the
 * first frame after the input counts. The probe reads no layout (since stop 22; see installProbe:
 * until then it forced a layout per batch of DOM changes, and a trace of 01 showed every layout of a
 * filter change done that way, inside the cells' tasks, none in the frames).
 */
import type { Frame } from "playwright-core";

/** One filter change as the page saw it (ms from the input event). */
export interface FilterChange {
  viewportPainted: number;
  /** The runtime idle: every cell's value is current. */
  valuesSettled: number;
  /** The last DOM change anywhere in the notebook (cells and the filter bar) before it went quiet. */
  lastDomChange: number;
  longestTask: number;
}

/**
 * Installs the per-change probe in the notebook frame (see the file comment; exported for
 * bench/trace-filter-change.ts, which can trace with it). It only records: it
 * reads no layout. Until stop 21 its MutationObserver asked each changed cell for its box
 * (getBoundingClientRect), which forced a style and layout pass in the middle of the task that
 * runs the cells, and the cells after it waited for it. Traced (bench/trace-filter-change.ts, 8
 * changes on 01): with that probe 118 passes were forced from script and none was left to the
 * frames; with this one 0 forced, 62 in frames, and the same layout work as with no probe at all
 * (5,535 and 5,533 layout objects). Now:
 *  - which cells are in the viewport is kept by an IntersectionObserver, which the browser
 *    updates after its own layout (the state of the last frame drawn: the cells the reader sees
 *    when the filter changes);
 *  - a change is painted by the end of the frame it lands in: a change made during a frame's
 *    rendering (in a ResizeObserver or animation-frame callback, e.g. a table marked scrollable
 *    once laid out) is drawn in that same frame, any other change in the next one. The probe
 *    counts frames with an animation-frame callback of its own (requested while a change waits
 *    for its paint) and a task queued from it, which runs once that frame's paint is done.
 */
export async function installProbe(frame: Frame, options: { cells?: boolean } = {}): Promise<void> {
  await frame.evaluate((recordCells) => {
    const probe = {
      t0: 0,
      lastAny: 0,
      lastViewport: -1,
      viewportPainted: -1,
      /** Frames seen by the probe's animation-frame callbacks, and whether one is being drawn now. */
      frame: 0,
      inFrame: false,
      frameRequested: false,
      /** The frame whose paint shows the last change in the viewport. */
      paintFrame: 0,
      tasks: [] as { start: number; duration: number }[],
      /** With `cells` (bench/viewport-changes.ts): each changed cell's first and last change (ms from the input; "*" = in view). */
      cells: new Map<string, [number, number]>(),
      /** With `cells`: when each cell's status first read "N ms" after the input (its run ended; "*" = in view then). */
      ran: new Map<string, number>(),
    };
    const visible = new Set<Element>();
    const seen = new IntersectionObserver((entries) => {
      for (const e of entries) {
        if (e.isIntersecting && e.boundingClientRect.height > 0) visible.add(e.target);
        else visible.delete(e.target);
      }
    });
    for (const el of document.querySelectorAll("nb-cell, nb-filter-bar")) seen.observe(el);
    // The task that follows a frame: queued at user-blocking priority from the frame's animation-frame
    // callback, it runs as soon as that frame's rendering (and paint) is done, before tasks queued earlier.
    const scheduler: unknown = Reflect.get(window, "scheduler");
    const postTask: unknown = typeof scheduler === "object" && scheduler !== null ? Reflect.get(scheduler, "postTask") : undefined;
    const afterPaint: (run: () => void) => void = typeof postTask === "function"
      ? (run) => void Reflect.apply(postTask, scheduler, [run, { priority: "user-blocking" }])
      : (run) => void setTimeout(run);
    Reflect.set(window, "__nbAfterPaint", afterPaint);
    // (In an array: page code may hold no named function, see below.)
    const [requestFrame] = [(): void => {
      if (probe.frameRequested) return;
      probe.frameRequested = true;
      requestAnimationFrame(() => {
        probe.frameRequested = false;
        const f = ++probe.frame;
        probe.inFrame = true;
        afterPaint(() => {
          probe.inFrame = false;
          if (probe.lastViewport >= 0 && f >= probe.paintFrame && probe.viewportPainted < probe.lastViewport) probe.viewportPainted = performance.now();
        });
      });
    }];
    new MutationObserver((records) => {
      if (probe.t0 === 0) return;
      const now = performance.now();
      probe.lastAny = now;
      let inViewport = false;
      for (const r of records) {
        // (No named helper functions in page code: tsx would wrap them in a __name the page lacks.)
        for (const n of r.addedNodes) if (n instanceof Element && n.matches("nb-cell, nb-filter-bar")) seen.observe(n);
        const el = r.target instanceof Element ? r.target : r.target.parentElement;
        const host = el?.closest("nb-cell, nb-filter-bar");
        if (host && visible.has(host)) inViewport = true;
        if (recordCells && host) {
          const id = (host.getAttribute("data-id") ?? host.tagName.toLowerCase()) + (visible.has(host) ? "*" : "");
          const was = probe.cells.get(id);
          probe.cells.set(id, [was ? was[0] : now - probe.t0, now - probe.t0]);
          // The status bar's "N ms" is drawn when a run ends (pending and running read "running…").
          const status = el?.closest(".nb-status");
          if (status && /\d\s*ms$/.test(status.textContent?.trim() ?? "") && !probe.ran.has(id)) probe.ran.set(id, now - probe.t0);
        }
      }
      if (!inViewport) return;
      probe.lastViewport = now;
      probe.paintFrame = probe.inFrame ? probe.frame : probe.frame + 1;
      if (!probe.inFrame) requestFrame();
    }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) probe.tasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: "longtask" });
    Reflect.set(window, "__nbProbe", probe);
  }, options.cells === true);
}

/** One filter change with, when the probe records them (`installProbe(frame, { cells: true })`), the cells it changed: id, first and last change in ms. */
export type FilterChangeWithCells = FilterChange & {
  cells: [string, number, number][];
  tasks: number[];
  /** With `cells`: the cells whose run ended (status "N ms") before the first animation frame after the input, i.e. before its first paint. */
  beforeFirstPaint: string[];
  /** The first animation frame after the input (ms). */
  firstFrame: number;
};

/**
 * How long a call into the frame waits before it runs, ms: the task under way when it was asked
 * for, and the time to reach the frame. `issuedAt` is the epoch ms (Node's clock) at which it was
 * asked for; `startedAt` the frame's epoch ms when it ran. The two clocks' offset and the round
 * trip are taken out by `frameClock` (the least of a few calls made while the frame is quiet).
 */
export interface FrameClock {
  /** The least `startedAt - issuedAt` seen: offset plus the quickest way there. */
  readonly least: number;
}

/** The frame's clock against Node's: a few calls, the quickest kept (call while nothing runs in the frame). */
export async function frameClock(frame: Frame): Promise<FrameClock> {
  let least = Infinity;
  for (let i = 0; i < 5; i++) {
    const issuedAt = Date.now();
    const startedAt = await frame.evaluate(() => performance.timeOrigin + performance.now());
    least = Math.min(least, startedAt - issuedAt);
  }
  return { least };
}

/** Chooses `county` (0: clears the list) in the filter bar and measures until the notebook is quiet. */
export async function filterChange(frame: Frame, county: number): Promise<FilterChangeWithCells> {
  return (await timedFilterChange(frame, county, { least: 0 })).change;
}

/**
 * `filterChange`, and how long the change waited to start in the frame (`inputDelay`, ms: the
 * task it landed behind, as a click would wait), measured against `clock` (frameClock).
 */
export async function timedFilterChange(frame: Frame, county: number, clock: FrameClock): Promise<{ change: FilterChangeWithCells; inputDelay: number }> {
  const issuedAt = Date.now();
  const change = await changeInFrame(frame, county);
  return { change, inputDelay: Math.max(0, change.startedAt - issuedAt - clock.least) };
}

async function changeInFrame(frame: Frame, county: number): Promise<FilterChangeWithCells & { startedAt: number }> {
  return frame.evaluate(async (county) => {
    const startedAt = performance.timeOrigin + performance.now();
    const probe = Reflect.get(window, "__nbProbe");
    const hooks = window.tverrsnitt;
    const boxes = [...document.querySelectorAll<HTMLInputElement>('nb-filter-bar input[name="fylke"]')];
    // Before the sandbox (cf2813c, `--vs`) the county list was a multiple select.
    const select = document.querySelector<HTMLSelectElement>('nb-filter-bar select[name="fylke"]');
    if (!hooks || (boxes.length === 0 && !select) || typeof probe !== "object" || probe === null) throw new Error("no filter bar or probe");
    const p: { t0: number; lastAny: number; lastViewport: number; viewportPainted: number; tasks: { start: number; duration: number }[]; cells: Map<string, [number, number]>; ran: Map<string, number> } = probe;
    p.tasks = [];
    p.cells = new Map();
    p.ran = new Map();
    p.lastViewport = -1;
    p.viewportPainted = -1;
    const t0 = performance.now();
    p.t0 = t0;
    p.lastAny = t0;
    let firstFrame = -1;
    let frameStart = -1;
    const afterPaint: unknown = Reflect.get(window, "__nbAfterPaint");
    requestAnimationFrame(() => {
      frameStart = performance.now();
      (typeof afterPaint === "function" ? afterPaint : setTimeout)(() => (firstFrame = performance.now()));
    });
    for (const box of boxes) box.checked = Number(box.value) === county;
    for (const option of select?.options ?? []) option.selected = Number(option.value) === county;
    (boxes[0] ?? select)?.dispatchEvent(new Event("input", { bubbles: true }));
    await hooks.idle();
    const values = performance.now();
    // Quiet: no DOM change for 250 ms (renders deferred past idle, if any, are counted).
    while (performance.now() - p.lastAny < 250) await new Promise((r) => setTimeout(r, 50));
    const end = p.lastAny;
    while (p.lastViewport >= 0 && p.viewportPainted < p.lastViewport) await new Promise((r) => setTimeout(r, 10));
    while (firstFrame < 0) await new Promise((r) => setTimeout(r, 10));
    p.t0 = 0;
    const tasks = p.tasks.filter((t) => t.start + t.duration >= t0 && t.start <= Math.max(end, values));
    return {
      viewportPainted: (p.lastViewport >= 0 ? p.viewportPainted : firstFrame) - t0,
      valuesSettled: values - t0,
      lastDomChange: end - t0,
      longestTask: Math.max(0, ...tasks.map((t) => t.duration)),
      cells: [...p.cells.entries()].map(([id, [a, b]]): [string, number, number] => [id, Math.round(a), Math.round(b)]),
      tasks: tasks.map((t) => Math.round(t.duration)),
      beforeFirstPaint: [...p.ran.entries()].filter(([, at]) => at < frameStart - t0).map(([id]) => id),
      firstFrame: frameStart - t0,
      startedAt,
    };
  }, county);
}
