/**
 * Reads a rendered page the way a reader of a shared notebook can — every table's visible counts,
 * "< 3" and "·" cells, totals, N rows, zeros, percentages, residuals, the audit lines' N, bases and
 * missing counts (folded details opened) — and solves for each masked count (count-solver.ts).
 *
 * The reader knows what any reader of the page knows: that a comparison's N row is the sum of its
 * answers and the base of its percentages, that an audit line's N is its base plus the missing
 * values it lists, that a residual is recomputed minus printed, that a size-class row's classes add
 * up to "All classes", that "X %" beside a count column X is a share of that column's total, and
 * the codebook (which codes are valid and which are missing). It reads tables and audit lines, not
 * charts (a chart is either withheld or draws only counts its table shows) and not prose.
 */
import { analysisMessages } from "../../../src/base/locale/analysis-messages";
import { cellExportFields } from "../../../src/analysis/export-fields";
import { CountSystem, parseCount, percentInterval, type CountVar } from "./count-solver";

/** Valid and missing codes of a variable, from the codebook. */
export interface CodebookFacts {
  valid(variable: string): number[] | undefined;
  missing(variable: string): number[];
}

/** What the checker found on one page. */
export interface PageFindings {
  /** Masked "< 3" counts whose value the page gives back. */
  recovered: string[];
  /** "·" counts pinned to one value (not disclosive by itself; listed for information). */
  hiddenRecovered: string[];
  /** Counts of 1–2 shown as numbers. */
  shownSmall: string[];
  /** Counts the page does not print but implies exactly, of 1–2 (a percentage of a known base). */
  derivedSmall: string[];
  /** "< 3" cells seen. */
  masked: number;
  /** Tables read. */
  tables: number;
  /** Constraints that contradicted each other: the checker misread a table (a checker bug). */
  contradictions: string[];
}

/** The text a reader sees in a cell, without the evidence marker (its letter and range). */
export function seen(el: Element | null | undefined): string {
  if (!el) return "";
  const copy = el.cloneNode(true);
  if (!("querySelectorAll" in copy) || typeof copy.querySelectorAll !== "function") return (el.textContent ?? "").trim();
  for (const marker of copy.querySelectorAll(".tv-ev")) marker.remove();
  return (copy.textContent ?? "").replace(/\s+/g, " ").trim();
}

/** A cell's CSV fields: its own, or those its table keeps for it (export-fields.ts). */
function exportFields(el: Element | undefined): Map<string, unknown> {
  return new Map(el ? (cellExportFields(el) ?? []) : []);
}

/** An audit line's counts: N, base, and the missing values per variable (code or "blank"). */
interface AuditCounts {
  n: number;
  base: number;
  missing: Map<string, Map<string, number>>;
}

const COUNT = String.raw`(< 3|·|\d+)`;

/** One audit word in either language ("base" | "grunnlag"): a shared view is read in the language it is shown in. */
function word(key: "auditBase" | "auditMissingExcluded" | "auditWeight"): string {
  return `(?:${[analysisMessages.en[key], analysisMessages.nb[key]].map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")})`;
}
const NONE = new Set([analysisMessages.en.auditNone, analysisMessages.nb.auditNone]);

