/**
 * Where notebooks' `survey` comes from: the report's facts (codebook, printed tables, named
 * adopters) read once per page, the bundled reconstruction read once, a user's own file wrapped
 * once — and the selection under a filter computed once per (survey, filter), however many readers
 * ask (the filter bar's N and the notebook's `selection` share it).
 *
 * Primed (issue 12: opening a notebook from the sidebar): a notebook frame made ahead of time is
 * handed the bundled files before any notebook runs in it and parses them then
 * (`primeBundledSurvey`). When a notebook opens in it, its source still reads every file from its
 * host as before (the shell hands them over and records what the notebook read); only when the
 * bytes are the ones primed does it take the parsed result instead of parsing again.
 */
import { DEFAULT_LOCALE, type Locale } from "../base/locale/locale";
import { parseAdoptersCsv } from "../data/adopters";
import { SURVEY_PATHS, THESIS_PATH } from "../data/bundled-survey";
import { unwrap } from "../base/result";
import { sameBytes } from "../base/same-bytes";
import { loadFile } from "../data/loaders/load-file";
import type { LoadResult } from "../data/loaders/load-result";
import { parseCodebook } from "../data/parse-codebook";
import { decodeEnsemble } from "../data/ensemble";
import { parsePrintedTables } from "../data/printed-tables";
import { surveyFilterToParams, type SurveyFilter } from "../data/survey-filter";
import { applyFilter, type FilteredSurvey } from "./apply-filter";
import { drawnMask } from "./evidence/drawn-values";
import { drawBuildSteps, withEnsemble } from "./evidence/ensemble-surveys";
import { surveyFileProblem, surveyFromLoad, type ReportFacts, type Survey, type SurveyHost } from "./survey";
import { nextTurn, stepPerTask, type RunSteps } from "./work-ahead";

/** Which respondents: the bundled reconstruction or a file the user loaded. */
export type SurveyData = { kind: "bundled" } | { kind: "user"; load: LoadResult };

async function read(host: SurveyHost, path: string): Promise<string> {
  try {
    return await host.readText(path);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    throw surveyFileProblem(path, `could not be read (${detail}).`, path === SURVEY_PATHS.respondents
      ? "Build the reconstruction with `npm run data:build`, or load your own survey file."
      : "Check that the app is served with its data/ folder (npm start) and the file exists.");
  }
}

async function readJson(host: SurveyHost, path: string): Promise<unknown> {
  const text = await read(host, path);
  try {
    return JSON.parse(text);
  } catch (e) {
    throw surveyFileProblem(path, `is not valid JSON (${e instanceof Error ? e.message : String(e)}).`, "Regenerate it with `npm run data:build`.");
  }
}

async function readBytes(host: SurveyHost, path: string): Promise<Uint8Array> {
  try {
    return await host.readBytes(path);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    throw surveyFileProblem(path, `could not be read (${detail}).`, "Build the data with `npm run data:build`, and serve the app with its data/ folder (npm start).");
  }
}

/** Read the report's facts: codebook, printed tables, named adopters. */
export async function loadReportFacts(host: SurveyHost): Promise<ReportFacts> {
  const [codebookJson, printedJson, adoptersText] = await Promise.all([
    readJson(host, SURVEY_PATHS.codebook),
    readJson(host, SURVEY_PATHS.printed),
    read(host, SURVEY_PATHS.adopters),
  ]);
  const adopters = parseAdoptersCsv(adoptersText);
  const first = adopters.errors[0];
  if (first) throw surveyFileProblem(SURVEY_PATHS.adopters, `row ${first.row}, column ${first.column}: ${first.message}.`, "Regenerate it with `npm run data:build`.");
  return { codebook: parseCodebook(codebookJson, SURVEY_PATHS.codebook), printed: parsePrintedTables(printedJson), adopters: adopters.rows };
}

/**
 * Load the bundled 1999 survey: the reconstructed respondents with the report's facts and the
 * ensemble of reconstructions they are draw 0 of (every figure is classified over it). `pause`:
 * awaited between the steps of reading the respondents and before decoding the ensemble (work
 * ahead: several steps, not one).
 */
