/**
 * <nb-codebook-panel>: the codebook as SPSS's Variable View — every variable with its question
 * text, label, value labels, missing codes, card columns, skip rules, set membership, and how many
 * of its values the reconstruction drew (they differ between the ensemble's reconstructions, so they
 * rest on the build, not on the report). Search by name, label or value label; from a variable,
 * insert its name at the editor's cursor, a frequency cell, or start an analysis with it.
 */
import { LocaleController } from "../locale-controller";
import { html, nothing } from "lit";
import { LightElement } from "../light-element";
import { customElement, property, state } from "lit/decorators.js";
import type { Codebook } from "../../data/codebook";
import type { Survey } from "../../analysis/survey";
import { drawnMask } from "../../analysis/evidence/drawn-values";
import { analysisCells } from "../../analysis/cell-source/cell-source";
import { authoringHost, lastFocusedEditor } from "./authoring-host";
import { listVariables, variableMatches, type ListedVariable } from "./codebook-variables";
import { definedNames, insertCells } from "./insert-cells";

/** What the codebook asks the panel to open: an analysis dialog with this variable chosen. */
export type AnalyseRequest = (kind: "crosstab" | "frequencies" | "size-class", variable: string) => void;

@customElement("nb-codebook-panel")
export class NbCodebookPanel extends LightElement {
  private readonly i18n = new LocaleController(this);
  /** Opens the Insert-analysis dialog with a variable chosen. */
  @property({ attribute: false }) analyse: AnalyseRequest | undefined;
  @state() private codebook: Codebook | undefined;
  @state() private survey: Survey | undefined;
  @state() private query = "";
  @state() private selected: string | undefined;
  @state() private message = "";

  override connectedCallback(): void {
    super.connectedCallback();
    const host = authoringHost();
    if (!host) return;
    void host.scope.codebook().then((c) => (this.codebook = c));
    void host.scope.survey().then((s) => (this.survey = s));
  }

  private select(name: string): void {
    this.selected = name;
    this.message = "";
  }

  private drawnCount(name: string): string {
    const survey = this.survey;
    if (!survey) return "…";
    const a = this.i18n.words.authoring;
    if (!survey.draws) return a.drawnOwnData;
    const mask = drawnMask(survey, name);
    if (!mask) return a.drawnNotInData;
    let k = 0;
    for (const m of mask) k += m;
    return k === 0 ? a.drawnNone : a.drawnSome(k, mask.length);
  }

  private insertName(name: string): void {
    if (lastFocusedEditor()?.insert(JSON.stringify(name))) {
      this.message = this.i18n.words.authoring.insertedName(name);
      return;
    }
    const host = authoringHost();
    if (!host || host.readonly) return;
    insertCells(host.session, [{ kind: "js", source: `survey.variable(${JSON.stringify(name)})` }]);
    this.message = this.i18n.words.authoring.addedEntryCell(name);
  }

  private insertFrequencies(name: string): void {
    const host = authoringHost();
    const codebook = this.codebook;
    if (!host || host.readonly || !codebook) return;
    const all = listVariables(codebook);
    const cells = analysisCells({ kind: "frequencies", variable: name }, { label: (n) => all.find((v) => v.variable.name === n)?.label, taken: definedNames(host.session) });
    if (!cells.ok) return void (this.message = cells.error.message);
    insertCells(host.session, cells.value);
    this.message = this.i18n.words.authoring.addedFrequencies(name);
  }

