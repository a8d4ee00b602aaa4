/**
 * The crosswalk in bokmål (crosswalk-nb.ts, localized-crosswalk.ts): every comparison has its words
 * in both languages, the norsk survey measures quote the 1999 questionnaire (the codebook's
 * Norwegian wording) and the norsk findings quote the thesis as it stands; only words differ
 * between the languages, never what is measured; and 06's builtins draw the table, its
 * explanations and its quotes' sources in the app's language.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { applyFilter } from "../../../src/analysis/apply-filter";
import { CROSSWALK, type Measure } from "../../../src/analysis/crosswalk/crosswalk-spec";
import { CROSSWALK_LABELS_NB, CROSSWALK_NB } from "../../../src/analysis/crosswalk/crosswalk-nb";
import { localizedCrosswalk } from "../../../src/analysis/crosswalk/localized-crosswalk";
import { createCrosswalkBuiltins } from "../../../src/analysis/crosswalk/crosswalk-builtins";
import type { Survey } from "../../../src/analysis/survey";
import { loadSurvey } from "../../../src/analysis/survey-source";
import type { Locale } from "../../../src/base/locale/locale";
import { EMPTY_FILTER } from "../../../src/data/survey-filter";
import { parseThesis } from "../../../src/data/thesis";
import { nodeHost, repo } from "../notebooks/headless-survey";
import { comparisonTexts } from "../../support/comparison-texts";

const thesis = parseThesis(JSON.parse(readFileSync(resolve(repo, "data/thesis-2016/thesis.json"), "utf8")));
/** The thesis text, whitespace and hyphenation at line ends folded, lower case: where a «quote» must be found. */
const thesisText = readFileSync(resolve(repo, "data/sources/004_6c54c9eeaa470838.txt"), "utf8").replace(/-\s*\n\s*/g, "").replace(/\s+/g, " ").toLowerCase();
/** A table of the thesis as the text holds it: from "Tabell N viser" to its caption "Tabell N:". */
function tableText(n: string): string {
  const end = thesisText.indexOf(`tabell ${n}:`);
  const start = thesisText.lastIndexOf(`tabell ${n} viser`, end);
  if (start < 0 || end < 0) throw new Error(`Tabell ${n} not found in the thesis text`);
  return thesisText.slice(start, end);
}
interface CodebookVariable { name: string; no: string; codes?: { no: string }[] }
const codebook = JSON.parse(readFileSync(resolve(repo, "data/survey-1999/codebook.json"), "utf8")) as { variables: CodebookVariable[] };

/** The «…» quotes in a text. */
const quotes = (text: string): string[] => [...text.matchAll(/«([^»]+)»/g)].map((m) => m[1] ?? "");

/** Every label a measure carries (restrictions, groups). */
function labelsOf(m: Measure): string[] {
  return [...(m.among ?? []).map((r) => r.label), ...(m.kind === "groups" ? [m.a.label, m.b.label] : [])];
}

/** A measure with its words taken out: what is measured. */
function measured(m: Measure): unknown {
  return JSON.parse(JSON.stringify(m, (key: string, value: unknown) => (key === "label" || key === "why" ? undefined : value)));
}

