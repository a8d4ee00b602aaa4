/**
 * The shipped notebooks through the real headless runner (`npx tsx scripts/run-notebook.ts`):
 * exit code 0 and every cell fulfilled — the same path CI and `npm run notebook` use.
 */
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { repo, shippedNotebooks } from "./headless-survey";

describe("scripts/run-notebook.ts on the survey notebooks", () => {
  // Every shipped notebook (by glob: a new one is run without editing this list) and the test fixture.
  it.each([...shippedNotebooks().map((f) => `notebooks/${f}`), "test/fixtures/notebooks/smoke.html"])("runs %s to exit code 0", (file) => {
    const result = spawnSync("npx", ["tsx", "scripts/run-notebook.ts", file], { cwd: repo, encoding: "utf8", timeout: 120_000, maxBuffer: 64 * 1024 * 1024 });
    expect(result.stderr.split("\n").filter((l) => l.includes("FAILED"))).toEqual([]);
    expect(result.status).toBe(0);
    const out: { ok: boolean; cells: { status: string }[] } = JSON.parse(result.stdout);
    expect(out.ok).toBe(true);
    expect(out.cells.every((c) => c.status === "fulfilled")).toBe(true);
  }, 150_000);
});
