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
import { pctRange } from "./crosswalk-format";
import { DEFAULT_LOCALE, formatNumber, formatPercent, messages, type Locale } from "../../base/locale/locale";
import { percentUnit } from "../tables/table-dom";
import { formatLines } from "./crosswalk-thesis";
import { FINDING_SHARE } from "../evidence/evidence";
import { crosswalkShown, type CrosswalkShown } from "./crosswalk-shown";
import { fillOnOpen, markInPlace } from "../tables/in-place";
import { appendWithBreaks, JOINT_CSS } from "../tables/break-opportunities";

/**
 * The width of a crosswalk table's box (in the box's em: 825 px at the frame's 15 px) below which
 * its rows are stacked cards: the least at which every column holds the longest word of the shipped
 * crosswalk in both languages, measured in Chromium's default sans-serif (one of the widest), with
 * 5–6% to spare in the tightest columns (the numbers' "rekonstruksjonene)" and a verdict's "rekonstruksjoner)").
 */
export const CROSSWALK_STACK_BELOW = "55em";

/**
 * The tables' styles, once per table: badge colours per verdict (colour-blind safe pairs; the word
 * is always shown too), and where the table's box is narrower than {@link CROSSWALK_STACK_BELOW}
 * every row becomes a stacked card whose cells carry their column name. That width is the table's
 * own (a container query on `.cw-wrap`), not the window's: the sidebar, full width and an exported
 * report give the table different room in the same window. Below it, five columns cannot hold the
 * longest words (norsk: "informasjonsprosessering»" in a quote, "rekonstruksjonene)" under the
 * numbers, "indicators/standards" in a measure), and the browser broke them mid-word. Wider, the
 * columns have fixed shares of the width (`table-layout: fixed`, one `<col>` each), set once and not
 * from the cells: under a new filter nearly every row's numbers and verdict change, and an auto-laid
 * table measured every cell again and moved its columns (06 mid-page, the frame after a change was
 * mostly that layout; issue 12). The shares follow each column's longest word, so that at the
 * stacking width every column holds its longest word with a few percent to spare; a word longer
 * than any shipped one (a user's own crosswalk) still wraps inside its column rather than overflow.
 * The container takes no width from its table: in a box sized from its content (a notebook's own
 * inline-block) it is 24em wide, as stacked cards, not 0 px.
 *
 * What changes with the filter in a row (its numbers and verdict, `.cw-live`) is skipped by the
 * browser while far off screen (`content-visibility: auto`), as whole cells are (workbench.css):
 * 06's crosswalk is 11,000 px tall and 2–3 of its 23 rows are in view, but every row's new words
 * were laid out after each change. The words are in the page at once (tests, exports, find in
 * page, screen readers); a row is laid out when the reader nears it, at the size it last had
 * (`auto`), or a typical one before it was ever shown — the row's height is mostly its other
 * cells'. This needs the fixed columns: a skipped box has no width of its own to give a column.
 * The box reaches into the cell's padding, so a focus ring inside it is not cut by the skipping's
 * clip. Text and rules
 * take the page's theme variables where the page has them (the notebook's frame, dark or light),
 * with the light colours as fallback where it does not (an exported report, a bare page).
 */
