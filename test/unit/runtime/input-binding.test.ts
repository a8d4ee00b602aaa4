/**
 * Values from a share link or URL written into a notebook's inputs: validated at the boundary, an
 * input that cannot take its value keeps its own and is reported by name with the reason, and a
 * link's copy of an object option is matched back to the option itself.
 */
import { parseHTML } from "linkedom";
import { afterEach, describe, expect, it } from "vitest";
import { surveyFilterInput } from "../../../src/analysis/survey-filter-input";
import { EMPTY_FILTER } from "../../../src/data/survey-filter";
import type { CellDoc } from "../../../src/notebook/document";
import { headlessInputs } from "../../../src/runtime/headless-inputs";
import { applyInput, sameValue } from "../../../src/runtime/input-binding";
import { NotebookRuntime } from "../../../src/runtime/notebook-runtime";

const counties = [
  { fylke: 11, name: "Rogaland" },
  { fylke: 12, name: "Hordaland" },
  { fylke: 14, name: "Sogn og Fjordane" },
];
/** What JSON makes of a value: a link's copy, equal in content, never identical. */
const viaLink = <T>(value: T): unknown => JSON.parse(JSON.stringify(value));

let runtime: NotebookRuntime | undefined;
afterEach(() => runtime?.dispose());

async function run(inputs: Record<string, unknown>, ...cells: CellDoc[]): Promise<NotebookRuntime> {
  runtime = new NotebookRuntime({ builtins: { Inputs: headlessInputs, counties } });
  runtime.load({ title: "inputs", cells });
  for (const [name, value] of Object.entries(inputs)) runtime.setInput(name, value);
  await runtime.idle();
  return runtime;
}
const js = (id: string, source: string): CellDoc => ({ id, kind: "js", source });

describe("inputs over objects come back from a link by value", () => {
  it.each([
    ["select", "view(Inputs.select(counties, {format: (d) => d.name}))", counties[1], "county.name", "Hordaland"],
    ["radio", "view(Inputs.radio(counties))", counties[2], "county.name", "Sogn og Fjordane"],
    ["checkbox", "view(Inputs.checkbox(counties))", [counties[0], counties[2]], "county.map((d) => d.name).join()", "Rogaland,Sogn og Fjordane"],
    ["multiple select", "view(Inputs.select(counties, {multiple: true}))", [counties[2]], "county.map((d) => d.fylke).join()", "14"],
    ["table", "view(Inputs.table(counties))", [counties[0], counties[1]], "county.length", 2],
  ])("%s: the link's copy selects the option itself", async (_kind, input, chosen, use, expected) => {
    const rt = await run({ county: viaLink(chosen) }, js("1", `const county = ${input}`), js("2", use), js("3", "const same = [county].flat().every((c) => counties.includes(c))"));
    expect(rt.state("2")?.value).toEqual(expected);
    expect(rt.namedValues()["same"]).toBe(true);
    expect(rt.inputReport()).toEqual({ applied: ["county"], dropped: [] });
  });

  it("an object that is not one of the options is dropped, named, and the input keeps its value", async () => {
    const rt = await run({ county: { fylke: 13, name: "Bergen" } }, js("1", "const county = view(Inputs.select(counties))"), js("2", "county.name"));
    expect(rt.state("2")?.value).toBe("Rogaland");
    expect(rt.inputReport()).toEqual({
      applied: [],
      dropped: [{ name: "county", problem: { kind: "input-option", message: 'Input "county" keeps its own value: the link gave {"fylke":13,"name":"Bergen"}, which is not one of its options. Set it by hand, or ask the sender for a new link.' } }],
    });
  });
});

