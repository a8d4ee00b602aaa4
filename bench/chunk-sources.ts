/**
 * How much of a minified chunk each source module is, read off the chunk's source map: every
 * mapped stretch of the output, from one mapping to the next, is counted to the source the first
 * one names. What no mapping covers is counted as UNMAPPED: a JSON module (it has no map), the
 * bundler's import and export lists and preload tables, and stretches of template text the
 * minifier does not map (Lit's html`…`). Unlike a module's `renderedLength` (its code before minifying), these are
 * the bytes the chunk ships, so a module's share of the chunk's gzip size follows from them.
 */

/** The key for output no mapping attributes to a source. */
export const UNMAPPED = "(unmapped: JSON, imports, template text)";

/** The parts of a source map this reads (a Rolldown `SourceMap` has them). */
export interface ChunkSourceMap {
  readonly sources: readonly (string | null)[];
  readonly mappings: string;
}

const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** The numbers of one mapping segment (base64 VLQ, as the source map format writes them). */
function decodeSegment(segment: string): number[] {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = BASE64.indexOf(char);
    if (digit < 0) throw new Error(`source map: "${char}" is not a base64 digit`);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
    } else {
      values.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return values;
}

/** Characters of `code` by the source module they came from, keyed by the map's source names. */
export function charsBySource(code: string, map: ChunkSourceMap): Map<string, number> {
  const lines = code.split("\n");
  const counts = new Map<string, number>();
  const add = (source: string, chars: number): void => {
    if (chars > 0) counts.set(source, (counts.get(source) ?? 0) + chars);
  };
  let sourceIndex = 0;
  map.mappings.split(";").forEach((lineMappings, lineNumber) => {
    const line = lines[lineNumber] ?? "";
    let column = 0;
    // Up to the line's first mapping, the output is no module's.
    let open = { source: UNMAPPED, from: 0 };
    for (const segment of lineMappings.split(",")) {
      if (segment === "") continue;
      const [columnDelta = 0, sourceDelta] = decodeSegment(segment);
      column += columnDelta;
      add(open.source, column - open.from);
      // A segment of one number maps its stretch to nothing.
      if (sourceDelta !== undefined) sourceIndex += sourceDelta;
      open = { source: sourceDelta === undefined ? UNMAPPED : (map.sources[sourceIndex] ?? UNMAPPED), from: column };
    }
    add(open.source, line.length - open.from);
  });
  // Lines after the last one the mappings name; each line's "\n" goes with no module.
  for (let n = map.mappings.split(";").length; n < lines.length; n++) add(UNMAPPED, lines[n]?.length ?? 0);
  add(UNMAPPED, lines.length - 1);
  return counts;
}
