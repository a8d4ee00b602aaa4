/**
 * Issue 11 §1/§5: a running notebook can post anything on its channel. A `cells` message carries
 * the undo history too (for autosave); the history's text — its pool of cells, and each step's
 * title, label and drafts — is as much the frame's payload as the cells are: it is capped like a
 * notebook (10 million characters), and it counts against the second's budget, so a notebook
 * cannot fill the shell's storage or hold its thread with histories while its cells stay small.
 */
import { describe, expect, it } from "vitest";
import { FRAME_LIMITS, readFrameMessage } from "../../../../src/app/sandbox/protocol";
import { MESSAGE_BUDGET, MessageBudget, payloadChars } from "../../../../src/app/sandbox/message-budget";

const cells = [{ id: "1", kind: "js", source: "1" }];

/** A history whose steps each hold a draft of `draftChars` characters (a stranger's note to storage). */
function history(steps: number, draftChars: number): unknown {
  const step = (n: number) => ({ label: "Delete cell", title: "T", cells: [0], drafts: { [`d${n}`]: "x".repeat(draftChars) } });
  return { v: 1, pool: [{ id: "1", kind: "js", source: "1" }], past: Array.from({ length: steps }, (_, n) => step(n)), future: [] };
}

function read(data: unknown) {
  const message = readFrameMessage(data);
  if (!message.ok || message.value.type !== "cells") throw new Error("cells message refused");
  return message.value;
}

describe("the undo history a frame sends with its cells", () => {
  it("is kept when small, and its text counts as payload", () => {
    const message = read({ type: "cells", cells, history: history(3, 1000) });
    expect(message.history?.past).toHaveLength(3);
    expect(payloadChars(message)).toBeGreaterThanOrEqual(3 * 1000);
  });

  it("is dropped (the cells kept) when its drafts hold more than a notebook may", () => {
    const per = Math.ceil(FRAME_LIMITS.docChars / 40) + 1;
    const message = read({ type: "cells", cells, history: history(40, per) });
    expect(message.cells).toEqual(cells);
    expect(message.history).toBeNull();
  });

  it("spends the budget: notebooks posting big histories with one small cell are stopped within a second", () => {
    const budget = new MessageBudget();
    const per = Math.floor(FRAME_LIMITS.docChars / 50) - 100;
    const message = read({ type: "cells", cells, history: history(50, per) });
    expect(message.history).not.toBeNull();
    let sent = 0;
    while (budget.spend(0, { messages: 1, chars: payloadChars(message) }) && sent < MESSAGE_BUDGET.messages) sent++;
    expect(sent).toBeLessThan(Math.ceil(MESSAGE_BUDGET.chars / (FRAME_LIMITS.docChars / 2)));
  });
});
