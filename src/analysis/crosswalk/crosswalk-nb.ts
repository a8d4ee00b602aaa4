/**
 * The crosswalk's own words in bokmål: for each comparison of `crosswalk-spec.ts` (by id) its title,
 * the thesis finding, the survey measure, the rationale and the reason for its threshold, saying
 * what the English says. The survey measures use the 1999 questionnaire's own wording (the
 * codebook's `no` labels, checked by a unit test against the codebook), the findings the thesis's
 * words where they quote it («…»). The measures themselves (variables, codes, thresholds) are the
 * spec's, never repeated here: `localized-crosswalk.ts` lays these words over them.
 */

/** A comparison's words in one language. */
export interface ComparisonWords {
  title: string;
  /** The thesis finding in one sentence. */
  finding: string;
  /** What the survey asked, in words. */
  surveyMeasure: string;
  /** Why this pair, and why the expected direction. */
  rationale: string;
  /** Why the threshold (a share) or the later figure's side (diffusion) is where it is; absent for tests. */
  why?: string;
}

const MAJORITY_ALL_FOUR = "Alle de fire kommunene opplevde det: gjelder det generelt, bør mer enn halvparten si det (50 %).";
const QUARTER_SOME = (cases: string): string => `Oppgaven finner det i ${cases} av de fire kommunene og generaliserer ikke: undersøkelsen stemmer når mer enn én av fire sier det, mer enn et unntak (25 %).`;
const EXCEPTION_NONE = "Ingen av de fire kommunene gjorde det: det bør forbli unntaket, færre enn én av fire (25 %).";

/** The labels of the spec's restrictions and groups (`among`, a groups measure's `a` and `b`), by their English label. */
export const CROSSWALK_LABELS_NB: ReadonlyMap<string, string> = new Map([
  ["kommuner (resp_type = 1)", "kommuner (resp_type = 1)"],
  ["BMS adopted or being introduced (q20 = 1, 2)", "BMS innført eller under innføring (q20 = 1, 2)"],
  ["BMS adopted or being introduced", "BMS innført eller under innføring"],
  ["BMS planned or no plans", "BMS planlagt eller ingen planer"],
]);

