/**
 * The reference entries written by hand: other projects' libraries in scope (Arquero's `aq` and
 * `op`, Observable Plot and Inputs), whose own documentation is linked rather than extracted, and
 * `display`/`view`, which the runtime gives each cell. Everything else is extracted from our
 * sources' types and JSDoc (extract-reference.ts).
 */
import type { ReferenceEntry } from "./reference-types";

type Hand = Pick<ReferenceEntry, "name" | "kind" | "group" | "signature" | "description" | "details" | "example" | "links" | "source">;

export const LIBRARY_ENTRIES: readonly Hand[] = [
  {
    name: "aq",
    kind: "namespace",
    group: "library",
    signature: "aq",
    description: "Arquero, the table library: build, filter, group, pivot and join tables (`survey.table` is an Arquero table).",
    details: "Arquero 7 (pinned). `aq.table({...})` and `aq.from(rows)` make tables; verbs such as `filter`, `groupby`, `rollup`, `derive`, `orderby` return new tables; `op` holds the functions used inside verb expressions.",
    example: "survey.table.groupby(\"size_class\").count().orderby(\"size_class\")",
    links: [{ label: "Arquero API", href: "https://idl.uw.edu/arquero/api/" }],
    source: "arquero",
  },
  {
    name: "op",
    kind: "namespace",
    group: "library",
    signature: "op",
    description: "Arquero's functions for table expressions: op.count(), op.mean(x), op.median(x) …",
    details: "Used inside Arquero verbs, e.g. `rollup({n: op.count(), mean: op.mean(\"q1\")})`; also `aq.op`. A blank answer is `null` in the survey, its reconstructions and your own file: `op.count()` counts it, `op.valid(\"q6\")` counts the valid values, `op.mean`, `op.sum` and the other aggregates leave it out. `op.valid` is one of those aggregates: inside `filter` or `derive` it is the column's count, not a test of the row, and keeps every row. Test a row with `d.q6 !== null`; arithmetic reads `null` as 0, so guard it: `derive({y: (d) => d.q6 !== null ? d.q6 * 2 : null})`. A missing code (\"vet ikke\", 9) is a value a verb keeps unless told: `d.q6 !== 9`.",
    example: "survey.table.rollup({n: op.count(), kommuner: op.sum(\"resp_type\")})",
    links: [{ label: "Arquero op reference", href: "https://idl.uw.edu/arquero/api/op" }],
    source: "arquero",
  },
  {
    name: "Plot",
    kind: "namespace",
    group: "library",
    signature: "Plot.plot(options)",
    description: "Observable Plot, the charting library (loaded when a cell first uses it): `Plot.plot({marks: [...]})`.",
    details: "Marks such as `Plot.barX`, `Plot.dot`, `Plot.line` with scales and facets. The survey charts (`charts.*`) are built on it.",
    example: "Plot.plot({marks: [Plot.barY(survey.table.groupby(\"size_class\").count().objects(), {x: \"size_class\", y: \"count\"})]})",
    links: [{ label: "Observable Plot", href: "https://observablehq.com/plot/" }],
    source: "@observablehq/plot",
  },
  {
    name: "Inputs",
    kind: "namespace",
    group: "library",
    signature: "Inputs.select(values, options?) …",
    description: "Observable Inputs: select, range, checkbox, radio, text, table … — bind one with `view(…)`.",
    details: "Each input is an element with a `value` and an `input` event; `const x = view(Inputs.range([0, 10]))` shows it and makes `x` a value other cells follow. `Inputs.table(selection.table)` browses the respondents.",
    example: "const model = view(Inputs.select([\"q3\", \"q7\", \"q12\", \"q16\", \"q20\", \"q24\"], {label: \"Model\", value: \"q20\"}))",
    links: [{ label: "Observable Inputs", href: "https://observablehq.com/@observablehq/inputs" }, { label: "Source and API", href: "https://github.com/observablehq/inputs" }],
    source: "@observablehq/inputs",
  },
  {
    name: "display",
    kind: "function",
    group: "cell",
    signature: "display(value)",
    description: "Show a value below the cell (a table, a chart, text); a cell may display several.",
    details: "Returns its argument. A cell that calls display shows only what it displays, not its last expression.",
    example: "display(tables.frequencies(selection, \"q1\"))",
    links: [{ label: "Notebook Kit: JavaScript cells", href: "https://observablehq.com/notebook-kit/system-guide" }],
    source: "src/runtime/cell-run.ts",
  },
  {
    name: "view",
    kind: "function",
    group: "cell",
    signature: "view(input)",
    description: "Show an input and define a name that follows its value: `const x = view(Inputs.range([0, 10]))`.",
    details: "Cells that read the name rerun when the input moves; a link can carry the input's value.",
    example: "const minimum = view(Inputs.range([0, 100], {label: \"Minimum N\", step: 1, value: 10}))",
    links: [{ label: "Notebook Kit: inputs", href: "https://observablehq.com/notebook-kit/system-guide" }],
    source: "src/runtime/cell-run.ts",
  },
];
