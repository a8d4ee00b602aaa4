/**
 * Transcription of chapter 2 of the 1999 report: Tabell 2.1–2.9 and the lists of the most active
 * municipalities (Tabell 2.3 and the two-model list). Figures are copied as printed; the line
 * numbers refer to data/sources/000_7a6e6f7d2cc5bfc8.txt.
 */
import type { PrintedRow, PrintedTable } from "../../../src/data/printed-tables";
import { AREAS, type Category, DEGREE_5, freqRow, MODELS, type Model, STATUS } from "./helpers";

/** Tabell 2.1 (lines 587–713): status of the six models, columns read top to bottom. */
function table21(): PrintedTable {
  // Printed per model: Har allerede / Holder på / Planlegger / Har ikke planer, then "Total".
  const printed: Record<Model["key"], [string, string, string, string, string]> = {
    SE: ["6 % (16)", "15 % (37)", "33 % (83)", "46 % (117)", "100 % (253)"],
    ST: ["23 % (60)", "10 % (26)", "33 % (84)", "34 % (86)", "100 % (256)"],
    ESN: ["11 % (29)", "15 % (39)", "32 % (81)", "41 % (104)", "99 % (253)"],
    EP: ["7 % (18)", "4 % (10)", "9 % (23)", "79 % (192)", "99 % (243)"],
    BMS: ["7 % (18)", "6 % (16)", "13 % (33)", "73 % (181)", "99 % (248)"],
    BPR: ["10 % (23)", "6 % (14)", "13 % (30)", "72 % (172)", "101 % (239)"],
  };
  return {
    id: "2.1",
    caption:
      "Tabell 2.1 Kommunenes innføring av ulike modeller og tiltak for kvalitetsforbedringer, i prosent. Frekvens i parentes.",
    lines: [587, 713],
    questions: MODELS.map((m) => m.status),
    kind: "frequency",
    rows: MODELS.map((m) => {
      const [a, b, c, d, total] = printed[m.key];
      return freqRow(m.label, m.status, STATUS, [a, b, c, d], total, { percentBase: "valid" });
    }),
    note:
      "Printed column totals (percent): 100, 100, 99, 99, 99, 101 — rounding of integer percentages. " +
      "Base = respondents who answered the status question (blanks excluded).",
  };
}

/** Tabell 2.2 (lines 735–744): q1, self-assessed activity; "Vet ikke" (9) is not in the base. */
function table22(): PrintedTable {
  const cats: Category[] = [
    [1, "Svært aktiv"],
    [2, "Aktiv"],
    [3, "Noe aktiv"],
    [4, "Lite aktiv"],
  ];
  return {
    id: "2.2",
    caption:
      "Tabell 2.2 Vurdering av kommunens eller fylkeskommunens aktivitet i arbeidet med å bedre kvaliteten og service på tjenestene, i prosent. Frekvens i parentes.",
    lines: [735, 744],
    questions: ["q1"],
    kind: "frequency",
    rows: [
      freqRow("Aktivitet", "q1", cats, ["10,4 % (26)", "50,0 % (125)", "35,2 % (88)", "4,4 % (11)"], "(250)", {
        percentBase: "valid",
      }),
    ],
    note: 'Base excludes "Vet ikke" (code 9) and blanks: 250 of 267.',
  };
}