/** Read "N = 15 · base = 13 … · missing excluded: q16: 9 (1), blank (2); …" (or the same in norsk) into `sys`, with its own sum. */
function readAudit(sys: CountSystem, text: string, label: string): AuditCounts | undefined {
  const head = new RegExp(`N = ${COUNT} · ${word("auditBase")} = ${COUNT}`).exec(text);
  if (head) {
    const n = sys.count(head[1] ?? "", `${label} N`);
    const base = sys.count(head[2] ?? "", `${label} base`);
    if (n === undefined || base === undefined) return undefined;
    const missing = new Map<string, Map<string, number>>();
    const list = new RegExp(`${word("auditMissingExcluded")}: (.*?) · ${word("auditWeight")}`).exec(text)?.[1];
    if (list !== undefined && !NONE.has(list)) {
      for (const part of list.split("; ")) {
        const m = /^(\S+): (.*)$/.exec(part);
        if (!m) continue;
        const codes = new Map<string, number>();
        for (const item of (m[2] ?? "").split(", ")) {
          const c = new RegExp(`^(\\S+) \\(${COUNT}\\)$`).exec(item);
          const v = c ? sys.count(c[2] ?? "", `${label} missing ${m[1]} ${c[1]}`) : undefined;
          if (c && v !== undefined) codes.set(c[1] ?? "", v);
        }
        missing.set(m[1] ?? "", codes);
      }
    }
    // The same variables under the same filter: the same N, base and missing counts wherever shown.
    const scope = auditScope(text);
    if (scope) {
      sys.link(`${scope.filters}|N`, n);
      sys.link(`${scope.filters}|${scope.variables}|base`, base);
      for (const [variable, codes] of missing) for (const [code, v] of codes) sys.link(`${scope.filters}|${variable}|missing ${code}`, v);
    }
    const perVariable = [...missing.values()].filter((codes) => codes.size > 0).map((codes) => {
      const total = sys.unknown(`${label} missing total`);
      sys.sum([...codes.values()], total);
      return total;
    });
    if (perVariable.length <= 1) sys.sum([base, ...perVariable], n);
    else sys.unionOf(n, base, perVariable);
    return { n, base, missing };
  }
  // The frequency table's own line: "N = 15 · valid 12 · missing 3" ("N = 15 · gyldige 12 · manglende 3" in norsk).
  const freq = new RegExp(`^N = ${COUNT} · (?:valid|gyldige) ${COUNT} · (?:missing|manglende) ${COUNT}`).exec(text);
  if (freq) {
    const [n, valid, missing] = [freq[1], freq[2], freq[3]].map((t, i) => sys.count(t ?? "", `${label} ${["N", "valid", "missing"][i]}`));
    if (n !== undefined && valid !== undefined && missing !== undefined) sys.sum([valid, missing], n);
  }
  return undefined;
}

/** What an audit line counts: its variables ("q3", "q3, q7") and its filter, the same wherever it is shown. */
export function auditScope(text: string): { variables: string; filters: string } | undefined {
  const variables = /base = \S+(?: \S+)? valid (.*?) ·/.exec(text)?.[1];
  const filters = /filters: (.*?) · missing/.exec(text)?.[1];
  if (variables === undefined || filters === undefined || /\bwhere\b|weight: (?!none)/.test(text)) return undefined;
  return { variables, filters };
}

/** "27 % (4)", "4", "< 3", "0 % (0)": the count and the percentage text (if any). */
function figure(sys: CountSystem, text: string, label: string): { count?: number; percent?: string } {
  const m = /^(-?[\d.,]+ ?%) \((.+)\)$/.exec(text);
  if (m) return { count: sys.count(m[2] ?? "", label), percent: m[1] };
  return { count: sys.count(text, label) };
}

