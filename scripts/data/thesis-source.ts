/**
 * The thesis findings, transcribed as values with the exact words they rest on. Running this file
 * (`npx tsx scripts/data/thesis-source.ts`, also part of `npm run data:build`) finds each quote's
 * lines in the seed text and writes `data/thesis-2016/thesis.json`. A quote that is not in the text
 * stops the build: a citation can never point at words the thesis does not say.
 */
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseThesis, type ChallengeId, type Cited, type ThesisCase, type ThesisData, type ThesisLiteratureItem, type ThesisNumber } from "../../src/data/thesis";
import { locateQuote } from "./locate-quote";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const THESIS_SEED = "data/sources/004_6c54c9eeaa470838.txt";

type Draft<T> = { value: T; quote: string };
const f = <T>(value: T, quote: string): Draft<T> => ({ value, quote });

type DraftCase = { [K in keyof ThesisCase]: K extends "id" ? ThesisCase[K] : ThesisCase[K] extends Cited<infer V> ? Draft<V> : never };

const challengeLabels: Record<ChallengeId, { no: string; en: string }> = {
  adaptation: { no: "Tilpasning til egen kontekst", en: "Adapting the model to one's own context" },
  stakeholders: { no: "Definering av brukere og andre interessenter", en: "Defining users and other stakeholders" },
  indicators: { no: "Etablering av måleindikatorer", en: "Establishing performance indicators" },
  "data-collection": { no: "Datainnsamling og informasjonsbehandling", en: "Data collection and information processing" },
  "complex-goals": { no: "Komplisert målstruktur", en: "Complicated goal structure" },
  "strategy-maps": { no: "Etablering og bruk av strategikart", en: "Building and using strategy maps" },
  cascading: { no: "Kaskadering og helhetlige målekort", en: "Cascading and integrated scorecards" },
  "limited-resources": { no: "Begrensede ressurser", en: "Limited resources" },
  "hard-to-measure": { no: "Vanskelig målbart", en: "Hard to measure" },
  "reporting-times": { no: "Ulike rapporteringstidspunkt", en: "Different reporting times" },
  mindset: { no: "Endring av tankesettet i kommunen", en: "Changing the municipality's mindset" },
  maintenance: { no: "Oppdatering og vedlikehold av systemet", en: "Updating and maintaining the system" },
  "political-governance": { no: "Politisk styrt og folkevalgt kommunestyre", en: "Political governance and an elected council" },
};

