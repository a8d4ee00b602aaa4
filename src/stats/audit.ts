/**
 * The audit line every result carries: how many rows were selected (N), the base the figures are
 * computed on, the filters in force, the missing values left out, the weight and the test. It is
 * what lets a reader of a shared notebook check a percentage without rerunning it. Written in the
 * language the kernel was asked for (`MetaOptions.language`), words from the base catalogue.
 */
import { auditParts, formatNumber, formatPValue, LOCALES, messages, type Locale } from "../base/locale/locale";

/** Missing values left out of one variable's base. */
export interface ExcludedMissing {
  variable: string;
  /** User-missing codes and how many rows had each. */
  userMissing: { code: number; count: number }[];
  /** Blank / system-missing rows. */
  systemMissing: number;
}

export interface Audit {
  /** Selected rows (after filters), unweighted. */
  n: number;
  /** Rows (or weighted sum) the figures are based on, after missing values are left out. */
  base: number;
  /** What the base is, e.g. "valid q3" or "valid on both size_class and q20". */
  baseLabel: string;
  /** Active filters, as text. */
  filters: string[];
  excluded: ExcludedMissing[];
  /** Weight variable name, or null for unweighted. */
  weight: string | null;
  /** The statistical test, e.g. "Pearson χ²(15) = 38.37, p = .001", or null. */
  test: string | null;
  /**
   * True when the rows were selected by county or size class: then a count of 1–2 can single out a
   * municipality, and shared views print it as "< 3" (stats/disclosure.ts).
   */
  disclosureSensitive: boolean;
  /** The language of `line` and of the texts above (base label, filters, test). */
  locale: Locale;
  /** Everything above as one line. */
  line: string;
}

/**
 * The language of a kernel's audit line, from its options' label language (`MetaOptions.language`,
 * "no" by default): the one place the options are read for it.
 */
export function auditLocale(language: "no" | "en" | undefined): Locale {
  return language === "en" ? "en" : "nb";
}

/** Format a count: integers plainly ("1 234" / "1,234"), weighted sums with two decimals. */
export function formatCount(x: number, locale: Locale): string {
  return Number.isInteger(x) ? formatNumber(locale, x) : formatNumber(locale, x, 2);
}

/** Format a p-value the APA/SPSS way: "< .001" or ".034" (English, the `stats.formatP` builtin). */
export function formatP(p: number | null): string {
  if (p === null || Number.isNaN(p)) return "n/a";
  return formatPValue("en", p);
}

/** "p < .001" or "p = .035" (norsk "p = 0,035"): the p clause of a test description. */
export function pClause(p: number | null, locale: Locale): string {
  const text = p === null || Number.isNaN(p) ? "n/a" : formatPValue(locale, p);
  return text.startsWith("<") ? `p ${text}` : `p = ${text}`;
}

/**
 * The parts of an Audit a kernel gives; `disclosureSensitive` defaults to false. `test` may be given
 * as a function, called when the test is first read (see `makeAudit`).
 */
export type AuditParts = Omit<Audit, "line" | "disclosureSensitive" | "test"> & { disclosureSensitive?: boolean; test: string | null | (() => string | null) };

/** What an audit line is written from. */
type LineParts = Omit<Audit, "line" | "disclosureSensitive" | "locale">;

/** Which count of an audit line is being written: N, the base, or one variable's missing code (null: blank). */
export type AuditCount = { kind: "n" } | { kind: "base" } | { kind: "missing"; variable: string; code: number | null };

/**
 * The audit's weight when it is an array (stats.postStratify's weights), not a column: kept as this
 * key and worded in the line's language where the line is written, read back from either.
 */
export const POST_STRATIFICATION_WEIGHT = "post-stratification weight";

/**
 * The audit as one line. `count` writes each count; a shared table passes one that hides what its
 * disclosure guard hides, so the audit line cannot give a masked count back.
 */
export function auditLine(parts: LineParts, locale: Locale, count: (value: number, what: AuditCount) => string = (v) => formatCount(v, locale)): string {
  const words = messages[locale];
  const excluded = parts.excluded
    .map((e) => {
      const user = e.userMissing.filter((u) => u.count > 0).map((u) => `${u.code} (${count(u.count, { kind: "missing", variable: e.variable, code: u.code })})`);
      const bits = [...user, ...(e.systemMissing > 0 ? [`${words.auditBlank} (${count(e.systemMissing, { kind: "missing", variable: e.variable, code: null })})`] : [])];
      return bits.length ? `${e.variable}: ${bits.join(", ")}` : "";
    })
    .filter((s) => s !== "");
  return [
    `N = ${count(parts.n, { kind: "n" })}`,
    `${words.auditBase} = ${count(parts.base, { kind: "base" })} ${parts.baseLabel}`,
    ...auditParts(locale, {
      filters: parts.filters.length ? parts.filters.join("; ") : null,
      missing: excluded.length ? excluded.join("; ") : null,
      weight: parts.weight === POST_STRATIFICATION_WEIGHT ? words.auditPostStratificationWeight : parts.weight,
      test: parts.test,
    }),
  ].join(" · ");
}

