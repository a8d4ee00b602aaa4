/**
 * <nb-export-menu>: "CSV", "SVG", "PNG" buttons for one output, placed beside it (see
 * `withExportMenus` in render-output.ts). CSV is offered when `table` is set — numbers with a
 * decimal point, UTF-8 with a byte-order mark, formula-like text guarded (src/analysis/export-table.ts)
 * — SVG and PNG when `chart` holds (or contains) an `<svg>`. The file name comes from `name`, made
 * safe by `exportFilename`. Event: `nb-export` with `{ format, filename }` after a download was offered.
 */
import { html, nothing, type PropertyValues } from "lit";
import { LightElement } from "./light-element";
import { customElement, property, state } from "lit/decorators.js";
import { tableToCsv, type CsvOptions, type ExportableTable } from "../analysis/export-table";
import { downloadBlob, findChartSvg, pngBlob, svgBlob } from "../app/export-chart";
import { exportFilename } from "../app/export-filename";
import { fire } from "./events";
import { LocaleController } from "./locale-controller";
import "./nb-export-menu.css";

/** The formats the menu offers. */
export type ExportFormat = "csv" | "svg" | "png";

/** Export buttons for one output (see the file comment). */
@customElement("nb-export-menu")
export class NbExportMenu extends LightElement {
  /** Base of the file names and of the buttons' labels, e.g. the chart or table title. */
  @property() name = "utdata";
  /** The table to export as CSV. */
  @property({ attribute: false }) table: ExportableTable | undefined;
  /** CSV options; by default with a BOM so Excel reads æøå. */
  @property({ attribute: false }) csvOptions: CsvOptions = { bom: true };
  /** The chart element (an `<svg>` or an element containing one). */
  @property({ attribute: false }) chart: Element | undefined;
  @state() private error = "";
  private readonly i18n = new LocaleController(this);

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A kept menu pointed at a new output (withExportMenus): an error about the old one is gone.
    if (changed.has("chart") || changed.has("table")) this.error = "";
  }

  private async export(format: ExportFormat): Promise<void> {
    this.error = "";
    const filename = exportFilename(this.name, format);
    try {
      if (format === "csv") {
        if (!this.table) throw new Error("there is no table to export");
        downloadBlob(new Blob([tableToCsv(this.table, this.csvOptions)], { type: "text/csv;charset=utf-8" }), filename);
      } else {
        const svg = this.chart ? findChartSvg(this.chart) : null;
        if (!svg) throw new Error("there is no chart to export");
        downloadBlob(format === "svg" ? svgBlob(svg) : await pngBlob(svg, { scale: 2 }), filename);
      }
      fire(this, "nb-export", { format, filename });
    } catch (err) {
      this.error = this.i18n.words.exportFailed(err instanceof Error ? err.message : String(err));
    }
  }

  protected override render(): unknown {
    const formats: ExportFormat[] = [
      ...(this.table ? (["csv"] as const) : []),
      ...(this.chart ? (["svg", "png"] as const) : []),
    ];
    if (formats.length === 0) return nothing;
    const t = this.i18n.words;
    return html`<div class="nb-export-menu" role="group" aria-label=${t.exportOutputLabel(this.name)}>
      ${formats.map(
        (f) => html`<button class="nb-button nb-export-${f}" title=${t.downloadAs(this.name, f.toUpperCase())}
          @click=${() => void this.export(f)}>${f.toUpperCase()}</button>`,
      )}
      ${this.error ? html`<span class="nb-error" role="alert">${this.error}</span>` : nothing}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "nb-export-menu": NbExportMenu;
  }
}
