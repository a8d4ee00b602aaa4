/**
 * loadSurvey over the bundled files and surveyFromLoad over a user's own file: the same Survey
 * shape, the reconstruction notice only on the bundled data, and load failures that name the file
 * and the fix. SurveySource: the report's facts read once, a user's file compared with the print
 * without reading the bundled respondents, one selection per (survey, filter).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { surveyFromLoad, type SurveyHost } from "../../../src/analysis/survey";
import { loadSurvey, SurveySource } from "../../../src/analysis/survey-source";
import { isProblemError } from "../../../src/base/result";
import { RECONSTRUCTION_NOTICE, SURVEY_PATHS } from "../../../src/data/bundled-survey";
import type { Codebook } from "../../../src/data/codebook";
import { loadFile } from "../../../src/data/loaders/load-file";
import type { LoadResult } from "../../../src/data/loaders/load-result";
import { parseCodebook } from "../../../src/data/parse-codebook";
import { nodeHost, respondentRecords } from "../notebooks/headless-survey";

describe("loadSurvey", () => {
  it("reads the bundled respondents, codebook, printed tables and adopters", async () => {
    const survey = await loadSurvey(nodeHost());
    const records = respondentRecords();
    expect(survey.table.numRows()).toBe(records.length);
    expect(survey.rows).toHaveLength(records.length);
    expect(survey.rows[0]?.resp_id).toBe(Number(records[0]?.resp_id));
    expect(survey.rows.filter((r) => r.resp_type === 2)).toHaveLength(records.filter((r) => r.resp_type === "2").length);
    expect(survey.codebook.variables.some((v) => v.name === "q30_5")).toBe(true);
    expect(survey.printed?.tables.some((t) => t.id === "2.1")).toBe(true);
    expect(survey.adopters.length).toBeGreaterThan(0);
    expect(survey.validation.rows).toBe(records.length);
    expect(survey.validation.total).toBe(0);
  });

  it("marks the bundled respondents as a reconstruction, in plain words", async () => {
    const survey = await loadSurvey(nodeHost());
    expect(survey.reconstructed).toBe(true);
    expect(survey.notice).toBe("Bundled respondents are a reconstruction from published aggregates, not the original 1999 microdata.");
    expect(RECONSTRUCTION_NOTICE).toBe(survey.notice);
    expect(survey.toJSON()).toMatchObject({ reconstructed: true, n: survey.rows.length });
  });

  it("rejects with the file name and the build command when respondents.csv is missing", async () => {
    const real = nodeHost();
    const host: SurveyHost = {
      readText: real.readText,
      readBytes: (path) => (path === SURVEY_PATHS.respondents ? Promise.reject(new Error("ENOENT")) : real.readBytes(path)),
    };
    const error: unknown = await loadSurvey(host).catch((e: unknown) => e);
    expect(isProblemError(error)).toBe(true);
    expect(String(error)).toContain("data/survey-1999/respondents.csv");
    expect(String(error)).toContain("npm run data:build");
  });
});

/**
 * A small CSV loaded through the codebook narrowed to `variables`: the loaders refuse a file with
 * fewer than half of the codebook's variables, and these files carry only a few.
 */
async function loadSmall(csv: string, codebook: Codebook, variables: string[]): Promise<LoadResult> {
  const narrowed = { ...codebook, variables: codebook.variables.filter((v) => variables.includes(v.name)) };
  const load = await loadFile(new TextEncoder().encode(csv), { codebook: narrowed, name: "mine.csv" });
  if (!load.ok) throw new Error(load.error.message);
  return load.value;
}

describe("surveyFromLoad", () => {
  it("gives a user's own CSV the same shape, not marked as reconstructed, with its validation issues", async () => {
    const codebook = parseCodebook(JSON.parse(readFileSync("data/survey-1999/codebook.json", "utf8")));
    const csv = "resp_id,q1,q3,fylke,size_class,resp_type\n1,2,1,11,5,1\n2,7,4,12,2,1\n";
    const load = await loadSmall(csv, codebook, ["resp_id", "q1", "q2_1", "q3"]);
    const survey = surveyFromLoad(load);
    expect(survey.reconstructed).toBe(false);
    expect(survey.file).toMatchObject({ name: "mine.csv", format: "csv" });
    expect(survey.rows).toEqual([
      { resp_id: 1, q1: 2, q3: 1, fylke: 11, size_class: 5, resp_type: 1 },
      { resp_id: 2, q1: 7, q3: 4, fylke: 12, size_class: 2, resp_type: 1 },
    ]);
    // q1 = 7 is not a code of q1.
    expect(survey.validation.counts["unknown-code"]).toBe(1);
    // The codebook's other variables are missing columns, each one issue as well.
    expect(survey.validation.counts["missing-column"]).toBeGreaterThan(0);
    expect(survey.notice).toBe(`Respondents from mine.csv (2 rows, ${survey.validation.total} validation issues).`);
    expect(survey.printed).toBeNull();
  });
});

describe("SurveySource", () => {
  /** A Node host that counts how often each file is read. */
  function countingHost(): { host: SurveyHost; reads: Map<string, number> } {
    const real = nodeHost();
    const reads = new Map<string, number>();
    return {
      reads,
      host: {
        readText: (path) => (reads.set(path, (reads.get(path) ?? 0) + 1), real.readText(path)),
        readBytes: (path) => (reads.set(path, (reads.get(path) ?? 0) + 1), real.readBytes(path)),
      },
    };
  }

  it("reads the report's facts and the bundled respondents once, however often asked", async () => {
    const { host, reads } = countingHost();
    const source = new SurveySource(host);
    const [a, b] = await Promise.all([source.survey(), source.survey()]);
    expect(a).toBe(b);
    await source.reportFacts();
    for (const path of Object.values(SURVEY_PATHS)) expect(reads.get(path), path).toBe(1);
  });

  it("compares a user's file with the bundled print without reading the bundled respondents", async () => {
    const { host, reads } = countingHost();
    const source = new SurveySource(host);
    const codebook = (await source.reportFacts()).codebook;
    const load = await loadSmall("resp_id,q3,fylke,size_class,resp_type\n1,1,11,5,1\n", codebook, ["resp_id", "q3"]);
    const survey = await source.survey({ kind: "user", load });
    expect(survey.reconstructed).toBe(false);
    expect(survey.printed?.tables.some((t) => t.id === "2.1")).toBe(true);
    expect(reads.get(SURVEY_PATHS.respondents)).toBeUndefined();
    expect(await source.survey({ kind: "user", load })).toBe(survey);
  });

  it("computes one selection per (survey, filter): the filter bar's N and the cells share it", async () => {
    const source = new SurveySource(nodeHost());
    const survey = await source.survey();
    const filter = { fylke: [11], sizeClass: [], respType: [], adopted: [] };
    const first = source.select(survey, filter);
    expect(source.select(survey, { ...filter })).toBe(first);
    expect(source.select(survey, { ...filter, sizeClass: [5] })).not.toBe(first);
    expect(first.n).toBe(respondentRecords().filter((r) => r.fylke === "11").length);
  });
});
