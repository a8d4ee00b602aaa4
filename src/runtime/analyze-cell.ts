import { parse, type Node, type Options, type Pattern, type Program, type Expression } from "acorn";
import { fullAncestor } from "acorn-walk";

/** Parser options shared by analysis and transpilation: modern JS, top-level await allowed. */
export const parseOptions: Options = {
  ecmaVersion: "latest",
  sourceType: "module",
  allowAwaitOutsideFunction: true,
  locations: true,
};

/** A cell that parsed. `code` is the text the AST positions refer to. */
export interface CellAnalysisOk {
  ok: true;
  code: string;
  program: Program;
  /** Set for an expression cell: the expression whose value the cell shows. */
  expression?: Expression;
  /** Top-level declared names, in source order. */
  defines: string[];
  /** Free names read or assigned, in first-use order (globals such as Math included). */
  references: string[];
  /** The cell uses top-level await, so its body must be an async function. */
  async: boolean;
}

/** A cell that did not parse; positions are 1-based. */
export interface CellAnalysisError {
  ok: false;
  message: string;
  line: number;
  column: number;
  defines: string[];
  references: string[];
}

/** Result of {@link analyzeCell}: errors are values. */
export type CellAnalysis = CellAnalysisOk | CellAnalysisError;

interface AcornSyntaxError {
  message: string;
  loc: { line: number; column: number };
}

function isAcornSyntaxError(e: unknown): e is AcornSyntaxError {
  return e instanceof SyntaxError && "loc" in e && typeof e.loc === "object" && e.loc !== null;
}

/** Names bound by a destructuring pattern (or a plain identifier). */
export function patternNames(pattern: Pattern | null, out: string[] = []): string[] {
  if (!pattern) return out;
  switch (pattern.type) {
    case "Identifier":
      out.push(pattern.name);
      break;
    case "ObjectPattern":
      for (const p of pattern.properties) patternNames(p.type === "RestElement" ? p.argument : p.value, out);
      break;
    case "ArrayPattern":
      for (const el of pattern.elements) patternNames(el, out);
      break;
    case "RestElement":
      patternNames(pattern.argument, out);
      break;
    case "AssignmentPattern":
      patternNames(pattern.left, out);
      break;
    default:
      break;
  }
  return out;
}

/** The top-level names a program declares (Notebook Kit semantics: declarations define). */
function topLevelDefines(program: Program): string[] {
  const names: string[] = [];
  for (const stmt of program.body) {
    if (stmt.type === "VariableDeclaration") for (const d of stmt.declarations) patternNames(d.id, names);
    else if ((stmt.type === "FunctionDeclaration" || stmt.type === "ClassDeclaration") && stmt.id) names.push(stmt.id.name);
  }
  return [...new Set(names)];
}

const FUNCTION_TYPES = new Set(["FunctionDeclaration", "FunctionExpression", "ArrowFunctionExpression"]);

/**
 * Scope analysis in two passes over the AST: first record which names each scope node declares,
 * then report identifiers that no enclosing scope declares. Order-insensitive on purpose (hoisting).
 */
