/**
 * Disclosure guard. Under a county or size-class filter a cell of one or two respondents can
 * single out one municipality, so shared and exported views print "< 3" instead of the count.
 * The analyst's own live view keeps exact numbers; the guard applies where data leaves the tool.
 */
import { DEFAULT_LOCALE, messages, type Locale } from "../base/locale/locale";

/** Counts from 1 up to this − 1 are masked in shared views: the one disclosure threshold. */
export const DISCLOSURE_THRESHOLD = 3;

/** A count as shown: the number, or a masked marker with the threshold it was masked under. */
export type ShownCount = { masked: false; value: number } | { masked: true; threshold: number; text: string };

export interface DisclosureOptions {
  /** Counts from 1 up to threshold − 1 are masked (default 3). Zero is never masked: it singles out nobody. */
  threshold?: number;
  /** Mask at all? Callers pass `isDisclosureSensitive(filter) && view !== "live"`. */
  active: boolean;
  /**
   * Counts (by id, for `suppression`) the reader knows from elsewhere in the view whatever this
   * table prints — the selection's N, which the filter bar and every other table's audit line
   * show. Hiding one of them protects nothing, so complementary suppression never picks them; it
   * picks another count of the line instead. They are still masked when they are 1–2 themselves.
   */
  known?: ReadonlySet<string>;
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
  /**
   * "sum" (default): the parts add up to the total. "bound": each part is at most the total, nothing
   * tighter (N = base + the cases missing on any of several variables; a printed row listing only
   * some codes): once one part is hidden, every non-zero member is.
   */
  readonly kind?: "sum" | "bound";
}

/**
 * Which counts a shared table must hide. Masking the counts of 1–2 alone is not enough where a total
 * is shown: the total minus the other counts of its line gives the masked one back. So, for every
 * line that still gives a hidden count back, the smallest other non-zero count of the line is hidden
 * too (its total only when no part is left), until none does (complementary suppression, the
 * standard practice of statistics offices). A line gives a count back when it has exactly one hidden
 * member, or when the bounds a reader knows — "< 3" is 1–2, a count hidden to protect another is at
 * least 1 — leave a hidden member one value (two "< 3" adding up to a shown 4, or to a "< 3" total).
 * `counts` maps an id to its count; ids not in any line are masked on their own value only.
 */
export function suppressedCounts(counts: ReadonlyMap<string, number>, lines: readonly CountLine[], options: DisclosureOptions): ReadonlySet<string> {
  return suppression(counts, lines, options).hidden;
}

/**
 * `suppressedCounts` with what the table must print for each: `hidden` counts, and among them the
 * `opaque` ones — counts of 1–2 that must print as "·" rather than "< 3", because the bound "< 3"
 * would give the counts of their line back (two "< 3" answers adding up to a "< 3" base are 1 each)
 * and the line has no other count left to hide.
 */
export function suppression(counts: ReadonlyMap<string, number>, lines: readonly CountLine[], options: DisclosureOptions): { hidden: ReadonlySet<string>; opaque: ReadonlySet<string> } {
  const hidden = new Set<string>();
  const opaque = new Set<string>();
  if (!options.active) return { hidden, opaque };
  const threshold = options.threshold ?? DISCLOSURE_THRESHOLD;
  for (const [id, count] of counts) if (guardCount(count, options).masked) hidden.add(id);
  const value = (id: string): number => counts.get(id) ?? 0;
  const known = options.known ?? new Set<string>();
  for (let changed = true; changed; ) {
    changed = false;
    for (const line of lines) if (suppressLine(line, hidden, opaque, value, threshold, known)) changed = true;
    // A reader combines lines (a base from one, its parts from another): propagate the bounds the
    // page shows over all lines, as an attacker would, and hide more where a hidden count is pinned.
    if (!changed) for (const line of pinnedLines(lines, hidden, opaque, value, threshold)) if (suppressLine(line, hidden, opaque, value, threshold, known, true)) changed = true;
  }
  return { hidden, opaque };
}

/** Hide one more count of `line` if it gives a hidden count back (`force`: it does, found by propagation). */
function suppressLine(line: CountLine, hidden: Set<string>, opaque: Set<string>, value: (id: string) => number, threshold: number, known: ReadonlySet<string>, force = false): boolean {
  // A count the reader knows from elsewhere is no cover: never pick it to hide.
  const hideable = (id: string): boolean => !hidden.has(id) && !known.has(id) && value(id) > 0;
  if (line.kind === "bound") {
    if (!line.parts.some((id) => hidden.has(id))) return false;
    // Parts of at least 1 each under a known total can still be pinned (three under a 3): hide it too.
    const more = [...line.parts, line.total].filter(hideable);
    for (const id of more) hidden.add(id);
    // Parts of at least 1 each under a "< 3" total: two of them are 1 each. Print the total as "·".
    const tight = hidden.has(line.total) && !opaque.has(line.total) && value(line.total) < threshold;
    if (tight) opaque.add(line.total);
    return more.length > 0 || tight;
  }
  const hiddenMembers = [...line.parts, line.total].filter((id) => hidden.has(id)).length;
  if (hiddenMembers === 0 || (!force && hiddenMembers > 1 && !pinsHidden(line, hidden, opaque, value, threshold))) return false;
  const candidates = line.parts.filter(hideable).sort((a, b) => value(a) - value(b));
  // Last, a zero of the line: "·" then no longer tells a reader "at least 1" (notebook 01, Tabell
  // 2.9: four answers printed "·", a 0, N = 5 shown elsewhere — so the one missing answer was 1).
  const zero = line.parts.find((id) => !hidden.has(id) && !known.has(id) && value(id) === 0);
  const next = candidates[0] ?? (hideable(line.total) ? line.total : zero);
  if (next !== undefined) {
    hidden.add(next);
    return true;
  }
  // Nothing left to hide: print one of the line's "< 3" as "·" — not a known count (a sub-group's N
  // other tables print as "< 3" too: one table's "·" beside another's "< 3" is no cover).
  const members = [...line.parts, line.total].sort((a, b) => Number(known.has(a)) - Number(known.has(b)));
  const bounded = members.find((id) => hidden.has(id) && !opaque.has(id) && value(id) < threshold);
  if (bounded === undefined) return false;
  opaque.add(bounded);
  return true;
}

