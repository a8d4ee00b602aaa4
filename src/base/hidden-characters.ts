/**
 * Characters that make code read differently from how it runs ("Trojan Source", CVE-2021-42574):
 * bidirectional controls that reorder what follows them on screen (a string's end and a comment
 * shown where the parser sees neither), zero-width and other invisible characters, and C0/C1
 * controls. A shared notebook is read before it is trusted, so wherever its source is shown as
 * text (the preview, the report's code) each of these is shown as a visible mark instead of being
 * applied; and lines are split where JavaScript splits them (CR, U+2028, U+2029 end a line — a
 * `// comment⏎leak()` with a lone CR would otherwise show as one comment line).
 */

/** One hidden character: "U+202E" and what it is. */
export interface HiddenCharacter {
  code: string;
  name: string;
}

const NAMES: Readonly<Record<number, string>> = {
  0x00ad: "soft hyphen",
  0x061c: "Arabic letter mark",
  0x180e: "Mongolian vowel separator",
  0x200b: "zero-width space",
  0x200c: "zero-width non-joiner",
  0x200d: "zero-width joiner",
  0x200e: "left-to-right mark",
  0x200f: "right-to-left mark",
  0x202a: "left-to-right embedding",
  0x202b: "right-to-left embedding",
  0x202c: "pop directional formatting",
  0x202d: "left-to-right override",
  0x202e: "right-to-left override",
  0x2060: "word joiner",
  0x2066: "left-to-right isolate",
  0x2067: "right-to-left isolate",
  0x2068: "first strong isolate",
  0x2069: "pop directional isolate",
  0xfeff: "zero-width no-break space (byte order mark)",
};

/** Every character shown as a mark (tab, LF and the line terminators are not: they show as what they are). */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const HIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb]/g;
/** The same characters, without the global flag's `lastIndex`: whether a text has any. */
const ANY_HIDDEN = new RegExp(HIDDEN.source);

/** JavaScript's line terminators (ECMA-262 §12.3), CRLF counted once. */
const LINE_TERMINATOR = /\r\n|[\n\r\u2028\u2029]/;

function describe(char: string): HiddenCharacter {
  const point = char.codePointAt(0) ?? 0;
  return { code: `U+${point.toString(16).toUpperCase().padStart(4, "0")}`, name: NAMES[point] ?? "control character" };
}

/** The source's lines as JavaScript reads them. */
export function codeLines(source: string): string[] {
  return source.split(LINE_TERMINATOR);
}

/** `text` cut into plain runs and hidden characters, in order (plain runs are never empty). */
export function splitHidden(text: string): Array<string | HiddenCharacter> {
  // Most text has none: one test, not a match iterator (the static source calls this per token).
  if (!ANY_HIDDEN.test(text)) return text === "" ? [] : [text];
  const parts: Array<string | HiddenCharacter> = [];
  let last = 0;
  for (const match of text.matchAll(HIDDEN)) {
    const at = match.index;
    if (at > last) parts.push(text.slice(last, at));
    parts.push(describe(match[0]));
    last = at + match[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}

/** The controls that reorder text on screen (the Trojan Source characters), without the invisible ones. */
const REORDERING = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * The distinct characters in `text` that reorder what is shown (bidirectional controls), in order
 * of first appearance: code has no use for them, so a preview warns about them. Invisible ones
 * (soft hyphens and joiners occur in ordinary prose) are only marked, see {@link splitHidden}.
 */
export function reorderingCharacters(text: string): HiddenCharacter[] {
  const seen = new Map<string, HiddenCharacter>();
  for (const match of text.matchAll(REORDERING)) {
    const found = describe(match[0]);
    if (!seen.has(found.code)) seen.set(found.code, found);
  }
  return [...seen.values()];
}

/**
 * What a preview says about cells whose code holds reordering characters, or undefined when none
 * does: which cells, which characters, and what to do.
 */
export function reorderingWarning(sources: readonly string[]): string | undefined {
  const cells = sources.map((source, index) => ({ index, found: reorderingCharacters(source) })).filter((c) => c.found.length > 0);
  if (cells.length === 0) return undefined;
  const which = cells.map((c) => c.index + 1).join(", ");
  const chars = [...new Map(cells.flatMap((c) => c.found).map((h) => [h.code, `${h.code} ${h.name}`])).values()].join(", ");
  return `${cells.length === 1 ? "Cell" : "Cells"} ${which} ${cells.length === 1 ? "holds" : "hold"} characters that reorder text on screen (${chars}): the code can run differently from how it reads. Each is marked in red below; do not run this notebook unless the sender can tell you why they are there.`;
}
