/**
 * The crosswalk as HTML tables (plain DOM, no Lit, so it runs under linkedom too): one row per
 * comparison with the thesis finding and its quote, the survey measure, the numbers, the verdict
 * and the generated explanation, and the audit line in a disclosure. The what-if table shows the
 * same comparisons under two filter states with their difference, its test and a flip mark.
 */
import type { ComparisonNumbers, ComparisonResult, CrosswalkEvaluation, Verdict } from "./evaluate-crosswalk";
import { pct, pctRange } from "./evaluate-crosswalk";
import type { ComparisonDiff } from "./crosswalk-diff";
import { formatLines } from "./crosswalk-thesis";

/** Badge colours per verdict (colour-blind safe pairs; the word is always shown too). */
export const VERDICT_STYLE: Record<Verdict, string> = {
  agrees: "background:#dbeafe;color:#08306b",
  contrasts: "background:#fde2cf;color:#7f2704",
  open: "background:#eeeeee;color:#333333",
  "not comparable": "background:#ffffff;color:#595959;border:1px dashed #8c8c8c",
};

/** The numbers of a result in a few words, e.g. "64 % (58–70 %) of 213". */
export function formatNumbers(numbers: ComparisonNumbers | null): string {
  if (!numbers) return "–";
  switch (numbers.kind) {
    case "share":
    case "diffusion":
      return `${pct(numbers.share)}${numbers.interval ? ` (${pctRange(numbers.interval)})` : ""} of ${numbers.n}; threshold ${pct(numbers.threshold)}`;
    case "groups":
      return `${pct(numbers.a.share)} of ${numbers.a.n} vs ${pct(numbers.b.share)} of ${numbers.b.n}`;
    case "size-trend":
      return `${numbers.classes.filter((k) => k.n > 0).map((k) => `${k.sizeClass}: ${pct(k.share)}`).join(" · ")} (N = ${numbers.n})`;
    case "correlation":
      return numbers.r === null ? `r undefined (n = ${numbers.n})` : `r = ${numbers.r.toFixed(2)}, n = ${numbers.n}`;
  }
}

function cell(document: Document, tag: "td" | "th", content: string | Node, style = ""): HTMLElement {
  const el = document.createElement(tag);
  if (typeof content === "string") el.textContent = content;
  else el.appendChild(content);
  el.setAttribute("style", `text-align:left;vertical-align:top;padding:0.35em 0.5em;border-bottom:1px solid #e5e5e5;${style}`);
  return el;
}

/** A verdict badge. */
export function verdictBadge(document: Document, verdict: Verdict): HTMLElement {
  const span = document.createElement("span");
  span.className = "verdict";
  span.dataset.verdict = verdict;
  span.textContent = verdict;
  span.setAttribute("style", `${VERDICT_STYLE[verdict]};padding:0.1em 0.45em;border-radius:3px;white-space:nowrap;font-weight:600`);
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
  const div = document.createElement("div");
  const strong = document.createElement("strong");
  strong.textContent = r.comparison.title;
  const p = document.createElement("div");
  p.textContent = r.comparison.finding;
  div.append(strong, p);
  return cell(document, "td", div);
}

function quoteCell(document: Document, r: ComparisonResult): HTMLElement {
  const div = document.createElement("div");
  for (const c of r.thesis?.citations.slice(0, 2) ?? []) {
    const q = document.createElement("div");
    q.setAttribute("style", "font-style:italic;margin-bottom:0.25em");
    q.textContent = `${c.caseId ? `${c.caseId}: ` : ""}«${c.quote}» (${formatLines(c.lines)})`;
    div.appendChild(q);
  }
  const more = (r.thesis?.citations.length ?? 0) - 2;
  if (more > 0) div.appendChild(document.createTextNode(`+ ${more} more citation${more === 1 ? "" : "s"}`));
  if (!r.thesis) div.textContent = "–";
  return cell(document, "td", div, "max-width:22em;font-size:0.9em");
}

function resultCell(document: Document, r: ComparisonResult): HTMLElement {
  const div = document.createElement("div");
  div.appendChild(verdictBadge(document, r.verdict));
  const why = document.createElement("div");
  why.setAttribute("style", "margin-top:0.3em");
  why.textContent = r.explanation;
  div.appendChild(why);
  if (r.audit) {
    const details = document.createElement("details");
    const summary = document.createElement("summary");
    summary.textContent = "audit";
    const code = document.createElement("code");
    code.setAttribute("style", "font-size:0.8em;white-space:normal");
    code.textContent = r.audit;
    details.append(summary, code);
    div.appendChild(details);
  }
  return cell(document, "td", div, "max-width:26em");
}

/** The crosswalk table: finding, quote, survey measure, numbers, verdict (with explanation and audit). */
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
  table.appendChild(headerRow(document, ["Thesis finding", "Thesis words", "Survey measure", "Numbers", "Verdict"]));
  const tbody = document.createElement("tbody");
  for (const r of evaluation.results) {
    const tr = document.createElement("tr");
    tr.dataset.id = r.id;
    tr.dataset.verdict = r.verdict;
    tr.append(findingCell(document, r), quoteCell(document, r), cell(document, "td", r.comparison.surveyMeasure), cell(document, "td", formatNumbers(r.numbers)), resultCell(document, r));
    tbody.appendChild(tr);
  }
  table.appendChild(tbody);
  const t = evaluation.tally;
  const foot = document.createElement("p");
  foot.setAttribute("style", "font-size:0.85em;color:#595959");
  foot.textContent = `${t.agrees} agree, ${t.contrasts} contrast, ${t.open} open, ${t["not comparable"]} not comparable. Shares are judged by their 95 % Wilson interval, tests at p < .05; bases under 10 are not comparable.`;
  const wrap = document.createElement("div");
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
    const side = (r: ComparisonResult): HTMLElement => {
      const div = document.createElement("div");
      div.append(verdictBadge(document, r.verdict), document.createTextNode(` ${formatNumbers(r.numbers)}`));
      return cell(document, "td", div);
    };
    const isR = d.method === "Fisher z";
    const diffText = d.difference === null ? d.test : `${isR ? d.difference.toFixed(2) : `${(100 * d.difference).toFixed(0)} points`}; ${d.test}`;
    tr.append(cell(document, "td", d.comparison.title), side(d.a), side(d.b), cell(document, "td", diffText), cell(document, "td", d.flips ? "flips" : "same", d.flips ? "font-weight:700;color:#7f2704" : ""));
    tbody.appendChild(tr);
  }
  table.appendChild(tbody);
  return table;
}
