/**
 * Every string that reaches exported PSPP syntax — a column name (CSV header, card codebook, .sav
 * variable), a variable label, a value label, the data file's name, a filter's description, a filter
 * code, a missing code — filled with each case of the hostile corpus
 * (test/fixtures/exports/hostile-strings.json), for each file format the export reads, and run by
 * the real PSPP in an empty temporary directory. A case passes when the export refuses it with a
 * ProblemError that says the fix, or PSPP runs the syntax and no file appears. A hostile column
 * name must not be refused: it is renamed, and PSPP must read the renamed column (valid N as ours).
 *
 * The outcome table is written to test-output/pspp-hostile-outcomes.md.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isProblemError } from "../../../src/base/result";
import type { Codebook, CodebookVariable } from "../../../src/data/codebook";
import { frequencies } from "../../../src/stats/frequencies";
import { psppSyntax, type Analysis, type PsppExportOptions } from "../../../src/stats/pspp-syntax";
import { hostileCorpus, type HostileCase } from "../../fixtures/exports/hostile-corpus";
import { hasPspp, runPspp, validN } from "./pspp-run";

type Format = "csv" | "csv-tab" | "fixed" | "sav";
type Slot = "column" | "variable-label" | "value-label" | "file-name" | "filter-label" | "filter-code" | "missing-code";

const q3 = [1, 2, 3, 4, 9, 1];
const h = [1, 2, 3, 1, 2, null];

function variable(name: string, start: number, end: number, codes = false): CodebookVariable {
  return {
    name, question: name, no: name, en: name, kind: "categorical",
    codes: codes ? [1, 2, 3, 4].map((code) => ({ code, no: `Svar ${code}`, en: `Answer ${code}` })) : [],
    missing: codes ? [9] : [], columns: { start, end },
  };
}

function codebook(column: string): Codebook {
  return { title: "hostile", source: "test", recordLength: 6, variables: [variable("resp_id", 1, 4), variable("q3", 5, 5, true), variable(column, 6, 6)], skipRules: [], sets: [] };
}

function csvText(column: string, delimiter: string): string {
  const field = (s: string): string => (/[",;\t\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
  const lines = [["resp_id", "q3", column].map(field).join(delimiter)];
  q3.forEach((v, i) => lines.push([String(i + 1), String(v), h[i] === null ? "" : String(h[i])].join(delimiter)));
  return lines.join("\n") + "\n";
}

function cardText(): string {
  return q3.map((v, i) => `${String(i + 1).padStart(4, "0")}${v}${h[i] ?? " "}`).join("\n") + "\n";
}

const fileNames: Record<Format, string> = { csv: "data.csv", "csv-tab": "data.tsv", fixed: "data.dat", sav: "data.sav" };

/** The export call for one slot filled with `text`. */
function exportCall(slot: Slot, text: string, format: Format): { analyses: Analysis[]; options: PsppExportOptions; column: string } {
  const column = slot === "column" ? text : "h";
  const book = codebook(column);
  const q3Entry = book.variables[1];
  if (slot === "variable-label" && q3Entry) q3Entry.label = { no: text, en: text };
  if (slot === "value-label" && q3Entry?.codes[0]) q3Entry.codes[0].no = text;
  const name = slot === "file-name" ? text : fileNames[format];
  const pspp = { csv: "csv", "csv-tab": "csv", fixed: "fixed", sav: "sav" } as const;
  const options: PsppExportOptions = {
    codebook: book,
    dataFile: { name, format: pspp[format], encoding: "utf-8", delimiter: format === "csv-tab" ? "\t" : "," },
    columns: ["resp_id", "q3", column],
  };
  if (slot === "column") options.where = [{ variable: column, codes: [1, 2, 3] }];
  if (slot === "filter-label") options.where = [{ variable: "q3", codes: [1, 2, 3, 4], label: text }];
  if (slot === "filter-code") {
    const condition = { variable: "q3", codes: [1] };
    // Cell code is JavaScript: a code can be any value at run time, whatever the type says.
    Reflect.set(condition.codes, 0, text);
    options.where = [condition];
  }
  if (slot === "missing-code") {
    const codes = [9];
    Reflect.set(codes, 0, text);
    options.missing = { q3: codes };
  }
  const analyses: Analysis[] = [
    { kind: "frequencies", variables: [column, "q3"] },
    { kind: "crosstabs", row: column, column: "q3" },
    { kind: "correlations", variables: [column, "q3"] },
    { kind: "spearman", variables: [column, "q3"] },
  ];
  return { analyses, options, column };
}

/** Lines of syntax we write; anything else at the start of a line is someone else's command. */
const OWN_LINE = /^(\* | {2}|GET DATA |GET FILE=|DATA LIST |SET (DECIMAL|FORMAT)=|OUTPUT MODIFY |MISSING VALUES |VARIABLE LABELS |VALUE LABELS |SELECT IF |WEIGHT BY |FREQUENCIES |CROSSTABS |CORRELATIONS |TEMPORARY\.$|RANK VARIABLES=)/;

