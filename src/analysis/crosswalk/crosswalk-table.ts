/**
 * The crosswalk as HTML tables (plain DOM, no Lit, so it runs under linkedom too): one row per
 * comparison with the thesis finding and its quotes, the survey measure with its threshold and why,
 * the numbers (both bases where the report keeps "vet ikke" in and the verdicts differ), the verdict
 * over the reconstructions with what it rests on, the generated explanation, and the audit line in
 * a disclosure. The what-if table shows the same comparisons under two filter states with their
 * difference, its test and a flip mark.
 */
import type { BaseResult, ComparisonResult, CrosswalkEvaluation } from "./evaluate-crosswalk";
import type { ComparisonNumbers } from "./measure-comparison";
import { verdictLabel } from "./crosswalk-ensemble";
import { keyFigure } from "./explain-comparison";
import { evidenceClass, evidenceLegend, evidenceMarker } from "../evidence/evidence-marker";
import type { ComparisonDiff } from "./crosswalk-diff";
import { pct, pctRange } from "./crosswalk-format";
import { formatLines } from "./crosswalk-thesis";
import { FINDING_SHARE } from "../evidence/evidence";
import { crosswalkShown, NOT_SHOWN, type CrosswalkShown } from "./crosswalk-shown";

/**
 * The tables' styles, once per table: badge colours per verdict (colour-blind safe pairs; the word
 * is always shown too), and on a page narrower than 760 px every row becomes a stacked card whose
 * cells carry their column name (a five-column table cannot be read on a phone). Text and rules
 * take the page's theme variables where the page has them (the notebook's frame, dark or light),
 * with the light colours as fallback where it does not (an exported report, a bare page).
 */
export const CROSSWALK_CSS = `
.cw-wrap { overflow-x: auto; }
.cw-table { border-collapse: collapse; font-size: 0.9em; width: 100%; }
.cw-table caption { text-align: left; font-weight: 600; padding-bottom: 0.4em; }
.cw-table th, .cw-table td { text-align: left; vertical-align: top; padding: 0.35em 0.5em; border-bottom: 1px solid var(--line, #e5e5e5); }
.cw-table th { border-bottom: 2px solid var(--ink, #222222); }
.cw-quotes { max-width: 24em; font-size: 0.9em; }
.cw-quote { font-style: italic; margin-bottom: 0.25em; }
.cw-measure { max-width: 20em; }
.cw-result { max-width: 28em; }
.cw-small { margin-top: 0.3em; font-size: 0.85em; color: var(--muted, #4d4d4d); }
.cw-line { margin-top: 0.3em; }
.cw-note { font-size: 0.85em; color: var(--muted, #595959); }
.cw-audit { font-size: 0.8em; white-space: normal; }
.cw-flip { font-weight: 700; color: var(--error, #7f2704); }
.verdict { padding: 0.1em 0.45em; border-radius: 3px; font-weight: 600; display: inline-block; }
.verdict[data-verdict="agrees"] { background: #dbeafe; color: #08306b; }
.verdict[data-verdict="contrasts"] { background: #fde2cf; color: #7f2704; }
.verdict[data-verdict="open"] { background: #eeeeee; color: #333333; }
.verdict[data-verdict="not comparable"] { background: #ffffff; color: #595959; border: 1px dashed #8c8c8c; }
.verdict[data-verdict="depends"] { background: #fff7d6; color: #5c4400; border: 1px dotted #8a6d00; }
@media (max-width: 760px) {
  .cw-table thead { display: none; }
  .cw-table, .cw-table tbody, .cw-table tr, .cw-table td { display: block; max-width: none; }
  .cw-table tr { border-bottom: 2px solid var(--ink, #222222); padding: 0.4em 0; }
  .cw-table td { border-bottom: none; padding: 0.2em 0; }
  .cw-table td::before { content: attr(data-label); display: block; font-size: 0.75em; text-transform: uppercase; letter-spacing: 0.04em; color: var(--muted, #595959); }
}
`;

/** The numbers of a result in a few words, e.g. "64.3 % (57.7–70.5 %) of 213; threshold 50 %". */
export function formatNumbers(numbers: ComparisonNumbers | null): string {
  if (!numbers) return "–";
  switch (numbers.kind) {
    case "share":
    case "diffusion":
      return `${pct(numbers.share, 1)}${numbers.interval ? ` (95 % CI ${pctRange(numbers.interval, numbers.threshold)})` : ""} of ${numbers.n}; threshold ${pct(numbers.threshold)}`;
    case "groups":
      return `${pct(numbers.a.share, 1)} of ${numbers.a.n} vs ${pct(numbers.b.share, 1)} of ${numbers.b.n} (${numbers.method})`;
    case "size-trend":
      return `${numbers.classes.filter((k) => k.n > 0).map((k) => `${k.sizeClass}: ${pct(k.share)}`).join(" · ")} (N = ${numbers.n})`;
    case "correlation":
      return numbers.r === null ? `r undefined (n = ${numbers.n})` : `r = ${numbers.r.toFixed(2)}, n = ${numbers.n}`;
  }
}

