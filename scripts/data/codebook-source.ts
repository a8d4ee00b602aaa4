/**
 * The readable source of the 1999 codebook. Every fact below was read off the questionnaire printed
 * at the end of the report (seed 000, lines 4035–4811); the card columns are the numbers in its
 * right margin. Shared vocabularies (service areas, status codes, scales) are defined once and
 * reused, so the JSON cannot drift between models.
 *
 * `npx tsx scripts/data/codebook-source.ts` writes `data/survey-1999/codebook.json` and
 * `docs/data/codebook.md`; the dataset build calls `buildCodebook()` directly.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Codebook } from "../../src/data/codebook";
import { renderCodebookMarkdown } from "./codebook-markdown";
import { battery, cols, modelVariables, NOT_ON_CARD, skipRule, variable, type Var } from "./codebook-models";
import { AGREE_SCALE, DEGREE_SCALE, FYLKER_1999, MODELS, OTHER_MODELS, Q30_SCALE, SIZE_BANDS, type Text } from "./codebook-vocabulary";

function generalVariables(): { head: Var[]; tail: Var[] } {
  const q2Items: Text[] = [
    { no: "Et felles prosjekt for hele kommunen, basert på en strategisk beslutning i toppledelsen", en: "A joint project for the whole municipality, based on a strategic decision by top management" },
    { no: "Løpende kvalitetsforbedring i den enkelte avdeling eller tjenestested", en: "Continuous quality improvement in each department or service unit" },
    { no: "Løpende forbedringsarbeid knyttet til den enkelte arbeidstaker", en: "Continuous improvement work tied to the individual employee" },
    { no: "Enkeltstående prosjekter i en eller flere avdelinger/etater", en: "Separate projects in one or more departments/agencies" },
    { no: "Enkeltstående prosjekter i en eller flere institusjoner/tjenestesteder", en: "Separate projects in one or more institutions/service units" },
  ];
  const q31Items: Text[] = [
    { no: "Initiativ fra det politiske miljøet", en: "Initiative from the politicians" },
    { no: "Initiativ fra administrasjonen", en: "Initiative from the administration" },
    { no: "Krav fra statlige myndigheter", en: "Requirement from central government" },
    { no: "Henvendelse fra ekstern konsulent", en: "Approach from an external consultant" },
  ];
  const dichotomies = (q: number, stem: Text, items: Text[], start: number, set: string): Var[] =>
    items.map((item, i) =>
      variable({
        name: `q${q}_${i + 1}`,
        question: `q${q}`,
        no: `${stem.no} – ${item.no}`,
        en: `${stem.en} – ${item.en}`,
        label: item,
        kind: "dichotomy",
        codes: [{ code: 1, no: "Krysset av", en: "Ticked" }],
        missing: [],
        columns: cols(start + i),
        set,
        note:
          `Each box is printed with its item number (1–${items.length}) and has its own card column, so a tick is ` +
          "coded 1 (the counted value) and no tick is blank. The punching convention of 1999 is not documented: " +
          "if a card punches the item number instead, recode it to 1.",
      }),
    );
  const head: Var[] = [
    variable({
      name: "resp_id", question: "resp_id", no: "Respondentnr.", en: "Respondent number",
      label: { no: "Respondentnr.", en: "Respondent no." },
      kind: "id", codes: [], missing: [], columns: cols(1, 4),
      note: "Printed on the cover as \"Respondentnr. 1, 2, 3, 4\": four digits, zero-padded on the card.",
    }),
    variable({
      name: "q1", question: "q1",
      no: "Vi vil først be deg gi en generell vurdering av hvor aktiv kommunen eller fylkeskommunen er i arbeidet med å bedre kvaliteten og servicen på sine tjenester. Sett ett kryss.",
      en: "First, please give a general assessment of how active the municipality or county is in improving the quality and service of its services. One cross.",
      label: { no: "Aktivitet i kvalitetsarbeidet", en: "Activity in quality work" },
      kind: "categorical",
      codes: [
        { code: 1, no: "Svært aktiv", en: "Very active" },
        { code: 2, no: "Aktiv", en: "Active" },
        { code: 3, no: "Noe aktiv", en: "Somewhat active" },
        { code: 4, no: "Lite aktiv", en: "Not very active" },
        { code: 9, no: "Vet ikke", en: "Don't know" },
      ],
      missing: [9], columns: cols(5),
      note: "The extract runs the column into the codes (\"1 2 3 4 9 5\"): the trailing 5 is the card column.",
    }),
    ...dichotomies(2, {
      no: "På hvilken måte er kvalitetsforbedringsarbeidet forankret i kommunen eller fylkeskommunen? Kryss av ett eller flere av de aktuelle alternativene.",
      en: "How is the quality improvement work anchored in the municipality or county? Tick one or more of the relevant alternatives.",
    }, q2Items, 6, "q2"),
  ];
  const q28 = battery(28, {
    no: "I hvilken grad har kommunen eller fylkeskommunen tatt i bruk andre modeller eller tiltak for kvalitetsforbedring? Sett ett kryss for hver linje.",
    en: "To what extent has the municipality or county used other models or measures for quality improvement? One cross per line.",
  }, OTHER_MODELS, 105, DEGREE_SCALE, [9], (i) => ({
    columns: cols(105 + i, 105 + i,
      `Printed "${i < 5 ? "10" : "11"}": the third digit is cut in the extract. q27 ends at 104 and q29 starts at 114, so the nine items fill 105–113 in order.`),
    ...(i === 0 ? { note: "The free-text line \"Andre modeller\" was not punched." } : {}),
  }));
  const q29 = battery(29, {
    no: "Hvilke barrierer eller problemer har gjort seg gjeldende i arbeidet med å forbedre servicen og kvaliteten på tjenestene i kommunen eller fylkeskommunen? Sett ett kryss pr. linje.",
    en: "Which barriers or problems have arisen in the work to improve the service and quality of the services in the municipality or county? One cross per line.",
  }, [
    { no: "Kommunens kompetanse er mangelfull", en: "The municipality's competence is inadequate" },
    { no: "Modellene for kvalitetsforbedring er for dårlig tilpasset kommunesektoren", en: "The quality improvement models are poorly adapted to local government" },
    { no: "De ansatte er for lite motivert for kvalitetsforbedring av tjenestene", en: "Employees are not motivated enough for improving service quality" },
    { no: "Arbeidet har for liten støtte blant politikerne", en: "The work has too little support among politicians" },
    { no: "Etatslederne følger i for liten grad opp kvalitetsforbedringsarbeidet", en: "Heads of departments follow up the quality work too little" },
    { no: "Har ikke tilstrekkelig med tid til arbeidet", en: "Not enough time for the work" },
    { no: "Arbeidet blir ikke fullført", en: "The work is not completed" },
  ], 114, AGREE_SCALE, [9], (i) => (i === 0 ? { note: "The free-text line \"Andre forhold\" was not punched." } : {}));
  const q30 = battery(30, {
    no: "Vi har nedenfor formulert noen spørsmål knyttet til kvalitetsforbedringsarbeidet generelt i kommunen eller fylkeskommunen? Sett ett kryss for hvert av spørsmålene.",
    en: "Below are some questions about the quality improvement work in the municipality or county in general. One cross for each question.",
  }, [
    { no: "I hvilken grad vil du si at brukerne har vært involvert i kvalitetsforbedringsarbeidet", en: "To what extent would you say users have been involved in the quality work" },
    { no: "Vil du si at arbeidet med kvalitetsforbedring har vært ressurskrevende (penger/årsverk)", en: "Would you say the quality work has been resource-demanding (money/person-years)" },
    { no: "I hvilken grad har dere tatt i bruk IKT-baserte støttesystemer i kvalitetsarbeidet", en: "To what extent have you used ICT-based support systems in the quality work" },
    { no: "I hvilken grad har kommunen lagt vekt på opplæring av de ansatte i kvalitetsarbeidet", en: "To what extent has the municipality emphasised training employees in quality work" },
    { no: "I hvilken grad er kvalitetsarbeidet knyttet til en strategisk beslutning i toppledelsen", en: "To what extent is the quality work tied to a strategic decision by top management" },
  ], 121, Q30_SCALE, [5], (i) => ({
    ...(i < 4 ? { columns: cols(121 + i, 121 + i, "Printed \"12\": the third digit is cut in the extract. q29 ends at 120 and q30_5 prints 125, so the items fill 121–124 in order.") } : {}),
    note:
      "Unlike every other battery, q30 prints \"Uaktuelt/vet ikke\" as code 5, not 9, so the missing code is 5." +
      (i === 1 ? " The item is worded as a yes/no question (\"Vil du si at …\") but answered on the degree scale." : ""),
  }));
  const tail: Var[] = [
    ...q28,
    ...q29,
    ...q30,
    ...dichotomies(31, {
      no: "Hvordan ble arbeidet med å forbedre kvaliteten og servicen på tjenestene satt på dagsorden i kommunen eller fylkeskommunen? Kryss av ved en eller flere av de aktuelle aktørene.",
      en: "How was the work to improve the quality and service of the services put on the agenda in the municipality or county? Tick one or more of the relevant actors.",
    }, q31Items, 126, "q31"),
    variable({
      name: "q32", question: "q32", no: "Kjønn", en: "Gender", label: { no: "Kjønn", en: "Gender" },
      kind: "categorical",
      codes: [{ code: 1, no: "Mann", en: "Man" }, { code: 2, no: "Kvinne", en: "Woman" }],
      missing: [], columns: cols(130),
    }),
    variable({
      name: "q33", question: "q33", no: "Hvor gammel er du? Antall år", en: "How old are you? Years",
      label: { no: "Alder", en: "Age" },
      kind: "numeric", codes: [], missing: [], columns: cols(131, 132), range: { min: 20, max: 70 },
      note: "Two printed digit boxes. Range 20–70: a chief executive younger than 20 is implausible and 70 was the age limit in Norwegian public service in 1999.",
    }),
    variable({
      name: "q34", question: "q34", no: "Hvor stor er kommunen?", en: "How large is the municipality?",
      label: { no: "Kommunestørrelse (avkrysset)", en: "Municipality size (ticked)" },
      kind: "categorical", codes: SIZE_BANDS, missing: [], columns: cols(133),
      note: "Size as ticked by the respondent, not SSB's class (see derived size_class). The report says the fylkeskommuner ticked 6.",
    }),
  ];
  return { head, tail };
}

function derivedVariables(): Var[] {
  const derived = (v: Omit<Var, "columns" | "missing" | "question">): Var =>
    variable({ ...v, question: v.name, missing: [], columns: NOT_ON_CARD });
  return [
    derived({ name: "resp_type", no: "Respondenttype", en: "Respondent type", kind: "categorical",
      codes: [{ code: 1, no: "Kommune", en: "Municipality" }, { code: 2, no: "Fylkeskommune", en: "County authority" }] }),
    derived({ name: "fylke", no: "Fylke (1999)", en: "County (1999)", kind: "categorical", codes: FYLKER_1999,
      note: "Counties of 1999. Code 13 is unused: Bergen's former county number, merged into Hordaland in 1972." }),
    derived({ name: "size_class", no: "Størrelsesklasse (SSB, 1.1.1999)", en: "Size class (Statistics Norway, 1 Jan 1999)",
      kind: "categorical", codes: SIZE_BANDS, note: "From SSB population on 1 January 1999; fylkeskommuner are class 6, as they ticked 6 in q34." }),
    derived({ name: "knr", no: "Kommunenummer", en: "Municipality number", kind: "text", codes: [],
      note: "Four digits with leading zero (\"0701\"); fylkeskommuner fylke*100 (\"0700\"). Only for adopters named in the report; blank for everyone else." }),
    derived({ name: "name", no: "Navn", en: "Name", kind: "text", codes: [], note: "Only for adopters named in the report; blank for everyone else." }),
    derived({ name: "provenance", no: "Opphav", en: "Provenance", kind: "text", codes: [],
      note: "Which fields of the record are printed facts and which are imputed by the reconstruction." }),
  ];
}

/** The whole codebook, deterministic: the same object on every call. */
export function buildCodebook(): Codebook {
  const { head, tail } = generalVariables();
  const modelVars = MODELS.flatMap(modelVariables);
  const variables = [...head, ...modelVars, ...tail];
  return {
    title: "Kvalitetsforbedringsarbeid i kommunene og fylkeskommunene 1999 – kodebok",
    source:
      "RF-Rogalandsforskning / KPMG Consulting for Kommunenes Sentralforbund, 1999: spørreskjema til " +
      "administrasjonssjefen (seed 000_7a6e6f7d2cc5bfc8.txt, lines 4035–4811). Columns from the right margin.",
    recordLength: 133,
    variables,
    skipRules: MODELS.map((m) => skipRule(m, variables)),
    sets: [
      { name: "q2", label: { no: "Forankring av kvalitetsarbeidet", en: "Anchoring of the quality work" },
        variables: ["q2_1", "q2_2", "q2_3", "q2_4", "q2_5"], countedValue: 1 },
      { name: "q31", label: { no: "Hvem satte kvalitetsarbeidet på dagsorden", en: "Who put quality work on the agenda" },
        variables: ["q31_1", "q31_2", "q31_3", "q31_4"], countedValue: 1 },
    ],
    derived: derivedVariables(),
  };
}

/** The JSON text exactly as written to disk. */
export function codebookJson(codebook: Codebook = buildCodebook()): string {
  return `${JSON.stringify(codebook, null, 2)}\n`;
}

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const CODEBOOK_PATH = resolve(repoRoot, "data/survey-1999/codebook.json");
export const CODEBOOK_DOC_PATH = resolve(repoRoot, "docs/data/codebook.md");

/** Write codebook.json and the markdown table; returns the paths written. */
export function writeCodebook(): string[] {
  const codebook = buildCodebook();
  const outputs = [
    { path: CODEBOOK_PATH, text: codebookJson(codebook) },
    { path: CODEBOOK_DOC_PATH, text: renderCodebookMarkdown(codebook) },
  ];
  for (const { path, text } of outputs) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text, "utf8");
  }
  return [CODEBOOK_PATH, CODEBOOK_DOC_PATH];
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  for (const path of writeCodebook()) console.log(`wrote ${path}`);
}
