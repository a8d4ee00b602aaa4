/**
 * The shared vocabularies of the 1999 questionnaire, each defined once: the ten service areas,
 * the response scales, the six models with their printed wording and card columns, the nine other
 * models of q28, the size bands of q34 and the counties of 1999. `codebook-source.ts` assembles
 * the codebook from these.
 */
import type { CardColumns, CodeLabel } from "../../src/data/codebook";

/** A Norwegian text as printed and its English translation. */
export interface Text {
  no: string;
  en: string;
}

/** The ten service areas in printed order (1 = Skole … 10 = Sentraladministrasjon). */
export const SERVICE_AREAS: readonly Text[] = [
  { no: "Skole", en: "School" },
  { no: "Barnehager", en: "Kindergartens" },
  { no: "Pleie- og omsorg", en: "Nursing and care" },
  { no: "Helsetjenester", en: "Health services" },
  { no: "Sosiale tjenester", en: "Social services" },
  { no: "Tekniske tjenester", en: "Technical services" },
  { no: "Samferdsel", en: "Transport" },
  { no: "Næringsutvikling", en: "Business development" },
  { no: "Kultur og fritid", en: "Culture and leisure" },
  { no: "Sentraladministrasjon", en: "Central administration" },
];

/**
 * The four status codes of a model question, worded as printed ("Har allerede innført
 * serviceerklæringer"). No "vet ikke" box is printed for these.
 */
export function statusCodes(noun: Text): CodeLabel[] {
  return [
    { code: 1, no: `Har allerede innført ${noun.no}`, en: `Has already introduced ${noun.en}` },
    { code: 2, no: `Holder på å innføre ${noun.no}`, en: `Is introducing ${noun.en}` },
    { code: 3, no: `Planlegger å innføre ${noun.no}`, en: `Plans to introduce ${noun.en}` },
    { code: 4, no: `Har ikke planer om å innføre ${noun.no}`, en: `Has no plans to introduce ${noun.en}` },
  ];
}

/** Service-area grid (q4, q8, q13, q17, q21, q25). */
export const AREA_CODES: CodeLabel[] = [
  { code: 1, no: "Er innført", en: "Introduced" },
  { code: 2, no: "Under innføring", en: "Being introduced" },
  { code: 3, no: "Planlagt innført", en: "Planned" },
  { code: 9, no: "Vet ikke", en: "Don't know" },
];

const DEGREES: CodeLabel[] = [
  { code: 1, no: "I stor grad", en: "To a large extent" },
  { code: 2, no: "I nokså stor grad", en: "To a fairly large extent" },
  { code: 3, no: "I nokså liten grad", en: "To a fairly small extent" },
  { code: 4, no: "I liten grad", en: "To a small extent" },
];

/** Results batteries (q5, q10, q14, q18, q22, q26) and q28. */
export const DEGREE_SCALE: CodeLabel[] = [...DEGREES, { code: 9, no: "Uaktuelt/vet ikke", en: "Not applicable/don't know" }];

/** Expectations met (q6, q11, q15, q19, q23, q27). */
export const EXPECTATION_SCALE: CodeLabel[] = [...DEGREES, { code: 9, no: "Vet ikke", en: "Don't know" }];

/** q30 prints its "Uaktuelt/vet ikke" box as 5, not 9. */
export const Q30_SCALE: CodeLabel[] = [...DEGREES, { code: 5, no: "Uaktuelt/vet ikke", en: "Not applicable/don't know" }];

/** Barriers (q29). */
export const AGREE_SCALE: CodeLabel[] = [
  { code: 1, no: "Helt enig", en: "Fully agree" },
  { code: 2, no: "Delvis enig", en: "Partly agree" },
  { code: 3, no: "Delvis uenig", en: "Partly disagree" },
  { code: 4, no: "Helt uenig", en: "Fully disagree" },
  { code: 9, no: "Uaktuelt/vet ikke", en: "Not applicable/don't know" },
];

/** q34 as printed; SSB's size classes use the same bands. */
export const SIZE_BANDS: CodeLabel[] = [
  { code: 1, no: "0-999 innbyggere", en: "0–999 inhabitants" },
  { code: 2, no: "1000 – 4999 innbyggere", en: "1,000–4,999 inhabitants" },
  { code: 3, no: "5000 – 14999 innbyggere", en: "5,000–14,999 inhabitants" },
  { code: 4, no: "15000 – 24999 innbyggere", en: "15,000–24,999 inhabitants" },
  { code: 5, no: "25000 – 49999 innbyggere", en: "25,000–49,999 inhabitants" },
  { code: 6, no: "50000 og flere innbyggere", en: "50,000 inhabitants or more" },
];