/** The crosswalk table's columns (also each cell's label when rows stack on a narrow page). */
const COLUMNS = ["Thesis finding", "Thesis words", "Survey measure and criterion", "Numbers", "Verdict"] as const;

/** What the verdict rests on, in words: "determined (same in all 50 reconstructions)", "holds in 49 of 50 reconstructions", "your data". */
export function evidenceText(r: BaseResult): string {
  const e = r.ensemble;
  if (e.evidence.kind === "your-data") return "your data";
  if (e.evidence.kind === "determined") return `determined (same in all ${e.draws} reconstructions)`;
  return e.verdict === "depends" ? `rests on the reconstruction (${e.k} of ${e.draws} ${e.modal})` : `verdict holds in ${e.k} of ${e.draws} reconstructions`;
}

function cell(document: Document, tag: "td" | "th", content: string | Node, className = "", label = ""): HTMLElement {
  const el = document.createElement(tag);
  if (typeof content === "string") el.textContent = content;
  else el.appendChild(content);
  if (className) el.className = className;
  if (label) el.dataset.label = label;
  return el;
}

function div(document: Document, text: string, className = ""): HTMLElement {
  const el = document.createElement("div");
  el.textContent = text;
  if (className) el.className = className;
  return el;
}

/** A table in its scrolling wrapper with the styles. */
function wrapped(document: Document, table: HTMLElement, ...after: HTMLElement[]): HTMLElement {
  const style = document.createElement("style");
  style.textContent = CROSSWALK_CSS;
  const wrap = document.createElement("div");
  wrap.className = "cw-wrap";
  wrap.append(style, table, ...after);
  return wrap;
}

/** A verdict badge: the verdict word, or "depends on the reconstruction (…)" with the split. */
export function verdictBadge(document: Document, result: Pick<BaseResult, "verdict" | "ensemble">): HTMLElement {
  const span = document.createElement("span");
  span.className = "verdict";
  span.dataset.verdict = result.verdict;
  span.textContent = verdictLabel(result.ensemble);
  return span;
}

function headerRow(document: Document, labels: string[]): HTMLElement {
  const thead = document.createElement("thead");
  const tr = document.createElement("tr");
  for (const label of labels) tr.appendChild(cell(document, "th", label));
  thead.appendChild(tr);
  return thead;
}

function findingCell(document: Document, r: ComparisonResult): HTMLElement {
  const wrap = document.createElement("div");
  const strong = document.createElement("strong");
  strong.textContent = r.comparison.title;
  wrap.append(strong, div(document, r.comparison.finding));
  return cell(document, "td", wrap, "", COLUMNS[0]);
}

function quoteCell(document: Document, r: ComparisonResult): HTMLElement {
  const wrap = document.createElement("div");
  if (!r.thesis) wrap.textContent = "–";
  for (const c of r.thesis?.citations ?? []) {
    const q = div(document, `${c.source ? `${c.source}: ` : ""}«${c.quote}» (${formatLines(c.lines)})`, "cw-quote citation");
    if (c.caseId) q.dataset.case = c.caseId;
    wrap.appendChild(q);
  }
  return cell(document, "td", wrap, "cw-quotes", COLUMNS[1]);
}

/** The criterion a comparison is judged by and why: the threshold for shares, the direction for tests. */
export function criterion(r: ComparisonResult): string {
  const m = r.comparison.measure;
  switch (m.kind) {
    case "share": return `Threshold ${pct(m.threshold.value)}, expected ${m.expect}: ${m.threshold.why}`;
    case "diffusion": return `Threshold: the later national figure, expected ${m.expect}. ${m.why}`;
    case "groups": return `Expected: the first group ${m.expect === "a>b" ? "higher" : "lower"}. ${r.comparison.rationale}`;
    case "size-trend": return `Expected: ${m.expect} with size. ${r.comparison.rationale}`;
    case "correlation": return `Expected: a ${m.expect} r. ${r.comparison.rationale}`;
  }
}

function measureCell(document: Document, r: ComparisonResult): HTMLElement {
  const wrap = document.createElement("div");
  wrap.append(div(document, r.comparison.surveyMeasure), div(document, criterion(r), "cw-small criterion"));
  return cell(document, "td", wrap, "cw-measure", COLUMNS[2]);
}