const cases: DraftCase[] = [
  {
    id: "A",
    size: f("small", "Kommune A betraktes som en liten kommune sett i norsk kommunesammenheng"),
    introduced: f(2006, "kommunen innførte BMS som et styringsverktøy i 2006"),
    initiator: f("rådmann (a new rådmann revived it)", "BMS hadde blitt innført for første gang i kommune A, B, og C etter ønske fra daværende rådmenn"),
    motives: f(["new public management changes", "following a trend"], "informanten beskriver det som et valgt som ble tatt da denne modellen vær veldig i vinden"),
    modelName: f("BMS", "Kommune A revitaliserte og innførte BMS på nytt"),
    perspectives: f(["Samfunn", "Brukere", "Medarbeidere", "Økonomi"], "Kommune A Kommune B - Samfunn - Brukere - Medarbeidere - Økonomi"),
    structure: f(["Perspektiver", "Strategisk hovedmål", "KSF", "Måleindikatorer", "Ambisjonsnivå"], "Kommune A Perspektiver Strategisk hovedmål KSF Måleindikatorer Ambisjonsnivå"),
    thresholds: f("ambition-level", "Kommune A har satt et ambisjonsnivå for hver måleindikator som de måler imot"),
    cardScope: f("per-service", "De tre kommunene A, B og C, hadde tilpasset målekartet til hver tjenesteenhet"),
    benchmarking: f(true, "Dette var de to små kommunene, altså kommune A og D"),
    staffInvolvement: f("service leaders highly involved", "Kommune A, B og C har i høy grad involvert tjenestelederne i arbeidet med BMS"),
    topManagement: f("lack of demand from management made BMS dormant; the new rådmann revived it", "Manglende etterspørsel etter BMS-data fra ledelsen i kommune A førte til at BMS ble et sovende verktøy"),
    use: f("measurement", "Kommune A benytter BMS først og fremst som et rapporteringssystem i forbindelse med ytelsesmåling"),
    strategyMap: f("had heard of strategy maps, does not use them", "noe som var tilfellet for kommune A, som hadde hørt om strategikart, men likevel noe de ikke benyttet seg av"),
    incentives: f("none; not mature for it", "Kommune A hadde ikke benyttet seg av noen form for incentiv- eller belønningssystemer"),
    dormancy: f("dormant for several years after 2006; revived about three years before the interview", "Modellen har derimot blitt revitalisert de siste tre årene"),
    challenges: f<ChallengeId[]>(["adaptation", "indicators", "hard-to-measure", "reporting-times", "mindset"], "For kommune A hadde det vært en utfordring å få tjenestelederne til å ta målekartet på alvor"),
    effects: f(["better reporting", "focus beyond money", "more motivated staff"], "Informanten i kommune A forklarer at det har bidratt til å rette et mer tydeligere fokus mot de andre viktige aspektene i kommunen"),
    indicators: f(["Brukertilfredshet", "Brukermedvirkning", "Kvalitet på tjenesteleveransen", "Medarbeidertilfredshet", "Nærvær", "Regnskapstall"], "Måleindikatorer Målemetoder Brukertilfredshet Brukermedvirkning Kvalitet på tjenesteleveransen Medarbeidertilfredshet Nærvær Regnskapstall Brukerundersøkelse"),
    measurementSources: f(["Brukerundersøkelse", "Medarbeiderundersøkelse", "Nærværsstatestikk", "Finansielle nøkkeltall", "KOSTRA-tall", "Fagsystemer"], "Brukerundersøkelse Medarbeiderundersøkelse Nærværsstatestikk Finansielle nøkkeltall KOSTRA-tall Fagsystemer Tabell 7"),
  },
  {
    id: "B",
    size: f("large", "Kommune B er en stor kommune i norsk kommunesammenheng"),
    introduced: f(2003, "Kommune B innførte BMS for første gang i 2003"),
    initiator: f("rådmann", "Det var rådmannen på tidspunktet som var initiativtageren til at BMS ble innført"),
    motives: f(["new public management reorganisation", "development-oriented, wanted to be in front"], "Kommune B beskrev kommunen som en utviklingsorientert kommune, som ønsket å være i front og hoppe på nye ting"),
    modelName: f("BMS", "Tre av de fire kommunene som innførte BMS benytter seg av det de kaller for BMS i dag"),
    perspectives: f(["Økonomi", "Brukere", "Tjenesteproduksjon", "Medarbeidere", "Samfunn"], "Kommune B har også et femte perspektiv som er tjenesteproduksjon"),
    structure: f(["Perspektiver", "Strategiske utfordringer", "Arbeidsmål/KSF", "Måleindikatorer", "Resultatmål"], "Kommune B Perspektiver Strategiske utfordringer Arbeidsmål/KSF Måleindikatorer Res.mål"),
    thresholds: f("result-target", "kommune B har satt et resultatmål for hva som er akseptabelt under hver måleindikator"),
    cardScope: f("per-service", "De tre kommunene A, B og C, hadde tilpasset målekartet til hver tjenesteenhet"),
    benchmarking: f(false, "To av kommunene hadde benyttet seg av en form for benchmarking i forbindelse med BMS"),
    staffInvolvement: f("service leaders highly involved", "Kommune A, B og C har i høy grad involvert tjenestelederne i arbeidet med BMS"),
    topManagement: f("low priority and interest from management at first", "manglende prioritering og interesse hos ledelsen førte til at modellen den gang aldri kom inn i styringsdialogen"),
    use: f("steering", "Både kommune B, C og D bruker BMS mer som et verktøy for styring og ledelse enn til ren ytelsesmåling"),
    strategyMap: f("knows strategy maps; works with cause–effect links instead", "Kommune B hadde også kjennskap til strategikart i BMS"),
    incentives: f("bonus schemes tried and abandoned; ranking and openness instead", "Kommune B hadde prøvd seg med noen belønningssystemer og bonusavtaler tidligere"),
    dormancy: f("never became a living tool at first; developed continuously since 2003", "Kommunen klarte ikke å gjøre BMS til et «levende» verktøy"),
    challenges: f<ChallengeId[]>(["adaptation", "indicators", "hard-to-measure", "reporting-times", "mindset", "data-collection"], "Kommune B hadde opplevd utforinger knyttet til å få tilgang til nødvendig data"),
    effects: f(["more useful information", "better basis to improve services"], "Kommune B har også opplevd at BMS bidrar med mer nyttig informasjon"),
    indicators: f(["Brukertilfredshet", "Brukermedvirkning", "Kvalitet på tjenesteleveransen", "Medarbeidertilfredshet", "Sykefravær", "Ressursutnyttelse", "Omfang på tjenesten", "Effektivitet på tjenesten", "Kompetanse og rekruttering", "Regnskapstall"], "Sykefravær Ressursutnyttelse Omfang på tjenesten Effektivitet på tjenesten Kompetanse og rekruttering Regnskapstall"),
    measurementSources: f(["Brukerundersøkelse (qualitative in-depth interviews)", "Medarbeiderundersøkelse", "Finansielle nøkkeltall", "KOSTRA-tall", "Fagsystemer"], "Kommunen har blant annet valgt å gå vekk fra tradisjonelle brukerundersøkelser, og benytter seg nå av kvalitative dybdeintervjuer"),
  },
  {
    id: "C",
    size: f("large", "kommune B og kommune C er store kommuner, og de to andre er to små kommuner"),
    introduced: f(2003, "Kommune C innførte BMS i 2003"),
    initiator: f("rådmann (a new rådmann drove the move to MRS)", "BMS ble revitalisert i kommune A og utviklet til MRS i kommune C etter ønske fra den nye rådmannen"),
    motives: f(["legitimacy", "a new steering tool for the changes of new public management"], "Motivet til kommunen for å innføre BMS i 2003 kan sies å ha vært en blanding av et legitimeringsbehov"),
    modelName: f("Mål- og resultatstyring (MRS) since 2012", "I 2012 ble modellen videreutviklet til å omfatte mål og resultatstyring"),
    perspectives: f(["Brukere", "Økonomi", "Medarbeidere"], "Kommune C Kommune D - Brukere - Økonomi - Medarbeidere"),
    structure: f(["Strategiske målsettinger", "KSF", "Måleindikatorer", "Terskelverdier (rød, gul, grønn)"], "Kommune C Strategiske målsettinger KSF Måleindikatorer Terskelverdier (rød, gul, grønn)"),
    thresholds: f("traffic-light", "Både kommune C og D benytter seg av terskelverdier i form av fargekoder"),
    cardScope: f("per-service", "De tre kommunene A, B og C, hadde tilpasset målekartet til hver tjenesteenhet"),
    benchmarking: f(false, "To av kommunene hadde benyttet seg av en form for benchmarking i forbindelse med BMS"),
    staffInvolvement: f("service and unit leaders involved in table dialogues", "Kommune C involverte også virksomhetslederne i sine borddialoger"),
    topManagement: f("rådmann central and very involved in MRS", "rådmannen hadde hatt en sentral rolle i videreutviklingen av BMS til MRS"),
    use: f("steering", "Både kommune B, C og D bruker BMS mer som et verktøy for styring og ledelse enn til ren ytelsesmåling"),
    strategyMap: f("had not heard of strategy maps; wants a visualisation", "Kommune C hadde heller ikke hørt om strategikart"),
    incentives: f("none, and none planned", "Kommune C og D bruker heller ikke noen form for incentiv- eller belønningssystemer"),
    dormancy: f("BMS too extensive; simplified into MRS in 2012", "Kommune C opplevde at BMS ble for omfattende"),
    challenges: f<ChallengeId[]>(["adaptation", "indicators", "hard-to-measure", "reporting-times", "mindset", "political-governance"], "Kommuner er politisk styrte organisasjoner, og dette ble blant annet påpekt som en utfordring i forhold til BMS av kommune C og D"),
    effects: f(["focus beyond money", "richer insight into service delivery", "help to prioritise"], "MRS har gitt en bedre og rikere innsikt i tjenesteleveransen"),
    indicators: f(["Brukertilfredshet", "Brukermedvirkning", "Medarbeidertilfredshet", "Sykefravær", "Turnover", "Kvalitet på tjenestetilbudet", "Kompetanse/rekruttering", "Regnskapstall"], "Sykefravær Turnover Kvalitet på tjenestetilbudet Kompetanse/rekruttering Regnskapstall"),
    measurementSources: f(["Brukerundersøkelse", "Medarbeiderundersøkelse", "Finansielle nøkkeltall", "KOSTRA-tall"], "Brukerundersøkelse Medarbeiderundersøkelse Finansielle nøkkeltall KOSTRA-tall Tabell 9"),
  },
  {
    id: "D",
    size: f("small", "Kommune D er en liten kommune i norsk kommunesammenheng"),
    introduced: f(2011, "kommunen innførte BMS i 2011"),
    initiator: f("rådmann (newly hired)", "BMS ble innført i kommune D da nåværende rådmann ble ansatt som ny rådmann"),
    motives: f(["need for better management", "from qualitative to quantitative reporting"], "Kommune D innførte derimot BMS på bakgrunn av behovet for bedre virksomhetsstyring"),
    modelName: f("«Kommune D-modellen»", "Kommunen har blant annet valgt å gi BMS en identitet gjennom å kalle modellen for «Kommune D-modellen»"),
    perspectives: f(["Brukere", "Medarbeidere", "Økonomi", "Samfunn"], "- Brukere - Medarbeidere - Økonomi - Samfunn Tabell 12: Oversikt perspektiver"),
    structure: f(["Perspektiver", "Fokusområder/KSF", "Måleindikatorer", "Terskelverdier (rød, gul, grønn)"], "Kommune D Perspektiver Fokusområder/KSF Måleindikatorer Terskelverdier (rød, gul, grønn)"),
    thresholds: f("traffic-light", "Både kommune C og D benytter seg av terskelverdier i form av fargekoder"),
    cardScope: f("shared", "brukte det samme målekartet på alle tjenesteområdene"),
    benchmarking: f(true, "Dette var de to små kommunene, altså kommune A og D"),
    staffInvolvement: f("bottom-up input, but service leaders not involved in drafting the card", "beskriver sin prosess som en «buttom-up»-prosess"),
    topManagement: f("rådmann the visible front figure of BMS", "Rådmannen har vært en frontfigur i forhold til å fronte BMS i kommunen"),
    use: f("steering", "Både kommune B, C og D bruker BMS mer som et verktøy for styring og ledelse enn til ren ytelsesmåling"),
    strategyMap: f("had not heard of strategy maps; builds cause–effect links", "Kommune D hadde ikke hørt om strategikart"),
    incentives: f("none, and none planned", "Kommune C og D bruker heller ikke noen form for incentiv- eller belønningssystemer"),
    dormancy: f("none: a successful introduction in 2011", "Kommune D innførte BMS i 2011, og kommunen har hatt en vellykket innføring av BMS"),
    challenges: f<ChallengeId[]>(["adaptation", "indicators", "hard-to-measure", "reporting-times", "mindset", "maintenance", "political-governance"], "Kommune D påpekte derimot at langsiktigheten til disse kommuneplanene utgjorde en utfordring"),
    effects: f(["more quantitative reporting", "more cross-disciplinary work", "more strategic work", "more motivated staff"], "BMS har ført til at man jobber mye mer tverrfaglig i kommunen"),
    indicators: f(["Brukertilfredshet", "Brukermedvirkning", "Økonomistyring", "Medarbeidertilfredshet", "Nærvær", "Kvalitet på tjenestetilbudet", "Effektivitet", "Kompetanse"], "Brukertilfredshet Brukermedvirkning Økonomistyring Medarbeidertilfredshet Nærvær Kvalitet på tjenestetilbudet Effektivitet Kompetanse"),
    measurementSources: f(["Regnskapstall", "Brukerundersøkelse", "Medarbeiderundersøkelse", "Finansielle nøkkeltall", "KOSTRA-tall", "Nærværsstatistikk", "Fagsystemer"], "Regnskapstall Brukerundersøkelse Medarbeiderundersøkelse Finansielle nøkkeltall KOSTRA-tall Nærværsstatistikk Fagsystemer"),
  },
];

