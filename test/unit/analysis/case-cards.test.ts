import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { bmsTimeline, bmsTimelineChart, yearTotal } from "../../../src/analysis/crosswalk/bms-timeline";
import { caseCards, casesForFilter } from "../../../src/analysis/crosswalk/case-cards";
import { evaluateCrosswalk } from "../../../src/analysis/crosswalk/evaluate-crosswalk";
import { CROSSWALK } from "../../../src/analysis/crosswalk/crosswalk-spec";
import { renderCrosswalkTable } from "../../../src/analysis/crosswalk/crosswalk-table";
import { EMPTY_FILTER } from "../../../src/data/survey-filter";
import { parseThesis } from "../../../src/data/thesis";

const repo = resolve(__dirname, "../../..");
const thesis = parseThesis(JSON.parse(readFileSync(resolve(repo, "data/thesis-2016/thesis.json"), "utf8")));
const newDocument = (): Document => parseHTML("<!doctype html><html><body></body></html>").document;

describe("caseCards", () => {
  it("renders the four cases side by side with the thesis's structures", () => {
    const root = caseCards(newDocument(), thesis, { locale: "en" });
    const cards = [...root.querySelectorAll("article.case-card")];
    expect(cards.map((c) => c.getAttribute("data-case"))).toEqual(["A", "B", "C", "D"]);
    // D's own name for the model and its single shared card (thesis lines 4484–4488).
    const d = cards[3];
    expect(d?.textContent).toContain("«Kommune D-modellen»");
    expect(d?.textContent).toContain("one card shared by all service areas");
    // C's levels of Tabell 13 in order, ending in traffic-light thresholds.
    const levels = [...(cards[2]?.querySelectorAll("ol li") ?? [])].map((li) => li.textContent);
    expect(levels).toEqual(["Strategiske målsettinger", "KSF", "Måleindikatorer", "Terskelverdier (rød, gul, grønn)"]);
  });

  it("gives every entry its thesis quote as a tooltip and a numbered footnote", () => {
    const root = caseCards(newDocument(), thesis, { locale: "en" });
    const entries = [...root.querySelectorAll("dd")];
    expect(entries).toHaveLength(4 * 6);
    const notes = root.querySelectorAll("ol.case-card-notes li");
    expect(notes).toHaveLength(24);
    const model = entries.find((dd) => dd.textContent?.startsWith("«Kommune D-modellen»"));
    expect(model?.getAttribute("title")).toContain(thesis.cases[3]?.modelName.quote ?? "?");
    expect(model?.getAttribute("title")).toContain("lines 4484–4486");
  });

  it("highlights the thesis's large cases under a size class 4–6 filter", () => {
    expect(casesForFilter(thesis, { sizeClass: [4, 5, 6] })).toEqual(["B", "C"]);
    expect(casesForFilter(thesis, { sizeClass: [2] })).toEqual(["A", "D"]);
    expect(casesForFilter(thesis, EMPTY_FILTER)).toEqual(["A", "B", "C", "D"]);
    const root = caseCards(newDocument(), thesis, { highlight: casesForFilter(thesis, { sizeClass: [5] }) });
    const lit = [...root.querySelectorAll('article[data-highlighted="true"]')].map((c) => c.getAttribute("data-case"));
    expect(lit).toEqual(["B", "C"]);
  });
});

describe("bmsTimeline", () => {
  it("stacks the 1999 status shares beside the thesis's 2004 and 2014 figures", () => {
    // 10 kommuner: q20 = 1, 1, 2, 3 and six 4s → adopted 20 %, introducing 10 %, planned 10 %;
    // the fylkeskommune (resp_type 2) is left out of the base.
    const rows = [1, 1, 2, 3, 4, 4, 4, 4, 4, 4].map((q20) => ({ q20, resp_type: 1 }));
    const t = bmsTimeline([...rows, { q20: 1, resp_type: 2 }], thesis);
    expect(t.n).toBe(10);
    const y1999 = t.segments.filter((s) => s.year === 1999).map((s) => [s.stage, s.percent]);
    expect(y1999).toEqual([["adopted", 20], ["introducing", 10], ["planned", 10]]);
    expect(yearTotal(t, 2004)).toBe(26);
    // 2014: 56 % using plus 9 % planning = 65 % using or planning (thesis lines 690–696).
    expect(yearTotal(t, 2014)).toBe(65);
    expect(t.segments.find((s) => s.year === 2014 && s.stage === "planned")?.percent).toBe(9);
    const svg = bmsTimelineChart(t, { document: newDocument() });
    expect(svg.tagName.toLowerCase()).toBe("svg");
    expect(svg.textContent).toContain("65 %");
  });
});

describe("renderCrosswalkTable", () => {
  it("shows finding, thesis words, measure, numbers and the verdict for every comparison", () => {
    // A tiny data set: every comparison is computed, most are not comparable (bases under 10).
    const rows = Array.from({ length: 12 }, (_, i) => ({ q29_2: (i % 4) + 1, q20: 1, resp_type: 1, size_class: 3 }));
    const ev = evaluateCrosswalk(rows, { thesis });
    const table = renderCrosswalkTable(newDocument(), ev, "caption");
    const trs = [...table.querySelectorAll("tbody tr")];
    expect(trs).toHaveLength(CROSSWALK.length);
    const adaptation = trs.find((tr) => tr.getAttribute("data-id") === "adaptation");
    // q29_2 = 1, 2, 3, 4 three times: 6 of 12 agree, Wilson [.25, .75] straddles .5 → open.
    expect(adaptation?.getAttribute("data-verdict")).toBe("open");
    expect(adaptation?.textContent).toContain("Tilpasning til egen kontekst");
    expect(adaptation?.textContent).toContain("50 %");
    const absent = trs.find((tr) => tr.getAttribute("data-id") === "time");
    expect(absent?.getAttribute("data-verdict")).toBe("not comparable");
    expect(table.textContent).toContain("not comparable");
  });
});
