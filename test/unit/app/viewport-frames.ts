/**
 * What the CellViewport tests drive by hand: a page to make cells' elements on, animation frames
 * (drawn only when a test says so) and task turns. Each test file stubs its own
 * IntersectionObserver, since what counts as "in view" is what each one tests.
 */
import { vi } from "vitest";
import { parseHTML } from "linkedom";

/** The page the cells' elements belong to (the margin observer's root in the frame). */
export const page = parseHTML("<!DOCTYPE html><html><body></body></html>").document;

/** A cell's element; the stub observers read its id. */
export function cellElement(id: string): Element {
  const el = page.createElement("nb-cell");
  el.id = id;
  return el;
}

/** Animation-frame callbacks waiting for the next frame. */
let frameCallbacks: (() => void)[] = [];

/** Stubs `requestAnimationFrame` so frames come only from `frame()`; call in `beforeEach`. */
export function holdFrames(): void {
  frameCallbacks = [];
  vi.stubGlobal("requestAnimationFrame", (callback: () => void) => frameCallbacks.push(callback));
}

/** Draw a frame: run the waiting animation-frame callbacks, then let the tasks they queue run. */
export async function frame(): Promise<void> {
  const run = frameCallbacks;
  frameCallbacks = [];
  for (const callback of run) callback();
  await afterTask();
}

/**
 * One task turn of the viewport's (a MessageChannel message) has passed, and a timer's. A timer
 * alone is not enough: set from a setImmediate callback with a busy millisecond after it, Node's
 * 0 ms timer fires before a message posted earlier (timers come before the poll phase that delivers
 * messages; 500 of 500 in a scratch script). An immediate after the timer passes through that poll.
 */
export async function afterTask(): Promise<void> {
  await new Promise((r) => setTimeout(r, 0));
  await new Promise((r) => setImmediate(r));
}

/** `n` tasks (message and timer turns) pass without a frame. */
export async function tasks(n: number): Promise<void> {
  for (let i = 0; i < n; i++) await afterTask();
}

/** An IntersectionObserver stub for which the cells whose id starts with "far" are off screen and every other one in view (and in its margin). */
export class FarOffScreenObserver {
  constructor(private readonly report: (entries: { target: Element; isIntersecting: boolean }[]) => void) {}
  observe(target: Element): void {
    this.report([{ target, isIntersecting: !target.id.startsWith("far") }]);
  }
  unobserve(): void {}
  disconnect(): void {}
}
