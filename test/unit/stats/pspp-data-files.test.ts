/**
 * The PSPP export reads the file the app loaded, as the app read it. Each loader fixture is loaded
 * with `loadFile`, exported with `dataFile: load.source`, and run by the real PSPP beside a copy of
 * the file: PSPP's FREQUENCIES valid N must equal the app's for every variable, for a comma, `;`,
 * tab, Windows-1252 and BOM CSV, a CSV with variant headers, card images and .sav files.
 *
 * The table is written to test-output/pspp-valid-n.md.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadFile } from "../../../src/data/loaders/load-file";
import { parseCodebook } from "../../../src/data/parse-codebook";
import type { Codebook } from "../../../src/data/codebook";
import { frequencies } from "../../../src/stats/frequencies";
import { psppSyntax } from "../../../src/stats/pspp-syntax";
import { hasPspp, runPspp, validN } from "./pspp-run";

const repo = resolve(import.meta.dirname, "../../..");
const fixtures = join(repo, "test/fixtures/loaders");
const readCodebook = (path: string): Codebook => parseCodebook(JSON.parse(readFileSync(path, "utf8")), path);
const small = readCodebook(join(fixtures, "codebook-small.json"));
const survey = readCodebook(join(repo, "data/survey-1999/codebook.json"));

const cases: { file: string; codebook: Codebook }[] = [
  { file: "small-utf8.csv", codebook: small },
  { file: "small-cp1252.csv", codebook: small },
  { file: "small-tab.csv", codebook: small },
  { file: "small-utf8-bom.csv", codebook: small },
  { file: "small-variant-headers.csv", codebook: small },
  { file: "small.dat", codebook: small },
  { file: "small-compressed.sav", codebook: small },
  { file: "small-cp1252.sav", codebook: small },
  { file: "real/respondents.dat", codebook: survey },
  { file: "real/respondents.sav", codebook: survey },
  { file: "../../../data/survey-1999/respondents.csv", codebook: survey },
];

const table: string[] = [];
const root = mkdtempSync(join(tmpdir(), "tverrsnitt-pspp-files-"));

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  if (table.length === 0) return;
  mkdirSync("test-output", { recursive: true });
  writeFileSync("test-output/pspp-valid-n.md", ["| file | format | delimiter | encoding | variables | q3 valid N (app) | q3 valid N (PSPP) | variables that differ |", "| --- | --- | --- | --- | --- | --- | --- | --- |", ...table, ""].join("\n"));
});

describe.skipIf(!hasPspp)("PSPP reads the loaded file as the app did", () => {
  it.each(cases.map((c) => [c.file, c] as const))("%s", async (_name, { file, codebook }) => {
    const path = join(fixtures, file);
    const loaded = await loadFile(readFileSync(path), { name: basename(path), codebook });
    if (!loaded.ok) throw new Error(loaded.error.message);
    const load = loaded.value;
    const numeric = load.table.columnNames().filter((name) => load.table.array(name).every((v: unknown) => v === null || typeof v === "number"));
    const syntax = psppSyntax({ kind: "frequencies", variables: numeric }, { codebook: load.codebook, dataFile: load.source, columns: load.table.columnNames() });
    const dir = mkdtempSync(join(root, "run-"));
    copyFileSync(path, join(dir, load.source.name));
    const run = runPspp(dir, syntax);
    const ours = numeric.map((v) => frequencies(load.table, v, { codebook: load.codebook }).validTotal);
    const theirs = validN(run.output);
    const q3 = numeric.indexOf("q3");
    const differ = numeric.filter((_, i) => ours[i] !== theirs[i]);
    table.push(`| ${file} | ${load.source.format} | ${JSON.stringify(load.source.delimiter ?? "")} | ${load.source.encoding} | ${numeric.length} | ${ours[q3] ?? "–"} | ${theirs[q3] ?? "–"} | ${differ.length} |`);
    expect(run.errors).toEqual([]);
    expect(ours[q3]).toBeGreaterThan(0);
    expect(theirs).toEqual(ours);
  });
});
