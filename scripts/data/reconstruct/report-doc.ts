/**
 * docs/data/reconstruction.md, written by the build so its numbers (residuals, soft targets, the
 * correlation search) always describe the files next to it. The method text is fixed here.
 */
import type { ResidualReport } from "../../../src/data/residuals";
import type { SoftTargets } from "./soft-targets";
import type { RedrawRecord } from "./assign";
import type { Resolution } from "./statuses";
import type { Respondent } from "./respondent";

export interface ReportInput {
  seed: number;
  people: readonly Respondent[];
  residuals: ResidualReport;
  soft: SoftTargets;
  redraws: readonly RedrawRecord[];
  resolutions: readonly Resolution[];
  inconsistencies: readonly { id: string; table: string; resolution: string }[];
}

const METHOD = `# The 1999 respondents: how they were reconstructed

**The bundled respondents are a reconstruction from published aggregates, not the original
microdata.** The punched answers of the 1999 survey (RF-Rogalandsforskning / KPMG for KS) are not
public. \`data/survey-1999/respondents.csv\` and \`respondents.dat\` are built so that every printed
table of the report comes out exactly, every municipality the report names is present with its real
identity and listed answers, and nothing else is claimed about any real municipality.

Rebuild with \`npm run data:build\` (scripts/data/build-dataset.ts). It regenerates codebook.json,
printed-tables.json, respondents.csv, respondents.dat, provenance.json, residuals.json and this file,
byte-identical on every run, and prints the residual of every printed cell.

## Inputs

- \`data/reference/kommuner_1999_folkemengde_storrelsesklasse.csv\`: SSB's 435 kommuner of 1 January
  1999 with county and size class (see its README for the 17 estimated populations).
- \`data/survey-1999/adopters.csv\`: every named adopter (Tabell 4.1–4.15, 2.3, the two-model list).
- \`data/survey-1999/respondent-list.csv\`: kommunenummer printed in Tabell V2.1 (three of them, 0231,
  1106 and 1120, are named nowhere else; they are respondents with identity but no listed answer).
- \`data/survey-1999/printed-tables.json\` and its \`inconsistencies\`: the figures to reproduce.
- \`scripts/data/reconstruct/targets.ts\`: the builder's own, independent transcription of the quotas; the
  residual check compares the result with printed-tables.json, so a slip on either side shows.

## Method: a documented deterministic optimizer (no solver)

Every printed frequency is an exact quota. Quotas are handed out by **ranking**
(\`rankAssign\`): eligible respondents are sorted by a key = latent trait + seeded noise, and the
quotas are filled in code order. Counts are therefore exact by construction, while the key decides
*who* gets which answer, which is how the relations the report states are built in. All randomness
comes from one sfc32 generator with a fixed seed; each stage forks its own labelled stream.

1. **Frame (frame.ts).** 257 kommuner (59.1 % of 435, "i underkant av 60 prosent") and 10
   fylkeskommuner (55.6 % of 18; Oslo is a kommune) = 267. Named respondents (every knr in adopters.csv
   and respondent-list.csv) keep knr, name, county and SSB size class. The other kommuner are
   anonymous: the number per size class is SSB 1999 scaled to 257 minus the named ones (largest
   remainder), and each is drawn without replacement from the SSB kommuner *not* named, taking only
   its county and size class (flagged imputed; no name or number is written). Anonymous
   fylkeskommuner get a county without a named one, class 6. Respondent ids are a seeded shuffle.
2. **Statuses (statuses.ts), Tabell 2.1.** Named adopters are fixed at 1. Blanks are drawn at
   random; the two remaining servicetorg adopters go to anonymous respondents only (the appendix
   names every other adopter); codes 2–4 by key −(0.8·size + 0.6·activity) + noise, where named
   respondents' activity is raised by the models they are listed under. Skip rules: status 4 or blank
   leaves the follow-ups blank.
3. **Intranet (q9).** Text: 19/22/44/15 % of those with q7 = 1–3 (170): 32/37/75/26, larger first.
4. **Areas (areas.ts), Tabell 3.1–3.11 / 2.6.** Among status 1–3; blanks by a stable diligence
   trait; codes by key 2·status + noise, so "Er innført" goes to adopters first.
5. **q30 statements.** Printed only as a chart; counts chosen to meet the text (see below).
6. **Results and expectations (results.ts), Tabell 3.2–3.12 / 2.4.** Answered by status 1, then 2
   (the printed bases exceed the adopters; see inconsistencies results-base-exceeds-adopters and
   t24-totals-exceed-adopters). Grades by satisfaction = w·lead + noise (w = 0.5, BPR 2.5), where
   "lead" also drives q30_5. Because 18–66 answers make one draw's correlation noisy, a search tries
   numbered, replayable sub-streams 0, 1, 2 … and keeps the first whose r(q30_5, expectation) is in
   the band the report states ("svak" = [0.05, 0.30] for five models, clear ≥ 0.45 for BPR).
7. **Background (background.ts).** q1 (Tabell 2.2) by activity; q2/q31 ticks (Tabell 2.7/2.8);
   q28 (Tabell 2.5) with the named "I stor grad" fixed; q29 (Tabell 2.9) from the printed
   percentages via \`countsForPercents\` (counts that round to every printed percentage of the printed
   N); q32 gender 83/17 %; q33 age bands 15/50/30/5 % (uniform within band); q34 = the size code
   printed beside a named kommune when its printed codes agree (they look like q34 answers), else the
   SSB class; fylkeskommuner 6.

## What is fact and what is imputed

| fields | status |
|---|---|
| knr, name | printed (appendix); blank for everyone not named |
| fylke, size_class | printed/SSB for named; imputed (stratified draw) for anonymous |
| q3 … q24 = 1 for named adopters, q28_k = 1 for named "I stor grad" | printed fact |
| every other answer | constrained-random: exact printed margins, individual values invented |
| q30_*, q32, q33 | imputed from statements in the text (no table printed) |

Each CSV record carries a \`provenance\` string; \`provenance.json\` describes every field group.
`;