export async function loadSurvey(host: SurveyHost, facts?: Promise<ReportFacts>, pause?: () => Promise<void>): Promise<Survey> {
  const [known, bytes, ensembleBytes] = await Promise.all([
    facts ?? loadReportFacts(host),
    readBytes(host, SURVEY_PATHS.respondents),
    readBytes(host, SURVEY_PATHS.ensemble),
  ]);
  const load = unwrap(await loadFile(bytes, { codebook: known.codebook, name: SURVEY_PATHS.respondents, format: "csv", ...(pause ? { pause } : {}) }));
  await pause?.();
  const ensemble = decodeEnsemble(ensembleBytes);
  if (!ensemble.ok) throw surveyFileProblem(SURVEY_PATHS.ensemble, ensemble.error.message, "Rebuild it with `npm run data:build` and serve the data/ folder with the app.");
  return withEnsemble(surveyFromLoad(load, { facts: known, reconstructed: true }), ensemble.value);
}

/** The bundled files read ahead, and what was parsed from them (see the file comment). */
export interface PrimedSurvey {
  readonly files: ReadonlyMap<string, Uint8Array>;
  readonly facts: Promise<ReportFacts>;
  readonly survey: Promise<Survey>;
  /** Settles when the work ahead is done or stopped (masks, then the printed tables' counts on every draw). */
  readonly warmed: Promise<void>;
  /** Stop working ahead (a notebook opened: its own work comes first). */
  stopWarming(): void;
}

/**
 * Parse the bundled files (path → bytes, SURVEY_PATHS) ahead of time, a step per turn of `run`,
 * the ensemble's draws included; then, until a notebook opens, compute which respondents' values
 * each variable drew (the masks every audit line and evidence class reads, cached per survey), a
 * variable a step, and count every printed table on every draw unfiltered, a table a step (counts
 * kept per draw's table, evidence/warm-evidence.ts); with the thesis among the files (THESIS_PATH),
 * notebook 06's crosswalk selections are measured last, a reconstruction a step
 * (crosswalk/warm-crosswalk.ts). A file missing here is read from the host when a notebook asks.
 * `run` decides when the steps run (work-ahead.ts): in a spare frame, background turns of a few
 * ms, since the spare shares the open notebook's thread and a click there waits for a step.
 */
export function primeBundledSurvey(files: ReadonlyMap<string, Uint8Array>, run: RunSteps = stepPerTask): PrimedSurvey {
  let warming = true;
  const host: SurveyHost = {
    readBytes: async (path) => {
      await nextTurn(run);
      const bytes = files.get(path);
      if (!bytes) throw new Error(`${path} was not primed`);
      return bytes;
    },
    readText: async (path) => new TextDecoder().decode(await host.readBytes(path)),
  };
  const facts = loadReportFacts(host);
  const survey = loadSurvey(host, facts, () => nextTurn(run)).then(async (loaded) => {
    // The reconstructions' tables, a draw a step; reading `draws` then finds them built.
    await run(drawBuildSteps(loaded), () => true);
    void loaded.draws;
    return loaded;
  });
  const warm = async (loaded: Survey): Promise<void> => {
    const masks = loaded.table.columnNames().map((variable) => () => void drawnMask(loaded, variable));
    await run(masks, () => warming);
    // Then the printed tables on every reconstruction, a table a step (evidence/warm-evidence.ts).
    if (warming) await run((await import("./evidence/warm-evidence")).warmEvidenceSteps(loaded), () => warming);
    // Last, when the thesis was primed too, notebook 06's crosswalk, a reconstruction a step:
    // after 04's recounts, so that 04 opens as it did when the work ahead ends late (under load).
    const thesis = files.get(THESIS_PATH);
    if (warming && thesis) await run((await import("./crosswalk/warm-crosswalk")).crosswalkWarmStepsFromFile(loaded, thesis), () => warming);
  };
  facts.catch(() => undefined);
  const warmed = survey.then(warm).catch(() => undefined);
  return {
    files,
    facts,
    survey,
    warmed,
    stopWarming: () => {
      warming = false;
    },
  };
}

/**
 * `paths` read from `host`; `parsed` when there is one and they are byte for byte the primed
 * files, else `parse` run on the bytes just read.
 */
