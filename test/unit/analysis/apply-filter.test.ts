/**
 * applyFilter: the filter bar's value as a selection with N, an audit-ready view, and a message for
 * empty and tiny selections instead of NaN.
 */
import { describe, expect, it } from "vitest";
import { table } from "arquero";
import { applyFilter } from "../../../src/analysis/apply-filter";
import { surveyFromLoad } from "../../../src/analysis/survey";
import { messages } from "../../../src/base/locale/locale";
import { surveyFilterConditions } from "../../../src/data/survey-filter";
import { frequencies } from "../../../src/stats/index";

const columns = {
  resp_id: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
  fylke: [11, 11, 11, 12, 12, 12, 12, 12, 12, 12, 12, 20],
  size_class: [5, 2, 6, 6, 2, 2, 3, 3, 3, 4, 4, 1],
  resp_type: [1, 1, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1],
  q20: [1, 3, 1, 4, 1, 2, 2, 1, 4, 4, 4, null],
};
const q20 = { name: "q20", question: "q20", no: "", en: "", label: { no: "Balansert målstyring", en: "Balanced scorecard" }, kind: "categorical" as const, codes: [], missing: [], columns: { start: 1, end: 1 } };
const survey = surveyFromLoad({
  table: table(columns),
  codebook: { title: "", source: "", recordLength: 1, variables: [q20], skipRules: [], sets: [] },
  report: { file: "x", rows: 12, total: 0, counts: {}, issues: [], limit: 200, truncated: false },
  source: { name: "x.csv", format: "csv", label: "CSV", encoding: "utf-8", rows: 12, bytes: 100 },
});
const none = { fylke: [], sizeClass: [], respType: [], adopted: [] };

describe("applyFilter", () => {
  it("keeps everyone without a filter", () => {
    const sel = applyFilter(survey, none, { locale: "en" });
    expect(sel).toMatchObject({ n: 12, total: 12, status: "ok", message: "", summary: "N = 12 of 12", disclosureSensitive: false });
    expect(applyFilter(survey, none).summary).toBe("N = 12 av 12");
    expect(sel.table.numRows()).toBe(12);
  });

  it("selects Hordaland adopters of balansert målstyring: respondents 5 and 8", () => {
    const sel = applyFilter(survey, { ...none, fylke: [12], adopted: ["q20"] }, { locale: "en" });
    expect(sel.rows.map((r) => r.resp_id)).toEqual([5, 8]);
    expect(sel.view.numRows()).toBe(2);
    expect(sel.table.array("resp_id")).toEqual([5, 8]);
    expect(sel.status).toBe("tiny");
    expect(sel.message).toContain("Only 2 respondents match");
    expect(sel.disclosureSensitive).toBe(true);
    expect(sel.summary).toBe("N = 2 of 12 (county 12 Hordaland; adopted Balanced scorecard (q20 = 1))");
    const nb = applyFilter(survey, { ...none, fylke: [12], adopted: ["q20"] }, { locale: "nb" });
    expect(nb.summary).toBe("N = 2 av 12 (fylke 12 Hordaland; har innført Balansert målstyring (q20 = 1))");
    expect(nb.message).toContain("Bare 2 respondenter passer");
  });

  it("puts the filter in every statistics audit line", () => {
    const sel = applyFilter(survey, { ...none, sizeClass: [2, 3], respType: [1] }, { locale: "en" });
    const freq = frequencies(sel.view, "q20", { language: "en" });
    // Size class 2: respondents 2, 5, 6; size class 3: 7, 8, 9 — all kommuner.
    expect(freq.total).toBe(6);
    expect(freq.audit.line).toContain("filters: size class 2, 3; municipalities");
    // The selection carries its language: a kernel given it writes the audit line in it.
    const nb = applyFilter(survey, { ...none, sizeClass: [2, 3], respType: [1] }, { locale: "nb" });
    expect(frequencies(nb, "q20").audit.line).toContain("filtre: størrelsesklasse 2, 3; kommuner");
    expect(frequencies(sel, "q20").audit.line).toContain("filters: size class 2, 3; municipalities");
  });

  it("says so when nobody matches, and the kernels give null percentages rather than NaN", () => {
    const sel = applyFilter(survey, { ...none, fylke: [20], sizeClass: [6] }, { locale: "en" });
    expect(sel.n).toBe(0);
    expect(sel.status).toBe("empty");
    expect(sel.message).toBe("No respondents match (county 20 Finnmark; size class 6). Widen the filter: clear a county, a size class or a model.");
    const freq = frequencies(sel.view, "q20");
    expect(freq.valid).toEqual([]);
    expect(freq.notes[0]).toContain("Ingen rader er valgt");
    expect(JSON.stringify(sel)).not.toContain("NaN");
  });

  it("labels conditions with county names and model names", () => {
    expect(surveyFilterConditions({ fylke: [3], sizeClass: [], respType: [2], adopted: ["q7"] }, "en", () => "Servicetorg")).toEqual([
      { variable: "fylke", codes: [3], label: "county 3 Oslo" },
      { variable: "resp_type", codes: [2], label: "county authorities" },
      { variable: "q7", codes: [1], label: "adopted Servicetorg (q7 = 1)" },
    ]);
    expect(surveyFilterConditions({ fylke: [3], sizeClass: [5], respType: [2], adopted: ["q7"] }, "nb", () => "Servicetorg").map((c) => c.label)).toEqual([
      "fylke 3 Oslo", "størrelsesklasse 5", "fylkeskommuner", "har innført Servicetorg (q7 = 1)",
    ]);
  });

  it("builds the selection's rows and table only when read, from the one row-index view", () => {
    const sel = applyFilter(survey, { ...none, sizeClass: [6] });
    expect(Array.from(sel.view.indices())).toEqual([2, 3]);
    expect(sel.table.array("resp_id")).toEqual([3, 4]);
    expect(sel.rows.map((r) => r.resp_id)).toEqual([3, 4]);
    // Read twice, built once.
    expect(sel.table).toBe(sel.table);
    expect(sel.rows).toBe(sel.rows);
  });

  it("gives the survey's notice in the selection's language: the reconstruction's and a user's file's", () => {
    const bundled = surveyFromLoad(
      { table: table(columns), codebook: { title: "", source: "", recordLength: 1, variables: [q20], skipRules: [], sets: [] }, report: { file: "x", rows: 12, total: 0, counts: {}, issues: [], limit: 200, truncated: false }, source: { name: "respondents.csv", format: "csv", label: "CSV", encoding: "utf-8", rows: 12, bytes: 100 } },
      { reconstructed: true },
    );
    expect(applyFilter(bundled, none, { locale: "nb" }).notice).toBe(messages.nb.reconstructionNotice);
    expect(applyFilter(bundled, none, { locale: "en" }).notice).toBe(messages.en.reconstructionNotice);
    expect(messages.nb.reconstructionNotice).not.toBe(messages.en.reconstructionNotice);
    // A user's file: its name, rows and validation findings, in either language (the Survey's own notice is English).
    expect(applyFilter(survey, none, { locale: "en" }).notice).toBe(survey.notice);
    expect(applyFilter(survey, none, { locale: "nb" }).notice).toBe(`Respondenter fra ${survey.source} (${survey.table.numRows()} rader).`);
  });
});
