/**
 * The thesis findings, transcribed as values with the exact words they rest on. Running this file
 * (`npx tsx scripts/data/thesis-source.ts`, also part of `npm run data:build`) finds each quote's
 * lines in the seed text and writes `data/thesis-2016/thesis.json`. A quote that is not in the text
 * stops the build: a citation can never point at words the thesis does not say.
 */
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { CASE_IDS, parseThesis, type CaseId, type CaseTopic, type ChallengeId, type Cited, type ThesisCase, type ThesisData, type ThesisLiteratureItem, type ThesisNumber } from "../../src/data/thesis";
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
    dormancy: f("dormant for several years after 2006; revived about three years before the interview", "Manglende tilpasning og derfor en lite anvendelig målemodell, førte til at BMS ble et sovende verktøy i flere år"),
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
  { id: "14", caption: f("Utfordringer knyttet til BMS og MRS", "Tabell 14: Utfordringer knyttet til BMS og MRS"), fields: ["challengeRows", "caseFindings"], note: "The extract keeps the challenge labels but loses the per-municipality marks; which case met which challenge is taken from section 5.3 and the cases' own \"Utfordringer\" sections, each with the case's words on that challenge (caseFindings)." },
];

/**
 * Tabell 14, row by row. The extract prints the rows as a list after "Tabell 14 viser …"; each quote
 * runs into its neighbour where the label alone also stands in Tabell 2 or the text, so it is found
 * inside Tabell 14 (the build checks the lines).
 */
const challengeRows: Array<{ id: ChallengeId; cited: Draft<string> }> = [
  { id: "adaptation", cited: f("Tilpasning til egen kontekst – Bredden av ulike tjenester", "Tilpasning til egen kontekst - Bredden av ulike tjenester") },
  { id: "indicators", cited: f("Etablering av måleindikatorer – Riktig antall indikatorer – Måling av kvalitet – Type tjenester kommuner tilbyr", "Etablering av måleindikatorer - Riktig antall indikatorer - Måling av kvalitet") },
  { id: "hard-to-measure", cited: f("Vanskelig målbart – Type tjenester kommuner tilbyr – Langsiktige og sammensatte effekter – Noe vanskelig å måle kvantitativt", "Vanskelig målbart - Type tjenester kommuner tilbyr - Langsiktige og sammensatte effekter") },
  { id: "reporting-times", cited: f("Ulike rapporteringstidspunkt", "Noe vanskelig å måle kvantitativt Ulike rapporteringstidspunkt") },
  { id: "mindset", cited: f("Endring av tankesettet i kommunen", "Ulike rapporteringstidspunkt Endring av tankesettet i kommunen") },
  { id: "data-collection", cited: f("Datainnsamling og informasjonsprosessering", "Endring av tankesettet i kommunen Datainnsamling og informasjonsprosessering") },
  { id: "maintenance", cited: f("Oppdatering og vedlikehold av systemet", "Datainnsamling og informasjonsprosessering Oppdatering og vedlikehold av systemet") },
  { id: "political-governance", cited: f("Politisk styrt og folkevalgt kommunestyre", "Politisk styrt og folkevalgt kommunestyre Tabell 14") },
];

/**
 * Each case's own words per topic: for a challenge, what that case experienced of it (its
 * "Utfordringer" section or section 5.3, where the thesis names the case); for effects and
 * measures, the sentence that says exactly that thing. The build checks that every quote stands in
 * the case's own chapter or in the comparative chapter 5.
 */
