/**
 * The reference as the app loads it (vite.config.ts, `appReferencePlugin`): every entry of
 * reference.json, in order, with every field the reference panel, completions and hover read, and
 * none of the fields the bundle leaves out (issue 12, size). Loaded through Vite as the app loads it.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadReference } from "../../../src/components/authoring/reference-data";
import { FIELDS_NOT_IN_APP, type Reference } from "../../../scripts/reference/reference-types";

const onDisk: Reference = JSON.parse(readFileSync("src/base/reference/reference.json", "utf8"));

describe("the reference the app loads", () => {
  it("leaves out exactly the fields no part of the app reads and keeps the rest as written", async () => {
    const loaded = await loadReference();
    expect(loaded.map((e) => e.name)).toEqual(onDisk.entries.map((e) => e.name));
    onDisk.entries.forEach((entry, i) => {
      const kept = Object.fromEntries(Object.entries(entry).filter(([key]) => !FIELDS_NOT_IN_APP.some((omitted) => omitted === key)));
      expect(loaded[i], entry.name).toEqual(kept);
    });
    // The left-out fields are really in the file: the test compares something.
    for (const field of FIELDS_NOT_IN_APP) expect(onDisk.entries.every((e) => field in e), field).toBe(true);
  });
});
