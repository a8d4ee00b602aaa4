/**
 * The report's self-contradictions: what is printed, why it cannot all be true, and the figure the
 * reconstruction reproduces instead. `applyConflicts` attaches each id (and the resolved figures)
 * to the cells and rows it concerns, so a residual test can tell a documented conflict from a bug.
 * Feasibility is judged by searching every integer count k with round(100·k/N, d) equal to the
 * printed percentage (half-up rounding, d = printed decimals).
 */
import type { Inconsistency, PrintedTable } from "../../../src/data/printed-tables";
import { resolveCell, resolveRow } from "./helpers";

export const INCONSISTENCIES: Inconsistency[] = [
  {
    id: "t25-tqm-total",
    table: "2.5",
    description: 'Tabell 2.5, row "Konseptet total kvalitetsledelse (TQM)": the total is printed "100 % (21)" but the counts sum to 214.',
    reasoning:
      "8 + 11 + 31 + 48 + 116 = 214, and every printed percentage is reproduced with base 214 (8/214 = 3,7 %, 11/214 = 5,1 %, 31/214 = 14,5 %, 48/214 = 22,4 %, 116/214 = 54,2 %); with base 21 no percentage is feasible and the counts exceed the total. A dropped digit.",
    printed: { counts: [8, 11, 31, 48, 116], percents: [3.7, 5.1, 14.5, 22.4, 54.2], total: 21 },
    resolution: "Row total 214 (the counts and percentages as printed).",
  },
  {
    id: "t31-naering-percent",
    table: "3.1",
    description: 'Tabell 3.1, Næringsutvikling, "Er innført": "3,2 % (3)" with row total 91.',
    reasoning:
      "3/91 = 3,30 % → 3,3 %; no integer count gives 3,2 % of 91 (2/91 = 2,2 %). The other three cells (6, 40, 42) reproduce their percentages with base 91 and the counts sum to 91, so the count is right and the percentage is a misprint. (3 would give 3,2 % only of 93–95.)",
    printed: { percent: 3.2, count: 3, total: 91 },
    resolution: "Count 3 of 91, i.e. 3,3 %.",
  },
  {
    id: "t33-helse-percent",
    table: "3.3",
    description: 'Tabell 3.3, Helsetjenester, "Er innført": "22,2 % (29)" with row total 132 (printed sum "100,2%").',
    reasoning:
      "29/132 = 21,97 % → 22,0 %; no integer count gives 22,2 % of 132. The other cells (15, 49, 39) reproduce 11,4 %, 37,1 %, 29,5 % and the counts sum to 132. The printed sum 100,2 % follows from the misprinted 22,2. No base at all makes 29 equal 22,2 % (it would need 130,3–130,9).",
    printed: { percent: 22.2, count: 29, total: 132, printedSum: 100.2 },
    resolution: "Count 29 of 132, i.e. 22,0 %.",
  },
  {
    id: "t34-samordnet-count",
    table: "3.4",
    description: 'Tabell 3.4, "Mer samordnet opptreden …", "I liten grad": "2,8 % (8)"; the counts then sum to 77, not the printed 71.',
    reasoning:
      "2,8 % of 71 is reproduced only by k = 2 (2/71 = 2,82 %); with 2 the row sums to 19 + 32 + 10 + 2 + 8 = 71 as printed. The count (8) was copied from the next column.",
    printed: { cells: ["26,8 % (19)", "45,1 % (32)", "14,1 % (10)", "2,8 % (8)", "11,3 % (8)"], total: 71 },
    resolution: "I liten grad = 2 (2,8 %); row total 71.",
  },
  {
    id: "t35-samferdsel-shift",
    table: "3.5",
    description:
      'Tabell 3.5, Samferdsel: "11,5 % (13) 17,7 % (20) 41,6 % (20) 29,2 % (47) 100,0 % (113)"; the counts sum to 100, not 113, and 41,6 %/29,2 % do not match 20/47.',
    reasoning:
      "The percentages determine the counts uniquely for N = 113: 11,5 % → 13, 17,7 % → 20, 41,6 % → 47, 29,2 % → 33, which sum to 113. So the \"Planlagt innført\" count 47 was printed in the \"Vet ikke\" cell, the \"Under innføring\" count 20 repeated in the \"Planlagt\" cell, and the \"Vet ikke\" count (33) was lost.",
    printed: { cells: ["11,5 % (13)", "17,7 % (20)", "41,6 % (20)", "29,2 % (47)"], total: 113 },
    resolution: "Er innført 13, Under innføring 20, Planlagt innført 47, Vet ikke 33 (= 113, all printed percentages reproduced).",
  },
  {
    id: "t38-caption",
    table: "3.8",
    description: 'Tabell 3.8 is captioned "Resultater oppnådd ved innføring av elektroniske servicenettverk" but sits in 3.5.1 "Erfaringer med Etisk prosess".',
    reasoning:
      "Its three items are exactly question 18's (etisk prosess: verdier brukerne anser som viktige / realisere viktige verdier / forståelse blant de ansatte), the electronic-network results are Tabell 3.6 with other items, and its N (19, 19, 18) fits etisk prosess (status 1–2: 28). The caption was copied from Tabell 3.6.",
    printed: { caption: "Tabell 3.8. Resultater oppnådd ved innføring av elektroniske servicenettverk" },
    resolution: "Tabell 3.8 = q18_1–q18_3 (etisk prosess); caption kept as printed.",
  },
  {
    id: "results-base-exceeds-adopters",
    table: "3.2, 3.4, 3.6, 3.8, 3.10, 3.12",
    description:
      'The results questions are asked "Hvis dere har innført …", yet their N exceeds the number that "Har allerede innført" in Tabell 2.1: SE 45–46 vs 16, ST 70–72 vs 60, ESN 44–47 vs 29, EP 18–19 vs 18, BMS 30–32 vs 18, BPR 26–27 vs 23.',
    reasoning:
      "Respondents still introducing a model (status 2) evidently answered too. Every results N fits within status 1 or 2 (SE 53, ST 86, ESN 68, EP 28, BMS 34, BPR 37), while no table needs status 3. The questionnaire has no skip after the area question, so this is the respondents' behaviour, not a misprint.",
    printed: { adopters: [16, 60, 29, 18, 18, 23], resultsN: [[46, 45, 45, 45], [70, 71, 71, 72], [45, 47, 44], [19, 19, 18], [30, 32, 30], [26, 27, 27, 27]] },
    resolution: "Results items are answered only by respondents with status 1 or 2 of their model (`where` on every row); all printed counts reproduced.",
  },
  {
    id: "t24-totals-exceed-adopters",
    table: "2.4",
    description:
      "Tabell 2.4 (expectations met) has more answers than adopters: SE 25 vs 16, ST 66 vs 60, ESN 31 vs 29, BMS 26 vs 18, BPR 24 vs 23 (EP 18 = 18).",
    reasoning:
      'Same cause as the results tables: the question reads "ved innføring av …" and those still introducing the model answered. Every total fits within status 1–2 (53, 86, 68, 28, 34, 37). No "I liten grad" row is printed; the totals equal the sum of the three printed rows, so code 4 has count 0.',
    printed: { totals: [25, 66, 31, 18, 26, 24], adopters: [16, 60, 29, 18, 18, 23] },
    resolution: "Expectation items answered only by status 1 or 2; counts as printed; I liten grad = 0 for all six.",
  },
  {
    id: "t21-se-named-adopters",
    table: "2.1, 4.1",
    description:
      'Tabell 4.1 (serviceerklæringer) has 17 lines with a kommunenummer, Tabell 2.1 16 adopters. The extra line is "1600 Sør-Trøndelag" (the brief counted 18; the extract has 17).',
    reasoning:
      '"1600 Sør-Trøndelag" is the only county in Tabell 4.1 without a "16 – Sør-Trøndelag" heading; 1601 Trondheim follows it directly. Everywhere else the county is named "Sør-Trøndelag fylkeskommune" (4.6, 4.12, 4.13, 4.15). If it were an adopter, the fylkeskommune would have SE and BPR (4.6), contradicting line 883 ("Ingen av fylkeskommunene … har innført 2"), and 17/253 = 6,7 % would print as 7 %, not 6 %. Without it, 4.1 names exactly 16, as do 4.3–4.6 for their models (29, 18, 18, 23 = Tabell 2.1).',
    printed: { table41Lines: 17, table21Adopters: 16 },
    resolution: "Read 1600 in Tabell 4.1 as the county heading: 16 named SE adopters, Tabell 2.1 reproduced exactly (q3 = 1 for 16). Sør-Trøndelag fylkeskommune adopts BPR only.",
  },
  {
    id: "two-model-list-incomplete",
    table: "2.3, list:two-models, text:active-municipalities",
    description:
      "The text says 15 municipalities have exactly two of the six models (27 with two or more). The appendix lists 4.1–4.6 put 20 municipalities under exactly two models: the 15 listed plus Vestre Toten (SE, ST), Bergen (ST, BPR), Sveio (ST, BPR), Osterøy (BMS, BPR) and Vefsn (ST, ESN).",
    reasoning:
      "The three-or-more set from the appendix is exactly Tabell 2.3 (12, same models), so the lists are read correctly; the two-model list simply misses five. Named adopters are hard constraints of the reconstruction (each answers 1 for every model it is listed under), so 20 and 32 follow from the appendix alone. The two servicetorg adopters Tabell 4.2 does not name sit on named kommuner with one other model (adoption-share-42), which adds two more: 22 with exactly two, 34 with two or more.",
    printed: { twoModels: 15, twoOrMore: 27, twoOrMorePercent: 10 },
    resolution: "Exactly two: 22; two or more: 34 (12,7 % of 267). Tabell 2.3's 12 (4,5 %) reproduced.",
  },
  {
    id: "adoption-share-42",
    table: "text:adoption-share, 2.1, 4.2",
    description: '"ca 42 prosent" have introduced one or more of the six models (Sammendrag: "i overkant av 40 prosent"), but Tabell 4.2 names only 58 of Tabell 2.1\'s 60 servicetorg adopters.',
    reasoning:
      "Tabell 2.1 gives 164 adoptions. The appendix names 162 of them on 113 distinct respondents (all models but servicetorg are fully named). 42 % of 267 needs 111–113 respondents, so the text is reproduced only if the two unnamed servicetorg adopters are among the 113, i.e. named respondents who adopted another of the six and were left off list 4.2 (which is short by two in any case). They cannot have two others (Tabell 2.3's twelve with three or more name their models) and cannot be fylkeskommuner (line 883: no fylkeskommune has two). On anonymous respondents they would give 115 (43,1 %) and 132 for the 48 % below; here they give 113 (42,3 %) and 130. The price: two more two-model kommuner than the appendix shows (two-model-list-incomplete, already short of the text).",
    printed: { percent: 42, summary: "i overkant av 40 prosent", servicetorgNamed: 58, servicetorgPrinted: 60 },
    resolution: "113 of 267 (42,3 %): the two unnamed servicetorg adopters are placed, in each reconstruction, on two of the named kommuner listed under exactly one other of the six models.",
  },
  {
    id: "adoption-share-48",
    table: "text:adoption-share",
    description: '"48 prosent" have introduced one or more models, the six or others (jf tabell V2.1).',
    reasoning:
      'The appendix lists 4.7–4.15 have exactly as many names as Tabell 2.5 has "I stor grad" (8, 12, 25, 8, 3, 2, –, 5, 5; only 4.13 names 2 of 10), so "innført" for other models means q28 = 1. 17 named there adopt none of the six (Askim, Råde, Rælingen, Enebakk, Nittedal, Eidsvoll, Hemsedal, Modum, Borre, Tinn, Bykle, Kvinesdal, Flora, Ørsta, Inderøy, Andøy, Vadsø): at least 113 + 17 = 130 = 48,7 % (with the servicetorg placement of adoption-share-42). 48 % needs 128–129. Tabell V2.1 is garbled in the extract and cannot be checked.',
    printed: { percent: 48, summary: "nær halvparten" },
    resolution: 'At least 130 of 267 (48,7 %), consistent with "nær halvparten"; the reconstruction places the 8 unnamed q28_7 "I stor grad" answers on respondents already counted, giving exactly 130.',
  },
  {
    id: "t29-politikere-base",
    table: "2.9",
    description: 'Tabell 2.9, "Arbeidet har for lite støtte blant politikerne": percentages 6,7/26,3/32,5/29,4/4,7 with N = 255 and printed total 99,6 %.',
    reasoning:
      "Each percentage has exactly one feasible count for 255 (17, 67, 83, 75, 12), which sum to 254; no base from 240 to 269 makes all five percentages feasible with counts summing to it. The printed total 99,6 % confirms that 1 of 255 (0,4 %) is in no printed category (a stray punch counted as valid). The reconstruction cannot hold an unprinted category, so the row is rebuilt from the five counts: their percentages of 254 are 6,7/26,4/32,7/29,5/4,7.",
    printed: { percents: [6.7, 26.3, 32.5, 29.4, 4.7], total: 255, printedSum: 99.6 },
    resolution: "Counts 17, 67, 83, 75, 12 (total 254).",
  },
  {
    id: "bpr-pie-base",
    table: "text:bpr-pie, 2.1",
    description: "Figur 7 (BPR) prints 9,6 / 5,8 / 12,5 / 71,7 %, Tabell 2.1 the counts 23 / 14 / 30 / 172 (N 239).",
    reasoning:
      "With N = 239: 14 → 5,9 %, 30 → 12,6 %, 172 → 72,0 %; no count gives 5,8, 12,5 or 71,7. All four pie figures are reproduced by the same counts over 240, i.e. the chart divided by one respondent more than the table.",
    printed: { percents: [9.6, 5.8, 12.5, 71.7], counts: [23, 14, 30, 172], total: 239 },
    resolution: "Tabell 2.1's counts over 239: 9,6 / 5,9 / 12,6 / 72,0 %.",
  },
  {
    id: "response-rate-fylkeskommuner",
    table: "text:response-rates",
    description: 'Response rate of fylkeskommuner "55 prosent"; of kommuner "i underkant av 60 prosent"; N = 267.',
    reasoning:
      "In 1999 there were 18 fylkeskommuner (19 counties; Oslo is a kommune). 55 % of 18 is not reachable by rounding (9 → 50,0 %, 10 → 55,6 %); 10 is the nearest and leaves 257 kommuner = 59,1 % of 435, \"i underkant av 60\". 9 fylkeskommuner would give 258/435 = 59,3 % but 50 %; 11 would give 61 %.",
    printed: { kommuner: "i underkant av 60 prosent", fylkeskommuner: 55 },
    resolution:
      "257 kommuner (59,1 % of 435) and 10 fylkeskommuner (55,6 % of 18). Both cells carry the resolved counts because the printed rates are of the population, not of the 267 respondents.",
  },
  {
    id: "st-expectations-65",
    table: "text:expectations, 2.4",
    description: 'The text says "65 prosent … at servicetorgene i stor eller nokså stor grad har innfridd forventningene"; Tabell 2.4 has 15 % + 65 % = 80 % (53 of 66).',
    reasoning: "65 % is the \"I nokså stor grad\" figure alone; the table is the primary source.",
    printed: { text: 65, table: [15, 65] },
    resolution: "Tabell 2.4: 10 + 43 = 53 of 66 (80,3 %).",
  },
  {
    id: "activity-chapter4-wording",
    table: "text:activity, 2.2",
    description: 'Chapter 4 (line 2459) says "i overkant av 10 prosent … karakteriserer sin kommune … som aktive"; the Sammendrag says "svært aktive"; Tabell 2.2 has 10,4 % svært aktiv and 50,0 % aktiv.',
    reasoning: "The same sentence appears in the Sammendrag with \"svært aktive\"; chapter 4 dropped \"svært\".",
    printed: { chapter4: "i overkant av 10 prosent ... som aktive" },
    resolution: "Tabell 2.2: Aktiv = 125 of 250 (50,0 %); Svært aktiv = 26 (10,4 %).",
  },
  {
    id: "q2-felles-prosjekt-text",
    table: "text:organisation, 2.7",
    description: 'The text says "i underkant av ca 30 prosent" organise the work as one joint project; Tabell 2.7 prints 30,7 % (82 of 267).',
    reasoning: "30,7 % is above 30; the table is the primary source.",
    printed: { text: "i underkant av ca 30 prosent", table: 30.7 },
    resolution: "82 of 267 (30,7 %).",
  },
  {
    id: "t26-se-pleie-exceeds-adopters",
    table: "2.6, 3.1",
    description: 'Serviceerklæringer are "Er innført" in Pleie- og omsorg for 17 respondents (Tabell 2.6, 3.1) but only 16 have introduced serviceerklæringer (Tabell 2.1).',
    reasoning:
      "Not impossible: a respondent still introducing serviceerklæringer overall (status 2) can have them in place in one area. All other area counts stay within their model's adopters.",
    printed: { areaCount: 17, adopters: 16 },
    resolution: "Area code 1 may be answered by status 1 or 2; the 17 is reproduced.",
  },
  {
    id: "printed-sums",
    table: "2.1, 2.5, 2.7, 3.2, 3.4, 3.7",
    description:
      "Printed percentage sums that differ from the sum of the printed percentages: Tabell 2.5 prints 100 % for TQM, ISO/IMO, EFQM and kvalitetsindikatorer whose cells sum to 99,9 %; Tabell 2.7 prints 100 % under \"i prosent av samlet antall svar\" for cells summing to 99,9 % (19,6 + 35,6 + 5,5 + 28,7 + 10,5); Tabell 3.2 first row 100 % (cells 99,9), 3.4 rows 3–4 100,0 % (cells 100,1), 3.7 Samferdsel 100,1 % (cells 100,0); Tabell 2.1 prints column totals of 99 % and 101 %.",
    reasoning: "Sums of rounded figures; no count is affected. (Tabell 2.5's TQM row also prints a wrong total: t25-tqm-total.)",
    printed: { "2.5/q28_4": 100, "2.5/q28_5": 100, "2.5/q28_6": 100, "2.5/q28_7": 100, "2.7/answers": 100, "3.2/q5_1": 100, "3.4/q10_3": 100, "3.4/q10_4": 100, "3.7/q17_7": 100.1 },
    resolution: "Nothing to reproduce: percentage sums are not targets.",
  },
  {
    id: "t25-ranking-text",
    table: "2.5",
    description:
      'Lines 1134–1141 rank the other models "om vi ser på hvilke modeller og tiltak som i stor grad eller nokså stor grad er tatt i bruk": egen-evaluering first, "dernest" brukerundersøkelser and kvalitetsindikatorer; benchmarking and TQM "i en mellomkategori"; ISO/IMO and EFQM least; forbedringsgrupper and selvstyrte arbeidsgrupper "ikke noe stort omfang" (also Sammendrag lines 63–67).',
    reasoning:
      "By the measure the sentence names (I stor grad + I nokså stor grad, of the row total) Tabell 2.5 ranks egen-evaluering 53,8 %, brukerundersøkelser 32,1 %, benchmarking 19,7 % (third, ahead of kvalitetsindikatorer 18,4 %), selvstyrte arbeidsgrupper 15,2 %, forbedringsgrupper 13,8 %, ISO/IMO 9,0 %, TQM 8,9 % (eighth of nine: below the two groups called small and below ISO, called least), EFQM 1,4 %. The order the text gives is that of \"I stor grad\" alone (10,6; 4,9; 4,4; 3,7 and 3,7; 2,4; 2,2; 1,4; 0,9), which its next sentence uses (\"I underkant av fire prosent … i stor grad\").",
    printed: { measure: "i stor grad eller nokså stor grad", tqm: "mellomkategori" },
    resolution: "No figure affected: the table's counts are reproduced; the sentence is read as ranking by \"I stor grad\".",
  },
  {
    id: "t23-size-text",
    table: "2.3",
    description:
      "Lines 839–843 give sizes for 11 of the 12 most active municipalities and omit Tønsberg (34 484 inhabitants, class 5); Øvre Eiker (14 978, SSB class 3) is described as just under 25 000 and printed with size code 4 in Tabell 4.1.",
    reasoning: "Narrative imprecision; the appendix's printed size codes are kept by the adopters file, SSB's class by the reconstruction.",
    printed: { "Øvre Eiker": "noen færre enn 25 000; size code 4" },
    resolution: "No table figure affected.",
  },
  {
    id: "v21-extract",
    table: "V2.1",
    description:
      "Tabell V2.1 (profiles, lines 2492–2744), which the text cites for the 48 %, survives in the extract only as a column of 100 kommunenummer with a handful of stray 1s; the model columns are lost and kommunenummer 1265–1656 are missing (page break).",
    reasoning:
      "It cannot be transcribed as a table. Its numbers include 231 Skedsmo, 1106 Haugesund and 1120 Klepp, which are in no appendix list (4.1–4.15), and lack 1130 Strand, 1135 Sauda and 1246 Fjell, which are six-model adopters in 4.1/4.5/4.6. So V2.1 is neither the union of the lists nor complete.",
    printed: { kommunenummer: 100, notInLists: [231, 1106, 1120], listedButMissing: [1130, 1135, 1246] },
    resolution: "Not used as a target. 231, 1106 and 1120 are not given any model (no list names them).",
  },
  {
    id: "questionnaire-misprints",
    table: "questionnaire",
    description:
      'Question 23 is printed as "6." (line 4552); the Skole row of question 17 (column 60) is missing from the extract; columns 100–102, 104–113 and 121–124 are cut to two digits.',
    reasoning: "Question order and column sequence make the intended numbers unambiguous (q23 = column 88 … ).",
    printed: { line4552: "6. I hvilken grad er forventningene … balansert målstyring?" },
    resolution: "q23 for balansert målstyring's expectations; q17_1 Skole at column 60 (see codebook).",
  },
];

