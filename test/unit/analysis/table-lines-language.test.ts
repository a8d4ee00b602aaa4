/**
 * Every line a `tables.*` table writes around its figures — tests, their evidence, warnings, the
 * audit line, the values the reconstruction drew, the evidence tally, the legend — is in the table's
 * language, whatever the data it is given: the survey (whose selection is made in the default
 * language), or a selection made in either language. Found at stop 32: the drawn-values line followed
 * the selection, a frequency table's count line and a crosstab's test evidence were English in norsk.
 */
import { parseHTML } from "linkedom";
import { beforeAll, describe, expect, it } from "vitest";
import { applyFilter } from "../../../src/analysis/apply-filter";
import type { Survey } from "../../../src/analysis/survey";
import { loadSurvey } from "../../../src/analysis/survey-source";
import { createTables } from "../../../src/analysis/tables/tables";
import { statsBuiltinIn } from "../../../src/analysis/stats-builtin";
import { EMPTY_FILTER } from "../../../src/data/survey-filter";
import { LOCALES, type Locale } from "../../../src/base/locale/locale";
import type { StatsData } from "../../../src/stats/kernel-input";
import { nodeHost } from "../notebooks/headless-survey";

const { document } = parseHTML("<!doctype html><html><body></body></html>");
let survey: Survey;
beforeAll(async () => {
  survey = await loadSurvey(nodeHost());
}, 60_000);

// Whole words: a word's edges are letters in Unicode's sense.
const words = (list: string): RegExp => new RegExp(`(?<!\\p{L})(${list})(?!\\p{L})`, "iu");
/** Words of the other language that the lines around a table write. */
const OTHER: Record<Locale, RegExp> = {
  nb: words("values|drawn|evidence|valid|missing|base|filters|weight|none|determined|rests|reconstructions?|of|tests|warning|across|classes|cells|intervals|own|table"),
  en: words("verdier|trukket|belegg|gyldige|manglende|grunnlag|filtre|vekt|ingen|bestemt|avhenger|rekonstruksjon\\p{L}*|av|testene|advarsel|over klassene|celler|intervallene|egen"),
};

/** The text of every line under a table (its audit block and legend), one entry each. */
function lines(el: HTMLElement): string[] {
  return [...el.querySelectorAll(".tv-audit-line, .tv-ev-legend")].map((p) => p.textContent ?? "");
}

describe("the lines around a table are in its language", () => {
  for (const locale of LOCALES) {
    it(`${locale}: from the survey and from a selection in either language`, () => {
      const tables = createTables({ document: () => document, shared: false, locale });
      const data: [string, StatsData][] = [
        ["survey", survey],
        ...LOCALES.map((l): [string, StatsData] => [`selection in ${l}`, applyFilter(survey, EMPTY_FILTER, { locale: l })]),
      ];
      for (const [name, given] of data) {
        const drawn = {
          groups: tables.groups(given, "size_class", "q1"),
          crosstab: tables.crosstab(given, "q1", "size_class"),
          frequencies: tables.frequencies(given, "q1"),
          sizeClass: tables.sizeClass(given, "q20", [1]),
          correlations: tables.correlations(given, ["q1", "q3"]),
          sizeClasses: tables.sizeClass(["q20", "q23"].map((v) => statsBuiltinIn(locale).sizeClassRates(given, v, [1]))),
        };
        for (const [kind, el] of Object.entries(drawn)) {
          const written = lines(el);
          // Each table writes its drawn-values line (q1 and q20 are drawn for some respondents).
          expect(written.length, `${kind} from ${name}`).toBeGreaterThan(2);
          expect(written.filter((line) => OTHER[locale].test(line)), `${kind} from ${name}`).toEqual([]);
        }
      }
    }, 120_000);
  }
});
