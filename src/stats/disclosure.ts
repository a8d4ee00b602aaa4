/**
 * Disclosure guard. Under a county or size-class filter a cell of one or two respondents can
 * single out one municipality, so shared and exported views print "< 3" instead of the count.
 * The analyst's own live view keeps exact numbers; the guard applies where data leaves the tool.
 */

/** Counts from 1 up to this − 1 are masked in shared views: the one disclosure threshold. */
export const DISCLOSURE_THRESHOLD = 3;

/** A count as shown: the number, or a masked marker with the threshold it was masked under. */
export type ShownCount = { masked: false; value: number } | { masked: true; threshold: number; text: string };

export interface DisclosureOptions {
  /** Counts from 1 up to threshold − 1 are masked (default 3). Zero is never masked: it singles out nobody. */
  threshold?: number;
  /** Mask at all? Callers pass `isDisclosureSensitive(filter) && view !== "live"`. */
  active: boolean;
}

/** Mask one count. */
export function guardCount(count: number, options: DisclosureOptions): ShownCount {
  const threshold = options.threshold ?? DISCLOSURE_THRESHOLD;
  if (!Number.isInteger(threshold) || threshold < 1) {
    throw new RangeError(`Disclosure threshold must be a whole number ≥ 1, got ${threshold}.`);
  }
  if (options.active && count > 0 && count < threshold) {
    return { masked: true, threshold, text: `< ${threshold}` };
  }
  return { masked: false, value: count };
}

/** Text for a shown count. */
export function formatShownCount(shown: ShownCount): string {
  return shown.masked ? shown.text : String(shown.value);
}

/**
 * Mask a whole table of counts. Returns the shown cells and how many were masked, so the audit line
 * can say "2 cells masked (< 3)".
 */
export function guardCounts(counts: readonly (readonly number[])[], options: DisclosureOptions): {
  cells: ShownCount[][];
  masked: number;
} {
  let masked = 0;
  const cells = counts.map((row) =>
    row.map((count) => {
      const shown = guardCount(count, options);
      if (shown.masked) masked++;
      return shown;
    }),
  );
  return { cells, masked };
}

/**
 * Variables whose categories can single out a municipality: a condition on one of them (a county
 * or size-class filter), or a table broken down by one, makes small counts disclosive.
 */
export const DISCLOSURE_VARIABLES: readonly string[] = ["fylke", "size_class"];

/** True when any condition narrows by county or size class. */
export function conditionsDisclosureSensitive(conditions: readonly { variable: string }[]): boolean {
  return conditions.some((c) => DISCLOSURE_VARIABLES.includes(c.variable));
}

/** Counts that add up to a total shown beside them: a row and its row total, the valid codes and their total. */
export interface CountLine {
  readonly parts: readonly string[];
  readonly total: string;
}

/**
 * Which counts a shared table must hide. Masking the counts of 1–2 alone is not enough where a total
 * is shown: the total minus the other counts of its line gives the masked one back. So, for every
 * line with exactly one hidden count, the smallest other non-zero count of the line is hidden too
 * (its total only when no part is left), until no line has exactly one (complementary suppression,
 * the standard practice of statistics offices). `counts` maps an id to its count; ids not in any
 * line are masked on their own value only.
 */
export function suppressedCounts(counts: ReadonlyMap<string, number>, lines: readonly CountLine[], options: DisclosureOptions): ReadonlySet<string> {
  const hidden = new Set<string>();
  if (!options.active) return hidden;
  for (const [id, count] of counts) if (guardCount(count, options).masked) hidden.add(id);
  const value = (id: string): number => counts.get(id) ?? 0;
  for (let changed = true; changed; ) {
    changed = false;
    for (const line of lines) {
      const members = [...line.parts, line.total];
      if (members.filter((id) => hidden.has(id)).length !== 1) continue;
      const candidates = line.parts.filter((id) => !hidden.has(id) && value(id) > 0).sort((a, b) => value(a) - value(b));
      const next = candidates[0] ?? (hidden.has(line.total) ? undefined : line.total);
      if (next === undefined) continue;
      hidden.add(next);
      changed = true;
    }
  }
  return hidden;
}
