/**
 * The data gate: a notebook the user owns runs on the data the user chose; a shared notebook runs on
 * the bundled reconstruction until "Run on my data", and that choice holds only for that file.
 */
import { table } from "arquero";
import { describe, expect, it } from "vitest";
import type { ActiveData } from "../../../../src/app/data-source";
import { DataGate, type ActiveDataSource } from "../../../../src/app/sandbox/data-gate";
import type { LoadResult } from "../../../../src/data/loaders/load-result";

/** A data source whose active data the test sets. */
class FakeSource implements ActiveDataSource {
  active: ActiveData = { kind: "bundled", version: 0 };
  private readonly listeners = new Set<(active: ActiveData) => void>();
  onActiveChange(listener: (active: ActiveData) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  use(name: string): LoadResult {
    // The gate hands the result on and never reads it: an empty load of that name will do.
    const result: LoadResult = {
      table: table({}),
      codebook: { title: "", source: "", recordLength: 0, variables: [], skipRules: [], sets: [] },
      report: { file: name, rows: 0, total: 0, counts: {}, issues: [], limit: 200, truncated: false },
      source: { name, format: "csv", label: "CSV", encoding: "utf-8", rows: 0, bytes: 0 },
    };
    this.active = { kind: "user", name, rows: 1, result, version: this.active.version + 1 };
    for (const listener of this.listeners) listener(this.active);
    return result;
  }
}

describe("the data gate", () => {
  it("gives a notebook the user owns the user's file, a shared one only after Run on my data, for that file", () => {
    const source = new FakeSource();
    const gate = new DataGate(source);
    let changes = 0;
    gate.onChange(() => changes++);
    const shared = { kind: "shared" } as const;
    expect(gate.dataFor("k", shared)).toEqual({ kind: "bundled" });
    expect(gate.withheld("k", shared)).toBe(false);

    const first = source.use("a.csv");
    expect(changes).toBe(1);
    for (const origin of [{ kind: "bundled", name: "01-overview" }, { kind: "new" }] as const) {
      expect(gate.dataFor("own", origin)).toEqual({ kind: "user", version: 1, name: "a.csv", load: first });
    }
    // An imported notebook file may be anybody's code, as a link is: it asks too.
    const imported = { kind: "imported", fileName: "x.html" } as const;
    expect(gate.dataFor("imp", imported)).toEqual({ kind: "bundled" });
    expect(gate.withheld("imp", imported)).toBe(true);
    expect(gate.dataFor("k", shared)).toEqual({ kind: "bundled" });
    expect(gate.withheld("k", shared)).toBe(true);

    gate.grant("k");
    expect(changes).toBe(2);
    expect(gate.dataFor("k", shared)).toEqual({ kind: "user", version: 1, name: "a.csv", load: first });
    expect(gate.withheld("k", shared)).toBe(false);
    // Another shared notebook was not given anything.
    expect(gate.dataFor("other", shared)).toEqual({ kind: "bundled" });

    // Another file: the choice was for the first one, so the shared notebook asks again.
    source.use("b.csv");
    expect(gate.dataFor("k", shared)).toEqual({ kind: "bundled" });
    expect(gate.withheld("k", shared)).toBe(true);
  });
});
