import { describe, expect, it } from "vitest";
import { analyzeCell, type CellAnalysis } from "../../../src/runtime/analyze-cell";
import { transpileCell } from "../../../src/runtime/transpile-cell";

function ok(source: string) {
  const a: CellAnalysis = analyzeCell(source);
  if (!a.ok) throw new Error(a.message);
  return a;
}

describe("analyzeCell", () => {
  it("finds top-level declarations, including destructuring, functions and classes", () => {
    const a = ok("const {x, y: [z, ...rest]} = obj; let w = 1, v; function f() {} class C {}");
    expect(a.defines).toEqual(["x", "z", "rest", "w", "v", "f", "C"]);
    expect(a.references).toEqual(["obj"]);
    expect(a.form).toBe("program");
  });

  it("finds free references and ignores locals, params, properties and labels", () => {
    const a = ok(
      "const r = data.map((d, i) => d.value * factor + i); outer: for (const k of keys) { const local = k; break outer; }" +
        " function g(p) { var h = p; return arguments.length + h + q; } const o = {total, key: 1, [dyn]: 2}; try { t() } catch (err) { err.x }",
    );
    expect(a.references.sort()).toEqual(["data", "dyn", "factor", "keys", "q", "t", "total"].sort());
    expect(a.defines).toEqual(["r", "g", "o"]);
  });

  it("counts assignment to an outer name as a reference", () => {
    expect(ok("counter = counter + 1").references).toEqual(["counter"]);
  });

  it("treats a single expression (or object literal) as an expression cell", () => {
    expect(ok("a + b").expression?.type).toBe("BinaryExpression");
    expect(ok("{a: 1, b: c}").references).toEqual(["c"]);
    expect(ok("{a: 1, b: c}").form).toBe("expression");
    expect(ok("{a}").form).toBe("expression");
    expect(ok("function f() {}").form).toBe("program");
    expect(ok("class C {}").form).toBe("program");
    expect(ok("class {}").form).toBe("expression");
    expect(ok("{ const a = 1; }").form).toBe("program");
  });

  it("keeps an expression's own parentheses in its range", () => {
    const a = ok(" (1 + 2) ; // c");
    expect([a.expression?.start, a.expression?.end]).toEqual([1, 8]);
  });

  it("reads a cell with a top-level yield as a generator cell that defines nothing", () => {
    const a = ok("const step = 2;\nyield step * k;");
    expect(a).toMatchObject({ form: "generator", defines: [], references: ["k"], async: false, generatorAsync: false });
    expect(ok("yield await next()")).toMatchObject({ form: "generator", async: false, generatorAsync: true });
  });

  it("detects top-level await but not await inside functions", () => {
    expect(ok("const x = await fetchIt()").async).toBe(true);
    expect(ok("const f = async () => await g()").async).toBe(false);
    expect(ok("for await (const v of stream) {}").async).toBe(true);
  });

  it("reports syntax errors with 1-based line and column", () => {
    const a = analyzeCell("const ok = 1;\nconst = 2;");
    expect(a).toMatchObject({ ok: false, line: 2, column: 7 });
    if (!a.ok) expect(a.message).toMatch(/^Syntax error at line 2, column 7: Unexpected token\. Fix the code there\.$/);
  });

  it("rejects import and export with a message saying what to do instead", () => {
    const a = analyzeCell('import x from "y"');
    expect(a.ok).toBe(false);
    if (!a.ok) expect(a.message).toContain("import is not supported in a cell");
  });

  it("refuses using and await using wherever they are, naming the line and the try/finally that does the same", () => {
    const refused = (source: string) => {
      const a = analyzeCell(source);
      if (a.ok) throw new Error(`accepted: ${source}`);
      return { line: a.line, column: a.column, message: a.message };
    };
    // Only an `await using` at the top: the analysis found no await, so it compiled as a sync function (stop 31).
    expect(refused("const log = [];\nawait using r = open();\nlog")).toEqual({
      line: 2,
      column: 1,
      message:
        "Syntax error at line 2, column 1: `await using` is not supported in a cell, as the notebook's headless runner cannot run it. " +
        "Declare the resource with const and dispose of it in a finally block: const r = …; try { … } finally { await r[Symbol.asyncDispose](); }",
    });
    expect(refused("{ using r = open(); r.read() }").message).toContain("`using` is not supported in a cell");
    expect(refused("{ using r = open(); r.read() }").message).toContain("finally { r[Symbol.dispose](); }");
    expect(refused("const f = async () => { await using r = open(); }")).toMatchObject({ line: 1, column: 25 });
    expect(refused("(() => { using r = open(); return 1; })()")).toMatchObject({ line: 1, column: 10 });
    expect(refused("for (using r of rs) {}")).toMatchObject({ line: 1, column: 6 });
    expect(refused("for (await using r of rs) {}")).toMatchObject({ line: 1, column: 6 });
    // A generator cell: the column is the cell's own, not its wrapper's.
    expect(refused("using r = open();\nyield r")).toMatchObject({ line: 1, column: 1 });
    // `using` as a name is still a name.
    expect(ok("const using = 1; using + 1").defines).toEqual(["using"]);
  });
});