/** Tabell 2.4 (lines 895–925): expectations met, asked "ved innføring" of each model. */
function table24(): PrintedTable {
  const cats: Category[] = [
    [1, "I stor grad"],
    [2, "I nokså stor grad"],
    [3, "I nokså liten grad"],
  ];
  const printed: Record<Model["key"], [string, string, string, string]> = {
    SE: ["4 % (1)", "72 % (18)", "24 % (6)", "100 (25)"],
    ST: ["15 %(10)", "65 % (43)", "20 % (13)", "100 (66)"],
    ESN: ["13 % (4)", "55 % (17)", "32 % (10)", "100 (31)"],
    EP: ["11 % (2)", "67 % (12)", "22 % (4)", "100 (18)"],
    BMS: ["27 % (7)", "69 % (18)", "4 % (1)", "100 (26)"],
    BPR: ["25 % (6)", "67 % (16)", "8 % (2)", "100 (24)"],
  };
  return {
    id: "2.4",
    caption:
      "Tabell 2.4 Grad av innfriing av kommunenes forventninger ved innføring av modeller/tiltak, prosenter, frekvens i parantes.",
    lines: [895, 925],
    questions: MODELS.map((m) => m.expect),
    kind: "frequency",
    rows: MODELS.map((m) => {
      const [a, b, c, total] = printed[m.key];
      return freqRow(m.label, m.expect, cats, [a, b, c], total, {
        percentBase: "valid",
        where: [{ variable: m.status, codes: [1, 2] }],
      });
    }),
    note:
      'No row is printed for "I liten grad" (code 4): the printed totals equal the sum of codes 1–3, so code 4 ' +
      'has count 0 in every column. "Vet ikke" (9) is outside the base. The base is restricted to status 1 or 2 ' +
      "(see inconsistency t24-totals-exceed-adopters: several totals exceed the adopters of Tabell 2.1).",
  };
}

/** Tabell 2.5 (lines 943–1130): other models, q28_1 … q28_9 in questionnaire order. */
function table25(): PrintedTable {
  const cats: Category[] = DEGREE_5.map(([code, label]) => [code, code === 9 ? "Vet ikke" : label]);
  const rows: [string, string[], string][] = [
    ["Benchmarking/systematisk sammenligning", ["3,7 % (8)", "16,1 % (35)", "28,4 % (62)", "25,7 % (56)", "26,1 % (57)"], "100% (218)"],
    ["Brukerundersøkelser", ["4,9 % (12)", "27,2 % (67)", "36,2 % (89)", "23,6 % (58)", "8,1 % (20)"], "100 % (246)"],
    ["Egen-evaluering", ["10,6 % (25)", "43,2 % (102)", "30,1 % (71)", "10,2 % (24)", "5,9 % (14)"], "100 % (236)"],
    ["Konseptet total kvalitetsledelse (TQM)", ["3,7 % (8)", "5,1 % (11)", "14,5 % (31)", "22,4 % (48)", "54,2 % (116)"], "100 % (21)"],
    ["Ulike kvalitetssystemer (ISO, IMO)", ["1,4 % (3)", "7,5 % (16)", "10,8 % (23)", "21,7 % (46)", "58,5 % (124)"], "100% (212)"],
    ["Den norske kvalitetsprisen (EFQM)", ["0,9 % (2)", "0,5 % (1)", "4,7 % (10)", "14,2 % (30)", "79,6 % (168)"], "100 % (211)"],
    ["Kvalitetsindikatorer/-standarder", ["4,4 % (10)", "14,0 % (32)", "31,1 % (71)", "25,0 % (57)", "25,4 % (58)"], "100 % (228)"],
    ["Forbedringsgrupper/kvalitetssirkler", ["2,2 % (5)", "11,6 % (26)", "25,0 % (56)", "23,7 % (53)", "37,5 % (84)"], "100 % (224)"],
    ["Selvstyrte arbeidsgrupper", ["2,4 % (5)", "12,8 % (27)", "26,5 % (56)", "24,2 % (51)", "34,1 % (72)"], "100 % (211)"],
  ];
  return {
    id: "2.5",
    caption:
      "Tabell 2.5 Oversikt over andre modeller og tiltak for å bedre kvaliteten og servicen på tjenestene. Vurderinger knyttet til å hvilken grad disse er tatt i bruk. Prosent, frekvens i parantes.",
    lines: [943, 1130],
    questions: ["q28"],
    kind: "frequency",
    rows: rows.map(([label, printed, total], i) =>
      freqRow(label, `q28_${i + 1}`, cats, printed, total, { percentBase: "row-total" }),
    ),
    note: 'The "Vet ikke" column is code 9 (printed "Uaktuelt/vet ikke" in the questionnaire) and is inside the base.',
  };
}

