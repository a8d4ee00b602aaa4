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
