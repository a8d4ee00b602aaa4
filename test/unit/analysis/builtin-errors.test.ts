/**
 * What an analyst sees when a builtin is called wrongly, as a cell shows it: what was expected, what
 * it got, the call that works (from the reference's example) and the anchor of the reference entry;
 * an unknown variable lists its close matches by name and by label. Also: the survey and the
 * selection are data the statistics take whole.
 */
import { describe, expect, it } from "vitest";
import { createAllAnalysisBuiltins } from "../../../src/analysis/all-builtins";
import { mergeLazy } from "../../../src/base/merge-lazy";
import { isProblemError } from "../../../src/base/result";
import { runNotebookHeadless } from "../../../src/runtime/headless";
import { crosstab } from "../../../src/stats/crosstab";
import { nodeHost, nodeScope, respondentRecords } from "../notebooks/headless-survey";

const host = nodeHost();
const scope = nodeScope(host);
const builtins = mergeLazy(createAllAnalysisBuiltins(host), scope.builtins());

/** Run one cell as the app would and return the message its error shows. */
async function cellError(source: string): Promise<{ message: string }> {
  const run = await runNotebookHeadless({ title: "t", cells: [{ id: "1", kind: "js", source }] }, { host, builtins });
  return { message: run.cells[0]?.error?.message ?? "" };
}