/** Every comparison's words in bokmål, by the comparison's id. */
export const CROSSWALK_NB: ReadonlyMap<string, ComparisonWords> = new Map([
  ["adaptation", {
    title: "Å tilpasse modellen til kommunen",
    finding: "Alle de fire kommunene opplevde «tilpasning til egen kontekst» som vanskelig (Tabell 14); A, B og C innførte BMS først med for lite tilpasning.",
    surveyMeasure: "q29_2 — «Modellene for kvalitetsforbedring er for dårlig tilpasset kommunesektoren» (helt/delvis enig)",
    why: "Alle de fire kommunene opplevde det, og oppgaven kaller tilpasningen «en av de største utfordringene» ved BMS i kommuner: gjelder det generelt, bør mer enn halvparten være enige (50 %).",
    rationale: "Er dårlig tilpasning til kommunesektoren en generell barriere, bør de fleste administrasjonssjefene være enige.",
  }],
  ["time", {
    title: "Begrensede ressurser: tid",
    finding: "Litteraturgjennomgangen peker på begrensede ressurser — penger, tid og kapasitet — som en stor utfordring for BMS i kommuner (Tabell 2); ingen av de fire kommunene nevner det (Tabell 14).",
    surveyMeasure: "q29_6 — «Har ikke tilstrekkelig med tid til arbeidet» (helt/delvis enig)",
    why: "Litteraturen kaller begrensede ressurser «en stor utfordring»: en generell barriere bør mer enn halvparten være enige i (50 %).",
    rationale: "Tid er den ressursen en administrasjonssjef merker først.",
  }],
  ["resource-demanding", {
    title: "Begrensede ressurser: hva kvalitetsarbeidet koster",
    finding: "I C ble rapporteringssystemet for BMS «veldig ressurskrevende», og C forenklet det til mål- og resultatstyring (MRS).",
    surveyMeasure: "q30_2 — «Vil du si at arbeidet med kvalitetsforbedring har vært ressurskrevende (penger/årsverk)» (i stor / nokså stor grad)",
    why: QUARTER_SOME("én (C)"),
    rationale: "Koster kvalitetsarbeidet mye også utenfor C, bør mer enn et unntak si at det i stor grad krevde penger eller årsverk.",
  }],
  ["initiator", {
    title: "Rådmannen som initiativtaker",
    finding: "I alle de fire kommunene tok rådmannen initiativet til BMS (og i A og C var det en ny rådmann som blåste liv i det igjen eller endret det).",
    surveyMeasure: "q31_2 — «Initiativ fra administrasjonen» satte kvalitetsarbeidet på dagsorden (krysset av; grunnlag alle respondentene)",
    why: MAJORITY_ALL_FOUR,
    rationale: "En dagsorden satt av administrasjonen er det oppgaven beskriver; en boks uten kryss teller som «ikke administrasjonen».",
  }],
  ["political-initiative", {
    title: "Politikerne tar sjelden initiativet",
    finding: "Ingen av de fire kommunene hadde et politisk initiativ bak BMS; alle kom fra rådmannen.",
    surveyMeasure: "q31_1 — «Initiativ fra det politiske miljøet» (krysset av; grunnlag alle respondentene)",
    why: EXCEPTION_NONE,
    rationale: "Et politisk initiativ bør være unntaket.",
  }],
  ["state-requirement", {
    title: "Egne motiver, ikke krav fra staten",
    finding: "Kommunene oppgir egne motiver — ny offentlig styring (NPM), legitimitet, bedre styring — ikke krav fra staten.",
    surveyMeasure: "q31_3 — «Krav fra statlige myndigheter» satte kvalitetsarbeidet på dagsorden (krysset av; grunnlag alle respondentene)",
    why: EXCEPTION_NONE,
    rationale: "Kommer drivkraften lokalt fra, bør få oppgi staten som den som satte dagsorden.",
  }],
  ["politicians", {
    title: "Politisk styring",
    finding: "C og D nevner «politisk styrt og folkevalgt kommunestyre» — et kommunestyre som må forstå systemet — som en utfordring (Tabell 14).",
    surveyMeasure: "q29_4 — «Arbeidet har for liten støtte blant politikerne» (helt/delvis enig)",
    why: QUARTER_SOME("to (C og D)"),
    rationale: "Er politikken en barriere også utenfor C og D, bør mer enn et unntak være enige i at støtten blant politikerne mangler.",
  }],
  ["size-adoption", {
    title: "Store kommuner innfører tidligere",
    finding: "De to store kommunene (B, C) innførte BMS i 2003, de små senere (A 2006, D 2011).",
    surveyMeasure: "q20 — «Har allerede innført» eller «Holder på å innføre» balansert målstyring, etter SSBs størrelsesklasse (kommuner)",
    rationale: "At store kommuner innførte tidlig, gir en andel som stiger med størrelsen i 1999.",
  }],
  ["bms-effects-reporting", {
    title: "BMS gir bedre rapportering",
    finding: "Alle de fire kommunene sier at BMS (eller MRS) har gitt bedre rapportering eller mer nyttig informasjon.",
    surveyMeasure: "q22_2 — «Mer helhetlig grunnlag for resultatrapportering og -evaluering» (i stor / nokså stor grad), de som har innført BMS eller holder på",
    why: MAJORITY_ALL_FOUR,
    rationale: "Undersøkelsens eget resultatspørsmål om rapportering, besvart av de som har BMS eller holder på å innføre det.",
  }],
  ["bms-effects-focus", {
    title: "BMS gir fokus på mer enn penger",
    finding: "A og C framhever at BMS satte fokus på mer enn penger og økonomi.",
    surveyMeasure: "q22_3 — «Økt fokus på forhold knyttet til ansatte, interne prosesser, brukere og læring» (i stor / nokså stor grad), de som har innført BMS eller holder på",
    why: QUARTER_SOME("to (A og C)"),
    rationale: "De ikke-økonomiske perspektivene er nettopp det dette spørsmålet nevner.",
  }],
  ["bms-expectations", {
    title: "Forventningene innfridd",
    finding: "A og C sier at deres forenklede BMS eller MRS fungerer godt; D sier at BMS «absolutt» har stått til forventningene.",
    surveyMeasure: "q23 — «I hvilken grad er forventningene til resultat blitt innfridd ved innføring av balansert målstyring?» (i stor / nokså stor grad), de som har innført BMS eller holder på",
    why: "Tre av de fire kommunene (A, C, D) er fornøyde: mer enn halvparten bør si at forventningene ble innfridd (50 %).",
    rationale: "Fornøyde brukere av BMS bør si at forventningene i stor grad ble innfridd.",
  }],
  ["top-management", {
    title: "Toppledelsen betyr noe",
    finding: "Støtte og etterspørsel fra rådmannen avgjorde om BMS levde (D, A etter at det ble tatt opp igjen) eller ble liggende (A i starten, B).",
    surveyMeasure: "q30_5 («I hvilken grad er kvalitetsarbeidet knyttet til en strategisk beslutning i toppledelsen») × q23 («I hvilken grad er forventningene til resultat blitt innfridd»); kode 1 = i stor grad på begge",
    rationale: "Begge skalaene går fra 1 = i stor grad, så en sterkere forankring i toppledelsen sammen med innfridde forventninger gir r > 0.",
  }],
  ["bms-top-anchor", {
    title: "BMS er et prosjekt for toppledelsen",
    finding: "«Involvert toppledelse» er en suksessfaktor (Tabell 2), og i hver av kommunene kom BMS fra rådmannen.",
    surveyMeasure: "q30_5 — «I hvilken grad er kvalitetsarbeidet knyttet til en strategisk beslutning i toppledelsen» (i stor / nokså stor grad): de som har innført BMS eller holder på, mot resten",
    rationale: "Er BMS rådmannens verktøy, bør kommuner med BMS oftere forankre kvalitetsarbeidet i en strategisk beslutning i toppledelsen.",
  }],
  ["user-involvement", {
    title: "Brukerne er involvert",
    finding: "Alle de fire målekartene har et brukerperspektiv og måler brukermedvirkning (Tabell 7–10).",
    surveyMeasure: "q30_1 — «I hvilken grad vil du si at brukerne har vært involvert i kvalitetsforbedringsarbeidet» (i stor / nokså stor grad)",
    why: MAJORITY_ALL_FOUR,
    rationale: "Et brukerperspektiv overalt tilsier at de fleste kommuner involverer brukerne.",
  }],
  ["user-surveys", {
    title: "Brukerundersøkelser som målekilde",
    finding: "Alle de fire måler med brukerundersøkelser (B nå som kvalitative dybdeintervjuer med brukere).",
    surveyMeasure: "q28_2 — «Brukerundersøkelser» tatt i bruk (i stor / nokså stor grad): de som har innført BMS eller holder på, mot resten",
    rationale: "Bygger BMS på brukerundersøkelser, bør kommuner med BMS bruke dem mer.",
  }],
  ["quality-indicators", {
    title: "Kvalitetsindikatorer",
    finding: "«Etablering av måleindikatorer», især for kvalitet, var vanskelig i hver kommune (Tabell 14), men alle bygde kvalitetsindikatorer inn i målekartene sine.",
    surveyMeasure: "q28_7 — «Kvalitetsindikatorer/-standarder» tatt i bruk (i stor / nokså stor grad): de som har innført BMS eller holder på, mot resten",
    rationale: "BMS trenger indikatorer; de som bruker det, bør oftere oppgi dem.",
  }],
  ["benchmarking-small", {
    title: "Små kommuner sammenligner seg med andre",
    finding: "Bare de to små kommunene (A, D) brukte benchmarking mot andre kommuner.",
    surveyMeasure: "q28_1 — «Benchmarking/systematisk sammenligning» tatt i bruk (i stor / nokså stor grad), etter SSBs størrelsesklasse (kommuner)",
    rationale: "Er benchmarking en strategi for små kommuner, bør bruken synke med størrelsen.",
  }],
  ["mindset", {
    title: "Å endre tankesettet blant de ansatte",
    finding: "Alle de fire kommunene opplevde det som vanskelig å endre tankesettet blant tjenesteledere og ansatte («endring av tankesettet i kommunen», Tabell 14).",
    surveyMeasure: "q29_3 — «De ansatte er for lite motivert for kvalitetsforbedring av tjenestene» (helt/delvis enig)",
    why: MAJORITY_ALL_FOUR,
    rationale: "En generell barriere i tankesettet ville vise seg som lav motivasjon blant de ansatte.",
  }],
  ["leaders-follow-up", {
    title: "Ledere som ikke etterspør tallene",
    finding: "I A og B lot manglende etterspørsel fra ledelsen BMS bli liggende.",
    surveyMeasure: "q29_5 — «Etatslederne følger i for liten grad opp kvalitetsforbedringsarbeidet» (helt/delvis enig)",
    why: QUARTER_SOME("to (A og B)"),
    rationale: "Er svak oppfølging mer enn historien til A og B, bør mer enn et unntak være enige.",
  }],
  ["unfinished", {
    title: "Arbeid som ikke blir fullført",
    finding: "BMS lå i dvale i A i flere år; i B ble det i starten aldri et levende verktøy.",
    surveyMeasure: "q29_7 — «Arbeidet blir ikke fullført» (helt/delvis enig)",
    why: QUARTER_SOME("to (A og B)"),
    rationale: "Initiativ som ligger i dvale, er arbeid som ikke blir fullført.",
  }],
  ["it-support", {
    title: "Datasystemer",
    finding: "B opplevde at datasystemene var dårlige til å gjøre data tilgjengelige («datainnsamling og informasjonsprosessering», Tabell 14).",
    surveyMeasure: "q30_3 — «I hvilken grad har dere tatt i bruk IKT-baserte støttesystemer i kvalitetsarbeidet» (i stor / nokså stor grad)",
    why: "Datasystemene i B var dårlige (én kommune av fire): er det typisk, er IKT-støtte ikke regelen, og færre enn halvparten bruker det i stor grad (50 %).",
    rationale: "Er datasystemene en flaskehals, bruker få IKT-støtte i stor grad.",
  }],
  ["diffusion-2004", {
    title: "Spredning: 1999 mot 2004",
    finding: "26 % av de norske kommunene brukte BMS i 2004 (Fallan et al., 2015).",
    surveyMeasure: "q20 — «Har allerede innført balansert målstyring» i 1999 (kommuner)",
    why: "BMS fortsatte å spre seg etter 1999 (26 % i 2004, 56 % i 2014): andelen i 1999 bør ligge under tallet for 2004.",
    rationale: "Vekst fra 1999 til 2004 betyr at andelen som hadde innført BMS i 1999, ligger under 26 %.",
  }],
  ["diffusion-2014", {
    title: "Spredning: 1999 på vei mot bruk eller planer i 2014",
    finding: "65 % av kommunene brukte eller planla å ta i bruk BMS i 2014.",
    surveyMeasure: "q20 — «Har allerede innført», «Holder på å innføre» eller «Planlegger å innføre» balansert målstyring i 1999 (kommuner)",
    why: "Fortsatte BMS å spre seg, bør de som i 1999 hadde innført, holdt på eller planla, være færre enn andelen som brukte eller planla BMS i 2014.",
    rationale: "De som var på vei mot BMS i 1999, bør være færre enn i 2014 om BMS fortsatte å spre seg.",
  }],
]);
