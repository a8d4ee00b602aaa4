/**
 * `npm run data:build`: regenerate the data from its sources (`data/sources`, `data/reference`),
 * byte-identical on every run — codebook.json, printed-tables.json and inconsistencies.md,
 * municipalities and adopters, the thesis findings, then the ensemble of reconstructions
 * (ensemble.bin) and its draw 0 as the canonical respondents (CSV, card image, provenance,
 * residuals) from a fixed seed — and print the residual of every printed cell.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { buildCodebook, writeCodebook } from "./codebook-source";
import { buildPrintedTables, renderInconsistencies, serializePrintedTables } from "./printed-tables-source";
import { writeThesis } from "./thesis-source";
import { buildFiles } from "./build-municipalities";
import { SEED } from "./reconstruct/reconstruct";
import { computeResiduals } from "../../src/data/residuals";
import { readAdopters, readMunicipalities, readRespondentList } from "./reconstruct/sources";
import { provenanceDocument, recordValues, respondentsCsv, respondentsDat } from "./reconstruct/write-outputs";
import { softTargets } from "./reconstruct/soft-targets";
import { reconstructionDoc } from "./reconstruct/report-doc";
import { buildEnsemble, ensembleRecords, ensembleVariables } from "./reconstruct/ensemble";
import { encodeEnsemble } from "./reconstruct/ensemble-file";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const out = (p: string): string => resolve(root, "data/survey-1999", p);

function write(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text, "utf8");
  console.log(`wrote ${path.slice(root.length + 1)} (${Buffer.byteLength(text)} bytes)`);
}

function writeBytes(path: string, bytes: Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, bytes);
  console.log(`wrote ${path.slice(root.length + 1)} (${bytes.length} bytes)`);
}

function main(): void {
  writeCodebook();
  const codebook = buildCodebook();
  const printed = buildPrintedTables();
  write(out("printed-tables.json"), serializePrintedTables(printed));
  write(out("inconsistencies.md"), renderInconsistencies(printed));
  console.log(`wrote ${writeThesis().slice(root.length + 1)}`);
  for (const [name, text] of Object.entries(buildFiles())) write(out(name), text);
  const municipalities = readMunicipalities(resolve(root, "data/reference/kommuner_1999_folkemengde_storrelsesklasse.csv"));
  const adopters = readAdopters(out("adopters.csv"));
  const listed = readRespondentList(out("respondent-list.csv"));
  const inputs = { municipalities, adopters, listed };
  // Draw 0 of the ensemble is the canonical respondents.csv.
  const ensemble = buildEnsemble(inputs, codebook, printed, SEED);
  const canonical = ensemble.reconstructions[0];
  if (!canonical) throw new Error("The ensemble is empty: ENSEMBLE_DRAWS must be at least 1.");
  const { people, resolutions, redraws } = canonical;
  const ensembleBytes = encodeEnsemble({
    seed: SEED,
    drawSeeds: ensemble.seeds,
    variables: ensembleVariables(codebook),
    draws: ensemble.reconstructions.map((r) => ensembleRecords(r, codebook)),
  });
  writeBytes(out("ensemble.bin"), ensembleBytes);
  write(out("respondents.csv"), respondentsCsv(people, codebook));
  write(out("respondents.dat"), respondentsDat(people, codebook));
  write(out("provenance.json"), `${JSON.stringify(provenanceDocument(SEED), null, 2)}\n`);
  const records = people.map((r) => recordValues(r, codebook));
  const missingCodes = new Map(codebook.variables.map((v) => [v.name, v.missing]));
  const residuals = computeResiduals(printed, records, (v) => missingCodes.get(v) ?? []);
  const soft = softTargets(people);
  write(out("residuals.json"), `${JSON.stringify({ seed: SEED, resolutions, redraws, soft, ...residuals }, null, 2)}\n`);
  write(resolve(root, "docs/data/reconstruction.md"),
    reconstructionDoc({ seed: SEED, people, residuals, soft, redraws, resolutions, inconsistencies: printed.inconsistencies,
      ensemble: { bytes: ensembleBytes.length, redraws: ensemble.reconstructions.map((r) => r.redraws) } }));

  // Per-table summary: every cell, non-zero residuals listed with their conflict id.
  const byTable = new Map<string, { cells: number; off: number }>();
  for (const c of residuals.cells) {
    const t = byTable.get(c.table) ?? { cells: 0, off: 0 };
    t.cells++;
    if (!c.ok && !c.soft) t.off++;
    byTable.set(c.table, t);
  }
  // Every exact cell, one line per printed row: code=target/reconstructed.
  console.log("\nEvery printed cell (code=printed-or-resolved/reconstructed):");
  const byRow = new Map<string, string[]>();
  for (const c of residuals.cells.filter((x) => !x.soft)) {
    const key = `${c.table} ${c.variable}${c.measure === "percent" ? " %" : ""}`;
    byRow.set(key, [...(byRow.get(key) ?? []), `${String(c.code)}=${c.target}/${c.reconstructed}${c.ok ? "" : " OFF"}`]);
  }
  for (const [key, cells] of byRow) console.log(`  ${key.padEnd(22)} ${cells.join("  ")}`);
  console.log("\nResiduals per table (printed or resolved vs reconstructed):");
  for (const [table, t] of byTable) console.log(`  ${table.padEnd(24)} ${String(t.cells).padStart(4)} cells, ${t.off} off`);
  for (const c of residuals.cells.filter((x) => !x.ok && !x.soft)) {
    console.log(`  OFF ${c.table} ${c.variable} ${String(c.code)} ${c.measure}: target ${c.target}, got ${c.reconstructed}${c.conflict ? ` [${c.conflict}]` : " [UNDOCUMENTED]"}`);
  }
  console.log("\nRunning-text statements (soft, approximate by nature):");
  for (const c of residuals.cells.filter((x) => x.soft)) {
    const unit = c.measure === "percent" ? " %" : "";
    console.log(`  ${c.table} ${c.variable} ${String(c.code)}: stated ${c.target}${unit}, reconstructed ${c.reconstructed}${unit} — "${c.row}"`);
  }
  for (const s of residuals.skipped) console.log(`  skipped ${s.table} ${s.row}: ${s.reason}`);
  for (const r of resolutions) console.log(`  resolution ${r.table} ${r.variable}: ${r.description}`);
  for (const d of redraws) console.log(`  ${d.relation} ${d.variable}: kept attempt ${d.attempt}, r = ${d.r}, band [${d.band.join(", ")}]`);
  console.log("\nSoft targets:");
  console.log(JSON.stringify(soft, null, 2));
}

main();
