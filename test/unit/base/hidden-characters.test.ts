import { describe, expect, it } from "vitest";
import { codeLines, reorderingWarning, splitHidden } from "../../../src/base/hidden-characters";

describe("hidden characters in shown code", () => {
  it("splits lines where JavaScript ends them: LF, CRLF once, a lone CR, U+2028 and U+2029", () => {
    expect(codeLines("a\r\nb\rc\nd\u2028e\u2029f")).toEqual(["a", "b", "c", "d", "e", "f"]);
  });

  it("names every bidirectional control, zero-width and control character, and leaves tabs and letters alone", () => {
    expect(splitHidden('"user\u202e \u2066// x\u2069\tø\u200b\u0007')).toEqual([
      '"user',
      { code: "U+202E", name: "right-to-left override" },
      " ",
      { code: "U+2066", name: "left-to-right isolate" },
      "// x",
      { code: "U+2069", name: "pop directional isolate" },
      "\tø",
      { code: "U+200B", name: "zero-width space" },
      { code: "U+0007", name: "control character" },
    ]);
  });

  it("warns about reordering characters only, naming the cells and each character once", () => {
    expect(reorderingWarning(["plain", "soft\u00adhyphen and emoji \u200d"])).toBeUndefined();
    expect(reorderingWarning(["a\u202eb", "ok", "\u2067c\u202e"])).toBe(
      "Cells 1, 3 hold characters that reorder text on screen (U+202E right-to-left override, U+2067 right-to-left isolate): the code can run differently from how it reads. Each is marked in red below; do not run this notebook unless the sender can tell you why they are there.",
    );
  });
});