  private details(v: ListedVariable, codebook: Codebook): unknown {
    const x = v.variable;
    const rules = codebook.skipRules.filter((r) => r.variable === x.name || r.skips.includes(x.name));
    const set = x.set ? codebook.sets.find((s) => s.name === x.set) : undefined;
    const onCard = x.columns.start > 0;
    const readonly = authoringHost()?.readonly ?? true;
    const a = this.i18n.words.authoring;
    return html`<div class="nb-cb-details" aria-label=${a.variableLabel(x.name)}>
      <h3><code>${x.name}</code> ${v.label}</h3>
      <p class="nb-cb-question">${x.no}</p>
      ${x.en !== x.no ? html`<p class="nb-cb-question-en">${x.en}</p>` : nothing}
      <dl class="nb-cb-facts">
        <dt>${a.type}</dt><dd>${x.kind}${x.range ? ` (${x.range.min}–${x.range.max})` : ""}</dd>
        <dt>${a.valueLabels}</dt>
        <dd>${x.codes.length ? html`<ul class="nb-cb-codes">${x.codes.map((c) => html`<li><code>${c.code}</code> ${c.no}${x.missing.includes(c.code) ? html` <em>(missing)</em>` : nothing}</li>`)}</ul>` : "none"}</dd>
        <dt>${a.missing}</dt><dd>${x.missing.length ? x.missing.join(", ") : a.noMissing}</dd>
        <dt>${a.cardColumns}</dt><dd>${onCard ? `${x.columns.start}${x.columns.end !== x.columns.start ? `–${x.columns.end}` : ""}${x.columns.inferred ? a.inferred : ""}` : a.notOnCard}</dd>
        <dt>${a.skipRules}</dt><dd>${rules.length ? rules.map((r) => html`<div>${r.variable === x.name ? a.asks : a.skippedWhen} <code>${r.variable}</code> = ${r.codes.join(", ")} → ${r.goto}: ${r.printed}</div>`) : a.noneShort}</dd>
        <dt>${a.set}</dt><dd>${set ? html`<code>${set.name}</code> ${set.label.no} ${a.setCounts(String(set.countedValue))}` : a.noneShort}</dd>
        <dt>${a.drawnByReconstruction}</dt><dd class="nb-cb-drawn">${this.drawnCount(x.name)}</dd>
        ${x.note ? html`<dt>${a.note}</dt><dd>${x.note}</dd>` : nothing}
      </dl>
      <div class="nb-cb-actions">
        <button class="nb-button" @click=${() => this.insertName(x.name)}>${a.insertName}</button>
        ${readonly
          ? nothing
          : html`<button class="nb-button" @click=${() => this.insertFrequencies(x.name)}>${a.frequencyCell}</button>
              <button class="nb-button nb-primary nb-cb-crosstab" @click=${() => this.analyse?.("crosstab", x.name)}>${a.crosstabEllipsis}</button>
              <button class="nb-button" @click=${() => this.analyse?.("size-class", x.name)}>${a.bySizeClass}</button>`}
      </div>
      ${this.message ? html`<p class="nb-panel-message" role="status">${this.message}</p>` : nothing}
    </div>`;
  }

  protected override render(): unknown {
    const codebook = this.codebook;
    const a = this.i18n.words.authoring;
    if (!codebook) return html`<p class="nb-panel-loading">${a.loadingCodebook}</p>`;
    const all = listVariables(codebook);
    const shown = all.filter((v) => variableMatches(v, this.query));
    const selected = all.find((v) => v.variable.name === this.selected);
    return html`<div class="nb-cb">
      <input class="nb-panel-search" type="search" placeholder=${a.searchCodebook} aria-label=${a.searchCodebookLabel} .value=${this.query} @input=${(e: Event) => (this.query = e.target instanceof HTMLInputElement ? e.target.value : "")} />
      <p class="nb-panel-count">${a.variableCount(shown.length, all.length)}</p>
      <div class="nb-cb-split">
        <ul class="nb-cb-list" role="listbox" aria-label=${a.variables}>
          ${shown.map(
            (v) => html`<li role="option" tabindex="0" aria-selected=${v.variable.name === this.selected} class=${v.variable.name === this.selected ? "is-selected" : ""} data-variable=${v.variable.name}
              @click=${() => this.select(v.variable.name)}
              @keydown=${(e: KeyboardEvent) => (e.key === "Enter" || e.key === " ") && (e.preventDefault(), this.select(v.variable.name))}>
              <code>${v.variable.name}</code><span>${v.label}</span>${v.variable.set ? html`<small>${a.setTag(v.variable.set)}</small>` : nothing}
            </li>`,
          )}
        </ul>
        ${selected ? this.details(selected, codebook) : html`<p class="nb-cb-hint">${a.pickVariable}</p>`}
      </div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "nb-codebook-panel": NbCodebookPanel;
  }
}