/** Tabell 2.6 (lines 1153–1187): frequencies of "Er innført" (code 1) per service area and model. */
function table26(): PrintedTable {
  // Printed rows: area, then SE ST ESN EP BMS BPR.
  const printed: [string, number[]][] = [
    ["Skole", [4, 36, 20, 13, 17, 15]],
    ["Barnehage", [10, 39, 16, 12, 16, 15]],
    ["Pleie- og omsorg", [17, 32, 16, 13, 16, 16]],
    ["Helsetjenester", [5, 29, 16, 12, 15, 15]],
    ["Sosiale tjenester", [9, 31, 14, 12, 16, 14]],
    ["Tekniske tjenester", [8, 44, 18, 12, 16, 18]],
    ["Samferdsel", [4, 32, 13, 9, 14, 13]],
    ["Næringsutvikling", [3, 31, 18, 12, 15, 13]],
    ["Kultur og fritid", [6, 44, 25, 12, 17, 16]],
    ["Sentraladm.", [8, 55, 28, 13, 18, 19]],
  ];
  const rows: PrintedRow[] = [];
  MODELS.forEach((m, mi) => {
    printed.forEach(([area, counts], ai) => {
      rows.push({
        label: `${area} — ${m.label}`,
        variable: `${m.areas}_${ai + 1}`,
        cells: [{ code: 1, label: "Er innført", count: counts[mi] ?? null }],
      });
    });
  });
  return {
    id: "2.6",
    caption: "Tabell 2.6 Innført modell/tiltak forkvalitetsforbedring etter tjenesteområde, frekvens.",
    lines: [1153, 1187],
    questions: MODELS.map((m) => m.areas),
    kind: "frequency",
    rows,
    note:
      `Each printed cell is the count of code 1 ("Er innført") of one service-area item (areas in order ${AREAS.join(", ")}); ` +
      "every figure equals the \"Er innført\" count of Tabell 3.1/3.3/3.5/3.7/3.9/3.11. No totals are printed.",
  };
}

/** A multiple-response table (2.7, 2.8): count, percent of answers, percent of N = 267. */
function multipleResponse(
  id: string,
  caption: string,
  lines: [number, number],
  question: string,
  items: [string, number, number, number][],
  answers: number,
): PrintedTable {
  const rows: PrintedRow[] = [];
  items.forEach(([label, count, pctAnswers, pctN], i) => {
    const variable = `${question}_${i + 1}`;
    rows.push({
      label: `${label} (svar i prosent av N=267)`,
      variable,
      cells: [{ code: 1, label: "Krysset av", count, percent: pctN }],
      total: 267,
      percentBase: "respondents",
    });
    rows.push({
      label: `${label} (i prosent av samlet antall svar)`,
      variable,
      cells: [{ code: 1, label: "Krysset av", count, percent: pctAnswers }],
      total: answers,
      percentBase: "answers",
    });
  });
  return {
    id,
    caption,
    lines,
    questions: [question],
    kind: "multiple-response",
    rows,
    note:
      `Each item is printed once with two percentages; it appears here as two rows, one per base. ` +
      `"Antall svar" (all ticks of the set) is printed as ${answers}; N = 267 respondents.`,
  };
}