describe("errors that say the fix", () => {
  it("a missing argument: names it, shows the right call and the reference", async () => {
    const { message } = await cellError('stats.crosstab(selection, "size_class")');
    expect(message).toBe('stats.crosstab: the column variable (3rd argument) is a variable name in quotes, e.g. "q20", but it got nothing (undefined). Example: stats.crosstab(selection, "size_class", "q20"). Reference: stats.crosstab.');
  });

  it("a misspelt variable: the close match by name, with its label", async () => {
    const { message } = await cellError('stats.crosstab(selection, "size_class", "q2O")');
    expect(message).toMatch(/^stats\.crosstab: no variable "q2O" in the data \(the column variable \(3rd argument\)\)\. Did you mean q20 \(Balansert målstyring\)\? Example: /);
  });

  it("a word instead of a name: matches by label", async () => {
    expect((await cellError('tables.frequencies(selection, "county")')).message).toMatch(/no variable "county" in the data .* Did you mean fylke \(Fylke \(1999\)\)\?/);
    expect((await cellError('tables.frequencies(selection, "målstyring")')).message).toMatch(/Did you mean one of q20 \(Balansert målstyring\), /);
  });

  it("the data left out: says what the first argument is", async () => {
    const { message } = await cellError('stats.frequencies("q20")');
    expect(message).toBe('stats.frequencies: the first argument is the data — `selection` (the filtered respondents), `survey`, an Arquero table or columns {name: values} — but it got the text "q20". The data comes first, then the variables: stats.frequencies(selection, "q20", …). Example: stats.frequencies(selection, "q20"). Reference: stats.frequencies.');
  });

  it("a misspelt option: refused with the one meant, not ignored", async () => {
    const { message } = await cellError('tables.crosstab(selection, "size_class", "q20", {percentage: "row"})');
    expect(message).toMatch(/^tables\.crosstab: there is no option "percentage"\. Did you mean percent\? Its options: percent, counts, expected, /);
  });

  it("names where a list belongs, a number where text belongs, a filter without lists", async () => {
    expect((await cellError('stats.correlationMatrix(selection, "q30_5", "q6")')).message).toMatch(/^stats\.correlationMatrix: the variables \(2nd argument\) are a list of names in \[ \], e\.g\. \["q3", "q7"\]; it got the text "q30_5"\. Example: stats\.correlationMatrix\(selection, \[/);
    expect((await cellError("comparePrinted(selection, 2.1)")).message).toMatch(/^comparePrinted: the table id is text in quotes, "2\.1", not the number 2\.1/);
    expect((await cellError("applyFilter(survey, {fylke: 11})")).message).toMatch(/^applyFilter: the filter is an object of code lists — \{fylke: \[11\], .*The filter's "fylke" is not a list of values\. Example: applyFilter\(survey, \{fylke: \[11, 12\]\}\)/);
  });

  it("arguments in SPSS order (variables first, CROSSTABS /TABLES=q1 BY q20): the call with the data first", async () => {
    expect((await cellError('stats.crosstab("q1", "q20", selection)')).message).toContain('but it got the text "q1". The data comes first, then the variables: stats.crosstab(selection, "q1", …).');
  });

  it("a battery's question number: its items, not look-alike questions", async () => {
    const { message } = await cellError('stats.crosstab(selection, "q30", "q20")');
    expect(message).toMatch(/no variable "q30" in the data \(the row variable \(2nd argument\)\)\. Did you mean one of q30_1 \(I hvilken grad .*; one of q30's 5 items\), q30_2 /);
    expect(message).not.toContain("q32");
  });

  it("option where in a wrong shape: names the shape and the fix, not 'is not iterable'", async () => {
    expect((await cellError('stats.crosstab(selection, "q1", "q20", {where: [{variable: "fylke", codes: 11}]})')).message).toMatch(
      /^stats\.crosstab: the codes of condition 1 of option where are a list of numbers, e\.g\. codes: \[11\], but it got the number 11; write codes: \[11\]\. Example: /,
    );
    expect((await cellError('stats.crosstab(selection, "q1", "q20", {where: {fylke: 11}})')).message).toContain('option where is a list of conditions, e.g. {where: [{variable: "fylke", codes: [11]}]}, but it got an object. Name the variable and list its codes: {fylke: 11} is written [{variable: "fylke", codes: [11]}].');
    expect((await cellError('stats.pearson(selection, "q1", "q30_5", {where: [{variable: "county", codes: [11]}]})')).message).toMatch(/no variable "county" in the data \(the variable of condition 1 of option where\)\. Did you mean fylke/);
  });

  it("option weight: a column the data lacks, or the post-stratification itself, says how to weight", async () => {
    expect((await cellError('stats.crosstab(selection, "q1", "q20", {weight: "vekt"})')).message).toMatch(
      /^stats\.crosstab: option weight names no column "vekt" in the data\. Without a weight column, pass post-stratification weights: \{weight: w\.weights\} with w = stats\.postStratify\(selection, stats\.populationCells\(…\)\)\.weights\. Example: /,
    );
    expect((await cellError('stats.pearson(selection, "q1", "q30_5", {weight: {weights: new Float64Array(267), cells: []}})')).message).toContain("That is the post-stratification itself: pass its weights, {weight: w.weights}.");
  });

  it("a weight given to an unweighted kernel is refused, not ignored", async () => {
    const weight = "new Float64Array(survey.table.numRows()).fill(2)";
    expect((await cellError(`stats.spearman(selection, "q1", "q30_5", {weight: ${weight}})`)).message).toMatch(/^stats\.spearman: it computes unweighted, so it takes no option weight; leave it out\. Spearman's ρ is unweighted, as in SPSS NONPAR CORR; for a weighted correlation use stats\.pearson/);
    expect((await cellError(`stats.sizeClassMeans(selection, "q1", {weight: ${weight}})`)).message).toMatch(/^stats\.sizeClassMeans: it computes unweighted, so it takes no option weight; leave it out\. Example: /);
    expect((await cellError(`stats.correlationMatrix(selection, ["q1", "q30_5"], {weight: ${weight}})`)).message).toContain("takes no option weight");
  });

  it("a weighted correlation's df is printed to two decimals (it printed r(220.0900962363661))", async () => {
    const run = await runNotebookHeadless(
      { title: "t", cells: [{ id: "1", kind: "js", source: 'const test = stats.pearson(survey, "q1", "q30_5", {weight: new Float64Array(survey.table.numRows()).fill(1.01), language: "en"}).audit.test' }] },
      { host, builtins },
    );
    expect(String(run.cells[0]?.names?.test)).toMatch(/^r\(222\.22\) = −0\.104, p = \.\d{3}, two-sided$/);
  });

  it("carries the anchor of the reference entry on the Problem", () => {
    try {
      crosstab({ a: [1] }, "a", "b");
      expect.unreachable();
    } catch (e) {
      expect(isProblemError(e)).toBe(true);
      if (isProblemError(e)) expect(e.problem).toMatchObject({ kind: "unknown-variable", reference: { builtin: "stats.crosstab", anchor: "ref-stats-crosstab" } });
    }
  });
});

describe("the statistics take the survey and the selection whole", () => {
  it("stats.crosstab(survey, …) counts every respondent and labels from the codebook (it failed with 'Column \"rows\" has 267 rows')", async () => {
    const survey = await scope.survey();
    const ct = crosstab(survey, "size_class", "q20");
    const records = respondentRecords();
    const valid = records.filter((r) => r.size_class !== "" && ["1", "2", "3", "4"].includes(r.q20 ?? "")).length;
    expect(ct.total).toBe(valid);
    expect(ct.audit.n).toBe(records.length);
    expect(ct.rows[0]?.label).toBe("0-999 innbyggere");
    expect(ct.columnLabel).toBe("Balansert målstyring");
  });

  it("stats.crosstab(selection, …) counts the filtered respondents and says the filter", async () => {
    scope.setFilter({ fylke: [11], sizeClass: [], respType: [], adopted: [] });
    const selection = await scope.selection();
    const ct = crosstab(selection, "size_class", "q20");
    const rogaland = respondentRecords().filter((r) => r.fylke === "11");
    expect(ct.audit.n).toBe(rogaland.length);
    expect(ct.audit.filters).toEqual(["fylke 11 Rogaland"]);
    expect(ct.audit.disclosureSensitive).toBe(true);
    scope.setFilter({ fylke: [], sizeClass: [], respType: [], adopted: [] });
  });

  it("reaches the county labels from the survey", async () => {
    const survey = await scope.survey();
    expect(survey.labels("fylke")[11]).toBe("Rogaland");
    expect(survey.variable("size_class").codes).toHaveLength(6);
  });
});