const caseFindingDrafts: Array<{ caseId: CaseId; topic: CaseTopic; cited: Draft<string> }> = [
  // Adapting the model to one's own context: all four (section 5.3, first paragraph).
  { caseId: "A", topic: "challenge:adaptation", cited: f("adapting the model and arriving at the overall scorecard was one of the big challenges", "Et av de store utfordringene for kommunen var arbeidet med å tilpasse modellen og å komme frem til det overordnede målekartet de har nå") },
  { caseId: "B", topic: "challenge:adaptation", cited: f("the breadth of services made a scorecard adapted to B hard to establish", "Stor bredde i tjenester har vært en utfordring i forbindelse med å etablere et målekort som er tilpasset kommune B og deres situasjon") },
  { caseId: "C", topic: "challenge:adaptation", cited: f("hard to arrive at one scorecard that took account of the sides of the organisation", "Kommune C opplevde også at det hadde vært vanskelig å komme frem til et målekart som tok hensyn til de ulike sidene ved organisasjonen") },
  { caseId: "D", topic: "challenge:adaptation", cited: f("hard to fit the scorecard to the municipality's existing plans", "Kommune D hadde blant annet opplevd utfordringer knyttet til å etablere et målekart i tråd med de allerede eksisterende planene i kommuen") },
  // Establishing indicators: all four ("spesialt vanskelig hos alle kommunen").
  { caseId: "A", topic: "challenge:indicators", cited: f("finding the right indicators, above all for quality", "Kommunen har også hatt utfordringer knyttet til å finne riktige måleindikatorer. En stor utfordring har blant annet vært knyttet til hvordan man skal måle kvalitet") },
  { caseId: "B", topic: "challenge:indicators", cited: f("too many indicators; hard to know which matter most", "Kommune B synes at det var vanskelig å spisse det ned til hva som er viktigst innenfor de ulike tjenestene da det er så mange forhold å ta hensyn til. Dette har resultert i at kommune B har endt opp med et stort antall måleindikatorer") },
  { caseId: "C", topic: "challenge:indicators", cited: f("finding the right indicators is a standing challenge", "«Å finne de riktige indikatorene, for å kunne si om vi har nådd målet, det er en utfordring, og som vi hele tiden derfor må jobbe med»") },
  { caseId: "D", topic: "challenge:indicators", cited: f("indicators of quality were especially hard in all four municipalities", "Det å vite hvordan man skal måle kvalitet, og å finne indikatorer som kan si noe om kvaliteten ble påpekt som spesialt vanskelig hos alle kommunen") },
  // Hard to measure: all four.
  { caseId: "A", topic: "challenge:hard-to-measure", cited: f("at times hard to measure", "Informanten fortalte at de hadde erfart at det til tider er vanskelig målbart") },
  { caseId: "B", topic: "challenge:hard-to-measure", cited: f("many of a municipality's services are hard to measure", "Det er mange av tjenestene til en kommune som det er vanskelig å måle") },
  { caseId: "C", topic: "challenge:hard-to-measure", cited: f("some services are very hard to measure", "Informanten forklarer også at det er noen av tjenestene som er veldig vanskelig å måle") },
  { caseId: "D", topic: "challenge:hard-to-measure", cited: f("services hard to measure: a challenge in all four municipalities", "det er derfor noen tjenester det er vanskelig å finne gode mål og indikatorer på. Dette ble pekt på som en utfordring i alle de fire kommunene") },
  // Different reporting times: all four.
  { caseId: "A", topic: "challenge:reporting-times", cited: f("different reporting times", "Ulike rapporteringstidspunkter er også en utfordring for kommunen") },
  { caseId: "B", topic: "challenge:reporting-times", cited: f("different reporting times", "forskjellige rapporteringstidspunkt har også vært en utfordring i kommune B") },
  { caseId: "C", topic: "challenge:reporting-times", cited: f("different reporting times", "Ulike rapporteringstidspunkter ble også påpekt som en utfordring i kommunen") },
  { caseId: "D", topic: "challenge:reporting-times", cited: f("long-term effects and different reporting times: named by all four", "Langsiktige og sammensatte effekter som er vanskelige å måle, og ulike rapporteringstidspunkter, ble av alle kommunene pekt på som en utfordring") },
  // Changing the mindset: all four (section 5.3 names each).
  { caseId: "A", topic: "challenge:mindset", cited: f("getting service leaders to take the scorecard seriously after years of dormancy", "For kommune A hadde det vært en utfordring å få tjenestelederne til å ta målekartet på alvor") },
  { caseId: "B", topic: "challenge:mindset", cited: f("getting everyone involved to understand why reporting matters", "Kommune B som er en stor kommune, opplevde utforinger i forhold til å få alle som er involvert til å forstå viktigheten av rapporteringen") },
  { caseId: "C", topic: "challenge:mindset", cited: f("changing the municipality's mindset towards MRS", "Kommune C hadde hatt utfordringer i forhold til å endre tankesettet i kommunen i retning av MRS") },
  { caseId: "D", topic: "challenge:mindset", cited: f("changing the mindset from qualitative to quantitative reporting", "Kommune D hadde hatt utfordringer med å endre tankesettet i forbindelse med å gå fra kvalitativ til kvantitativ rapportering") },
  // Data collection: B only.
  { caseId: "B", topic: "challenge:data-collection", cited: f("access to the necessary data; poor data systems", "Kommune B hadde opplevd utforinger knyttet til å få tilgang til nødvendig data") },
  // Maintenance: D only.
  { caseId: "D", topic: "challenge:maintenance", cited: f("keeping the scorecard up to date with long-term municipal plans", "Kommune D påpekte derimot at langsiktigheten til disse kommuneplanene utgjorde en utfordring i forhold til å oppdatere og utvikle målekartet") },
  // Political governance: C and D.
  { caseId: "C", topic: "challenge:political-governance", cited: f("the earlier BMS was hard to communicate to the politicians", "Den tidligere BMS-modellen hadde som sagt vært vanskelig å kommunisere ut mot det politiske") },
  { caseId: "D", topic: "challenge:political-governance", cited: f("an elected council that must understand the system", "Informanten forklarte at en av utfordringene for en kommune i forhold til BMS er at de har et folkevalgt kommunestyre") },
  // Effects: better reporting (all four), focus beyond money (A, C).
  { caseId: "A", topic: "effect:reporting", cited: f("better reporting of the services delivered", "gitt muligheten til å måle kvalitet, noe som har bidratt til en bedre rapportering av leverte tjenester") },
  { caseId: "B", topic: "effect:reporting", cited: f("more useful information", "Kommune B har også opplevd at BMS bidrar med mer nyttig informasjon") },
  { caseId: "C", topic: "effect:reporting", cited: f("better reporting in the municipality", "Informanten i kommune C forklarte at MRS hadde bidratt til å sette fokus på noe mer enn penger og økonomi, og at dette var en av de viktigste effektene i form av at det førte til en bedre rapportering i kommunen") },
  { caseId: "D", topic: "effect:reporting", cited: f("reporting and analysis became better", "Kommune D hadde i likhet med kommune A opplevd en økt motivasjon blant de ansatte, og at rapporteringen og analysearbeidet av den grunn hadde blitt bedre") },
  { caseId: "A", topic: "effect:focus", cited: f("focus on more than money", "BMS har bidratt med å sette fokus på mer enn bare pengene") },
  { caseId: "C", topic: "effect:focus", cited: f("focus on more than money and the economy", "MRS har bidratt med å sette fokus på noe mer enn kun penger og økonomi") },
  // Satisfied with the system: A and C after adapting it, D from the start.
  { caseId: "A", topic: "expectations-met", cited: f("BMS works very well in its simple form", "Kommunen har forenklet hele systemet, og føler at BMS fungere veldig bra i sin enkle form") },
  { caseId: "C", topic: "expectations-met", cited: f("a system that works well", "Informanten forteller at kommunen opplever at de har klart å komme frem til et system som fungerer bra") },
  { caseId: "D", topic: "expectations-met", cited: f("it has absolutely met the expectations", "det har absolutt stått til forventingene") },
  // User participation among the indicators (Tabell 7–10), every case.
  { caseId: "A", topic: "user-participation", cited: f("Brukermedvirkning (Tabell 7)", "Tabell 7 viser en oversikt over noen overordnede målemetoder og indikatorer som går igjen i de fleste målekartene. Måleindikatorer Målemetoder Brukertilfredshet Brukermedvirkning") },
  { caseId: "B", topic: "user-participation", cited: f("Brukermedvirkning (Tabell 8)", "Tabell 8 viser en oversikt over noen overordnede målemetoder og indikatorer som går igjen i de fleste målekartene. Måleindikatorer Målemetoder Brukertilfredshet Brukermedvirkning") },
  { caseId: "C", topic: "user-participation", cited: f("Brukermedvirkning (Tabell 9)", "Tabell 9 viser en oversikt over disse. Måleindikatorer Målemetoder Brukertilfredshet Brukermedvirkning") },
  { caseId: "D", topic: "user-participation", cited: f("Brukermedvirkning (Tabell 10)", "Tabell 10 viser en oversikt over noen generelle målemetoder og måleindikatorer. Måleindikatorer Målemetoder Brukertilfredshet Brukermedvirkning") },
  // User surveys as a measurement method (Tabell 7–10); B now runs them as in-depth interviews.
  { caseId: "A", topic: "user-surveys", cited: f("Brukerundersøkelse (Tabell 7)", "Regnskapstall Brukerundersøkelse Medarbeiderundersøkelse Nærværsstatestikk") },
  { caseId: "B", topic: "user-surveys", cited: f("user surveys, now as qualitative in-depth interviews", "benytter seg nå av kvalitative dybdeintervjuer i forbindelse med brukerundersøkelsene") },
  { caseId: "C", topic: "user-surveys", cited: f("Brukerundersøkelse (Tabell 9)", "Brukerundersøkelse Medarbeiderundersøkelse Finansielle nøkkeltall KOSTRA-tall Tabell 9") },
  { caseId: "D", topic: "user-surveys", cited: f("Brukerundersøkelse (Tabell 10)", "Regnskapstall Brukerundersøkelse Medarbeiderundersøkelse Finansielle nøkkeltall KOSTRA-tall Nærværsstatistikk") },
  // Resource demands: C's reporting system became very resource demanding.
  { caseId: "C", topic: "resource-demanding", cited: f("the reporting system became very resource demanding", "rapporteringssystemet ble veldig ressurskrevende") },
];