/** A printed comparison, one line per figure, grouped by question with its N row. */
function readComparison(sys: CountSystem, fig: Element, codebook: CodebookFacts, name: string): void {
  const audits = [...fig.querySelectorAll(".tv-audit-line")].map((p) => seen(p));
  // The percent-base line in either language (a shared view is read in the language it is shown in).
  const multipleResponse = audits.some((a) =>
    [analysisMessages.en, analysisMessages.nb].some((w) => a.startsWith(w.comparisonBaseAudit("").split(":")[0] ?? "") && a.includes(w.percentBaseName("answers"))));
  const rowAudits = new Map<string, { variable: string; audit: AuditCounts | undefined }>();
  const rowAuditText = new Map<string, string>();
  for (const line of fig.querySelectorAll(".tv-audit-rows .tv-audit-line")) {
    const m = /^(.*) \((\w+)\): (N = .*)$/.exec(seen(line));
    if (m) rowAuditText.set(m[1] ?? "", m[3] ?? "");
    if (m) rowAudits.set(m[1] ?? "", { variable: m[2] ?? "", audit: readAudit(sys, m[3] ?? "", `${name} ${m[1]}`) });
  }
  interface Group { label: string; cells: { code: number | null; count?: number; percent?: string }[]; total?: number; printedTotal?: string }
  const groups: Group[] = [];
  for (const tr of fig.querySelectorAll("tbody tr")) {
    const cells = [...tr.children];
    const label = seen(cells[0]);
    if (label) groups.push({ label, cells: [] });
    const group = groups[groups.length - 1];
    if (!group) continue;
    const answer = seen(cells[1]);
    const text = seen(cells[3]);
    if (answer === "N") {
      group.total = sys.count(text, `${name} ${group.label} N`);
      group.printedTotal = seen(cells[2]);
      continue;
    }
    const code = exportFields(cells[1]).get("code");
    group.cells.push({ code: typeof code === "number" ? code : null, ...figure(sys, text, `${name} ${group.label} ${answer}`) });
  }
  const answersOf = new Map<string, number>();
  const answerGroups: number[] = [];
  for (const g of groups) {
    const row = rowAudits.get(g.label);
    for (const c of g.cells) if (c.count !== undefined && c.percent && g.total !== undefined) sys.percent(c.count, g.total, c.percent);
    const counts = g.cells.flatMap((c) => (c.count === undefined ? [] : [c.count]));
    if (multipleResponse) {
      const only = counts[0];
      if (row && only !== undefined) {
        const known = answersOf.get(row.variable);
        if (known === undefined) answersOf.set(row.variable, only);
        else sys.same(known, only);
      }
      // The report's N = 267 marks a share of respondents; the other base is all answers.
      if (g.total !== undefined && g.printedTotal === "267" && row?.audit) sys.same(g.total, row.audit.n);
      else if (g.total !== undefined) answerGroups.push(g.total);
      continue;
    }
    if (g.total !== undefined && counts.length === g.cells.length) sys.sum(counts, g.total);
    if (!row?.audit) continue;
    const scope = auditScope(rowAuditText.get(g.label) ?? "");
    if (scope) for (const c of g.cells) if (c.code !== null && c.count !== undefined) sys.link(`${scope.filters}|${row.variable}|code ${c.code}`, c.count);
    const valid = codebook.valid(row.variable) ?? [];
    const missing = codebook.missing(row.variable);
    const validCells = g.cells.filter((c) => c.code !== null && !missing.includes(c.code));
    const validCounts = validCells.flatMap((c) => (c.count === undefined ? [] : [c.count]));
    if (validCounts.length !== validCells.length) continue;
    if (valid.every((code) => validCells.some((c) => c.code === code))) sys.sum(validCounts, row.audit.base);
    else sys.atMost(validCounts, row.audit.base);
    for (const c of g.cells) {
      if (c.code === null || !missing.includes(c.code) || c.count === undefined) continue;
      const listed = row.audit.missing.get(row.variable)?.get(String(c.code));
      if (listed !== undefined) sys.same(c.count, listed);
    }
  }
  if (multipleResponse) for (const total of answerGroups) sys.sum([...answersOf.values()], total);
  // The first audit line is row 1's again; read the others (none carry counts) as lines of their own.
}

/** Tabell 2.6 as printed: "count (printed)" per cell; only the audit line ties counts together. */
function readGrid(sys: CountSystem, fig: Element, name: string): void {
  for (const td of fig.querySelectorAll("tbody td")) {
    const m = /^(.+?) \([^)]*\)/.exec(seen(td));
    if (m) sys.count(m[1] ?? "", `${name} cell`);
  }
  for (const p of fig.querySelectorAll(".tv-audit-line")) readAudit(sys, seen(p), name);
}

/** "34,3 % (12/35)", "< 3 of 35", "· of ·": successes, n and the rate of one size class. */
function sizeCell(sys: CountSystem, text: string, label: string): { s?: number; n?: number } {
  const full = /^(-?[\d,]+ %) \((.+)\/(.+)\)$/.exec(text);
  if (full) {
    const s = sys.count(full[2] ?? "", `${label} cases`);
    const n = sys.count(full[3] ?? "", `${label} n`);
    if (s !== undefined && n !== undefined) sys.percent(s, n, full[1] ?? "");
    return { s, n };
  }
  const hidden = /^(.+) of (.+)$/.exec(text);
  if (hidden) return { s: sys.count(hidden[1] ?? "", `${label} cases`), n: sys.count(hidden[2] ?? "", `${label} n`) };
  const nOnly = /^n (.+)$/.exec(text);
  if (nOnly) return { n: sys.count(nOnly[1] ?? "", `${label} n`) };
  return {};
}

