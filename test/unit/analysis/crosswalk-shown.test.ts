/**
 * The crosswalk table in a shared view of a county × size-class selection: a share whose yes count
 * or base is 1–2 (counted here by hand from the respondents' rows, not by the crosswalk's counter)
 * prints "< 3" (or "·", where "< 3" would give the others back) and no percentage, its audit line shows no N of 1–2, and the verdicts are the
 * owner's. The whole page over every county × size pair is checked by
 * test/unit/notebooks/shared-view-disclosure.test.ts.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { applyFilter } from "../../../src/analysis/apply-filter";
import { evaluateCrosswalk } from "../../../src/analysis/crosswalk/evaluate-crosswalk";
import { renderCrosswalkTable } from "../../../src/analysis/crosswalk/crosswalk-table";
import type { Survey } from "../../../src/analysis/survey";
import { loadSurvey } from "../../../src/analysis/survey-source";
import { EMPTY_FILTER } from "../../../src/data/survey-filter";
import { nodeHost } from "../notebooks/headless-survey";
import { messages, type Locale } from "../../../src/base/locale/locale";

/** A percentage printed beside a base, as the English table prints it: "66.7% (95% CI 39.1–86.2%) of 12" or "40.0% of 5". */
const SHARE_OF = /[\d.]+ ?%(?: \(95 ?% CI [^)]*\))? of /;

/**
 * What each language's table prints: a percentage beside a base, the word between a count and its
 * base, and an audit line's N or base of 1–2 ("N = 2", "base = 2 " / "grunnlag = 2 ").
 */
const PRINTED: Record<Locale, { shareOf: RegExp; of: string; smallAudit: RegExp }> = {
  en: { shareOf: SHARE_OF, of: "of", smallAudit: /\b[Nn] = [12]\b|base = [12] / },
  nb: { shareOf: /[\d,]+ ?%(?: \(95 ?% KI [^)]*\))? av /, of: "av", smallAudit: /\b[Nn] = [12]\b|grunnlag = [12] / },
};

