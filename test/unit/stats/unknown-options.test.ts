/**
 * A misspelt option is refused with the closest valid name, not ignored: `{wieght: "w"}` used to run
 * the analysis unweighted without a word. Every `stats.*` builtin that takes an options object checks
 * its names once, at its entry (kernelInput, option-names.ts), with the same sentence the tables'
 * OptionReader writes. A spelt-out option left undefined is no option; a weight given to a kernel
 * that computes unweighted keeps its own message (what to do instead).
 */
import { describe, expect, it } from "vitest";
import { statsBuiltin } from "../../../src/analysis/stats-builtin";
import { createTables } from "../../../src/analysis/tables/tables";
import { unknownOptionText } from "../../../src/stats/option-names";
import { ProblemError } from "../../../src/base/result";
import { parseHTML } from "linkedom";

const data = { g: [1, 1, 1, 2, 2, 2], y: [1, 2, 3, 2, 3, 4], w: [1, 1, 2, 1, 1, 2], size_class: [1, 2, 3, 1, 2, 3], resp_type: [1, 1, 1, 2, 2, 2] };

function problem(f: () => unknown): { kind: string; message: string } {
  try {
    f();
  } catch (e) {
    if (e instanceof ProblemError) return { kind: String(e.problem.kind), message: e.message };
    return { kind: "not a Problem", message: String(e) };
  }
  return { kind: "none", message: "no error" };
}

const s = statsBuiltin;
// Each builtin called with one misspelt option, the name it should suggest and a name its list holds.
const CALLS: [string, () => unknown, string][] = [
  ["stats.frequencies", () => s.frequencies(data, "y", { wieght: "w" } as never), "weight"],
  ["stats.crosstab", () => s.crosstab(data, "g", "y", { allcodes: true } as never), "allCodes"],
  ["stats.pearson", () => s.pearson(data, "g", "y", { recod: {} } as never), "recode"],
  ["stats.spearman", () => s.spearman(data, "g", "y", { wher: [] } as never), "where"],
  ["stats.correlationMatrix", () => s.correlationMatrix(data, ["g", "y"], { methd: "spearman" } as never), "method"],
  ["stats.multipleResponse", () => s.multipleResponse(data, "q2", { casebase: "all" } as never), "caseBase"],
  ["stats.sizeClassRates", () => s.sizeClassRates(data, "y", [1], { levle: 0.9 } as never), "level"],
  ["stats.sizeClassMeans", () => s.sizeClassMeans(data, "y", { clases: [1, 2] } as never), "classes"],
  ["stats.compareGroups", () => s.compareGroups(data, "g", "y", { group: [1, 2] } as never), "groups"],
  ["stats.postHoc", () => s.postHoc(data, "g", "y", { ajust: "bonferroni" } as never), "adjust"],
  ["stats.weightingEffect", () => s.weightingEffect(data, "y", "w", { missng: {} } as never), "missing"],
  ["stats.populationCells", () => s.populationCells(data, { sizeVariabel: "size_class" } as never), "sizeVariable"],
  ["stats.postStratify", () => s.postStratify(data, [{ size_class: 1, resp_type: 1, population: 3 }], { typeVarable: "resp_type" } as never), "typeVariable"],
];

describe("an unknown option is refused with the closest valid name", () => {
  it.each(CALLS)("%s", (builtin, call, near) => {
    const p = problem(call);
    expect(p.kind).toBe("unknown-option");
    expect(p.message).toContain(builtin);
    expect(p.message).toMatch(new RegExp(`there is no option "\\w+"\\. Did you mean ${near}\\? Its options: .*${near}`));
  });

  it("stats.psppSyntax too", () => {
    const p = problem(() => s.psppSyntax([{ kind: "frequencies", variables: ["y"] }], { dataFile: "data.csv", columns: ["y"], langauge: "en" } as never));
    expect(p.kind).toBe("unknown-option");
    expect(p.message).toMatch(/there is no option "langauge"\. Did you mean language\?/);
  });

  it("the message in full, and the tables' refusal in the same words", () => {
    expect(problem(() => s.frequencies(data, "y", { wieght: "w" } as never)).message).toMatch(
      /^stats\.frequencies: there is no option "wieght"\. Did you mean weight\? Its options: codebook, missing, language, where, filters, weight, allCodes\./,
    );
    const { document } = parseHTML("<!doctype html><html><body></body></html>");
    const tables = createTables({ document: () => document, shared: false, locale: "en" });
    const table = problem(() => tables.frequencies(data, "y", { cumulativ: false } as never)).message;
    expect(table).toContain(unknownOptionText("cumulativ", ["cumulative", "showMissing", "caption", "notice", "decimals", "mask", "weight", "allCodes", "missing", "where", "filters", "codebook"]).slice(0, 60));
  });

  it("no suggestion when nothing is near, and an option left undefined is no option", () => {
    expect(problem(() => s.compareGroups(data, "g", "y", { xyzzyplugh: 1 } as never)).message).toMatch(/there is no option "xyzzyplugh"\. Its options: /);
    expect(s.frequencies(data, "y", { weight: undefined, allCodes: undefined }).validTotal).toBe(6);
  });

  it("a weight given to an unweighted kernel keeps its own advice", () => {
    expect(problem(() => s.compareGroups(data, "g", "y", { weight: "w" } as never)).message).toMatch(/computes unweighted, so it takes no option weight/);
    expect(problem(() => s.postHoc(data, "g", "y", { weight: "w" } as never)).message).toMatch(/stats\.postHoc.*computes unweighted, so it takes no option weight/);
    expect(problem(() => s.spearman(data, "g", "y", { weight: "w" } as never)).message).toMatch(/Spearman's ρ is unweighted/);
  });

  it("every option a kernel documents is taken", () => {
    expect(s.frequencies(data, "y", { weight: "w", allCodes: true, missing: { y: [9] }, where: [{ variable: "g", codes: [1] }], filters: ["f"], language: "en" }).validTotal).toBeGreaterThan(0);
    expect(s.postHoc(data, "g", "y", { level: 0.9, adjust: "bonferroni", groups: [1, 2], missing: {}, where: [], filters: [], language: "en" }).level).toBe(0.9);
  });
});
