/**
 * The filter bar as an input element, in the convention of Observable Inputs: a form whose `value`
 * is the current SurveyFilter and which fires bubbling `input` events. A notebook binds it with
 * `const filter = view(surveyFilterInput(...))`, so every cell that reads `filter` (and only those)
 * recomputes when it moves. The document comes from the host, so this runs under linkedom too.
 */
import { countyName, LANDSDELER, SIZE_CLASSES } from "../data/counties";
import { DEFAULT_LOCALE, formatNumber, messages, type Locale, type Messages } from "../base/locale/locale";
import { EMPTY_FILTER, TOO_FEW_RESPONDENTS, type ModelLabel, type SurveyFilter } from "../data/survey-filter";
import { isModelStatusVariable, MODEL_STATUS_VARIABLES } from "../data/six-models";

export interface SurveyFilterInputOptions {
  /** The starting filter (from the URL or a share link). */
  value?: SurveyFilter;
  /** Respondents passing a filter, so the bar always shows the current N. */
  count?: (filter: SurveyFilter) => number;
  /** Total respondents, for "N = 57 of 267". */
  total?: number;
  /** Names of the six models (the codebook's labels); the variable names otherwise. */
  modelLabel?: ModelLabel;
  /** The language of its words and numbers (default "nb"). */
  locale?: Locale;
}

/** A form element with a typed `value`, and a way for a host that counts asynchronously to show N. */
export type SurveyFilterElement = HTMLFormElement & {
  value: SurveyFilter;
  /** Show "N = n of total" (with the empty / too-few warning); `shown` replaces the number (e.g. "< 3"). */
  showCount(n: number, total: number, shown?: string): void;
  /**
   * Name the "has adopted" choices by the codebook's labels once they are known. In place: what is
   * ticked, an open drop-down and the focus stay (a form built anew lost them, and whoever held
   * the old one held a detached form).
   */
  labelModels(modelLabel: ModelLabel): void;
};

/** "N = 57 of 267" ("N = 57 av 267"), with the warning an empty or too-small selection needs. */
export function countText(n: number, total: number | undefined, shown: string = String(n), locale: Locale = DEFAULT_LOCALE): string {
  const m = messages[locale];
  const warning = n === 0 ? m.filterNone : n < TOO_FEW_RESPONDENTS ? m.filterTooFew : "";
  return m.filterCount(shown, total === undefined ? undefined : formatNumber(locale, total)) + warning;
}

/** One tickable choice: a checkbox inside its label, drawn as a chip by the stylesheet. */
function chip(doc: Document, name: string, value: string, text: string, checked: boolean): HTMLLabelElement {
  const label = doc.createElement("label");
  label.className = "tv-chip";
  const box = doc.createElement("input");
  box.type = "checkbox";
  box.name = name;
  box.value = value;
  box.checked = checked;
  label.append(box, doc.createTextNode(` ${text}`));
  return label;
}

/**
 * One filter as a compact drop-down: a `<details>` whose summary says what is chosen ("Fylke:
 * Rogaland, Hordaland") and whose panel holds the choices. The bar stays one line high whatever is
 * ticked; the panel lies over the page below while open.
 */
function dropdown(doc: Document, group: string, legend: string): { details: HTMLDetailsElement; panel: HTMLFieldSetElement } {
  const details = doc.createElement("details");
  details.className = "tv-filter-group";
  details.dataset.group = group;
  const summary = doc.createElement("summary");
  summary.dataset.legend = legend;
  summary.textContent = legend;
  const panel = doc.createElement("fieldset");
  panel.className = "tv-filter-panel";
  const title = doc.createElement("legend");
  title.textContent = legend;
  panel.append(title);
  details.append(summary, panel);
  return { details, panel };
}

function checkedValues(form: HTMLFormElement, name: string): string[] {
  return [...form.querySelectorAll<HTMLInputElement>(`input[name="${name}"]`)].filter((b) => b.checked).map((b) => b.value);
}

/** The counties' panel: a search box and the counties as chips under their landsdel, each landsdel with a box that ticks all of it. */
function countyPanel(doc: Document, panel: HTMLFieldSetElement, start: SurveyFilter, m: Messages): void {
  const search = doc.createElement("input");
  search.type = "search";
  search.className = "tv-filter-search";
  search.placeholder = m.filterSearchCounty;
  search.setAttribute("aria-label", m.filterSearchCountyLabel);
  // Typing a search is no filter change: its input event stays inside the form.
  search.addEventListener("input", (event) => {
    event.stopPropagation();
    const words = search.value.trim().toLowerCase();
    for (const label of panel.querySelectorAll<HTMLElement>("label.tv-chip")) label.hidden = words !== "" && !(label.textContent ?? "").toLowerCase().includes(words);
    for (const region of panel.querySelectorAll<HTMLElement>(".tv-filter-region")) region.hidden = region.querySelector("label.tv-chip:not([hidden])") === null;
  });
  panel.append(search);
  for (const region of LANDSDELER) {
    const set = doc.createElement("div");
    set.className = "tv-filter-region";
    set.setAttribute("role", "group");
    set.setAttribute("aria-label", region.name);
    const all = doc.createElement("label");
    all.className = "tv-filter-region-name";
    const box = doc.createElement("input");
    box.type = "checkbox";
    box.name = "landsdel";
    box.value = region.name;
    all.append(box, doc.createTextNode(` ${region.name}`));
    set.append(all);
    for (const fylke of region.fylker) set.append(chip(doc, "fylke", String(fylke), countyName(fylke), start.fylke.includes(fylke)));
    panel.append(set);
  }
}

