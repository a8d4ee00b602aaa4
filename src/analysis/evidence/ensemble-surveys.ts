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
 *
 * A filtered draw's `table` (apply-filter.ts: `table.reify(rows)`) is made without copying: a cell
 * that recomputes a figure on every draw reads two of ~200 columns (`s.table.array("q9")`), and
 * Arquero's reify copied every column of every draw, value by value, on every filter change. The
 * draw's columns are instead read through the selected rows when asked (`PickedColumn`), giving the
 * same values. (Index access `column[i]` is not offered, as on the unfiltered survey's columns:
 * cell code reads `at(i)`, `array(name)` or rows.)
 */
import { ColumnTable } from "arquero";
import type { Ensemble } from "../../data/ensemble";
import { ensembleTextColumn, isEnsembleTextColumn } from "../../data/ensemble-text-column";
import type { TextColumnData } from "../../data/loaders/column-builders";
import { TextColumnView } from "../../data/loaders/column-table";
import { rowsOf, type Survey, type SurveyRow } from "../survey";

/**
 * One column of a draw as Arquero reads it: `null` for a blank; the statistics get the decoded
 * values themselves. Decoded from the ensemble file when first read: a notebook's first open reads
 * about two thirds of the columns of each draw (the printed tables' variables and their evidence),
 * and decoding all 133 of each of 49 draws up front lay on the way to the drawn notebook (issue 11).
 */
class DrawnColumn {
  private decoded: Float64Array | undefined;

  constructor(
    private readonly decode: () => Float64Array,
    readonly length: number,
  ) {}

  /** The decoded values (NaN for blank), not a copy: a draw's arrays are decoded for it alone and never written. */
  toFloat64(): Float64Array {
    return (this.decoded ??= this.decode());
  }

  at(row: number): number | null {
    const v = this.toFloat64()[row] ?? Number.NaN;
    return v === v ? v : null;
  }

  *[Symbol.iterator](): Iterator<number | null> {
    for (let i = 0; i < this.length; i++) yield this.at(i);
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

/**
 * Draw `k`'s column `name` as cell code reads it: text for an identifier (knr, decoded now: its
 * spelling is made from the numbers), numbers for the rest (decoded when first read).
 */
function drawnColumn(ensemble: Ensemble, name: string, k: number): DrawnColumn | DrawnTextColumn {
  const decode = (): Float64Array => {
    const decoded = ensemble.column(name, k);
    if (!decoded) throw new Error(`The ensemble has no column ${name}, which it lists; rebuild it with \`npm run data:build\`.`);
    return decoded;
  };
  if (!isEnsembleTextColumn(name)) return new DrawnColumn(decode, ensemble.rows);
  const decoded = decode();
  const text = ensembleTextColumn(name, decoded);
  return text ? new DrawnTextColumn(text, decoded) : new DrawnColumn(() => decoded, ensemble.rows);
}

/** A column as an Arquero table holds it, and one of its values. */
type ColumnType = NonNullable<ReturnType<ColumnTable["column"]>>;
type DataValue = ReturnType<ColumnType["at"]>;

/** A column read through a list of row indices: value i is `base.at(rows[i])`. */
class PickedColumn {
  constructor(
    private readonly base: ColumnType,
    private readonly rows: ArrayLike<number>,
  ) {}

  get length(): number {
    return this.rows.length;
  }

  at(row: number): DataValue {
    return this.base.at(this.rows[row] ?? -1);
  }

  *[Symbol.iterator](): Iterator<DataValue> {
    for (let i = 0; i < this.rows.length; i++) yield this.at(i);
  }
}

/** A draw's respondents: `reify(rows)` of the unfiltered, unordered table picks rows without copying. */
class DrawTable extends ColumnTable {
  override reify(indices?: number[]): this {
    if (!indices || this.isFiltered() || this.isOrdered() || this.isGrouped()) return super.reify(indices);
    const rows = Uint32Array.from(indices);
    const names = this.columnNames();
    const data: Record<string, ColumnType> = {};
    for (const name of names) {
      const column = this.column(name);
      if (column) data[name] = new PickedColumn(column, rows);
    }
    return this.create({ data, names });
  }
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

/** The reconstructions' surveys (draws 1 … M−1; draw 0 is the canonical survey). */
const reconstructions = new WeakSet<Survey>();

/**
 * True for a reconstruction's survey (not the canonical one): a figure computed on one draw has no
 * ensemble of its own to rest on, so the evidenced kernels keep no evidence for it.
 */
export function isReconstruction(survey: Survey): boolean {
  return reconstructions.has(survey);
}

/** Per canonical survey with an ensemble: build its next draw (false once every draw is built), and how many there are. */
const building = new WeakMap<Survey, { next: () => boolean; draws: number }>();

/** The canonical survey with its ensemble: `draws` is [this survey, draw 1, …, draw M−1], built on first read. */
export function withEnsemble(canonical: Survey, ensemble: Ensemble): Survey {
  const n = canonical.table.numRows();
  if (ensemble.rows !== n) {
    throw new Error(`The ensemble has ${ensemble.rows} respondents per draw but respondents.csv has ${n}; rebuild both with \`npm run data:build\`.`);
  }
  const built: Survey[] = [];
  let idValues: unknown[] | undefined;
  const next = (): boolean => {
    if (built.length === 0) {
      built.push(survey);
      const ids = canonical.table.column("resp_id");
      // The same ids in every draw (rows in resp_id order): one copy, which no table writes to.
      idValues = ids ? Array.from({ length: n }, (_, i) => ids.at(i)) : undefined;
    }
    const k = built.length;
    if (k >= ensemble.draws) return false;
    const columns: Record<string, ColumnType> = {};
    for (const name of ensemble.variables) columns[name] = drawnColumn(ensemble, name, k);
    if (idValues) columns["resp_id"] = idValues;
    const draw = surveyOn(canonical, new DrawTable(columns), () => undefined, { draw: k });
    reconstructions.add(draw);
    built.push(draw);
    return built.length < ensemble.draws;
  };
  let draws: Survey[] | undefined;
  const survey = surveyOn(
    canonical,
    canonical.table,
    () => {
      if (!draws) {
        while (next());
        draws = built;
      }
      return draws;
    },
    { draws: ensemble.draws },
  );
  building.set(survey, { next, draws: ensemble.draws });
  return survey;
}

/**
 * Steps that build `survey`'s draws one at a time before `draws` is first read, which then finds
 * them built (a spare frame works ahead so: all 49 in one task were 9–12 ms). None for a survey
 * without an ensemble.
 */
export function drawBuildSteps(survey: Survey): (() => void)[] {
  const known = building.get(survey);
  if (!known) return [];
  return Array.from({ length: known.draws }, () => () => void known.next());
}