const numbers: Array<Omit<ThesisNumber, "cited"> & { cited: Draft<number> }> = [
  { id: "bms-2004", label: "Norwegian municipalities using BMS, 2004", value: 26, unit: "percent", year: 2004, source: "Fallan et al. (2015)", cited: f(26, "Antall norske kommuner som bruker BMS har økt fra 26 prosent i 2004") },
  { id: "bms-2014", label: "Norwegian municipalities using BMS, 2014", value: 56, unit: "percent", year: 2014, source: "Fallan et al. (2015)", cited: f(56, "til 56 prosent i 2014 (Fallan et al., 2015)") },
  { id: "bms-using-or-planning", label: "Municipalities using or planning to use BMS", value: 65, unit: "percent", year: 2014, source: "Fallan et al. (2015)", cited: f(65, "65 prosent av kommunene bruker eller planlegger å ta i bruk BMS") },
  { id: "indicators-per-card", label: "Indicators on an average municipal scorecard", value: 20, unit: "count", year: 2004, source: "KRD (2004) Resultatledelse", cited: f(20, "et gjennomsnittlig målekort for en kommune inneholder ca. 20 måleindikatorer fordelt på 4-5 fokusområder") },
  { id: "cases-shortlist", label: "Municipalities on the thesis's prioritised shortlist", value: 15, unit: "count", source: "thesis", cited: f(15, "Denne listen bestod av 15 kommuner") },
];

