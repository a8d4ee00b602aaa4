/**
 * The shipped survey notebooks through the real headless runner (`npx tsx scripts/run-notebook.ts`):
 * exit code 0 and every cell fulfilled. Runs once the runner passes the analysis builtins (the
 * integration line in src/analysis/builtins.ts); until then the in-process runs in the other tests
 * cover the same notebooks.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { repo } from "./headless-survey";

const runner = readFileSync(path.join(repo, "scripts/run-notebook.ts"), "utf8");
const integrated = /create(Analysis|Notebook)Builtins/.test(runner);

describe.skipIf(!integrated)("scripts/run-notebook.ts on the survey notebooks", () => {
  it.each(["01-overview.html", "02-six-models.html", "03-size-and-correlations.html", "05-adopters.html"])("runs %s to exit code 0", (file) => {
    const result = spawnSync("npx", ["tsx", "scripts/run-notebook.ts", `notebooks/${file}`], { cwd: repo, encoding: "utf8", timeout: 120_000, maxBuffer: 64 * 1024 * 1024 });
    expect(result.stderr.split("\n").filter((l) => l.includes("FAILED"))).toEqual([]);
    expect(result.status).toBe(0);
    const out: { ok: boolean; cells: { status: string }[] } = JSON.parse(result.stdout);
    expect(out.ok).toBe(true);
    expect(out.cells.every((c) => c.status === "fulfilled")).toBe(true);
  }, 150_000);
});
