/**
 * Every form of JavaScript cell, run through the runtime: what it shows, what it defines, and that
 * none of them fails to compile. The forms follow Notebook Kit (expression first, then statements);
 * top-level `yield` follows Observable's classic generator cells.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { CellDoc } from "../../../src/notebook/document";
import { NotebookRuntime } from "../../../src/runtime/notebook-runtime";

let runtime: NotebookRuntime | undefined;
afterEach(() => runtime?.dispose());

/** Runs one cell (plus helpers) and returns its settled state. */
async function run(source: string, ...helpers: string[]) {
  const cells: CellDoc[] = [{ id: "x", kind: "js", source }, ...helpers.map((h, i) => ({ id: `h${i}`, kind: "js" as const, source: h }))];
  runtime = new NotebookRuntime({ timeoutMs: 1000 });
  runtime.load({ title: "forms", cells });
  await runtime.idle();
  const state = runtime.state("x");
  if (!state) throw new Error("no state");
  if (state.error) throw new Error(`cell failed: ${state.error.message}`);
  return { state, values: runtime.namedValues() };
}

describe("expression cells show their value", () => {
  it.each([
    ["({a: 1})", { a: 1 }],
    ["(1 + 2)", 3],
    ["/* note */ (1 + 2)", 3],
    ["(1 + 2) // note", 3],
    ["(1 + 2)\n// a trailing line", 3],
    ["(1 + 2);", 3],
    ["1 + 2;", 3],
    ["1 + 2; // note", 3],
    ["((1))", 1],
    ["{a: 1}", { a: 1 }],
    ["{a: 1, b: [2, 3]}", { a: 1, b: [2, 3] }],
    ["({a: 1}).a", 1],
    ["1, 2", 2],
    ["(1, 2)", 2],
    ["`n = ${1 + 1}`", "n = 2"],
    ["await Promise.resolve(5)", 5],
    ["(await Promise.resolve(5))", 5],
    ["(await Promise.resolve({a: 5})).a", 5],
    ["[1, 2].map((d) => d * 2)", [2, 4]],
    ["(x => x * 3)(2)", 6],
    ["'plain string'", "plain string"],
  ])("%s", async (source, expected) => {
    const { state } = await run(source);
    expect(state.value).toEqual(expected);
    expect(state.defines).toEqual([]);
  });

  it("arrow functions, anonymous classes and functions are values", async () => {
    const arrow = (await run("(x) => x * 2")).state.value;
    expect(typeof arrow === "function" ? arrow(4) : undefined).toBe(8);
    const parenthesised = (await run("((x) => x + 1)")).state.value;
    expect(typeof parenthesised === "function" ? parenthesised(1) : undefined).toBe(2);
    const klass = (await run("class { get v() { return 7; } }")).state.value;
    expect(typeof klass === "function" ? Reflect.get(Reflect.construct(klass, []), "v") : undefined).toBe(7);
    const named = (await run("(class Named {})")).state.value;
    expect(typeof named === "function" ? named.name : undefined).toBe("Named");
    const fn = (await run("function () { return 9; }")).state.value;
    expect(typeof fn === "function" ? fn() : undefined).toBe(9);
  });

  it("uses names from other cells inside parentheses", async () => {
    const { state } = await run("({total: a + b})", "const a = 1", "const b = 2");
    expect(state.value).toEqual({ total: 3 });
  });
});

describe("statement cells define names and show nothing", () => {
  it.each([
    ["const a = 1;", { a: 1 }],
    ["const a = 1; const b = a + 1;", { a: 1, b: 2 }],
    ["let {a, b: [c]} = {a: 1, b: [2]};", { a: 1, c: 2 }],
  ])("%s", async (source, expected) => {
    const { state, values } = await run(source);
    expect(state.value).toBeUndefined();
    expect(values).toMatchObject(expected);
  });

  it("named functions and classes are declarations", async () => {
    const { state, values } = await run("function twice(x) { return 2 * x; }\nclass Box { constructor(v) { this.v = v; } }");
    expect(state.defines).toEqual(["twice", "Box"]);
    const twice = values["twice"];
    expect(typeof twice === "function" ? twice(3) : undefined).toBe(6);
  });

  it("a block is statements (not an object), and its declarations stay inside", async () => {
    const { state } = await run("{ const inner = 1; display(inner + 1); }");
    expect(state.defines).toEqual([]);
    expect(state.displays).toEqual([2]);
  });

  it.each([["// only a comment"], ["/* a\n   block comment */"], [""], ["   \n  "], [";"]])("a cell of %j shows nothing and does not fail", async (source) => {
    const { state } = await run(source);
    expect(state.status).toBe("fulfilled");
    expect(state.displays).toEqual([]);
  });

  it("two expression statements are statements: nothing is shown", async () => {
    const { state } = await run("1 + 2;;");
    expect(state.displays).toEqual([]);
  });
});

describe("generator cells", () => {
  it("a generator function expression is a value the runtime iterates", async () => {
    const { state } = await run("(function* () { yield 1; yield 2; })()");
    expect(state.value).toBe(2);
  });

  it("a cell with a top-level yield shows each yielded value", async () => {
    const seen: unknown[] = [];
    runtime = new NotebookRuntime({ timeoutMs: 1000 });
    runtime.subscribe((id, s) => {
      if (id === "g" && s.status === "fulfilled") seen.push(s.value);
    });
    runtime.load({ title: "g", cells: [{ id: "g", kind: "js", source: "for (let i = 1; i <= 3; i++) yield i * step;" }, { id: "s", kind: "js", source: "const step = 10" }] });
    await runtime.idle();
    await new Promise((r) => setTimeout(r, 200));
    expect(seen).toEqual([10, 20, 30]);
    expect(runtime.state("g")?.defines).toEqual([]);
  });

  it("a generator cell may await between values", async () => {
    const seen: unknown[] = [];
    runtime = new NotebookRuntime({ timeoutMs: 1000 });
    runtime.subscribe((id, s) => {
      if (id === "g" && s.status === "fulfilled") seen.push(s.value);
    });
    runtime.load({ title: "g", cells: [{ id: "g", kind: "js", source: "yield 'a';\nawait new Promise((r) => setTimeout(r, 5));\nyield 'b';" }] });
    await runtime.idle();
    await new Promise((r) => setTimeout(r, 200));
    expect(seen).toEqual(["a", "b"]);
  });

  it("a runaway generator cell is stopped by the loop guard", async () => {
    runtime = new NotebookRuntime({ timeoutMs: 100 });
    runtime.load({ title: "g", cells: [{ id: "g", kind: "js", source: "yield 1; while (true) {}" }] });
    await new Promise((r) => setTimeout(r, 600));
    expect(runtime.state("g")?.error?.kind).toBe("timeout");
  });

  it("yield inside a nested function is still a syntax error, at the cell's own line", async () => {
    runtime = new NotebookRuntime();
    runtime.load({ title: "g", cells: [{ id: "g", kind: "js", source: "const ok = 1;\n[1].map((d) => { yield d; });" }] });
    await runtime.idle();
    expect(runtime.state("g")?.error).toMatchObject({ kind: "syntax", line: 2 });
  });
});