describe("the crosswalk's words in bokmål", () => {
  const nb = localizedCrosswalk("nb");

  it("has every comparison in both languages, in the spec's order, saying something of its own in each", () => {
    expect([...CROSSWALK_NB.keys()].sort()).toEqual(CROSSWALK.map((c) => c.id).sort());
    expect(nb.map((c) => c.id)).toEqual(CROSSWALK.map((c) => c.id));
    expect(localizedCrosswalk("en")).toBe(CROSSWALK);
    for (const [i, c] of CROSSWALK.entries()) {
      const n = nb[i];
      if (!n) throw new Error(`no norsk comparison ${c.id}`);
      for (const key of ["title", "finding", "surveyMeasure", "rationale"] as const) {
        expect(n[key].length, `${c.id}.${key}`).toBeGreaterThan(5);
        expect(n[key], `${c.id}.${key}`).not.toBe(c[key]);
      }
      // A reason for every threshold and later figure, and none where a test decides.
      const words = CROSSWALK_NB.get(c.id);
      expect(words?.why !== undefined, c.id).toBe(c.measure.kind === "share" || c.measure.kind === "diffusion");
    }
  });

  it("gives every restriction and group its label in norsk", () => {
    for (const c of CROSSWALK) for (const label of labelsOf(c.measure)) expect(CROSSWALK_LABELS_NB.has(label), label).toBe(true);
    expect(nb.flatMap((c) => labelsOf(c.measure))).toContain("BMS innført eller under innføring");
  });

  it("measures the same in both languages: only labels and reasons differ", () => {
    for (const [i, c] of CROSSWALK.entries()) {
      expect(measured(nb[i]?.measure ?? c.measure), c.id).toEqual(measured(c.measure));
      expect(nb[i]?.thesis, c.id).toEqual(c.thesis);
    }
  });

  it("quotes the 1999 questionnaire's own wording for every survey measure", () => {
    for (const c of nb) {
      const variables = [...new Set(c.surveyMeasure.match(/\bq\d+(?:_\d+)?\b/g) ?? [])];
      const wording = variables.flatMap((name) => {
        const v = codebook.variables.find((x) => x.name === name);
        return v ? [v.no, ...(v.codes ?? []).map((code) => code.no)] : [];
      }).join(" | ").toLowerCase();
      expect(variables.length, c.id).toBeGreaterThan(0);
      expect(quotes(c.surveyMeasure).length, c.id).toBeGreaterThan(0);
      for (const quote of quotes(c.surveyMeasure)) expect(wording, `${c.id}: «${quote}»`).toContain(quote.toLowerCase());
    }
  });

  it("quotes the thesis as it stands where a finding or a reason cites its words", () => {
    const cited = nb.flatMap((c) => [c.finding, c.measure.kind === "share" ? c.measure.threshold.why : c.measure.kind === "diffusion" ? c.measure.why : ""].flatMap(quotes).map((q) => [c.id, q] as const));
    expect(cited.length).toBeGreaterThan(5);
    for (const [id, quote] of cited) expect(thesisText, `${id}: «${quote}»`).toContain(quote.toLowerCase());
  });

  it("finds a quote said to be from a table of the thesis in that table", () => {
    // "(«…», Tabell 14)": the words must be the table's, not the same idea worded elsewhere in the
    // thesis (the literature review's "informasjonsbehandling" is Tabell 14's "informasjonsprosessering").
    const cited = nb.flatMap((c) => {
      const tables = [...c.finding.matchAll(/Tabell (\d+)/g)].map((m) => m[1] ?? "");
      return tables.length === 1 ? quotes(c.finding).map((q) => [c.id, tables[0] ?? "", q] as const) : [];
    });
    expect(cited.length).toBeGreaterThan(3);
    for (const [id, table, quote] of cited) expect(tableText(table), `${id}: «${quote}» (Tabell ${table})`).toContain(quote.toLowerCase());
  });
});

describe("06's crosswalk drawn in the app's language", () => {
  let survey: Survey;
  beforeAll(async () => {
    survey = await loadSurvey(nodeHost());
  });

  const drawn = (locale: Locale) => {
    const { crosswalk } = createCrosswalkBuiltins({ ...nodeHost(), locale });
    const evaluation = crosswalk.evaluate(applyFilter(survey, EMPTY_FILTER, { locale }), thesis);
    const [small, large] = crosswalk.SMALL_VS_LARGE;
    const diffs = crosswalk.diff(survey, small, large, thesis);
    const timeline = crosswalk.timeline(applyFilter(survey, EMPTY_FILTER, { locale }), thesis);
    const chart = crosswalk.timelineChart(timeline);
    const tooltips = [...chart.querySelectorAll("title")].map((t) => t.textContent ?? "").join("\n");
    return { evaluation, spec: crosswalk.spec, text: `${crosswalk.table(evaluation).textContent ?? ""}\n${crosswalk.diffTable(diffs).textContent ?? ""}`, tooltips };
  };

  it("shows each comparison's words in the language, none of the other's, with the same verdicts", () => {
    const nb = drawn("nb");
    const en = drawn("en");
    expect(nb.evaluation.verdicts).toEqual(en.evaluation.verdicts);
    expect(nb.spec.map((c) => c.title)).toEqual(localizedCrosswalk("nb").map((c) => c.title));
    const nbWords = new Set(localizedCrosswalk("nb").flatMap(comparisonTexts));
    const enWords = new Set(CROSSWALK.flatMap(comparisonTexts));
    for (const c of localizedCrosswalk("nb")) {
      expect(nb.text, c.id).toContain(c.title);
      expect(nb.text, c.id).toContain(c.finding);
      expect(nb.text, c.id).toContain(c.surveyMeasure);
    }
    for (const words of enWords) if (!nbWords.has(words)) expect(nb.text.includes(words), words).toBe(false);
    for (const words of nbWords) if (!enWords.has(words)) expect(en.text.includes(words), words).toBe(false);
    // The quotes' sources and the groups' names in the explanations.
    expect(nb.text).toContain("Kommune A: «");
    expect(nb.text).not.toContain("case A: «");
    expect(en.text).toContain("case A: «");
    const groups = nb.evaluation.results.filter((r) => r.comparison.measure.kind === "groups");
    expect(groups.length).toBeGreaterThan(0);
    for (const r of groups) {
      expect(r.explanation, r.id).toContain("(BMS innført eller under innføring)");
      expect(r.explanation, r.id).not.toContain("BMS adopted");
    }
  });

  it("names the timeline's sources in the language", () => {
    const nb = drawn("nb").tooltips;
    const en = drawn("en").tooltips;
    expect(nb).toContain("undersøkelsen 1999, q20");
    expect(nb).toContain("Fallan et al. (2015), sitert i oppgaven");
    expect(nb).not.toContain("survey");
    expect(nb).not.toContain("cited in");
    expect(en).toContain("1999 survey, q20");
    expect(en).toContain("cited in the thesis");
  });
});
