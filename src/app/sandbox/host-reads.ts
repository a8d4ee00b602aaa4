/**
 * Whether a notebook reads a host name (the survey, the filter, the selection), as the shell
 * decides it from the document itself. The frame says which names its cells read (`reads`), but
 * the frame is untrusted once a notebook runs: a notebook that took the frame's channel could say
 * it reads nothing, and the header would drop the reconstruction notice and the report would say
 * "Filter: none" over filtered numbers. A cell can only read a host name by spelling it as an
 * identifier in its source (the runtime hands builtins to cells by the names they reference), so a
 * source that never spells it — escapes such as `\u0073urvey` decoded — cannot read it. The test
 * over-approximates (a comment or a string that says "filter" counts), which only shows a notice or
 * a filter line that was not needed; markdown and HTML cells count from their first `${` on.
 */

/** `\uXXXX` and `\u{X…}` escapes decoded, as JavaScript reads them in identifiers. */
function decodeEscapes(source: string): string {
  return source.replace(/\\u\{([0-9a-fA-F]{1,6})\}|\\u([0-9a-fA-F]{4})/g, (whole, braced: string | undefined, four: string | undefined) => {
    const code = parseInt(braced ?? four ?? "", 16);
    return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** The part of a cell that can be code: all of a JavaScript cell; a markdown or HTML cell from its first `${` on. */
function codeOf(cell: { kind: string; source: string }): string {
  if (cell.kind === "js") return cell.source;
  if (cell.kind !== "md" && cell.kind !== "html") return "";
  const at = cell.source.indexOf("${");
  return at < 0 ? "" : cell.source.slice(at);
}

/**
 * True when some cell's code spells `name` as a whole identifier — not part of a longer one, not
 * a property after a dot (`table.filter(…)`).
 */
export function spellsName(cells: ReadonlyArray<{ kind: string; source: string }>, name: string): boolean {
  const word = new RegExp(`(?<![\\w$\\u0080-\\uffff])(?<!\\.\\s*)${name}(?![\\w$\\u0080-\\uffff])`, "u");
  return cells.some((cell) => {
    const code = codeOf(cell);
    return word.test(code) || (code.includes("\\u") && word.test(decodeEscapes(code)));
  });
}
