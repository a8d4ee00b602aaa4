import { describe, expect, it } from "vitest";
import { DoublePress } from "../../../src/components/double-press";

describe("DoublePress (the D D rule)", () => {
  it("a single press never completes a pair, even at a time near the document's origin", () => {
    // A frame 0.3 s old: event.timeStamp is ~300. The old rule compared with 0 and deleted here.
    const d = new DoublePress(800);
    expect(d.press("4", 300)).toBe(false);
  });

  it("two presses on one cell within the window complete the pair, and use it up", () => {
    const d = new DoublePress(800);
    expect(d.press("4", 10_000)).toBe(false);
    expect(d.press("4", 10_799)).toBe(true);
    // The third press starts a new pair; it does not delete the next cell too.
    expect(d.press("3", 10_850)).toBe(false);
    expect(d.press("3", 10_900)).toBe(true);
  });

  it("presses too far apart, or on two cells, are two first presses", () => {
    const d = new DoublePress(800);
    expect(d.press("4", 1_000)).toBe(false);
    expect(d.press("4", 1_800)).toBe(false);
    expect(d.press("3", 2_000)).toBe(false);
    expect(d.press("4", 2_100)).toBe(false);
  });

  it("reset forgets the first press", () => {
    const d = new DoublePress(800);
    d.press("4", 5_000);
    d.reset();
    expect(d.press("4", 5_100)).toBe(false);
  });
});
