import { describe, expect, it } from "vitest";
import { loadFile } from "../../../../src/data/loaders/load-file";
import type { IssueKind, LoadProblemKind } from "../../../../src/data/loaders/load-result";
import { fixture, smallCodebook as codebook } from "./helpers";

/**
 * Every broken file in test/fixtures/loaders/broken/ with what a user must be told: either the
 * load is refused with a LoadProblem of the given kind whose message matches, or it loads and the
 * report carries exactly these issue counts, the first issue's message matching. No file may crash
 * (a throw) or hang (the test timeout).
 */
type Expect =
  | { fails: LoadProblemKind; message: RegExp }
  | { counts: Partial<Record<IssueKind, number>>; message: RegExp; /** other kinds may occur too */ subset?: true };

const CORPUS: Record<string, Expect> = {
  "bad-unclosed-quote.csv": { fails: "malformed", message: /row 3, column 11: A quoted field .* is never closed.*Fix: Add the closing quote/ },
  "bad-empty.csv": { fails: "empty", message: /row 1: The file is empty.*Fix: Choose the file/ },
  "bad-ragged.csv": { counts: { "ragged-row": 2 }, message: /Row 3 has 8 fields but the header has 12/ },
  "bad-unknown-code.csv": { counts: { "unknown-code": 1 }, message: /q1 = 7 on row 3 is not a code of q1 \(codes 1, 2, 3; missing 9\)/ },
  "bad-skip-violation.csv": { counts: { "skip-violation": 2 }, message: /q4_1 = 1 on row 2, but q3 = 4 sends the respondent to q7/ },
  "bad-duplicate-id.csv": { counts: { "duplicate-id": 1 }, message: /resp_id 1 on row 4 was already used on row 2/ },
  "bad-not-a-number.csv": { counts: { "not-a-number": 2 }, message: /q1 is "x" on row 2, column 2/ },
  "bad-out-of-range.csv": { counts: { "out-of-range": 1 }, message: /q33 = 120 on row 2 is outside 18–80/ },
  "bad-missing-columns.csv": { counts: { "missing-column": 4 }, message: /The file has no column for q4_3/ },
  "bad-duplicate-column.csv": { counts: { "duplicate-column": 1, "unknown-variable": 1, "missing-column": 4 }, message: /Header "Q1" in column 6 names q1, which an earlier column already holds/ },
  "bad-header-only.csv": { fails: "not-survey-data", message: /a header of 12 columns .* but no data rows.*Fix: Choose the file that holds the answers/ },
  "bad-card.dat": { counts: { "short-line": 1, "not-a-number": 1, "long-line": 1 }, message: /Line 2 has 5 characters; a record has 13/ },
  "bad-binary.dat": { fails: "not-survey-data", message: /This is not a text file \(\d+ of its first \d+ characters are control codes, the first near character \d+\), and not an SPSS \.sav file either/ },
  // A CSV named .sav: read by its content (as CSV), and refused for what it holds.
  "bad-not-a-sav.sav": { fails: "not-survey-data", message: /Only 2 of the codebook's 9 variables are in this file, which has a header of 2 columns \("resp_id", "q1"\)/ },
  "bad-zlib.sav": { fails: "unsupported", message: /ZLIB compression.*Fix: Save the file again/ },
  "bad-truncated-dictionary.sav": { fails: "malformed", message: /The file ends inside .*\(byte 500\)/ },
  "bad-truncated-data.sav": { fails: "truncated", message: /Case 6 is cut off after \d+ of \d+ values: the file holds 5 complete cases\. The header declares 6 cases/ },
  "bad-garbage-record.sav": { fails: "malformed", message: /Unknown record type 1431655765/ },
};

describe("broken file corpus", () => {
  it("has at least 15 files", () => {
    expect(Object.keys(CORPUS).length).toBeGreaterThanOrEqual(15);
  });

  for (const [name, want] of Object.entries(CORPUS)) {
    it(`${name}: ${"fails" in want ? `fails (${want.fails})` : "loads with the issues reported"}`, async () => {
      const outcome = await loadFile(fixture(name), { name, codebook });
      if ("fails" in want) {
        if (outcome.ok) throw new Error(`${name} was read instead of refused`);
        expect(outcome.error).toMatchObject({ kind: want.fails, file: name });
        expect(outcome.error.message).toMatch(want.message);
        expect(outcome.error.message).toMatch(/Fix: /);
        return;
      }
      if (!outcome.ok) throw new Error(outcome.error.message);
      const result = outcome.value;
      if (want.subset) expect(result.report.counts).toMatchObject(want.counts);
      else expect(result.report.counts).toEqual(want.counts);
      expect(result.report.issues[0]?.message).toMatch(want.message);
      for (const issue of result.report.issues) expect(issue.fix.length).toBeGreaterThan(10);
    });
  }
});
