/**
 * In the open notebook's frame, once the notebook has settled: every county's evidence for the
 * printed tables it compared, made in idle periods (analysis/evidence/warm-counties.ts through
 * idle-steps.ts), so that a county chosen in the filter bar finds it made (issue 12, notebook 01).
 * Only for a notebook that reads the survey: one that does not never loads it for this.
 */
import type { SurveyScope } from "../../analysis/survey-scope";
import { runInIdle, type IdleStepsWindow } from "./idle-steps";

/**
 * After `settled`, classify each county's tables in `win`'s idle periods, until done or the
 * scope's respondents change (a user's file has no ensemble; the bundled survey read again is
 * another survey). Resolves with the number of steps run; rejects when a step throws (a bug).
 */
export async function countyEvidenceAhead(win: IdleStepsWindow, scope: SurveyScope, settled: Promise<unknown>): Promise<number> {
  let current = true;
  const stop = scope.onChange((names) => {
    if (names.includes("survey")) current = false;
  });
  try {
    await settled;
    // A survey that failed to load is shown by the cells that read it: nothing to work ahead on.
    const survey = current ? await scope.survey().catch(() => undefined) : undefined;
    if (!survey?.draws || !current) return 0;
    const { countyWarmSteps } = await import("../../analysis/evidence/warm-counties");
    return await runInIdle(win, countyWarmSteps(survey), () => current);
  } finally {
    stop();
  }
}