/** The marker of the result's key figure (P/D/R/Y, with its range across the draws), as every table shows it. */
function marker(document: Document, r: BaseResult): HTMLElement {
  const key = keyFigure(r.numbers);
  return evidenceMarker(document, r.ensemble.evidence, "en", (v) => (key.percent ? (100 * v).toFixed(1) : v.toFixed(2)), key.percent ? " %" : "");
}

function numbersCell(document: Document, r: ComparisonResult, shown: CrosswalkShown): HTMLElement {
  const wrap = document.createElement("div");
  const report = r.reportBase;
  const differs = report !== undefined && report.verdict !== r.verdict;
  // A comparison that hides a count shows no marker: the key figure's range of a determined share is the share.
  const hides = shown.hides(r);
  const answered = div(document, `${differs ? "Answered base: " : ""}${shown.numbers(r) ?? ""} `, evidenceClass(r.ensemble.evidence.kind));
  if (!hides) answered.appendChild(marker(document, r));
  wrap.appendChild(answered);
  if (report && differs) {
    const line = div(document, `Report's base (Tabell ${report.table}, «vet ikke» kept in): ${shown.numbers(r, "report") ?? ""} `, `cw-line report-base ${evidenceClass(report.ensemble.evidence.kind)}`);
    if (!hides) line.appendChild(marker(document, report));
    wrap.appendChild(line);
  }
  const note = div(document, evidenceText(r), "cw-small evidence");
  note.dataset.evidence = r.ensemble.evidence.kind;
  wrap.appendChild(note);
  return cell(document, "td", wrap, "", COLUMNS[3]);
}

function resultCell(document: Document, r: ComparisonResult, shown: CrosswalkShown): HTMLElement {
  const wrap = document.createElement("div");
  const report = r.reportBase;
  if (report && report.verdict !== r.verdict) {
    wrap.append(div(document, "Answered base:", "cw-small"), verdictBadge(document, r), div(document, `Report's base (Tabell ${report.table}):`, "cw-small"));
    const second = verdictBadge(document, report);
    second.classList.add("report-verdict");
    wrap.appendChild(second);
  } else {
    wrap.appendChild(verdictBadge(document, r));
  }
  wrap.appendChild(div(document, shown.explanation(r) ?? "", "cw-line"));
  if (report && report.verdict !== r.verdict) wrap.appendChild(div(document, `On the report's base: ${shown.explanation(r, "report") ?? ""}`, "cw-line"));
  if (r.numbers !== null) {
    // The audit line asks the statistics kernels again: it is written when the reader opens it.
    const details = document.createElement("details");
    const summary = document.createElement("summary");
    summary.textContent = "audit";
    const code = document.createElement("code");
    code.className = "cw-audit";
    details.append(summary, code);
    details.addEventListener("toggle", () => {
      if (details.open && !code.textContent) code.textContent = shown.audit(r);
    });
    wrap.appendChild(details);
  }
  // A verdict that depends on the reconstruction rests on it: the dimming toggle greys it out.
  return cell(document, "td", wrap, `cw-result${r.verdict === "depends" ? ` ${evidenceClass("reconstruction")}` : ""}`, COLUMNS[4]);
}

/** How the verdicts are reached, in words: the page's method note under the table. */
export function methodNote(evaluation: CrosswalkEvaluation): string {
  const t = evaluation.tally;
  const tally = `${t.agrees} agree, ${t.contrasts} contrast, ${t.open} open, ${t["not comparable"]} not comparable, ${t.depends} depend on the reconstruction.`;
  const basis = evaluation.basis === "ensemble"
    ? `Every comparison is evaluated on each of the ${evaluation.draws} reconstructions of the respondents; a verdict is stated only when it holds in at least ${Math.round(100 * FINDING_SHARE)} % of them (${Math.ceil(FINDING_SHARE * evaluation.draws)} of ${evaluation.draws}), otherwise it depends on the reconstruction and is not a finding.`
    : "Computed on your data: there are no reconstructions, so every verdict is what this file says.";
  return `${tally} ${basis} Shares are judged against the threshold stated in each row (95 % Wilson interval and score test); group differences by Pearson χ², or Fisher's exact test when an expected count is below 5; size trends by the Cochran–Armitage test; correlations by Pearson r. The p-values of the ${evaluation.tested} comparisons that can be judged are adjusted together with Benjamini–Hochberg (false discovery rate 5 %): a verdict needs q < .05 in the expected or the opposite direction. "Vet ikke" is left out of the base; where the report's table keeps it in and the verdict differs, both are shown. Bases under 10 are not comparable.`;
}

