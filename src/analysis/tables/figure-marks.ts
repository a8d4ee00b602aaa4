/**
 * The evidence of the figures one report table shows (tables.*): each figure cell gets the marker of
 * what it rests on (P/D/R/Y, the range across the reconstructions for R), the class the dimming
 * toggle reads, and CSV columns `<column>_evidence`, `_min`, `_max` beside its text; test statistics
 * in the audit lines get the same words inline; the table ends with the legend of the markers it used
 * and a tally in its audit. A figure the disclosure guard hides ("< 3", "·", "–") gets no marker: a
 * range could give the count back.
 */
import type { Evidence, EvidenceKind } from "../evidence/evidence";
import type { Locale } from "../../base/locale/locale";
import { evidenceMark, evidenceClass, evidenceFields, evidenceLegend, evidenceMarker, evidenceSummary, rangeText } from "../evidence/evidence-marker";
import type { Audit } from "../../stats/audit";
import type { WithEvidence } from "../evidence/across-draws";
import { drawnValuesLine } from "../evidence/drawn-values";
import { evidenceOfResult } from "../evidence/result-evidence";
import { setExportFields } from "../export-fields";
import { element, formatNumber } from "./table-dom";

/** Texts that show no figure (hidden by the guard, or nothing to show). */
const NOT_A_FIGURE = /^(|–|·|< 3|.*< 3.*|.*·.*)$/;

/** The marks of one table; without evidence (a result computed on a view or plain columns) it marks nothing. */
export class FigureMarks {
  private readonly seen = new Set<EvidenceKind>();
  private readonly counted: Record<EvidenceKind, number> = { printed: 0, determined: 0, reconstruction: 0, "your-data": 0 };

  constructor(
    private readonly doc: Document,
    private readonly evidence: WithEvidence<unknown> | undefined,
    /** The language of the tooltips, legend and tally. */
    private readonly locale: Locale,
  ) {}

  /** The evidence of the figure at `path` in the result (undefined without evidence). */
  of(path: string | undefined): Evidence | undefined {
    return path === undefined ? undefined : this.evidence?.evidence(path);
  }

  private note(e: Evidence): void {
    this.seen.add(e.kind);
    this.counted[e.kind]++;
  }

  /**
   * A `td` showing `text`, marked with the evidence of `path` when it shows a figure; CSV columns under
   * `column`. `ownRange` false: the figure rests on what the figure at `path` rests on but is another
   * number (a margin's percentage, on its count), so it takes the class without that figure's range.
   */
  cell(text: string, column: string, path: string | undefined, format: (n: number) => string = (n) => formatNumber(n), unit = "", ownRange = true): HTMLTableCellElement {
    const td = element(this.doc, "td", text);
    const found = this.of(path);
    const e = found && !ownRange ? { kind: found.kind, draws: found.draws } : found;
    if (!e || NOT_A_FIGURE.test(text)) return td;
    this.note(e);
    td.classList.add(evidenceClass(e.kind));
    td.append(evidenceMarker(this.doc, e, this.locale, format, unit));
    setExportFields(td, [[column, text], ...evidenceFields(column, e)]);
    return td;
  }

  /** "χ² R 8,10–15,20" for a statistic written in a line; just `name` without evidence. */
  inline(name: string, path: string, format: (n: number) => string): string {
    const e = this.of(path);
    if (!e) return name;
    this.note(e);
    const range = rangeText(e, format);
    return `${name} ${evidenceMark(e.kind)}${range ? ` ${range}` : ""}`;
  }

  /** The audit's tally of what the table's figures rest on (none without evidence). */
  auditLines(): string[] {
    return this.seen.size > 0 && this.evidence ? [evidenceSummary(this.counted, this.evidence.draws, this.locale)] : [];
  }

  /** Append the legend of the markers used to `figure`. */
  legendInto(figure: HTMLElement): HTMLElement {
    if (this.seen.size > 0 && this.evidence) figure.append(evidenceLegend(this.doc, this.seen, this.evidence.draws, this.locale));
    return figure;
  }
}

/** What the figures of a table rest on, when its result was computed on a selection or survey. */
export interface TableEvidence {
  evidence?: WithEvidence<unknown>;
  /** The audit's line naming the variables the reconstruction drew. */
  drawn?: string;
}

/** A result's evidence and its drawn-values line in the table's `locale` (counts left out when the table is masked). */
export function tableEvidence(result: { audit: Audit }, mask: boolean, locale: Locale): TableEvidence {
  const found = evidenceOfResult(result);
  if (!found) return {};
  const variables = [...found.selection.conditions.map((c) => c.variable), ...result.audit.excluded.map((e) => e.variable)];
  return { evidence: found.figures, drawn: drawnValuesLine(found.selection, variables, !mask, locale) || undefined };
}