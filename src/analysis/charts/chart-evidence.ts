/**
 * What a plotted figure rests on, drawn the same way in every chart (the tables' markers, in marks):
 * a figure that differs between the reconstructions is hatched, its range across them drawn as a
 * whisker and written in its tooltip; printed, determined and "your data" figures stay solid. Each
 * mark carries the class the "Dim reconstructed" toggle reads (`tv-fig-<kind>`), and the chart ends
 * with the legend line of the tables (same words, from evidence-marker.ts).
 *
 * The charts' normaliser (charts.ts) puts the evidence on each figure of a chart's data; a chart
 * asks one `ChartEvidence` per drawing to split its marks by kind, hatch, whisker and title them. A
 * figure without evidence (data passed as plain arrays) is drawn as before and listed nowhere.
 */
import type { Locale } from "../../base/locale/locale";
import type { Evidence, EvidenceKind } from "../evidence/evidence";
import { evidenceClass, evidenceTitle } from "../evidence/evidence-marker";

/**
 * The ink of a reconstruction-dependent figure's whisker and hatching (the tables' R marker colour),
 * as a saved chart (SVG, PNG) shows it: 6.8:1 on white.
 */
export const RECONSTRUCTION_INK = "#8a4b00";

/**
 * The role class of whiskers drawn on the chart's paper: the page repaints it in its theme
 * (workbench.css, `--reconstruction-ink`) — on the dark paper #8a4b00 has 2.4:1, too dim to read.
 */
export const WHISKER_CLASS = "tv-chart-whisker";

/** The legend a chart with evidence ends with: the kinds it drew, over how many reconstructions. */
export interface EvidenceLegend {
  kinds: readonly EvidenceKind[];
  draws: number;
  /** The id of the hatch pattern (frameChart defines it in the chart's root). */
  hatchId: string;
  /** Some dependent figure has a whisker. */
  ranges: boolean;
  /** The language of the legend. */
  locale: Locale;
}

/** The kinds in the order the tables' legend lists them. */
const KINDS: readonly EvidenceKind[] = ["printed", "determined", "reconstruction", "your-data"];

/**
 * The pattern id, from the chart's data: the same chart gets the same id on every render (a reload
 * must draw the same SVG), and another chart another id — a pattern inside a hidden (display: none)
 * chart would not paint a visible chart that referred to it.
 */
function patternId(data: unknown): string {
  const text = JSON.stringify(data) ?? "";
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return `tv-ev-hatch-${(h >>> 0).toString(36)}`;
}

/** Scale an evidence's range (a rate 0–1 drawn as 0–100 %). */
export function scaledEvidence(evidence: Evidence | undefined, factor: number): Evidence | undefined {
  if (!evidence?.range || factor === 1) return evidence;
  return { ...evidence, range: { min: evidence.range.min * factor, max: evidence.range.max * factor } };
}

/** One chart's evidence: what it drew, and the marks that show it. */
export class ChartEvidence {
  private readonly kinds = new Set<EvidenceKind>();
  private draws = 0;
  private whiskers = false;
  readonly hatchId: string;

  /** `data`: what the chart draws (it names the hatch pattern); `locale`: the legend's language. */
  constructor(
    data: unknown,
    private readonly locale: Locale,
  ) {
    this.hatchId = patternId(data);
  }

  /** Note that a figure of `evidence` is drawn (undefined: a figure without evidence). */
  note(evidence: Evidence | undefined): Evidence | undefined {
    if (evidence) {
      this.kinds.add(evidence.kind);
      this.draws = Math.max(this.draws, evidence.draws);
    }
    return evidence;
  }

  /**
   * `mark` once per evidence kind among `data`, each with the class the dimming toggle reads
   * (figures without evidence: one mark, no class). The order of `data` within a kind is kept.
   */
  split<T, M>(data: readonly T[], evidenceOf: (d: T) => Evidence | undefined, mark: (subset: T[], className: string | undefined) => M): M[] {
    const groups = new Map<EvidenceKind | undefined, T[]>();
    for (const d of data) {
      const kind = this.note(evidenceOf(d))?.kind;
      const group = groups.get(kind);
      if (group) group.push(d);
      else groups.set(kind, [d]);
    }
    return [...groups].map(([kind, subset]) => mark(subset, kind === undefined ? undefined : evidenceClass(kind)));
  }

  /** The reconstruction-dependent ones of `data`. */
  dependent<T>(data: readonly T[], evidenceOf: (d: T) => Evidence | undefined): T[] {
    return data.filter((d) => evidenceOf(d)?.kind === "reconstruction");
  }

  /** The fill that hatches a dependent mark drawn over the solid one. */
  get hatch(): string {
    return `url(#${this.hatchId})`;
  }

  /** The options of a hatch overlay mark (no pointer events: the solid mark below keeps its tooltip). */
  hatchOptions(): { fill: string; className: string; pointerEvents: string } {
    return { fill: this.hatch, className: evidenceClass("reconstruction"), pointerEvents: "none" };
  }

  /** The ones of `data` with a range across the reconstructions, for a whisker mark (the legend then explains whiskers). */
  ranged<T>(data: readonly T[], evidenceOf: (d: T) => Evidence | undefined): T[] {
    const out = data.filter((d) => evidenceOf(d)?.range !== undefined);
    if (out.length > 0) this.whiskers = true;
    return out;
  }

  /** The options of a whisker mark (the range across the reconstructions). */
  whiskerOptions(): { stroke: string; strokeWidth: number; className: string } {
    return { stroke: RECONSTRUCTION_INK, strokeWidth: 1.5, className: `${evidenceClass("reconstruction")} ${WHISKER_CLASS}` };
  }

  /** The legend for frameChart, or undefined when no figure had evidence. */
  legend(): EvidenceLegend | undefined {
    if (this.kinds.size === 0) return undefined;
    return { kinds: KINDS.filter((k) => this.kinds.has(k)), draws: this.draws, hatchId: this.hatchId, ranges: this.whiskers, locale: this.locale };
  }
}

/** A figure of a chart's data that carries what it rests on (the charts' normaliser puts it there). */
export interface Evidenced {
  readonly evidence?: Evidence;
}

/** What a figure carrying its own evidence rests on. */
export function ownEvidence(figure: Evidenced): Evidence | undefined {
  return figure.evidence;
}

/**
 * A chart's evidence over `figures`, which carry their own: the `ChartEvidence` (its hatch named
 * after `named`, what the chart draws) and the figures that rest on the reconstruction — the
 * set-up every chart kind starts its marks with.
 */
export function chartEvidence<T extends Evidenced>(named: unknown, figures: readonly T[], locale: Locale): { evidence: ChartEvidence; dependent: T[] } {
  const evidence = new ChartEvidence(named, locale);
  return { evidence, dependent: evidence.dependent(figures, ownEvidence) };
}

/** `title` with the figure's evidence after it: its class and, for a dependent figure, its range. */
export function titleWithEvidence(title: string, evidence: Evidence | undefined, locale: Locale, format: (n: number) => string, unit = ""): string {
  return evidence ? `${title}\n${evidenceTitle(evidence, locale, format, unit)}` : title;
}