export const CROSSWALK_CSS = `
.cw-wrap { overflow-x: auto; container-type: inline-size; width: 100%; contain-intrinsic-inline-size: 24em; }
.cw-table { border-collapse: collapse; font-size: 0.9em; width: 100%; table-layout: fixed; }
.cw-table caption { text-align: left; font-weight: 600; padding-bottom: 0.4em; }
.cw-table th, .cw-table td { text-align: left; vertical-align: top; padding: 0.35em 0.5em; border-bottom: 1px solid var(--line, #e5e5e5); overflow-wrap: break-word; }
.cw-table col.cw-c-finding { width: 20%; }
.cw-table col.cw-c-words { width: 23%; }
.cw-table col.cw-c-measure { width: 20%; }
.cw-table col.cw-c-numbers { width: 16%; }
.cw-table col.cw-c-verdict { width: 21%; }
.cw-live { content-visibility: auto; contain-intrinsic-block-size: auto 7em; margin: -0.3em; padding: 0.3em; }
.cw-result > .cw-live { contain-intrinsic-block-size: auto 24em; }
.cw-table col.cw-c-comparison { width: 18%; }
.cw-table col.cw-c-side { width: 23%; }
.cw-table col.cw-c-difference { width: 23%; }
.cw-table col.cw-c-flip { width: 13%; }
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
.cw-table .verdict { overflow-wrap: anywhere; }
.verdict[data-verdict="agrees"] { background: #dbeafe; color: #08306b; }
.verdict[data-verdict="contrasts"] { background: #fde2cf; color: #7f2704; }
.verdict[data-verdict="open"] { background: #eeeeee; color: #333333; }
.verdict[data-verdict="not comparable"] { background: #ffffff; color: #595959; border: 1px dashed #8c8c8c; }
.verdict[data-verdict="depends"] { background: #fff7d6; color: #5c4400; border: 1px dotted #8a6d00; }
${JOINT_CSS}
@container (max-width: ${CROSSWALK_STACK_BELOW}) {
  .cw-table thead, .cw-table colgroup { display: none; }
  .cw-table caption { display: block; }
  .cw-live { contain-intrinsic-block-size: auto 5em; margin: -0.3em 0; padding: 0.3em 0; overflow-clip-margin: 0.3em; }
  .cw-result > .cw-live { contain-intrinsic-block-size: auto 15em; }
  .cw-table, .cw-table tbody, .cw-table tr, .cw-table td { display: block; max-width: none; }
  .cw-table tr { border-bottom: 2px solid var(--ink, #222222); padding: 0.4em 0; }
  .cw-table td { border-bottom: none; padding: 0.2em 0; }
  .cw-table td::before { content: attr(data-label); display: block; font-size: 0.75em; text-transform: uppercase; letter-spacing: 0.04em; color: var(--muted, #595959); }
}
`;

/** A share (0–1) as a percent in `locale`: "64,3 %" / "64.3%"; "–" when undefined. */
function pct(x: number | null, locale: Locale, digits = 0): string {
  return x === null ? "–" : formatPercent(locale, 100 * x, digits);
}

/** An interval of shares with the decimals its threshold needs (crosswalk-format.ts), in `locale`'s decimal mark. */
function pctInterval(interval: Parameters<typeof pctRange>[0], threshold: number | null, locale: Locale): string {
  const text = pctRange(interval, threshold);
  return locale === "en" ? text.replace(" %", "%") : text.replace(/\./g, ",");
}

/** The numbers of a result in a few words, e.g. "64,3 % (95 % KI 57,7–70,5 %) av 213; terskel 50 %". */
export function formatNumbers(numbers: ComparisonNumbers | null, locale: Locale = DEFAULT_LOCALE): string {
  if (!numbers) return "–";
  const words = messages[locale];
  const count = (n: number): string => formatNumber(locale, n);
  switch (numbers.kind) {
    case "share":
    case "diffusion":
      return words.cwShareNumbers(pct(numbers.share, locale, 1), numbers.interval ? pctInterval(numbers.interval, numbers.threshold, locale) : undefined, count(numbers.n), pct(numbers.threshold, locale));
    case "groups":
      return words.cwGroupNumbers(pct(numbers.a.share, locale, 1), count(numbers.a.n), pct(numbers.b.share, locale, 1), count(numbers.b.n), words.cwMethodName(numbers.method));
    case "size-trend":
      return `${numbers.classes.filter((k) => k.n > 0).map((k) => `${k.sizeClass}: ${pct(k.share, locale)}`).join(" · ")} (N = ${count(numbers.n)})`;
    case "correlation":
      return numbers.r === null ? words.cwRUndefined(count(numbers.n)) : `r = ${formatNumber(locale, numbers.r, 2)}, n = ${count(numbers.n)}`;
  }
}

