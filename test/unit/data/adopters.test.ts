import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import {
  groupByMunicipality,
  knrsInTable,
  modelsPerMunicipality,
  parseAdoptersCsv,
  PROFILE_SOURCES,
} from "../../../src/data/adopters";
import { indexByKnr, parseMunicipalitiesCsv } from "../../../src/data/municipalities";
import { buildFiles } from "../../../scripts/data/build-municipalities";
import { LISTINGS, TABELL_2_3, TABELL_V2_1, TWO_MODEL_LIST } from "../../../scripts/data/adopters-source";

const ROOT = resolve(__dirname, "../../..");
const read = (name: string): string => readFileSync(resolve(ROOT, "data/survey-1999", name), "utf8");
const adoptersText = read("adopters.csv");
const { rows, errors } = parseAdoptersCsv(adoptersText);
const municipalities = indexByKnr(parseMunicipalitiesCsv(read("municipalities.csv")).rows);
const discrepancies = read("adopters-discrepancies.md");

const LISTS = ["4.1", "4.2", "4.3", "4.4", "4.5", "4.6"];
const six = modelsPerMunicipality(rows, LISTS, "six");

describe("adopters.csv", () => {
  it("parses without errors", () => {
    expect(errors).toEqual([]);
    expect(rows.length).toBeGreaterThan(0);
  });

  it("names only kommunenummer that exist in municipalities.csv, with matching county and type", () => {
    for (const r of rows) {
      const m = municipalities.get(r.knr);
      expect(m, `${r.knr} ${r.name} (${r.sourceTable})`).toBeDefined();
      expect([r.name, r.fylke, r.respType, r.sizeClassSsb]).toEqual([m?.name, m?.fylke, m?.respType, m?.sizeClass]);
    }
  });

  it("has as many rows per listing as the printed list has adopters", () => {
    // Counted by hand from the seed (Tabell 4.1 without the county header '1600 Sør-Trøndelag').
    const expected: Record<string, number> = {
      "4.1": 16, "4.2": 58, "4.3": 29, "4.4": 18, "4.5": 18, "4.6": 23, "4.7": 8, "4.8": 12, "4.9": 25,
      "4.10": 8, "4.11": 3, "4.12": 2, "4.13": 2, "4.14": 5, "4.15": 5,
    };
    for (const [table, n] of Object.entries(expected)) expect(knrsInTable(rows, table), table).toHaveLength(n);
  });

  it("agrees with Tabell 2.1 and 2.5 except the two documented shortfalls", () => {
    // Tabell 2.1 "Har allerede innført" and Tabell 2.5 "I stor grad", as printed.
    const printed: Record<string, number> = {
      q3: 16, q7: 60, q12: 29, q16: 18, q20: 18, q24: 23,
      q28_1: 8, q28_2: 12, q28_3: 25, q28_4: 8, q28_5: 3, q28_6: 2, q28_7: 10, q28_8: 5, q28_9: 5,
    };
    const short: Record<string, number> = {};
    for (const [model, n] of Object.entries(printed)) {
      const listed = rows.filter((r) => r.model === model && /^4\./.test(r.sourceTable)).length;
      if (listed !== n) short[model] = n - listed;
    }
    expect(short).toEqual({ q7: 2, q28_7: 8 });
    expect(discrepancies).toContain("**Tabell 4.2 (Servicetorg):** 58 named, Tabell 2.1 prints 60");
    expect(discrepancies).toContain("**Tabell 4.13 (Kvalitetsindikatorer):** 2 named");
  });

  it("maps each appendix table to its questionnaire variable and status 1", () => {
    const pairs = new Set(rows.filter((r) => /^4\./.test(r.sourceTable)).map((r) => `${r.sourceTable}:${r.model}:${r.status}`));
    expect([...pairs].sort()).toEqual([
      "4.1:q3:1", "4.10:q28_4:1", "4.11:q28_5:1", "4.12:q28_6:1", "4.13:q28_7:1", "4.14:q28_8:1", "4.15:q28_9:1",
      "4.2:q7:1", "4.3:q12:1", "4.4:q16:1", "4.5:q20:1", "4.6:q24:1", "4.7:q28_1:1", "4.8:q28_2:1", "4.9:q28_3:1",
    ].sort());
  });

  it("reproduces Tabell 2.3: the same 12 kommuner have three or more models, with the same models", () => {
    const tabell23: Record<string, string[]> = {
      "0420": ["q3", "q7", "q12", "q16", "q24"], "0624": ["q3", "q7", "q16", "q24"], "0226": ["q7", "q12", "q20", "q24"],
      "1644": ["q7", "q16", "q20", "q24"], "1114": ["q7", "q16", "q20"], "1235": ["q7", "q16", "q24"],
      "0709": ["q7", "q16", "q20"], "0605": ["q7", "q12", "q16"], "1815": ["q7", "q20", "q24"],
      "1613": ["q7", "q16", "q20"], "0214": ["q16", "q20", "q24"], "0704": ["q3", "q7", "q24"],
    };
    const threePlus = Object.fromEntries([...six].filter(([, v]) => v.length >= 3));
    expect(threePlus).toEqual(tabell23);
    expect(Object.fromEntries(modelsPerMunicipality(rows, [PROFILE_SOURCES.threeOrMore], "six"))).toEqual(tabell23);
  });

  it("reproduces Tabell 2.3's other models from Tabell 4.7–4.15", () => {
    const other = modelsPerMunicipality(rows, ["4.7", "4.8", "4.9", "4.10", "4.11", "4.12", "4.13", "4.14", "4.15"], "other");
    const printed = modelsPerMunicipality(rows, [PROFILE_SOURCES.threeOrMore], "other");
    for (const [knr, models] of printed) expect(other.get(knr), knr).toEqual(models);
    expect(printed.get("1613")).toEqual(["q28_1", "q28_3", "q28_4", "q28_8", "q28_9"]);
  });

  it("reproduces the 15 two-model kommuner, plus exactly the five documented extra ones", () => {
    const twoModelList = ["0105", "0213", "0301", "0419", "0538", "0627", "0632", "0805", "1130", "1424", "1717", "1942", "2012", "2015", "2025"];
    const documentedExtra = ["0529", "1201", "1216", "1253", "1824"];
    const two = [...six].filter(([, v]) => v.length === 2).map(([k]) => k).sort();
    expect(two).toEqual([...twoModelList, ...documentedExtra].sort());
    const printed = modelsPerMunicipality(rows, [PROFILE_SOURCES.twoModels], "six");
    expect([...printed.keys()].sort()).toEqual(twoModelList);
    for (const [knr, models] of printed) expect(six.get(knr), knr).toEqual(models);
    for (const k of documentedExtra) expect(discrepancies).toContain(`${k} ${municipalities.get(k)?.name ?? "?"} (`);
  });

  it("names no fylkeskommune with two of the six models, as the text says", () => {
    const fk = [...six].filter(([k, v]) => municipalities.get(k)?.respType === 2 && v.length >= 2);
    expect(fk).toEqual([]);
  });

  it("lists the fylkeskommuner 0400, 0700, 0900, 1400 and 1600 as type 2", () => {
    const fk = [...new Set(rows.filter((r) => r.respType === 2).map((r) => r.knr))].sort();
    expect(fk).toEqual(["0400", "0700", "0900", "1400", "1600"]);
    expect(rows.find((r) => r.knr === "0900")?.sizeCodePrinted).toBe(6);
  });

  it("keeps printed size codes, including those that differ from SSB", () => {
    const find = (knr: string, table: string) => rows.find((r) => r.knr === knr && r.sourceTable === table);
    expect([find("0624", "4.1")?.sizeCodePrinted, find("0624", "4.1")?.sizeClassSsb]).toEqual([4, 3]);
    expect(find("1235", "4.6")?.sizeCodePrinted).toBe(2);
    expect(find("0602", "4.3")?.sizeCodePrinted).toBeNull();
    expect(find("1601", "4.1")?.sizeCodePrinted).toBe(6);
  });

  it("groups rows by municipality", () => {
    const g = groupByMunicipality(rows);
    expect(g.get("1613")?.filter((r) => /^4\./.test(r.sourceTable)).map((r) => r.model)).toEqual(
      ["q7", "q16", "q20", "q28_1", "q28_3", "q28_4", "q28_8", "q28_9"]);
  });

  it("is byte-identical to a fresh build, as are the respondent list and the discrepancy report", () => {
    const files = buildFiles();
    expect(files["adopters.csv"]).toBe(adoptersText);
    expect(files["respondent-list.csv"]).toBe(read("respondent-list.csv"));
    expect(files["adopters-discrepancies.md"]).toBe(discrepancies);
  });
});