/** A size-class table: classes add up to "All classes"; rates are cases over n; audit base = all n. */
function readSizeClass(sys: CountSystem, fig: Element, name: string): void {
  const head = [...fig.querySelectorAll("thead th")].map((th) => seen(th));
  const audits = [...fig.querySelectorAll(".tv-audit-line")].map((p) => seen(p)).filter((t) => t.includes("N = "));
  if (head.includes("Trend")) {
    // Several comparisons: a row per variable, a column per class, then all classes.
    const classes = head.length - 3;
    [...fig.querySelectorAll("tbody tr")].forEach((tr, i) => {
      const cells = [...tr.children].map((c) => seen(c));
      const parts = cells.slice(1, 1 + classes).map((t, k) => sizeCell(sys, t, `${name} row ${i} class ${k + 1}`));
      const all = sizeCell(sys, cells[1 + classes] ?? "", `${name} row ${i} all`);
      const ss = parts.flatMap((p) => (p.s === undefined ? [] : [p.s]));
      const ns = parts.flatMap((p) => (p.n === undefined ? [] : [p.n]));
      if (all.s !== undefined && ss.length === classes) sys.sum(ss, all.s);
      if (all.n !== undefined && ns.length === classes) sys.sum(ns, all.n);
      const audit = audits[i] ? readAudit(sys, audits[i] ?? "", `${name} row ${i}`) : undefined;
      if (audit && all.n !== undefined) sys.same(audit.base, all.n);
    });
    return;
  }
  const col = (title: string): number => head.indexOf(title);
  const rows = [...fig.querySelectorAll("tbody tr")].map((tr) => [...tr.children].map((c) => seen(c)));
  const parse = (cells: string[], i: number) => {
    const n = sys.count(cells[col("n")] ?? "", `${name} class ${i} n`);
    const s = col("Cases") >= 0 ? sys.count(cells[col("Cases")] ?? "", `${name} class ${i} cases`) : undefined;
    const rate = cells[col("Rate")] ?? "";
    if (n !== undefined && s !== undefined) sys.percent(s, n, rate);
    return { n, s };
  };
  const parsed = rows.map(parse);
  const all = parsed[parsed.length - 1];
  const classes = parsed.slice(0, -1);
  if (all?.n !== undefined && classes.every((c) => c.n !== undefined)) sys.sum(classes.flatMap((c) => (c.n === undefined ? [] : [c.n])), all.n);
  if (all?.s !== undefined && classes.every((c) => c.s !== undefined)) sys.sum(classes.flatMap((c) => (c.s === undefined ? [] : [c.s])), all.s);
  const audit = audits[0] ? readAudit(sys, audits[0], name) : undefined;
  if (audit && all?.n !== undefined) sys.same(audit.base, all.n);
}

/** A plain table: count columns (class tv-count, or headed n / N / Respondents), their totals and shares. */
function readPlain(sys: CountSystem, fig: Element, name: string): void {
  const head = [...fig.querySelectorAll("thead th")].map((th) => seen(th));
  const rows = [...fig.querySelectorAll("tbody tr")];
  const isCountColumn = (j: number): boolean => ["n", "N", "Respondents"].includes(head[j] ?? "") || rows.some((tr) => tr.children[j]?.classList.contains("tv-count"));
  const audits = [...fig.querySelectorAll(".tv-audit-line")].map((p) => seen(p));
  const rowAudits = audits.filter((a) => /N = /.test(a));
  head.forEach((title, j) => {
    if (!isCountColumn(j)) return;
    const body = rows.filter((tr) => !tr.classList.contains("tv-total"));
    const counts = body.map((tr, i) => sys.count(seen(tr.children[j]), `${name} ${title} row ${i}`));
    const totalRow = rows.find((tr) => tr.classList.contains("tv-total"));
    const total = totalRow ? sys.count(seen(totalRow.children[j]), `${name} ${title} total`) : undefined;
    const known = counts.flatMap((c) => (c === undefined ? [] : [c]));
    const sum = total ?? sys.unknown(`${name} ${title} sum`);
    if (known.length === counts.length) sys.sum(known, sum);
    const share = head.indexOf(`${title} %`);
    if (share >= 0) body.forEach((tr, i) => {
      const c = counts[i];
      if (c !== undefined) sys.percent(c, sum, `${seen(tr.children[share])}`.replace(/^([\d,]+)$/, "$1 %"));
    });
    // One audit line per row (a correlation per row): the row's n is that line's base.
    if (rowAudits.length === body.length) rowAudits.forEach((line, i) => {
      const audit = readAudit(sys, line, `${name} row ${i}`);
      const c = counts[i];
      if (audit && c !== undefined) sys.same(audit.base, c);
    });
  });
  if (rowAudits.length && !head.some((_, j) => isCountColumn(j))) for (const line of rowAudits) readAudit(sys, line, name);
}

