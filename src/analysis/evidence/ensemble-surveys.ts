/**
 * The ensemble of reconstructions as Surveys: draw k is the canonical survey's report facts and
 * codebook with draw k's respondents, so every builtin runs on a draw exactly as on the canonical
 * survey. Draw 0 is the canonical survey itself (respondents.csv is draw 0), so its results are
 * computed once.
 *
 * A draw's blank is `null` when cell code reads it, as in the survey and a user's file
 * (docs/decisions.md, "Blanks are null"): the decoded Float64Array (NaN for blank) stays underneath
 * for the statistics, which take it without a copy. Its knr is text ("0231") as in the survey
 * (data/ensemble-text-column.ts); the statistics still read the decoded numbers.
 */
import { table as arqueroTable, type ColumnTable } from "arquero";
import type { Ensemble } from "../../data/ensemble";
import { ensembleTextColumn } from "../../data/ensemble-text-column";
import type { TextColumnData } from "../../data/loaders/column-builders";
import { NumberColumnView, TextColumnView } from "../../data/loaders/column-table";
import { rowsOf, type Survey, type SurveyRow } from "../survey";

/** One decoded column of a draw as Arquero reads it: `null` for a blank; the statistics get `decoded` itself. */
class DrawnColumn extends NumberColumnView {
  constructor(private readonly decoded: Float64Array) {
    super({ type: "number", values: decoded });
  }

  /** The decoded values (NaN for blank), not a copy: a draw's arrays are decoded for it alone and never written. */
  override toFloat64(): Float64Array {
    return this.decoded;
  }
}

/** A drawn identifier as cell code reads it: text as in the survey (knr "0231"); the statistics get `decoded`. */
class DrawnTextColumn extends TextColumnView {
  constructor(
    data: TextColumnData,
    private readonly decoded: Float64Array,
  ) {
    super(data);
  }

  /** The decoded values (NaN for blank): the numbers the statistics read from the survey's text too (`toNumber`). */
  toFloat64(): Float64Array {
    return this.decoded;
  }
}

/** One decoded column of a draw as cell code reads it: text for an identifier (knr), numbers for the rest. */
function drawnColumn(name: string, decoded: Float64Array): DrawnColumn | DrawnTextColumn {
  const text = ensembleTextColumn(name, decoded);
  return text ? new DrawnTextColumn(text, decoded) : new DrawnColumn(decoded);
}

/** `base` with other respondents (`table`) and the given draws; row objects built on first read. */
function surveyOn(base: Survey, table: ColumnTable, draws: () => readonly Survey[] | undefined, label: Record<string, unknown>): Survey {
  let rows: SurveyRow[] | undefined;
  return {
    table,
    view: table,
    get rows() {
      return (rows ??= rowsOf(table));
    },
    codebook: base.codebook,
    models: base.models,
    printed: base.printed,
    adopters: base.adopters,
    validation: base.validation,
    reconstructed: base.reconstructed,
    notice: base.notice,
    source: base.source,
    file: base.file,
    variable: base.variable,
    labels: base.labels,
    get draws() {
      return draws();
    },
    toJSON: () => ({ ...base.toJSON(), ...label }),
  };
}

/** The canonical survey with its ensemble: `draws` is [this survey, draw 1, …, draw M−1], built on first read. */
export function withEnsemble(canonical: Survey, ensemble: Ensemble): Survey {
  const n = canonical.table.numRows();
  if (ensemble.rows !== n) {
    throw new Error(`The ensemble has ${ensemble.rows} respondents per draw but respondents.csv has ${n}; rebuild both with \`npm run data:build\`.`);
  }
  let draws: Survey[] | undefined;
  const survey = surveyOn(canonical, canonical.table, () => (draws ??= build()), { draws: ensemble.draws });
  const build = (): Survey[] => {
    const ids = canonical.table.column("resp_id");
    const out: Survey[] = [survey];
    for (let k = 1; k < ensemble.draws; k++) {
      const columns = new Map<string, NumberColumnView | TextColumnView | unknown[]>();
      for (const [name, decoded] of ensemble.draw(k)) columns.set(name, drawnColumn(name, decoded));
      if (ids) columns.set("resp_id", Array.from({ length: n }, (_, i) => ids.at(i)));
      out.push(surveyOn(canonical, arqueroTable(columns), () => undefined, { draw: k }));
    }
    return out;
  };
  return survey;
}
