/**
 * The cell-source generator (src/analysis/cell-source): what it writes runs in a real runtime over
 * the bundled survey, and what it shows is what the statistics compute — the crosstab cell's counts
 * and row percentages are `stats.crosstab`'s, the live markdown line prints its χ² and Cramér's V,
 * the what-if tables count the respondents of each filter state. Hostile labels stay text.
 */
import { messages } from "../../../src/base/locale/locale";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAllAnalysisBuiltins } from "../../../src/analysis/all-builtins";
import { analysisCells, type AnalysisSpec, type GenerateContext, type GeneratedCell } from "../../../src/analysis/cell-source/cell-source";
import type { Codebook } from "../../../src/data/codebook";
import { mergeLazy } from "../../../src/base/merge-lazy";
import { NotebookRuntime } from "../../../src/runtime/notebook-runtime";
import { createStdlib } from "../../../src/runtime/stdlib";
import { isMarkdownOutput } from "../../../src/runtime/types";
import { createAnalysisBuiltins } from "../../../src/analysis/builtins";
import type { Survey } from "../../../src/analysis/survey";
import { nodeHost, nodeScope } from "../notebooks/headless-survey";

const host = nodeHost();
const scope = nodeScope(host);
const stats = createAnalysisBuiltins(host).stats;
let codebook: Codebook;
let survey: Survey;
const runtimes: NotebookRuntime[] = [];

beforeAll(async () => {
  codebook = await scope.codebook();
  survey = await scope.survey();
}, 60_000);
afterAll(() => runtimes.forEach((r) => r.dispose()));

function context(extra: Partial<GenerateContext> = {}): GenerateContext {
  const all = [...codebook.variables, ...(codebook.derived ?? [])];
  return { label: (name) => { const v = all.find((x) => x.name === name); return v ? (v.label?.no ?? v.no) : undefined; }, ...extra };
}

