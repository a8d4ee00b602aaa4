import { describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import Papa from "papaparse";
import { psppSyntax, type Analysis } from "../../../src/stats/pspp-syntax";
import { crosstab } from "../../../src/stats/crosstab";
import { spearman } from "../../../src/stats/spearman";
import { sampleCodebook, sampleColumns } from "./pspp-fixtures";

const csv = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "fixtures", "pspp", "survey-sample.csv");
const columns = ["resp_id", "resp_type", "fylke", "size_class", "q3", "q7", "q20", "q33", "score", "q2_1", "q2_2", "q2_3"];
const where = [{ variable: "size_class", codes: [4, 5, 6] }];

describe("PSPP syntax export", () => {
  it("writes GET DATA, MISSING VALUES, VALUE LABELS, SELECT IF and the procedures", () => {
    const analyses: Analysis[] = [
      { kind: "frequencies", variables: ["q3"] },
      { kind: "crosstabs", row: "size_class", column: "q20" },
      { kind: "correlations", variables: ["size_class", "q20"], deletion: "listwise" },
    ];
    const sps = psppSyntax(analyses, { codebook: sampleCodebook(), dataFile: "data.csv", columns, where, weight: "q33" });
    expect(sps).toContain("GET DATA /TYPE=TXT /FILE='data.csv'");
    expect(sps).toContain("MISSING VALUES q3 (9).");
    expect(sps).toContain("VALUE LABELS q20 1 'Har allerede innført'");
    expect(sps).toContain("SELECT IF (size_class = 4 OR size_class = 5 OR size_class = 6).");
    expect(sps).toContain("WEIGHT BY q33.");
    expect(sps).toContain("CROSSTABS /TABLES=size_class BY q20 /STATISTICS=CHISQ PHI /CELLS=COUNT ROW COLUMN TOTAL EXPECTED.");
    expect(sps).toContain("CORRELATIONS /VARIABLES=size_class q20 /PRINT=TWOTAIL NOSIG /MISSING=LISTWISE.");
  });

  it("names variables missing from the CSV header", () => {
    expect(() => psppSyntax({ kind: "frequencies", variables: ["q99"] }, { dataFile: "x.csv", columns })).toThrow(/q99.*add them to `columns`/);
  });

  it("renames a column that is not a PSPP name, maps it in a comment, and uses the new name throughout", () => {
    const hostile = "zz F1.0.\nHOST COMMAND=['touch PWNED'].\n*";
    const sps = psppSyntax({ kind: "crosstabs", row: hostile, column: "BY" }, { dataFile: "x.csv", columns: ["resp_id", hostile, "BY"] });
    expect(sps).toContain(`* Column 2 of the file, headed "zz F1.0.\\nHOST COMMAND=['touch PWNED'].\\n*", is read as zz_F1_0_HOST_COMMAND_touch_PWNED.`);
    expect(sps).toContain("* Column 3 of the file, headed \"BY\", is read as BY_.");
    expect(sps).toContain("CROSSTABS /TABLES=zz_F1_0_HOST_COMMAND_touch_PWNED BY BY_ ");
    expect(sps.split("\n").filter((l) => l.startsWith("HOST"))).toEqual([]);
  });

  it("reads the file as loaded: delimiter and encoding, card columns, or the .sav itself", () => {
    const codebook = sampleCodebook();
    const csv = psppSyntax({ kind: "frequencies", variables: ["q3"] }, { codebook, dataFile: { name: "svar.csv", format: "csv", encoding: "windows-1252", delimiter: ";" }, columns });
    expect(csv).toContain("GET DATA /TYPE=TXT /FILE='svar.csv' /ENCODING='windows-1252'");
    expect(csv).toContain(`/DELIMITERS=";" /QUALIFIER='"'`);
    const tab = psppSyntax({ kind: "frequencies", variables: ["q3"] }, { codebook, dataFile: { name: "svar.tsv", format: "csv", encoding: "utf-8", delimiter: "\t" }, columns });
    expect(tab).toContain('/DELIMITERS="\\t"');
    const card = psppSyntax({ kind: "frequencies", variables: ["q3"] }, { codebook, dataFile: { name: "svar.dat", format: "fixed", encoding: "utf-8" }, columns: [] });
    expect(card).toContain("DATA LIST FILE='svar.dat' ENCODING='UTF-8' FIXED RECORDS=1\n  /1\n  q3 1-1\n  q7 1-1\n  q20 1-1.");
    const sav = psppSyntax({ kind: "frequencies", variables: ["q3"] }, { codebook, dataFile: { name: "svar.sav", format: "sav", encoding: "UTF-8" }, columns });
    expect(sav).toContain("GET FILE='svar.sav'.");
    expect(sav).not.toContain("GET DATA");
  });

  it("refuses what it cannot write safely, saying the fix", () => {
    const run = (dataFile: Parameters<typeof psppSyntax>[1]["dataFile"]): string => psppSyntax({ kind: "frequencies", variables: ["q3"] }, { dataFile, columns });
    expect(() => run("touch PWNED|")).toThrow(/runs as a shell command.*Fix: rename the file/);
    expect(() => run({ name: "svar.csv", format: "csv", encoding: "utf-16le" })).toThrow(/UTF-16LE text, which PSPP 1.6 reads as no cases.*Fix: save the file as UTF-8/);
    expect(() => run({ name: "svar.csv", format: "csv", encoding: "utf-8", delimiter: "|" })).toThrow(/Fix: use ","/);
  });

  it.skipIf(!existsSync("/usr/bin/pspp"))("reproduces a filtered crosstab and a Spearman ρ when run by PSPP", () => {
    const codebook = sampleCodebook();
    const sps = psppSyntax(
      [
        { kind: "crosstabs", row: "size_class", column: "q20" },
        { kind: "spearman", variables: ["q3", "q7"] },
      ],
      { codebook, dataFile: csv, columns, where, precise: true },
    );
    const dir = mkdtempSync(join(tmpdir(), "tverrsnitt-pspp-"));
    writeFileSync(join(dir, "export.sps"), sps);
    execFileSync("pspp", ["-O", "format=csv", "-o", join(dir, "out.csv"), join(dir, "export.sps")], { stdio: "ignore" });
    const text = readFileSync(join(dir, "out.csv"), "utf8");
    expect(text).not.toMatch(/error:/);
    const line = (label: string): string[] => {
      const hit = text.split("\n").find((l) => l.startsWith(label));
      return Papa.parse<string[]>(hit ?? "").data[0] ?? [];
    };
    const data = sampleColumns();
    const ours = crosstab(data, "size_class", "q20", { codebook, where });
    expect(ours.tests.pearson.value ?? 0).toBeCloseTo(Number(line("Pearson Chi-Square")[1]), 6);
    const rho = spearman(data, "q3", "q7", { codebook, where });
    const rank = line("RANK of q3,Pearson Correlation");
    expect(rho.r ?? 0).toBeCloseTo(Number(rank[3]?.replace(/\[[a-z]\]$/, "")), 6);
  });
});