/** "−15", "+3", "0", "−2,3 pp": a residual's value. */
function residual(text: string): number | undefined {
  const m = /^([+−-]?)(\d+(?:,\d+)?)( pp)?$/.exec(text.trim());
  if (!m) return undefined;
  const v = Number((m[2] ?? "").replace(",", "."));
  return m[1] === "−" || m[1] === "-" ? -v : v;
}

/** The reconciliation's tables: recomputed = target + residual; a row's codes add up to its total. */
function readReconciliation(sys: CountSystem, table: Element, name: string): void {
  const head = [...table.querySelectorAll("thead th")].map((th) => seen(th));
  const at = (title: string): number => head.indexOf(title);
  interface Group { counts: number[]; complete: boolean; total?: number; percents: { lo: number; hi: number; code: string }[]; countByCode: Map<string, number>; printedParts: number; printedTotal?: number }
  const groups = new Map<string, Group>();
  for (const tr of table.querySelectorAll("tbody tr")) {
    const cells = [...tr.children].map((c) => seen(c));
    const key = `${at("Tabell") >= 0 ? cells[at("Tabell")] : ""}|${cells[at("Row")]}|${cells[at("Variable")]}`;
    const group: Group = groups.get(key) ?? { counts: [], complete: true, percents: [], countByCode: new Map<string, number>(), printedParts: 0 };
    groups.set(key, group);
    const measure = cells[at("Measure")] ?? "";
    const recomputed = cells[at("Recomputed")] ?? "";
    const target = cells[at("Resolved")] || cells[at("Printed")] || "";
    const r = residual(cells[at("Residual")] ?? "");
    const code = (cells[at("Category")] ?? "").split(" ")[0] ?? "";
    if (measure === "%") {
      // Shown, or given back by its residual: the recomputed percentage, rounded as printed.
      const shown = percentInterval(recomputed);
      const t = /^(-?\d+)(?:,(\d+))? %$/.exec(target);
      if (shown) group.percents.push({ ...shown, code });
      else if (r !== undefined && t) {
        const decimals = Math.max(t[2]?.length ?? 0, (cells[at("Residual")] ?? "").split(",")[1]?.replace(" pp", "").length ?? 0);
        const value = Number(`${t[1]}.${t[2] ?? "0"}`) + r;
        const half = 0.5 * 10 ** -decimals + 1e-9;
        group.percents.push({ lo: value - half, hi: value + half, code });
      }
      continue;
    }
    const v = sys.count(recomputed, `${name} ${key} ${measure} ${code}`);
    // The flagged list repeats the figures of the tables below it: the same figure, the same count.
    const tabell = at("Tabell") >= 0 ? cells[at("Tabell")] : name.split(" — ")[0];
    if (v !== undefined) sys.link(`reconciliation|${tabell}|${cells[at("Row")]}|${cells[at("Variable")]}|${measure}|${code}`, v);
    if (v === undefined) {
      if (measure === "n") group.complete = false;
      continue;
    }
    const t = parseCount(target);
    if (r !== undefined && t?.shown === "exact") sys.same(v, sys.printed(t.value + r, `${name} ${key} residual`));
    const printed = parseCount(target);
    if (measure === "N") {
      group.total = v;
      if (printed?.shown === "exact") group.printedTotal = printed.value;
    } else {
      group.printedParts += printed?.shown === "exact" ? printed.value : Number.NaN;
      group.counts.push(v);
      group.countByCode.set(code, v);
    }
  }
  for (const g of groups.values()) {
    // A printed row need not list every code (its total is then more than its parts): a reader
    // knows the parts add up to the total only where the printed parts add up to the printed total.
    if (g.total !== undefined && g.complete && g.counts.length >= 2) {
      if (g.printedParts === g.printedTotal) sys.sum(g.counts, g.total);
      else sys.atMost(g.counts, g.total);
    }
    if (g.total === undefined) continue;
    for (const p of g.percents) {
      const c = g.countByCode.get(p.code);
      if (c !== undefined) sys.ratio(c, g.total, p.lo, p.hi);
    }
  }
}

