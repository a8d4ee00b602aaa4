/**
 * What a kernel's result rests on, found from the result alone. `stats.crosstab(selection, …)` returns
 * a plain result; `tables.crosstab(ct)` later shows it and needs each figure's evidence. The kernels
 * in scope are wrapped (a Proxy, so they keep their type, docs and signature) to remember, per result,
 * the selection and the call that made it; the evidence is computed over the ensemble only when a
 * table asks (once). A result computed on something else (a view, plain columns) has no entry: its
 * table shows no markers rather than invented ones; so has one computed on a single reconstruction.
 *
 * The evidence of a call is kept per selection and arguments (`plainKey`): the filter bar hands back
 * the same selection when a filter is chosen again (the cleared filter, most often), and the same
 * call on it has the same figures on every reconstruction, so they are classified once. A `recode`
 * option's functions are keyed by what they give each value of their variable in the survey and every
 * reconstruction (`callKey`): 03's cells write new functions on each run. Arguments holding any other
 * function or a large or non-plain object are not kept: a key could not tell two of them apart.
 */
import { applyFilter, isSelection, type FilteredSurvey } from "../apply-filter";
import { EMPTY_FILTER } from "../../data/survey-filter";
import { isSurvey } from "../survey";
import { acrossDraws, acrossDrawsSteps, type WithEvidence } from "./across-draws";
import { isReconstruction } from "./ensemble-surveys";
import { aheadEvidence, noteCall } from "./kernel-evidence-ahead";
import { DRAWS_AHEAD_PER_STEP } from "../work-ahead";
import type { Steps } from "../../base/run-steps";
import { frameOf, recodeImageKey } from "../../stats/index";
import { isRecord } from "../../base/guards";

/** A result's evidence and the selection it was computed on. */
export interface ResultEvidence {
  readonly figures: WithEvidence<unknown>;
  readonly selection: FilteredSurvey;
}

const registry = new WeakMap<object, () => ResultEvidence>();
/** Per result, its evidence made in steps and kept as `evidenceOfResult` then finds it (`evidenceSteps`). */
const stepwise = new WeakMap<object, () => Steps<void>>();
/** A result's object-valued fields (`matrix.cells`), each with its result and key: a chart may be handed only the part. */
const parts = new WeakMap<object, { result: object; key: string }>();

/** The evidence of a kernel's result, when it was computed by a wrapped kernel on a selection or survey. */
export function evidenceOfResult(result: unknown): ResultEvidence | undefined {
  return typeof result === "object" && result !== null ? registry.get(result)?.() : undefined;
}

/**
 * The evidence of a kernel's result made in steps of `DRAWS_AHEAD_PER_STEP` reconstructions
 * (work-ahead.ts) and kept, as `evidenceOfResult` would make it at once: for work ahead, which runs
 * steps between other tasks (warm-kernels.ts). Undefined for a result no wrapped kernel made on a
 * selection; no step computes anything when its evidence is kept already or cannot be kept.
 */
export function evidenceSteps(result: object): Steps<void> | undefined {
  return stepwise.get(result)?.();
}

/**
 * The evidence of a result or of one of its fields (`stats.correlationMatrix(…).cells` passed on
 * inside a new object), with the path prefix of that field's figures ("" for the result itself).
 */
export function evidenceOfPart(value: unknown): { evidence: ResultEvidence; prefix: string } | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const whole = evidenceOfResult(value);
  if (whole) return { evidence: whole, prefix: "" };
  const part = parts.get(value);
  const owner = part && evidenceOfResult(part.result);
  return part && owner ? { evidence: owner, prefix: `${part.key}.` } : undefined;
}

/** The selection a data argument stands for (a survey is its unfiltered selection). */
function selectionOf(data: unknown): FilteredSurvey | undefined {
  if (isSelection(data)) return data;
  if (isSurvey(data)) return applyFilter(data, EMPTY_FILTER);
  return undefined;
}

/**
 * `kernel` (data first) that remembers, per result, how to classify its figures over the ensemble.
 * `each` is the kernel on a list of datasets (`sizeClassRatesEach`: arguments checked once, result i
 * for dataset i): the reconstructions are then computed in one call rather than one call each.
 */