/** Tabell 2.9 (lines 1289–1327): barriers q29_1 … q29_7, percentages with N per row only. */
function table29(): PrintedTable {
  const cats: Category[] = [
    [1, "Helt enig"],
    [2, "Delvis enig"],
    [3, "Delvis uenig"],
    [4, "Helt uenig"],
    [9, "Vet ikke"],
  ];
  const rows: [string, string[], string, number][] = [
    ["Kommunens kompetanse er mangelfull", ["5,5 %", "43,0 %", "32,8 %", "18,4 %", "0,4 %"], "100,1 %", 256],
    ["Modellene for kvalitetsforbedring er for dårlig tilpasset", ["10,8 %", "43,8 %", "21,9 %", "8,4 %", "15,1 %"], "100,0 %", 251],
    ["De ansatte er for lite motivert for kvalitetsforbedring av tjenestene", ["2,7 %", "15,2 %", "41,8 %", "39,5 %", "0,8 %"], "100,0 %", 256],
    ["Arbeidet har for lite støtte blant politikerne", ["6,7 %", "26,3 %", "32,5 %", "29,4 %", "4,7 %"], "99,6 %", 255],
    ["Etatslederne følger i for liten grad opp", ["2,8 %", "31,2 %", "36,4 %", "26,9 %", "2,8 %"], "100,1 %", 253],
    ["Har ikke tilstrekkelig med tid til arbeidet", ["26,5 %", "53,7 %", "15,6 %", "4,3 %", "0,0 %"], "100,1 %", 257],
    ["Arbeidet blir ikke fullført", ["3,3 %", "35,1 %", "30,6 %", "16,7 %", "14,3 %"], "100,0 %", 245],
  ];
  return {
    id: "2.9",
    caption:
      "Tabell 2.9 Hvilke barrierer eller problemer som har gjort seg gjeldende i arbeidet med å bedre kvaliteten og servicen på tjenestene. Prosenter, frekvens i parantes.",
    lines: [1289, 1327],
    questions: ["q29"],
    kind: "frequency",
    rows: rows.map(([label, printed, , n], i) =>
      freqRow(label, `q29_${i + 1}`, cats, printed, n, { percentBase: "row-total" }),
    ),
    note:
      "Only percentages and N are printed (despite the caption, no frequencies). Printed row sums: " +
      rows.map(([, , sum], i) => `q29_${i + 1} ${sum}`).join(", ") +
      ". \"Vet ikke\" (code 9, questionnaire \"Uaktuelt/vet ikke\") is inside the base. " +
      "The only counts that reproduce every percentage of a row and sum to its N (codes 1, 2, 3, 4, 9): " +
      "q29_1 14/110/84/47/1, q29_2 27/110/55/21/38, q29_3 7/39/107/101/2, q29_5 7/79/92/68/7, q29_6 68/138/40/11/0, " +
      "q29_7 8/86/75/41/35 (each summing to its N); q29_4 see inconsistency t29-politikere-base.",
  };
}

/** All chapter-2 tables except the municipality lists (see lists.ts). */
export function chapter2Tables(): PrintedTable[] {
  return [
    table21(),
    table22(),
    table24(),
    table25(),
    table26(),
    multipleResponse(
      "2.7",
      "Tabell 2.7. Kvalitetsforbedringsarbeidets forankring i kommunen/fylkeskommunen. Antall svar per kategori, i prosent av samlet antall svar og svar i prosent av N.",
      [1209, 1231],
      "q2",
      [
        ["Ett felles prosjekt for hele kommunen", 82, 19.6, 30.7],
        ["Løpende kvalitetsforbedring i avd./etater", 149, 35.6, 55.8],
        ["Løpende forbedringsarbeid ift arbeidstakerne", 23, 5.5, 8.6],
        ["Enkeltstående prosjekter i avdelinger/etater", 120, 28.7, 44.9],
        ["Enkeltstående prosjekter i institusjoner", 44, 10.5, 16.5],
      ],
      418,
    ),
    multipleResponse(
      "2.8",
      "Tabell 2.8 Oversikt over hvordan arbeidet med å forbedre kvaliteten og servicen på tjenestene ble satt på dagsorden i kommunen. Prosent og frekvenser.",
      [1255, 1275],
      "q31",
      [
        ["Initiativ fra det politiske miljøet", 52, 17.4, 19.5],
        ["Initiativ fra administrasjonen", 230, 77.2, 86.1],
        ["Krav fra statlige myndigheter", 8, 2.7, 3.0],
        ["Henvendelse fra ekstern konsulent", 8, 2.7, 3.0],
      ],
      298,
    ),
    table29(),
  ];
}