/** The crosswalk table's columns in `locale` (also each cell's label when rows stack on a narrow page). */
function columns(locale: Locale): [string, string, string, string, string] {
  const c = messages[locale].cwColumns;
  return [c.finding, c.words, c.measure, c.numbers, c.verdict];
}

/** What the verdict rests on, in words: "determined (same in all 50 reconstructions)", "holds in 49 of 50 reconstructions", "your data". */
export function evidenceText(r: BaseResult, locale: Locale = DEFAULT_LOCALE): string {
  const e = r.ensemble;
  const words = messages[locale];
  if (e.evidence.kind === "your-data") return words.cwEvidenceYourData;
  if (e.evidence.kind === "determined") return words.cwEvidenceDetermined(e.draws);
  return e.verdict === "depends" ? words.cwEvidenceRests(e.k, e.draws, e.modal) : words.cwEvidenceHolds(e.k, e.draws);
}

/**
 * `text` into `el` with its break opportunities: after a "/" inside a long word, and between the
 * parts of a long Norwegian compound, hyphenated (tables/break-opportunities.ts, `JOINT_CSS` in
 * CROSSWALK_CSS). The norsk crosswalk's "kvalitetsforbedringsarbeidet" is wider than any column.
 */
function appendText(document: Document, el: HTMLElement, text: string): void {
  appendWithBreaks(document, el, text, { joints: true });
}

function cell(document: Document, tag: "td" | "th", content: string | Node, className = "", label = ""): HTMLElement {
  const el = document.createElement(tag);
  if (typeof content === "string") appendText(document, el, content);
  else el.appendChild(content);
  if (className) el.className = className;
  if (label) el.dataset.label = label;
  return el;
}

function div(document: Document, text: string, className = ""): HTMLElement {
  const el = document.createElement("div");
  appendText(document, el, text);
  if (className) el.className = className;
  return el;
}

/**
 * A table in its scrolling wrapper with the styles. Marked for update in place (tables/in-place.ts):
 * 06 redraws both crosswalk tables on every filter change, most of their cells read the same, and
 * replacing them restyled and laid out every row (and the `<style>`) again.
 */
function wrapped(document: Document, table: HTMLElement, ...after: HTMLElement[]): HTMLElement {
  const style = document.createElement("style");
  style.textContent = CROSSWALK_CSS;
  const wrap = document.createElement("div");
  wrap.className = "cw-wrap";
  wrap.append(style, table, ...after);
  return markInPlace(wrap);
}

/** A verdict badge: the verdict word, or "depends on the reconstruction (…)" with the split. */
export function verdictBadge(document: Document, result: Pick<BaseResult, "verdict" | "ensemble">, locale: Locale = DEFAULT_LOCALE): HTMLElement {
  const span = document.createElement("span");
  span.className = "verdict";
  span.dataset.verdict = result.verdict;
  span.textContent = verdictLabel(result.ensemble, locale);
  return span;
}

/** The columns' classes, in order: their widths are the stylesheet's (CROSSWALK_CSS), never the cells'. */
function colgroup(document: Document, classes: readonly string[]): HTMLElement {
  const group = document.createElement("colgroup");
  for (const name of classes) {
    const col = document.createElement("col");
    col.className = name;
    group.appendChild(col);
  }
  return group;
}

function headerRow(document: Document, labels: string[]): HTMLElement {
  const thead = document.createElement("thead");
  const tr = document.createElement("tr");
  for (const label of labels) tr.appendChild(cell(document, "th", label));
  thead.appendChild(tr);
  return thead;
}

