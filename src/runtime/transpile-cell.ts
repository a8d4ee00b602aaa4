import type { AnyNode, Node } from "acorn";
import { fullAncestor } from "acorn-walk";
import { enclosingFunction, GENERATOR_NAME, GENERATOR_PREFIX, SYNC_GENERATOR_PREFIX, type CellAnalysisOk } from "./analyze-cell";
import { CELL_IN, CELL_PAUSED, CELL_RESUMED, GUARD, RESUMED } from "./cell-compilation";

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
 * Whether a node (last of `ancestors`) is in the cell's own code, not in a function the cell defines.
 * Asked only of the few nodes it decides: a walk up the ancestors of every node costs compile time.
 */
function own(analysis: CellAnalysisOk, ancestors: readonly Node[]): boolean {
  return enclosingFunction(ancestors, analysis.root) === analysis.own;
}

/** Wraps the text from `start` to `end` in `open` … `close` (a call around an expression). */
function wrap(inserts: Insert[], start: number, end: number, open: string, close: string, depth: number): void {
  inserts.push({ pos: start, text: open, closing: false, depth });
  inserts.push({ pos: end, text: close, closing: true, depth });
}

/**
 * A `for await` loop of the cell's own code awaits where no `await` is written: after its head, and
 * after each turn (also one left by `continue` or `break`). Its iterable is marked as a pause, each
 * turn's body as a stretch that resumes and pauses in a `finally`, and the code after the loop (or
 * its outermost label) as resumed, in a block of its own so a loop in any statement position stays one statement.
 */
function ownForAwait(node: Extract<AnyNode, { type: "ForOfStatement" }>, ancestors: readonly Node[], inserts: Insert[]): void {
  // Depths between the statement's (its parent's marks around it are at the statement's depth) and
  // its parts' (depth + 1 and more): the block goes around the loop's marks, those around its parts'.
  const depth = ancestors.length;
  wrap(inserts, node.right.start, node.right.end, `${CELL_PAUSED}(`, ")", depth + 0.5);
  const body = node.body;
  const resume = `${CELL_RESUMED}();${GUARD}();try{`;
  const pause = `}finally{${CELL_PAUSED}()}`;
  if (body.type === "BlockStatement") wrap(inserts, body.start + 1, body.end - 1, resume, pause, depth + 1.5);
  else wrap(inserts, body.start, body.end, `{${resume}`, `${pause}}`, depth + 0.5);
  let outer = ancestors.length - 1;
  while (outer > 0 && ancestors[outer - 1]?.type === "LabeledStatement") outer--;
  const statement = ancestors[outer] ?? node;
  wrap(inserts, statement.start, statement.end, "{", `;${CELL_RESUMED}();}`, outer + 1.25);
}

/**
 * Rewrites a parsed cell into the text of a function body:
 * - a call to the loop guard at the start of every loop body, so a runaway loop throws a
 *   timeout error instead of freezing the page (see docs/decisions.md, Runtime, for why guards);
 * - `await x` / `yield x` wrapped in a call that marks the start of a new synchronous stretch;
 * - in the cell's own code (not in functions it defines), each stretch bounded exactly for
 *   NotebookRuntime.callerRun: `await x` → `resumed(await paused(x))`, `yield` alike, a `for await`
 *   loop marked where it awaits unwritten (ownForAwait), `catch` and `finally` blocks marked as run
 *   again (entered after a rejected await), and an async body or a generator paused in a `finally`
 *   around it when it returns or throws (a sync body ends when its call returns: runCell);
 * - `return (expr)` for an expression cell, or `return {a, b}` with the declared names;
 * - for a generator cell, the generator function it was parsed in, and `return` of its generator.
 *
 * An expression cell's `return (` goes before the whole expression statement and `)` right after
 * the expression with its own parentheses (`(1 + 2)` → `return ((1 + 2))`): a `return` inserted
 * inside the cell's outer parentheses was the bug that broke `({a: 1})` and `(1 + 2)`.
 * Every mark stays on the line of the code it marks, so a cell's error lines stay its own.
 */
export function transpileCell(analysis: CellAnalysisOk): string {
  const inserts: Insert[] = [];
  // Whether the cell's own code can stop and go on later (otherwise a catch is only entered in its stretch).
  const suspends = analysis.async || analysis.form === "generator";
  fullAncestor(analysis.root, (node, _state, ancestors) => {
    const depth = ancestors.length;
    const body = loopBody(node);
    if (node.type === "ForOfStatement" && node.await && own(analysis, ancestors)) ownForAwait(node, ancestors, inserts);
    else if (body) {
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
      if (!own(analysis, ancestors)) wrap(inserts, node.start, node.end, `${RESUMED}(`, ")", depth);
      else {
        wrap(inserts, node.start, node.end, `${CELL_RESUMED}(`, ")", depth);
        // Paused once the argument is evaluated, right before the cell's code waits.
        if (node.argument) wrap(inserts, node.argument.start, node.argument.end, `${CELL_PAUSED}(`, ")", depth + 0.5);
        else inserts.push({ pos: node.end, text: ` ${CELL_PAUSED}()`, closing: true, depth: depth + 0.5 });
      }
    }
    // An async generator awaits what it returns: paused before that.
    if (node.type === "ReturnStatement" && node.argument && own(analysis, ancestors)) wrap(inserts, node.argument.start, node.argument.end, `${CELL_PAUSED}(`, ")", depth + 0.5);
    if (suspends && node.type === "CatchClause" && own(analysis, ancestors)) inserts.push({ pos: node.body.start + 1, text: `${CELL_IN}();`, closing: false, depth: depth + 1 });
    if (suspends && node.type === "TryStatement" && node.finalizer && own(analysis, ancestors)) inserts.push({ pos: node.finalizer.start + 1, text: `${CELL_IN}();`, closing: false, depth: depth + 1 });
  });
  const expr = analysis.expression;
  if (expr) {
    // The root is the expression itself, so every other insert has depth ≥ 1.
    inserts.push({ pos: 0, text: "return (", closing: false, depth: 0 });
    inserts.push({ pos: expr.end, text: ")", closing: true, depth: 0 });
  }
  const body = applyInserts(analysis.code, inserts);
  // On a line of its own: the cell's last line may end in a // comment.
  const pausedAtEnd = `\n}finally{${CELL_PAUSED}()}`;
  switch (analysis.form) {
    case "expression":
      return analysis.async ? `try{${body}${pausedAtEnd}` : body;
    case "generator":
    {
      // A sync generator when the cell never awaits: the runtime then pulls values without a promise each.
      // No insert falls inside the prefix (the cell's own code starts after it) or the closing `}` after it.
      const head = analysis.generatorAsync ? GENERATOR_PREFIX : SYNC_GENERATOR_PREFIX;
      return `${head}${CELL_RESUMED}();try{${body.slice(GENERATOR_PREFIX.length, -1)}}finally{${CELL_PAUSED}()}}\nreturn ${GENERATOR_NAME}();`;
    }
    case "program":
    {
      const result = `${body}\nreturn {${analysis.defines.join(", ")}};`;
      return analysis.async ? `try{${result}${pausedAtEnd}` : result;
    }
  }
}
