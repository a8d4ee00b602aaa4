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
import { verdictLabel, type Verdict } from "./crosswalk-ensemble";
import type { ComparisonDiff } from "./crosswalk-diff";
import { pct, pctRange } from "./crosswalk-format";
import { formatLines } from "./crosswalk-thesis";
import { FINDING_SHARE } from "../evidence/evidence";

/** Badge colours per verdict (colour-blind safe pairs; the word is always shown too). */
export const VERDICT_STYLE: Record<Verdict, string> = {
  agrees: "background:#dbeafe;color:#08306b",
  contrasts: "background:#fde2cf;color:#7f2704",
  open: "background:#eeeeee;color:#333333",
  "not comparable": "background:#ffffff;color:#595959;border:1px dashed #8c8c8c",
  depends: "background:#fff7d6;color:#5c4400;border:1px dotted #8a6d00",
};

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

/** What the verdict rests on, as a short marker: "determined", "50 reconstructions: 52–60 %", "your data". */
export function evidenceMarker(r: BaseResult): string {
  const e = r.ensemble;
  if (e.evidence.kind === "your-data") return "your data";
  if (e.evidence.kind === "determined") return `determined (same in all ${e.draws} reconstructions)`;
  return e.verdict === "depends" ? `rests on the reconstruction (${e.k} of ${e.draws} ${e.modal})` : `holds in ${e.k} of ${e.draws} reconstructions`;
}

function cell(document: Document, tag: "td" | "th", content: string | Node, style = ""): HTMLElement {
  const el = document.createElement(tag);
  if (typeof content === "string") el.textContent = content;
  else el.appendChild(content);
  el.setAttribute("style", `text-align:left;vertical-align:top;padding:0.35em 0.5em;border-bottom:1px solid #e5e5e5;${style}`);
  return el;
}

function div(document: Document, text: string, style = ""): HTMLElement {
  const el = document.createElement("div");
  el.textContent = text;
  if (style) el.setAttribute("style", style);
  return el;
}

/** A verdict badge: the verdict word, or "depends on the reconstruction (…)" with the split. */
export function verdictBadge(document: Document, result: Pick<BaseResult, "verdict" | "ensemble">): HTMLElement {
  const span = document.createElement("span");
  span.className = "verdict";
  span.dataset.verdict = result.verdict;
  span.textContent = verdictLabel(result.ensemble);
  span.setAttribute("style", `${VERDICT_STYLE[result.verdict]};padding:0.1em 0.45em;border-radius:3px;font-weight:600;display:inline-block`);
  return span;
}

function headerRow(document: Document, labels: string[]): HTMLElement {
  const thead = document.createElement("thead");
  const tr = document.createElement("tr");
  for (const label of labels) tr.appendChild(cell(document, "th", label, "border-bottom:2px solid #222222"));
  thead.appendChild(tr);
  return thead;
}

function findingCell(document: Document, r: ComparisonResult): HTMLElement {
  const wrap = document.createElement("div");
  const strong = document.createElement("strong");
  strong.textContent = r.comparison.title;
  wrap.append(strong, div(document, r.comparison.finding));
  return cell(document, "td", wrap);
}

function quoteCell(document: Document, r: ComparisonResult): HTMLElement {
  const wrap = document.createElement("div");
  if (!r.thesis) wrap.textContent = "–";
  for (const c of r.thesis?.citations ?? []) {
    const q = div(document, `${c.source ? `${c.source}: ` : ""}«${c.quote}» (${formatLines(c.lines)})`, "font-style:italic;margin-bottom:0.25em");
    q.className = "citation";
    if (c.caseId) q.dataset.case = c.caseId;
    wrap.appendChild(q);
  }
  return cell(document, "td", wrap, "max-width:24em;font-size:0.9em");
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
  const why = div(document, criterion(r), "margin-top:0.3em;font-size:0.85em;color:#4d4d4d");
  why.className = "criterion";
  wrap.append(div(document, r.comparison.surveyMeasure), why);
  return cell(document, "td", wrap, "max-width:20em");
}

function numbersCell(document: Document, r: ComparisonResult): HTMLElement {
  const wrap = document.createElement("div");
  const report = r.reportBase;
  const differs = report !== undefined && report.verdict !== r.verdict;
  wrap.appendChild(div(document, `${differs ? "Answered base: " : ""}${formatNumbers(r.numbers)}`));
  if (report && differs) {
    const line = div(document, `Report's base (Tabell ${report.table}, "vet ikke" kept in): ${formatNumbers(report.numbers)}`, "margin-top:0.3em");
    line.className = "report-base";
    wrap.appendChild(line);
  }
  const marker = div(document, evidenceMarker(r), "margin-top:0.3em;font-size:0.85em;color:#4d4d4d");
  marker.className = "evidence";
  marker.dataset.evidence = r.ensemble.evidence.kind;
  wrap.appendChild(marker);
  return cell(document, "td", wrap);
}

