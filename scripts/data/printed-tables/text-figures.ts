/**
 * Every figure the report's running text states in numbers, as kind "text" tables. Most are
 * approximate ("ca", "i overkant av", "nær"): the stated number is `percent` and the qualifier is
 * kept verbatim in the cell label. Combined categories use string codes such as "1+2"
 * (I stor grad + I nokså stor grad). Where a statement contradicts a printed table or the
 * appendix lists, the conflict is attached in inconsistencies.ts.
 */
import type { PrintedCell, PrintedRow, PrintedTable } from "../../../src/data/printed-tables";
import { MODELS } from "./helpers";

const APPROX =
  "Approximate statements from the running text: soft targets. The qualifier is kept in each cell label; " +
  "percent is the number stated.";

function text(id: string, caption: string, lines: [number, number], questions: string[], rows: PrintedRow[], note?: string): PrintedTable {
  return { id, caption, lines, questions, kind: "text", rows, note: note ? `${APPROX} ${note}` : APPROX };
}

function row(label: string, variable: string, cells: PrintedCell[], extra: Partial<PrintedRow> = {}): PrintedRow {
  return { label, variable, ...extra, cells };
}

const pct = (code: number | string, label: string, percent: number): PrintedCell => ({ code, label, percent });

/** Statements about the six models' status (Sammendrag 49–61, 2.2 717–731, chapter 3 openings). */
function statusStatements(): PrintedTable {
  const adopted = [6, 23, 11, 7, 7, 10];
  const rows = MODELS.map((m, i) =>
    row(`${m.label}: har innført`, m.status, [pct(1, i === 3 || i === 4 ? "om lag 7 prosent har innført" : `${adopted[i]} prosent har innført`, adopted[i] ?? 0)], {
      percentBase: "valid",
    }),
  );
  rows.push(
    row("Servicetorg: holder på eller planlegger (3.3)", "q7", [pct("2+3", "godt over 40 prosent", 40)], { percentBase: "valid" }),
    row("Elektronisk servicenettverk: holder på eller planlegger (3.4)", "q12", [pct("2+3", "nær 50 prosent", 50)], { percentBase: "valid" }),
    row("Etisk prosess: holder på eller planlegger (3.5)", "q16", [pct("2+3", "nærmere 15 prosent", 15)], { percentBase: "valid" }),
    row("Balansert målstyring: innført (3.6)", "q20", [pct(1, "i overkant av sju prosent", 7)], { percentBase: "valid" }),
    row("Balansert målstyring: holder på eller planlegger; ingen planer (3.6)", "q20", [
      pct("2+3", "om lag 20 prosent", 20),
      pct(4, "Hele 73 prosent har ikke slik planer", 73),
    ], { percentBase: "valid" }),
    row("BPR: innført; holder på eller planlegger (3.7)", "q24", [pct(1, "Nær 10 prosent", 10), pct("2+3", "I underkant av 20 prosent", 20)], {
      percentBase: "valid",
    }),
    row("Serviceerklæringer: ingen planer (3.2)", "q3", [pct(4, "nær halvparten ... ikke planer", 50)], { percentBase: "valid" }),
    row("Servicetorg: innført, holder på eller planlegger — om noen år (3.3)", "q7", [pct("1+2+3", "over 2/3 deler", 67)], { percentBase: "valid" }),
    row("Serviceerklæringer, servicetorg, elektronisk servicenettverk: innført, holder på eller planlegger", "q3,q7,q12", [
      pct("1+2+3", "over halvparten (of each)", 50),
    ], { percentBase: "valid" }),
    row("Etisk prosess, balansert målstyring, BPR: innført, holder på eller planlegger", "q16,q20,q24", [
      pct("1+2+3", "i overkant av 20 prosent", 20),
    ], { percentBase: "valid" }),
  );
  return text("text:status", "Utbredelsen av de seks modellene som omtalt i teksten", [49, 2128], MODELS.map((m) => m.status), rows,
    "Lines: Sammendrag 49–61, 717–731, 1399–1402, 1552–1555, 1717–1719, 1855–1857, 1992–1994, 2125–2128. Variables q3,q7,q12 in one row mean the statement holds for each.");
}