const slotsByFormat: Record<Format, Slot[]> = {
  csv: ["column", "variable-label", "value-label", "file-name", "filter-label", "filter-code", "missing-code"],
  "csv-tab": ["column", "file-name"],
  fixed: ["column", "file-name"],
  sav: ["column", "file-name"],
};
/** Slots where a refusal is the right answer for some cases (a name PSPP would run, a code that is not a number). */
const mayRefuse = new Set<Slot>(["file-name", "filter-code", "missing-code"]);

interface Outcome {
  case: HostileCase;
  slot: Slot;
  format: Format;
  result: string;
}

const outcomes: Outcome[] = [];
let root = "";

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "tverrsnitt-hostile-"));
  if (!hasPspp) return;
  // The .sav is written by PSPP itself, so GET FILE reads a real system file.
  const dir = join(root, "make-sav");
  mkdirSync(dir);
  writeFileSync(join(dir, "data.csv"), csvText("h", ","));
  runPspp(dir, "GET DATA /TYPE=TXT /FILE='data.csv' /ARRANGEMENT=DELIMITED /DELCASE=LINE /FIRSTCASE=2 /DELIMITERS=\",\" /VARIABLES=resp_id F4.0 q3 F1.0 h F1.0.\nSAVE OUTFILE='data.sav'.\n");
});

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
  if (outcomes.length === 0) return;
  mkdirSync("test-output", { recursive: true });
  const rows = outcomes.map((o) => `| ${o.case.id} | ${o.slot} | ${o.format} | ${o.result} |`);
  writeFileSync("test-output/pspp-hostile-outcomes.md", ["| case | slot | format | outcome |", "| --- | --- | --- | --- |", ...rows, ""].join("\n"));
});

describe.each(Object.entries(slotsByFormat))("hostile strings through the PSPP export (%s)", (formatName, slots) => {
  const format: Format = formatName === "csv-tab" || formatName === "fixed" || formatName === "sav" ? formatName : "csv";
  describe.each(slots)("slot %s", (slot) => {
    it.each(hostileCorpus().map((c) => [c.id, c] as const))("%s", (_id, hostile) => {
      const { analyses, options, column } = exportCall(slot, hostile.text, format);
      let syntax: string;
      try {
        syntax = psppSyntax(analyses, options);
      } catch (err) {
        outcomes.push({ case: hostile, slot, format, result: `refused: ${err instanceof Error ? err.message.replace(/\s+/g, " ").slice(0, 90) : String(err)}` });
        expect(isProblemError(err), `${slot} ${hostile.id}: ${String(err)}`).toBe(true);
        expect(mayRefuse.has(slot), `${slot} must not refuse ${hostile.id}`).toBe(true);
        expect(err instanceof Error ? err.message : "").toMatch(/Fix:/);
        return;
      }
      const foreign = syntax.split("\n").filter((line) => line !== "" && !OWN_LINE.test(line));
      if (!hasPspp) {
        expect(foreign, `lines the export did not write itself (${hostile.id})`).toEqual([]);
        return;
      }
      const dir = mkdtempSync(join(root, "run-"));
      if (format === "fixed") writeFileSync(join(dir, "data.dat"), cardText());
      else if (format === "sav") runPspp(dir, `GET FILE='${join(root, "make-sav", "data.sav")}'.\nSAVE OUTFILE='data.sav'.\n`);
      else writeFileSync(join(dir, fileNames[format]), csvText(column, format === "csv-tab" ? "\t" : ","));
      const run = runPspp(dir, syntax);
      outcomes.push({ case: hostile, slot, format, result: run.created.length > 0 ? `INJECTED: created ${run.created.join(", ")}` : run.errors.length > 0 ? `ran, no file created; PSPP: ${run.errors[0]?.slice(0, 70) ?? ""}` : "ran clean, no file created" });
      expect(run.created, `files created by running the export of ${hostile.id}`).toEqual([]);
      expect(foreign, `lines the export did not write itself (${hostile.id})`).toEqual([]);
      if (slot === "column" && format !== "sav") {
        // Renamed, not refused: PSPP reads the column, and finds the valid N the app finds.
        const data = { resp_id: q3.map((_, i) => i + 1), q3, [column]: h };
        const ours = [column, "q3"].map((v) => frequencies(data, v, { codebook: options.codebook, where: options.where }).validTotal);
        expect(run.errors).toEqual([]);
        expect(validN(run.output)).toEqual(ours);
      }
      if (slot === "variable-label" || slot === "value-label" || slot === "filter-label") expect(run.errors).toEqual([]);
    });
  });
});
