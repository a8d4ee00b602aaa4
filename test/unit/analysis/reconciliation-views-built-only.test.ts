/**
 * A shared notebook is untrusted code. Handed a reconciliation it made up — a table list claiming a
 * billion entries, `{}`, `null`, or a copy of a real one — `reconciliation.flaggedTable` and the
 * other views walked it: the long list held the frame (atk29: no return within 100 s), the others
 * threw "Cannot read properties of undefined". The views take only what `reconciliation.build`
 * returned, and tell anything else the call to make.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { applyFilter } from "../../../src/analysis/apply-filter";
import { createReconciliationBuiltins, type ReconciliationBuiltin } from "../../../src/analysis/reconciliation/reconciliation-builtins";
import type { Survey } from "../../../src/analysis/survey";
import { loadSurvey } from "../../../src/analysis/survey-source";
import { isProblemError } from "../../../src/base/result";
import { EMPTY_FILTER } from "../../../src/data/survey-filter";
import { nodeHost } from "../notebooks/headless-survey";

const host = nodeHost();
const reconciliation: ReconciliationBuiltin = createReconciliationBuiltins({ document: host.document, view: "live", locale: "en" }).reconciliation;
let survey: Survey;

beforeAll(async () => {
  survey = await loadSurvey(host);
});

/** Reads past this many entries of the fake list mean a view walked it (without the check it walked a billion). */
const READS_ALLOWED = 1_000;

/** A table list claiming a billion entries; walking it throws once it has been read past READS_ALLOWED. */
function billionTables(): unknown[] {
  let reads = 0;
  const walked = (key: string | symbol): void => {
    if (typeof key === "string" && /^\d+$/.test(key) && ++reads > READS_ALLOWED) throw new Error("a view walked the billion-entry table list");
  };
  // `flatMap`, `filter` and the like ask whether an index is there before reading it.
  return new Proxy<unknown[]>([], {
    get(target, key, receiver) {
      if (key === "length") return 1e9;
      walked(key);
      return Reflect.get(target, key, receiver);
    },
    has(target, key) {
      walked(key);
      return Reflect.has(target, key);
    },
  });
}

/** Each view with the arguments after `rec`; called as cell code calls it, with any value (untyped there). */
const views: [keyof ReconciliationBuiltin, unknown[]][] = [
  ["flagged", []],
  ["flaggedTable", []],
  ["summary", []],
  ["table", ["2.1"]],
  ["tables", [{ onlyFlagged: true }]],
  ["inconsistencies", []],
];

/** `reconciliation[name](rec, ...rest)` with `rec` of any value, as from a notebook's cell. */
const call = (name: keyof ReconciliationBuiltin, rec: unknown, rest: unknown[]): unknown => Reflect.apply(reconciliation[name], reconciliation, [rec, ...rest]);

/** Fakes a hostile notebook can hand over. */
const fakes: [string, () => unknown][] = [
  ["a billion-entry table list", () => ({ tables: billionTables(), filtered: false })],
  ["an empty object", () => ({})],
  ["null", () => null],
  ["a copy of a real build", () => ({ ...reconciliation.build(survey) })],
];

/** The error a view threw (synchronously or as the promise's rejection), or undefined. */
async function thrown(call: () => unknown): Promise<unknown> {
  try {
    await call();
    return undefined;
  } catch (error) {
    return error;
  }
}

describe("reconciliation views accept only what reconciliation.build returned", () => {
  it.each(views)("%s: every fake gets the builtin's error naming reconciliation.build(selection)", async (name, rest) => {
    for (const [what, fake] of fakes) {
      const error = await thrown(() => call(name, fake(), rest));
      expect(isProblemError(error), `${name} given ${what}: ${String(error)}`).toBe(true);
      const message = error instanceof Error ? error.message : "";
      expect(message, what).toContain(`reconciliation.${name}:`);
      expect(message, what).toContain("reconciliation.build(selection)");
    }
  }, 60_000);

  it.each(views)("%s: a build (new or kept) is accepted", async (name, rest) => {
    for (const selection of [applyFilter(survey, { ...EMPTY_FILTER, fylke: [11] }), survey, applyFilter(survey, { ...EMPTY_FILTER, fylke: [11] })]) {
      expect(await thrown(() => call(name, reconciliation.build(selection), rest))).toBeUndefined();
    }
  }, 120_000);
});