/** Quotes anchored inside Tabell 2 where the label alone first occurs elsewhere or is split. */
const tabell2Quote: Partial<Record<ChallengeId, string>> = {
  indicators: "Etablering av måleindikatorer og årsak- virkningssammenhenger",
  "data-collection": "Datainnsamling og informasjonsbehandling Komplisert",
  "strategy-maps": "Etablering og bruk av strategikart Kaskadering",
};

const literature: Array<Omit<ThesisLiteratureItem, "cited"> & { cited: Draft<string> }> = [
  ...(["adaptation", "stakeholders", "indicators", "data-collection", "complex-goals", "strategy-maps", "cascading", "limited-resources"] as const).map((id) => ({
    id,
    no: challengeLabels[id].no,
    en: challengeLabels[id].en,
    kind: "challenge" as const,
    cited: f(challengeLabels[id].no, tabell2Quote[id] ?? challengeLabels[id].no),
  })),
  ...[
    ["right-adaptation", "Riktig tilpasning", "Right adaptation"],
    ["few-indicators", "Begrenset antall fleksible og sammenlignbare måleindikatorer", "A limited number of flexible, comparable indicators"],
    ["incentives", "Incentiv- og belønningssystemer", "Incentive and reward systems"],
    ["benchmarking", "Benchmarking", "Benchmarking"],
    ["top-management", "Involvert toppledelse", "Involved top management"],
  ].map(([id = "", no = "", en = ""]) => ({
    id,
    no,
    en,
    kind: "success-factor" as const,
    cited: f(no, no === "Benchmarking" ? "Benchmarking Involvert toppledelse Tabell 2" : no),
  })),
];

