/**
 * Transcription of chapter 3: per model a service-area table (3.1, 3.3, … 3.11: items q4_k … q25_k,
 * codes 1 Er innført / 2 Under innføring / 3 Planlagt innført / 9 Vet ikke) and a results table
 * (3.2, 3.4, … 3.12: items q5_* … q26_*, codes 1–4 and 9). Figures are copied as printed, including
 * the extract's typos ("51.0 %", "22,5 (31)", "100,0 % 42)"); "-" is a printed zero.
 */
import type { PrintedTable } from "../../../src/data/printed-tables";
import { AREA_STATUS, AREAS, DEGREE_5, freqRow, type Model, model } from "./helpers";

/** Ten printed rows (areas in questionnaire order): four figures and the printed sum. */
type AreaRows = [string, string, string, string, string][];

function areaTable(id: string, caption: string, lines: [number, number], m: Model, rows: AreaRows): PrintedTable {
  return {
    id,
    caption,
    lines,
    questions: [m.areas],
    kind: "frequency",
    rows: rows.map(([a, b, c, d, sum], i) =>
      freqRow(AREAS[i] ?? "", `${m.areas}_${i + 1}`, AREA_STATUS, [a, b, c, d], sum, {
        percentBase: "row-total",
        where: [{ variable: m.status, codes: [1, 2, 3] }],
      }),
    ),
    note:
      `Asked of everyone not skipped by ${m.status} = 4; base = those who answered the area item ("Vet ikke" = 9 inside). ` +
      `Printed row sums (percent): ${rows.map((r) => r[4].replace(/\s*\(.*$/, "")).join(", ")}.`,
  };
}

/** A results table: item labels and five printed figures plus the printed sum each. */
function resultsTable(
  id: string,
  caption: string,
  lines: [number, number],
  m: Model,
  rows: [string, string, string, string, string, string, string][],
): PrintedTable {
  return {
    id,
    caption,
    lines,
    questions: [m.results],
    kind: "frequency",
    rows: rows.map(([label, a, b, c, d, e, sum], i) =>
      freqRow(label, `${m.results}_${i + 1}`, DEGREE_5, [a, b, c, d, e], sum, {
        percentBase: "row-total",
        where: [{ variable: m.status, codes: [1, 2] }],
      }),
    ),
    note:
      `"Hvis dere har innført …": base = those who answered the item, "Uaktuelt/vet ikke" (9) inside. The base is ` +
      `restricted to ${m.status} = 1 or 2 because the printed N exceeds the adopters of Tabell 2.1 ` +
      `(inconsistency results-base-exceeds-adopters). Printed row sums (percent): ${rows
        .map((r) => r[6].replace(/\s*\(.*$/, ""))
        .join(", ")}.`,
  };
}

const AREA_CAPTION = (what: string): string =>
  `Tjenesteområder kommuner eller fylkeskommuner har innført eller planlegger å innføre ${what}, i prosent antall svar. Frekvens i parentes.`;