function residualTable(residuals: ResidualReport): string {
  const byTable = new Map<string, { cells: number; off: number; conflicts: Set<string>; soft: number }>();
  for (const c of residuals.cells) {
    const t = byTable.get(c.table) ?? { cells: 0, off: 0, conflicts: new Set<string>(), soft: 0 };
    t.cells++;
    if (c.soft) t.soft++;
    else if (!c.ok) t.off++;
    if (c.conflict) t.conflicts.add(c.conflict);
    byTable.set(c.table, t);
  }
  const lines = ["| table | cells compared | of which soft (text) | non-zero (exact cells) | documented conflicts met |", "|---|---|---|---|---|"];
  for (const [id, t] of byTable) lines.push(`| ${id} | ${t.cells} | ${t.soft} | ${t.off} | ${[...t.conflicts].join(", ") || "–"} |`);
  return lines.join("\n");
}

/** The markdown text of docs/data/reconstruction.md. */
export function reconstructionDoc(input: ReportInput): string {
  const { residuals, soft } = input;
  const exact = residuals.cells.filter((c) => !c.soft);
  const off = exact.filter((c) => !c.ok);
  const softCells = residuals.cells.filter((c) => c.soft);
  const parts = [METHOD];
  parts.push(`## Seed\n\n\`${input.seed}\` (scripts/data/reconstruct/reconstruct.ts, \`SEED\`).\n`);
  parts.push(`## Residuals\n\n${exact.length} printed cells are compared exactly (counts, or percentages rounded as printed; a documented conflict is compared with its \`resolved\` value): **${off.length} non-zero**. ${softCells.length} running-text statements ("om lag", "i overkant av") are soft and listed in residuals.json. ${residuals.skipped.length} rows (the name lists of Tabell 2.3 and the two-model list) are checked by the tests instead: each named municipality has status 1 on each listed model.\n\n${residualTable(residuals)}\n`);
  const conflicts = input.inconsistencies.map((i) => `- **${i.id}** (${i.table}): ${i.resolution}`).join("\n");
  parts.push(`## Conflicts in the report and what is reproduced\n\nFrom printed-tables.json; the reconstruction reproduces each resolution.\n\n${conflicts}\n`);
  if (input.resolutions.length > 0) {
    parts.push(`## Build-time resolutions\n\n${input.resolutions.map((r) => `- ${r.table} ${r.variable}: ${r.description}`).join("\n")}\n`);
  }
  const size = soft.sizeClass.map((s) => `| ${s.class} | ${s.kommuner} | ${s.ssbExpected} | ${s.respondents} |`).join("\n");
  const models = Object.entries(soft.sizeVsAdoption).map(([k, v]) => `${k} ${v}`).join(", ");
  const lead = input.redraws.map((s) => `${s.variable} ${s.r} (attempt ${s.attempt}, band ${s.band.join("–")})`).join(", ");
  parts.push(`## Soft targets achieved\n\n| size class | kommuner | SSB 1999 × 257/435 | all respondents (fylkeskommuner in 6) |\n|---|---|---|---|\n${size}\n\n- Gender: ${soft.genderPercent.men} % men, ${soft.genderPercent.women} % women (report: 83 / 17).\n- Age: ${soft.agePercent["41-50"]} % aged 41–50, ${soft.agePercent["51-60"]} % aged 51–60 (report: about half, about 30 %).\n- r(size class, adopted) > 0 for all six models: ${models}.\n- r(q30_5, expectations met), raw codes (1 = "I stor grad" on both): ${lead}.\n- r(size class, intranet progress 5 − q9) = ${soft.sizeVsIntranet}.\n- Stated but not reproducible: "27 kommuner with two or more models" — the appendix names 32 (inconsistency two-model-list-incomplete).\n`);
  return `${parts.join("\n")}`;
}