/** The nine other models of q28, printed order. */
export const OTHER_MODELS: readonly Text[] = [
  { no: "Benchmarking/systematisk sammenligning", en: "Benchmarking/systematic comparison" },
  { no: "Brukerundersøkelser", en: "User surveys" },
  { no: "Egen-evalueringer", en: "Self-evaluations" },
  { no: "Konseptet total kvalitetsledelse (TQM)", en: "Total quality management (TQM)" },
  { no: "Ulike kvalitetssystemer (ISO, IMO)", en: "Quality systems (ISO, IMO)" },
  { no: "Den Norske kvalitetsprisen (EFQM)", en: "The Norwegian quality award (EFQM)" },
  { no: "Kvalitetsindikatorer/-standarder", en: "Quality indicators/standards" },
  { no: "Forbedringsgrupper/kvalitetssirkler", en: "Improvement groups/quality circles" },
  { no: "Selvstyrte arbeidsgrupper", en: "Self-managed work groups" },
];

/** Counties (fylker) of 1999; 13 is unused. */
export const FYLKER_1999: CodeLabel[] = [
  [1, "Østfold"], [2, "Akershus"], [3, "Oslo"], [4, "Hedmark"], [5, "Oppland"], [6, "Buskerud"],
  [7, "Vestfold"], [8, "Telemark"], [9, "Aust-Agder"], [10, "Vest-Agder"], [11, "Rogaland"],
  [12, "Hordaland"], [14, "Sogn og Fjordane"], [15, "Møre og Romsdal"], [16, "Sør-Trøndelag"],
  [17, "Nord-Trøndelag"], [18, "Nordland"], [19, "Troms"], [20, "Finnmark"],
].map(([code, name]) => ({ code: Number(code), no: String(name), en: String(name) }));

/** Per-item exceptions to a battery's printed layout. */
export type ItemExtras = (index: number) => { columns?: CardColumns; note?: string };

/** One of the six models: its status question, where its block sits on the card, its wording. */
export interface Model {
  /** Question number of the status question (3, 7, 12, 16, 20, 24). */
  status: number;
  /** The printed skip target for status 4. */
  goto: string;
  statusColumn: number;
  name: Text;
  /** The model as it is named inside the printed sentences. */
  noun: Text;
  statusQuestion: Text;
  results: readonly Text[];
  /** Servicetorg carries q9 (intranet) between its areas and its results. */
  intranet?: boolean;
  areaExtras?: ItemExtras;
  resultExtras?: ItemExtras;
  expectationColumnWhy?: string;
  expectationNote?: string;
}

const cut = (printed: string, why: string) => `Printed "${printed}": the last digit is cut in the extract. ${why}`;

