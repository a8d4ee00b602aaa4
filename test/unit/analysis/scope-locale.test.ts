import { describe, expect, it } from "vitest";
import { SurveyScope } from "../../../src/analysis/survey-scope";
import { LOCALIZED_NAMES, ANALYSIS_NAMES } from "../../../src/analysis/lazy-builtins";
import { EMPTY_FILTER } from "../../../src/data/survey-filter";

/** A runtime stand-in that records what the scope redefines, and the value each definition gives. */
function recorder() {
  const calls: { name: string; value: unknown }[] = [];
  return { calls, setBuiltin: (name: string, define: () => unknown) => calls.push({ name, value: define() }) };
}

describe("the language as a scope builtin", () => {
  const scope = () => {
    const s = new SurveyScope(() => new Promise(() => undefined));
    s.localize({ names: ["tables", "fmt"], define: (locale, name) => `${name}@${locale}` });
    return s;
  };

  it("starts in norsk and defines the localized names for it", () => {
    const s = scope();
    const builtins = s.builtins();
    expect(Reflect.get(builtins, "locale")).toBe("nb");
    expect(Reflect.get(builtins, "tables")).toBe("tables@nb");
  });

  it("a switch redefines `locale`, `selection` (its summary and audit lines are in the language) and exactly the localized names; the same language again does nothing", () => {
    const s = scope();
    const target = s.attached(recorder());
    s.setLocale("en");
    expect(target.calls.map((c) => c.name)).toEqual(["locale", "selection", "tables", "fmt"]);
    expect(target.calls.filter((c) => c.name !== "selection")).toEqual([{ name: "locale", value: "en" }, { name: "tables", value: "tables@en" }, { name: "fmt", value: "fmt@en" }]);
    s.setLocale("en");
    expect(target.calls).toHaveLength(4);
  });

  it("a filter change leaves the localized names alone", () => {
    const s = scope();
    const target = s.attached(recorder());
    s.setFilter({ ...EMPTY_FILTER, fylke: [11] });
    expect(target.calls.map((c) => c.name)).toEqual(["filter", "selection"]);
  });

  it("localizes only names the analysis layer has, stats included (its audit lines are in the language)", () => {
    for (const name of LOCALIZED_NAMES) expect(ANALYSIS_NAMES).toContain(name);
    expect(LOCALIZED_NAMES).toContain("stats");
  });
});