function findingCell(document: Document, r: ComparisonResult, locale: Locale): HTMLElement {
  const wrap = document.createElement("div");
  const strong = document.createElement("strong");
  appendText(document, strong, r.comparison.title);
  wrap.append(strong, div(document, r.comparison.finding));
  return cell(document, "td", wrap, "", columns(locale)[0]);
}

function quoteCell(document: Document, r: ComparisonResult, locale: Locale): HTMLElement {
  const wrap = document.createElement("div");
  if (!r.thesis) wrap.textContent = "–";
  for (const c of r.thesis?.citations ?? []) {
    const q = div(document, `${c.source ? `${messages[locale].cwQuoteSource(c.source)}: ` : ""}«${c.quote}» (${formatLines(c.lines, locale)})`, "cw-quote citation");
    if (c.caseId) q.dataset.case = c.caseId;
    wrap.appendChild(q);
  }
  return cell(document, "td", wrap, "cw-quotes", columns(locale)[1]);
}

/**
 * The criterion a comparison is judged by and why: the threshold for shares, the direction for
 * tests. The words around it are in `locale`; the reason is the crosswalk's own (crosswalk-spec.ts).
 */
export function criterion(r: ComparisonResult, locale: Locale = DEFAULT_LOCALE): string {
  const m = r.comparison.measure;
  const words = messages[locale];
  switch (m.kind) {
    case "share": return `${words.cwCriterion("share", m.expect, pct(m.threshold.value, locale))} ${m.threshold.why}`;
    case "diffusion": return `${words.cwCriterion("diffusion", m.expect, "")} ${m.why}`;
    default: return `${words.cwCriterion(m.kind, m.expect, "")} ${r.comparison.rationale}`;
  }
}

function measureCell(document: Document, r: ComparisonResult, locale: Locale): HTMLElement {
  const wrap = document.createElement("div");
  wrap.append(div(document, r.comparison.surveyMeasure), div(document, criterion(r, locale), "cw-small criterion"));
  return cell(document, "td", wrap, "cw-measure", columns(locale)[2]);
}

/** The marker of the result's key figure (P/D/R/Y, with its range across the draws), as every table shows it. */
function marker(document: Document, r: BaseResult, locale: Locale): HTMLElement {
  const key = keyFigure(r.numbers);
  return evidenceMarker(document, r.ensemble.evidence, locale, (v) => formatNumber(locale, key.percent ? 100 * v : v, key.percent ? 1 : 2), key.percent ? percentUnit(locale) : "");
}

/**
 * The box of a cell whose words follow the filter (numbers, verdict): off screen, the browser skips
 * laying it out (CROSSWALK_CSS, `.cw-live`) until the reader scrolls near.
 */
function liveBox(document: Document): HTMLElement {
  const box = document.createElement("div");
  box.className = "cw-live";
  return box;
}

function numbersCell(document: Document, r: ComparisonResult, shown: CrosswalkShown, locale: Locale): HTMLElement {
  const words = messages[locale];
  const wrap = liveBox(document);
  const report = r.reportBase;
  const differs = report !== undefined && report.verdict !== r.verdict;
  // A comparison that hides a count shows no marker: the key figure's range of a determined share is the share.
  const hides = shown.hides(r);
  const answered = div(document, `${differs ? `${words.cwAnsweredBase}: ` : ""}${shown.numbers(r) ?? ""} `, evidenceClass(r.ensemble.evidence.kind));
  if (!hides) answered.appendChild(marker(document, r, locale));
  wrap.appendChild(answered);
  if (report && differs) {
    const line = div(document, `${words.cwReportBaseKept(report.table)}: ${shown.numbers(r, "report") ?? ""} `, `cw-line report-base ${evidenceClass(report.ensemble.evidence.kind)}`);
    if (!hides) line.appendChild(marker(document, report, locale));
    wrap.appendChild(line);
  }
  const note = div(document, evidenceText(r, locale), "cw-small evidence");
  note.dataset.evidence = r.ensemble.evidence.kind;
  wrap.appendChild(note);
  return cell(document, "td", wrap, "", columns(locale)[3]);
}