describe("transpileCell", () => {
  it("inserts a loop guard at the start of every loop body and returns the declared names", () => {
    const body = transpileCell(ok("let n = 0;\nwhile (n < 3) n++;\nfor (const k of [1]) { n += k }"));
    expect(body).toBe("let n = 0;\nwhile (n < 3) {__tvGuard();n++;}\nfor (const k of [1]) {__tvGuard(); n += k }\nreturn {n};");
  });

  it("starts a new stretch on every turn of a for await loop, and bounds the cell's own turns and what follows the loop", () => {
    expect(transpileCell(ok("const f = async (s) => { for await (const v of s) g(v) }"))).toBe("const f = async (s) => { for await (const v of s) {__tvResumed();__tvGuard();g(v)} }\nreturn {f};");
    expect(transpileCell(ok("for await (const v of s) f(v)"))).toBe(
      "try{{for await (const v of __tvCellPaused(s)) {__tvCellResumed();__tvGuard();try{f(v)}finally{__tvCellPaused()}};__tvCellResumed();}\nreturn {};\n}finally{__tvCellPaused()}",
    );
    // A label stays on its loop (`continue outer` must name a loop); the block goes around both.
    expect(transpileCell(ok("outer: for await (const v of s) { continue outer }"))).toBe(
      "try{{outer: for await (const v of __tvCellPaused(s)) {__tvCellResumed();__tvGuard();try{ continue outer }finally{__tvCellPaused()}};__tvCellResumed();}\nreturn {};\n}finally{__tvCellPaused()}",
    );
  });

  it("returns an expression cell's value and marks where the cell's own code pauses and resumes at await", () => {
    // The finally on a line of its own: the cell's last line may end in a comment.
    expect(transpileCell(ok("await load(1) // c"))).toBe("try{return (__tvCellResumed(await __tvCellPaused(load(1)))) // c\n}finally{__tvCellPaused()}");
  });

  it("marks an await in a function the cell defines as a new stretch only, and the cell's catch and finally as its own code", () => {
    expect(transpileCell(ok("const h = async () => { await x; try { f() } catch { g() } };\ntry { await y } catch (e) { f() } finally { g() }"))).toBe(
      "try{const h = async () => { __tvResumed(await x); try { f() } catch { g() } };\ntry { __tvCellResumed(await __tvCellPaused(y)) } catch (e) {__tvCellIn(); f() } finally {__tvCellIn(); g() }\nreturn {h};\n}finally{__tvCellPaused()}",
    );
    // A cell that never awaits enters its catch only within its one stretch: nothing to mark.
    expect(transpileCell(ok("try { f() } catch { g() }"))).toBe("try { f() } catch { g() }\nreturn {};");
  });

  it("puts return before an expression's outer parentheses, not inside them", () => {
    expect(transpileCell(ok("({a: 1})"))).toBe("return (({a: 1}))");
    expect(transpileCell(ok("/* c */ (1 + 2); // d"))).toBe("return (/* c */ (1 + 2)); // d");
  });

  it("compiles a generator cell as a generator function and returns its generator", () => {
    expect(transpileCell(ok("while (true) yield 1"))).toBe(
      "function* __tvCell() {__tvCellResumed();try{while (true) {__tvGuard();__tvCellResumed(yield __tvCellPaused(1))}\n}finally{__tvCellPaused()}}\nreturn __tvCell();",
    );
    expect(transpileCell(ok("await x; yield; return y"))).toBe(
      "async function* __tvCell() {__tvCellResumed();try{__tvCellResumed(await __tvCellPaused(x)); __tvCellResumed(yield __tvCellPaused()); return __tvCellPaused(y)\n}finally{__tvCellPaused()}}\nreturn __tvCell();",
    );
  });
});
