/**
 * What a kernel's result rests on, found from the result alone. `stats.crosstab(selection, …)` returns
 * a plain result; `tables.crosstab(ct)` later shows it and needs each figure's evidence. The kernels
 * in scope are wrapped (a Proxy, so they keep their type, docs and signature) to remember, per result,
 * the selection and the call that made it; the evidence is computed over the ensemble only when a
 * table asks (once). A result computed on something else (a view, plain columns) has no entry: its
 * table shows no markers rather than invented ones; so has one computed on a single reconstruction.
 */
import { applyFilter, isSelection, type FilteredSurvey } from "../apply-filter";
import { EMPTY_FILTER } from "../../data/survey-filter";
import { isSurvey } from "../survey";
import { acrossDraws, type WithEvidence } from "./across-draws";
import { isReconstruction } from "./ensemble-surveys";

/** A result's evidence and the selection it was computed on. */
export interface ResultEvidence {
  readonly figures: WithEvidence<unknown>;
  readonly selection: FilteredSurvey;
}

const registry = new WeakMap<object, () => ResultEvidence>();
/** A result's object-valued fields (`matrix.cells`), each with its result and key: a chart may be handed only the part. */
const parts = new WeakMap<object, { result: object; key: string }>();

/** The evidence of a kernel's result, when it was computed by a wrapped kernel on a selection or survey. */
export function evidenceOfResult(result: unknown): ResultEvidence | undefined {
  return typeof result === "object" && result !== null ? registry.get(result)?.() : undefined;
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
  return new Proxy(kernel, {
    apply(target, self: unknown, args: unknown[]) {
      const result: unknown = Reflect.apply(target, self, args);
      const selection = selectionOf(args[0]);
      // A result on one reconstruction (a cell's `acrossReconstructions` computing on each draw) has
      // no ensemble of its own: no evidence is kept for it, and a table of it shows no markers.
      if (selection && !isReconstruction(selection.survey) && typeof result === "object" && result !== null) {
        const rest = args.slice(1);
        const onEach = each && ((draws: readonly FilteredSurvey[]): unknown[] => Reflect.apply(each, undefined, [draws, ...rest]));
        let made: ResultEvidence | undefined;
        registry.set(result, () => (made ??= { selection, figures: acrossDraws(selection, (s) => (s === selection ? result : Reflect.apply(target, self, [s, ...rest])), undefined, onEach) }));
        for (const [key, field] of Object.entries(result)) if (typeof field === "object" && field !== null && !parts.has(field)) parts.set(field, { result, key });
      }
      return result;
    },
  });
}
