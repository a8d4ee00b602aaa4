import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

const repo = path.resolve(import.meta.dirname, "../../..");

function runNotebook(file: string) {
  const result = spawnSync("npx", ["tsx", "scripts/run-notebook.ts", file], { cwd: repo, encoding: "utf8", timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface CellResult {
  id: string;
  status: string;
  names?: Record<string, unknown>;
  value?: unknown;
  error?: { kind: string; message: string };
}

describe("scripts/run-notebook.ts", () => {
  it("runs test/fixtures/notebooks/smoke.html headless and prints every named value as JSON", () => {
    const { status, stdout } = runNotebook("test/fixtures/notebooks/smoke.html");
    expect(status).toBe(0);
    const out: { ok: boolean; cells: CellResult[] } = JSON.parse(stdout);
    expect(out.ok).toBe(true);
    const byId = new Map(out.cells.map((c) => [c.id, c]));
    // data/demo/smoke.csv has 5 rows; 3 have svarte=true (Tromsø's blank is null, not false).
    expect(byId.get("3")?.names).toEqual({ antall: 5, svarte: 3 });
    expect(byId.get("4")?.names?.["perFylke"]).toEqual([
      { fylke: 1, n: 2, innbyggere: 51000 },
      { fylke: 4, n: 1, innbyggere: 27000 },
      { fylke: 16, n: 1, innbyggere: 5600 },
      { fylke: 19, n: 1, innbyggere: 58000 },
    ]);
    expect(byId.get("5")?.names).toEqual({ minst: 20000 });
    expect(byId.get("6")?.names).toEqual({ store: ["Halden", "Moss", "Hamar", "Tromsø"] });
    expect(byId.get("1")?.value).toEqual({ kind: "markdown", html: "<h1>Smoke test</h1>\n<p>5 kommuner, 3 svarte.</p>\n" });
  }, 60_000);

  it("exits non-zero and prints the error when a cell fails", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "tverrsnitt-"));
    const file = path.join(dir, "broken.html");
    writeFileSync(
      file,
      `<!doctype html>\n<notebook>\n  <title>Broken</title>\n  <script id="1" type="module">\n    const a = 1\n  </script>\n  <script id="2" type="module">\n    const b = missing + 1\n  </script>\n</notebook>\n`,
    );
    const { status, stdout, stderr } = runNotebook(file);
    expect(status).toBe(1);
    const out: { ok: boolean; cells: CellResult[] } = JSON.parse(stdout);
    expect(out.ok).toBe(false);
    expect(out.cells[0]).toMatchObject({ id: "1", status: "fulfilled", names: { a: 1 } });
    expect(out.cells[1]).toMatchObject({ id: "2", status: "rejected", error: { kind: "undefined-name" } });
    expect(stderr).toContain("missing is not defined by any cell");
  }, 60_000);
});
