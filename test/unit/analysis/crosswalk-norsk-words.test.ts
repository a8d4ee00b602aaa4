/**
 * 06's numbers and words in norsk where the crosswalk wrote them itself: a p-value that rounds to 1
 * keeps the decimal comma ("p = 1,000", was "p = 1.000" beside "p = 0,629"), and a case card names
 * the thesis's size in bokmål ("liten", was "small"). English stays as it was.
 */
import { describe, expect, it } from "vitest";
import { localP } from "../../../src/analysis/crosswalk/explain-comparison";
import { messages } from "../../../src/base/locale/locale";

describe("the crosswalk's p-values in the language", () => {
  it("write a decimal comma and a leading zero in norsk, also when p rounds to 1", () => {
    expect(localP(1, "nb")).toBe("p = 1,000");
    expect(localP(0.9996, "nb")).toBe("p = 1,000");
    expect(localP(0.629, "nb")).toBe("p = 0,629");
    expect(localP(0.0004, "nb")).toBe("p < 0,001");
    expect(localP(0.0503, "nb", "BH q")).toBe("BH q = 0,0503");
  });

  it("stay APA in English", () => {
    expect(localP(1, "en")).toBe("p = 1.000");
    expect(localP(0.629, "en")).toBe("p = .629");
    expect(localP(0.0004, "en")).toBe("p < .001");
  });
});

describe("a case card's size", () => {
  it("is bokmål in norsk and the thesis's word in English", () => {
    expect(messages.nb.cardSub("small", "2006", false)).toBe("liten · BMS fra 2006 · mest måling");
    expect(messages.nb.cardSub("large", "2003", true)).toBe("stor · BMS fra 2003 · styringsverktøy");
    expect(messages.en.cardSub("small", "2006", false)).toBe("small · BMS from 2006 · mainly measurement");
  });
});