function resultCell(document: Document, r: ComparisonResult, shown: CrosswalkShown, locale: Locale): HTMLElement {
  const wrap = liveBox(document);
  const words = messages[locale];
  const report = r.reportBase;
  if (report && report.verdict !== r.verdict) {
    wrap.append(div(document, `${words.cwAnsweredBase}:`, "cw-small"), verdictBadge(document, r, locale), div(document, words.cwReportBase(report.table), "cw-small"));
    const second = verdictBadge(document, report, locale);
    second.classList.add("report-verdict");
    wrap.appendChild(second);
  } else {
    wrap.appendChild(verdictBadge(document, r, locale));
  }
  wrap.appendChild(div(document, shown.explanation(r) ?? "", "cw-line"));
  if (report && report.verdict !== r.verdict) wrap.appendChild(div(document, `${words.cwOnReportBase}: ${shown.explanation(r, "report") ?? ""}`, "cw-line"));
  if (r.numbers !== null) {
    // The audit line asks the statistics kernels again: it is written when the reader opens it.
    const details = document.createElement("details");
    const summary = document.createElement("summary");
    summary.textContent = words.cwAudit;
    const code = document.createElement("code");
    code.className = "cw-audit";
    details.append(summary, code);
    // Written when opened (in-place.ts): a table updated in place keeps this details for a newer drawing, whose audit it is then given.
    fillOnOpen(details, () => shown.audit(r));
    wrap.appendChild(details);
  }
  // A verdict that depends on the reconstruction rests on it: the dimming toggle greys it out.
  return cell(document, "td", wrap, `cw-result${r.verdict === "depends" ? ` ${evidenceClass("reconstruction")}` : ""}`, columns(locale)[4]);
}

/** How the verdicts are reached, in words: the page's method note under the table. */
export function methodNote(evaluation: CrosswalkEvaluation, locale: Locale = DEFAULT_LOCALE): string {
  const t = evaluation.tally;
  return messages[locale].cwMethodNote({
    agrees: t.agrees, contrasts: t.contrasts, open: t.open, notComparable: t["not comparable"], depends: t.depends,
    ensemble: evaluation.basis === "ensemble", draws: evaluation.draws, share: Math.round(100 * FINDING_SHARE), least: Math.ceil(FINDING_SHARE * evaluation.draws), tested: evaluation.tested,
  });
}

/** Options of the crosswalk tables. */
export interface CrosswalkTableOptions {
  /** Mask counts of 1–2 and what gives them back (a shared view of a county or size-class filter). */
  mask?: boolean;
  /** The language of headers, labels, verdicts and numbers (default norsk). */
  locale?: Locale;
}

/** The crosswalk table: finding, quotes, survey measure and criterion, numbers, verdict (with explanation and audit). */
export function renderCrosswalkTable(document: Document, evaluation: CrosswalkEvaluation, caption?: string, options: CrosswalkTableOptions = {}): HTMLElement {
  const locale = options.locale ?? DEFAULT_LOCALE;
  const shown = crosswalkShown(evaluation.results, options.mask === true, (n) => formatNumbers(n, locale), locale);
  const table = document.createElement("table");
  table.className = "crosswalk cw-table";
  if (caption) {
    const cap = document.createElement("caption");
    cap.textContent = shown.text(caption);
    table.appendChild(cap);
  }
  table.append(colgroup(document, ["cw-c-finding", "cw-c-words", "cw-c-measure", "cw-c-numbers", "cw-c-verdict"]), headerRow(document, columns(locale)));
  const tbody = document.createElement("tbody");
  for (const r of evaluation.results) {
    const tr = document.createElement("tr");
    tr.dataset.id = r.id;
    tr.dataset.verdict = r.verdict;
    tr.dataset.evidence = r.ensemble.evidence.kind;
    if (r.reportBase) tr.dataset.reportVerdict = r.reportBase.verdict;
    tr.append(findingCell(document, r, locale), quoteCell(document, r, locale), measureCell(document, r, locale), numbersCell(document, r, shown, locale), resultCell(document, r, shown, locale));
    tbody.appendChild(tr);
  }
  table.appendChild(tbody);
  const kinds = evaluation.results.flatMap((r) => [r.ensemble.evidence.kind, ...(r.reportBase ? [r.reportBase.ensemble.evidence.kind] : [])]);
  const notes = shown.note().map((text) => div(document, text, "cw-note tv-disclosure-note"));
  return wrapped(document, table, evidenceLegend(document, kinds, evaluation.basis === "ensemble" ? evaluation.draws : 0, locale), div(document, methodNote(evaluation, locale), "cw-note crosswalk-method"), ...notes);
}