/** Find a table by id or fail loudly: a renamed table must not silently lose its conflicts. */
function table(tables: PrintedTable[], id: string): PrintedTable {
  const t = tables.find((x) => x.id === id);
  if (!t) throw new Error(`applyConflicts: no table "${id}"`);
  return t;
}

/** Attach conflict ids and resolved figures to the affected cells and rows. */
export function applyConflicts(tables: PrintedTable[]): void {
  resolveRow(table(tables, "2.5"), "q28_4", "t25-tqm-total", { total: 214 });
  resolveCell(table(tables, "3.1"), "q4_8", 1, "t31-naering-percent", { percent: 3.3 });
  resolveCell(table(tables, "3.3"), "q8_4", 1, "t33-helse-percent", { percent: 22.0 });
  resolveCell(table(tables, "3.4"), "q10_3", 4, "t34-samordnet-count", { count: 2 });
  resolveCell(table(tables, "3.5"), "q13_7", 3, "t35-samferdsel-shift", { count: 47 });
  resolveCell(table(tables, "3.5"), "q13_7", 9, "t35-samferdsel-shift", { count: 33 });
  const t38 = table(tables, "3.8");
  t38.note = `${t38.note ?? ""} The caption names the wrong model (inconsistency t38-caption).`.trim();
  // Mark only the rows whose N exceeds the adopters (status 1) of Tabell 2.1; all keep the status 1–2 base.
  const adopters = new Map(
    table(tables, "2.1").rows.map((r) => [r.variable, r.cells.find((c) => c.code === 1)?.count ?? 0]),
  );
  const markExceeding = (id: string, conflict: string): void => {
    for (const row of table(tables, id).rows) {
      const status = row.where?.[0]?.variable ?? "";
      if ((row.total ?? 0) > (adopters.get(status) ?? 0)) row.conflict ??= conflict;
    }
  };
  for (const id of ["3.2", "3.4", "3.6", "3.8", "3.10", "3.12"]) markExceeding(id, "results-base-exceeds-adopters");
  markExceeding("2.4", "t24-totals-exceed-adopters");
  resolveCell(table(tables, "2.1"), "q3", 1, "t21-se-named-adopters");
  const active = table(tables, "text:active-municipalities");
  resolveCell(active, "n_models_adopted", "2+", "two-model-list-incomplete", { count: 34, percent: 12.7 });
  resolveCell(active, "n_models_adopted", 2, "two-model-list-incomplete", { count: 22 });
  const share = table(tables, "text:adoption-share");
  share.rows.forEach((row) => {
    const cell = row.cells[0];
    if (!cell) return;
    if (row.variable === "any_six_adopted") {
      cell.conflict = "adoption-share-42";
      cell.resolved = { count: 113, percent: 42.3 };
    } else {
      cell.conflict = "adoption-share-48";
      cell.resolved = { count: 130, percent: 48.7 };
    }
  });
  const t29 = table(tables, "2.9");
  resolveRow(t29, "q29_4", "t29-politikere-base", { total: 254 });
  const implied = [17, 67, 83, 75, 12];
  const resolvedPct = [6.7, 26.4, 32.7, 29.5, 4.7];
  const politikere = t29.rows.find((r) => r.variable === "q29_4");
  politikere?.cells.forEach((cell, i) => {
    cell.conflict = "t29-politikere-base";
    cell.resolved = { count: implied[i] ?? 0, percent: resolvedPct[i] ?? 0 };
  });
  const pie = table(tables, "text:bpr-pie");
  const pieResolved: [number, number][] = [[1, 9.6], [2, 5.9], [3, 12.6], [4, 72.0]];
  for (const [code, percent] of pieResolved) resolveCell(pie, "q24", code, "bpr-pie-base", { percent });
  // The rates are of the population (435 / 18), so the reconstruction meets them through the counts.
  resolveCell(table(tables, "text:response-rates"), "resp_type", 1, "response-rate-fylkeskommuner", { count: 257, percent: 59.1 });
  resolveCell(table(tables, "text:response-rates"), "resp_type", 2, "response-rate-fylkeskommuner", { count: 10, percent: 55.6 });
  resolveCell(table(tables, "text:expectations"), "q11", "1+2", "st-expectations-65", { count: 53, percent: 80.3 });
  resolveCell(table(tables, "text:activity"), "q1", 2, "activity-chapter4-wording", { count: 125, percent: 50.0 });
  resolveCell(table(tables, "text:organisation"), "q2_1", 1, "q2-felles-prosjekt-text", { count: 82, percent: 30.7 });
  resolveCell(table(tables, "2.6"), "q4_3", 1, "t26-se-pleie-exceeds-adopters");
}
