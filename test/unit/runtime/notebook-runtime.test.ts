import { afterEach, describe, expect, it } from "vitest";
import type { CellDoc, NotebookDoc } from "../../../src/notebook/document";
import { NotebookRuntime } from "../../../src/runtime/notebook-runtime";

const js = (id: string, source: string): CellDoc => ({ id, kind: "js", source });
const md = (id: string, source: string): CellDoc => ({ id, kind: "md", source });
const doc = (...cells: CellDoc[]): NotebookDoc => ({ title: "test", cells });

let runtime: NotebookRuntime | undefined;
afterEach(() => runtime?.dispose());

function start(...cells: CellDoc[]): NotebookRuntime {
  runtime = new NotebookRuntime({ timeoutMs: 200 });
  runtime.load(doc(...cells));
  return runtime;
}

const runs = (rt: NotebookRuntime, ...ids: string[]) => ids.map((id) => rt.state(id)?.runs);

describe("NotebookRuntime", () => {
  it("computes cells in dependency order regardless of cell order", async () => {
    const order: string[] = [];
    const rt = new NotebookRuntime({ builtins: { log: (s: string) => order.push(s) } });
    runtime = rt;
    rt.load(doc(js("1", "const c = b * 10; log('c');"), js("2", "const b = a + 1; log('b');"), js("3", "const a = 1; log('a');")));
    await rt.idle();
    expect(order).toEqual(["a", "b", "c"]);
    expect(rt.namedValues()).toMatchObject({ a: 1, b: 2, c: 20 });
    expect(rt.uses("1")).toEqual(["2"]);
    expect(rt.usedBy("3")).toEqual(["2"]);
  });

  it("reruns only the changed cell and its transitive dependents", async () => {
    const rt = start(js("a", "const a = 1"), js("b", "const b = a + 1"), js("c", "const c = 100"), js("d", "const d = b + c"), js("e", "c * 2"));
    await rt.idle();
    expect(runs(rt, "a", "b", "c", "d", "e")).toEqual([1, 1, 1, 1, 1]);
    rt.updateCell(js("a", "const a = 5"));
    await rt.idle();
    expect(runs(rt, "a", "b", "c", "d", "e")).toEqual([2, 2, 1, 2, 1]);
    expect(rt.namedValues()).toMatchObject({ a: 5, b: 6, c: 100, d: 106 });
    expect(rt.state("e")?.value).toBe(200);
  });

  it("updateCell with unchanged source reruns that cell and its dependents", async () => {
    const rt = start(js("a", "const a = Math.random()"), js("b", "const b = a"), js("c", "const c = 1"));
    await rt.idle();
    rt.updateCell(js("a", "const a = Math.random()"));
    await rt.idle();
    expect(runs(rt, "a", "b", "c")).toEqual([2, 2, 1]);
    expect(rt.namedValues()["b"]).toBe(rt.namedValues()["a"]);
  });

  it("reloading an unchanged notebook reruns nothing", async () => {
    const cells = [js("a", "const a = 1"), js("b", "const b = a + 1")];
    const rt = start(...cells);
    await rt.idle();
    rt.load(doc(...cells));
    await rt.idle();
    expect(runs(rt, "a", "b")).toEqual([1, 1]);
  });

  it("awaits promises and top-level await before dependents run", async () => {
    const rt = start(
      js("1", "const slow = new Promise((r) => setTimeout(() => r(21), 30))"),
      js("2", "const twice = await Promise.resolve(slow * 2)"),
      js("3", "twice + 0.5"),
    );
    await rt.idle();
    expect(rt.namedValues()).toMatchObject({ slow: 21, twice: 42 });
    expect(rt.state("3")?.value).toBe(42.5);
    expect(rt.state("3")?.status).toBe("fulfilled");
  });

  it("feeds each value of a generator to its dependents", async () => {
    const rt = start(
      js("1", "const n = (async function* () { for (const v of [1, 2, 3]) { await new Promise((r) => setTimeout(r, 5)); yield v; } })()"),
      js("2", "const seen = []"),
      js("3", "seen.push(n * 10), n * 10"),
    );
    await new Promise((r) => setTimeout(r, 150));
    await rt.idle();
    expect(rt.namedValues()["n"]).toBe(3);
    expect(rt.state("3")?.value).toBe(30);
    expect(rt.namedValues()["seen"]).toEqual([10, 20, 30]);
  });

  it("shows display() calls and the expression value", async () => {
    const rt = start(js("1", "display(1); display('two');"), js("2", "40 + 2"));
    await rt.idle();
    expect(rt.state("1")?.displays).toEqual([1, "two"]);
    expect(rt.state("2")?.displays).toEqual([42]);
  });

  it("keeps other cells working when one throws, and marks its dependents", async () => {
    const rt = start(js("1", "const bad = (() => { throw new Error('boom') })()"), js("2", "const uses = bad + 1"), js("3", "const fine = 7"));
    await rt.idle();
    expect(rt.state("1")?.status).toBe("rejected");
    expect(rt.state("1")?.error).toMatchObject({ kind: "thrown", cellId: "1" });
    expect(rt.state("1")?.error?.message).toContain("Error: boom");
    expect(rt.state("2")?.error).toMatchObject({ kind: "upstream", names: ["bad"] });
    expect(rt.state("2")?.error?.message).toContain("cell 1");
    expect(rt.state("3")?.status).toBe("fulfilled");
    expect(rt.namedValues()["fine"]).toBe(7);
  });

  it("says on which line of the cell an error was thrown", async () => {
    const rt = start(js("1", "const a = 1;\nconst b = null;\nconst c = b.size;"), js("2", "const d = await Promise.resolve(1);\nundefinedFn.call();"));
    await rt.idle();
    expect(rt.state("1")?.error).toMatchObject({ kind: "thrown", line: 3 });
    expect(rt.state("1")?.error?.message).toMatch(/^This cell threw TypeError: .* at line 3\. Fix the code/);
    expect(rt.state("2")?.error?.kind).toBe("undefined-name");
  });

  it("says the line of the cell also after an await and in a for await loop (the compiled marks stay on their lines)", async () => {
    const rt = start(
      js("1", "await null;\nconst b = null;\nconst c = b.size;"),
      js("2", "for await (const v of [1]) {\n  null.size;\n}"),
      js("3", "(await null)\n  .size // the end"),
    );
    await rt.idle();
    expect(rt.state("1")?.error).toMatchObject({ kind: "thrown", line: 3 });
    expect(rt.state("2")?.error).toMatchObject({ kind: "thrown", line: 2 });
    expect(rt.state("3")?.error).toMatchObject({ kind: "thrown", line: 2 });
  });

  it("reports a rejected promise as a rejected cell", async () => {
    const rt = start(js("1", "Promise.reject(new Error('offline'))"), js("2", "const p = Promise.reject(new Error('nope'))"));
    await rt.idle();
    expect(rt.state("1")?.error).toMatchObject({ kind: "rejected" });
    expect(rt.state("1")?.error?.message).toContain("offline");
    expect(rt.state("2")?.error).toMatchObject({ kind: "rejected", names: ["p"] });
  });

  it("reports a syntax error with line and column", async () => {
    const rt = start(js("1", "const a = 1;\nconst b = (;"));
    await rt.idle();
    expect(rt.state("1")?.error).toMatchObject({ kind: "syntax", line: 2, column: 12 });
    expect(rt.state("1")?.error?.message).toMatch(/line 2, column 12/);
  });

  it("refuses a cell with await using as a syntax error, and the cells after it run", async () => {
    const rt = start(js("1", "const closed = [];\nawait using r = { [Symbol.asyncDispose]: async () => closed.push('r') };"), js("2", "const after = 6 * 7"));
    await rt.idle();
    expect(rt.state("1")?.error).toMatchObject({ kind: "syntax", line: 2, column: 1 });
    expect(rt.state("1")?.error?.message).toContain("`await using` is not supported in a cell");
    expect(rt.namedValues()["after"]).toBe(42);
  });

  it("reports an undefined name with the fix", async () => {
    const rt = start(js("1", "const total = cuont + 1"), js("2", "const ok = 1"));
    await rt.idle();
    expect(rt.state("1")?.error).toMatchObject({ kind: "undefined-name", names: ["cuont"] });
    expect(rt.state("1")?.error?.message).toBe("cuont is not defined by any cell — define it in a cell or fix the spelling.");
    expect(rt.state("2")?.status).toBe("fulfilled");
  });

  it("says that `name = …` assigns and `const name = …` defines, in the assigning cell and in its readers", async () => {
    // Observable classic, R and Python define with `ct = …`; a Kit cell only assigns, so cell 1 was
    // told "ct is not defined by any cell" about the very line that seemed to define it.
    const rt = start(js("1", "ct = 6 * 7"), js("2", "ct + 1"), js("3", "count == 1"));
    await rt.idle();
    expect(rt.state("1")?.error?.message).toBe("ct is not defined by any cell: this cell assigns it (`ct = …`) but does not define it; write `const ct = …` here to define ct for every cell.");
    expect(rt.state("2")?.error?.message).toBe("ct is not defined by any cell: cell 1 assigns it (`ct = …`) but does not define it; write `const ct = …` there to define ct for every cell.");
    // A comparison is no assignment: the plain message.
    expect(rt.state("3")?.error?.message).toBe("count is not defined by any cell — define it in a cell or fix the spelling.");
  });

  it("keeps the host's names (the survey, the filter) for every cell: a cell that defines one gets the error", async () => {
    // A shared notebook's cell 25 swapping in made-up respondents under the header's data notice.
    const rt = new NotebookRuntime({ builtins: { survey: { rows: 267 }, stats: { n: 1 } }, hostNames: ["survey", "filter", "selection"] });
    runtime = rt;
    rt.load(doc(js("1", "const n = survey.rows"), js("2", "const survey = { rows: 9999 }, other = 1"), js("3", "const stats = { n: 2 }"), js("4", "stats.n")));
    await rt.idle();
    expect(rt.namedValues()["n"]).toBe(267);
    expect(rt.state("2")?.error).toMatchObject({ kind: "reserved-name", names: ["survey"] });
    expect(rt.state("2")?.error?.message).toBe(
      "survey is the app's own (the data the page names above the notebook), so a cell cannot define it: every cell would read this cell's value while the page still names the app's data. Rename the variable, e.g. mySurvey.",
    );
    // Other builtins may be shadowed, as in Observable (a notebook's own Plot or d3).
    expect(rt.state("4")?.value).toBe(2);
    // Renamed, the cell runs and the survey stays the host's.
    rt.updateCell(js("2", "const mySurvey = { rows: 9999 }, other = 1"));
    await rt.idle();
    expect(rt.state("2")?.error).toBeUndefined();
    expect(rt.namedValues()).toMatchObject({ n: 267, mySurvey: { rows: 9999 } });
  });

  it("marks both cells when a name is defined twice, and recovers when one is renamed", async () => {
    const rt = start(js("1", "const x = 1"), js("2", "const x = 2"), js("3", "const y = x * 3"));
    await rt.idle();
    expect(rt.state("1")?.error).toMatchObject({ kind: "duplicate-definition", names: ["x"] });
    expect(rt.state("2")?.error).toMatchObject({ kind: "duplicate-definition", names: ["x"] });
    expect(rt.state("1")?.error?.message).toContain("x is defined in cells 1 and 2");
    expect(rt.state("3")?.status).toBe("rejected");
    rt.updateCell(js("2", "const z = 2"));
    await rt.idle();
    expect(rt.state("1")?.status).toBe("fulfilled");
    expect(rt.state("2")?.status).toBe("fulfilled");
    expect(rt.state("3")?.error).toBeUndefined();
    expect(rt.namedValues()).toMatchObject({ x: 1, y: 3, z: 2 });
  });

  it("marks every cell in a cycle, and recovers after the fix without reload", async () => {
    const rt = start(js("1", "const a = c + 1"), js("2", "const b = a + 1"), js("3", "const c = b + 1"), js("4", "const free = 5"));
    await rt.idle();
    for (const id of ["1", "2", "3"]) {
      expect(rt.state(id)?.error?.kind).toBe("cycle");
      expect(rt.state(id)?.error?.message).toContain("cells 1, 2 and 3");
    }
    expect(rt.state("4")?.status).toBe("fulfilled");
    rt.updateCell(js("3", "const c = 10"));
    await rt.idle();
    expect(rt.namedValues()).toMatchObject({ a: 11, b: 12, c: 10 });
    for (const id of ["1", "2", "3"]) expect(rt.state(id)?.error).toBeUndefined();
  });

  it("clears an undefined-name error when the name gets defined", async () => {
    const rt = start(js("1", "const y = x * 2"));
    await rt.idle();
    expect(rt.state("1")?.error?.kind).toBe("undefined-name");
    rt.updateCell(js("2", "const x = 21"));
    await rt.idle();
    expect(rt.state("1")?.error).toBeUndefined();
    expect(rt.namedValues()["y"]).toBe(42);
  });

  it("recovers from a thrown error once the cell is fixed", async () => {
    const rt = start(js("1", "const v = JSON.parse('{oops')"), js("2", "const w = v.a + 1"));
    await rt.idle();
    expect(rt.state("1")?.error?.kind).toBe("thrown");
    expect(rt.state("2")?.error?.kind).toBe("upstream");
    rt.updateCell(js("1", `const v = JSON.parse('{"a": 1}')`));
    await rt.idle();
    expect(rt.state("1")?.error).toBeUndefined();
    expect(rt.namedValues()["w"]).toBe(2);
  });

  it("stops while (true) {} with a timeout error and stays usable", async () => {
    const rt = start(js("1", "const a = 1"), js("2", "while (true) {}"), js("3", "const b = a + 1"));
    const t0 = Date.now();
    await rt.idle();
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(rt.state("2")?.error?.kind).toBe("timeout");
    expect(rt.state("2")?.error?.message).toMatch(/Stopped: a loop ran for more than 200 ms/);
    rt.updateCell(js("1", "const a = 41"));
    await rt.idle();
    expect(rt.namedValues()["b"]).toBe(42);
    rt.updateCell(js("2", "(() => { let i = 0; while (i < 10) i++; return i; })()"));
    await rt.idle();
    expect(rt.state("2")?.value).toBe(10);
  });

  it("stops a runaway loop inside a function defined by another cell", async () => {
    const rt = start(js("1", "function spin() { for (;;) {} }"), js("2", "spin()"));
    await rt.idle();
    expect(rt.state("1")?.status).toBe("fulfilled");
    expect(rt.state("2")?.error?.kind).toBe("timeout");
  });

  it("stops a loop over an endless generator the cell defines, whose yields resume inside the loop's stretch", async () => {
    // Without the stretch counted through the yields the loop runs its full 2 s and the cell settles;
    // an endless loop instead ran until the page's Stop.
    const rt = start(
      js("1", "function* ticks() { let i = 0; while (true) yield i++; }"),
      js("2", "{ const t0 = performance.now(); for (const t of ticks()) if (performance.now() - t0 > 2000) break; }"),
      js("3", "(() => { const t0 = performance.now(); return Array.from((function* () { for (const t of ticks()) { if (performance.now() - t0 > 2000) return; yield t; } })()); })()"),
    );
    await rt.idle();
    expect(rt.state("2")?.error?.kind).toBe("timeout");
    expect(rt.state("3")?.error?.kind).toBe("timeout");
  });

  it("renders markdown and reinterpolates when a name changes", async () => {
    const rt = start(md("1", "# Report\n\nThere are **${count}** rows and ${`${count * 2}`} halves."), js("2", "const count = 3"));
    await rt.idle();
    expect(rt.state("1")?.value).toEqual({ kind: "markdown", html: "<h1>Report</h1>\n<p>There are <strong>3</strong> rows and 6 halves.</p>\n" });
    expect(rt.state("1")?.references).toEqual(["count"]);
    rt.updateCell(js("2", "const count = 5"));
    await rt.idle();
    expect(rt.state("1")?.value).toEqual({ kind: "markdown", html: "<h1>Report</h1>\n<p>There are <strong>5</strong> rows and 10 halves.</p>\n" });
  });

  it("setInput changes a view() input and recomputes its dependents", async () => {
    class FakeInput extends EventTarget {
      value: unknown = "a";
    }
    const rt = new NotebookRuntime({ builtins: { FakeInput } });
    runtime = rt;
    rt.load(doc(js("1", "const choice = view(new FakeInput())"), js("2", "const upper = choice.toUpperCase()"), js("3", "const other = 1")));
    await rt.idle();
    expect(rt.namedValues()).toMatchObject({ choice: "a", upper: "A" });
    expect(rt.inputValues()).toEqual({ choice: "a" });
    rt.setInput("choice", "b");
    await rt.idle();
    expect(rt.namedValues()).toMatchObject({ choice: "b", upper: "B" });
    expect(rt.inputValues()).toEqual({ choice: "b" });
    expect(runs(rt, "1", "2", "3")).toEqual([1, 2, 1]);
  });

  it("notifies subscribers and removes cells", async () => {
    const rt = start(js("1", "const a = 1"), js("2", "const b = a + 1"));
    const seen: string[] = [];
    rt.subscribe((id, state) => seen.push(`${id}:${state.status}`));
    await rt.idle();
    expect(seen).toContain("2:fulfilled");
    rt.removeCell("1");
    await rt.idle();
    expect(rt.state("1")).toBeUndefined();
    expect(rt.state("2")?.error?.kind).toBe("undefined-name");
  });
});

