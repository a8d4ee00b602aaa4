import type { AnyNode, Node } from "acorn";
import { fullAncestor } from "acorn-walk";
import { GENERATOR_NAME, GENERATOR_PREFIX, SYNC_GENERATOR_PREFIX, type CellAnalysisOk } from "./analyze-cell";
import { GUARD, RESUMED } from "./cell-compilation";

interface Insert {
  pos: number;
  text: string;
  /** Openings at one position go outer-first, closings inner-first, closings before openings. */
  closing: boolean;
  depth: number;
}

function applyInserts(code: string, inserts: Insert[]): string {
  const sorted = [...inserts].sort((a, b) => {
    if (a.pos !== b.pos) return a.pos - b.pos;
    if (a.closing !== b.closing) return a.closing ? -1 : 1;
    return a.closing ? b.depth - a.depth : a.depth - b.depth;
  });
  let out = "";
  let at = 0;
  for (const ins of sorted) {
    out += code.slice(at, ins.pos) + ins.text;
    at = ins.pos;
  }
  return out + code.slice(at);
}

function loopBody(node: AnyNode): Node | undefined {
  switch (node.type) {
    case "ForStatement":
    case "ForInStatement":
    case "ForOfStatement":
    case "WhileStatement":
    case "DoWhileStatement":
      return node.body;
    default:
      return undefined;
  }
}

/**
 * Rewrites a parsed cell into the text of a function body:
 * - a call to the loop guard at the start of every loop body, so a runaway loop throws a
 *   timeout error instead of freezing the page (see docs/decisions.md, Runtime, for why guards);
 * - `await x` / `yield x` wrapped in a call that marks the start of a new synchronous stretch;
 * - `return (expr)` for an expression cell, or `return {a, b}` with the declared names;
 * - for a generator cell, the generator function it was parsed in, and `return` of its generator.
 *
 * An expression cell's `return (` goes before the whole expression statement and `)` right after
 * the expression with its own parentheses (`(1 + 2)` → `return ((1 + 2))`): a `return` inserted
 * inside the cell's outer parentheses was the bug that broke `({a: 1})` and `(1 + 2)`.
 */
export function transpileCell(analysis: CellAnalysisOk): string {
  const inserts: Insert[] = [];
  fullAncestor(analysis.root, (node, _state, ancestors) => {
    const depth = ancestors.length;
    const body = loopBody(node);
    if (body) {
      // Each turn of a `for await` loop comes after an await: a new synchronous stretch.
      const call = node.type === "ForOfStatement" && node.await ? `${RESUMED}();${GUARD}();` : `${GUARD}();`;
      if (body.type === "BlockStatement") {
        inserts.push({ pos: body.start + 1, text: call, closing: false, depth: depth + 1 });
      } else {
        inserts.push({ pos: body.start, text: `{${call}`, closing: false, depth: depth + 1 });
        inserts.push({ pos: body.end, text: "}", closing: true, depth: depth + 1 });
      }
    }
    if (node.type === "AwaitExpression" || node.type === "YieldExpression") {
      inserts.push({ pos: node.start, text: `${RESUMED}(`, closing: false, depth });
      inserts.push({ pos: node.end, text: ")", closing: true, depth });
    }
  });
  const expr = analysis.expression;
  if (expr) {
    // The root is the expression itself, so every other insert has depth ≥ 1.
    inserts.push({ pos: 0, text: "return (", closing: false, depth: 0 });
    inserts.push({ pos: expr.end, text: ")", closing: true, depth: 0 });
  }
  const body = applyInserts(analysis.code, inserts);
  switch (analysis.form) {
    case "expression":
      return body;
    case "generator":
    {
      // A sync generator when the cell never awaits: the runtime then pulls values without a promise each.
      // No insert falls inside the prefix (the cell's own code starts after it).
      const head = analysis.generatorAsync ? GENERATOR_PREFIX : SYNC_GENERATOR_PREFIX;
      return `${head}${body.slice(GENERATOR_PREFIX.length)}\nreturn ${GENERATOR_NAME}();`;
    }
    case "program":
      return `${body}\nreturn {${analysis.defines.join(", ")}};`;
  }
}