describe("inputs over primitives", () => {
  it.each([
    ["select", 'view(Inputs.select(["Nord", "Sør"]))', "Sør"],
    ["radio", 'view(Inputs.radio(["a", "b"]))', "b"],
    ["checkbox", "view(Inputs.checkbox([1, 2, 3]))", [1, 3]],
    ["range", "view(Inputs.range([0, 10]))", 7],
    ["text", 'view(Inputs.text({value: "x"}))', "hei"],
    ["table", "view(Inputs.table([1, 2, 3]))", [2]],
  ])("%s takes a value of its own kind", async (_kind, input, value) => {
    const rt = await run({ v: value }, js("1", `const v = ${input}`));
    expect(rt.namedValues()["v"]).toEqual(value);
    expect(rt.inputReport().applied).toEqual(["v"]);
  });

  it.each([
    ["range", "7", "view(Inputs.range([0, 10]))", /the link gave "7", but it takes a number/],
    ["range", null, "view(Inputs.range([0, 10]))", /the link gave null, but it takes a number/],
    ["text", { a: 1 }, 'view(Inputs.text({value: "x"}))', /but it takes text/],
    ["checkbox", 2, "view(Inputs.checkbox([1, 2, 3]))", /the link gave 2, but it takes a list/],
    ["toggle", "yes", "view(Inputs.toggle())", /but it takes true or false/],
    ["select", ["Nord"], 'view(Inputs.select(["Nord", "Sør"]))', /but it takes text/],
  ])("%s refuses %j with the reason, keeping its value", async (_kind, value, input, reason) => {
    const rt = await run({ v: value }, js("1", `const v = ${input}`), js("2", "typeof v"));
    const dropped = rt.inputReport().dropped;
    expect(dropped.map((d) => [d.name, d.problem.kind])).toEqual([["v", "input-shape"]]);
    expect(dropped[0]?.problem.message).toMatch(reason);
    expect(rt.state("2")?.status).toBe("fulfilled");
  });

  it("a value for an input the notebook does not have is reported as missing", async () => {
    const rt = await run({ nothere: 1 }, js("1", "1"));
    expect(rt.inputReport().dropped).toEqual([{ name: "nothere", problem: { kind: "input-missing", message: expect.stringContaining("this notebook has no input named nothere") } }]);
  });
});

describe("the survey filter bar is validated like any input", () => {
  const { document } = parseHTML("<!doctype html><html><body></body></html>");

  it.each([[null], ["fylke=11"], [{}], [{ fylke: "11", sizeClass: [], respType: [], adopted: [] }], [[11]]])("refuses %j and keeps its filter", (value) => {
    const input = surveyFilterInput(document, { value: { ...EMPTY_FILTER, fylke: [12] } });
    const outcome = applyInput(input, value, "filter");
    expect(outcome.applied).toBe(false);
    expect(input.value).toEqual({ ...EMPTY_FILTER, fylke: [12] });
  });

  it("takes a well-formed filter", () => {
    const input = surveyFilterInput(document);
    expect(applyInput(input, { fylke: [11], sizeClass: [2], respType: [], adopted: [] }, "filter")).toEqual({ applied: true });
    expect(input.value).toEqual({ fylke: [11], sizeClass: [2], respType: [], adopted: [] });
  });

  it("refuses a county the form does not have (13 did not exist in 1999)", () => {
    const input = surveyFilterInput(document);
    const outcome = applyInput(input, { fylke: [13], sizeClass: [], respType: [], adopted: [] }, "filter");
    expect(outcome).toEqual({ applied: false, problem: { kind: "input-rejected", message: expect.stringMatching(/^Input "filter" keeps its own value: it did not take/) } });
    expect(input.value).toEqual(EMPTY_FILTER);
  });

  it.each([[null], ["fylke=11"], [{}]])("a notebook opened from a link with filter = %j: no cell fails, and the report names the input", async (value) => {
    // As a share link does: the value is set before the filter's cell has run (it used to throw
    // inside that cell's run, failing it and every cell that reads the filter).
    runtime = new NotebookRuntime({ builtins: { filterBar: () => surveyFilterInput(document) } });
    const rt = runtime;
    const cells = [
      js("f", "const filter = view(filterBar())"),
      js("n", "const counties = filter.fylke.length"),
      js("s", "filter.sizeClass.includes(2)"),
      js("t", "`${counties} counties`"),
    ];
    rt.load({ title: "filter", cells });
    rt.setInput("filter", value);
    await rt.idle();
    const report = rt.inputReport();
    expect(report.applied).toEqual([]);
    expect(report.dropped.map((d) => d.name)).toEqual(["filter"]);
    expect(report.dropped[0]?.problem.message).toMatch(/^Input "filter" keeps its own value: the link gave .*, but it takes an object with keys fylke, sizeClass, respType, adopted/);
    expect(cells.map((c) => rt.state(c.id)?.status)).toEqual(["fulfilled", "fulfilled", "fulfilled", "fulfilled"]);
    expect(rt.state("t")?.value).toBe("0 counties");
  });
});

describe("sameValue", () => {
  it("compares JSON-like values by content and other objects by identity", () => {
    expect(sameValue({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toBe(true);
    expect(sameValue({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(sameValue([1, 2], [2, 1])).toBe(false);
    const d = new Date(0);
    expect(sameValue(d, new Date(0))).toBe(false);
    expect(sameValue(d, d)).toBe(true);
  });
});
