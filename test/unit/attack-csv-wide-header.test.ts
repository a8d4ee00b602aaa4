/**
 * A careless user's CSV whose header ends in a spreadsheet's empty columns saved as commas: every
 * column was built in memory before anything was checked, and every row filled out to the header's
 * width (100,000 commas, a 192 KB file: 33 s and 2 GB; a 1 MB one takes the worker down). A header
 * wider than any file of this survey is refused at once, with the fix; a few columns of the user's
 * own beside the survey's still load.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { MAX_CSV_COLUMNS } from "../../src/data/loaders/read-csv";
import { loadFile } from "../../src/data/loaders/load-file";
import { loadInParts } from "../../src/data/loaders/split-load";
import { parseCodebook } from "../../src/data/parse-codebook";

const codebook = parseCodebook(JSON.parse(readFileSync("data/survey-1999/codebook.json", "utf8")), "codebook.json");
const [header = "", ...rows] = readFileSync("data/survey-1999/respondents.csv", "utf8").trimEnd().split("\n");
const bytes = (text: string) => new TextEncoder().encode(text);

describe("a CSV header far wider than the survey", () => {
  it("is refused before its columns are built, saying why and what to do", async () => {
    const file = [header + ",".repeat(20_000), ...rows].join("\n");
    const result = await loadFile(bytes(file), { name: "eksport.csv", codebook });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.kind).toBe("not-survey-data");
    expect(result.error.message).toContain("20,135 columns");
    expect(result.error.message).toMatch(/Fix: .*delete the empty columns/);
  });

  it("is refused when its header is the only line, too", async () => {
    const result = await loadFile(bytes(`${header}${",x".repeat(MAX_CSV_COLUMNS)}\n`), { name: "bred.csv", codebook });
    expect(!result.ok && result.error.message).toMatch(/columns; the survey.s data has \d+/);
  });

  it("is refused alike when the file is read in parts (each part past the first takes the header from the sample)", async () => {
    const many = Array.from({ length: 6 }, () => rows).flat();
    const file = bytes([header + ",".repeat(20_000), ...many].join("\n"));
    const result = await loadInParts(file, { name: "stor.csv", codebook }, 3, 70 * 1024);
    expect(!result.ok && result.error.message).toContain("20,135 columns");
  });

  it("still loads the survey with columns of the user's own beside it", async () => {
    const extra = 300;
    const file = [header + Array.from({ length: extra }, (_, i) => `,egen${i}`).join(""), ...rows.map((row) => row + ",1".repeat(extra))].join("\n");
    const result = await loadFile(bytes(file), { name: "med-egne.csv", codebook });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.report.rows).toBe(rows.length);
  });
});
