/**
 * The filter bar as an input element, in the convention of Observable Inputs: a form whose `value`
 * is the current SurveyFilter and which fires bubbling `input` events. A notebook binds it with
 * `const filter = view(surveyFilterInput(...))`, so every cell that reads `filter` (and only those)
 * recomputes when it moves. The document comes from the host, so this runs under linkedom too.
 */
import { COUNTIES_1999, SIZE_CLASSES } from "../data/counties";
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
}

/** A form element with a typed `value`, and a way for a host that counts asynchronously to show N. */
export type SurveyFilterElement = HTMLFormElement & {
  value: SurveyFilter;
  /** Show "N = n of total" (with the empty / too-few warning); `shown` replaces the number (e.g. "< 3"). */
  showCount(n: number, total: number, shown?: string): void;
};

/** "N = 57 of 267", with the warning an empty or too-small selection needs. */
export function countText(n: number, total: number | undefined, shown: string = String(n)): string {
  const warning = n === 0 ? " — no respondents match; widen the filter" : n < TOO_FEW_RESPONDENTS ? " — too few for reliable percentages" : "";
  return `N = ${shown}${total === undefined ? "" : ` of ${total}`}${warning}`;
}

function checkboxGroup(doc: Document, name: string, legend: string, items: ReadonlyArray<{ value: string; label: string }>, checked: ReadonlySet<string>): HTMLFieldSetElement {
  const set = doc.createElement("fieldset");
  set.className = "tv-filter-group";
  const title = doc.createElement("legend");
  title.textContent = legend;
  set.append(title);
  for (const item of items) {
    const label = doc.createElement("label");
    const box = doc.createElement("input");
    box.type = "checkbox";
    box.name = name;
    box.value = item.value;
    box.checked = checked.has(item.value);
    label.append(box, doc.createTextNode(` ${item.label}`));
    set.append(label);
  }
  return set;
}

function checkedValues(form: HTMLFormElement, name: string): string[] {
  return [...form.querySelectorAll<HTMLInputElement>(`input[name="${name}"]`)].filter((b) => b.checked).map((b) => b.value);
}

/** Build the filter bar. */
export function surveyFilterInput(doc: Document, options: SurveyFilterInputOptions = {}): SurveyFilterElement {
  const start = options.value ?? EMPTY_FILTER;
  const form = doc.createElement("form");
  form.className = "tv-filter-bar";
  form.setAttribute("aria-label", "Survey filter");

  // 1. County as a multi-select: 19 options are too many for checkboxes.
  const countySet = doc.createElement("fieldset");
  countySet.className = "tv-filter-group";
  const countyLegend = doc.createElement("legend");
  countyLegend.textContent = "Fylke";
  const select = doc.createElement("select");
  select.name = "fylke";
  select.multiple = true;
  select.size = 4;
  for (const county of COUNTIES_1999) {
    const option = doc.createElement("option");
    option.value = String(county.fylke);
    option.textContent = `${String(county.fylke).padStart(2, "0")} ${county.name}`;
    option.selected = start.fylke.includes(county.fylke);
    select.append(option);
  }
  countySet.append(countyLegend, select);

  // 2. Size class, type and adopted model as checkbox groups.
  const size = checkboxGroup(doc, "size", "Size class", SIZE_CLASSES.map((s) => ({ value: String(s.code), label: `${s.code} (${s.label})` })), new Set(start.sizeClass.map(String)));
  const type = checkboxGroup(doc, "type", "Type", [{ value: "1", label: "kommune" }, { value: "2", label: "fylkeskommune" }], new Set(start.respType.map(String)));
  const adopted = checkboxGroup(doc, "adopted", "Has adopted", MODEL_STATUS_VARIABLES.map((m) => ({ value: m, label: options.modelLabel?.(m) ?? m })), new Set(start.adopted));

  // 3. The live N, and a reset button.
  const n = doc.createElement("output");
  n.className = "tv-filter-n";
  const reset = doc.createElement("button");
  reset.type = "button";
  reset.textContent = "Clear filter";
  form.append(countySet, size, type, adopted, n, reset);

  const read = (): SurveyFilter => ({
    fylke: [...select.querySelectorAll("option")].filter((o) => o.selected).map((o) => Number(o.value)),
    sizeClass: checkedValues(form, "size").map(Number),
    respType: checkedValues(form, "type").map(Number),
    adopted: checkedValues(form, "adopted").filter(isModelStatusVariable),
  });
  const showN = (filter: SurveyFilter): void => {
    if (options.count) n.textContent = countText(options.count(filter), options.total);
  };
  const write = (filter: SurveyFilter): void => {
    for (const option of select.querySelectorAll("option")) {
      // Touch only options that change: some DOM implementations treat any write as a new selection.
      const want = filter.fylke.includes(Number(option.value));
      if (option.selected !== want) option.selected = want;
    }
    for (const box of form.querySelectorAll<HTMLInputElement>("input[type=checkbox]")) {
      const list: readonly (string | number)[] = box.name === "size" ? filter.sizeClass : box.name === "type" ? filter.respType : filter.adopted;
      box.checked = list.map(String).includes(box.value);
    }
  };

  let current = read();
  showN(current);
  // The form's own `input` events bubble from its controls; refresh the value before listeners read it.
  form.addEventListener("input", () => {
    current = read();
    showN(current);
  }, { capture: true });
  form.addEventListener("submit", (event) => event.preventDefault());
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
      n.textContent = countText(count, total, shown);
    },
  });
}
