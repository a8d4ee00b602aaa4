/**
 * <nb-analysis-dialog>: "Insert analysis" — pick the kind (frequencies, crosstab, correlations,
 * size-class comparison, what-if), the variables from the codebook and the options; the cells it
 * writes show below as they will be inserted, and Insert adds and runs them. The source comes from
 * the pure generator (src/analysis/cell-source/), so what the dialog writes is what its tests ran.
 */
import { LocaleController } from "../locale-controller";
import { html, nothing, type TemplateResult } from "lit";
import { LightElement } from "../light-element";
import { customElement, state } from "lit/decorators.js";
import type { Codebook } from "../../data/codebook";
import { analysisCells, type AnalysisSpec, type PercentBase } from "../../analysis/cell-source/cell-source";
import { authoringHost } from "./authoring-host";
import { listVariables, type ListedVariable } from "./codebook-variables";
import { definedNames, insertCells } from "./insert-cells";

/** The kinds of analysis, as the dialog's tabs name them. */
export type AnalysisKind = AnalysisSpec["kind"];

/** The kinds in the order of the dialog's tabs (their names: the catalogue's `authoring.kinds`). */
const KINDS: readonly AnalysisKind[] = ["frequencies", "crosstab", "correlations", "size-class", "what-if"];

const SIZE_CLASSES = [1, 2, 3, 4, 5, 6] as const;

function targetValue(e: Event): string {
  return e.target instanceof HTMLInputElement || e.target instanceof HTMLSelectElement ? e.target.value : "";
}

function targetChecked(e: Event): boolean {
  return e.target instanceof HTMLInputElement && e.target.checked;
}

function toggled<T>(list: readonly T[], item: T, on: boolean): T[] {
  return on ? [...new Set([...list, item])] : list.filter((x) => x !== item);
}

@customElement("nb-analysis-dialog")
export class NbAnalysisDialog extends LightElement {
  @state() kind: AnalysisKind = "crosstab";
  @state() private codebook: Codebook | undefined;
  @state() private variable = "q20";
  @state() private row = "size_class";
  @state() private percent: PercentBase[] = ["row"];
  @state() private counts = true;
  @state() private expected = false;
  @state() private chart = true;
  @state() private liveLine = false;
  @state() private cumulative = false;
  @state() private showMissing = false;
  @state() private variables: string[] = ["q30_5", "q6", "q11", "q23"];
  @state() private method: "pearson" | "spearman" = "spearman";
  @state() private deletion: "pairwise" | "listwise" = "pairwise";
  @state() private fdr = true;
  @state() private success: number[] = [1];
  @state() private by = "";
  @state() private stateA: number[] = [1, 2, 3];
  @state() private stateB: number[] = [4, 5, 6];
  @state() private message = "";
  private readonly i18n = new LocaleController(this);

  override connectedCallback(): void {
    super.connectedCallback();
    void authoringHost()?.scope.codebook().then((c) => (this.codebook = c));
  }

  /** Open on `kind` with `variable` as the analysed one (the codebook's "Crosstab…"). */
  preset(kind: AnalysisKind, variable: string): void {
    this.kind = kind;
    this.variable = variable;
    if (kind === "size-class") this.success = [1];
    this.message = "";
  }

  private spec(): AnalysisSpec {
    switch (this.kind) {
      case "frequencies":
        return { kind: "frequencies", variable: this.variable, cumulative: this.cumulative, showMissing: this.showMissing };
      case "crosstab":
        return { kind: "crosstab", row: this.row, column: this.variable, percent: this.percent, counts: this.counts, expected: this.expected, chart: this.chart, liveLine: this.liveLine };
      case "correlations":
        return { kind: "correlations", variables: this.variables, method: this.method, deletion: this.deletion, fdr: this.fdr, heatmap: this.chart };
      case "size-class":
        return { kind: "size-class", variable: this.variable, success: this.success, chart: this.chart };
      case "what-if":
        return { kind: "what-if", variable: this.variable, by: this.by || undefined, a: { sizeClass: this.stateA }, b: { sizeClass: this.stateB } };
    }
  }

  private generate(all: readonly ListedVariable[]): ReturnType<typeof analysisCells> {
    const host = authoringHost();
    return analysisCells(this.spec(), { label: (n) => all.find((v) => v.variable.name === n)?.label, taken: host ? definedNames(host.session) : [] });
  }

