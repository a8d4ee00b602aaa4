import { describe, expect, it } from "vitest";
import { parseHTML } from "linkedom";
import { appendWithBreaks } from "../../../src/analysis/tables/break-opportunities";

/** The cell's children as text, a `<wbr>` shown as "|". */
function drawn(text: string): { shown: string; textContent: string | null } {
  const { document } = parseHTML("<table><tr><td></td></tr></table>");
  const td = document.querySelector("td");
  if (!td) throw new Error("no cell");
  appendWithBreaks(document, td, text);
  return { shown: [...td.childNodes].map((n) => (n.nodeName === "WBR" ? "|" : n.textContent)).join(""), textContent: td.textContent };
}

describe("appendWithBreaks", () => {
  it("offers a break after each slash, underscore and colon inside a long word, and keeps the text as given", () => {
    for (const [text, shown] of [
      ["Kvalitetsindikatorer/-standarder", "Kvalitetsindikatorer/|-standarder"],
      ["Benchmarking/systematisk sammenligning", "Benchmarking/|systematisk sammenligning"],
      ["any_model_adopted", "any_|model_|adopted"],
      ["text:expectations", "text:|expectations"],
      ["2.3, list:two-models, text:active-municipalities", "2.3, list:|two-models, text:|active-municipalities"],
      // A short word fits any column whole: no element is added for it.
      ["q28_6", "q28_6"],
      // Before a space, or at the end, the browser already may break: nothing is added.
      ["a / b", "a / b"],
      ["ends with/", "ends with/"],
      ["Sentraladministrasjon", "Sentraladministrasjon"],
      ["48,5 %", "48,5 %"],
    ] as const) {
      const seen = drawn(text);
      expect(seen.shown, text).toBe(shown);
      // The CSV export and the report read textContent: byte for byte the text given.
      expect(seen.textContent, text).toBe(text);
    }
  });
});