/**
 * Assemble an Audit and its one-line text. The line is written when first read (then kept): the
 * evidence recomputes a result on each of the ensemble's reconstructions only for its figures
 * (analysis/evidence/across-draws.ts), and writing 49 lines no one reads was a tenth of that work.
 */
export function makeAudit(parts: AuditParts): Audit {
  let line: string | undefined;
  // The test's text too (a p-value and r in words) is written when first read, for the same reason.
  let test: { text: string | null } | undefined;
  const given = parts.test;
  const testText = (): string | null => (test ??= { text: typeof given === "function" ? given() : given }).text;
  return {
    ...parts,
    get test() {
      return testText();
    },
    disclosureSensitive: parts.disclosureSensitive ?? false,
    get line() {
      return (line ??= auditLine({ ...parts, test: testText() }, parts.locale));
    },
  };
}

/** A count as `formatCount` wrote it in `locale`, or NaN. */
function readCount(text: string, locale: Locale): number {
  const plain = locale === "en" ? text.replace(/,/g, "") : text.replace(/\u00a0/g, "").replace(",", ".");
  return /^\d+(\.\d+)?$/.test(plain) ? Number(plain) : Number.NaN;
}

/** Regular-expression text matching `text` literally. */
function literal(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * An audit line read back into its parts, so a shared view can hide the counts of a line it only
 * has as text (a notebook passing `result.audit.line`, a comparison row's line): the inverse of
 * `auditLine` in either language, checked by writing the parts again and comparing. `prefix` is
 * whatever stood before "N = " ("q6: "). Undefined when the text is not an audit line.
 */
export function readAuditLine(text: string): { prefix: string; parts: LineParts; locale: Locale } | undefined {
  for (const locale of LOCALES) {
    const parts = readAuditLineIn(text, locale);
    if (parts) return { ...parts, locale };
  }
  return undefined;
}

/** The audit line's pattern per language, made once: every table of a shared view reads its lines back. */
const linePatterns = new Map<Locale, RegExp>();

function linePattern(locale: Locale): RegExp {
  let pattern = linePatterns.get(locale);
  if (!pattern) {
    const w = messages[locale];
    const num = "(\\d[\\d\u00a0,.]*)";
    pattern = new RegExp(`^(.*?)N = ${num} · ${literal(w.auditBase)} = ${num} (.*?) · ${literal(w.auditFilters)}: (.*?) · ${literal(w.auditMissingExcluded)}: (.*?) · ${literal(w.auditWeight)}: (.*?) · ${literal(w.auditTest)}: (.*)$`, "s");
    linePatterns.set(locale, pattern);
  }
  return pattern;
}

function readAuditLineIn(text: string, locale: Locale): { prefix: string; parts: LineParts } | undefined {
  const w = messages[locale];
  const m = linePattern(locale).exec(text);
  if (!m) return undefined;
  const [, prefix = "", n = "", base = "", baseLabel = "", filters = "", missing = "", weight = "", test = ""] = m;
  const excluded: ExcludedMissing[] = [];
  if (missing !== w.auditNone) {
    for (const part of missing.split("; ")) {
      const v = /^(\S+): (.*)$/.exec(part);
      if (!v) return undefined;
      const entry: ExcludedMissing = { variable: v[1] ?? "", userMissing: [], systemMissing: 0 };
      for (const item of (v[2] ?? "").split(", ")) {
        const c = /^(\S+) \((\d[\d\u00a0,.]*)\)$/.exec(item);
        if (!c) return undefined;
        const count = readCount(c[2] ?? "", locale);
        if (c[1] === w.auditBlank) entry.systemMissing = count;
        else entry.userMissing.push({ code: Number(c[1]), count });
      }
      excluded.push(entry);
    }
  }
  const parts: LineParts = {
    n: readCount(n, locale), base: readCount(base, locale), baseLabel, filters: filters === w.auditNone ? [] : filters.split("; "), excluded,
    weight: weight === w.auditNone ? null : weight === w.auditPostStratificationWeight ? POST_STRATIFICATION_WEIGHT : weight, test: test === w.auditNone ? null : test,
  };
  return prefix + auditLine(parts, locale) === text ? { prefix, parts } : undefined;
}
