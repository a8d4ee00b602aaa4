import { describe, expect, it } from "vitest";
import { NotebookStore } from "../../../src/app/notebook-store";
import type { PortCellState, RuntimePort } from "../../../src/app/runtime-port";
import { Workbench } from "../../../src/app/workbench";
import type { CellDoc, NotebookDoc } from "../../../src/notebook/document";

const EMPTY = { fylke: [], sizeClass: [], respType: [], adopted: [] };

/** A runtime with one view() input called `filter`, set like the real one (queued until bound). */
class FilterRuntime implements RuntimePort {
  inputs: Record<string, unknown> = { filter: structuredClone(EMPTY) };
  sets: unknown[] = [];
  private listener: ((id: string, state: PortCellState) => void) | undefined;
  load(): void {}
  updateCell(_cell: CellDoc): void {}
  removeCell(): void {}
  state(): PortCellState | undefined {
    return undefined;
  }
  subscribe(listener: (id: string, state: PortCellState) => void): () => void {
    this.listener = listener;
    return () => (this.listener = undefined);
  }
  uses(): string[] {
    return [];
  }
  usedBy(): string[] {
    return [];
  }
  idle(): Promise<void> {
    return Promise.resolve();
  }
  setInput(name: string, value: unknown): void {
    this.sets.push(value);
    this.inputs[name] = value;
    this.fire();
  }
  inputValues(): Record<string, unknown> {
    return structuredClone(this.inputs);
  }
  dispose(): void {}
  /** The user moved the filter bar: the input's value changes and the cells rerun. */
  userSets(filter: unknown): void {
    this.inputs.filter = filter;
    this.fire();
  }
  private fire(): void {
    this.listener?.("filter", { id: "filter", status: "fulfilled", displays: [], defines: ["filter"], references: [], runs: 1 });
  }
}

/** A notebook without a filter bar: a value set for `filter` waits forever, like the real runtime's queue. */
class NoFilterRuntime extends FilterRuntime {
  override inputs: Record<string, unknown> = {};
  override setInput(_name: string, value: unknown): void {
    this.sets.push(value);
  }
}

const doc: NotebookDoc = { title: "Oversikt", cells: [{ id: "filter", kind: "js", source: "const filter = view(filterInput(data))" }] };

async function setup(withFilter = true): Promise<{ workbench: Workbench; runtimes: FilterRuntime[]; hashes: string[] }> {
  const runtimes: FilterRuntime[] = [];
  const hashes: string[] = [];
  const fetcher: typeof fetch = (input) => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    if (url === "notebooks/index.json") return Promise.resolve(new Response(JSON.stringify([{ name: "01-overview", title: "Oversikt" }])));
    return Promise.resolve(new Response("<notebook></notebook>"));
  };
  const workbench = new Workbench({
    store: await NotebookStore.open(),
    createRuntime: () => {
      const runtime = withFilter ? new FilterRuntime() : new NoFilterRuntime();
      runtimes.push(runtime);
      return runtime;
    },
    parseNotebook: () => ({ ok: true, doc }),
    serializeNotebook: () => "",
    fetcher,
    replaceHash: (hash) => hashes.push(hash),
  });
  await workbench.init();
  return { workbench, runtimes, hashes };
}

/** Error banners (the memory-only store in Node adds a storage warning of its own). */
function errors(workbench: Workbench): string[] {
  return workbench.banners.filter((b) => b.kind === "error").map((b) => b.message);
}

/** Let the session's start → idle → follow chain finish. */
async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await Promise.resolve();
  await new Promise((resolve) => setTimeout(resolve, 0));
}

describe("workbench keeps the survey filter in the URL", () => {
  it("applies the filter a link carries through setInput, without touching the URL", async () => {
    const { workbench, runtimes, hashes } = await setup();
    await workbench.openHash("#/nb/01-overview?filter=fylke%3D18%26size%3D2");
    await settle();
    expect(runtimes).toHaveLength(1);
    expect(runtimes[0]?.sets).toEqual([{ fylke: [18], sizeClass: [2], respType: [], adopted: [] }]);
    expect(hashes).toEqual([]);
    expect(errors(workbench)).toEqual([]);
  });

  it("rewrites the hash in place when the filter bar moves, and only then", async () => {
    const { workbench, runtimes, hashes } = await setup();
    await workbench.openHash("#/nb/01-overview");
    await settle();
    expect(hashes).toEqual([]);
    runtimes[0]?.userSets({ fylke: [11], sizeClass: [5, 6], respType: [], adopted: [] });
    runtimes[0]?.userSets({ fylke: [11], sizeClass: [5, 6], respType: [], adopted: [] });
    expect(hashes).toEqual(["#/nb/01-overview?filter=fylke%3D11%26size%3D5,6"]);
    runtimes[0]?.userSets(structuredClone(EMPTY));
    expect(hashes.at(-1)).toBe("#/nb/01-overview");
  });

  it("refuses a hostile filter: banner, nothing applied, clean URL, notebook open", async () => {
    const { workbench, runtimes, hashes } = await setup();
    await workbench.openHash(`#/nb/01-overview?filter=${"fylke%3D99".repeat(1000)}`);
    await settle();
    expect(errors(workbench)).toHaveLength(1);
    expect(errors(workbench)[0]).toMatch(/^The filter in this link was not applied, so the notebook shows all respondents\. It is 10007 characters long/);
    expect(runtimes[0]?.sets).toEqual([]);
    expect(hashes).toEqual(["#/nb/01-overview"]);
    expect(workbench.current?.session.mode).toBe("live");
  });

  it("reopening the notebook on screen with the URL (data switch) keeps the filter", async () => {
    const { workbench, runtimes } = await setup();
    await workbench.openHash("#/nb/01-overview");
    await settle();
    runtimes[0]?.userSets({ fylke: [18], sizeClass: [], respType: [], adopted: [] });
    await workbench.openHash("#/nb/01-overview?filter=fylke%3D18");
    await settle();
    expect(runtimes).toHaveLength(2);
    expect(runtimes[1]?.sets).toEqual([{ fylke: [18], sizeClass: [], respType: [], adopted: [] }]);
  });

  it("says so when the notebook has no filter bar to apply the link's filter to", async () => {
    const { workbench } = await setup(false);
    await workbench.openHash("#/nb/01-overview?filter=fylke%3D18");
    await settle();
    expect(workbench.banners.filter((b) => b.kind === "info").map((b) => b.message)).toContain(
      "This notebook has no filter bar, so the filter in the link was not applied.",
    );
    expect(errors(workbench)).toEqual([]);
  });
});