/** The first line whose text is exactly `heading` (section headings stand alone on their line). */
function headingLine(seedText: string, heading: string): number {
  const at = seedText.split("\n").findIndex((line) => line.trim() === heading);
  if (at < 0) throw new Error(`The heading "${heading}" is not in ${THESIS_SEED}; fix the section map in scripts/data/thesis-source.ts.`);
  return at + 1;
}

/** Where the thesis speaks of each case: its chapter 4.k, and the comparative analysis (chapter 5). */
export function caseSections(seedText: string): { chapters: Record<CaseId, [number, number]>; comparative: [number, number]; tabell14: [number, number] } {
  const starts = ["4.1 Kommune A", "4.2 Kommune B", "4.3 Kommune C", "4.4 Kommune D", "4.5 Oppsummering"].map((h) => headingLine(seedText, h));
  const chapter = (k: number): [number, number] => [starts[k] ?? 0, (starts[k + 1] ?? 1) - 1];
  const chapters: Record<CaseId, [number, number]> = { A: chapter(0), B: chapter(1), C: chapter(2), D: chapter(3) };
  const comparative: [number, number] = [headingLine(seedText, "5.1 Innføring"), headingLine(seedText, "6.1 Hovedfunn og bidrag") - 1];
  const tabell14: [number, number] = [locateQuote(seedText, "Tabell 14 viser en oversikt", "Tabell 14")[0], locateQuote(seedText, "Tabell 14: Utfordringer knyttet til BMS og MRS", "Tabell 14")[1]];
  return { chapters, comparative, tabell14 };
}