function resultCell(document: Document, r: ComparisonResult): HTMLElement {
  const wrap = document.createElement("div");
  const report = r.reportBase;
  if (report && report.verdict !== r.verdict) {
    wrap.append(div(document, "Answered base:", "font-size:0.85em"), verdictBadge(document, r), div(document, `Report's base (Tabell ${report.table}):`, "font-size:0.85em;margin-top:0.2em"));
    const second = verdictBadge(document, report);
    second.classList.add("report-verdict");
    wrap.appendChild(second);
  } else {
    wrap.appendChild(verdictBadge(document, r));
  }
  wrap.appendChild(div(document, r.explanation, "margin-top:0.3em"));
  if (report && report.verdict !== r.verdict) wrap.appendChild(div(document, `On the report's base: ${report.explanation}`, "margin-top:0.3em"));
  if (r.audit) {
    const details = document.createElement("details");
    const summary = document.createElement("summary");
    summary.textContent = "audit";
    const code = document.createElement("code");
    code.setAttribute("style", "font-size:0.8em;white-space:normal");
    code.textContent = r.audit;
    details.append(summary, code);
    wrap.appendChild(details);
  }
  return cell(document, "td", wrap, "max-width:28em");
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

/** The crosswalk table: finding, quotes, survey measure and criterion, numbers, verdict (with explanation and audit). */
export function renderCrosswalkTable(document: Document, evaluation: CrosswalkEvaluation, caption?: string): HTMLElement {
  const table = document.createElement("table");
  table.className = "crosswalk";
  table.setAttribute("style", "border-collapse:collapse;font-size:0.9em;width:100%");
  if (caption) {
    const cap = document.createElement("caption");
    cap.setAttribute("style", "text-align:left;font-weight:600;padding-bottom:0.4em");
    cap.textContent = caption;
    table.appendChild(cap);
  }
  table.appendChild(headerRow(document, ["Thesis finding", "Thesis words", "Survey measure and criterion", "Numbers", "Verdict"]));
  const tbody = document.createElement("tbody");
  for (const r of evaluation.results) {
    const tr = document.createElement("tr");
    tr.dataset.id = r.id;
    tr.dataset.verdict = r.verdict;
    tr.dataset.evidence = r.ensemble.evidence.kind;
    if (r.reportBase) tr.dataset.reportVerdict = r.reportBase.verdict;
    tr.append(findingCell(document, r), quoteCell(document, r), measureCell(document, r), numbersCell(document, r), resultCell(document, r));
    tbody.appendChild(tr);
  }
  table.appendChild(tbody);
  const foot = div(document, methodNote(evaluation), "font-size:0.85em;color:#595959");
  foot.className = "crosswalk-method";
  const wrap = document.createElement("div");
  wrap.setAttribute("style", "overflow-x:auto");
  wrap.append(table, foot);
  return wrap;
}

/** The what-if table: each comparison under two filter states, the difference, its test, and flips. */
export function renderDiffTable(document: Document, diffs: readonly ComparisonDiff[]): HTMLElement {
  const table = document.createElement("table");
  table.className = "crosswalk-diff";
  table.setAttribute("style", "border-collapse:collapse;font-size:0.9em;width:100%");
  const [la, lb] = diffs[0]?.labels ?? ["A", "B"];
  table.appendChild(headerRow(document, ["Comparison", la, lb, "Difference and test", "Verdict"]));
  const tbody = document.createElement("tbody");
  for (const d of diffs) {
    const tr = document.createElement("tr");
    tr.dataset.id = d.id;
    tr.dataset.flips = String(d.flips);
    tr.dataset.difference = d.finding;
    const side = (r: ComparisonResult): HTMLElement => {
      const wrap = document.createElement("div");
      wrap.append(verdictBadge(document, r), document.createTextNode(` ${formatNumbers(r.numbers)}`));
      return cell(document, "td", wrap);
    };
    const isR = d.method === "Fisher z";
    const value = d.difference === null ? "" : `${isR ? d.difference.toFixed(2) : `${(100 * d.difference).toFixed(0)} points`}; `;
    const across = d.significantIn.m > 1 ? `; significant in ${d.significantIn.k} of ${d.significantIn.m} reconstructions (${d.finding})` : "";
    const flip = d.flips ? "flips" : d.a.verdict === d.b.verdict ? "same" : "differs, not a finding";
    tr.append(cell(document, "td", d.comparison.title), side(d.a), side(d.b), cell(document, "td", `${value}${d.test}${across}`), cell(document, "td", flip, d.flips ? "font-weight:700;color:#7f2704" : ""));
    tbody.appendChild(tr);
  }
  table.appendChild(tbody);
  const wrap = document.createElement("div");
  wrap.setAttribute("style", "overflow-x:auto");
  wrap.appendChild(table);
  return wrap;
}
