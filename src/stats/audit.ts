/**
 * The audit line every result carries: how many rows were selected (N), the base the figures are
 * computed on, the filters in force, the missing values left out, the weight and the test. It is
 * what lets a reader of a shared notebook check a percentage without rerunning it.
 */

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
  /** Everything above as one line. */
  line: string;
}

/** Format a count: integers plainly, weighted sums with two decimals. */
export function formatCount(x: number): string {
  return Number.isInteger(x) ? String(x) : x.toFixed(2);
}

/** Format a p-value the APA/SPSS way: "< .001" or ".034". */
export function formatP(p: number | null): string {
  if (p === null || Number.isNaN(p)) return "n/a";
  if (p < 0.001) return "< .001";
  return p.toFixed(3).replace(/^0/, "");
}

/** "p < .001" or "p = .035": the p clause of a test description. */
export function pClause(p: number | null): string {
  const text = formatP(p);
  return text.startsWith("<") ? `p ${text}` : `p = ${text}`;
}

/** The parts of an Audit a kernel gives; `disclosureSensitive` defaults to false. */
export type AuditParts = Omit<Audit, "line" | "disclosureSensitive"> & { disclosureSensitive?: boolean };

/** Which count of an audit line is being written: N, the base, or one variable's missing code (null: blank). */
export type AuditCount = { kind: "n" } | { kind: "base" } | { kind: "missing"; variable: string; code: number | null };

/**
 * The audit as one line. `count` writes each count; a shared table passes one that hides what its
 * disclosure guard hides, so the audit line cannot give a masked count back.
 */
export function auditLine(parts: Omit<Audit, "line" | "disclosureSensitive">, count: (value: number, what: AuditCount) => string = (v) => formatCount(v)): string {
  const excluded = parts.excluded
    .map((e) => {
      const user = e.userMissing.filter((u) => u.count > 0).map((u) => `${u.code} (${count(u.count, { kind: "missing", variable: e.variable, code: u.code })})`);
      const bits = [...user, ...(e.systemMissing > 0 ? [`blank (${count(e.systemMissing, { kind: "missing", variable: e.variable, code: null })})`] : [])];
      return bits.length ? `${e.variable}: ${bits.join(", ")}` : "";
    })
    .filter((s) => s !== "");
  return [
    `N = ${count(parts.n, { kind: "n" })}`,
    `base = ${count(parts.base, { kind: "base" })} ${parts.baseLabel}`,
    `filters: ${parts.filters.length ? parts.filters.join("; ") : "none"}`,
    `missing excluded: ${excluded.length ? excluded.join("; ") : "none"}`,
    `weight: ${parts.weight ?? "none"}`,
    `test: ${parts.test ?? "none"}`,
  ].join(" · ");
}

/** Assemble an Audit and its one-line text. */
export function makeAudit(parts: AuditParts): Audit {
  return { ...parts, disclosureSensitive: parts.disclosureSensitive ?? false, line: auditLine(parts) };
}

/**
 * An audit line read back into its parts, so a shared view can hide the counts of a line it only
 * has as text (a notebook passing `result.audit.line`, a comparison row's line): the inverse of
 * `auditLine`, checked by writing the parts again and comparing. `prefix` is whatever stood before
 * "N = " ("q6: "). Undefined when the text is not an audit line.
 */
export function readAuditLine(text: string): { prefix: string; parts: Omit<Audit, "line" | "disclosureSensitive"> } | undefined {
  const m = /^(.*?)N = (\d+(?:\.\d+)?) · base = (\d+(?:\.\d+)?) (.*?) · filters: (.*?) · missing excluded: (.*?) · weight: (.*?) · test: (.*)$/s.exec(text);
  if (!m) return undefined;
  const [, prefix = "", n = "", base = "", baseLabel = "", filters = "", missing = "", weight = "", test = ""] = m;
  const excluded: ExcludedMissing[] = [];
  if (missing !== "none") {
    for (const part of missing.split("; ")) {
      const v = /^(\S+): (.*)$/.exec(part);
      if (!v) return undefined;
      const entry: ExcludedMissing = { variable: v[1] ?? "", userMissing: [], systemMissing: 0 };
      for (const item of (v[2] ?? "").split(", ")) {
        const c = /^(\S+) \((\d+(?:\.\d+)?)\)$/.exec(item);
        if (!c) return undefined;
        if (c[1] === "blank") entry.systemMissing = Number(c[2]);
        else entry.userMissing.push({ code: Number(c[1]), count: Number(c[2]) });
      }
      excluded.push(entry);
    }
  }
  const parts = {
    n: Number(n), base: Number(base), baseLabel, filters: filters === "none" ? [] : filters.split("; "), excluded,
    weight: weight === "none" ? null : weight, test: test === "none" ? null : test,
  };
  return prefix + auditLine(parts) === text ? { prefix, parts } : undefined;
}
