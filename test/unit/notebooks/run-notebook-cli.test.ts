/**
 * The shipped survey notebooks through the real headless runner (`npx tsx scripts/run-notebook.ts`):
 * exit code 0 and every cell fulfilled — the same path CI and `npm run notebook` use.
 */
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { repo } from "./headless-survey";

describe("scripts/run-notebook.ts on the survey notebooks", () => {
  it.each(["01-overview.html", "02-six-models.html", "03-size-and-correlations.html", "04-reconciliation.html", "05-adopters.html", "06-thesis-crosswalk.html", "demo.html", "smoke.html"])("runs %s to exit code 0", (file) => {
    const result = spawnSync("npx", ["tsx", "scripts/run-notebook.ts", `notebooks/${file}`], { cwd: repo, encoding: "utf8", timeout: 120_000, maxBuffer: 64 * 1024 * 1024 });
    expect(result.stderr.split("\n").filter((l) => l.includes("FAILED"))).toEqual([]);
    expect(result.status).toBe(0);
    const out: { ok: boolean; cells: { status: string }[] } = JSON.parse(result.stdout);
    expect(out.ok).toBe(true);
    expect(out.cells.every((c) => c.status === "fulfilled")).toBe(true);
  }, 150_000);
});
