import { parse, parseExpressionAt, tokenizer, tokTypes, type Expression, type Node, type Options, type Pattern, type Program, type VariableDeclaration } from "acorn";
import { fullAncestor } from "acorn-walk";

/** Parser options shared by analysis and transpilation: modern JS, top-level await allowed. */
export const parseOptions: Options = {
  ecmaVersion: "latest",
  sourceType: "module",
  allowAwaitOutsideFunction: true,
  locations: true,
};

/**
 * What a cell's code is, which decides what it shows and defines:
 * - `expression`: one expression (an optional trailing `;` and comments allowed); its value is shown;
 * - `program`: statements; top-level declarations define names, nothing is shown automatically;
 * - `generator`: statements with a top-level `yield` (Observable's generator cell); each yielded
 *   value is shown, and its declarations stay local to the cell.
 */
export type CellForm = "expression" | "program" | "generator";

/** Name of the generator function a generator cell is wrapped in (see {@link GENERATOR_PREFIX}). */
export const GENERATOR_NAME = "__tvCell";
/**
 * A generator cell is parsed and compiled as the body of this function. The prefix sits on the
 * cell's first line, so line numbers stay the cell's own.
 */
export const GENERATOR_PREFIX = `async function* ${GENERATOR_NAME}() {`;
/** What a generator cell that never awaits is compiled with instead of {@link GENERATOR_PREFIX}. */
export const SYNC_GENERATOR_PREFIX = `function* ${GENERATOR_NAME}() {`;
const GENERATOR_SUFFIX = "\n}";

