/**
 * The app's one survey filter between the URL, share links and the open notebook: a link's filter
 * is set before the notebook runs, moving the filter rewrites the hash in place (only for a notebook
 * that reads it), a hostile filter applies nothing and says why, and the filter carries across
 * notebooks.
 */
import { messages, say } from "../../../src/base/locale/locale";
import { describe, expect, it } from "vitest";
import { unwrap } from "../../../src/base/result";
import { SurveyScope } from "../../../src/analysis/survey-scope";
import { NotebookSession } from "../../../src/app/notebook-session";
import { NotebookStore } from "../../../src/app/notebook-store";
import type { RuntimePort } from "../../../src/app/runtime-port";
import { Workbench } from "../../../src/app/workbench";
import type { NotebookDoc } from "../../../src/notebook/document";
import { QuietRuntime } from "./quiet-runtime";
import { encodeShare } from "../../../src/notebook/share-codec";

const EMPTY = { fylke: [], sizeClass: [], respType: [], adopted: [] };

/** A runtime whose cells read the names given (as their plans would say), and record builtin redefinitions. */
class FakeRuntime extends QuietRuntime {
  redefined: string[] = [];
  constructor(private readonly reads: readonly string[]) {
    super();
  }
  /** What the runtime says of a link's input values once it has run (set by a test). */
  report: ReturnType<RuntimePort["inputReport"]> = { applied: [], dropped: [] };
  override inputReport(): ReturnType<RuntimePort["inputReport"]> {
    return this.report;
  }
  override references(name: string): boolean {
    return this.reads.includes(name);
  }
  setBuiltin(name: string): void {
    this.redefined.push(name);
  }
}

const doc: NotebookDoc = { title: "Oversikt", cells: [{ id: "t", kind: "js", source: "selection.n" }] };

/** `hold`: the bundled notebooks' files arrive only once it resolves (a slow network or machine). */
async function setup(reads: readonly string[] = ["selection"], hold: Promise<void> = Promise.resolve()) {
  const runtimes: FakeRuntime[] = [];
  const hashes: string[] = [];
  // A link the user navigated to whose hashchange the workbench has not handled yet (else the URL
  // holds what the workbench opened or wrote, and the fake says nothing).
  const url: { pending?: string } = {};
  // The survey itself is never loaded here: nothing reads `selection`'s value.
  const scope = new SurveyScope(() => Promise.reject(new Error("not loaded in this test")));
  const fetcher: typeof fetch = (input) => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    if (url === "notebooks/index.json") return Promise.resolve(new Response(JSON.stringify([{ name: "01-overview", title: "Oversikt" }, { name: "02-six-models", title: "Seks" }])));
    return hold.then(() => new Response("<notebook></notebook>"));
  };
  const workbench = new Workbench({
    store: await NotebookStore.open(),
    filter: scope,
    createSession: ({ doc, drafts, inputs }) =>
      new NotebookSession({
        doc,
        drafts,
        inputs,
        createRuntime: () => {
          const runtime = scope.attached(new FakeRuntime(reads));
          runtimes.push(runtime);
          return runtime;
        },
      }),
    parseNotebook: () => ({ ok: true, value: { doc, warnings: [] } }),
    serializeNotebook: () => "",
    fetcher,
    replaceHash: (hash) => hashes.push(hash),
    currentHash: () => url.pending,
  });
  await workbench.init();
  return { workbench, scope, runtimes, hashes, url };
}

/** Error banners (the memory-only store in Node adds a storage warning of its own). */
function banners(workbench: Workbench, kind: "error" | "warning" | "info"): string[] {
  return workbench.banners.filter((b) => b.kind === kind).map((b) => say(b.message, messages.en));
}

/** Let the session's start → idle → follow chain finish. */
async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await Promise.resolve();
  await new Promise((resolve) => setTimeout(resolve, 0));
}

