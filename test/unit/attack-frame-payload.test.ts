/**
 * A running notebook can take its frame's channel and post `cells` messages of its own
 * (hostile-protocol.test.ts). The shell caps what it checks and stores (FRAME_LIMITS.docChars) and
 * stops a frame that sends more in a second than a notebook needs (message-budget.ts). Two ways
 * around both, found in stop 31:
 *
 * - text a cell carries besides its source — a markdown cell's bokmål/English texts
 *   (`CellDoc.variants`, stop 30) and attribute values — was not counted: 100 million characters of
 *   variants counted as 3, so a frame could post gigabytes a second past the budget into the shell
 *   and, for the reader's own notebook, into storage;
 * - the undo history's steps name cells of its pool by index, and the shell checked and wrote out
 *   each step's cells again: a 9.5 MB history whose 100 steps each name all 5,000 pool cells
 *   counted as 9.5 MB, and held the shell's thread 11–19 s per message (Node, load 9–17).
 *
 * The second is checked by the work done, not by time: the JSON the shell writes while reading a
 * history, and how often it reads each pool cell, must not grow with the number of steps.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { FRAME_LIMITS, readFrameMessage, type FrameMessage } from "../../src/app/sandbox/protocol";
import { MESSAGE_BUDGET, MessageBudget, payloadChars } from "../../src/app/sandbox/message-budget";

const over = FRAME_LIMITS.docChars + 1;

function cellsMessage(data: unknown): Extract<FrameMessage, { type: "cells" }> | undefined {
  const message = readFrameMessage(data);
  return message.ok && message.value.type === "cells" ? message.value : undefined;
}

/** A `cells` message of one markdown cell whose bokmål text is `chars` long. */
function withVariant(chars: number): unknown {
  return { type: "cells", cells: [{ id: "1", kind: "md", source: "# Hei", variants: { nb: "x".repeat(chars) } }], history: null };
}

describe("a frame's cells message with text besides the cells' sources", () => {
  it("is refused when a markdown cell's other-language text passes a notebook's size", () => {
    expect(cellsMessage(withVariant(over))).toBeUndefined();
  });

  it("is refused when an attribute's value passes a notebook's size", () => {
    const data = { type: "cells", cells: [{ id: "1", kind: "js", source: "1", attributes: [["data-note", "x".repeat(over)]] }], history: null };
    expect(cellsMessage(data)).toBeUndefined();
  });

  it("spends the second's budget with its variants: a frame posting them is stopped within the second", () => {
    const message = cellsMessage(withVariant(FRAME_LIMITS.docChars / 2));
    if (!message) throw new Error("a notebook-sized message was refused");
    const budget = new MessageBudget();
    let sent = 0;
    while (budget.spend(0, { messages: 1, chars: payloadChars(message) }) && sent < MESSAGE_BUDGET.messages) sent++;
    // Before: 1,000 messages of 5 million characters each passed in one second.
    expect(sent).toBeLessThanOrEqual(MESSAGE_BUDGET.chars / (FRAME_LIMITS.docChars / 2));
  });

  it("keeps the cells but not a history whose pool carries more than a notebook in variants", () => {
    const pool = [{ id: "1", kind: "md", source: "# Hei", variants: { nb: "x".repeat(over) } }];
    const message = cellsMessage({ type: "cells", cells: [{ id: "1", kind: "md", source: "# Hei" }], history: { v: 1, pool, past: [{ label: "Edit", title: "T", cells: [0], drafts: {} }], future: [] } });
    expect(message?.cells).toHaveLength(1);
    expect(message?.history).toBeNull();
  });
});

/** A history of `steps` steps a side, each naming every one of `cells` pool cells of `chars` characters. */
function namingAll(cells: number, chars: number, steps: number): { v: 1; pool: object[]; past: object[]; future: object[] } {
  const pool = Array.from({ length: cells }, (_, i) => ({ id: `c${i}`, kind: "js", source: `${"x".repeat(chars)}${i}` }));
  const step = { label: "Edit", title: "T", cells: pool.map((_, i) => i), drafts: {} };
  return { v: 1, pool, past: Array.from({ length: steps }, () => step), future: Array.from({ length: steps }, () => step) };
}

describe("an undo history whose every step names every cell of its pool", () => {
  afterEach(() => vi.restoreAllMocks());

  it("costs the shell JSON in proportion to its pool, not to its pool times its steps", () => {
    const history = namingAll(20, 5_000, 50);
    const poolChars = 20 * 5_000;
    let written = 0;
    const stringify = JSON.stringify;
    vi.spyOn(JSON, "stringify").mockImplementation((...args: Parameters<typeof JSON.stringify>) => {
      const text = stringify(...args);
      written += text?.length ?? 0;
      return text;
    });
    const message = cellsMessage({ type: "cells", cells: [{ id: "c0", kind: "js", source: "1" }], history });
    expect(message?.history?.past).toHaveLength(50);
    // Before: 100 steps × the pool = 10 million characters of JSON for a 100,000-character history.
    expect(written).toBeLessThan(3 * poolChars);
  });

  it("reads each pool cell a few times, however many steps name it", () => {
    const history = namingAll(20, 10, 50);
    const reads = new Array<number>(20).fill(0);
    history.pool = history.pool.map((cell, i) => {
      const source = Reflect.get(cell, "source");
      return Object.defineProperties({ ...cell }, { source: { enumerable: true, get: () => (reads[i] = (reads[i] ?? 0) + 1, source) } });
    });
    expect(cellsMessage({ type: "cells", cells: [{ id: "c0", kind: "js", source: "1" }], history })?.history?.future).toHaveLength(50);
    // Before: read again for each of the 100 steps (200+ reads a cell).
    expect(Math.max(...reads)).toBeLessThan(10);
  });

  it("counts what its steps' references cost to check: 100 steps naming 5,000 cells each are more than a notebook", () => {
    const message = cellsMessage({ type: "cells", cells: [{ id: "c0", kind: "js", source: "1" }], history: namingAll(5_000, 1, 50) });
    expect(message?.cells).toHaveLength(1);
    expect(message?.history).toBeNull();
  });
});