/** A cell that parsed. `code` is the text the AST positions refer to. */
export interface CellAnalysisOk {
  ok: true;
  form: CellForm;
  code: string;
  /** The root the transpiler walks: the expression of an expression cell, else the program. */
  root: Expression | Program;
  /** Set for an expression cell: the expression whose value the cell shows (parentheses kept). */
  expression?: Expression;
  /** Top-level declared names, in source order (none for expression and generator cells). */
  defines: string[];
  /** Free names read or assigned, in first-use order (globals such as Math included). */
  references: string[];
  /** The cell uses top-level await, so its body must be an async function. */
  async: boolean;
  /** A generator cell that awaits: its generator is an async generator. */
  generatorAsync?: boolean;
  /**
   * The function whose code is the cell's own (its run's): the root, or a generator cell's generator.
   * Code in functions the cell defines runs for whoever calls it (an event handler, a timer).
   */
  own: Node;
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

/** The function a node is in (its `ancestors` end with the node itself), or `root` when it is in none. */
export function enclosingFunction(ancestors: readonly Node[], root: Node): Node {
  for (let i = ancestors.length - 2; i >= 0; i--) {
    const a = ancestors[i];
    if (a && FUNCTION_TYPES.has(a.type)) return a;
  }
  return root;
}

/**
 * Scope analysis in two passes over the AST: first record which names each scope node declares,
 * then report identifiers that no enclosing scope declares. Order-insensitive on purpose (hoisting).
 */
function freeReferences(root: Node, top: Node): { references: string[]; async: boolean; yields: boolean; using?: VariableDeclaration } {
  const declared = new Map<Node, Set<string>>();
  const declare = (scope: Node | undefined, names: string[]) => {
    if (!scope) return;
    let set = declared.get(scope);
    if (!set) declared.set(scope, (set = new Set()));
    for (const n of names) set.add(n);
  };
  const nearestFunction = (ancestors: Node[]) => enclosingFunction(ancestors, root);
  const blockParent = (ancestors: Node[]) => {
    const parent = ancestors[ancestors.length - 2];
    // A `let` in one `case` is visible in the others: scope it to the switch.
    if (parent?.type === "SwitchCase") return ancestors[ancestors.length - 3];
    return parent;
  };
  let async = false;
  let yields = false;
  let using: VariableDeclaration | undefined;
  fullAncestor(root, (node, _state, ancestors) => {
    switch (node.type) {
      case "VariableDeclaration": {
        if (!using && (node.kind === "using" || node.kind === "await using")) using = node;
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
        if (nearestFunction(ancestors) === top) async = true;
        break;
      case "YieldExpression":
        if (nearestFunction(ancestors) === top) yields = true;
        break;
      case "ForOfStatement":
        if (node.await && nearestFunction(ancestors) === top) async = true;
        break;
      default:
        break;
    }
  });
  const references = new Set<string>();
  fullAncestor(root, (node, _state, ancestors, type) => {
    if (node.type !== "Identifier" || (type !== "Identifier" && type !== "VariablePattern")) return;
    for (let i = ancestors.length - 2; i >= 0; i--) {
      const scope = ancestors[i];
      if (scope && declared.get(scope)?.has(node.name)) return;
    }
    references.add(node.name);
  });
  return { references: [...references], async, yields, ...(using ? { using } : {}) };
}

/**
 * Refuses a `using` or `await using` declaration, with the `try`/`finally` that does the same.
 * Cells also run in the headless runner, whose Node (20) cannot parse them, and the disposal's
 * await at the end of a block is written nowhere: analysed as it stood, a cell with only an
 * `await using` compiled as a sync function and failed with "await is only valid in async
 * functions" (stop 31), and one that awaits elsewhere would resume unmarked (loop guard, callerRun).
 * `offset`: columns before the cell's text on its first line (a generator cell's wrapper).
 */
function usingError(declaration: VariableDeclaration, offset: number): CellAnalysisError {
  const start = declaration.loc?.start ?? { line: 1, column: 0 };
  const line = start.line;
  const column = start.column + 1 - (line === 1 ? offset : 0);
  const dispose = declaration.kind === "await using" ? "await r[Symbol.asyncDispose]()" : "r[Symbol.dispose]()";
  return {
    ok: false,
    message:
      `Syntax error at line ${line}, column ${column}: \`${declaration.kind}\` is not supported in a cell, as the notebook's headless runner cannot run it. ` +
      `Declare the resource with const and dispose of it in a finally block: const r = …; try { … } finally { ${dispose}; }`,
    line,
    column,
    defines: [],
    references: [],
  };
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

function syntaxError(error: unknown): CellAnalysisError {
  if (!isAcornSyntaxError(error)) throw error;
  const { line, column } = error.loc;
  const reason = error.message.replace(/\s*\(\d+:\d+\)$/, "");
  return {
    ok: false,
    message: `Syntax error at line ${line}, column ${column + 1}: ${reason}. Fix the code there.`,
    line,
    column: column + 1,
    defines: [],
    references: [],
  };
}

/** True when `rest` holds nothing but whitespace, comments and at most one `;`. */
function onlyTrailer(rest: string): boolean {
  try {
    const tokens = tokenizer(rest, parseOptions);
    let token = tokens.getToken();
    if (token.type === tokTypes.semi) token = tokens.getToken();
    return token.type === tokTypes.eof;
  } catch {
    return false;
  }
}

/**
 * The cell as one expression, as Notebook Kit reads it first: `{a: 1}` is an object literal and
 * `class {}` a class value; a *named* class or function is a declaration instead. Parentheses
 * are kept in the tree so the expression's range covers them (`(1 + 2)` is 0..7, not 1..6).
 */
function asExpression(source: string): Expression | undefined {
  let node: Expression;
  try {
    node = parseExpressionAt(source, 0, { ...parseOptions, preserveParens: true });
  } catch {
    return undefined;
  }
  if ((node.type === "ClassExpression" || node.type === "FunctionExpression") && node.id) return undefined;
  return onlyTrailer(source.slice(node.end)) ? node : undefined;
}

/** The top-level statements of a generator cell, parsed inside {@link GENERATOR_PREFIX}. */
function asGenerator(source: string): { code: string; program: Program; body: Node } | undefined {
  const code = `${GENERATOR_PREFIX}${source}${GENERATOR_SUFFIX}`;
  let program: Program;
  try {
    program = parse(code, parseOptions);
  } catch {
    return undefined;
  }
  const only = program.body.length === 1 ? program.body[0] : undefined;
  if (only?.type !== "FunctionDeclaration" || only.start !== 0 || only.end !== code.length) return undefined;
  return { code, program, body: only };
}

/**
 * Parses one JavaScript cell and finds what it defines and what it uses.
 *
 * The forms follow Notebook Kit, tried in its order: the whole cell as one expression first (so
 * `({a: 1})`, `{a: 1}`, `(1, 2)`, `x => x`, `class {}` and `` `t${x}` `` show their value), then
 * as statements, whose top-level declarations define names. Two differences, both forgiving: an
 * expression may end in one `;` (`1 + 2;` shows 3, as it did before Kit's rule), and a cell with
 * `yield` at its top level is a generator cell as in Observable's classic notebooks (Kit only
 * accepts `yield` inside a `function*`).
 */
export function analyzeCell(source: string): CellAnalysis {
  const expression = asExpression(source);
  if (expression) {
    const { references, async, using } = freeReferences(expression, expression);
    if (using) return usingError(using, 0);
    return { ok: true, form: "expression", code: source, root: expression, expression, defines: [], references, async, own: expression };
  }
  let program: Program;
  try {
    program = parse(source, parseOptions);
  } catch (error) {
    const generator = asGenerator(source);
    if (!generator) return syntaxError(error);
    const { references, async, yields, using } = freeReferences(generator.program, generator.body);
    if (!yields) return syntaxError(error);
    if (using) return usingError(using, GENERATOR_PREFIX.length);
    // The cell's value is the generator itself, so the cell body is not async even when the
    // generator awaits (the runtime awaits each value it yields).
    return { ok: true, form: "generator", code: generator.code, root: generator.program, defines: [], references, async: false, generatorAsync: async, own: generator.body };
  }
  const moduleError = moduleSyntaxError(program);
  if (moduleError) return moduleError;
  const { references, async, using } = freeReferences(program, program);
  if (using) return usingError(using, 0);
  return { ok: true, form: "program", code: source, root: program, defines: topLevelDefines(program), references, async, own: program };
}
