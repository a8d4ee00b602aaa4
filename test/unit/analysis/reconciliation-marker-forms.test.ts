/**
 * Issue 12 on notebook 04: a figure's row is cloned from its style's form, and its recomputed cell
 * is that clone's own cell, filled in place; the evidence marker in it is cloned from its kind's form
 * (letter and range slot made once per document) and its tooltip's head written once per language,
 * kind and number of draws. So drawing more rows makes no more elements one by one — and every
 * marker must still read as if built alone: its own class, letter, range and tooltip, never another
 * marker's range left in a shared form.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { parseHTML } from "linkedom";
import { applyFilter } from "../../../src/analysis/apply-filter";
import type { Evidence } from "../../../src/analysis/evidence/evidence";
import { evidenceMarker, evidenceTitle } from "../../../src/analysis/evidence/evidence-marker";
import { reconcileSelection } from "../../../src/analysis/reconciliation/reconciliation-builtins";
import { evidenceOfReconciliation } from "../../../src/analysis/reconciliation/reconciliation-evidence";
import { renderFlagged } from "../../../src/analysis/reconciliation/render-reconciliation";
import type { Survey } from "../../../src/analysis/survey";
import { loadSurvey } from "../../../src/analysis/survey-source";
import type { Locale } from "../../../src/base/locale/locale";
import { EMPTY_FILTER } from "../../../src/data/survey-filter";
import { nodeHost } from "../notebooks/headless-survey";

const host = nodeHost();
let survey: Survey;

beforeAll(async () => {
  survey = await loadSurvey(host);
});

/** `doc` with its `createElement` calls counted (clones are made by the nodes' own document, not through this one). */
function countingDocument(doc: Document): { doc: Document; made: () => number } {
  let made = 0;
  const counting = new Proxy(doc, {
    get(target, key) {
      if (key === "createElement") {
        return (tag: string) => {
          made++;
          return target.createElement(tag);
        };
      }
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  return { doc: counting, made: () => made };
}

describe("04's figure rows make no element one by one", () => {
  it.each(["nb", "en"] as const)("the flagged table (%s) makes as many elements for 25 rows as for 5", (locale: Locale) => {
    const rec = reconcileSelection(applyFilter(survey, { ...EMPTY_FILTER, fylke: [11] }), locale);
    evidenceOfReconciliation(rec);
    const { doc, made } = countingDocument(parseHTML("<!doctype html><html><body></body></html>").document);
    const draw = (rows: number): { made: number; rows: number; markers: number; ranges: number } => {
      const before = made();
      const figure = renderFlagged(doc, rec, { locale, flaggedLimit: rows });
      return {
        made: made() - before,
        rows: figure.querySelectorAll("tbody > tr").length,
        markers: figure.querySelectorAll("tbody .tv-ev").length,
        ranges: figure.querySelectorAll("tbody .tv-ev-range").length,
      };
    };
    draw(25); // the forms of this document are made here
    const few = draw(5);
    const many = draw(25);
    expect([few.rows, many.rows]).toEqual([5, 25]);
    // Every listed figure carries its marker, most with a range: the cases the forms must serve.
    expect(many.markers).toBe(25);
    expect(many.ranges).toBeGreaterThan(10);
    // One by one, each row would make its recomputed cell and its marker's two or three elements (≥ 60 more).
    expect(many.made).toBe(few.made);
  }, 60_000);
});

describe("a cloned evidence marker reads as one built alone", () => {
  const { document } = parseHTML("<!doctype html><html><body></body></html>");
  const format = (n: number): string => n.toFixed(1);
  /** The marker as written out by hand: class, tooltip, letter, then the range (the serialiser orders the attributes). */
  const byHand = (kind: string, title: string, letter: string, range?: string): string => {
    const mark = document.createElement("span");
    mark.className = `tv-ev tv-ev-${kind}`;
    mark.title = title;
    const sup = document.createElement("sup");
    sup.textContent = letter;
    mark.append(sup);
    if (range !== undefined) {
      const span = document.createElement("span");
      span.className = "tv-ev-range";
      span.textContent = range;
      mark.append(span);
    }
    return mark.outerHTML;
  };
  const cases: [string, Evidence, Locale, string][] = [
    ["reconstruction with a range, norsk", { kind: "reconstruction", draws: 50, range: { min: 12, max: 19.5 } }, "nb", byHand("reconstruction", "Avhenger av rekonstruksjonen: varierer mellom de 50 rekonstruksjonene: byggingen trakk det, rapporten sier det ikke (12.0–19.5 % mellom dem).", "R", "12.0–19.5 %")],
    ["the same kind, another range", { kind: "reconstruction", draws: 50, range: { min: 3, max: 4 } }, "nb", byHand("reconstruction", "Avhenger av rekonstruksjonen: varierer mellom de 50 rekonstruksjonene: byggingen trakk det, rapporten sier det ikke (3.0–4.0 % mellom dem).", "R", "3.0–4.0 %")],
    ["another number of draws, English", { kind: "reconstruction", draws: 20, range: { min: 1, max: 2 } }, "en", byHand("reconstruction", "Rests on the reconstruction: differs between the 20 reconstructions: the build drew it, the report does not say it (1.0–2.0 % across them).", "R", "1.0–2.0 %")],
    ["determined, no range", { kind: "determined", draws: 50 }, "nb", byHand("determined", "Bestemt: likt i alle 50 rekonstruksjonene: det følger av de trykte tabellene og de navngitte kommunene.", "D")],
    ["printed", { kind: "printed", draws: 50 }, "en", byHand("printed", "Printed: printed in the 1999 report.", "P")],
  ];
  it("each marker has its own letter, range and tooltip, and a later one changes no earlier one", () => {
    const drawn = cases.map(([, e, locale]) => evidenceMarker(document, e, locale, format, " %"));
    drawn.forEach((mark, i) => {
      const [name, e, locale, html] = cases[i] ?? [];
      if (!e || !locale) throw new Error("no case");
      expect(mark.outerHTML, name).toBe(html);
      expect(mark.title, name).toBe(evidenceTitle(e, locale, format, " %"));
    });
  });
});
