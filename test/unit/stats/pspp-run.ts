/**
 * Test helper: run syntax with the real PSPP in a directory, and read what it printed. Used by the
 * export tests that must show PSPP itself reads what we write (and runs nothing else).
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Papa from "papaparse";

/** True when the PSPP binary is installed (it is on the project machine and in CI). */
export const hasPspp = existsSync("/usr/bin/pspp");

/** What one PSPP run left behind. */
export interface PsppRun {
  /** PSPP's output as CSV (`-O format=csv`). */
  output: string;
  /** Lines of the output that report errors. */
  errors: string[];
  /** Files in the directory after the run that were not there before, other than the output. */
  created: string[];
}

/** Writes `syntax` to `dir/export.sps`, runs `pspp` with `dir` as working directory, reports what changed. */
export function runPspp(dir: string, syntax: string): PsppRun {
  writeFileSync(join(dir, "export.sps"), syntax);
  const before = new Set(readdirSync(dir));
  spawnSync("pspp", ["-O", "format=csv", "-o", "out.csv", "export.sps"], { cwd: dir, stdio: "ignore", timeout: 20_000 });
  const created = readdirSync(dir).filter((f) => !before.has(f) && f !== "out.csv");
  const output = existsSync(join(dir, "out.csv")) ? readFileSync(join(dir, "out.csv"), "utf8") : "";
  const errors = output.split("\n").filter((l) => /(^|:\s*)error:/i.test(l));
  return { output, errors, created };
}

/** The "N Valid" figures of the first FREQUENCIES Statistics table, in /VARIABLES order. */
export function validN(output: string): number[] {
  const block = output.split(/\n\s*\n/).find((b) => b.trim().startsWith("Table: Statistics"));
  if (!block) return [];
  const rows = Papa.parse<string[]>(block.trim().split("\n").slice(1).join("\n"), { skipEmptyLines: true }).data;
  const valid = rows.find((r) => r[0] === "N" && r[1] === "Valid");
  return (valid ?? []).slice(2).map((c) => Number(c));
}