function cellsOf(spec: AnalysisSpec, ctx = context()): GeneratedCell[] {
  const result = analysisCells(spec, ctx);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/** Run the cells in a live runtime over the survey; return each cell's settled state. */
async function run(cells: GeneratedCell[]): Promise<NotebookRuntime> {
  const runtime = scope.attached(new NotebookRuntime({ builtins: mergeLazy(createStdlib(host), createAllAnalysisBuiltins(host), scope.builtins()), timeoutMs: 20_000 }));
  runtimes.push(runtime);
  runtime.load({ title: "generated", cells: cells.map((c, i) => ({ id: String(i + 1), ...c })) });
  await runtime.idle();
  return runtime;
}

/** A linkedom node (not the global DOM types of a browser). */
interface LooseNode {
  textContent: string | null;
  className?: string;
  childNodes: Iterable<LooseNode>;
}

/** A linkedom element that can be queried. */
interface Queryable {
  querySelectorAll(selector: string): Iterable<{ children: Iterable<LooseNode> }>;
}

function isQueryable(value: unknown): value is Queryable {
  return typeof value === "object" && value !== null && "querySelectorAll" in value && typeof value.querySelectorAll === "function";
}

/** A table cell's figure as printed, without its evidence marker (P/D/R/Y and a range, evidence-marker.ts). */
function figure(cell: LooseNode): string {
  return [...cell.childNodes]
    .filter((n) => !(n.className ?? "").split(" ").includes("tv-ev"))
    .map((n) => n.textContent ?? "")
    .join("")
    .trim();
}

function tableRows(value: unknown): string[][] {
  if (!isQueryable(value)) throw new Error("not a DOM element");
  return [...value.querySelectorAll("tbody tr")].map((tr) => [...tr.children].map(figure));
}

describe("analysisCells", () => {
  it("writes a crosstab whose counts and row percentages are stats.crosstab's, with a live χ² line", async () => {
    const cells = cellsOf({ kind: "crosstab", row: "size_class", column: "q20", percent: ["row"], liveLine: true }, context({ taken: ["ct"] }));
    expect(cells.map((c) => c.source)).toContain('tables.crosstab(selection, "size_class", "q20", {percent: "row"})');
    const runtime = await run(cells);
    for (let i = 1; i <= cells.length; i++) expect(runtime.state(String(i))?.error?.message ?? "", cells[i - 1]?.source).toBe("");
    const ct = stats.crosstab(survey, "size_class", "q20");
    const rows = tableRows(runtime.state("2")?.value);
    let checked = 0;
    ct.rows.forEach((category, i) => {
      const countRow = rows.find((r) => r[0] === category.label && r[1] === messages.nb.count);
      const at = rows.indexOf(countRow ?? []);
      const percentRow = rows[at + 1];
      expect(countRow, category.label).toBeDefined();
      expect(percentRow?.[1]).toBe(messages.nb.rowPercent);
      ct.columns.forEach((_, j) => {
        const cell = ct.cells[i]?.[j];
        const count = cell?.count ?? -1;
        // Counts of 1–2 are masked under a size-class filter only; without a filter every count shows.
        expect(countRow?.[2 + j]).toBe(String(count));
        expect(percentRow?.[2 + j]).toBe(`${(cell?.rowPercent ?? 0).toFixed(1).replace(".", ",")} %`);
        checked++;
      });
    });
    expect(checked).toBe(ct.rows.length * ct.columns.length);
    // `ct` was taken: the result is named ct2, and the markdown line prints its figures.
    expect(cells.some((c) => c.source.startsWith("const ct2 = stats.crosstab("))).toBe(true);
    const line = runtime.state(String(cells.length))?.value;
    expect(isMarkdownOutput(line)).toBe(true);
    const html = isMarkdownOutput(line) ? line.html : "";
    expect(html).toContain(`Pearson χ²(${ct.tests.pearson.df}) = ${ct.tests.pearson.value?.toFixed(2)}`);
    // markdown prints the apostrophe as an entity or a typographic one
    expect(html).toMatch(new RegExp(`Cramér(?:'|&#39;|’)s V = ${ct.measures.cramersV?.toFixed(3)}`));
  }, 60_000);

  it("writes frequencies, correlations and size-class cells that run", async () => {
    const specs: AnalysisSpec[] = [
      { kind: "frequencies", variable: "q1", cumulative: true },
      { kind: "correlations", variables: ["q30_5", "q6", "q11"], method: "spearman", deletion: "listwise", fdr: true, heatmap: true },
      { kind: "size-class", variable: "q20", success: [1, 2], chart: true },
    ];
    const cells = specs.flatMap((s) => cellsOf(s));
    expect(cells.map((c) => c.source)).toContain('tables.correlations(selection, ["q30_5", "q6", "q11"], {method: "spearman", deletion: "listwise", fdr: true})');
    const runtime = await run(cells);
    cells.forEach((c, i) => {
      expect(runtime.state(String(i + 1))?.error?.message ?? "", c.source).toBe("");
      expect(runtime.state(String(i + 1))?.status, c.source).toBe("fulfilled");
    });
  }, 60_000);

  it("writes a what-if whose two tables count each filter state's respondents", async () => {
    const cells = cellsOf({ kind: "what-if", variable: "q20", a: { sizeClass: [1, 2] }, b: { sizeClass: [5, 6], respType: [1] } });
    const runtime = await run(cells);
    const sizes = survey.table.array("size_class");
    const types = survey.table.array("resp_type");
    const nA = [...sizes].filter((s) => s === 1 || s === 2).length;
    const nB = [...sizes].filter((s, i) => (s === 5 || s === 6) && types[i] === 1).length;
    expect(nA).toBeGreaterThan(0);
    const [tableA, tableB] = [runtime.state("3")?.value, runtime.state("5")?.value];
    // The frequency table's last row is the grand total (valid and missing): every respondent of the state.
    const total = (value: unknown): number => Number(tableRows(value).filter((r) => r[0] === messages.nb.total).pop()?.[2]);
    expect(total(tableA)).toBe(nA);
    expect(total(tableB)).toBe(nB);
  }, 60_000);

  it("keeps labels as text: a ${…} or a backtick in a label cannot run", async () => {
    const hostile = context({ label: (name) => (name === "q20" ? "${globalThis.pwned = 1}`)" : "size") });
    const cells = cellsOf({ kind: "crosstab", row: "size_class", column: "q20", percent: ["row"] }, hostile);
    const runtime = await run(cells);
    const heading = runtime.state("1")?.value;
    expect(isMarkdownOutput(heading) ? heading.html : "").toContain("${globalThis.pwned = 1}`)");
    expect(Reflect.get(globalThis, "pwned")).toBeUndefined();
  }, 60_000);

  it("refuses a variable the codebook lacks, and a matrix of one variable, saying the fix", () => {
    const unknown = analysisCells({ kind: "frequencies", variable: 'q20"); alert(1); ("' }, context());
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) expect(unknown.error.message).toMatch(/No variable .* in the codebook: pick one/);
    const one = analysisCells({ kind: "correlations", variables: ["q6"], method: "pearson", deletion: "pairwise", fdr: false }, context());
    expect(one.ok ? "" : one.error.message).toMatch(/at least two variables/);
  });
});