describe("the workbench's survey filter", () => {
  it("sets a link's filter before the notebook runs, and keeps it in the URL", async () => {
    const { workbench, scope, runtimes, hashes } = await setup();
    await workbench.openHash("#/nb/01-overview?filter=fylke%3D18%26size%3D2");
    await settle();
    expect(scope.filter).toEqual({ fylke: [18], sizeClass: [2], respType: [], adopted: [] });
    // Set before the runtime existed: its first run already used it, nothing was redefined.
    expect(runtimes[0]?.redefined).toEqual([]);
    expect(hashes.at(-1)).toBe("#/nb/01-overview?filter=fylke%3D18%26size%3D2");
    expect(banners(workbench, "error")).toEqual([]);
  });

  it("moving the filter redefines filter and selection and rewrites the hash in place", async () => {
    const { workbench, scope, runtimes, hashes } = await setup();
    await workbench.openHash("#/nb/01-overview");
    await settle();
    const before = hashes.length;
    scope.setFilter({ fylke: [11], sizeClass: [5, 6], respType: [], adopted: [] });
    scope.setFilter({ fylke: [11], sizeClass: [6, 5], respType: [], adopted: [] });
    expect(runtimes[0]?.redefined).toEqual(["filter", "selection"]);
    expect(hashes.slice(before)).toEqual(["#/nb/01-overview?filter=fylke%3D11%26size%3D5,6"]);
    scope.setFilter(EMPTY);
    expect(hashes.at(-1)).toBe("#/nb/01-overview");
  });

  it("shows a link followed while the last notebook is still loading, not the older notebook", async () => {
    let release = (): void => undefined;
    const hold = new Promise<void>((resolve) => (release = resolve));
    const { workbench } = await setup(["selection"], hold);
    const older = workbench.openHash("#/nb/02-six-models");
    const link = unwrap(await encodeShare({ doc: { title: "Delt", cells: [{ id: "s", kind: "js", source: "1 + 1" }] }, inputs: {} }));
    await workbench.openHash(`#share=${link}`);
    expect(workbench.current?.origin.kind).toBe("shared");
    // The older open's file arrives last: before, it replaced the link's preview with notebook 02.
    release();
    await older;
    await settle();
    expect(workbench.current?.origin.kind).toBe("shared");
    expect(workbench.current?.session.mode).toBe("preview");
  });

  it("does not write over a link the user navigated to before its hashchange was handled", async () => {
    const { workbench, scope, hashes, url } = await setup();
    await workbench.openHash("#/nb/01-overview");
    await settle();
    scope.setFilter({ fylke: [12], sizeClass: [], respType: [], adopted: [] });
    const before = hashes.length;
    expect(hashes.at(-1)).toBe("#/nb/01-overview?filter=fylke%3D12");
    // A share link pasted into the address bar: the hash changed, its hashchange not yet handled.
    url.pending = "#share=v1.pending";
    scope.setFilter({ fylke: [11], sizeClass: [], respType: [], adopted: [] });
    expect(hashes.length).toBe(before);
  });

  it("refuses a hostile filter: banner, nothing applied, clean URL, notebook open", async () => {
    const { workbench, scope, hashes } = await setup();
    for (const text of [`${"fylke%3D99".repeat(1000)}`, "fylke%3D13", "fylke%3D11%26fylke%3D12"]) {
      workbench.banners = [];
      await workbench.openHash(`#/nb/01-overview?filter=${text}`);
      await settle();
      expect(banners(workbench, "error"), text).toHaveLength(1);
      expect(banners(workbench, "error")[0]).toMatch(/^The filter in this link was not applied, so the notebook shows all respondents\./);
      expect(scope.filter).toEqual(EMPTY);
      expect(hashes.at(-1)).toBe("#/nb/01-overview");
      expect(workbench.current?.session.mode).toBe("live");
    }
  });

  it("carries one filter across notebooks", async () => {
    const { workbench, hashes } = await setup();
    await workbench.openHash("#/nb/01-overview?filter=fylke%3D18");
    await settle();
    await workbench.openHash("#/nb/02-six-models");
    await settle();
    expect(hashes.at(-1)).toBe("#/nb/02-six-models?filter=fylke%3D18");
  });

  it("says so when the notebook has no filter bar to apply the link's filter to, and keeps its URL clean", async () => {
    const { workbench, hashes } = await setup([]);
    await workbench.openHash("#/nb/01-overview?filter=fylke%3D18");
    await settle();
    expect(banners(workbench, "info")).toContain("This notebook has no filter bar, so the filter in the link was not applied to it.");
    expect(hashes.at(-1)).toBe("#/nb/01-overview");
  });

  it("takes a share link's filter through the same validation, and says which input was dropped", async () => {
    const { workbench, scope } = await setup();
    const good = unwrap(await encodeShare({ doc, inputs: { filter: { fylke: [12], sizeClass: [], respType: [], adopted: [] } } }));
    await workbench.openHash(`#share=${good}`);
    expect(scope.filter.fylke).toEqual([12]);
    for (const bad of [null, "fylke=11", {}]) {
      scope.setFilter(EMPTY);
      workbench.banners = [];
      await workbench.openHash(`#share=${unwrap(await encodeShare({ doc, inputs: { filter: bad } }))}`);
      expect(scope.filter, JSON.stringify(bad)).toEqual(EMPTY);
      expect(banners(workbench, "warning").join(" ")).toMatch(/The link's filter was not applied, so the notebook shows all respondents\. The filter/);
    }
  });

  it("puts the filter into the share link of a notebook that reads it", async () => {
    const { workbench, scope } = await setup();
    await workbench.openHash("#/nb/01-overview");
    await settle();
    scope.setFilter({ fylke: [3], sizeClass: [], respType: [], adopted: [] });
    const payload = await workbench.sharePayload();
    expect(payload).toBeDefined();
    const { decodeShare } = await import("../../../src/notebook/share-codec");
    const decoded = await decodeShare(payload ?? "");
    expect(decoded.ok && decoded.value.inputs).toEqual({ filter: { fylke: [3], sizeClass: [], respType: [], adopted: [] } });
  });

  it("names each input a shared link's value could not be restored to, once the notebook runs", async () => {
    const { workbench, runtimes } = await setup();
    await workbench.openHash(`#share=${unwrap(await encodeShare({ doc, inputs: { county: { id: 12 } } }))}`);
    expect(runtimes).toHaveLength(0);
    const message = 'Input "county" keeps its own value: the link gave an option it does not have. Set it by hand, or ask the sender for a new link.';
    const consent = workbench.consent();
    const runtime = runtimes[0];
    if (runtime) runtime.report = { applied: [], dropped: [{ name: "county", problem: { kind: "input-option", message } }] };
    await consent;
    expect(banners(workbench, "warning")).toContain(message);
  });
});

describe("importing a notebook file", () => {
  it("opens it in preview, runs and keeps nothing until the user chooses to run it", async () => {
    const { workbench, runtimes, hashes } = await setup();
    await workbench.openHash("#/nb/01-overview");
    await settle();
    const before = runtimes.length;
    await workbench.importFile("fra-kollega.html", "<notebook>…</notebook>");
    await settle();
    const open = workbench.current;
    expect(open?.origin).toEqual({ kind: "imported", fileName: "fra-kollega.html" });
    expect(open?.session.mode).toBe("preview");
    // Nothing ran (a preview makes no runtime), nothing was stored, and the address left the previous notebook.
    expect(runtimes.length).toBe(before);
    expect(workbench.locals.filter((l) => l.origin.kind === "imported")).toEqual([]);
    expect(hashes.at(-1)).toBe("#/");
    await workbench.consent();
    await settle();
    expect(open?.session.mode).toBe("live");
    expect(runtimes.length).toBe(before + 1);
    expect(workbench.locals.map((l) => [l.key, l.origin])).toContainEqual([open?.key, { kind: "imported", fileName: "fra-kollega.html" }]);
    expect(hashes.at(-1)).toBe(`#/local/${encodeURIComponent(open?.key ?? "")}`);
  });
});