describe("the crosswalk table in a shared view", () => {
  let survey: Survey;
  beforeAll(async () => {
    survey = await loadSurvey(nodeHost());
  });

  // The audit lines are in the evaluation's language, and the guard hides their counts from the
  // audit's parts, never by reading the line back: the same holds in norsk as in English.
  for (const locale of ["en", "nb"] as const) it(`hides yes counts and bases of 1–2 and their percentages, keeps the verdicts (${locale})`, () => {
    const { shareOf, of, smallAudit } = PRINTED[locale];
    const document = nodeHost().document;
    // County × size pairs of 3–30 respondents, counted from the rows.
    const pairs = new Map<string, number>();
    for (const row of survey.rows) pairs.set(`${String(row.fylke)}|${String(row.size_class)}`, (pairs.get(`${String(row.fylke)}|${String(row.size_class)}`) ?? 0) + 1);
    const chosen = [...pairs].filter(([, n]) => n >= 3 && n <= 30).slice(0, 6);
    let checked = 0;
    for (const [key] of chosen) {
      const [fylke = 0, size = 0] = key.split("|").map(Number);
      const selection = applyFilter(survey, { ...EMPTY_FILTER, fylke: [fylke], sizeClass: [size] }, { locale });
      expect(selection.disclosureSensitive).toBe(true);
      const rows = survey.rows.filter((r) => Number(r.fylke) === fylke && Number(r.size_class) === size);
      const evaluation = evaluateCrosswalk(selection.view, { codebook: survey.codebook, locale });
      const owner = renderCrosswalkTable(document, evaluation, undefined, { locale });
      const shared = renderCrosswalkTable(document, evaluation, undefined, { mask: true, locale });
      const verdicts = (el: Element): string[] => [...el.querySelectorAll("tbody tr")].map((tr) => tr.getAttribute("data-verdict") ?? "");
      expect(verdicts(shared)).toEqual(verdicts(owner));
      for (const details of shared.querySelectorAll("details")) {
        details.setAttribute("open", "");
        details.dispatchEvent(new (document.defaultView?.Event ?? Event)("toggle"));
      }
      let audits = 0;
      for (const tr of shared.querySelectorAll("tbody tr")) {
        const audit = tr.querySelector(".cw-audit")?.textContent ?? "";
        expect(audit, key).not.toMatch(smallAudit);
        if (audit) {
          audits++;
          // The line is in the table's language, as the kernels write it in that language.
          const words = messages[locale];
          expect(audit).toMatch(new RegExp(`^N = .+? · ${words.auditBase} = .* · ${words.auditFilters}: .* · ${words.auditMissingExcluded}: .* · ${words.auditTest}: `));
        }
        const c = evaluation.results.find((r) => r.id === tr.getAttribute("data-id"))?.comparison;
        const m = c?.measure;
        if (m?.kind !== "share" || m.outcome.base !== "valid" || m.among?.length) continue;
        const valid = new Set(m.outcome.valid);
        const positive = new Set(m.outcome.positive);
        const n = rows.filter((r) => valid.has(Number(r[m.outcome.variable]))).length;
        const x = rows.filter((r) => valid.has(Number(r[m.outcome.variable])) && positive.has(Number(r[m.outcome.variable]))).length;
        const numbers = tr.children[3]?.textContent ?? "";
        if ((x >= 1 && x <= 2) || (n >= 1 && n <= 2)) {
          checked++;
          expect(numbers, `${key} ${c?.id} x = ${x}, n = ${n}`).toMatch(new RegExp(n >= 1 && n <= 2 ? `^(< 3|·) ${of} (< 3|·);` : `^(< 3|·) ${of} `));
          // Under a base of 1–2 even a 0 is hidden: "0 of < 3" says they all answered no.
          expect(tr.textContent ?? "", `${key} ${c?.id}`).not.toMatch(shareOf);
        } else if (x >= 3 && n - x >= 3) {
          // Nothing small in this comparison: it shows its count as the owner sees it, unless its
          // audit line shares a count hidden for another comparison.
          expect(numbers).toMatch(new RegExp(`^(${shareOf.source}${n};|${x} ${of} (·|< 3);|·|< 3)`));
        }
      }
      expect(audits, key).toBeGreaterThan(0);
    }
    expect(checked, "no comparison with a count of 1–2 was checked").toBeGreaterThan(0);
  });

  it("says what the guard hides in the table's language: the note and a hiding comparison's sentence", () => {
    const document = nodeHost().document;
    const texts = (fylke: number, size: number, locale: Locale): { note: string; lines: string[] } => {
      const selection = applyFilter(survey, { ...EMPTY_FILTER, fylke: [fylke], sizeClass: [size] });
      const evaluation = evaluateCrosswalk(selection.view, { codebook: survey.codebook, locale });
      const shared = renderCrosswalkTable(document, evaluation, undefined, { mask: true, locale });
      return { note: shared.querySelector(".tv-disclosure-note")?.textContent ?? "", lines: [...shared.querySelectorAll(".cw-line")].map((el) => el.textContent ?? "") };
    };
    // The first county × size pair of 3–30 respondents whose shared table hides a count.
    const pairs = new Map<string, number>();
    for (const row of survey.rows) pairs.set(`${String(row.fylke)}|${String(row.size_class)}`, (pairs.get(`${String(row.fylke)}|${String(row.size_class)}`) ?? 0) + 1);
    const [fylke = 0, size = 0] = [...pairs].filter(([, n]) => n >= 3 && n <= 30).map(([key]) => key.split("|").map(Number)).find(([f = 0, k = 0]) => texts(f, k, "nb").note !== "") ?? [];
    const nb = texts(fylke, size, "nb");
    expect(nb.note).toBe("Delt visning: tall på 1–2 vises som «< 3», tall (også 0) som ville gitt dem tilbake, som «·», og en sammenligning som skjuler et tall, viser ingen andeler, spenn eller test (vern mot avsløring).");
    const hiding = nb.lines.filter((line) => line.startsWith("Delt visning: tall på 1–2 bak denne sammenligningen vises som «< 3», og andelene og testen er utelatt (vern mot avsløring)."));
    expect(hiding.length).toBeGreaterThan(0);
    // No sentence under a verdict is English in norsk: no English phrase, no p written the English way.
    for (const line of nb.lines) expect(line).not.toMatch(/Shared view|the survey|the thesis leads|reconstructions?\b|\b[pq] [=<] \./);
    const en = texts(fylke, size, "en");
    expect(en.note).toBe("Shared view: counts of 1–2 are shown as “< 3”, counts (a 0 among them) that would give them back as “·”, and a comparison that hides a count shows no shares, ranges or test (disclosure guard).");
    expect(en.lines.filter((line) => line.startsWith("Shared view: counts of 1–2 behind this comparison are shown as “< 3”, and its shares and test are left out (disclosure guard).")).length).toBe(hiding.length);
  });

  it("leaves the owner's view as it was", () => {
    const document = nodeHost().document;
    const selection = applyFilter(survey, { ...EMPTY_FILTER, fylke: [1], sizeClass: [1] });
    const evaluation = evaluateCrosswalk(selection.view, { codebook: survey.codebook });
    const owner = renderCrosswalkTable(document, evaluation, "caption N = 2 of 267");
    expect(owner.textContent ?? "").toMatch(SHARE_OF);
    expect(owner.querySelector("caption")?.textContent).toBe("caption N = 2 of 267");
    expect(owner.querySelector(".tv-disclosure-note")).toBeNull();
    expect(renderCrosswalkTable(document, evaluation, "caption N = 2 of 267", { mask: false }).outerHTML).toBe(owner.outerHTML);
  });
});
