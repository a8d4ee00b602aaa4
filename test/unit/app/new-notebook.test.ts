/**
 * A new notebook starts useful: the survey-analysis template runs through to its tables and chart
 * (headless, as the runner would), and its title follows its first heading until the analyst sets
 * one — the rule as a pure function, and as the session applies it when a cell is run.
 */
import { describe, expect, it } from "vitest";
import { NotebookSession } from "../../../src/app/notebook-session";
import { NOTEBOOK_TEMPLATES, notebookTemplate } from "../../../src/app/notebook-templates";
import { firstHeading, titleAfterEdit, UNTITLED } from "../../../src/app/notebook-title";
import type { CellDoc } from "../../../src/notebook/document";
import { NotebookRuntime } from "../../../src/runtime/notebook-runtime";
import { createAllAnalysisBuiltins } from "../../../src/analysis/all-builtins";
import { mergeLazy } from "../../../src/base/merge-lazy";
import { runNotebookHeadless } from "../../../src/runtime/headless";
import { nodeHost, nodeScope, respondentRecords } from "../notebooks/headless-survey";

const md = (id: string, source: string): CellDoc => ({ id, kind: "md", source });

describe("the title follows the first heading", () => {
  it("reads the first heading of the first markdown cell that has one", () => {
    expect(firstHeading([{ id: "1", kind: "js", source: "# not markdown" }, md("2", "Intro\n\n## *Kvalitet* i `1999`"), md("3", "# Later")])).toBe("Kvalitet i 1999");
    expect(firstHeading([md("1", "# N = ${selection.n}")])).toBe("N = …");
    expect(firstHeading([md("1", "no heading")])).toBeUndefined();
  });

  it("follows while the title is the placeholder or the old heading, and stops once the analyst sets one", () => {
    const before = [md("1", "# Survey analysis")];
    const after = [md("1", "# BMS and size")];
    expect(titleAfterEdit("Survey analysis", before, after)).toBe("BMS and size");
    expect(titleAfterEdit(UNTITLED, [md("1", "text")], after)).toBe("BMS and size");
    expect(titleAfterEdit("My own title", before, after)).toBe("My own title");
    // The heading deleted: a following title goes back to the placeholder, not to stale text.
    expect(titleAfterEdit("Survey analysis", before, [md("1", "no heading")])).toBe(UNTITLED);
  });

  it("is applied by the session when a markdown cell is run, and not after setTitle", () => {
    const session = new NotebookSession({ doc: notebookTemplate("survey-analysis").doc(), drafts: {}, inputs: {}, createRuntime: () => new NotebookRuntime() });
    session.setDraft("1", "# Balansert målstyring og størrelse\n\nMy question.");
    session.run("1");
    expect(session.doc.title).toBe("Balansert målstyring og størrelse");
    session.setTitle("Report for the council");
    session.setDraft("1", "# Something else");
    session.run("1");
    expect(session.doc.title).toBe("Report for the council");
  });
});

describe("the survey-analysis template", () => {
  it("is offered beside the blank notebook, titled by its own first heading", () => {
    expect(NOTEBOOK_TEMPLATES.map((t) => t.id)).toEqual(["blank", "survey-analysis"]);
    for (const t of NOTEBOOK_TEMPLATES) expect(firstHeading(t.doc().cells)).toBe(t.doc().title);
  });

  it("runs headless: the N, a crosstab with χ², its chart and a frequency table", async () => {
    const host = nodeHost();
    const builtins = mergeLazy(createAllAnalysisBuiltins(host), nodeScope(host).builtins());
    const run = await runNotebookHeadless(notebookTemplate("survey-analysis").doc(), { host, builtins, idleTimeoutMs: 60_000 });
    expect(run.cells.filter((c) => c.status !== "fulfilled").map((c) => `${c.id}: ${c.error?.message ?? c.status}`)).toEqual([]);
    const n = respondentRecords().length;
    expect(JSON.stringify(run.cells[1]?.value)).toContain(`N = ${n}`);
    const elements = run.cells.filter((c) => c.kind === "js").map((c) => (typeof c.value === "object" && c.value !== null && "element" in c.value ? c.value.element : null));
    expect(elements).toEqual(["figure", "svg", "figure"]);
  }, 60_000);
});