  private insert(all: readonly ListedVariable[]): void {
    const host = authoringHost();
    const cells = this.generate(all);
    if (!cells.ok) return void (this.message = cells.error.message);
    if (!host || host.readonly) return void (this.message = this.i18n.words.authoring.readOnly);
    const ids = insertCells(host.session, cells.value);
    this.message = this.i18n.words.authoring.inserted(ids.length);
    // Where the panel covers the notebook (authoring.css), close it so the new cells are in view.
    if (matchMedia("(max-width: 999px)").matches) this.closest("nb-authoring-panel")?.remove();
  }

  private picker(label: string, name: string, value: string, all: readonly ListedVariable[], set: (v: string) => void, optional = false): TemplateResult {
    const a = this.i18n.words.authoring;
    const group = (derived: boolean): unknown =>
      all.filter((v) => v.derived === derived).map((v) => html`<option value=${v.variable.name} ?selected=${v.variable.name === value}>${v.variable.name} — ${v.label}</option>`);
    return html`<label class="nb-dlg-field"><span>${label}</span>
      <select name=${name} @change=${(e: Event) => set(targetValue(e))}>
        ${optional ? html`<option value="" ?selected=${value === ""}>${a.none}</option>` : nothing}
        <optgroup label=${a.derivedGroup}>${group(true)}</optgroup>
        <optgroup label=${a.questionnaireGroup}>${group(false)}</optgroup>
      </select></label>`;
  }

  private check(label: string, name: string, on: boolean, set: (on: boolean) => void): TemplateResult {
    return html`<label class="nb-dlg-check"><input type="checkbox" name=${name} .checked=${on} @change=${(e: Event) => set(targetChecked(e))} /> ${label}</label>`;
  }

  private radio<T extends string>(name: string, value: T, options: readonly [T, string][], set: (v: T) => void): TemplateResult {
    return html`${options.map(([v, label]) => html`<label class="nb-dlg-check"><input type="radio" name=${name} .checked=${v === value} @change=${() => set(v)} /> ${label}</label>`)}`;
  }

  private sizeClasses(name: string, chosen: number[], set: (v: number[]) => void): TemplateResult {
    return html`${SIZE_CLASSES.map((c) => this.check(String(c), `${name}-${c}`, chosen.includes(c), (on) => set(toggled(chosen, c, on).sort())))}`;
  }

