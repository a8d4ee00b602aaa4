/**
 * The report's inconsistencies in bokmål, by their id in printed-tables.json. The data build writes
 * each one once, in English (scripts/data/printed-tables/inconsistencies.ts), with the report's own
 * words quoted in Norwegian; 04 shows this text when the app is in norsk (inconsistency-words.ts),
 * so the data keeps one text and the figures are written once there. A unit test checks that every
 * id has a text here, no other, and that each text has the same figures as the English one.
 */

/** What 04 shows of an inconsistency: what is printed, why it cannot all be true, what is reproduced. */
export interface InconsistencyWords {
  description: string;
  reasoning: string;
  resolution: string;
}

/** The bokmål texts by inconsistency id. */
export const inconsistenciesNb: Readonly<Record<string, InconsistencyWords>> = {
  "t25-tqm-total": {
    description: "Tabell 2.5, raden «Konseptet total kvalitetsledelse (TQM)»: totalen er trykt «100 % (21)», men antallene summerer seg til 214.",
    reasoning: "8 + 11 + 31 + 48 + 116 = 214, og hver trykte prosent gjenskapes med grunnlag 214 (8/214 = 3,7 %, 11/214 = 5,1 %, 31/214 = 14,5 %, 48/214 = 22,4 %, 116/214 = 54,2 %); med grunnlag 21 er ingen av prosentene mulige, og antallene er større enn totalen. Et siffer har falt ut.",
    resolution: "Radtotal 214 (antallene og prosentene som trykt).",
  },
  "t31-naering-percent": {
    description: "Tabell 3.1, Næringsutvikling, «Er innført»: «3,2 % (3)» med radtotal 91.",
    reasoning: "3/91 = 3,30 % → 3,3 %; ikke noe helt antall gir 3,2 % av 91 (2/91 = 2,2 %). De tre andre cellene (6, 40, 42) gjenskaper prosentene sine med grunnlag 91, og antallene summerer seg til 91, så antallet er riktig og prosenten en trykkfeil. (3 ville gitt 3,2 % bare av 93–95.)",
    resolution: "Antall 3 av 91, altså 3,3 %.",
  },
  "t33-helse-percent": {
    description: "Tabell 3.3, Helsetjenester, «Er innført»: «22,2 % (29)» med radtotal 132 (trykt sum «100,2%»).",
    reasoning: "29/132 = 21,97 % → 22,0 %; ikke noe helt antall gir 22,2 % av 132. De andre cellene (15, 49, 39) gjenskaper 11,4 %, 37,1 %, 29,5 %, og antallene summerer seg til 132. Den trykte summen 100,2 % følger av den feiltrykte 22,2. Ikke noe grunnlag i det hele tatt gjør 29 til 22,2 % (det ville kreve 130,3–130,9).",
    resolution: "Antall 29 av 132, altså 22,0 %.",
  },
  "t34-samordnet-count": {
    description: "Tabell 3.4, «Mer samordnet opptreden …», «I liten grad»: «2,8 % (8)»; antallene summerer seg da til 77, ikke de trykte 71.",
    reasoning: "2,8 % av 71 gjenskapes bare av k = 2 (2/71 = 2,82 %); med 2 summerer raden seg til 19 + 32 + 10 + 2 + 8 = 71 som trykt. Antallet (8) er kopiert fra neste kolonne.",
    resolution: "I liten grad = 2 (2,8 %); radtotal 71.",
  },
  "t35-samferdsel-shift": {
    description: "Tabell 3.5, Samferdsel: «11,5 % (13) 17,7 % (20) 41,6 % (20) 29,2 % (47) 100,0 % (113)»; antallene summerer seg til 100, ikke 113, og 41,6 %/29,2 % stemmer ikke med 20/47.",
    reasoning: "Prosentene bestemmer antallene entydig for N = 113: 11,5 % → 13, 17,7 % → 20, 41,6 % → 47, 29,2 % → 33, som summerer seg til 113. Antallet for «Planlagt innført», 47, er altså trykt i cellen for «Vet ikke», antallet for «Under innføring», 20, er gjentatt i cellen for «Planlagt», og antallet for «Vet ikke» (33) har falt ut.",
    resolution: "Er innført 13, Under innføring 20, Planlagt innført 47, Vet ikke 33 (= 113, alle trykte prosenter gjenskapt).",
  },
  "t38-caption": {
    description: "Tabell 3.8 har tittelen «Resultater oppnådd ved innføring av elektroniske servicenettverk», men står i 3.5.1 «Erfaringer med Etisk prosess».",
    reasoning: "De tre utsagnene er nøyaktig spørsmål 18s (etisk prosess: verdier brukerne anser som viktige / realisere viktige verdier / forståelse blant de ansatte), resultatene for elektroniske servicenettverk er Tabell 3.6 med andre utsagn, og N (19, 19, 18) passer med etisk prosess (status 1–2: 28). Tittelen er kopiert fra Tabell 3.6.",
    resolution: "Tabell 3.8 = q18_1–q18_3 (etisk prosess); tittelen beholdt som trykt.",
  },
  "results-base-exceeds-adopters": {
    description: "Resultatspørsmålene stilles «Hvis dere har innført …», men N er større enn antallet som «Har allerede innført» i Tabell 2.1: SE 45–46 mot 16, ST 70–72 mot 60, ESN 44–47 mot 29, EP 18–19 mot 18, BMS 30–32 mot 18, BPR 26–27 mot 23.",
    reasoning: "Respondenter som fortsatt holder på å innføre en modell (status 2), har tydeligvis også svart. Hver N for resultatene får plass innenfor status 1 eller 2 (SE 53, ST 86, ESN 68, EP 28, BMS 34, BPR 37), mens ingen tabell trenger status 3. Spørreskjemaet har ikke noe hopp etter spørsmålet om tjenesteområder, så dette er respondentenes atferd, ikke en trykkfeil.",
    resolution: "Resultatutsagnene besvares bare av respondenter med status 1 eller 2 for sin modell (`where` på hver rad); alle trykte antall gjenskapt.",
  },
  "t24-totals-exceed-adopters": {
    description: "Tabell 2.4 (forventninger innfridd) har flere svar enn innførere: SE 25 mot 16, ST 66 mot 60, ESN 31 mot 29, BMS 26 mot 18, BPR 24 mot 23 (EP 18 = 18).",
    reasoning: "Samme årsak som i resultattabellene: spørsmålet lyder «ved innføring av …», og de som fortsatt holder på å innføre modellen, har svart. Hver total får plass innenfor status 1–2 (53, 86, 68, 28, 34, 37). Ingen rad «I liten grad» er trykt; totalene er lik summen av de tre trykte radene, så kode 4 har antall 0.",
    resolution: "Forventningsutsagnene besvares bare av status 1 eller 2; antall som trykt; I liten grad = 0 for alle seks.",
  },
  "t21-se-named-adopters": {
    description: "Tabell 4.1 (serviceerklæringer) har 17 linjer med kommunenummer, Tabell 2.1 16 innførere. Den ekstra linjen er «1600 Sør-Trøndelag» (oppdraget talte 18; uttrekket har 17).",
    reasoning: "«1600 Sør-Trøndelag» er det eneste fylket i Tabell 4.1 uten en overskrift «16 – Sør-Trøndelag»; 1601 Trondheim følger rett etter. Alle andre steder heter fylket «Sør-Trøndelag fylkeskommune» (4.6, 4.12, 4.13, 4.15). Var det en innfører, ville fylkeskommunen ha SE og BPR (4.6), i strid med linje 883 («Ingen av fylkeskommunene … har innført 2»), og 17/253 = 6,7 % ville vært trykt som 7 %, ikke 6 %. Uten den navngir 4.1 nøyaktig 16, slik 4.3–4.6 gjør for sine modeller (29, 18, 18, 23 = Tabell 2.1).",
    resolution: "1600 i Tabell 4.1 leses som fylkesoverskriften: 16 navngitte innførere av SE, Tabell 2.1 gjenskapt nøyaktig (q3 = 1 for 16). Sør-Trøndelag fylkeskommune har bare innført BPR.",
  },
  "two-model-list-incomplete": {
    description: "Teksten sier at 15 kommuner har nøyaktig to av de seks modellene (27 med to eller flere). Vedleggets lister 4.1–4.6 plasserer 20 kommuner under nøyaktig to modeller: de 15 som er listet, og Vestre Toten (SE, ST), Bergen (ST, BPR), Sveio (ST, BPR), Osterøy (BMS, BPR) og Vefsn (ST, ESN).",
    reasoning: "Mengden med tre eller flere i vedlegget er nøyaktig Tabell 2.3 (12, samme modeller), så listene er lest riktig; listen med to modeller mangler rett og slett fem. Navngitte innførere er harde skranker for rekonstruksjonen (hver svarer 1 for hver modell den er listet under), så 20 og 32 følger av vedlegget alene. De to innførerne av servicetorg som Tabell 4.2 ikke navngir, ligger på navngitte kommuner med én annen modell (adoption-share-42), og det gir to til: 22 med nøyaktig to, 34 med to eller flere.",
    resolution: "Nøyaktig to: 22; to eller flere: 34 (12,7 % av 267). Tabell 2.3s 12 (4,5 %) gjenskapt.",
  },
  "adoption-share-42": {
    description: "«ca 42 prosent» har innført én eller flere av de seks modellene (Sammendrag: «i overkant av 40 prosent»), men Tabell 4.2 navngir bare 58 av Tabell 2.1s 60 innførere av servicetorg.",
    reasoning: "Tabell 2.1 gir 164 innføringer. Vedlegget navngir 162 av dem, på 113 ulike respondenter (alle modeller unntatt servicetorg er fullt navngitt). 42 % av 267 krever 111–113 respondenter, så teksten gjenskapes bare hvis de to unavngitte innførerne av servicetorg er blant de 113, altså navngitte respondenter som har innført en annen av de seks og er utelatt fra liste 4.2 (som uansett mangler to). De kan ikke ha to andre (Tabell 2.3s tolv med tre eller flere navngir modellene sine) og kan ikke være fylkeskommuner (linje 883: ingen fylkeskommune har to). På anonyme respondenter ville de gi 115 (43,1 %) og 132 for de 48 % nedenfor; her gir de 113 (42,3 %) og 130. Prisen: to kommuner med to modeller mer enn vedlegget viser (two-model-list-incomplete, som allerede mangler noen i forhold til teksten).",
    resolution: "113 av 267 (42,3 %): de to unavngitte innførerne av servicetorg plasseres, i hver rekonstruksjon, på to av de navngitte kommunene som er listet under nøyaktig én annen av de seks modellene.",
  },
  "adoption-share-48": {
    description: "«48 prosent» har innført én eller flere modeller, de seks eller andre (jf tabell V2.1).",
    reasoning: "Vedleggets lister 4.7–4.15 har nøyaktig like mange navn som Tabell 2.5 har «I stor grad» (8, 12, 25, 8, 3, 2, –, 5, 5; bare 4.13 navngir 2 av 10), så «innført» for andre modeller betyr q28 = 1. 17 som er navngitt der, har ingen av de seks (Askim, Råde, Rælingen, Enebakk, Nittedal, Eidsvoll, Hemsedal, Modum, Borre, Tinn, Bykle, Kvinesdal, Flora, Ørsta, Inderøy, Andøy, Vadsø): minst 113 + 17 = 130 = 48,7 % (med plasseringen av servicetorg fra adoption-share-42). 48 % krever 128–129. Tabell V2.1 er forvansket i uttrekket og kan ikke kontrolleres.",
    resolution: "Minst 130 av 267 (48,7 %), i samsvar med «nær halvparten»; rekonstruksjonen plasserer de 8 unavngitte «I stor grad»-svarene på q28_7 på respondenter som allerede er talt med, og gir nøyaktig 130.",
  },
  "t29-politikere-base": {
    description: "Tabell 2.9, «Arbeidet har for lite støtte blant politikerne»: prosentene 6,7/26,3/32,5/29,4/4,7 med N = 255 og trykt total 99,6 %.",
    reasoning: "Hver prosent har nøyaktig ett mulig antall for 255 (17, 67, 83, 75, 12), og de summerer seg til 254; ikke noe grunnlag fra 240 til 269 gjør alle fem prosentene mulige med antall som summerer seg til det. Den trykte totalen 99,6 % bekrefter at 1 av 255 (0,4 %) ikke er i noen trykt kategori (et løst hull talt som gyldig). Rekonstruksjonen kan ikke ha en kategori som ikke er trykt, så raden bygges på nytt fra de fem antallene: prosentene deres av 254 er 6,7/26,4/32,7/29,5/4,7.",
    resolution: "Antall 17, 67, 83, 75, 12 (total 254).",
  },
  "bpr-pie-base": {
    description: "Figur 7 (BPR) trykker 9,6 / 5,8 / 12,5 / 71,7 %, Tabell 2.1 antallene 23 / 14 / 30 / 172 (N 239).",
    reasoning: "Med N = 239: 14 → 5,9 %, 30 → 12,6 %, 172 → 72,0 %; ikke noe antall gir 5,8, 12,5 eller 71,7. Alle fire tallene i kakediagrammet gjenskapes av de samme antallene over 240, altså delte diagrammet på én respondent mer enn tabellen.",
    resolution: "Tabell 2.1s antall over 239: 9,6 / 5,9 / 12,6 / 72,0 %.",
  },
  "response-rate-fylkeskommuner": {
    description: "Svarprosent for fylkeskommunene «55 prosent»; for kommunene «i underkant av 60 prosent»; N = 267.",
    reasoning: "I 1999 var det 18 fylkeskommuner (19 fylker; Oslo er en kommune). 55 % av 18 kan ikke nås ved avrunding (9 → 50,0 %, 10 → 55,6 %); 10 er nærmest og gir 257 kommuner = 59,1 % av 435, «i underkant av 60». 9 fylkeskommuner ville gitt 258/435 = 59,3 %, men 50 %; 11 ville gitt 61 %.",
    resolution: "257 kommuner (59,1 % av 435) og 10 fylkeskommuner (55,6 % av 18). Begge cellene har de løste antallene, fordi de trykte andelene er av populasjonen, ikke av de 267 respondentene.",
  },
  "st-expectations-65": {
    description: "Teksten sier «65 prosent … at servicetorgene i stor eller nokså stor grad har innfridd forventningene»; Tabell 2.4 har 15 % + 65 % = 80 % (53 av 66).",
    reasoning: "65 % er tallet for «I nokså stor grad» alene; tabellen er primærkilden.",
    resolution: "Tabell 2.4: 10 + 43 = 53 av 66 (80,3 %).",
  },
  "activity-chapter4-wording": {
    description: "Kapittel 4 (linje 2459) sier «i overkant av 10 prosent … karakteriserer sin kommune … som aktive»; Sammendraget sier «svært aktive»; Tabell 2.2 har 10,4 % svært aktiv og 50,0 % aktiv.",
    reasoning: "Den samme setningen står i Sammendraget med «svært aktive»; kapittel 4 har mistet «svært».",
    resolution: "Tabell 2.2: Aktiv = 125 av 250 (50,0 %); Svært aktiv = 26 (10,4 %).",
  },
  "q2-felles-prosjekt-text": {
    description: "Teksten sier at «i underkant av ca 30 prosent» organiserer arbeidet som ett felles prosjekt; Tabell 2.7 trykker 30,7 % (82 av 267).",
    reasoning: "30,7 % er over 30; tabellen er primærkilden.",
    resolution: "82 av 267 (30,7 %).",
  },
  "t26-se-pleie-exceeds-adopters": {
    description: "Serviceerklæringer er «Er innført» i Pleie- og omsorg for 17 respondenter (Tabell 2.6, 3.1), men bare 16 har innført serviceerklæringer (Tabell 2.1).",
    reasoning: "Ikke umulig: en respondent som samlet sett fortsatt holder på å innføre serviceerklæringer (status 2), kan ha dem på plass i ett område. Alle de andre antallene per område holder seg innenfor modellens innførere.",
    resolution: "Områdekode 1 kan besvares av status 1 eller 2; de 17 gjenskapes.",
  },
  "printed-sums": {
    description: "Trykte prosentsummer som avviker fra summen av de trykte prosentene: Tabell 2.5 trykker 100 % for TQM, ISO/IMO, EFQM og kvalitetsindikatorer der cellene summerer seg til 99,9 %; Tabell 2.7 trykker 100 % under «i prosent av samlet antall svar» for celler som summerer seg til 99,9 % (19,6 + 35,6 + 5,5 + 28,7 + 10,5); Tabell 3.2 første rad 100 % (cellene 99,9), 3.4 rad 3–4 100,0 % (cellene 100,1), 3.7 Samferdsel 100,1 % (cellene 100,0); Tabell 2.1 trykker kolonnetotaler på 99 % og 101 %.",
    reasoning: "Summer av avrundede tall; ingen antall berøres. (TQM-raden i Tabell 2.5 trykker også en feil total: t25-tqm-total.)",
    resolution: "Ingenting å gjenskape: prosentsummer er ikke mål.",
  },
  "t25-ranking-text": {
    description: "Linje 1134–1141 rangerer de andre modellene «om vi ser på hvilke modeller og tiltak som i stor grad eller nokså stor grad er tatt i bruk»: egen-evaluering først, «dernest» brukerundersøkelser og kvalitetsindikatorer; benchmarking og TQM «i en mellomkategori»; ISO/IMO og EFQM minst; forbedringsgrupper og selvstyrte arbeidsgrupper «ikke noe stort omfang» (også Sammendraget, linje 63–67).",
    reasoning: "Etter målet setningen nevner (I stor grad + I nokså stor grad, av radtotalen) rangerer Tabell 2.5 egen-evaluering 53,8 %, brukerundersøkelser 32,1 %, benchmarking 19,7 % (tredje, foran kvalitetsindikatorer 18,4 %), selvstyrte arbeidsgrupper 15,2 %, forbedringsgrupper 13,8 %, ISO/IMO 9,0 %, TQM 8,9 % (åttende av ni: under de to gruppene som kalles små, og under ISO, som kalles minst), EFQM 1,4 %. Rekkefølgen teksten gir, er den for «I stor grad» alene (10,6; 4,9; 4,4; 3,7 og 3,7; 2,4; 2,2; 1,4; 0,9), som neste setning bruker («I underkant av fire prosent … i stor grad»).",
    resolution: "Ingen tall berøres: tabellens antall gjenskapes; setningen leses som en rangering etter «I stor grad».",
  },
  "t23-size-text": {
    description: "Linje 839–843 oppgir størrelsen for 11 av de 12 mest aktive kommunene og utelater Tønsberg (34 484 innbyggere, klasse 5); Øvre Eiker (14 978, SSB-klasse 3) beskrives som like under 25 000 og er trykt med størrelseskode 4 i Tabell 4.1.",
    reasoning: "Unøyaktighet i teksten; vedleggets trykte størrelseskoder beholdes i innførerfilen, SSBs klasse i rekonstruksjonen.",
    resolution: "Ingen tall i tabellene berøres.",
  },
  "v21-extract": {
    description: "Tabell V2.1 (profiler, linje 2492–2744), som teksten viser til for de 48 %, finnes i uttrekket bare som en kolonne med 100 kommunenummer og noen få løse 1-tall; modellkolonnene er tapt, og kommunenummer 1265–1656 mangler (sideskift).",
    reasoning: "Den kan ikke skrives av som en tabell. Numrene omfatter 231 Skedsmo, 1106 Haugesund og 1120 Klepp, som ikke står i noen liste i vedlegget (4.1–4.15), og mangler 1130 Strand, 1135 Sauda og 1246 Fjell, som har innført modeller blant de seks i 4.1/4.5/4.6. V2.1 er altså verken foreningen av listene eller fullstendig.",
    resolution: "Ikke brukt som mål. 231, 1106 og 1120 får ingen modell (ingen liste navngir dem).",
  },
  "questionnaire-misprints": {
    description: "Spørsmål 23 er trykt som «6.» (linje 4552); Skole-raden i spørsmål 17 (kolonne 60) mangler i uttrekket; kolonnene 100–102, 104–113 og 121–124 er kuttet til to sifre.",
    reasoning: "Rekkefølgen på spørsmålene og kolonnene gjør de tiltenkte numrene entydige (q23 = kolonne 88 … ).",
    resolution: "q23 for forventningene til balansert målstyring; q17_1 Skole i kolonne 60 (se kodeboken).",
  },
};