export function textTables(): PrintedTable[] {
  return [
    text("text:response-rates", "Svarprosent for kommuner og fylkeskommuner", [497, 503], ["resp_type"], [
      row("Kommuner", "resp_type", [pct(1, "i underkant av 60 prosent", 60)]),
      row("Fylkeskommuner", "resp_type", [pct(2, "55 prosent", 55)]),
    ], "Base is the population, not the respondents: 435 kommuner and 18 fylkeskommuner in 1999 (Oslo is a kommune). N = 267 respondents in all (Tabell 2.7, 2.8)."),
    text("text:gender", "Kjønn på administrasjonssjefene", [513, 514], ["q32"], [
      row("Kjønn", "q32", [pct(1, "Mann: 83 prosent", 83), pct(2, "Kvinne: 17 prosent", 17)], { percentBase: "valid" }),
    ]),
    text("text:age", "Alder på administrasjonssjefene", [514, 514], ["q33"], [
      row("Alder i år", "q33", [pct("41-50", "Ca halvparten er i alderen 41-50 år", 50), pct("51-60", "ca 30 prosent er i alderen 51-60", 30)], {
        percentBase: "valid",
      }),
    ], "Codes are age bands of q33 (years)."),
    text("text:adoption-share", "Andel som har innført en eller flere modeller", [563, 576], ["q3", "q7", "q12", "q16", "q20", "q24", "q28"], [
      row("Innført en eller flere kvalitetsmodeller og -metoder (de seks og andre)", "any_model_adopted", [pct(1, "48 prosent", 48)], {
        total: 267,
        percentBase: "respondents",
      }),
      row("Innført en eller flere av de seks modellene", "any_six_adopted", [pct(1, "ca 42 prosent", 42)], { total: 267, percentBase: "respondents" }),
      row("Sammendrag: innført en eller flere av de seks", "any_six_adopted", [pct(1, "i overkant av 40 prosent", 40)], { total: 267, percentBase: "respondents" }),
      row("Sammendrag: innført en eller flere (alle modeller)", "any_model_adopted", [pct(1, "nær halvparten", 50)], { total: 267, percentBase: "respondents" }),
    ], "Derived variables: any_six_adopted = any of q3,q7,q12,q16,q20,q24 equals 1; any_model_adopted = that, or any q28 item equals 1 (I stor grad, the criterion of the appendix lists 4.7–4.15). Sammendrag lines 39–49."),
    text("text:active-municipalities", "Antall kommuner med tre eller flere / to eller flere av de seks modellene", [835, 884], ["q3", "q7", "q12", "q16", "q20", "q24"], [
      row("Tre eller flere av de seks", "n_models_adopted", [{ code: "3+", label: "I alt 12 kommuner; 4,5 prosent av utvalget", count: 12, percent: 4.5 }], {
        total: 267,
        percentBase: "respondents",
      }),
      row("To eller flere av de seks", "n_models_adopted", [{ code: "2+", label: "til sammen 27 kommuner; ca 10 prosent av utvalget", count: 27, percent: 10 }], {
        total: 267,
        percentBase: "respondents",
      }),
      row("Nøyaktig to av de seks", "n_models_adopted", [{ code: 2, label: "15 kommuner", count: 15 }]),
    ], "Derived variable n_models_adopted = number of q3,q7,q12,q16,q20,q24 equal to 1. Also Sammendrag lines 100, 186–190 and chapter 4 lines 2367, 2454–2458."),
    statusStatements(),
    text("text:bpr-pie", "Figur 7. Kommuner og fylkeskommuners bruk av prosessforbedringer/-ombygging, i prosent.", [2130, 2178], ["q24"], [
      row("Prosessforbedringer/-ombygging (BPR)", "q24", [
        pct(1, "Har allerede innført", 9.6),
        pct(2, "Holder på å innføre", 5.8),
        pct(3, "Planlegger å innføre", 12.5),
        pct(4, "Har ikke planer om å innføre", 71.7),
      ], { total: 239, percentBase: "valid" }),
    ], "Pie-chart labels extracted from the figure (values 2161–2167, legend 2167–2178); the legend order matches the status codes. Figures 2–6 (the other five pies) carry no numbers in the extract. total = the base of Tabell 2.1's BPR column."),
    text("text:other-models", "Andre modeller i stor grad tatt i bruk, omtalt i teksten", [1134, 1141], ["q28"], [
      row("Benchmarking: i stor grad", "q28_1", [pct(1, "I underkant av fire prosent", 4)], { percentBase: "row-total" }),
      row("Konseptet total kvalitetsledelse: i stor grad", "q28_4", [pct(1, "I underkant av fire prosent", 4)], { percentBase: "row-total" }),
    ], "Both are 3,7 % in Tabell 2.5."),
    text("text:intranet", "Intranettløsninger i tilknytning til drift av servicetorget", [1592, 1599], ["q9"], [
      row("Intranettløsning", "q9", [
        pct(1, "19 prosent har allerede innført", 19),
        pct(2, "22 prosent holder på å innføre", 22),
        pct(3, "Oppunder halvparten (44 prosent) planlegger", 44),
        pct(4, "15 prosent har ikke slike planer", 15),
      ], { where: [{ variable: "q7", codes: [1, 2, 3] }], percentBase: "valid" }),
    ], "No N is printed. q9 sits inside the servicetorg block, so only respondents with q7 = 1–3 answer it (at most 170). Stated as \"av kommunene og fylkeskommunene\" but the integer percentages sum to 100, which fits a base of q9 answers."),
    text("text:expectations", "Forventninger innfridd, omtalt i teksten", [1712, 1714], ["q11", "q15"], [
      row("Servicetorg: forventningene i stor eller nokså stor grad innfridd", "q11", [pct("1+2", "65 prosent", 65)], {
        where: [{ variable: "q7", codes: [1, 2] }],
        percentBase: "valid",
      }),
      row("Elektroniske servicenettverk: forventningene i nokså liten grad innfridd", "q15", [pct(3, "nær 1/3", 33)], {
        where: [{ variable: "q12", codes: [1, 2] }],
        percentBase: "valid",
      }),
    ], "Lines 1712–1714 (servicetorg) and 83–84, 932–933, 2350 (nær 1/3)."),
    text("text:results", "Resultater oppnådd, omtalt i teksten", [1707, 2287], ["q10", "q14", "q18", "q22", "q26"], [
      row("Servicetorg: bedre informasjon (1708)", "q10_2", [pct("1+2", "Over 80 prosent", 80)], { percentBase: "row-total" }),
      row("El. servicenettverk: bedre tilgang på informasjon (1841)", "q14_2", [pct("1+2", "Nær 70 prosent", 70)], { percentBase: "row-total" }),
      row("Etisk prosess: positive erfaringer (1980–1982)", "q18_1,q18_2,q18_3", [pct("1+2", "i overkant av 80 prosent av de som har tatt stilling", 80)], {
        percentBase: "valid",
      }),
      row("Balansert målstyring: bedre forståelse mål/tiltak (2114)", "q22_1", [pct("1+2", "90 prosent", 90)], { percentBase: "row-total" }),
      row("BPR: ansatte sterkere involvert (2282)", "q26_4", [pct("1+2", "Nær 90 prosent", 90)], { percentBase: "row-total" }),
      row("BPR: effektivt verktøy (2283)", "q26_1", [pct("1+2", "Rundt 80 prosent", 80)], { percentBase: "row-total" }),
    ], "Balansert målstyring: \"N=30-32\" (line 2120) matches Tabell 3.10's totals."),
    text("text:barriers", "Barrierer, omtalt i teksten", [1331, 1346], ["q29"], [
      row("Kommunens kompetanse er mangelfull: enig", "q29_1", [pct("1+2", "nær halvparten", 50)], { percentBase: "row-total" }),
      row("Arbeidet blir ikke fullført: enig", "q29_7", [pct("1+2", "nærmere 40 prosent", 40)], { percentBase: "row-total" }),
      row("For liten støtte blant politikerne: uenig", "q29_4", [pct("3+4", "Nærmere 2/3 deler", 67)], { percentBase: "row-total" }),
    ]),
    text("text:q30", "Figur 1 (kap. 2.8). Generelle trekk ved kvalitetsforbedringsarbeidet — omtalt i teksten", [1348, 1384], ["q30"], [
      row("Knyttet til en strategisk beslutning i toppledelsen", "q30_5", [pct("1+2", "i om lag 2/3 deler", 67)], { percentBase: "valid" }),
      row("Lagt vekt på opplæring av de ansatte", "q30_4", [pct("1+2", "bare i overkant av 1/3 del", 33)], { percentBase: "valid" }),
      row("Tatt i bruk IKT-baserte støttesystemer", "q30_3", [pct("1+2", "Under 20 prosent", 20)], { percentBase: "valid" }),
      row("Ressurskrevende", "q30_2", [pct("1+2", "omtrent delt på midten, med en liten overvekt til ressurskrevende", 50)], { percentBase: "valid" }),
      row("Brukerne involvert", "q30_1", [pct("1+2", "ikke flere enn noe over 20 prosent", 20), pct("3+4", "Det store flertallet", 50)], { percentBase: "valid" }),
    ], "The figure itself has no numbers in the extract; these sentences are the only published information about q30. Its \"vet ikke\" code is 5 (questionnaire). Which items the text's wording maps to follows the questionnaire order q30_1 brukere … q30_5 toppledelsen."),
    text("text:organisation", "Organisering og initiativ, omtalt i teksten", [1234, 1283], ["q2", "q31"], [
      row("Ett felles prosjekt for hele kommunen", "q2_1", [pct(1, "i underkant av ca 30 prosent", 30)], { total: 267, percentBase: "respondents" }),
      row("Initiativ fra det politiske miljøet", "q31_1", [pct(1, "I under 20 prosent av tilfellene", 20)], { total: 267, percentBase: "respondents" }),
    ], "The other percentages of lines 1237–1240 (55,8 %, 44,9 %, 8,6 %, 16,5 %) repeat Tabell 2.7 exactly."),
    text("text:activity", "Egenvurdert aktivitet, omtalt i teksten", [747, 748], ["q1"], [
      row("Svært aktive", "q1", [pct(1, "i overkant av 10 prosent betrakter seg som svært aktive", 10)], { percentBase: "valid" }),
      row("Kapittel 4: karakteriserer seg som aktive", "q1", [pct(2, "i overkant av 10 prosent ... som aktive", 10)], { percentBase: "valid" }),
    ], "Also Sammendrag lines 191–193 (\"svært aktive\") and chapter 4 lines 2459–2461 (\"aktive\")."),
  ];
}