describe("NotebookRuntime lifecycle", () => {
  it("paces an endless generator so timers and other cells still run", async () => {
    const rt = start(js("1", "const tick = (function* () { let i = 0; while (true) yield i++; })()"), js("2", "const seen = tick"));
    await new Promise((r) => setTimeout(r, 50));
    const seen = rt.namedValues()["seen"];
    expect(typeof seen).toBe("number");
    expect(seen).toBeGreaterThan(0);
    rt.updateCell(js("3", "const other = 'still responsive'"));
    await new Promise((r) => setTimeout(r, 20));
    expect(rt.namedValues()["other"]).toBe("still responsive");
  });

  it("resolves invalidation and returns generators when a cell is redefined", async () => {
    const rt = start(
      js("1", "const log = []"),
      js("2", "invalidation.then(() => log.push('invalidated')); const v = 1"),
      js("3", "const ticks = (function* () { try { yield 1; yield 2; } finally { log.push('returned') } })()"),
    );
    await rt.idle();
    rt.updateCell(js("2", "const v = 2"));
    rt.updateCell(js("3", "const ticks = 0"));
    await rt.idle();
    expect(rt.namedValues()["log"]).toEqual(expect.arrayContaining(["invalidated", "returned"]));
  });

  it("names the cell whose loop runs long while it still runs, and a function it calls from another cell", async () => {
    const long: string[] = [];
    const rt = new NotebookRuntime({ timeoutMs: 200, onLongRun: (id) => long.push(id) });
    runtime = rt;
    rt.load(doc(js("spin", "function spin() { while (true) {} }"), js("quick", "const q = 1"), js("caller", "const x = await Promise.resolve(q); spin()")));
    await rt.idle();
    expect(rt.state("caller")?.error?.kind).toBe("timeout");
    // The loop is in cell "spin"'s function, but "caller" was executing when it ran long.
    expect(long).toEqual(["caller"]);
  });

  it("stops a runaway loop in an event handler defined by a cell without blaming an idle stretch", async () => {
    const rt = start(js("1", "const target = new EventTarget(); target.addEventListener('go', () => { let n = 0; for (let i = 0; i < 1e5; i++) n += i; target.sum = n; })"));
    await rt.idle();
    await new Promise((r) => setTimeout(r, 300));
    const target = rt.namedValues()["target"];
    if (!(target instanceof EventTarget)) throw new Error("target missing");
    target.dispatchEvent(new Event("go"));
    expect(Reflect.get(target, "sum")).toBe((1e5 * (1e5 - 1)) / 2);
  });
});
