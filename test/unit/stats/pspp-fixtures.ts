/**
 * Test helpers: read the committed PSPP fixtures (test/fixtures/pspp) — the sample data, a small
 * codebook matching _data.sps, and PSPP's CSV output split into tables. No PSPP needed at test time.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import Papa from "papaparse";
import type { Codebook, CodebookVariable } from "../../../src/data/codebook";

const dir = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "fixtures", "pspp");

/** The fixture dataset as plain string columns (blanks stay ""), exactly as PSPP read it. */
export function sampleColumns(): Record<string, string[]> {
  const parsed = Papa.parse<string[]>(readFileSync(join(dir, "survey-sample.csv"), "utf8").trim(), { skipEmptyLines: true });
  const [header, ...rows] = parsed.data;
  const out: Record<string, string[]> = {};
  for (const [j, name] of (header ?? []).entries()) out[name] = rows.map((r) => r[j] ?? "");
  return out;
}

/** The raw CSV text (for Arquero's fromCSV). */
export function sampleCsv(): string {
  return readFileSync(join(dir, "survey-sample.csv"), "utf8");
}

const status = (name: string): CodebookVariable => ({
  name,
  question: name,
  no: `Status ${name}`,
  en: `Status ${name}`,
  kind: "categorical",
  codes: [
    { code: 1, no: "Har allerede innført", en: "Already introduced" },
    { code: 2, no: "Er i ferd med å innføre", en: "Introducing" },
    { code: 3, no: "Planlegger å innføre", en: "Planning" },
    { code: 4, no: "Har ingen planer", en: "No plans" },
    { code: 9, no: "Ubesvart", en: "No answer" },
  ],
  missing: [9],
  columns: { start: 1, end: 1 },
});

/** The codebook subset that _data.sps declares (MISSING VALUES q3 q7 q20 (9) and the labels). */
export function sampleCodebook(): Codebook {
  return {
    title: "fixture",
    source: "test/fixtures/pspp/_data.sps",
    recordLength: 80,
    variables: [status("q3"), status("q7"), status("q20")],
    skipRules: [],
    sets: [{ name: "q2", label: { no: "Q2", en: "Q2" }, variables: ["q2_1", "q2_2", "q2_3"], countedValue: 1 }],
  };
}

/** One PSPP output table: its title and its rows of cells (footnote marks like "[a]" removed). */
export interface PsppTable {
  title: string;
  rows: string[][];
}

/** Parse `<name>.out.csv` into its tables, in output order. */
export function psppTables(name: string): PsppTable[] {
  const text = readFileSync(join(dir, `${name}.out.csv`), "utf8");
  const tables: PsppTable[] = [];
  for (const block of text.split(/\n\s*\n/)) {
    const lines = block.trim().split("\n");
    const head = lines[0] ?? "";
    if (!head.startsWith("Table: ")) continue;
    const body = Papa.parse<string[]>(lines.slice(1).join("\n"), { skipEmptyLines: true }).data;
    tables.push({ title: head.slice(7), rows: body.map((r) => r.map((c) => c.replace(/\[[a-z]\]$/, ""))) });
  }
  return tables;
}

/** A PSPP number cell ("-.6529", ".0000", "96.0000") as a number; NaN when blank. */
export function num(cell: string | undefined): number {
  if (cell === undefined || cell.trim() === "") return Number.NaN;
  return Number(cell);
}

/** PSPP's crosstab body: "row label|statistic" → the cells of that line (Total column included). */
export function psppCrosstabCells(table: PsppTable): Map<string, string[]> {
  const out = new Map<string, string[]>();
  let row = "";
  for (const r of table.rows.slice(2)) {
    if (r[1]) row = r[1];
    if (r[0] === "Total") row = "Total";
    out.set(`${row}|${r[2]}`, r.slice(3));
  }
  return out;
}
