import * as aq from "arquero";
import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { runNotebookHeadless, toJsonValue } from "../../../src/runtime/headless";

describe("toJsonValue", () => {
  it("lists small tables as row objects and summarizes large ones", () => {
    expect(toJsonValue(aq.table({ a: [1, 2], b: ["x", "y"] }))).toEqual([
      { a: 1, b: "x" },
      { a: 2, b: "y" },
    ]);
    const big = aq.table({ n: Array.from({ length: 120 }, (_, i) => i) });
    expect(toJsonValue(big)).toEqual({ table: { rows: 120, columns: ["n"], head: [{ n: 0 }, { n: 1 }, { n: 2 }, { n: 3 }, { n: 4 }] } });
  });

  it("describes DOM nodes, functions, dates, maps and cycles", () => {
    const { document } = parseHTML("<!doctype html><html><body></body></html>");
    const p = document.createElement("p");
    p.textContent = "hei";
    expect(toJsonValue(p)).toEqual({ element: "p", htmlLength: "<p>hei</p>".length });
    expect(toJsonValue(function total() {})).toBe("ƒ total()");
    expect(toJsonValue(new Date(Date.UTC(1999, 0, 1)))).toBe("1999-01-01T00:00:00.000Z");
    expect(toJsonValue(new Map([["a", NaN]]))).toEqual({ a: "NaN" });
    const loop: Record<string, unknown> = { name: "loop" };
    loop["self"] = loop;
    expect(toJsonValue(loop)).toEqual({ name: "loop", self: "[circular]" });
  });
});

describe("runNotebookHeadless", () => {
  it("reports a cell that never settles as a timeout and the run as failed", async () => {
    const run = await runNotebookHeadless(
      { title: "t", cells: [{ id: "1", kind: "js", source: "const never = new Promise(() => {})" }, { id: "2", kind: "js", source: "const ok = 1" }] },
      { host: { readText: async () => "", readBytes: async () => new Uint8Array() }, idleTimeoutMs: 100 },
    );
    expect(run.ok).toBe(false);
    expect(run.cells[1]).toMatchObject({ id: "2", status: "fulfilled", names: { ok: 1 } });
    expect(run.cells[0]).toMatchObject({ id: "1", status: "timeout", names: { never: null }, error: { kind: "timeout" } });
    expect(run.cells[0]?.error?.message).toContain("Still running after 100 ms");
  });
});
