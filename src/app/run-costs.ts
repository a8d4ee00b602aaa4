/**
 * What a cell's next run is expected to cost, for the scheduler that decides whether it fits in the
 * task at hand (cell-viewport.ts). The last run alone misleads: a run made cheap by a kept result
 * (a filter cleared back to one measured before, 06's crosswalk) made the next run — a county never
 * seen, full price — look cheap, so it ran before the paint of the cells on screen and held that
 * paint back (measured on 06: viewport p50 ×1.4–1.8). So a longer run is remembered, halved at each
 * run after it: one cheap run does not make a cell look cheap.
 */
export class RunCosts {
  private readonly seen = new Map<string, { last: number; expected: number }>();

  /**
   * The expected cost (ms) of cell `id`'s next run, given its last run time (undefined: it never
   * ran, 0). The runtime asks again after every wait; the same last run gives the same answer.
   */
  expected(id: string, lastRunMs: number | undefined): number {
    if (lastRunMs === undefined) return 0;
    const known = this.seen.get(id);
    if (known && known.last === lastRunMs) return known.expected;
    const expected = Math.max(lastRunMs, (known?.expected ?? 0) / 2);
    this.seen.set(id, { last: lastRunMs, expected });
    return expected;
  }
}