async function primedOr<T>(host: SurveyHost, primed: PrimedSurvey, paths: readonly string[], parsed: Promise<T> | undefined, parse: (host: SurveyHost) => Promise<T>): Promise<T> {
  const bytes = await Promise.all(paths.map((path) => readBytes(host, path)));
  const read = new Map(paths.map((path, i) => [path, bytes[i] ?? new Uint8Array()]));
  const same = paths.every((path) => {
    const before = primed.files.get(path);
    const now = read.get(path);
    return before !== undefined && now !== undefined && sameBytes(before, now);
  });
  if (same && parsed) return parsed;
  const fromRead = (path: string): Uint8Array => {
    const got = read.get(path);
    if (!got) throw new Error(`${path} was not read`);
    return got;
  };
  return parse({ readBytes: async (path) => fromRead(path), readText: async (path) => new TextDecoder().decode(fromRead(path)) });
}

const FACT_PATHS = [SURVEY_PATHS.codebook, SURVEY_PATHS.printed, SURVEY_PATHS.adopters];
const RESPONDENT_PATHS = [SURVEY_PATHS.respondents, SURVEY_PATHS.ensemble];

/** How many (survey, filter) selections to keep: the current one, the previous, and a what-if pair. */
const SELECTIONS_KEPT = 8;

/** The survey and its selections for one page (or one headless run). */
export class SurveySource {
  private facts: Promise<ReportFacts> | undefined;
  private bundledSurvey: Promise<Survey> | undefined;
  private readonly userSurveys = new WeakMap<LoadResult, Survey>();
  private readonly selections = new Map<string, { survey: Survey; selection: FilteredSurvey }>();

  /**
   * `host.view` "shared": selections print an N of 1–2 under a county or size filter as "N < 3".
   * `primed`: the bundled files parsed ahead of time (see the file comment).
   */
  constructor(
    private readonly host: SurveyHost & { readonly view?: "live" | "shared" },
    private readonly primed?: PrimedSurvey,
  ) {
    primed?.stopWarming();
  }

  /** The report's codebook, printed tables and adopters, read once. */
  reportFacts(): Promise<ReportFacts> {
    if (!this.facts) {
      const primed = this.primed;
      this.facts = primed ? primedOr(this.host, primed, FACT_PATHS, primed.facts, loadReportFacts) : loadReportFacts(this.host);
      // A notebook that never awaits `survey` must not turn a missing file into an unhandled rejection.
      this.facts.catch(() => undefined);
    }
    return this.facts;
  }

  /** The survey for `data`; the bundled one is read once, a user's file wrapped once. */
  survey(data: SurveyData = { kind: "bundled" }): Promise<Survey> {
    if (data.kind === "bundled") {
      if (!this.bundledSurvey) {
        const primed = this.primed;
        const facts = this.reportFacts();
        this.bundledSurvey = primed
          ? Promise.all([facts, primed.facts.catch(() => undefined)]).then(([known, primedFacts]) =>
              primedOr(this.host, primed, RESPONDENT_PATHS, known === primedFacts ? primed.survey : undefined, (read) => loadSurvey(read, Promise.resolve(known))),
            )
          : loadSurvey(this.host, facts);
        this.bundledSurvey.catch(() => undefined);
      }
      return this.bundledSurvey;
    }
    const known = this.userSurveys.get(data.load);
    if (known) return Promise.resolve(known);
    // The user's file is compared with the bundled print: the facts are read, the bundled respondents are not.
    return this.reportFacts()
      .catch(() => undefined)
      .then((facts) => {
        const survey = this.userSurveys.get(data.load) ?? surveyFromLoad(data.load, facts ? { facts } : {});
        this.userSurveys.set(data.load, survey);
        return survey;
      });
  }

  /** `applyFilter(survey, filter)` in `locale`, computed once per (survey, filter, locale) among the last few asked for. */
  select(survey: Survey, filter: SurveyFilter, locale: Locale = DEFAULT_LOCALE): FilteredSurvey {
    const key = `${locale}:${surveyFilterToParams(filter)}`;
    const hit = this.selections.get(key);
    if (hit && hit.survey === survey) {
      // Refresh its place so the current selection is the last to be dropped.
      this.selections.delete(key);
      this.selections.set(key, hit);
      return hit.selection;
    }
    const selection = applyFilter(survey, filter, { shared: this.host.view === "shared", locale });
    this.selections.delete(key);
    this.selections.set(key, { survey, selection });
    for (const old of this.selections.keys()) {
      if (this.selections.size <= SELECTIONS_KEPT) break;
      this.selections.delete(old);
    }
    return selection;
  }
}
