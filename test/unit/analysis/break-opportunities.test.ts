import { describe, expect, it } from "vitest";
import { parseHTML } from "linkedom";
import { appendWithBreaks, JOINT_CSS, type BreakOptions } from "../../../src/analysis/tables/break-opportunities";

/** The cell's children as text, a `<wbr>` shown as "|", a compound's joint (`.tv-joint`) as "-|". */
function drawn(text: string, options: BreakOptions = {}): { shown: string; textContent: string | null } {
  const { document } = parseHTML("<table><tr><td></td></tr></table>");
  const td = document.querySelector("td");
  if (!td) throw new Error("no cell");
  appendWithBreaks(document, td, text, options);
  const shown = [...td.childNodes].map((n) => (n.nodeName === "WBR" ? "|" : n.nodeName === "SPAN" ? "-|" : n.textContent)).join("");
  return { shown, textContent: td.textContent };
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

  it("with joints, also lets a long Norwegian compound break between its parts, and keeps the text as given", () => {
    for (const [text, shown] of [
      ["«Etatslederne følger i for liten grad opp kvalitetsforbedringsarbeidet»", "«Etatslederne følger i for liten grad opp kvalitets-|forbedrings-|arbeidet»"],
      ["Kvalitetsindikatorer/-standarder", "Kvalitets-|indikatorer/|-standarder"],
      ["Litteraturgjennomgangen peker på", "Litteratur-|gjennomgangen peker på"],
      ["informasjonsbehandling», brukerundersøkelser", "informasjons-|behandling», bruker-|undersøkelser"],
      // An inflection is not a part: "brukerne", "resultatene" stay whole, and so do short words.
      ["de involverte brukerne og resultatene", "de involverte brukerne og resultatene"],
      ["datasystemer", "datasystemer"],
      // English has no such parts.
      ["indicators/standards", "indicators/|standards"],
    ] as const) {
      const seen = drawn(text, { joints: true });
      expect(seen.shown, text).toBe(shown);
      // No soft hyphen in the text: the hyphen is the stylesheet's (JOINT_CSS), drawn only at a break.
      expect(seen.textContent, text).toBe(text);
    }
    // Without the option, no joints (04's plain tables).
    expect(drawn("kvalitetsforbedringsarbeidet").shown).toBe("kvalitetsforbedringsarbeidet");
    expect(JOINT_CSS).toContain('content: "\\00AD"');
  });
});