export const MODELS: readonly Model[] = [
  {
    status: 3, goto: "q7", statusColumn: 11,
    name: { no: "Serviceerklæringer", en: "Service declarations" },
    noun: { no: "serviceerklæringer", en: "service declarations" },
    statusQuestion: {
      no: "I hvilken grad har kommunen eller fylkeskommunen tatt i bruk serviceerklæringer? Sett ett kryss.",
      en: "To what extent has the municipality or county adopted service declarations? One cross.",
    },
    results: [
      { no: "Økt bevisstgjøring om brukernes behov og rettigheter blant de ansatte", en: "Greater awareness among staff of users' needs and rights" },
      { no: "Bedre informasjon til brukerne om tjenestenes innhold", en: "Better information to users about the content of services" },
      { no: "Bedre kvalitet på tjenestene", en: "Better quality of services" },
      { no: "Mer realistiske forventninger blant brukerne til kommunens tjenesteyting", en: "More realistic user expectations of the municipality's services" },
    ],
  },
  {
    status: 7, goto: "q12", statusColumn: 27, intranet: true,
    name: { no: "Servicetorg", en: "Service centre" },
    noun: { no: "servicetorg", en: "a service centre" },
    statusQuestion: {
      no: "I hvilken grad har kommunen eller fylkeskommunen innført servicetorg? Sett ett kryss.",
      en: "To what extent has the municipality or county introduced a service centre? One cross.",
    },
    results: [
      { no: "Raskere saksbehandling av mindre saker", en: "Faster handling of minor cases" },
      { no: "Bedre informasjon til brukerne", en: "Better information to users" },
      { no: "Mer samordnet opptreden fra kommunens side overfor brukerne", en: "More coordinated conduct towards users" },
      { no: "Mer tilgjengelige tjenester for brukerne", en: "More accessible services for users" },
    ],
  },
  {
    status: 12, goto: "q16", statusColumn: 44,
    name: { no: "Elektronisk servicenettverk", en: "Electronic service network" },
    noun: { no: "elektronisk servicenettverk", en: "an electronic service network" },
    statusQuestion: {
      no: "I hvilken grad har kommunen eller fylkeskommunen innført elektronisk servicenettverk? Sett ett kryss.",
      en: "To what extent has the municipality or county introduced an electronic service network? One cross.",
    },
    results: [
      { no: "Mer effektiv kommunikasjon med innbyggerne", en: "More efficient communication with residents" },
      { no: "Innbyggerne får bedre tilgang på oppdatert informasjon om kommunen", en: "Residents get better access to up-to-date information" },
      { no: "Innbyggerne får raskere og bedre service", en: "Residents get faster and better service" },
    ],
  },
  {
    status: 16, goto: "q20", statusColumn: 59,
    name: { no: "Etisk prosess", en: "Ethical process" },
    noun: { no: "Etisk prosess", en: "an ethical process" },
    statusQuestion: {
      no: "I hvilken grad har kommunen eller fylkeskommunen innført Etisk prosess? Sett ett kryss.",
      en: "To what extent has the municipality or county introduced an ethical process? One cross.",
    },
    areaExtras: (i) =>
      i === 0
        ? {
            columns: {
              start: 60, end: 60, inferred: true,
              note: "The Skole line is missing in the extract; column 60 is the only gap between q16 (59) and Barnehager (61).",
            },
            note: "The extract of q17 lists nine areas from Barnehager (61); every other grid prints the same ten areas, so Skole is assumed printed on the form and lost in extraction.",
          }
        : {},
    results: [
      { no: "Økt kunnskap om hvilke verdier brukerne anser som viktige", en: "More knowledge of which values users consider important" },
      { no: "Bekreftelse på om kommunen klarer å realisere viktige verdier", en: "Confirmation of whether the municipality realises important values" },
      { no: "Bedre forståelse blant de ansatte for hvordan verdiene kan realiseres i praksis", en: "Better staff understanding of how the values can be realised in practice" },
    ],
  },
  {
    status: 20, goto: "q24", statusColumn: 74,
    name: { no: "Balansert målstyring", en: "Balanced scorecard" },
    noun: { no: "balansert målstyring", en: "balanced scorecard" },
    statusQuestion: {
      no: "I hvilken grad har kommunen eller fylkeskommunen innført balansert målstyring? Sett ett kryss.",
      en: "To what extent has the municipality or county introduced balanced scorecard? One cross.",
    },
    results: [
      { no: "Bedre forståelse for sammenhengen mellom mål og tiltak/aktiviteter", en: "Better understanding of the link between goals and measures/activities" },
      { no: "Mer helhetlig grunnlag for resultatrapportering og -evaluering", en: "A more comprehensive basis for reporting and evaluating results" },
      { no: "Økt fokus på forhold knyttet til ansatte, interne prosesser, brukere og læring", en: "More focus on employees, internal processes, users and learning" },
    ],
    expectationNote: "Misprinted as question \"6.\" in the questionnaire; it sits between 22 and 24, so it is q23.",
  },
  {
    status: 24, goto: "q28", statusColumn: 89,
    name: { no: "Prosessforbedringer/-ombygging (BPR)", en: "Process improvement/re-engineering (BPR)" },
    noun: { no: "metoder for prosessforbedring/-ombygging", en: "methods for process improvement/re-engineering" },
    statusQuestion: {
      no: "I hvilken grad har kommunen eller fylkeskommunen innført metoder for prosessforbedring/-ombygging? Sett ett kryss.",
      en: "To what extent has the municipality or county introduced methods for process improvement/re-engineering? One cross.",
    },
    results: [
      { no: "Fått et effektivt verktøy for å endre og bygge om arbeidsprosesser", en: "Gained an effective tool for changing and rebuilding work processes" },
      { no: "Bedre utnyttelse av virksomhetens ressurser (økonomi, personell, utstyr)", en: "Better use of resources (finance, staff, equipment)" },
      { no: "Økt kvalitet på tjenestene", en: "Higher quality of services" },
      { no: "De ansatte er blitt sterkere involvert i utvikling av arbeidsprosesser de er en del av", en: "Employees more involved in developing their own work processes" },
    ],
    resultExtras: (i) =>
      i < 3
        ? { columns: { start: 100 + i, end: 100 + i, inferred: true, note: cut("10", "q25 ends at 99 and q26_4 prints 103, so the first three items are 100–102.") } }
        : {},
    expectationColumnWhy: cut("10", "q26_4 prints 103 and q28 must start at 105 (nine items ending before q29's 114), so q27 is 104."),
  },
];