const tables: Array<{ id: string; caption: Draft<string>; fields: string[]; note?: string }> = [
  { id: "2", caption: f("Utfordringer og suksessfaktorer knyttet til BMS i kommunal sektor", "Tabell 2: Utfordringer og suksessfaktorer knyttet til BMS i kommunal sektor"), fields: ["literature"] },
  { id: "5", caption: f("Oversikt casekommuner", "Tabell 5: Oversikt casekommuner"), fields: ["introduced", "size"] },
  { id: "7", caption: f("Overordnede indikatorer og målemetoder (kommune A)", "Tabell 7: Overordnede indikatorer og målemetoder"), fields: ["indicators", "measurementSources"], note: "The extract runs the two columns into one list; indicators and measurement methods were split by meaning (Regnskapstall counted as an indicator)." },
  { id: "8", caption: f("Overordnede indikatorer og målemetoder (kommune B)", "Tabell 8: Overordnede indikatorer og målemetoder"), fields: ["indicators", "measurementSources"], note: "Columns run together in the extract; split as for Tabell 7." },
  { id: "9", caption: f("Overordnede indikatorer og målemetoder (kommune C)", "Tabell 9: Overordnede indikatorer og målemetoder"), fields: ["indicators", "measurementSources"], note: "Columns run together in the extract; split as for Tabell 7." },
  { id: "10", caption: f("Generelle indikatorer og målemetoder (kommune D)", "Tabell 10: Generelle indikatorer og målemetoder"), fields: ["indicators", "measurementSources"], note: "Columns run together in the extract; for D, Regnskapstall follows the eight indicators and is read as a measurement source." },
  { id: "11", caption: f("Tidspunkt for innføringen av BMS", "Tabell 11: Tidspunkt for innføringen av BMS"), fields: ["introduced"] },
  { id: "12", caption: f("Oversikt perspektiver", "Tabell 12: Oversikt perspektiver"), fields: ["perspectives"] },
  { id: "13", caption: f("Strukturen på målekartet i de ulike kommunene", "Tabell 13: Strukturen på målekartet i de ulike kommunene"), fields: ["structure", "thresholds"] },
  { id: "14", caption: f("Utfordringer knyttet til BMS og MRS", "Tabell 14: Utfordringer knyttet til BMS og MRS"), fields: ["challenges"], note: "The extract keeps the challenge labels but loses the per-municipality marks; each case's challenges are taken from the text of section 5.3, which names the municipalities for each challenge." },
];

