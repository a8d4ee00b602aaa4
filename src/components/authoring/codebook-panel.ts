/**
 * <nb-codebook-panel>: the codebook as SPSS's Variable View — every variable with its question
 * text, label, value labels, missing codes, card columns, skip rules, set membership, and how many
 * of its values the reconstruction drew (they differ between the ensemble's reconstructions, so they
 * rest on the build, not on the report). Search by name, label or value label; from a variable,
 * insert its name at the editor's cursor, a frequency cell, or start an analysis with it.
 */
import { LitElement, html, nothing } from "lit";
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
export class NbCodebookPanel extends LitElement {
  /** Opens the Insert-analysis dialog with a variable chosen. */
  @property({ attribute: false }) analyse: AnalyseRequest | undefined;
  @state() private codebook: Codebook | undefined;
  @state() private survey: Survey | undefined;
  @state() private query = "";
  @state() private selected: string | undefined;
  @state() private message = "";

  override createRenderRoot(): HTMLElement {
    return this;
  }

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
    if (!survey.draws) return "your own data: nothing drawn";
    const mask = drawnMask(survey, name);
    if (!mask) return "not in the data";
    let k = 0;
    for (const m of mask) k += m;
    return k === 0 ? "no — the same in every reconstruction" : `yes — drawn for ${k} of ${mask.length} respondents (differs between reconstructions)`;
  }

  private insertName(name: string): void {
    if (lastFocusedEditor()?.insert(JSON.stringify(name))) {
      this.message = `Inserted "${name}" at the cursor of the last edited cell.`;
      return;
    }
    const host = authoringHost();
    if (!host || host.readonly) return;
    insertCells(host.session, [{ kind: "js", source: `survey.variable(${JSON.stringify(name)})` }]);
    this.message = `No cell was being edited: added a cell showing ${name}'s codebook entry.`;
  }

  private insertFrequencies(name: string): void {
    const host = authoringHost();
    const codebook = this.codebook;
    if (!host || host.readonly || !codebook) return;
    const all = listVariables(codebook);
    const cells = analysisCells({ kind: "frequencies", variable: name }, { label: (n) => all.find((v) => v.variable.name === n)?.label, taken: definedNames(host.session) });
    if (!cells.ok) return void (this.message = cells.error.message);
    insertCells(host.session, cells.value);
    this.message = `Added a frequency table of ${name}.`;
  }

  private details(v: ListedVariable, codebook: Codebook): unknown {
    const x = v.variable;
    const rules = codebook.skipRules.filter((r) => r.variable === x.name || r.skips.includes(x.name));
    const set = x.set ? codebook.sets.find((s) => s.name === x.set) : undefined;
    const onCard = x.columns.start > 0;
    const readonly = authoringHost()?.readonly ?? true;
    return html`<div class="nb-cb-details" aria-label=${`Variable ${x.name}`}>
      <h3><code>${x.name}</code> ${v.label}</h3>
      <p class="nb-cb-question">${x.no}</p>
      ${x.en !== x.no ? html`<p class="nb-cb-question-en">${x.en}</p>` : nothing}
      <dl class="nb-cb-facts">
        <dt>Type</dt><dd>${x.kind}${x.range ? ` (${x.range.min}–${x.range.max})` : ""}</dd>
        <dt>Value labels</dt>
        <dd>${x.codes.length ? html`<ul class="nb-cb-codes">${x.codes.map((c) => html`<li><code>${c.code}</code> ${c.no}${x.missing.includes(c.code) ? html` <em>(missing)</em>` : nothing}</li>`)}</ul>` : "none"}</dd>
        <dt>Missing</dt><dd>${x.missing.length ? x.missing.join(", ") : "none (a blank is system missing)"}</dd>
        <dt>Card columns</dt><dd>${onCard ? `${x.columns.start}${x.columns.end !== x.columns.start ? `–${x.columns.end}` : ""}${x.columns.inferred ? " (inferred)" : ""}` : "not on the card (derived)"}</dd>
        <dt>Skip rules</dt><dd>${rules.length ? rules.map((r) => html`<div>${r.variable === x.name ? "asks" : "skipped when"} <code>${r.variable}</code> = ${r.codes.join(", ")} → ${r.goto}: ${r.printed}</div>`) : "none"}</dd>
        <dt>Set</dt><dd>${set ? html`<code>${set.name}</code> ${set.label.no} (counts ${set.countedValue})` : "none"}</dd>
        <dt>Drawn by the reconstruction</dt><dd class="nb-cb-drawn">${this.drawnCount(x.name)}</dd>
        ${x.note ? html`<dt>Note</dt><dd>${x.note}</dd>` : nothing}
      </dl>
      <div class="nb-cb-actions">
        <button class="nb-button" @click=${() => this.insertName(x.name)}>Insert name</button>
        ${readonly
          ? nothing
          : html`<button class="nb-button" @click=${() => this.insertFrequencies(x.name)}>Frequency cell</button>
              <button class="nb-button nb-primary nb-cb-crosstab" @click=${() => this.analyse?.("crosstab", x.name)}>Crosstab…</button>
              <button class="nb-button" @click=${() => this.analyse?.("size-class", x.name)}>By size class…</button>`}
      </div>
      ${this.message ? html`<p class="nb-panel-message" role="status">${this.message}</p>` : nothing}
    </div>`;
  }

  protected override render(): unknown {
    const codebook = this.codebook;
    if (!codebook) return html`<p class="nb-panel-loading">Loading the codebook…</p>`;
    const all = listVariables(codebook);
    const shown = all.filter((v) => variableMatches(v, this.query));
    const selected = all.find((v) => v.variable.name === this.selected);
    return html`<div class="nb-cb">
      <input class="nb-panel-search" type="search" placeholder="Search name, label or value label (målstyring, q20, Rogaland …)" aria-label="Search the codebook" .value=${this.query} @input=${(e: Event) => (this.query = e.target instanceof HTMLInputElement ? e.target.value : "")} />
      <p class="nb-panel-count">${shown.length} of ${all.length} variables</p>
      <div class="nb-cb-split">
        <ul class="nb-cb-list" role="listbox" aria-label="Variables">
          ${shown.map(
            (v) => html`<li role="option" tabindex="0" aria-selected=${v.variable.name === this.selected} class=${v.variable.name === this.selected ? "is-selected" : ""} data-variable=${v.variable.name}
              @click=${() => this.select(v.variable.name)}
              @keydown=${(e: KeyboardEvent) => (e.key === "Enter" || e.key === " ") && (e.preventDefault(), this.select(v.variable.name))}>
              <code>${v.variable.name}</code><span>${v.label}</span>${v.variable.set ? html`<small>set ${v.variable.set}</small>` : nothing}
            </li>`,
          )}
        </ul>
        ${selected ? this.details(selected, codebook) : html`<p class="nb-cb-hint">Pick a variable to see its question, value labels, missing codes and card columns.</p>`}
      </div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "nb-codebook-panel": NbCodebookPanel;
  }
}