export function evidencedKernel<F extends (...args: never[]) => unknown>(kernel: F, each?: (...args: never[]) => unknown[]): F {
  // Per selection: the evidence of this kernel's calls on it, by their arguments' key.
  const kept = new WeakMap<FilteredSurvey, Map<string, WithEvidence<unknown>>>();
  const id = kernels++;
  return new Proxy(kernel, {
    apply(target, self: unknown, args: unknown[]) {
      const result: unknown = Reflect.apply(target, self, args);
      const selection = selectionOf(args[0]);
      // A result on one reconstruction (a cell's `acrossReconstructions` computing on each draw) has
      // no ensemble of its own: no evidence is kept for it, and a table of it shows no markers.
      if (selection && !isReconstruction(selection.survey) && typeof result === "object" && result !== null) {
        const rest = args.slice(1);
        const onEach = each && ((draws: readonly FilteredSurvey[]): unknown[] => Reflect.apply(each, undefined, [draws, ...rest]));
        const compute = (on: FilteredSurvey, value: unknown): WithEvidence<unknown> =>
          acrossDraws(on, (s) => (s === on ? value : Reflect.apply(target, self, [s, ...rest])), undefined, onEach);
        // The same on another selection, in steps (work ahead: kernel-evidence-ahead.ts).
        const computeSteps = (on: FilteredSurvey): Steps<WithEvidence<unknown>> =>
          acrossDrawsSteps(on, (s) => Reflect.apply(target, self, [s, ...rest]), onEach, DRAWS_AHEAD_PER_STEP);
        // Made once per result (`registry` below), when its evidence is first asked for.
        const figures = (): WithEvidence<unknown> => {
          const key = callKey(selection, rest);
          if (key === undefined) return compute(selection, result);
          // Noted, so that the frame can compute it under each county ahead (kernel-evidence-ahead.ts).
          const call = noteCall(selection.survey, `${id}\u0000${key}`, computeSteps);
          const known = kept.get(selection)?.get(key);
          // The same figures, classified once; `value` is this call's own result. Not a spread:
          // that would read `counts`, which classifies every figure (across-draws.ts: on demand).
          const found = known ? { value: result, evidence: known.evidence, get counts() { return known.counts; }, draws: known.draws } : undefined;
          const ahead = !found && call ? aheadEvidence(selection, call.key) : undefined;
          let whole: WithEvidence<unknown> | undefined;
          const full = (): WithEvidence<unknown> => {
            if (!whole) keep(kept, selection, key, (whole = compute(selection, result)));
            return whole;
          };
          const figures: WithEvidence<unknown> = found ?? (ahead
            ? { value: result, evidence: (path) => ahead.byPath.get(path) ?? full().evidence(path), get counts() { return full().counts; }, draws: ahead.draws }
            : full());
          if (!call) return figures;
          // The figures read are the ones worked ahead.
          return { value: result, evidence: (path) => (call.paths.add(path), figures.evidence(path)), get counts() { return figures.counts; }, draws: figures.draws };
        };
        let made: ResultEvidence | undefined;
        registry.set(result, () => (made ??= { selection, figures: figures() }));
        // The same evidence as `full()` makes, in steps, kept where `figures()` then finds it.
        stepwise.set(result, function* () {
          const key = callKey(selection, rest);
          if (made || key === undefined || kept.get(selection)?.has(key)) return;
          keep(kept, selection, key, yield* acrossDrawsSteps(selection, (s) => (s === selection ? result : Reflect.apply(target, self, [s, ...rest])), onEach, DRAWS_AHEAD_PER_STEP));
        });
        for (const [key, field] of Object.entries(result)) if (typeof field === "object" && field !== null && !parts.has(field)) parts.set(field, { result, key });
      }
      return result;
    },
  });
}

/** Kernels made so far: each one's number keys its noted calls apart from another's. */
let kernels = 0;

/** Calls' evidence kept per selection and kernel: enough for every call of a shipped notebook's cells. */
const KEPT_PER_SELECTION = 64;

function keep(kept: WeakMap<FilteredSurvey, Map<string, WithEvidence<unknown>>>, selection: FilteredSurvey, key: string, figures: WithEvidence<unknown>): void {
  const map = kept.get(selection) ?? new Map<string, WithEvidence<unknown>>();
  kept.set(selection, map);
  if (map.size >= KEPT_PER_SELECTION) map.clear();
  map.set(key, figures);
}

/**
 * The key of a call's arguments on `selection`: `plainKey`, or for arguments whose last is an options
 * object with a `recode` of functions, the other arguments' plain key and the recode's images over
 * the values of its variables in the survey and each reconstruction (stats `recodeImageKey`: equal
 * images give equal results on every draw). Undefined when neither applies.
 */
export function callKey(selection: FilteredSurvey, rest: readonly unknown[]): string | undefined {
  const plain = plainKey(rest);
  if (plain !== undefined) return plain;
  const options = rest.at(-1);
  if (!isRecord(options) || Object.getPrototypeOf(options) !== Object.prototype) return undefined;
  const { recode, ...others } = options;
  if (!isRecord(recode) || Object.getPrototypeOf(recode) !== Object.prototype) return undefined;
  const head = plainKey([...rest.slice(0, -1), others]);
  if (head === undefined) return undefined;
  const surveys = selection.survey.draws ?? [selection.survey];
  const columnsOf = (name: string): Float64Array[] => surveys.map((s) => frameOf(s.view).column(name));
  try {
    const images = recodeImageKey(recode, columnsOf);
    return images === undefined ? undefined : `${head}\u0000recode ${images}`;
  } catch {
    // A variable the data lack: the kernel says so; nothing to key.
    return undefined;
  }
}

/** Longest key kept: a codebook or a long list passed as an argument is not worth keeping by its text. */
const MAX_KEY = 2000;

/**
 * A text that is the same exactly for equal plain arguments (text, numbers, booleans, null, arrays and
 * plain objects of them), or undefined for anything else — a function, a table, a typed array, a
 * large object — whose equality a text cannot tell.
 */
export function plainKey(value: unknown): string | undefined {
  const parts: string[] = [];
  let length = 0;
  const add = (text: string): boolean => {
    parts.push(text);
    length += text.length;
    return length <= MAX_KEY;
  };
  const walk = (v: unknown, depth: number): boolean => {
    if (v === null || typeof v === "boolean" || typeof v === "string") return add(JSON.stringify(v));
    if (v === undefined) return add("u");
    // Object.is: -0 and NaN are their own values (JSON would write them as 0 and null).
    if (typeof v === "number") return add(Object.is(v, -0) ? "-0" : String(v));
    if (typeof v !== "object" || depth > 4) return false;
    if (Array.isArray(v)) {
      if (!add("[")) return false;
      for (const item of v) if (!walk(item, depth + 1) || !add(",")) return false;
      return add("]");
    }
    const proto: unknown = Object.getPrototypeOf(v);
    if (proto !== Object.prototype && proto !== null) return false;
    if (!add("{")) return false;
    for (const [k, item] of Object.entries(v)) if (!add(`${JSON.stringify(k)}:`) || !walk(item, depth + 1) || !add(",")) return false;
    return add("}");
  };
  return walk(value, 0) ? parts.join("") : undefined;
}
