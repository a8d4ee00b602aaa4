/**
 * Tabell 2.3 (the 12 municipalities with three or more of the six models, lines 757–834) and the
 * list of the 15 with exactly two (lines 859–877), transcribed as printed. Each municipality is a
 * row of the derived variable `name`; its cells name the models it is listed with: the status
 * variable (q3 … q24) for the six models and the q28 item for "I tillegg …" other models.
 * `total` is the number of the six models listed.
 */
import type { PrintedCell, PrintedRow, PrintedTable } from "../../../src/data/printed-tables";

/** Printed model names → variable. The six models map to their status variable (code 1). */
const VARIABLE: Record<string, string> = {
  SE: "q3",
  ST: "q7",
  ESN: "q12",
  EP: "q16",
  BMS: "q20",
  BPR: "q24",
  benchmarking: "q28_1",
  brukerundersøkelser: "q28_2",
  "egen-evalueringer": "q28_3",
  "Total kvalitetsledelse": "q28_4",
  "ulike kvalitetssystemer (ISO, IMO)": "q28_5",
  "forbedringsgrupper/kvalitetssirkler": "q28_8",
  "selvstyrte arbeidsgrupper": "q28_9",
};

const SIX_LABEL: Record<string, string> = {
  SE: "Serviceerklæringer",
  ST: "Servicetorg",
  ESN: "Elektronisk servicenettverk",
  EP: "Etisk prosess",
  BMS: "Balansert målstyring",
  BPR: "Prosessforbedring/-ombygging (BPR)",
};

function listRow(name: string, six: string[], others: string[] = []): PrintedRow {
  const cells: PrintedCell[] = [
    ...six.map((k) => ({ code: VARIABLE[k] ?? k, label: SIX_LABEL[k] ?? k })),
    ...others.map((o) => ({ code: VARIABLE[o] ?? o, label: `I tillegg: ${o}` })),
  ];
  return { label: name, variable: "name", cells, total: six.length };
}

/** Tabell 2.3: 12 municipalities, three or more of the six models. */
function table23(): PrintedTable {
  return {
    id: "2.3",
    caption:
      "Tabell 2.3 Kommuner som allerede har innført tre eller flere av de 6 kvalitetsforbedringsmodellene og -metodene, samt eventuelt har tatt i bruk andre modeller og tiltak enn de 6.",
    lines: [757, 834],
    questions: ["q3", "q7", "q12", "q16", "q20", "q24", "q28"],
    kind: "list",
    rows: [
      listRow("Eidskog kommune i Hedmark", ["SE", "ST", "ESN", "EP", "BPR"], ["egen-evalueringer", "Total kvalitetsledelse"]),
      listRow("Øvre Eiker i Buskerud", ["SE", "ST", "EP", "BPR"], ["brukerundersøkelser"]),
      listRow("Sørum kommune i Akershus", ["ST", "ESN", "BMS", "BPR"], ["ulike kvalitetssystemer (ISO, IMO)"]),
      listRow("Holtålen kommune i Sør-Trøndelag", ["ST", "EP", "BMS", "BPR"], [
        "brukerundersøkelser",
        "egen-evalueringer",
        "forbedringsgrupper/kvalitetssirkler",
      ]),
      listRow("Bjerkreim kommune i Rogaland", ["ST", "EP", "BMS"]),
      listRow("Voss kommune i Hordaland", ["ST", "EP", "BPR"]),
      listRow("Larvik kommune i Vestfold", ["ST", "EP", "BMS"], ["benchmarking", "brukerundersøkelser", "Total kvalitetsledelse"]),
      listRow("Ringerike kommune i Buskerud", ["ST", "ESN", "EP"], [
        "brukerundersøkelser",
        "Total kvalitetsledelse",
        "forbedringsgrupper/kvalitetssirkler",
      ]),
      listRow("Vega kommune i Nordland", ["ST", "BMS", "BPR"]),
      listRow("Snillfjord kommune i Sør-Trøndelag", ["ST", "EP", "BMS"], [
        "benchmarking",
        "egen-evalueringer",
        "Total kvalitetsledelse",
        "forbedringsgrupper/kvalitetssirkler",
        "selvstyrte arbeidsgrupper",
      ]),
      listRow("Ås kommune i Akershus", ["EP", "BMS", "BPR"], ["brukerundersøkelser", "ulike kvalitetssystemer (ISO, IMO)"]),
      listRow("Tønsberg kommune i Vestfold", ["SE", "ST", "BPR"]),
    ],
    note:
      "Printed identically in the Sammendrag (lines 107–183) and chapter 4 (lines 2374–2450). Cells with a " +
      "status variable as code mean status 1 (Har allerede innført); cells with a q28 item name the " +
      '"I tillegg" models (the report does not say which degree of q28; the appendix lists use "I stor grad"). ' +
      "total = number of the six models.",
  };
}

/** The list of municipalities with exactly two of the six models (lines 859–877). */
function twoModelList(): PrintedTable {
  const printed: [string, string, string][] = [
    ["Sarpsborg i Østfold", "ESN", "BMS"],
    ["Ski kommune i Akershus", "ESN", "BMS"],
    ["Oslo kommune", "ST", "EP"],
    ["Sør-Odal kommune i Hedmark", "ST", "ESN"],
    ["Nordre Land kommune i Oppland", "ST", "ESN"],
    ["Røyken kommune i Buskerud", "ST", "ESN"],
    ["Rollag kommune i Buskerud", "ST", "ESN"],
    ["Porsgrunn kommune i Telemark", "SE", "ESN"],
    ["Strand kommune i Rogaland", "SE", "BPR"],
    ["Årdal kommune i Sogn", "ST", "BPR"],
    ["Frosta kommune, Nord-Trøndelag", "EP", "BPR"],
    ["Nordreisa kommune i Troms", "ST", "ESN"],
    ["Alta kommune i Finnmark", "EP", "BMS"],
    ["Hasvik kommune i Finnmark", "ESN", "EP"],
    ["Tana kommune i Finnmark", "ST", "BMS"],
  ];
  return {
    id: "list:two-models",
    caption: "De kommunene som har innført to av de seks modellene og metodene er disse:",
    lines: [859, 884],
    questions: ["q3", "q7", "q12", "q16", "q20", "q24"],
    kind: "list",
    rows: printed.map(([name, a, b]) => listRow(name, [a, b])),
    note:
      'The text (line 880) says "Det er altså 15 kommuner som har innført 2 av de seks"; 15 rows are printed. ' +
      "No fylkeskommune is on the list (line 883).",
  };
}

export function listTables(): PrintedTable[] {
  return [table23(), twoModelList()];
}