export function chapter3Tables(): PrintedTable[] {
  return [
    areaTable("3.1", `Tabell 3.1 ${AREA_CAPTION("serviceerklæringer")}`, [1408, 1429], model("SE"), [
      ["3,8 % (4)", "11,5 % (12)", "51.0 % (53)", "33,7 % (35)", "100,0 % (104)"],
      ["8,9 % (10)", "14,3 % (16)", "52,7 % (59)", "24,1 % (27)", "100,0 % (112)"],
      ["12,5 % (17)", "22,8 % (31)", "55,9 % (76)", "8,8 % (12)", "100,0 % (136)"],
      ["4,4 % (5)", "14,0 % (16)", "59,6 % (68)", "21,9 % (25)", "99,9 % (114)"],
      ["8,2 % (9)", "10,9 % (12)", "53,6 % (59)", "27,3 % (30)", "100,0 % (110)"],
      ["7,1 % (8)", "17,0 % (19)", "55,4 % (62)", "20,5 % (23)", "100,0 % (112)"],
      ["4,8 % (4)", "4,8 % (4)", "35,7 % (30)", "54,8 % (46)", "100,1 % (84)"],
      ["3,2 % (3)", "6,6% (6)", "44,0 % (40)", "46,2 % (42)", "100,0 % (91)"],
      ["6,2 % (6)", "9,3 % (9)", "42,3 % (41)", "42,3 % (41)", "100,1 % (97)"],
      ["7,8 % (8)", "5,8 % (6)", "59,2 % (61)", "27,2 % (28)", "100,0 % (103)"],
    ]),
    resultsTable("3.2", "Tabell 3.2 Resultater oppnådd ved innføring av serviceerklæringer.", [1444, 1536], model("SE"), [
      ["Økt bevisstgjøring om brukernes behov og rettigheter blant de ansatte", "13,0 % (6)", "50,0 % (23)", "-", "4,3 % (2)", "32,6 % (15)", "100 % (46)"],
      ["Bedre informasjon til brukerne om tjenestenes innhold", "20 % (9)", "42,2 % (19)", "-", "2,2 % (1)", "35,6 % (16)", "100 % (45)"],
      ["Bedre kvalitet på tjenestene", "11,1 % (5)", "33,3 % (15)", "-", "17,8 % (8)", "37,8 % (17)", "100 % (45)"],
      ["Mer realistiske forventninger blant brukerne til kommunens tjenesteyting", "20,0 % (9)", "31,1% (14)", "6,7 % (3)", "2,2 % (1)", "40,0 % (18)", "100 % (45)"],
    ]),
    areaTable("3.3", `Tabell 3.3 ${AREA_CAPTION("servicetorg")}`, [1562, 1582], model("ST"), [
      ["26,1 % (36)", "10,9 % (15)", "40,6 % (56)", "22,5 (31)", "100,1 % (138)"],
      ["27,7 % (39)", "9,9 % (14)", "44,0 % (62)", "18,4 % (26)", "100,0 % (141)"],
      ["23,4 % (32)", "14,6 % (20)", "38,7 % (53)", "23,4 % (32)", "100,1 % (137)"],
      ["22,2 % (29)", "11,4 % (15)", "37,1 % (49)", "29,5 % (39)", "100,2% (132)"],
      ["22,1 % (31)", "13,6 % (19)", "42,1 % (59)", "22,1 % (31)", "99,9 % (140)"],
      ["29,3 % (44)", "11,3 % (17)", "48,7 % (73)", "10,7 % (16)", "100,0% (150)"],
      ["25,4 % (32)", "9,5 % (12)", "34,1 % (43)", "31,0 % (39)", "100,0 % (126)"],
      ["23,0 % (31)", "8,9 % (12)", "45,9 % (62)", "22,2 % (30)", "100,0 % (135)"],
      ["29,3 % (44)", "12,7 % (19)", "45,3 % (68)", "12,7 % (19)", "100,0 % (150)"],
      ["34,0 % (55)", "10,5 % (17)", "48,8 % (79)", "6,8 % (11)", "100,1% (162)"],
    ]),
    resultsTable("3.4", "Tabell 3.4. Resultater oppnådd ved innføring av servicetorg, i prosent. Frekvenser i parentes", [1605, 1703], model("ST"), [
      ["Raskere saksbehandling av mindre saker", "28,6 % (20)", "34,3 % (24)", "14,3 % (10)", "8,6 % (6)", "14,3 % (10)", "100,1 % (70)"],
      ["Bedre informasjon til brukere", "39,4 % (28)", "45,1 % (32)", "4,2 % (3)", "-", "11,3 % (8)", "100,0 % (71)"],
      ["Mer samordnet opptreden fra kommunens side overfor brukerne", "26,8 % (19)", "45,1 % (32)", "14,1 % (10)", "2,8 % (8)", "11,3 % (8)", "100,0 % (71)"],
      ["Mer tilgjengelige tjenester for brukerne", "30,6 % (22)", "41,7 % (30)", "12,5 % (9)", "2,8 % (2)", "12,5 % (9)", "100,0 % (72)"],
    ]),
    areaTable("3.5", `Tabell 3.5 ${AREA_CAPTION("elektronisk servicenettverk")}`, [1728, 1749], model("ESN"), [
      ["14,9 % (20)", "15,7 % (21)", "51,5% (69)", "17,9% (24)", "100,0 % (134)"],
      ["12,8 % (16)", "16,0 % (20)", "51,2 % (64)", "20,0 % (25)", "100,0 % (125)"],
      ["12,5 % (16)", "16,4 % (21)", "49,2 % (63)", "21,9 % (28)", "100,0 % (128)"],
      ["12,0 % (16)", "15,8 % (21)", "48,9 % (65)", "23,3 % (31)", "100,0 % (133)"],
      ["10,8 % (14)", "16,9 % (22)", "46,9 % (61)", "25,4 % (33)", "100,0 % (130)"],
      ["13,5 % (18)", "15,8 % (21)", "54,9 % (73)", "15,8 % (21)", "100,0 % (133)"],
      ["11,5 % (13)", "17,7 % (20)", "41,6 % (20)", "29,2 % (47)", "100,0 % (113)"],
      ["14,1 % (18)", "17,2 % (22)", "50,0 % (64)", "18,8 % (24)", "100,1 % (128)"],
      ["18,4 % (25)", "19,1 % (26)", "50,0 % (68)", "12,5 % (17)", "100,0 % (136)"],
      ["19,6 % (28)", "20,3 % (29)", "49,0 % (70)", "11,2 % (16)", "100,1 % (143)"],
    ]),
    resultsTable("3.6", "Tabell 3.6. Resultater oppnådd ved innføring av elektroniske servicenettverk, i prosent. Frekvenser i parentes", [1759, 1836], model("ESN"), [
      ["Mer effektiv kommunikasjon med innbyggerne", "6,7 % (3)", "35,6 % (16)", "17,8% (8)", "8,9 % (4)", "31,1 % (14)", "100,1 % (45)"],
      ["Innbyggerne får bedre tilgang på oppdatert informasjon om kommunen", "25,5 % (12)", "44,7 % (21)", "2,1 % (1)", "-", "27,7 % (13)", "100,0 % (47)"],
      ["Innbyggerne får raskere og bedre service", "11,4 % (5)", "43,2 % (19)", "9,1 % (4)", "-", "36,4 % (16)", "100,1 % (44)"],
    ]),
    areaTable("3.7", `Tabell 3.7 ${AREA_CAPTION("etisk prosess").replace("i prosent antall svar", "prosent antall svar")}`, [1866, 1886], model("EP"), [
      ["26,5 % (13)", "16,3 % (8)", "28,6 % (14)", "28,6 % (14)", "100,0 %(49)"],
      ["25,0 % (12)", "14,6 % (7)", "31,3 % (15)", "29,2 % (14)", "100,1 % (48)"],
      ["25,5 % (13)", "13,7 % (7)", "33,3 % (17)", "27,5 % (14)", "100,0 % (51)"],
      ["24,5 % (12)", "14,3% (7)", "32,7% (16)", "28,6% (14)", "100,1% (49)"],
      ["26,1 % (12)", "13,0 % (6)", "30,4 % (14)", "30,4 % (14)", "99,9 % (46)"],
      ["25,0 % (12)", "12,5 % (6)", "33,3 % (16)", "29,2 % (14)", "100,0 % (48)"],
      ["21,4 % (9)", "11,9 % (5)", "23,8 % (10)", "42,9 % (18)", "100,1 % (42)"],
      ["28,6 % (12)", "9,5 % (4)", "26,2 % (11)", "35,7 % (15)", "100,0 % 42)"],
      ["26,1 % (12)", "13,0 % (6)", "28,3 % (13)", "32,6 % (15)", "100,0 % (46)"],
      ["28,3 % (13)", "13,0 % (6)", "37,0 % (17)", "21,7 % (10)", "100,0 % (46)"],
    ]),
    resultsTable("3.8", "Tabell 3.8. Resultater oppnådd ved innføring av elektroniske servicenettverk, i prosent. Frekvenser i parentes", [1903, 1976], model("EP"), [
      ["Økt kunnskap om hvilke verdier brukerne anser som viktige", "26,3 % (5)", "57,9 % (11)", "10,5 % (2)", "5,3 % (1)", "-", "100,0 % (19)"],
      ["Bekreftelse på om kommunen klarer å realisere viktige verdier", "21,1 % (4)", "57,9 % (11)", "15,8 % (3)", "-", "5,3 % (1)", "100,1 % (19)"],
      ["Bedre forståelse blant de ansatte for hvordan verdiene kan realiseres i praksis", "16,7 % (3)", "66,7 % (12)", "16,7 % (3)", "-", "-", "100,1 % (18)"],
    ]),
    areaTable("3.9", `Tabell 3.9 ${AREA_CAPTION("balansert målstyring")}`, [2001, 2022], model("BMS"), [
      ["29,3 % (17)", "15,5 % (9)", "44,8 % (26)", "10,3 % (6)", "99,9 % (58)"],
      ["29,1 % (16)", "16,4 % (9)", "43,6 % (24)", "10,9 % (6)", "100,0 % (55)"],
      ["27,6 % (16)", "19,0 % (11)", "44,8 % (26)", "8,6 % (5)", "100,0 % (58)"],
      ["25,4 % (15)", "22,0 % (13)", "39,0 % (23)", "13,6 % (8)", "100,0 % (59)"],
      ["28,1 % (16)", "19,3 % (11)", "40,4 % (23)", "12,3 % (7)", "100,1 % (57)"],
      ["29,1 % (16)", "14,5 % (8)", "43,6 % (24)", "12,7 % (7)", "99,9 % (55)"],
      ["25,9 % (14)", "13,0 % (7)", "38,9 % (21)", "22,2 % (12)", "100,0 % (54)"],
      ["27,8 % (15)", "9,3 % (5)", "40,7 % (22)", "22,2 % (12)", "100,0 % (54)"],
      ["29,8 % (17)", "17,5 % (10)", "40,4 % (23)", "12,3 % (7)", "100,0 % (57)"],
      ["30,0 % (18)", "13,3 % (8)", "48,3 % (29)", "8,3 % (5)", "99,9 % (60)"],
    ]),
    resultsTable("3.10", "Tabell 3.10. Resultater oppnådd ved innføring av balansert målstyring, i prosent. Frekvenser i parentes", [2032, 2108], model("BMS"), [
      ["Bedre forståelse for sammenhengen mellom mål og tiltak/aktiviteter.", "40,0 % (12)", "50,0 % (15)", "3,3 % (1)", "-", "6,7 % (2)", "100,0 % (30)"],
      ["Mer helhetlig grunnlag for resultatrapportering og –evaluering", "37,5 % (12)", "50,0 % (16)", "6,3 % (2)", "-", "6,3 % (2)", "100,1 % (32)"],
      ["Økt fokus på forhold knyttet til ansatte, interne prosesser, brukere og læring", "23,3 % (7)", "53,3 % (16)", "16,7 % (5)", "-", "6,7 % (2)", "100,0 % (30)"],
    ]),
    areaTable("3.11", "Tabell 3.11 Tjenesteområder kommuner og fylkeskommuner har innført eller planlegger å innføre prosessforbedring/-ombygging, i prosent antall svar. Frekvens i parentes.", [2136, 2157], model("BPR"), [
      ["28,8 % (15)", "11,5 % (6)", "42,3 % (22)", "17,3 % (9)", "99,9 % (52)"],
      ["29,4 % (15)", "7,8 % (4)", "43,1 % (22)", "19,6 % (10)", "99,9 % (51)"],
      ["28,1 % (16)", "12,3 % (7)", "43,9 % (25)", "15,8 % (9)", "100,1 % (57)"],
      ["28,3 % (15)", "13,2 % (7)", "41,5 % (22)", "17,0 % (9)", "100,0 % (53)"],
      ["27,5 % (14)", "15,7 % (8)", "37,3 % (19)", "19,6 % (10)", "100,1 % (51)"],
      ["31,6 % (18)", "7,0 % (4)", "43,9 % (25)", "17,5 % (10)", "100,0 % (57)"],
      ["30,2 % (13)", "7,0 % (3)", "30,2 % (13)", "32,6 % (14)", "100,0 % (43)"],
      ["29,5 % (13)", "6,8 % (3)", "29,5 % (13)", "34,1 % (15)", "99,9 % (44)"],
      ["32,7 % (16)", "10,2 % (5)", "32,7 % (16)", "24,5 % (12)", "100,1 % (49)"],
      ["33,3 % (19)", "8,8 % (5)", "43,9 % (25)", "14,0 % (8)", "100,0 % (57)"],
    ]),
    resultsTable("3.12", "Tabell 3.12. Resultater oppnådd ved innføring av prosessforbedring/-ombygging, i prosent. Frekvenser i parentes", [2189, 2277], model("BPR"), [
      ["Fått et effektivt verktøy for å endre og bygge om arbeidsprosesser", "38,5 % (10)", "42,3 % (11)", "7,7 % (2)", "-", "11,5 % (3)", "100,0 % (26)"],
      ["Bedre utnytting av virksomhetens ressurser", "33,3 % (9)", "48,1 % (13)", "3,7 % (1)", "-", "14,8 % (4)", "99,9 % (27)"],
      ["Økt kvalitet på tjenestene", "22,2 % (6)", "44,4 % (12)", "14,8 % (4)", "-", "18,5 % (5)", "99,9 % (27)"],
      ["De ansatte er blitt sterkere involvert i utvikling av arbeidsprosesser de er en del av", "40,7 % (11)", "48,1 % (13)", "-", "-", "11,1% (3)", "99,9 % (27)"],
    ]),
  ];
}
