/**
 * A markdown or html cell's `${…}` interpolations, found with acorn (so braces inside strings and
 * objects are handled) — compile time only: running the cell needs only markdown-cell.ts.
 */
import { parseExpressionAt } from "acorn";
import { parseOptions } from "./analyze-cell";

/** A markdown cell split at its `${…}` interpolations: strings.length === expressions.length + 1. */
export interface MarkdownTemplate {
  ok: true;
  strings: string[];
  expressions: string[];
}

/** An interpolation that does not parse; positions are 1-based within the cell. */
export interface MarkdownTemplateError {
  ok: false;
  message: string;
  line: number;
  column: number;
}

function position(source: string, offset: number): { line: number; column: number } {
  const before = source.slice(0, offset).split("\n");
  return { line: before.length, column: (before[before.length - 1]?.length ?? 0) + 1 };
}

/**
 * Splits a markdown cell at `${expr}` (as in a template literal; `\${` stays literal text).
 * Acorn parses each expression, so braces inside strings or objects are handled.
 */
export function parseMarkdownCell(source: string): MarkdownTemplate | MarkdownTemplateError {
  const strings: string[] = [];
  const expressions: string[] = [];
  let text = "";
  let i = 0;
  while (i < source.length) {
    if (source.startsWith("\\${", i)) {
      text += "${";
      i += 3;
      continue;
    }
    if (!source.startsWith("${", i)) {
      text += source[i];
      i++;
      continue;
    }
    const start = i + 2;
    let end: number;
    try {
      end = parseExpressionAt(source, start, parseOptions).end;
    } catch (e) {
      const where = position(source, start);
      const reason = e instanceof Error ? e.message.replace(/\s*\(\d+:\d+\)$/, "") : String(e);
      return {
        ok: false,
        message: `Syntax error in the \${…} at line ${where.line}, column ${where.column}: ${reason}. Fix the expression or write \\\${ for a literal \${.`,
        ...where,
      };
    }
    let close = end;
    while (close < source.length && /\s/.test(source[close] ?? "")) close++;
    if (source[close] !== "}") {
      const where = position(source, close);
      return {
        ok: false,
        message: `Syntax error at line ${where.line}, column ${where.column}: expected } to close the \${…} that starts at offset ${i}. Add the closing brace.`,
        ...where,
      };
    }
    strings.push(text);
    expressions.push(source.slice(start, end));
    text = "";
    i = close + 1;
  }
  strings.push(text);
  return { ok: true, strings, expressions };
}

/** JavaScript source of an expression cell that evaluates every interpolation into an array. */
export function markdownValuesSource(template: MarkdownTemplate): string {
  return `[${template.expressions.map((e) => `(${e}\n)`).join(", ")}]`;
}
