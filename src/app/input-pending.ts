/**
 * Whether discrete input (a click, a key press) is waiting for this thread now, as the browser tells
 * it (`navigator.scheduling.isInputPending()`, Chromium; in a cross-origin frame it reports the
 * input meant for that frame). Work that runs in slices ahead of the reader asks it between steps
 * and ends its slice when it says yes, so a click waits for the step under way, not for the rest
 * of the slice (issue 12: the page answers input within a frame; p04g's traces of 01 during its work
 * ahead: a click or change waited 9–10 ms, a background turn's 8 ms and a step).
 *
 * Surprising: only real input counts. A message from the shell (a filter chosen in its own UI) or
 * a call from a test harness is no input to the browser, so it still waits for the slice under way.
 * Where the browser cannot tell (other engines, Node), the answer is always no: the slices then end
 * by their own budgets, as before.
 */

/** A check for waiting input over `nav` (a window's navigator, or none): always false where the browser cannot tell. */
export function inputPendingOf(nav: object | undefined): () => boolean {
  const scheduling: unknown = nav === undefined ? undefined : Reflect.get(nav, "scheduling");
  const check: unknown = typeof scheduling === "object" && scheduling !== null ? Reflect.get(scheduling, "isInputPending") : undefined;
  if (typeof check !== "function") return () => false;
  return () => Reflect.apply(check, scheduling, []) === true;
}