/** Build the filter bar. */
export function surveyFilterInput(doc: Document, options: SurveyFilterInputOptions = {}): SurveyFilterElement {
  const start = options.value ?? EMPTY_FILTER;
  const locale = options.locale ?? DEFAULT_LOCALE;
  const m = messages[locale];
  const form = doc.createElement("form");
  form.className = "tv-filter-bar";
  form.lang = locale;
  form.setAttribute("aria-label", m.filterLabel);

  // 1. County: 19 of them, searchable, grouped by landsdel.
  const county = dropdown(doc, "fylke", m.filterCounty);
  countyPanel(doc, county.panel, start, m);

  // 2. Size class, type and adopted model.
  const size = dropdown(doc, "size", m.filterSizeClass);
  for (const s of SIZE_CLASSES) size.panel.append(chip(doc, "size", String(s.code), `${s.code} (${s.label})`, start.sizeClass.includes(s.code)));
  const type = dropdown(doc, "type", m.filterType);
  for (const [code, label] of [[1, m.typeKommune], [2, m.typeFylkeskommune]] as const) type.panel.append(chip(doc, "type", String(code), label, start.respType.includes(code)));
  const adopted = dropdown(doc, "adopted", m.filterHasAdopted);
  for (const m of MODEL_STATUS_VARIABLES) adopted.panel.append(chip(doc, "adopted", m, options.modelLabel?.(m) ?? m, start.adopted.includes(m)));
  const groups = [county.details, size.details, type.details, adopted.details];

  // 3. The live N, and a reset button.
  const n = doc.createElement("output");
  n.className = "tv-filter-n";
  const reset = doc.createElement("button");
  reset.type = "button";
  reset.textContent = m.filterClear;
  form.append(...groups, n, reset);

  const read = (): SurveyFilter => ({
    fylke: checkedValues(form, "fylke").map(Number),
    sizeClass: checkedValues(form, "size").map(Number),
    respType: checkedValues(form, "type").map(Number),
    adopted: checkedValues(form, "adopted").filter(isModelStatusVariable),
  });
  /**
   * The summaries say what is ticked; a landsdel's box is ticked when all its counties are. A
   * summary whose words stay is not written again: a change of county would otherwise replace the
   * text of all four, in the filter change's first task and the frame after it (issue 12).
   */
  const describe = (): void => {
    for (const details of groups) {
      const summary = details.querySelector("summary");
      const ticked = [...details.querySelectorAll<HTMLInputElement>("label.tv-chip input")].filter((b) => b.checked).map((b) => (b.parentElement?.textContent ?? "").trim());
      const text = ticked.length === 0 ? `${summary?.dataset.legend ?? ""}: ${m.filterAll}` : `${summary?.dataset.legend ?? ""}: ${ticked.join(", ")}`;
      if (summary && summary.textContent !== text) summary.textContent = text;
      details.classList.toggle("is-active", ticked.length > 0);
    }
    for (const region of form.querySelectorAll(".tv-filter-region")) {
      const boxes = [...region.querySelectorAll<HTMLInputElement>('input[name="fylke"]')];
      const all = region.querySelector<HTMLInputElement>('input[name="landsdel"]');
      if (!all) continue;
      const on = boxes.filter((b) => b.checked).length;
      all.checked = on === boxes.length;
      all.indeterminate = on > 0 && on < boxes.length;
    }
  };
  const showN = (filter: SurveyFilter): void => {
    describe();
    if (options.count) n.textContent = countText(options.count(filter), options.total, undefined, locale);
  };
  const write = (filter: SurveyFilter): void => {
    for (const box of form.querySelectorAll<HTMLInputElement>("label.tv-chip input[type=checkbox]")) {
      const list: readonly (string | number)[] = box.name === "fylke" ? filter.fylke : box.name === "size" ? filter.sizeClass : box.name === "type" ? filter.respType : filter.adopted;
      box.checked = list.map(String).includes(box.value);
    }
  };

  let current = read();
  showN(current);
  // The form's own `input` events bubble from its controls; refresh the value before listeners read it.
  form.addEventListener("input", (event) => {
    // A landsdel's box ticks or clears all its counties.
    const region = [...form.querySelectorAll<HTMLInputElement>('input[name="landsdel"]')].find((box) => box === event.target);
    if (region) for (const box of region.closest(".tv-filter-region")?.querySelectorAll<HTMLInputElement>('input[name="fylke"]') ?? []) box.checked = region.checked;
    current = read();
    showN(current);
  }, { capture: true });
  form.addEventListener("submit", (event) => event.preventDefault());
  // One drop-down open at a time; Esc closes it and gives focus back to its summary.
  for (const details of groups) {
    details.addEventListener("toggle", () => {
      if (details.open) for (const other of groups) if (other !== details) other.open = false;
    });
    details.addEventListener("keydown", (event) => {
      if (event.key !== "Escape" || !details.open) return;
      event.preventDefault();
      event.stopPropagation();
      details.open = false;
      details.querySelector("summary")?.focus();
    });
  }
  reset.addEventListener("click", () => {
    write(EMPTY_FILTER);
    form.dispatchEvent(new (doc.defaultView?.Event ?? Event)("input", { bubbles: true }));
  });

  Object.defineProperty(form, "value", {
    get: () => current,
    set: (filter: SurveyFilter) => {
      write(filter);
      current = read();
      showN(current);
    },
  });
  return Object.assign(form, {
    value: current,
    showCount: (count: number, total: number, shown?: string) => {
      n.textContent = countText(count, total, shown, locale);
    },
    labelModels: (modelLabel: ModelLabel) => {
      for (const box of adopted.panel.querySelectorAll<HTMLInputElement>('input[name="adopted"]')) {
        const text = box.nextSibling;
        if (text && text.nodeType === text.TEXT_NODE && isModelStatusVariable(box.value)) text.textContent = ` ${modelLabel(box.value)}`;
      }
      describe();
    },
  });
}
