/**
 * The fixed prose of docs/data/reconstruction.md: the principle, the method stage by stage, what
 * the principle removed, and the ensemble file format. report-doc.ts adds the generated parts.
 */

export const PRINCIPLE = `# The 1999 respondents: how they were reconstructed

**The bundled respondents are a reconstruction from published aggregates, not the original
microdata.** The punched answers of the 1999 survey (RF-Rogalandsforskning / KPMG for KS) are not
public. \`data/survey-1999/respondents.csv\` and \`respondents.dat\` are one reconstruction (draw 0);
\`data/survey-1999/ensemble.bin\` holds it and 49 more. Rebuild all of it with \`npm run data:build\`
(scripts/data/build-dataset.ts): byte-identical on every run.

## The principle

The build imposes exactly three kinds of constraint, and nothing else:

1. **Every printed figure** of the report — table cells, totals, the figures of the running text
   that carry a documented resolution — with the resolutions of the report's own contradictions
   (\`data/survey-1999/inconsistencies.md\`).
2. **The facts of named respondents**: each municipality the appendix names (Tabell 4.1–4.15, 2.3,
   the two-model list, V2.1) is present with its real kommunenummer, county and SSB size class, and
   answers what its listings say.
3. **Relations the report states in words**, each listed below with its seed line (line numbers in
   \`data/sources/000_7a6e6f7d2cc5bfc8.txt\`), the direction and the band imposed
   (\`scripts/data/reconstruct/stated-relations.ts\`, which the build and the tests read).

Everything else is drawn as uninformatively as those constraints allow: every quota is dealt by a
uniformly random arrangement of the eligible respondents (\`dealQuotas\`), so each variable is
independent of every other given its constrained margins. There are no latent traits and no
ranking keys. Where a stated relation must hold, the stage is redrawn until it does (rejection), so
the accepted draw is uniform among those that satisfy the band: the relation is as weak as the
report's words allow, never tuned stronger.

What this means for an analyst: a statistic that is the same in every reconstruction follows from
the print and the named facts; one that varies across the ensemble rests on the reconstruction. The
spread of the ensemble shows what the published material leaves open *under independence*: it is
not a range of plausible true values. Where the real answers were related (barrier items that go
together, say), the reconstruction cannot know it and shows no relation.
`;

