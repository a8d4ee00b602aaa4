/**
 * <nb-data-viewer>: the respondents under the current filter, as a paged table — sort by a column,
 * search the shown values, value labels on or off, and the reconstruction's provenance in view: a
 * value the reconstruction drew (it differs between the ensemble's reconstructions, see
 * analysis/evidence/drawn-values.ts) is marked, and each row's `provenance` note is a column. It
 * follows the filter bar.
 */
import { LocaleController } from "../locale-controller";
import { html, nothing } from "lit";
import { LightElement } from "../light-element";
import { customElement, state } from "lit/decorators.js";
import type { FilteredSurvey } from "../../analysis/apply-filter";
import { drawnMask } from "../../analysis/evidence/drawn-values";
import type { CodebookVariable } from "../../data/codebook";
import { authoringHost } from "./authoring-host";

const PAGE = 25;
const DEFAULT_COLUMNS = ["resp_id", "name", "fylke", "size_class", "resp_type", "q1", "q20", "provenance"];

/** One shown cell: its value, its text, whether the reconstruction drew it. */
interface Shown {
  value: unknown;
  text: string;
  drawn: boolean;
}

function isBlank(v: unknown): boolean {
  return v === null || v === undefined || v === "" || (typeof v === "number" && Number.isNaN(v));
}

/** Sort order of two values, `descending` or not; blanks (system missing) go last either way. */
function compare(a: unknown, b: unknown, descending: boolean): number {
  if (isBlank(a) || isBlank(b)) return isBlank(a) === isBlank(b) ? 0 : isBlank(a) ? 1 : -1;
  const order = typeof a === "number" && typeof b === "number" ? a - b : String(a).localeCompare(String(b), "nb");
  return descending ? -order : order;
}

@customElement("nb-data-viewer")
export class NbDataViewer extends LightElement {
  private readonly i18n = new LocaleController(this);
  @state() private selection: FilteredSurvey | undefined;
  @state() private columns: string[] = DEFAULT_COLUMNS;
  @state() private columnText = DEFAULT_COLUMNS.join(", ");
  @state() private labels = true;
  @state() private query = "";
  @state() private sortBy: { column: string; descending: boolean } | undefined;
  @state() private page = 0;
  private unsubscribe: (() => void) | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    const host = authoringHost();
    if (!host) return;
    const load = (): void => void host.scope.selection().then((s) => ((this.selection = s), (this.page = 0)));
    load();
    this.unsubscribe = host.scope.onChange(load);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
  }

  private variable(name: string): CodebookVariable | undefined {
    const codebook = this.selection?.codebook;
    return codebook ? [...codebook.variables, ...(codebook.derived ?? [])].find((v) => v.name === name) : undefined;
  }

  private text(value: unknown, variable: CodebookVariable | undefined): string {
    if (value === null || value === undefined || (typeof value === "number" && Number.isNaN(value))) return "";
    if (this.labels && typeof value === "number" && variable) {
      const label = variable.codes.find((c) => c.code === value)?.no;
      if (label) return label;
    }
    return String(value);
  }

  private setColumns(text: string): void {
    this.columnText = text;
    const table = this.selection?.survey.table;
    const names = text.split(/[\s,]+/).filter((n) => n && table?.column(n));
    if (names.length > 0) this.columns = names;
  }

  /** Every selected respondent's shown cells, searched and sorted. */
  private rows(selection: FilteredSurvey): { index: number; cells: Shown[] }[] {
    const table = selection.survey.table;
    const columns = this.columns.map((name) => ({ name, values: table.array(name), variable: this.variable(name), drawn: drawnMask(selection.survey, name) }));
    let rows = [...selection.view.indices()].map((index) => ({
      index,
      cells: columns.map((c): Shown => {
        const value: unknown = c.values[index];
        return { value, text: this.text(value, c.variable), drawn: (c.drawn?.[index] ?? 0) === 1 };
      }),
    }));
    const q = this.query.trim().toLowerCase();
    if (q) rows = rows.filter((r) => r.cells.some((c) => c.text.toLowerCase().includes(q)));
    const sort = this.sortBy;
    const at = sort ? this.columns.indexOf(sort.column) : -1;
    if (sort && at >= 0) {
      rows.sort((a, b) => compare(a.cells[at]?.value, b.cells[at]?.value, sort.descending));
    }
    return rows;
  }

  private sort(column: string): void {
    this.sortBy = this.sortBy?.column === column ? { column, descending: !this.sortBy.descending } : { column, descending: false };
    this.page = 0;
  }

  protected override render(): unknown {
    const selection = this.selection;
    const a = this.i18n.words.authoring;
    if (!selection) return html`<p class="nb-panel-loading">${a.loadingRespondents}</p>`;
    const rows = this.rows(selection);
    const pages = Math.max(1, Math.ceil(rows.length / PAGE));
    const page = Math.min(this.page, pages - 1);
    const shown = rows.slice(page * PAGE, page * PAGE + PAGE);
    const anyDrawn = selection.survey.draws !== undefined;
    return html`<div class="nb-dv">
      <p class="nb-dv-summary">${selection.summary}</p>
      ${selection.survey.reconstructed ? html`<p class="nb-dv-notice">${selection.notice}</p>` : nothing}
      <div class="nb-dv-controls">
        <input class="nb-panel-search" type="search" placeholder=${a.searchValues} aria-label=${a.searchRespondents} .value=${this.query} @input=${(e: Event) => ((this.query = e.target instanceof HTMLInputElement ? e.target.value : ""), (this.page = 0))} />
        <label class="nb-dlg-check"><input type="checkbox" name="labels" .checked=${this.labels} @change=${(e: Event) => (this.labels = e.target instanceof HTMLInputElement && e.target.checked)} /> ${a.valueLabelsToggle}</label>
      </div>
      <label class="nb-dlg-field"><span>${a.columnsField}</span><input type="text" name="columns" .value=${this.columnText} @change=${(e: Event) => this.setColumns(e.target instanceof HTMLInputElement ? e.target.value : "")} /></label>
      ${anyDrawn ? html`<p class="nb-dv-legend"><span class="nb-dv-drawn-key"></span> ${a.drawnLegend}</p>` : nothing}
      <div class="nb-dv-scroll">
        <table class="nb-dv-table">
          <thead><tr>${this.columns.map((c) => {
            const sorted = this.sortBy?.column === c ? (this.sortBy.descending ? "descending" : "ascending") : "none";
            return html`<th scope="col" aria-sort=${sorted}><button @click=${() => this.sort(c)} title=${this.variable(c)?.no ?? c}>${c}${sorted === "ascending" ? " ▲" : sorted === "descending" ? " ▼" : ""}</button></th>`;
          })}</tr></thead>
          <tbody>${shown.map((r) => html`<tr>${r.cells.map((c) => html`<td class=${c.drawn ? "is-drawn" : ""} title=${c.drawn ? a.drawnTitle : ""}>${c.text}</td>`)}</tr>`)}</tbody>
        </table>
      </div>
      <div class="nb-dv-pages">
        <button class="nb-button" ?disabled=${page === 0} @click=${() => (this.page = page - 1)}>${a.previous}</button>
        <span>${rows.length === 0 ? a.noRows : a.rowRange(page * PAGE + 1, page * PAGE + shown.length, rows.length)}</span>
        <button class="nb-button" ?disabled=${page >= pages - 1} @click=${() => (this.page = page + 1)}>${a.next}</button>
      </div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "nb-data-viewer": NbDataViewer;
  }
}
