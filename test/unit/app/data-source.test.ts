/**
 * The data-source states: a good file goes to review with its validation summary and only "Use
 * this data" switches the active data; a broken file shows the loader's message and changes
 * nothing; Cancel stops a large load; "back to bundled" switches back. Real loaders, real fixtures.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DataSource, describeIssue, summarize, type ActiveData, type DataSourceDeps } from "../../../src/app/data-source";
import { loadFile } from "../../../src/data/loaders/load-file";
import { parseCodebook } from "../../../src/data/parse-codebook";

const fixtures = "test/fixtures/loaders";
const smallCodebook = parseCodebook(JSON.parse(readFileSync(`${fixtures}/codebook-small.json`, "utf8")), "codebook-small.json");
const surveyCodebook = parseCodebook(JSON.parse(readFileSync("data/survey-1999/codebook.json", "utf8")), "codebook.json");

function deps(codebook = smallCodebook): DataSourceDeps {
  return { loadFile: () => Promise.resolve(loadFile), codebook: () => Promise.resolve(codebook) };
}

function blob(path: string): Blob {
  return new Blob([readFileSync(path)]);
}

describe("DataSource", () => {
  it("starts on the bundled data with nothing loading", () => {
    const source = new DataSource(deps());
    expect(source.active).toEqual({ kind: "bundled", version: 0 });
    expect(source.phase).toEqual({ kind: "idle" });
  });

  it("reads a Windows-1252 CSV into review with æøå intact, and switches only on use()", async () => {
    const source = new DataSource(deps());
    const switched: ActiveData[] = [];
    source.onActiveChange((a) => switched.push(a));
    // Busy (the spare frame held back) while reading and in review; not before, nor after use().
    expect(source.busy).toBe(false);
    const reading = source.choose(blob(`${fixtures}/small-cp1252.csv`), "small-cp1252.csv");
    expect(source.busy).toBe(true);
    await reading;
    expect(source.busy).toBe(true);
    const phase = source.phase;
    if (phase.kind !== "review") throw new Error(`expected review, got ${phase.kind}`);
    expect(phase.summary.rows).toBe(6);
    expect(phase.summary.total).toBe(0);
    expect(phase.summary.readAs).toBe("CSV, windows-1252, delimiter “;”");
    expect(phase.result.table.array("name")).toContain("Bærum");
    expect(source.active.kind).toBe("bundled");
    expect(switched).toEqual([]);

    source.use();
    expect(source.busy).toBe(false);
    expect(source.phase.kind).toBe("idle");
    expect(source.active).toMatchObject({ kind: "user", name: "small-cp1252.csv", rows: 6, version: 1 });
    expect(switched).toHaveLength(1);

    source.useBundled();
    expect(source.active).toEqual({ kind: "bundled", version: 2 });
    expect(switched).toHaveLength(2);
  });

  it("counts the five checks and lists the first issues with row, column and fix", async () => {
    const source = new DataSource(deps());
    await source.choose(blob(`${fixtures}/broken/bad-skip-violation.csv`), "bad-skip-violation.csv");
    const phase = source.phase;
    if (phase.kind !== "review") throw new Error(`expected review, got ${phase.kind}`);
    const line = (label: string): number | undefined => phase.summary.lines.find((l) => l.label === label)?.count;
    expect(line("Skip-rule violations")).toBe(2);
    expect(line("Duplicate respondent ids")).toBe(0);
    expect(phase.summary.first[0]).toMatch(/^Row 2, column q4_1: .*q4_1 = 1 on row 2, but q3 = 4 sends the respondent to q7.* Fix: /);

    await source.choose(blob(`${fixtures}/broken/bad-duplicate-id.csv`), "bad-duplicate-id.csv");
    if (source.phase.kind !== "review") throw new Error("expected review");
    expect(source.phase.summary.lines.find((l) => l.label === "Duplicate respondent ids")?.count).toBe(1);
  });

  it("shows the LoadProblem of an unreadable file and keeps the active data", async () => {
    const source = new DataSource(deps());
    await source.choose(blob(`${fixtures}/broken/bad-unclosed-quote.csv`), "bad-unclosed-quote.csv");
    const phase = source.phase;
    if (phase.kind !== "failed") throw new Error(`expected failed, got ${phase.kind}`);
    expect(phase.cancelled).toBe(false);
    expect(phase.message).toMatch(/^bad-unclosed-quote\.csv, row 3, column 11: A quoted field .* is never closed.*Fix: Add the closing quote/);
    expect(source.active.kind).toBe("bundled");
    source.back();
    expect(source.phase.kind).toBe("idle");
  });

  it("cancels a large load part-way and keeps the active data", async () => {
    const source = new DataSource(deps(surveyCodebook));
    const respondents = readFileSync("data/survey-1999/respondents.csv", "utf8");
    const [header, ...rows] = respondents.trimEnd().split("\n");
    // About 12 MB: enough chunks (1 MB each) for Cancel to land in the middle.
    const body = rows.join("\n");
    const big = new Blob([`${header ?? ""}\n`, ...Array.from({ length: 130 }, () => `${body}\n`)]);
    let sawProgress = 0;
    source.onChange(() => {
      if (source.phase.kind === "loading" && source.phase.bytesRead > 0 && sawProgress === 0) {
        sawProgress = source.phase.bytesRead;
        source.cancel();
      }
    });
    await source.choose(big, "big.csv");
    expect(sawProgress).toBeGreaterThan(0);
    expect(sawProgress).toBeLessThan(big.size);
    expect(source.phase).toMatchObject({ kind: "failed", cancelled: true, message: expect.stringMatching(/cancelled/) });
    expect(source.busy).toBe(false);
    expect(source.active.kind).toBe("bundled");
  });

  it("fetches the loader and codebook once, ahead of the file (prepare), and again after a failed fetch", async () => {
    const calls = { loader: 0, codebook: 0 };
    let failNext = true;
    const source = new DataSource({
      loadFile: () => {
        calls.loader++;
        if (failNext) {
          failNext = false;
          return Promise.reject(new Error("offline"));
        }
        return Promise.resolve(loadFile);
      },
      codebook: () => {
        calls.codebook++;
        return Promise.resolve(smallCodebook);
      },
    });
    await expect(source.prepare()).rejects.toThrow("offline");
    await source.prepare();
    await source.prepare();
    expect(calls).toEqual({ loader: 2, codebook: 2 });
    // The file chosen after the dialog opened reads with what was fetched: nothing fetched again.
    await source.choose(blob(`${fixtures}/small-cp1252.csv`), "small-cp1252.csv");
    expect(source.phase.kind).toBe("review");
    expect(calls).toEqual({ loader: 2, codebook: 2 });
  });

  it("turns a loader that throws (a bug) into a message naming the file and the fix", async () => {
    const source = new DataSource({ loadFile: () => Promise.resolve(() => Promise.reject(new RangeError("boom"))), codebook: () => Promise.resolve(smallCodebook) });
    await source.choose(new Blob(["x"]), "odd.bin");
    expect(source.phase).toMatchObject({ kind: "failed", message: expect.stringMatching(/^odd\.bin: could not be read \(boom\)\. Fix: /) });
  });
});

describe("summarize / describeIssue", () => {
  it("reads the bundled card image with no issues", async () => {
    const result = await loadFile(new Uint8Array(readFileSync("data/survey-1999/respondents.dat")), { name: "respondents.dat", codebook: surveyCodebook });
    if (!result.ok) throw new Error(result.error.message);
    const summary = summarize(result.value);
    expect(summary.rows).toBe(267);
    expect(summary.readAs).toBe("card image, utf-8");
    expect(summary.lines.map((l) => l.count)).toEqual([0, 0, 0, 0, 0]);
    expect(summary.first).toEqual([]);
  });

  it("locates an issue without a row by its variable", () => {
    expect(describeIssue({ kind: "missing-column", variable: "q7", message: "No column for q7.", fix: "Add it." })).toBe("Column q7: No column for q7. Fix: Add it.");
    expect(describeIssue({ kind: "ragged-row", row: 5, column: 3, variable: "q3", message: "Too few fields.", fix: "Add them." })).toBe("Row 5, column 3 (q3): Too few fields. Fix: Add them.");
  });
});
