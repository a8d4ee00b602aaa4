/**
 * The four cases' scorecards side by side: what the model is called, one card per service area or
 * one shared card, the perspectives, the levels of the scorecard (Tabell 13: perspectives →
 * success factors → indicators → thresholds), the indicators and the threshold style. Every entry
 * carries its thesis quote and seed lines as a tooltip and a numbered footnote, so the reader can
 * check each claim against the thesis.
 *
 * Plain DOM (no Lit) so it runs under linkedom in the headless runner as well as in the browser.
 * The filter bar can highlight the cases that match it: the thesis's small cases (A, D) for size
 * classes 1–3, the large (B, C) for 4–6.
 */
import type { CaseId, Cited, ThesisCase, ThesisData } from "../../data/thesis";
import { CASE_IDS } from "../../data/thesis";
import type { SurveyFilter } from "../../data/survey-filter";
import { formatLines } from "./crosswalk-thesis";
import { DEFAULT_LOCALE, messages, type Locale, type Messages } from "../../base/locale/locale";

/** SSB size classes the thesis's "small" and "large" correspond to (below / from 15 000 inhabitants). */
export const THESIS_SIZE_CLASSES: Record<"small" | "large", number[]> = { small: [1, 2, 3], large: [4, 5, 6] };

/**
 * The cases whose size matches the filter's size classes: all four when no size class is chosen,
 * otherwise those whose size ("small"/"large") overlaps the chosen classes.
 */
export function casesForFilter(thesis: ThesisData, filter: Pick<SurveyFilter, "sizeClass">): CaseId[] {
  if (filter.sizeClass.length === 0) return thesis.cases.map((c) => c.id);
  return thesis.cases.filter((c) => THESIS_SIZE_CLASSES[c.size.value].some((k) => filter.sizeClass.includes(k))).map((c) => c.id);
}


export interface CaseCardsOptions {
  /** Cases to emphasise (the others are dimmed); default all. */
  highlight?: readonly CaseId[];
  /** Prefix for footnote ids, so two renderings on one page do not clash. */
  idPrefix?: string;
  /** The language of the labels (default norsk); the thesis's own words stay as written. */
  locale?: Locale;
}

interface Footnotes {
  add(c: Cited<unknown>, caseId: CaseId, what: string): HTMLElement;
  list: HTMLElement;
}

function footnotes(document: Document, prefix: string, words: Messages, locale: Locale): Footnotes {
  const list = document.createElement("ol");
  list.className = "case-card-notes";
  list.setAttribute("style", "font-size:0.8em;color:var(--muted, #595959);margin:0.75em 0 0;padding-left:1.6em");
  let k = 0;
  return {
    list,
    add(c, caseId, what) {
      k++;
      const id = `${prefix}-fn-${k}`;
      const li = document.createElement("li");
      li.id = id;
      li.textContent = `${caseId} · ${what}: «${c.quote}» (${words.cardThesisLines(formatLines(c.lines, locale))})`;
      list.appendChild(li);
      const sup = document.createElement("sup");
      const a = document.createElement("a");
      a.setAttribute("href", `#${id}`);
      a.textContent = String(k);
      sup.appendChild(a);
      return sup;
    },
  };
}

function entry(document: Document, notes: Footnotes, c: ThesisCase, what: string, cited: Cited<unknown>, content: Node, words: Messages, locale: Locale): HTMLElement[] {
  const dt = document.createElement("dt");
  dt.textContent = what;
  dt.setAttribute("style", "font-weight:600;margin-top:0.5em");
  const dd = document.createElement("dd");
  dd.setAttribute("style", "margin:0");
  dd.setAttribute("title", `«${cited.quote}» — ${words.cardThesisLines(formatLines(cited.lines, locale))}`);
  dd.dataset.lines = `${cited.lines[0]}-${cited.lines[1]}`;
  dd.appendChild(content);
  dd.appendChild(notes.add(cited, c.id, what));
  return [dt, dd];
}

function text(document: Document, value: string): Node {
  return document.createTextNode(value);
}

function list(document: Document, items: readonly string[], ordered: boolean): HTMLElement {
  const el = document.createElement(ordered ? "ol" : "ul");
  el.setAttribute("style", "margin:0.2em 0;padding-left:1.3em");
  for (const item of items) {
    const li = document.createElement("li");
    li.textContent = item;
    el.appendChild(li);
  }
  return el;
}

/** One card. */
function card(document: Document, notes: Footnotes, c: ThesisCase, highlighted: boolean, words: Messages, locale: Locale): HTMLElement {
  const article = document.createElement("article");
  article.className = "case-card";
  article.dataset.case = c.id;
  article.dataset.size = c.size.value;
  article.dataset.highlighted = String(highlighted);
  article.setAttribute("style", `border:${highlighted ? "2px solid #2f7dbb" : "1px solid #d4d4d4"};border-radius:6px;padding:0.75em;opacity:${highlighted ? 1 : 0.45}`);
  const h = document.createElement("h4");
  h.setAttribute("style", "margin:0 0 0.25em");
  h.textContent = `Kommune ${c.id}`;
  const sub = document.createElement("p");
  sub.setAttribute("style", "margin:0;color:var(--muted, #595959)");
  sub.textContent = words.cardSub(c.size.value, String(c.introduced.value), c.use.value === "steering");
  const dl = document.createElement("dl");
  dl.setAttribute("style", "margin:0.5em 0 0");
  const label = words.cardLabels;
  const rows: [string, Cited<unknown>, Node][] = [
    [label.model, c.modelName, text(document, c.modelName.value)],
    [label.scope, c.cardScope, text(document, words.cardScope(c.cardScope.value))],
    [label.perspectives, c.perspectives, list(document, c.perspectives.value, false)],
    [label.levels, c.structure, list(document, c.structure.value, true)],
    [label.indicators, c.indicators, list(document, c.indicators.value, false)],
    [label.thresholds, c.thresholds, text(document, words.cardThreshold(c.thresholds.value))],
  ];
  for (const [what, cited, content] of rows) for (const el of entry(document, notes, c, what, cited, content, words, locale)) dl.appendChild(el);
  article.append(h, sub, dl);
  return article;
}

/** The four cards side by side, with their footnotes below. */
export function caseCards(document: Document, thesis: ThesisData, options: CaseCardsOptions = {}): HTMLElement {
  const highlight = new Set(options.highlight ?? CASE_IDS);
  const locale = options.locale ?? DEFAULT_LOCALE;
  const words = messages[locale];
  const notes = footnotes(document, options.idPrefix ?? "case-cards", words, locale);
  const root = document.createElement("section");
  root.className = "case-cards";
  root.dataset.highlight = [...highlight].sort().join(",");
  const grid = document.createElement("div");
  grid.setAttribute("style", "display:grid;grid-template-columns:repeat(auto-fit,minmax(11em,1fr));gap:0.75em;font-size:0.9em");
  for (const id of CASE_IDS) {
    const c = thesis.cases.find((k) => k.id === id);
    if (c) grid.appendChild(card(document, notes, c, highlight.has(id), words, locale));
  }
  const caption = document.createElement("p");
  caption.setAttribute("style", "margin:0.5em 0 0;color:var(--muted, #595959);font-size:0.85em");
  const shown = CASE_IDS.filter((id) => highlight.has(id));
  caption.textContent = shown.length === CASE_IDS.length ? words.cardsAll : words.cardsHighlighted(shown.map((id) => `Kommune ${id}`).join(", "));
  root.append(grid, caption, notes.list);
  return root;
}
