/**
 * docs/data/reconstruction.md, written by the build so its numbers (residuals, stated relations
 * across the ensemble, margins) always describe the files next to it. The prose is fixed in
 * report-method.ts; the list of stated relations is rendered from stated-relations.ts.
 */
import type { ResidualReport } from "../../../src/data/residuals";
import type { SoftTargets } from "./soft-targets";
import type { RedrawRecord } from "./assign";
import type { Resolution } from "./statuses";
import type { Respondent } from "./respondent";
import { ENSEMBLE_FORMAT, METHOD, PRINCIPLE } from "./report-method";
import { STATED_RELATIONS } from "./stated-relations";

export interface ReportInput {
  seed: number;
  people: readonly Respondent[];
  residuals: ResidualReport;
  soft: SoftTargets;
  redraws: readonly RedrawRecord[];
  resolutions: readonly Resolution[];
  inconsistencies: readonly { id: string; table: string; resolution: string }[];
  /** The ensemble: its size in bytes, and each draw's redraw records (draw 0 first). */
  ensemble: { bytes: number; redraws: readonly (readonly RedrawRecord[])[] };
}

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

const f3 = (x: number): string => (Math.abs(x) < 0.001 && x !== 0 ? x.toFixed(4) : x.toFixed(3));

/** The stated relations: words, lines, direction, band, and r in draw 0 and across the ensemble. */
function relationsSection(input: ReportInput): string {
  const rows = STATED_RELATIONS.map((rel) => {
    const measured = [...new Set(input.ensemble.redraws.flatMap((d) => d.filter((x) => x.relation === rel.id).map((x) => x.variable)))];
    const ranges = measured.map((v) => {
      const rs = input.ensemble.redraws.map((d) => d.find((x) => x.relation === rel.id && x.variable === v)?.r ?? null).filter((r): r is number => r !== null);
      const first = input.redraws.find((x) => x.relation === rel.id && x.variable === v)?.r;
      return `${v}: ${first === null || first === undefined ? "–" : f3(first)} (${f3(Math.min(...rs))} … ${f3(Math.max(...rs))})`;
    });
    const [from, to] = rel.lines;
    return `| **${rel.id}** | ${from === to ? from : `${from}–${to}`} | «${rel.quote}» | ${rel.measure} | ${rel.direction} | ${rel.band} | ${rel.enforcement} | ${ranges.join("; ") || "rule: holds in every draw (tested)"} |`;
  });
  const readings = STATED_RELATIONS.map((rel) => `- **${rel.id}**: ${rel.reading}`).join("\n");
  return `## The stated relations (imposed)

| id | seed lines | the report's words | measure | direction | band imposed | how | r: draw 0 (ensemble min … max) |
|---|---|---|---|---|---|---|---|
${rows.join("\n")}

${readings}

The report also states *absences* of relation, which the principle meets without imposing anything:
"bare små forskjeller mellom primærkommuner og fylkeskommunene" (lines 574–576) and "Der resultatene
for fylkeskommunene avviker fra det generelle mønsteret er dette kommentert spesielt" (lines
505–506). It compares two margins — about 10 % with two or more models, "i overkant av 10 prosent"
self-rated very active (lines 188–193) — without relating them respondent by respondent, and says
the 48 % disregards self-rated activity (lines 566–568); so q1 is independent of adoption.
`;
}

/** The markdown text of docs/data/reconstruction.md. */
export function reconstructionDoc(input: ReportInput): string {
  const { residuals, soft } = input;
  const exact = residuals.cells.filter((c) => !c.soft);
  const off = exact.filter((c) => !c.ok);
  const softCells = residuals.cells.filter((c) => c.soft);
  const parts = [PRINCIPLE, relationsSection(input), METHOD];
  parts.push(`## Seed and ensemble\n\nSeed \`${input.seed}\` (scripts/data/reconstruct/reconstruct.ts, \`SEED\`). The ensemble holds ${input.ensemble.redraws.length} reconstructions (\`ENSEMBLE_DRAWS\`, scripts/data/reconstruct/ensemble.ts), ${input.ensemble.bytes} bytes; draw 0 is respondents.csv. The build checks every draw against every exact printed cell and stops if one is missed; the tests check every draw again, together with the named facts, the skip rules and the stated relations.\n`);
  parts.push(ENSEMBLE_FORMAT);
  parts.push(`## Residuals (draw 0; every draw is the same on these cells)\n\n${exact.length} printed cells are compared exactly (counts, or percentages rounded as printed; a documented conflict is compared with its \`resolved\` value): **${off.length} non-zero**. ${softCells.length} running-text statements ("om lag", "i overkant av") are soft and listed in residuals.json. ${residuals.skipped.length} rows (the name lists of Tabell 2.3 and the two-model list) are checked by the tests instead: each named municipality has status 1 on each listed model.\n\n${residualTable(residuals)}\n`);
  const conflicts = input.inconsistencies.map((i) => `- **${i.id}** (${i.table}): ${i.resolution}`).join("\n");
  parts.push(`## Conflicts in the report and what is reproduced\n\nFrom printed-tables.json (reasoning in data/survey-1999/inconsistencies.md); every reconstruction reproduces each resolution.\n\n${conflicts}\n`);
  if (input.resolutions.length > 0) {
    parts.push(`## Build-time resolutions (draw 0)\n\n${input.resolutions.map((r) => `- ${r.table} ${r.variable}: ${r.description}`).join("\n")}\n`);
  }
  const size = soft.sizeClass.map((s) => `| ${s.class} | ${s.kommuner} | ${s.ssbExpected} | ${s.respondents} |`).join("\n");
  parts.push(`## Margins stated in words (draw 0)\n\n| size class | kommuner | SSB 1999 × 257/435 | all respondents (fylkeskommuner in 6) |\n|---|---|---|---|\n${size}\n\n- Gender: ${soft.genderPercent.men} % men, ${soft.genderPercent.women} % women (report: 83 / 17).\n- Age: ${soft.agePercent["41-50"]} % aged 41–50, ${soft.agePercent["51-60"]} % aged 51–60 (report: about half, about 30 %).\n- Stated but not reproducible: "27 kommuner with two or more models" — the appendix names 32, and the two unnamed servicetorg adopters make 34 (inconsistency two-model-list-incomplete).\n`);
  return `${parts.join("\n")}`;
}