function freeReferences(program: Program): { references: string[]; async: boolean } {
  const declared = new Map<Node, Set<string>>();
  const declare = (scope: Node | undefined, names: string[]) => {
    if (!scope) return;
    let set = declared.get(scope);
    if (!set) declared.set(scope, (set = new Set()));
    for (const n of names) set.add(n);
  };
  const nearestFunction = (ancestors: Node[]) => {
    for (let i = ancestors.length - 2; i >= 0; i--) {
      const a = ancestors[i];
      if (a && FUNCTION_TYPES.has(a.type)) return a;
    }
    return program;
  };
  const blockParent = (ancestors: Node[]) => {
    const parent = ancestors[ancestors.length - 2];
    // A `let` in one `case` is visible in the others: scope it to the switch.
    if (parent?.type === "SwitchCase") return ancestors[ancestors.length - 3];
    return parent;
  };
  let async = false;
  fullAncestor(program, (node, _state, ancestors) => {
    switch (node.type) {
      case "VariableDeclaration": {
        const names = node.declarations.flatMap((d) => patternNames(d.id));
        declare(node.kind === "var" ? nearestFunction(ancestors) : blockParent(ancestors), names);
        break;
      }
      case "FunctionDeclaration":
      case "FunctionExpression":
      case "ArrowFunctionExpression": {
        const params = node.params.flatMap((p) => patternNames(p));
        if (node.type !== "ArrowFunctionExpression") params.push("arguments");
        declare(node, params);
        if (node.id) declare(node.type === "FunctionDeclaration" ? blockParent(ancestors) : node, [node.id.name]);
        break;
      }
      case "ClassDeclaration":
        if (node.id) declare(blockParent(ancestors), [node.id.name]);
        break;
      case "ClassExpression":
        if (node.id) declare(node, [node.id.name]);
        break;
      case "CatchClause":
        if (node.param) declare(node, patternNames(node.param));
        break;
      case "AwaitExpression":
        if (nearestFunction(ancestors) === program) async = true;
        break;
      case "ForOfStatement":
        if (node.await && nearestFunction(ancestors) === program) async = true;
        break;
      default:
        break;
    }
  });
  const references = new Set<string>();
  fullAncestor(program, (node, _state, ancestors, type) => {
    if (node.type !== "Identifier" || (type !== "Identifier" && type !== "VariablePattern")) return;
    for (let i = ancestors.length - 2; i >= 0; i--) {
      const scope = ancestors[i];
      if (scope && declared.get(scope)?.has(node.name)) return;
    }
    references.add(node.name);
  });
  return { references: [...references], async };
}

/** Rejects module syntax that a cell cannot use, with a message that says what to do instead. */
function moduleSyntaxError(program: Program): CellAnalysisError | undefined {
  for (const stmt of program.body) {
    if (stmt.type === "ImportDeclaration" || stmt.type.startsWith("Export")) {
      const loc = stmt.loc?.start ?? { line: 1, column: 0 };
      const what = stmt.type === "ImportDeclaration" ? "import" : "export";
      return {
        ok: false,
        message:
          `Syntax error at line ${loc.line}, column ${loc.column + 1}: ${what} is not supported in a cell. ` +
          "Top-level declarations are shared with other cells automatically, and aq, op, Plot, Inputs, html, md and loadCsv are already in scope.",
        line: loc.line,
        column: loc.column + 1,
        defines: [],
        references: [],
      };
    }
  }
  return undefined;
}

/**
 * Parses one JavaScript cell and finds what it defines and what it uses.
 *
 * A cell whose whole source is one expression is an expression cell (its value is shown); an
 * object literal such as `{a: 1, b: 2}` is accepted as an expression too, as in Notebook Kit.
 */
export function analyzeCell(source: string): CellAnalysis {
  let program: Program;
  let code = source;
  let expression: Expression | undefined;
  try {
    program = parse(code, parseOptions);
    const only = program.body.length === 1 ? program.body[0] : undefined;
    if (only?.type === "ExpressionStatement") expression = only.expression;
  } catch (firstError) {
    // Maybe an object literal: retry as a parenthesized expression (same line numbers).
    const wrapped = `(${source}\n)`;
    try {
      const p = parse(wrapped, { ...parseOptions, preserveParens: true });
      const only = p.body.length === 1 ? p.body[0] : undefined;
      if (only?.type !== "ExpressionStatement" || only.expression.type !== "ParenthesizedExpression") throw firstError;
      if (only.expression.start !== 0 || only.expression.end !== wrapped.length) throw firstError;
      program = p;
      code = wrapped;
      expression = only.expression;
    } catch {
      if (!isAcornSyntaxError(firstError)) throw firstError;
      const { line, column } = firstError.loc;
      const reason = firstError.message.replace(/\s*\(\d+:\d+\)$/, "");
      return {
        ok: false,
        message: `Syntax error at line ${line}, column ${column + 1}: ${reason}. Fix the code there.`,
        line,
        column: column + 1,
        defines: [],
        references: [],
      };
    }
  }
  const moduleError = moduleSyntaxError(program);
  if (moduleError) return moduleError;
  const { references, async } = freeReferences(program);
  const result: CellAnalysisOk = { ok: true, code, program, defines: topLevelDefines(program), references, async };
  if (expression) result.expression = expression;
  return result;
}