  private form(all: readonly ListedVariable[]): TemplateResult {
    const current = all.find((v) => v.variable.name === this.variable);
    const t = this.i18n.words;
    const a = t.authoring;
    const percentLabel = { row: t.rowPercent, column: t.columnPercent, total: t.totalPercent } as const;
    switch (this.kind) {
      case "frequencies":
        return html`${this.picker(a.variable, "variable", this.variable, all, (v) => (this.variable = v))}
          <fieldset><legend>${a.show}</legend>${this.check(a.cumulativePercent, "cumulative", this.cumulative, (on) => (this.cumulative = on))}${this.check(a.missingOneByOne, "showMissing", this.showMissing, (on) => (this.showMissing = on))}</fieldset>`;
      case "crosstab":
        return html`${this.picker(a.rows, "row", this.row, all, (v) => (this.row = v))}
          ${this.picker(a.columns, "column", this.variable, all, (v) => (this.variable = v))}
          <fieldset><legend>${a.percentages}</legend>
            ${(["row", "column", "total"] as const).map((p) => this.check(percentLabel[p], `percent-${p}`, this.percent.includes(p), (on) => (this.percent = toggled(this.percent, p, on))))}
          </fieldset>
          <fieldset><legend>${a.cellsAndStatistics}</legend>
            ${this.check(a.counts, "counts", this.counts, (on) => (this.counts = on))}
            ${this.check(a.expectedCounts, "expected", this.expected, (on) => (this.expected = on))}
            <span class="nb-dlg-note">${a.alwaysPrinted}</span>
            ${this.check(a.liveLine, "liveLine", this.liveLine, (on) => (this.liveLine = on))}
            ${this.check(a.chart, "chart", this.chart, (on) => (this.chart = on))}
          </fieldset>`;
      case "correlations":
        return html`<label class="nb-dlg-field"><span>${a.variablesSeveral}</span>
            <select name="variables" multiple size="8" @change=${(e: Event) => (this.variables = e.target instanceof HTMLSelectElement ? [...e.target.selectedOptions].map((o) => o.value) : [])}>
              ${all.filter((v) => v.variable.kind !== "text" && v.variable.kind !== "id").map((v) => html`<option value=${v.variable.name} ?selected=${this.variables.includes(v.variable.name)}>${v.variable.name} — ${v.label}</option>`)}
            </select></label>
          <fieldset><legend>${a.method}</legend>${this.radio("method", this.method, [["pearson", "Pearson"], ["spearman", "Spearman"]], (v) => (this.method = v))}</fieldset>
          <fieldset><legend>${a.missingValues}</legend>${this.radio("deletion", this.deletion, [["pairwise", a.pairwise], ["listwise", a.listwise]], (v) => (this.deletion = v))}</fieldset>
          <fieldset><legend>${a.options}</legend>${this.check(a.adjustP, "fdr", this.fdr, (on) => (this.fdr = on))}${this.check(a.heatmap, "chart", this.chart, (on) => (this.chart = on))}</fieldset>`;
      case "size-class":
        return html`${this.picker(a.variable, "variable", this.variable, all, (v) => ((this.variable = v), (this.success = [1])))}
          <fieldset><legend>${a.countsAsSuccess}</legend>
            ${(current?.variable.codes ?? []).map((c) => this.check(`${c.code} ${c.no}`, `success-${c.code}`, this.success.includes(c.code), (on) => (this.success = toggled(this.success, c.code, on).sort())))}
          </fieldset>
          <fieldset><legend>${a.shows}</legend><span class="nb-dlg-note">${a.sizeClassNote}</span>${this.check(a.chart, "chart", this.chart, (on) => (this.chart = on))}</fieldset>`;
      case "what-if":
        return html`${this.picker(a.variable, "variable", this.variable, all, (v) => (this.variable = v))}
          ${this.picker(a.by, "by", this.by, all, (v) => (this.by = v), true)}
          <fieldset><legend>${a.stateA}</legend>${this.sizeClasses("a", this.stateA, (v) => (this.stateA = v))}</fieldset>
          <fieldset><legend>${a.stateB}</legend>${this.sizeClasses("b", this.stateB, (v) => (this.stateB = v))}</fieldset>
          <span class="nb-dlg-note">${a.whatIfNote}</span>`;
    }
  }

  protected override render(): unknown {
    const codebook = this.codebook;
    const a = this.i18n.words.authoring;
    if (!codebook) return html`<p class="nb-panel-loading">${a.loadingCodebook}</p>`;
    const all = listVariables(codebook);
    const cells = this.generate(all);
    return html`<div class="nb-dlg">
      <div class="nb-dlg-kinds" role="tablist" aria-label=${a.kindLabel}>
        ${KINDS.map((k) => html`<button role="tab" class=${`nb-button${k === this.kind ? " is-current" : ""}`} aria-selected=${k === this.kind} data-kind=${k} @click=${() => ((this.kind = k), (this.message = ""))}>${a.kinds[k]}</button>`)}
      </div>
      <!-- Not a <form>: the notebook's frame is sandboxed without allow-forms, which blocks submit events. -->
      <div class="nb-dlg-form">
        ${this.form(all)}
        <div class="nb-dlg-preview">
          <span class="nb-dlg-preview-title">${a.cellsToInsert}</span>
          ${cells.ok ? cells.value.map((c) => html`<pre class=${`nb-dlg-cell is-${c.kind}`}><code>${c.source}</code></pre>`) : html`<p class="nb-dlg-problem" role="alert">${cells.error.message}</p>`}
        </div>
        <div class="nb-dlg-actions">
          <button type="button" class="nb-button nb-primary nb-dlg-insert" ?disabled=${!cells.ok} @click=${() => this.insert(all)}>${a.insert}</button>
          ${this.message ? html`<span class="nb-panel-message" role="status">${this.message}</span>` : nothing}
        </div>
      </div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "nb-analysis-dialog": NbAnalysisDialog;
  }
}
