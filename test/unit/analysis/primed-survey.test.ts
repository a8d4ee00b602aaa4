/**
 * A notebook frame made ahead of time parses the bundled files before a notebook opens in it
 * (primeBundledSurvey). The notebook's SurveySource still reads every file from its host (the shell
 * records what a notebook read) and takes the primed parse only for the same bytes.
 */
import { describe, expect, it } from "vitest";
import { primeBundledSurvey, SurveySource } from "../../../src/analysis/survey-source";
import type { SurveyHost } from "../../../src/analysis/survey";
import { SURVEY_PATHS } from "../../../src/data/bundled-survey";
import { nodeHost } from "../notebooks/headless-survey";

async function bundledFiles(): Promise<Map<string, Uint8Array>> {
  const host = nodeHost();
  return new Map(await Promise.all(Object.values(SURVEY_PATHS).map(async (path) => [path, await host.readBytes(path)] as const)));
}

/** A host over `files` that counts reads. */
function hostOver(files: ReadonlyMap<string, Uint8Array>): { host: SurveyHost; reads: string[] } {
  const reads: string[] = [];
  const bytes = async (path: string): Promise<Uint8Array> => {
    reads.push(path);
    const got = files.get(path);
    if (!got) throw new Error(`${path} not found`);
    return got.slice();
  };
  return { host: { readBytes: bytes, readText: async (path) => new TextDecoder().decode(await bytes(path)) }, reads };
}

describe("primed survey", () => {
  it("takes the primed parse for the same bytes, and still reads every file from the host", async () => {
    const files = await bundledFiles();
    const primed = primeBundledSurvey(files);
    const { host, reads } = hostOver(files);
    const source = new SurveySource(host, primed);
    const survey = await source.survey();
    expect(survey).toBe(await primed.survey);
    expect(await source.reportFacts()).toBe(await primed.facts);
    expect([...reads].sort()).toEqual(Object.values(SURVEY_PATHS).sort());
    // Parsed ahead: the ensemble's draws are there, the same as a fresh load's.
    const fresh = await new SurveySource(nodeHost()).survey();
    expect(survey.draws?.length).toBe(fresh.draws?.length);
    expect(survey.draws?.[7]?.table.objects()).toEqual(fresh.draws?.[7]?.table.objects());
  });

  it("parses what the host gives when the bytes differ from the primed ones", async () => {
    const files = await bundledFiles();
    const primed = primeBundledSurvey(files);
    const text = new TextDecoder().decode(files.get(SURVEY_PATHS.respondents));
    const lines = text.split("\n");
    // The header and the first respondent's line kept, q3 of that respondent changed.
    const header = (lines[0] ?? "").split(",");
    const q3 = header.indexOf("q3");
    const first = (lines[1] ?? "").split(",");
    const changedTo = first[q3] === "1" ? "2" : "1";
    first[q3] = changedTo;
    const changed = new Map(files);
    changed.set(SURVEY_PATHS.respondents, new TextEncoder().encode([lines[0], first.join(","), ...lines.slice(2)].join("\n")));
    const source = new SurveySource(hostOver(changed).host, primed);
    const survey = await source.survey();
    expect(survey).not.toBe(await primed.survey);
    expect(survey.rows[0]?.q3).toBe(Number(changedTo));
    expect((await primed.survey).rows[0]?.q3).not.toBe(Number(changedTo));
    // The facts were the same bytes: those are shared.
    expect(await source.reportFacts()).toBe(await primed.facts);
  });

  it("parses the facts afresh when a fact file differs, and the respondents with them", async () => {
    const files = await bundledFiles();
    const primed = primeBundledSurvey(files);
    const changed = new Map(files);
    const adopters = new TextDecoder().decode(files.get(SURVEY_PATHS.adopters));
    changed.set(SURVEY_PATHS.adopters, new TextEncoder().encode(`${adopters}\n`));
    const source = new SurveySource(hostOver(changed).host, primed);
    const facts = await source.reportFacts();
    expect(facts).not.toBe(await primed.facts);
    const survey = await source.survey();
    expect(survey).not.toBe(await primed.survey);
    expect(survey.adopters).toBe(facts.adopters);
  });
});