/** Crosswalk numbers: "64.3 % (95 % CI …) of 213", "< 3 of 15", "r = 0.12, n = 8", "(N = 25)". */
function readCrosswalk(sys: CountSystem, table: Element, name: string): void {
  for (const details of table.querySelectorAll("details")) {
    // The audit line is written when a reader opens it: open it as a reader would.
    details.setAttribute("open", "");
    details.dispatchEvent(new (details.ownerDocument.defaultView?.Event ?? Event)("toggle"));
  }
  for (const td of table.querySelectorAll("td")) {
    const text = seen(td);
    for (const m of text.matchAll(/(?:(-?\d+(?:\.\d+)?) %(?: \(95 % CI [^)]*\))?|(< 3|·)) of (< 3|·|\d+)/g)) {
      const base = sys.count(m[3] ?? "", `${name} base`);
      if (base === undefined) continue;
      const numerator = m[2] ? sys.count(m[2], `${name} numerator`) : sys.unknown(`${name} numerator of ${m[0]}`);
      if (numerator !== undefined && m[1]) sys.percent(numerator, base, `${m[1]} %`);
      if (numerator !== undefined) sys.atMost([numerator], base);
    }
    for (const m of text.matchAll(/\bn = (< 3|·|\d+)|\(N = (< 3|·|\d+)\)/g)) sys.count(m[1] ?? m[2] ?? "", `${name} n`);
  }
  for (const code of table.querySelectorAll(".cw-audit")) readAudit(sys, seen(code), `${name} audit`);
}

/**
 * Every table under `roots` (the outputs of a page). `scope` "table": one system per table, as a
 * reader looking at one table; "page": one system for the whole page, with the counts a reader knows
 * to be the same (the same variable, code and filter in two tables; a figure of the reconciliation
 * in its table and in the flagged list) tied together — the reader of a shared view sees them all.
 */
export function checkOutputs(roots: readonly Element[], codebook: CodebookFacts, scope: "table" | "page" = "table"): PageFindings {
  const out: PageFindings = { recovered: [], hiddenRecovered: [], shownSmall: [], derivedSmall: [], masked: 0, tables: 0, contradictions: [] };
  const page = scope === "page" ? new CountSystem() : undefined;
  const system = (): CountSystem => page ?? new CountSystem();
  const take = (sys: CountSystem, name: string): void => {
    if (page) {
      out.tables++;
      return;
    }
    takeSystem(sys, name);
  };
  const takeSystem = (sys: CountSystem, name: string): void => {
    sys.solve();
    const f = sys.findings();
    const names = (vs: CountVar[]): string[] => vs.map((v) => `${v.label} = ${v.lo}`);
    out.recovered.push(...names(f.recovered));
    out.hiddenRecovered.push(...names(f.hiddenRecovered));
    out.shownSmall.push(...names(f.shownSmall));
    out.derivedSmall.push(...names(f.derivedSmall));
    out.masked += f.masked;
    out.contradictions.push(...sys.contradictions.map((c) => `${name}: ${c}`));
    out.tables++;
  };
  for (const root of roots) {
    const figures = [...(root.matches?.("figure.tv-table") ? [root] : []), ...root.querySelectorAll("figure.tv-table")];
    for (const fig of figures) {
      const sys = system();
      const name = seen(fig.querySelector("caption")) || "table";
      if (fig.classList.contains("tv-comparison")) {
        if (seen(fig.querySelector("caption")).endsWith("— recomputed (printed)")) readGrid(sys, fig, name);
        else readComparison(sys, fig, codebook, name);
      } else if (fig.classList.contains("tv-size-class")) readSizeClass(sys, fig, name);
      else if (fig.classList.contains("tv-reconciliation") || fig.classList.contains("tv-reconciliation-flagged")) {
        for (const t of fig.querySelectorAll("table")) readReconciliation(sys, t, name);
      } else if (!fig.classList.contains("tv-reconciliation-summary")) readPlain(sys, fig, name);
      take(sys, name);
    }
    for (const table of [...(root.matches?.("table.cw-table") ? [root] : []), ...root.querySelectorAll("table.cw-table")]) {
      const sys = system();
      readCrosswalk(sys, table, seen(table.querySelector("caption")) || "crosswalk");
      take(sys, "crosswalk");
    }
    for (const block of root.querySelectorAll(".tv-inconsistency table")) {
      const sys = system();
      for (const td of block.querySelectorAll("td")) {
        const m = /^recomputed (.+)$/.exec(seen(td));
        if (m) sys.count(m[1] ?? "", "inconsistency recomputed");
      }
      take(sys, "inconsistencies");
    }
  }
  if (page) {
    const tables = out.tables;
    takeSystem(page, "page");
    out.tables = tables;
  }
  return out;
}
