/**
 * Attack: the PSPP export's comments are now in the app's language (norsk: «…» around a renamed
 * header, "Filter: …", "Data: …"). Every hostile string of the corpus goes through each slot that
 * lands in a norsk comment — a CSV header (the rename comment), a filter's description and the data
 * file's name — and the real PSPP runs the syntax in an empty directory: no file may appear, no line
 * may be one the export did not write, and PSPP must read the comment-bearing syntax without errors
 * (a comment that swallowed or broke a command would show as one).
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { isProblemError } from "../../src/base/result";
import type { Codebook, CodebookVariable } from "../../src/data/codebook";
import { psppSyntax, type PsppExportOptions } from "../../src/stats/pspp-syntax";
import { hostileCorpus } from "../fixtures/exports/hostile-corpus";
import { hasPspp, runPspp } from "./stats/pspp-run";

type Slot = "column" | "filter-label" | "file-name";

const root = mkdtempSync(join(tmpdir(), "tverrsnitt-nb-comments-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function variable(name: string, start: number, end: number, codes: boolean): CodebookVariable {
  return {
    name, question: name, no: name, en: name, kind: "categorical",
    codes: codes ? [1, 2, 3, 4].map((code) => ({ code, no: `Svar ${code}`, en: `Answer ${code}` })) : [],
    missing: codes ? [9] : [], columns: { start, end },
  };
}

function call(slot: Slot, text: string): { options: PsppExportOptions; column: string } {
  const column = slot === "column" ? text : "h";
  const codebook: Codebook = { title: "hostile", source: "test", recordLength: 6, variables: [variable("resp_id", 1, 4, false), variable("q3", 5, 5, true), variable(column, 6, 6, false)], skipRules: [], sets: [] };
  const options: PsppExportOptions = {
    codebook, language: "nb", columns: ["resp_id", "q3", column],
    dataFile: { name: slot === "file-name" ? text : "data.csv", format: "csv", encoding: "utf-8", delimiter: "," },
    where: [{ variable: "q3", codes: [1, 2, 3, 4], label: slot === "filter-label" ? text : "q3 1–4" }],
  };
  return { options, column };
}

function csv(column: string): string {
  const field = (s: string): string => (/[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
  return [["resp_id", "q3", column].map(field).join(","), "1,1,1", "2,2,2", "3,3,", "4,9,1"].join("\n") + "\n";
}

/** Lines the export writes; anything else at the start of a line is someone else's command. */
const OWN_LINE = /^(\* | {2}|GET DATA |SET DECIMAL=|MISSING VALUES |VARIABLE LABELS |VALUE LABELS |SELECT IF |FREQUENCIES )/;

describe.skipIf(!hasPspp).each(["column", "filter-label", "file-name"] as const)("hostile strings in a norsk comment (%s)", (slot) => {
  it.each(hostileCorpus().map((c) => [c.id, c] as const))("%s", (_id, hostile) => {
    const { options, column } = call(slot, hostile.text);
    let syntax: string;
    try {
      syntax = psppSyntax({ kind: "frequencies", variables: ["q3"] }, options);
    } catch (err) {
      // Only a file name PSPP would run, or one with a line break, is refused.
      expect(slot).toBe("file-name");
      expect(isProblemError(err)).toBe(true);
      return;
    }
    expect(syntax).toMatch(/^\* Eksportert fra Tverrsnitt/);
    expect(syntax.split("\n").filter((line) => line !== "" && !OWN_LINE.test(line))).toEqual([]);
    const dir = mkdtempSync(join(root, "run-"));
    // A hostile file name is not written (it may hold "/"): PSPP then cannot open it, and must run nothing else.
    writeFileSync(join(dir, "data.csv"), csv(column));
    const run = runPspp(dir, syntax);
    expect(run.created).toEqual([]);
    if (slot !== "file-name") expect(run.errors).toEqual([]);
  });
});
