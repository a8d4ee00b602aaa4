/**
 * The shell's reading of messages from the notebook frame: what a running notebook could forge.
 * Every message is rebuilt from known fields, capped in size, and anything else is dropped with a
 * Problem (never thrown).
 */
import { describe, expect, it } from "vitest";
import { FRAME_LIMITS, readFrameMessage } from "../../../../src/app/sandbox/protocol";

function dropped(data: unknown): string {
  const read = readFrameMessage(data);
  return read.ok ? "" : read.error.message;
}

describe("readFrameMessage", () => {
  it("keeps the known fields of well-formed messages and nothing else", () => {
    const cells = readFrameMessage({ type: "cells", cells: [{ id: "1", kind: "js", source: "1 + 1", extra: "x" }], more: 1 });
    expect(cells).toEqual({ ok: true, value: { type: "cells", cells: [{ id: "1", kind: "js", source: "1 + 1" }], history: null } });
    // The undo history comes back rebuilt from its known fields; a damaged one is left out, the cells kept.
    const step = { label: "Delete cell", title: "T", cells: [0], drafts: {}, cell: "2", extra: 1 };
    const withHistory = readFrameMessage({ type: "cells", cells: [{ id: "1", kind: "js", source: "1" }], history: { v: 1, pool: [{ id: "1", kind: "js", source: "1", x: 2 }], past: [step], future: [], more: 3 } });
    expect(withHistory).toEqual({
      ok: true,
      value: { type: "cells", cells: [{ id: "1", kind: "js", source: "1" }], history: { v: 1, pool: [{ id: "1", kind: "js", source: "1" }], past: [{ label: "Delete cell", title: "T", cells: [0], drafts: {}, cell: "2" }], future: [] } },
    });
    const damaged = readFrameMessage({ type: "cells", cells: [{ id: "1", kind: "js", source: "1" }], history: { v: 1, pool: [], past: [step], future: [] } });
    expect(damaged).toEqual({ ok: true, value: { type: "cells", cells: [{ id: "1", kind: "js", source: "1" }], history: null } });
    expect(readFrameMessage({ type: "draft", id: "2", text: null })).toEqual({ ok: true, value: { type: "draft", id: "2", text: null } });
    expect(readFrameMessage({ type: "reads", names: ["selection", "survey"] })).toEqual({ ok: true, value: { type: "reads", names: ["survey", "selection"] } });
    expect(readFrameMessage({ type: "status", busy: true, running: [{ id: "t21", names: ["t21"] }], current: "t21" })).toEqual({ ok: true, value: { type: "status", busy: true, running: [{ id: "t21", names: ["t21"] }], current: "t21" } });
    expect(readFrameMessage({ type: "file", id: 3, path: "demo/kommuner-1999.csv" })).toEqual({ ok: true, value: { type: "file", id: 3, path: "demo/kommuner-1999.csv" } });
    expect(readFrameMessage({ type: "inputs", values: { landsdel: "Trøndelag", n: [1, 2] }, id: 4 })).toEqual({ ok: true, value: { type: "inputs", values: { landsdel: "Trøndelag", n: [1, 2] }, id: 4 } });
  });

  it("takes the filter through the filter's own validation", () => {
    expect(readFrameMessage({ type: "filter", filter: { fylke: [11], sizeClass: [], respType: [], adopted: [] } })).toEqual({
      ok: true,
      value: { type: "filter", filter: { fylke: [11], sizeClass: [], respType: [], adopted: [] } },
    });
    expect(dropped({ type: "filter", filter: { fylke: ["<script>"], sizeClass: [], respType: [], adopted: [] } })).toMatch(/^A message from the notebook frame was ignored: The filter's "fylke" is not a list/);
    expect(dropped({ type: "filter", filter: { fylke: [13], sizeClass: [], respType: [], adopted: [] } })).toContain("13");
  });

  it("drops what is not a message, of an unknown type, or with fields of the wrong kind", () => {
    for (const data of [null, undefined, 7, "ready", [], { type: 5 }, { type: "open" }, { type: "ready" }, { type: "ready", boot: "x".repeat(41) }, { type: "cells", cells: "junk" }, { type: "draft", id: "", text: "x" },
      { type: "draft", id: "1", text: 5 }, { type: "reads", names: ["document"] }, { type: "status", running: [], busy: "yes", current: null },
      { type: "status", busy: true, running: [], current: 5 }, { type: "status", busy: true, running: [] },
      { type: "status", busy: true, running: [{ id: "<img src=x onerror=alert(1)>", names: ["<b>"] }], current: null }, { type: "pong", seq: -1 },
      { type: "idle", id: 1.5 }, { type: "file", id: "x", path: "a" }, { type: "file", id: 1, path: "" }, { type: "inputs", values: [] },
      { type: "inputs", values: { "not a name": 1 } }, { type: "inputs", values: { f: () => 1 } }, { type: "inputs", values: { m: new Map() } }]) {
      expect(dropped(data), JSON.stringify(data) ?? String(data)).toMatch(/^A message from the notebook frame was ignored: .+\. Nothing to do unless this repeats; then reload the notebook\.$/);
    }
  });

  it("drops oversized messages instead of cutting them", () => {
    expect(dropped({ type: "draft", id: "1", text: "x".repeat(FRAME_LIMITS.draftChars + 1) })).toContain("2 million characters");
    expect(dropped({ type: "file", id: 1, path: "a".repeat(FRAME_LIMITS.pathChars + 1) })).toContain("300 characters");
    expect(dropped({ type: "inputs", values: { x: "x".repeat(FRAME_LIMITS.inputChars) } })).toContain("200,000 characters");
    expect(dropped({ type: "cells", cells: [{ id: "1", kind: "js", source: "x".repeat(FRAME_LIMITS.docChars + 1) }] })).toContain("10 million characters");
    expect(dropped({ type: "cells", cells: Array.from({ length: FRAME_LIMITS.cells + 1 }, (_, i) => ({ id: String(i), kind: "md", source: "" })) })).toContain("at most 5,000");
  });

  it("takes a notebook's size past the limits, in place of its cells, and nothing else under that name", () => {
    const over = { cells: FRAME_LIMITS.cells + 1, chars: 12 };
    expect(readFrameMessage({ type: "tooLarge", size: { ...over, extra: 1 }, more: 2 })).toEqual({ ok: true, value: { type: "tooLarge", size: over } });
    expect(readFrameMessage({ type: "tooLarge", size: { cells: 1, chars: FRAME_LIMITS.docChars + 1 } }).ok).toBe(true);
    for (const size of [undefined, {}, { cells: 1, chars: 1 }, { cells: FRAME_LIMITS.cells, chars: FRAME_LIMITS.docChars }, { cells: -1, chars: 2e7 }, { cells: 6000.5, chars: 1 }, { cells: "6000", chars: 1 }]) {
      expect(dropped({ type: "tooLarge", size }), JSON.stringify(size) ?? "undefined").toContain("not one past the limits");
    }
  });

  it("survives cycles and deep nesting without throwing", () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(dropped({ type: "inputs", values: { c: cyclic } })).not.toBe("");
    let deep: unknown = 1;
    for (let i = 0; i < 10_000; i++) deep = [deep];
    expect(dropped({ type: "inputs", values: { d: deep } })).not.toBe("");
  });

  it("never lets a __proto__ key reach the shell's objects", () => {
    const read = readFrameMessage({ type: "inputs", values: JSON.parse('{"__proto__": {"polluted": true}, "x": 1}') });
    expect(read.ok && Object.getPrototypeOf(read.value.type === "inputs" ? read.value.values : {})).toBe(Object.prototype);
    expect(Reflect.get({}, "polluted")).toBeUndefined();
  });
});
