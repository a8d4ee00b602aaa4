/**
 * <nb-filter-bar>: the app's one survey filter (county, size class, type, adopted model) above a
 * notebook that reads `filter` or `selection`, with the live N. It edits the SurveyScope: moving it
 * redefines the notebook's `filter` and `selection`, so exactly the cells that read them rerun, and
 * the N shown is that same selection's. In a shared view a count of 1–2 under a county or size
 * filter shows as "< 3", like every other count there.
 */
import { html } from "lit";
import { LightElement } from "./light-element";
import { customElement, property } from "lit/decorators.js";
import { modelLabelOf } from "../analysis/model-label";
import type { SurveyScope } from "../analysis/survey-scope";
import { surveyFilterInput, type SurveyFilterElement } from "../analysis/survey-filter-input";
import { isDisclosureSensitive, surveyFilterToParams } from "../data/survey-filter";
import { formatShownCount, guardCount } from "../stats/disclosure";
import { ModelController } from "./model-controller";
import { messages, type Locale } from "../base/locale/locale";
import "./nb-filter-bar.css";

/** The page class that greys out reconstruction-dependent figures. */
const DIM_CLASS = "tv-dim-reconstruction";

@customElement("nb-filter-bar")
export class NbFilterBar extends LightElement {
  @property({ attribute: false }) scope: SurveyScope | undefined;
  /** A shared copy: small counts are masked. */
  @property({ type: Boolean }) shared = false;
  private form: SurveyFilterElement | undefined;
  private formFor: SurveyScope | undefined;
  /** The language the form was built in: a language switch rebuilds it. */
  private formLocale: Locale | undefined;
  /** Answers to older filters that arrive late are dropped. */
  private counting = 0;

  constructor() {
    super();
    new ModelController(this, () => this.scope, (scope, listener) => scope.onChange(listener), () => (this.scope && this.scope.locale !== this.formLocale ? this.requestUpdate() : this.sync()));
  }

  protected override render(): unknown {
    const m = messages[this.scope?.locale ?? "nb"];
    return html`<div class="nb-filter-bar" role="region" aria-label=${m.filterLabel}></div>
      <label class="nb-dim-toggle" title=${m.dimReconstructedTitle}>
        <input type="checkbox" .checked=${document.documentElement.classList.contains(DIM_CLASS)} @change=${(e: Event) => this.dim(e)} />
        ${m.dimReconstructed}
      </label>`;
  }

  /** The dimming toggle: a class on the page, read by the stylesheet (every marked figure carries its kind). */
  private dim(event: Event): void {
    if (event.target instanceof HTMLInputElement) document.documentElement.classList.toggle(DIM_CLASS, event.target.checked);
  }

  protected override updated(): void {
    const scope = this.scope;
    const slot = this.querySelector(".nb-filter-bar");
    if (!scope || !slot || (this.formFor === scope && this.formLocale === scope.locale)) return;
    this.formFor = scope;
    const locale = scope.locale;
    this.formLocale = locale;
    const form = surveyFilterInput(document, { value: scope.filter, locale });
    form.addEventListener("input", () => scope.setFilter(form.value));
    slot.replaceChildren(form);
    this.form = form;
    // The model names are the codebook's labels: the chips are named in place once they are known.
    void scope.codebook().then((codebook) => {
      if (this.form === form) form.labelModels(modelLabelOf(codebook, locale));
    }).catch(() => undefined);
    this.sync();
  }

  /** Show the scope's filter (it may have changed elsewhere: a link, another notebook) and its N. */
  private sync(): void {
    const scope = this.scope;
    const form = this.form;
    if (!scope || !form) return;
    if (surveyFilterToParams(form.value) !== surveyFilterToParams(scope.filter)) form.value = scope.filter;
    const ticket = ++this.counting;
    const filter = scope.filter;
    void scope.count().then((selection) => {
      if (ticket !== this.counting) return;
      const shown = guardCount(selection.n, { active: this.shared && isDisclosureSensitive(filter) });
      form.showCount(selection.n, selection.total, formatShownCount(shown));
    }).catch(() => undefined);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "nb-filter-bar": NbFilterBar;
  }
}