/** Resolve every draft's quote to its lines and assemble the data. */
export function buildThesis(seedText: string): ThesisData {
  const cite = <T>(draft: Draft<T>, where: string): Cited<T> => ({ ...draft, lines: locateQuote(seedText, draft.quote, where) });
  const builtCases = cases.map((c) => {
    const out: Record<string, unknown> = { id: c.id };
    for (const [key, draft] of Object.entries(c)) if (key !== "id" && typeof draft === "object") out[key] = cite<unknown>(draft, `case ${c.id}.${key}`);
    return out;
  });
  const data = {
    source: "Master's thesis, Høgskolen i Sørøst-Norge, 2016: balansert målstyring in four Norwegian municipalities (Kommune A–D)",
    seedFile: THESIS_SEED,
    tables: tables.map((t) => ({ ...t, caption: cite(t.caption, `Tabell ${t.id}`) })),
    cases: builtCases,
    numbers: numbers.map((n) => ({ ...n, cited: cite(n.cited, `number ${n.id}`) })),
    literature: literature.map((l) => ({ ...l, cited: cite(l.cited, `literature ${l.id}`) })),
    challengeLabels,
  };
  // Validate what we built with the same boundary check the app uses.
  return parseThesis(data);
}

/** Write data/thesis-2016/thesis.json. */
export function writeThesis(): string {
  const seed = readFileSync(resolve(root, THESIS_SEED), "utf8");
  const json = `${JSON.stringify(buildThesis(seed), null, 2)}\n`;
  const out = resolve(root, "data/thesis-2016/thesis.json");
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, json);
  return out;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(`wrote ${writeThesis()}`);
}