describe("adopters-source.ts transcription against the seed text", () => {
  const seed = readFileSync(resolve(ROOT, "data/sources/000_7a6e6f7d2cc5bfc8.txt"), "utf8").split("\n");
  const at = (line: number): string => (seed[line - 1] ?? "").trim();
  /** The nearest county header ("16 – Sør – Trøndelag") above a seed line, as a county number. */
  const headerAbove = (line: number): number | undefined => {
    for (let i = line - 1; i > 0; i--) {
      const m = /^(\d{1,2})\s*[–-]\s*\D/.exec(at(i));
      if (m) return Number(m[1]);
      if (/^Tabell 4\./.test(at(i))) return undefined;
    }
    return undefined;
  };

  it("cites, for every listing entry, the seed line that prints it and the line of its size code", () => {
    for (const l of LISTINGS) {
      expect(at(l.captionLine), l.table).toContain(`Tabell ${l.table} `);
      for (const [knr, printed, line, size, sizeLine] of l.entries) {
        expect(at(line), `${l.table} ${knr}`).toBe(printed.trim());
        if (sizeLine !== null) expect(at(sizeLine), `${l.table} ${knr} size`).toBe(size === null ? "" : String(size));
      }
      for (const r of l.rejected) expect(at(r.line)).toBe(r.printed);
    }
  });

  it("files every entry under the county header it is printed below", () => {
    for (const l of LISTINGS) {
      for (const [knr, , line] of l.entries) {
        const county = Number(knr.slice(0, 2));
        // Tabell 4.1 has no Sør-Trøndelag header: its '1600 Sør-Trøndelag' row stands in for it.
        if (l.table === "4.1" && knr === "1601") continue;
        expect(headerAbove(line), `${l.table} ${knr} line ${line}`).toBe(county);
      }
    }
  });

  it("cites the seed lines of Tabell 2.3, the two-model list and V2.1", () => {
    for (const r of [...TABELL_2_3.rows, ...TWO_MODEL_LIST.rows]) {
      const first = r.printed.split(/[ ,]/)[0] ?? "";
      expect(at(r.line).startsWith(first), `${r.printed} line ${r.line}`).toBe(true);
    }
    for (const [knr, line] of TABELL_V2_1.rows) expect(at(line), `V2.1 ${knr}`).toBe(knr);
    expect(at(TABELL_2_3.countLine)).toContain("I alt har 12 kommuner");
    expect(at(TWO_MODEL_LIST.countLine)).toContain("15 kommuner");
  });
});

describe("respondent-list.csv (Tabell V2.1)", () => {
  it("holds 100 existing kommunenummer with their seed lines", () => {
    const lines = read("respondent-list.csv").trim().split("\n");
    expect(lines[0]).toBe("knr,seed_line");
    expect(lines).toHaveLength(101);
    expect(lines[1]).toBe("0105,2524");
    expect(lines.at(-1)).toBe("2030,2744");
    for (const l of lines.slice(1)) expect(municipalities.has(l.split(",")[0] ?? ""), l).toBe(true);
  });
});

describe("parseAdoptersCsv", () => {
  it("rejects an unknown model with a message listing the valid ones", () => {
    const head = "knr,name,fylke,fylke_name,size_code_printed,size_class_ssb,resp_type,model,source_table,status,note\n";
    const r = parseAdoptersCsv(`${head}0420,Eidskog,4,Hedmark,3,3,1,q99,4.1,1,\n0420,Eidskog,4,Hedmark,,3,1,q7,4.2,1,\n`);
    expect(r.rows.map((x) => x.model)).toEqual(["q7"]);
    expect(r.errors).toEqual([{ row: 2, column: "model", message: '"q99" is neither q3/q7/q12/q16/q20/q24 nor q28_1…q28_9' }]);
  });
});
