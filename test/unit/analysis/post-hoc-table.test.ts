/**
 * `tables.postHoc`: the pairs after a group comparison as a report table in both languages, with
 * the figures PSPP 1.6.2 prints for q1 by size class (ONEWAY q1 BY size_class /POSTHOC=TUKEY GH,
 * first pair 1.00 − 2.00: difference −.07, Tukey Sig. 1.000; read off its run in
 * test/unit/stats/post-hoc.test.ts), every figure marked with what it rests on (computed on the
 * reconstruction: R), and in a shared view the pairs of a small county hidden with the counts
 * `tables.groups` hides.
 */
import { parseHTML } from "linkedom";
import { beforeAll, describe, expect, it } from "vitest";
import { applyFilter } from "../../../src/analysis/apply-filter";
import type { Survey } from "../../../src/analysis/survey";
import { loadSurvey } from "../../../src/analysis/survey-source";
import { createTables } from "../../../src/analysis/tables/tables";
import { statsBuiltin } from "../../../src/analysis/stats-builtin";
import { EMPTY_FILTER } from "../../../src/data/survey-filter";
import { postHoc } from "../../../src/stats/post-hoc";
import { ProblemError } from "../../../src/base/result";
import { nodeHost } from "../notebooks/headless-survey";

const { document } = parseHTML("<!doctype html><html><body></body></html>");
let survey: Survey;
beforeAll(async () => {
  survey = await loadSurvey(nodeHost());
}, 60_000);

function rows(el: HTMLElement): string[][] {
  return [...el.querySelectorAll("tbody tr")].map((tr) => [...tr.children].map((c) => (c.firstChild?.textContent ?? "").trim()));
}

function audit(el: HTMLElement): string {
  return [...el.querySelectorAll(".tv-audit-line")].map((p) => p.textContent ?? "").join(" ");
}

describe("tables.postHoc", () => {
  it("shows every pair by each method, in English, with the kernel's figures", () => {
    const tables = createTables({ document: () => document, shared: false, locale: "en" });
    const el = tables.postHoc(applyFilter(survey, EMPTY_FILTER), "size_class", "q1");
    const body = rows(el);
    const r = postHoc(survey, "size_class", "q1");
    const heads = body.filter((x) => /Tukey HSD|Games–Howell|Dunn on the ranks/.test(x[0] ?? "")).map((x) => x[0]);
    expect(heads).toEqual(["Tukey HSD (equal variances)", "Games–Howell (unequal variances)", "Dunn on the ranks (Holm-adjusted)"]);
    // 6 size classes: 15 pairs a method.
    expect(body.length).toBe(3 * 16);
    const first = body[1] ?? [];
    const t = r.tukey[0];
    expect(first[0]).toMatch(/^1 .* − 2 /);
    // The tables write a minus sign (U+2212).
    const fixed = (x: number | null | undefined): string => (x ?? NaN).toFixed(2).replace("-", "\u2212");
    expect(first[1]).toBe(fixed(t?.difference));
    expect(first[3]).toBe(`${fixed(t?.low)} – ${fixed(t?.high)}`);
    expect(el.querySelector("caption")?.textContent).toMatch(/ by .*size_class.*: which groups differ/);
    expect(audit(el)).toContain("Games–Howell does not");
    expect(audit(el)).toMatch(/Tukey: \d+ of 15 pairs with p < \.05/);
  });

  it("writes the same table in norsk", () => {
    const tables = createTables({ document: () => document, shared: false, locale: "nb" });
    const el = tables.postHoc(statsBuiltin.postHoc(applyFilter(survey, EMPTY_FILTER, { locale: "nb" }), "size_class", "q1"), { method: ["dunn"] });
    const body = rows(el);
    expect(body[0]?.[0]).toBe("Dunn på rangene (Holm-justert)");
    expect(body.length).toBe(16);
    expect(body[1]?.[2]).toMatch(/^\d+,\d\d$/);
    expect(el.querySelector("thead")?.textContent).toContain("Std.feil");
    expect(el.querySelector("thead")?.textContent).toContain("95 % KI");
    expect(audit(el)).toContain("Tukey antar like varianser");
    expect(audit(el)).toMatch(/Dunn \(Holm\): \d+ av 15 par med p < 0,05/);
  });

  it("marks the figures computed on the reconstruction (R)", () => {
    const tables = createTables({ document: () => document, shared: false, locale: "en" });
    const el = tables.postHoc(applyFilter(survey, EMPTY_FILTER), "size_class", "q1", { method: "games-howell" });
    const pair = el.querySelectorAll("tbody tr")[1];
    for (const i of [1, 2, 3, 4, 5, 6]) expect(pair?.children[i]?.classList.contains("tv-fig-reconstruction"), `column ${i}`).toBe(true);
    expect(el.querySelectorAll("td.tv-fig-reconstruction").length).toBe(15 * 6);
  });

  it("in a shared view hides every figure of a pair with a county of under 3 answers", () => {
    const shared = createTables({ document: () => document, shared: true, locale: "en" });
    const groups = shared.groups(applyFilter(survey, EMPTY_FILTER), "fylke", "q1");
    const hiddenCounties = rows(groups).filter((x) => x[1] === "< 3").map((x) => x[0] ?? "");
    expect(hiddenCounties.length).toBeGreaterThan(0);
    const el = shared.postHoc(applyFilter(survey, EMPTY_FILTER), "fylke", "q1", { method: "tukey" });
    const pairs = rows(el).slice(1);
    const touching = pairs.filter((x) => hiddenCounties.some((c) => (x[0] ?? "").split(" − ").includes(c)));
    expect(touching.length).toBeGreaterThan(0);
    for (const x of touching) expect(x.slice(1)).toEqual(["–", "–", "–", "–", "–", "–"]);
    expect(pairs.some((x) => x[1] !== "–")).toBe(true);
    expect(audit(el)).not.toMatch(/single valid answer/);
    const open = createTables({ document: () => document, shared: false, locale: "en" }).postHoc(applyFilter(survey, EMPTY_FILTER), "fylke", "q1", { method: "tukey" });
    expect(rows(open).slice(1).every((x) => x[1] !== "–")).toBe(true);
  });

  it("refuses an unknown method and a result with kernel options", () => {
    const tables = createTables({ document: () => document, shared: false, locale: "en" });
    const message = (f: () => unknown): string => {
      try {
        f();
      } catch (e) {
        return e instanceof ProblemError ? e.message : String(e);
      }
      return "no error";
    };
    expect(message(() => tables.postHoc(applyFilter(survey, EMPTY_FILTER), "size_class", "q1", { method: "scheffe" as never }))).toMatch(/method.*"tukey", "games-howell", "dunn"/);
    expect(message(() => tables.postHoc(postHoc(survey, "size_class", "q1"), { level: 0.9 }))).toMatch(/level change how stats\.postHoc computes/);
  });
});