/** The display bounds of a count: exact when shown, 1–2 for "< 3", anything for "·" (a zero may be hidden too). */
function displayBounds(id: string, hidden: ReadonlySet<string>, opaque: ReadonlySet<string>, value: (id: string) => number, threshold: number): [number, number] {
  if (!hidden.has(id)) return [value(id), value(id)];
  return value(id) > 0 && value(id) < threshold && !opaque.has(id) ? [1, threshold - 1] : [0, Number.POSITIVE_INFINITY];
}

/** A line's members as signed terms: parts − total = 0. */
function lineTerms(line: CountLine): { id: string; sign: number }[] {
  return [...line.parts.map((id) => ({ id, sign: 1 })), { id: line.total, sign: -1 }];
}

/** The range of Σ sign·x over every term but `t`, from each term's bounds. */
function othersRange(terms: readonly { id: string; sign: number }[], t: { id: string; sign: number }, bounds: (id: string) => [number, number]): [number, number] {
  let lo = 0;
  let hi = 0;
  for (const o of terms) {
    if (o === t) continue;
    const [a, b] = bounds(o.id);
    lo += o.sign > 0 ? a : -b;
    hi += o.sign > 0 ? b : -a;
  }
  return [lo, hi];
}

/** Lines holding a hidden count that bounds propagation over all lines pins to one value. */
function pinnedLines(lines: readonly CountLine[], hidden: ReadonlySet<string>, opaque: ReadonlySet<string>, value: (id: string) => number, threshold: number): CountLine[] {
  const bounds = new Map<string, [number, number]>();
  const get = (id: string): [number, number] => bounds.get(id) ?? displayBounds(id, hidden, opaque, value, threshold);
  for (let round = 0, changed = true; changed && round < 100; round++) {
    changed = false;
    for (const line of lines) {
      const terms = lineTerms(line);
      for (const t of terms) {
        if (line.kind === "bound" && t.sign < 0) continue;
        const [lo, hi] = othersRange(terms, t, get);
        // sum line: sign·x = −others; bound line (part ≤ total): x ≤ total.
        const [from, to] = line.kind === "bound" ? [0, get(line.total)[1]] : t.sign > 0 ? [-hi, -lo] : [lo, hi];
        const [a, b] = get(t.id);
        const next: [number, number] = [Math.max(a, Math.ceil(from - 1e-9)), Math.min(b, Math.floor(to + 1e-9))];
        if (next[0] > next[1]) continue;
        if (next[0] !== a || next[1] !== b) {
          bounds.set(t.id, next);
          changed = true;
        }
      }
    }
  }
  const pinned = new Set([...hidden].filter((id) => {
    const [a, b] = get(id);
    return a === b;
  }));
  return lines.filter((line) => line.kind !== "bound" && [...line.parts, line.total].some((id) => pinned.has(id)));
}

/** Does `line` (parts − total = 0) leave one of its hidden members a single value, given what a reader sees? */
function pinsHidden(line: CountLine, hidden: ReadonlySet<string>, opaque: ReadonlySet<string>, value: (id: string) => number, threshold: number): boolean {
  const terms = lineTerms(line);
  const bounds = (id: string): [number, number] => displayBounds(id, hidden, opaque, value, threshold);
  return terms.some((t) => {
    if (!hidden.has(t.id)) return false;
    const [lo, hi] = othersRange(terms, t, bounds);
    // sign·x = −(Σ others) ∈ [−hi, −lo]
    const [own0, own1] = bounds(t.id);
    const from = t.sign > 0 ? -hi : lo;
    const to = t.sign > 0 ? -lo : hi;
    return Math.max(own0, from) === Math.min(own1, to);
  });
}

/**
 * A shared view withholds a whole table whose selection has 1–2 respondents: the reader knows the
 * total is below 3 (the filter bar says "N < 3"), so two answers shown even as "< 3" give each other
 * back (each is 1), and a zero beside them tells what the others answered. Returns the notice shown
 * instead, or undefined when the table may be shown.
 */
export function withheldNotice(n: number, options: DisclosureOptions, locale: Locale = DEFAULT_LOCALE): string | undefined {
  if (!guardCount(n, options).masked) return undefined;
  return messages[locale].withheld(options.threshold ?? DISCLOSURE_THRESHOLD);
}
