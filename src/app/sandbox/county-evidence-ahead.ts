/**
 * In the open notebook's frame, once the notebook has settled: every county's evidence for the
 * printed tables it compared, made in background turns while the thread is free
 * (analysis/evidence/warm-counties.ts through idle-steps.ts), so that a county chosen in the filter
 * bar finds it made (issue 12, notebook 01).
 * Only for a notebook that reads the survey: one that does not never loads it for this.
 */
import type { SurveyScope } from "../../analysis/survey-scope";
import { backgroundTurns, runInIdle, timedSteps, type IdleStepsWindow } from "./idle-steps";

/** The User Timing measure around each step, for traces and the bench to sum the CPU it spends. */
export const EVIDENCE_AHEAD_MEASURE = "tv-evidence-ahead";
/** The User Timing mark set when the work starts (before its code is asked for): what the frame fetched before it was opening the notebook. */
export const EVIDENCE_AHEAD_START = "tv-evidence-ahead-start";

/** What the work needs of the notebook's scope: its survey, and word when its data change. */
export type AheadScope = Pick<SurveyScope, "onChange" | "survey">;

/**
 * {@link countyEvidenceAhead} once the notebook has settled (`settled()`), and again each time its
 * data change (the Data menu: the user's file, or back to the bundled survey) and it has settled
 * on them: a change stops the work under way, and a notebook opened on the user's file, which has
 * nothing to work ahead on, works ahead once the bundled survey is back. Errors are reported.
 */
export function keepCountyEvidenceAhead(win: IdleStepsWindow, scope: AheadScope, settled: () => Promise<unknown>): void {
  const start = (): void => void countyEvidenceAhead(win, scope, settled()).catch((error: unknown) => console.error(error));
  start();
  scope.onChange((names) => {
    // After the change has reached every listener: the new run's own listener must not hear it.
    if (names.includes("survey")) queueMicrotask(start);
  });
}

/**
 * After `settled`, classify each county's tables in `win`'s background turns, until done or the
 * scope's respondents change (a user's file has no ensemble; the bundled survey read again is
 * another survey). Resolves with the number of steps run; rejects when a step throws (a bug).
 */
export async function countyEvidenceAhead(win: IdleStepsWindow, scope: AheadScope, settled: Promise<unknown>): Promise<number> {
  let current = true;
  const stop = scope.onChange((names) => {
    if (names.includes("survey")) current = false;
  });
  try {
    await settled;
    // A survey that failed to load is shown by the cells that read it: nothing to work ahead on.
    const survey = current ? await scope.survey().catch(() => undefined) : undefined;
    const turn = backgroundTurns(win);
    if (!survey?.draws || !current || !turn) return 0;
    // The code is asked for in a background turn of its own, not in the task the notebook settled
    // in: it is work after the notebook has opened, not part of opening it (cold-start-order.test.ts).
    await new Promise<void>((resolve) => turn(() => resolve()));
    if (!current) return 0;
    performance.mark(EVIDENCE_AHEAD_START);
    const { countyWarmSteps } = await import("../../analysis/evidence/warm-counties");
    return await runInIdle(turn, timedSteps(countyWarmSteps(survey), EVIDENCE_AHEAD_MEASURE), () => current);
  } finally {
    stop();
  }
}