const within = (lines: [number, number], range: [number, number]): boolean => lines[0] >= range[0] && lines[1] <= range[1];

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
    challengeRows: challengeRows.map((r) => ({ ...r, cited: cite(r.cited, `Tabell 14 ${r.id}`) })),
    caseFindings: caseFindingDrafts.map((d) => ({ ...d, cited: cite(d.cited, `case ${d.caseId} ${d.topic}`) })),
    challengeLabels,
  };
  // A case finding must be the case's own words: in its chapter or the comparative chapter 5.
  const sections = caseSections(seedText);
  for (const finding of data.caseFindings) {
    if (!within(finding.cited.lines, sections.chapters[finding.caseId]) && !within(finding.cited.lines, sections.comparative)) {
      throw new Error(`case ${finding.caseId} ${finding.topic}: the quote stands at lines ${finding.cited.lines.join("–")}, outside chapter 4 on Kommune ${finding.caseId} and the comparative chapter 5; quote words from there (lengthen the quote if its first occurrence is elsewhere).`);
    }
  }
  for (const row of data.challengeRows) {
    if (!within(row.cited.lines, sections.tabell14)) throw new Error(`Tabell 14 ${row.id}: the quote stands at lines ${row.cited.lines.join("–")}, outside Tabell 14; lengthen it so it is found there.`);
  }
  // Every case finding has one quote per case and topic.
  for (const id of CASE_IDS) {
    const topics = data.caseFindings.filter((x) => x.caseId === id).map((x) => x.topic);
    const twice = topics.filter((t, i) => topics.indexOf(t) !== i);
    if (twice.length) throw new Error(`case ${id} cites ${twice.join(", ")} twice; keep one quote per case and topic.`);
  }
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
