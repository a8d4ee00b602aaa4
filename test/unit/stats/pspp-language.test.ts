/**
 * The exported PSPP syntax speaks the app's language in its comments only: in norsk no English
 * sentence is left, in English no norsk one, and the commands are the same in both. The real PSPP
 * runs both files on the same data and prints the same tables, so no comment in either language
 * swallowed or broke a command (a `*` comment runs to the first line ending in a period).
 */
import { describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { psppSyntax, type Analysis } from "../../../src/stats/pspp-syntax";
import { psppMessages } from "../../../src/base/locale/pspp-messages";
import type { Locale } from "../../../src/base/locale/locale";
import { sampleCodebook } from "./pspp-fixtures";
import { hasPspp, runPspp } from "./pspp-run";

const sample = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "fixtures", "pspp", "survey-sample.csv");
// A tab-separated copy whose first header is not a PSPP name: the decimal-comma and renamed-column comments are written too.
const header = ["resp id", "resp_type", "fylke", "size_class", "q3", "q7", "q20", "q33", "score", "q2_1", "q2_2", "q2_3"];
const analyses: Analysis[] = [
  { kind: "frequencies", variables: ["q3"] },
  { kind: "crosstabs", row: "size_class", column: "q20" },
  { kind: "spearman", variables: ["q3", "q7"] },
];
const where = [{ variable: "size_class", codes: [4, 5, 6], label: "størrelsesklasse 4–6" }];

function syntaxIn(language: Locale): string {
  const words = psppMessages[language];
  return psppSyntax(analyses, {
    codebook: sampleCodebook(), dataFile: { name: "svar.tsv", format: "csv", encoding: "utf-8", delimiter: "\t" }, columns: header, where,
    evidence: [words.psppOneReconstruction(50), words.psppWhatRests], language,
  });
}

const comments = (sps: string): string[] => sps.split("\n").filter((l) => l.startsWith("* "));
const commands = (sps: string): string[] => sps.split("\n").filter((l) => !l.startsWith("* "));

/** Words that give away a sentence in the other language (whole words, lower case). */
const ENGLISH = ["the", "of", "is", "are", "and", "exported", "reproduces", "column", "file", "headed", "read", "numbers", "rank", "ranks", "complete", "cases", "lacks", "respondents", "reconstructions", "figures", "printed", "rests", "separated"];
const NORSK = ["og", "er", "av", "som", "eksportert", "gjenskaper", "kolonne", "filen", "leses", "tall", "rangeres", "tilfellene", "mangler", "respondentene", "rekonstruksjoner", "trykte", "hviler", "skilt", "tabulator"];

function wordsIn(lines: readonly string[]): Set<string> {
  return new Set(lines.join(" ").toLowerCase().split(/[^\p{L}]+/u).filter(Boolean));
}

describe("the PSPP export's comments in the app's language", () => {
  it("writes its comments in norsk or English, and nothing else differs", () => {
    const nb = syntaxIn("nb");
    const en = syntaxIn("en");
    expect(commands(nb)).toEqual(commands(en));
    expect(comments(nb)).toHaveLength(comments(en).length);
    const nbWords = wordsIn(comments(nb));
    const enWords = wordsIn(comments(en));
    expect(ENGLISH.filter((w) => nbWords.has(w))).toEqual([]);
    expect(NORSK.filter((w) => enWords.has(w))).toEqual([]);
    // Each kind of comment is there: the file as read, the rename, decimal commas, the filter, Spearman, what the figures rest on.
    expect(nb).toContain("* Kolonne 1 i filen, med overskriften «resp id», leses som resp_id.");
    expect(nb).toContain("* Filter: størrelsesklasse 4–6.");
    expect(nb).toMatch(/^\* Respondentene er én av 50 rekonstruksjoner/m);
    expect(en).toContain('* Column 1 of the file, headed "resp id", is read as resp_id.');
  });

  it.skipIf(!hasPspp)("runs in PSPP in both languages with the same output", () => {
    const rows = readFileSync(sample, "utf8").trim().split("\n").slice(1).map((line) => line.split(",").join("\t"));
    const out = (language: Locale): string => {
      const dir = mkdtempSync(join(tmpdir(), `tverrsnitt-pspp-${language}-`));
      writeFileSync(join(dir, "svar.tsv"), [header.join("\t"), ...rows].join("\n") + "\n");
      const run = runPspp(dir, syntaxIn(language));
      expect(run.errors).toEqual([]);
      expect(run.created).toEqual([]);
      return run.output;
    };
    const nb = out("nb");
    expect(nb).toMatch(/Pearson Chi-Square/);
    expect(nb).toMatch(/RANK of q3/);
    expect(out("en")).toBe(nb);
  });
});
