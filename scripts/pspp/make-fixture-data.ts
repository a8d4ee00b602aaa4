/**
 * Writes the small deterministic dataset that the PSPP fixtures are computed on
 * (test/fixtures/pspp/survey-sample.csv). 96 respondents with the codebook's kind of variables:
 * status codes 1–4 with user-missing 9 and blanks (system missing), size class 1–6, respondent
 * type, county, age and a numeric score. Run by scripts/pspp/run-fixtures.sh; the CSV is committed
 * so the unit tests never need PSPP.
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";

/** mulberry32: a tiny seeded generator so the file is byte-identical on every machine. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const next = rng(19990615);
const pick = (n: number): number => 1 + Math.floor(next() * n);

/** A status answer that leans towards adoption in larger size classes; 9 and blank sprinkled in. */
function status(sizeClass: number, missingRate: number): string {
  const u = next();
  if (u < missingRate / 2) return "9";
  if (u < missingRate) return "";
  const lean = (sizeClass - 1) / 5; // 0 … 1
  const v = next() + lean * 0.6;
  if (v > 1.1) return "1";
  if (v > 0.75) return "2";
  if (v > 0.45) return "3";
  return "4";
}

const rows: string[] = ["resp_id,resp_type,fylke,size_class,q3,q7,q20,q33,score,q2_1,q2_2,q2_3"];
for (let i = 1; i <= 96; i++) {
  const respType = i % 12 === 0 ? 2 : 1;
  const sizeClass = respType === 2 ? 6 : pick(6);
  const fylke = pick(20);
  const q3 = status(sizeClass, 0.12);
  const q7 = status(sizeClass, 0.08);
  const q20 = status(sizeClass, 0.1);
  const age = next() < 0.06 ? "" : String(30 + Math.floor(next() * 35));
  const score = next() < 0.05 ? "" : (sizeClass * 2.5 + next() * 10).toFixed(2);
  const tick = (p: number): string => (next() < p ? "1" : "");
  rows.push([i, respType, fylke, sizeClass, q3, q7, q20, age, score, tick(0.5), tick(0.35), tick(0.2)].join(","));
}

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, "..", "..", "test", "fixtures", "pspp", "survey-sample.csv");
writeFileSync(out, rows.join("\n") + "\n");
console.log(`wrote ${rows.length - 1} rows to ${out}`);