/** Options of the crosswalk tables. */
export interface CrosswalkTableOptions {
  /** Mask counts of 1–2 and what gives them back (a shared view of a county or size-class filter). */
  mask?: boolean;
}

/** The crosswalk table: finding, quotes, survey measure and criterion, numbers, verdict (with explanation and audit). */
export function renderCrosswalkTable(document: Document, evaluation: CrosswalkEvaluation, caption?: string, options: CrosswalkTableOptions = {}): HTMLElement {
  const shown = crosswalkShown(evaluation.results, options.mask === true, formatNumbers);
  const table = document.createElement("table");
  table.className = "crosswalk cw-table";
  if (caption) {
    const cap = document.createElement("caption");
    cap.textContent = shown.text(caption);
    table.appendChild(cap);
  }
  table.appendChild(headerRow(document, [...COLUMNS]));
  const tbody = document.createElement("tbody");
  for (const r of evaluation.results) {
    const tr = document.createElement("tr");
    tr.dataset.id = r.id;
    tr.dataset.verdict = r.verdict;
    tr.dataset.evidence = r.ensemble.evidence.kind;
    if (r.reportBase) tr.dataset.reportVerdict = r.reportBase.verdict;
    tr.append(findingCell(document, r), quoteCell(document, r), measureCell(document, r), numbersCell(document, r, shown), resultCell(document, r, shown));
    tbody.appendChild(tr);
  }
  table.appendChild(tbody);
  const kinds = evaluation.results.flatMap((r) => [r.ensemble.evidence.kind, ...(r.reportBase ? [r.reportBase.ensemble.evidence.kind] : [])]);
  const notes = shown.note().map((text) => div(document, text, "cw-note tv-disclosure-note"));
  return wrapped(document, table, evidenceLegend(document, kinds, evaluation.basis === "ensemble" ? evaluation.draws : 0, "en"), div(document, methodNote(evaluation), "cw-note crosswalk-method"), ...notes);
}

/** The what-if table: each comparison under two filter states, the difference, its test, and flips. */
export function renderDiffTable(document: Document, diffs: readonly ComparisonDiff[], options: CrosswalkTableOptions = {}): HTMLElement {
  const shownA = crosswalkShown(diffs.map((d) => d.a), options.mask === true, formatNumbers);
  const shownB = crosswalkShown(diffs.map((d) => d.b), options.mask === true, formatNumbers);
  const table = document.createElement("table");
  table.className = "crosswalk-diff cw-table";
  const [la = "A", lb = "B"] = diffs[0]?.labels ?? [];
  const labels = ["Comparison", la, lb, "Difference and test", "Verdict"];
  table.appendChild(headerRow(document, labels));
  const tbody = document.createElement("tbody");
  for (const d of diffs) {
    const tr = document.createElement("tr");
    tr.dataset.id = d.id;
    tr.dataset.flips = String(d.flips);
    tr.dataset.difference = d.finding;
    const side = (r: ComparisonResult, label: string, shown: CrosswalkShown): HTMLElement => {
      const wrap = document.createElement("div");
      wrap.append(verdictBadge(document, r), document.createTextNode(` ${shown.numbers(r) ?? ""}`));
      return cell(document, "td", wrap, "", label);
    };
    // A side that hides a count shows no share, so neither the difference nor its test (either gives it back).
    const hides = shownA.hides(d.a) || shownB.hides(d.b);
    const isR = d.method === "Fisher z";
    const value = d.difference === null || hides ? "" : `${isR ? d.difference.toFixed(2) : `${(100 * d.difference).toFixed(0)} points`}; `;
    const across = d.significantIn.m > 1 ? `; significant in ${d.significantIn.k} of ${d.significantIn.m} reconstructions (${d.finding})` : "";
    const test = hides ? `test ${NOT_SHOWN}` : d.test;
    const flip = d.flips ? "flips" : d.a.verdict === d.b.verdict ? "same" : "differs, not a finding";
    tr.append(cell(document, "td", d.comparison.title, "", labels[0]), side(d.a, la, shownA), side(d.b, lb, shownB), cell(document, "td", `${value}${test}${across}`, "", labels[3]), cell(document, "td", flip, d.flips ? "cw-flip" : "", labels[4]));
    tbody.appendChild(tr);
  }
  table.appendChild(tbody);
  return wrapped(document, table, ...[...shownA.note(), ...shownB.note()].slice(0, 1).map((text) => div(document, text, "cw-note tv-disclosure-note")));
}