/** The what-if table: each comparison under two filter states, the difference, its test, and flips. */
export function renderDiffTable(document: Document, diffs: readonly ComparisonDiff[], options: CrosswalkTableOptions = {}): HTMLElement {
  const locale = options.locale ?? DEFAULT_LOCALE;
  const words = messages[locale];
  const format = (n: ComparisonNumbers | null): string => formatNumbers(n, locale);
  const shownA = crosswalkShown(diffs.map((d) => d.a), options.mask === true, format, locale);
  const shownB = crosswalkShown(diffs.map((d) => d.b), options.mask === true, format, locale);
  const table = document.createElement("table");
  table.className = "crosswalk-diff cw-table";
  const [la = "A", lb = "B"] = diffs[0]?.labels ?? [];
  const labels = [words.cwDiffColumns.comparison, la, lb, words.cwDiffColumns.difference, words.cwDiffColumns.verdict];
  table.append(colgroup(document, ["cw-c-comparison", "cw-c-side", "cw-c-side", "cw-c-difference", "cw-c-flip"]), headerRow(document, labels));
  const tbody = document.createElement("tbody");
  for (const d of diffs) {
    const tr = document.createElement("tr");
    tr.dataset.id = d.id;
    tr.dataset.flips = String(d.flips);
    tr.dataset.difference = d.finding;
    const side = (r: ComparisonResult, label: string, shown: CrosswalkShown): HTMLElement => {
      const wrap = document.createElement("div");
      wrap.append(verdictBadge(document, r, locale), document.createTextNode(` ${shown.numbers(r) ?? ""}`));
      return cell(document, "td", wrap, "", label);
    };
    // A side that hides a count shows no share, so neither the difference nor its test (either gives it back).
    const hides = shownA.hides(d.a) || shownB.hides(d.b);
    const isR = d.method === "Fisher z";
    const value = d.difference === null || hides ? "" : `${isR ? formatNumber(locale, d.difference, 2) : words.cwPoints(formatNumber(locale, 100 * d.difference, 0))}; `;
    const across = d.significantIn.m > 1 ? words.cwSignificantIn(d.significantIn.k, d.significantIn.m, words.cwDiffFinding(d.finding)) : "";
    const test = hides ? `${words.cwTest} ${words.guardNotShown}` : d.test;
    const flip = words.cwFlip(d.flips ? "flips" : d.a.verdict === d.b.verdict ? "same" : "differs");
    const difference = cell(document, "td", value, "", labels[3]);
    difference.append(test, across);
    tr.append(cell(document, "td", d.comparison.title, "", labels[0]), side(d.a, la, shownA), side(d.b, lb, shownB), difference, cell(document, "td", flip, d.flips ? "cw-flip" : "", labels[4]));
    tbody.appendChild(tr);
  }
  table.appendChild(tbody);
  return wrapped(document, table, ...[...shownA.note(), ...shownB.note()].slice(0, 1).map((text) => div(document, text, "cw-note tv-disclosure-note")));
}