export const METHOD = `## Inputs

- \`data/reference/kommuner_1999_folkemengde_storrelsesklasse.csv\`: SSB's 435 kommuner of 1 January
  1999 with county and size class (see its README for the 17 estimated populations).
- \`data/survey-1999/adopters.csv\`: every named adopter (Tabell 4.1–4.15, 2.3, the two-model list).
- \`data/survey-1999/respondent-list.csv\`: kommunenummer printed in Tabell V2.1 (three of them, 0231,
  1106 and 1120, are named nowhere else; they are respondents with identity but no listed answer).
- \`data/survey-1999/printed-tables.json\` and its \`inconsistencies\`: the figures to reproduce.
- \`scripts/data/reconstruct/targets.ts\`: the builder's own, independent transcription of the quotas; the
  residual check compares the result with printed-tables.json, so a slip on either side shows.

## Method, stage by stage

All randomness comes from one sfc32 generator seeded with \`SEED\`; each stage forks its own
labelled stream. Ensemble draw *k* uses a seed derived from \`SEED\` and *k*.

1. **Frame (frame.ts).** 257 kommuner (59.1 % of 435, "i underkant av 60 prosent") and 10
   fylkeskommuner (55.6 % of 18; Oslo is a kommune) = 267. Named respondents keep knr, name, county
   and SSB size class. The anonymous kommuner per size class are SSB 1999 scaled to 257 minus the
   named ones (stated relation representative-size); each is an SSB kommune *not* named, drawn
   uniformly, of which only county and size class are kept (flagged imputed; no name or number is
   written). Anonymous fylkeskommuner get a county without a named one, class 6. Respondent ids
   are a uniform shuffle.
2. **Statuses (statuses.ts), Tabell 2.1.** Named adopters are fixed at 1; the two servicetorg
   adopters Tabell 4.2 does not name go to named kommuner listed under exactly one other of the six
   (inconsistency adoption-share-42). Blanks and codes 2–4 are dealt uniformly. The sign of
   r(size, adopted) is checked (stated relation size-adoption). Skip rules: status 4 or blank
   leaves the follow-ups blank.
3. **Intranet (q9).** 19/22/44/15 % of the 170 with q7 = 1–3 (32/37/75/26), dealt uniformly and
   redrawn until r(size, 5 − q9) > 0 (size-intranet).
4. **Areas (areas.ts), Tabell 3.1–3.11 / 2.6.** Among status 1–3: codes 1 and 2 only from status
   1–2 (area-status), then 3, 9 and blank uniformly; every line independently.
5. **q30 statements.** Printed only as a chart; counts chosen to meet the text (targets.ts), dealt
   uniformly.
6. **Results and expectations (results.ts), Tabell 3.2–3.12 / 2.4.** Every adopter answers each
   item, the rest of the printed N comes from status 2 (results-asked-of-adopters); grades dealt
   uniformly. Expectations are redrawn until r(q30_5, expectation) is in its band
   (lead-expectations).
7. **Background (background.ts).** q1 (Tabell 2.2), q2/q31 ticks (Tabell 2.7/2.8), q28 (Tabell 2.5;
   named "I stor grad" fixed, the 8 unnamed q28_7 ones on respondents already counted as adopters:
   adoption-share-48), q29 (Tabell 2.9, counts that round to every printed percentage of the
   printed N, \`countsForPercents\`), q32 gender 83/17 %, q33 age bands 15/50/30/5 % (uniform within
   band): all dealt uniformly. q34 = the size code printed beside a named kommune when its printed
   codes agree, else the SSB class; fylkeskommuner 6.

## What the principle removed

The generator before issue 10 ranked respondents by keys made of latent traits and size, which
built relations into the data that the report never states. Removed:

| what | how it was built in | what it produced on main (canonical draw; ensemble mean of main's generator where marked) |
|---|---|---|
| size → q29_1 (competence lacking) | q29_1 ranked by 0.5·size + noise | r(size, q29_1) = 0.47; 100 % agree in class 1, 0 % in class 6 |
| status codes 2–4 by size and "activity" | −(0.8·size + 0.6·activity) + noise, named adopters' activity raised | every non-adopting fylkeskommune and size-6 kommune "holder på"; fylkeskommuner never "ingen planer" (0/10, Fisher p .002–.04) |
| q1 by activity and models adopted | −(activity + 0.8·models) + noise | r(q1, models adopted) = −0.62 |
| q2, q31 ticks by activity; q2_1 by "lead" | activity and lead in the key | anchoring and initiative tied to adoption and to q30_5 |
| q28 grades by activity; q28 blanks by "diligence" | −0.7·activity + noise | other models' grades tied to adoption |
| q30 items by activity | −0.4·activity + noise | statements tied to adoption |
| area blanks by "diligence", area codes by 2·status + noise | the same respondents skip many lines; adopters say "Er innført" first | area items correlated with each other and with status beyond the answer categories |
| results and expectations by one "satisfaction" trait per model (w·lead + noise); "vet ikke" to those not yet done; the diligent answer first | one trait behind every result item of a model | ensemble mean r(status, result) up to 0.86, results items of one model correlated 0.6–0.7 |
| q9 by size and activity | −(0.6·size + 0.3·activity) + noise | r(size, 5 − q9) = 0.48 (the report states only the sign) |
| r(q30_5, expectations) searched in [0.05, 0.30] / [0.45, 1] with the lead trait also in q2_1 | a fixed weight 0.5 / 2.5 | kept; now imposed by rejection on uniform draws, band from the report's words (weak and not significant / significant) |

\`test/unit/reconstruct/no-invented-relations.test.ts\` checks the result over the ensemble: on main's
generator, 1 164 of 5 514 variable pairs had a mean r outside tolerance and 437 had the same sign
in every draw; now none.
`;

export const ENSEMBLE_FORMAT = `## The ensemble file

\`data/survey-1999/ensemble.bin\` is read by \`decodeEnsemble\` (src/data/ensemble.ts; imports only
src/base, no DOM), in the browser and in Node:

- bytes 0–7: \`TVRSENS1\`; bytes 8–11: header length H (uint32, little-endian); then H bytes of
  UTF-8 JSON: \`{ format, version, draws, rows, seed, drawSeeds, columns: [{ name, values, bits,
  offset }] }\`.
- Then one block per column at \`offset\` (bytes after the header): draws × rows cell indices,
  draw after draw, rows in resp_id order, each \`bits\` wide, least significant bit first. Index 0
  is blank; index k is \`values[k − 1]\`. \`bits\` is the fewest that hold the column's distinct
  values plus blank (1 bit for a tick box, 2–3 for the questions, 5 for county, 6 for age, 8
  for knr, 9 for resp_id).
- Columns: the codebook's 129 variables (resp_id … q34), then resp_type, fylke, size_class and knr
  (a number in the file; blank for anonymous respondents). The app spells knr back as text with its
  leading zero ("0231"), as the survey has it (\`src/data/ensemble-text-column.ts\`).

\`\`\`ts
const result = decodeEnsemble(new Uint8Array(await (await fetch("data/survey-1999/ensemble.bin")).arrayBuffer()));
if (!result.ok) throw new Error(result.error.message);          // Problem "ensemble-format", says the fix
const e = result.value;                                          // e.draws = 50, e.rows = 267
const q3 = e.column("q3", 7);                                    // Float64Array(267), NaN = blank
const draw = e.draw(7);                                          // Map<variable, Float64Array>
const all = e.stacked("size_class");                             // Float64Array(50 × 267), draw 0 first
\`\`\`
`;
