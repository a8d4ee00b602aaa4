import { describe, expect, it } from "vitest";
import { inputPendingOf } from "../../../src/app/input-pending";

describe("inputPendingOf", () => {
  it("asks navigator.scheduling.isInputPending, called on scheduling (Chromium throws 'Illegal invocation' otherwise)", () => {
    let pending = false;
    const scheduling = {
      isInputPending(this: unknown): boolean {
        if (this !== scheduling) throw new TypeError("Illegal invocation");
        return pending;
      },
    };
    const waits = inputPendingOf({ scheduling });
    expect(waits()).toBe(false);
    pending = true;
    expect(waits()).toBe(true);
  });

  it("says no where the browser cannot tell: no navigator, no scheduling, no function, an answer that is not true", () => {
    expect(inputPendingOf(undefined)()).toBe(false);
    expect(inputPendingOf({})()).toBe(false);
    expect(inputPendingOf({ scheduling: { isInputPending: 1 } })()).toBe(false);
    expect(inputPendingOf({ scheduling: { isInputPending: () => "yes" } })()).toBe(false);
  });
});
