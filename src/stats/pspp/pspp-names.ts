/**
 * PSPP variable names for the columns of a data file. A column name comes from the user's CSV header
 * or .sav dictionary and may be anything — a header `zz F1.0.⏎HOST COMMAND=[…]` pasted unquoted into
 * syntax is a shell command. Valid identifiers are kept; every other name gets a safe one (ASCII
 * letters, digits and `_`, starting with a letter, at most 64 bytes, not a reserved word, unique
 * without regard to case as PSPP compares names), and the syntax lists the mapping in comments.
 */
import { asciiFold } from "../../base/ascii-fold";

/** PSPP's reserved keywords, which can never be variable names. */
const RESERVED = new Set(["ALL", "AND", "BY", "EQ", "GE", "GT", "LE", "LT", "NE", "NOT", "OR", "TO", "WITH"]);

/** Longest PSPP variable name in bytes (all-ASCII here, so characters). */
const MAX_NAME = 64;

/**
 * True for a name this export writes into syntax as is. Stricter than PSPP (no `.`, `@`, `#`, `$`
 * or non-ASCII letters), so a kept name cannot be read as a scratch or system variable, end a
 * command, or depend on the syntax file's encoding.
 */
export function isSafePsppName(name: string): boolean {
  return /^[A-Za-z][A-Za-z0-9_]*$/.test(name) && name.length <= MAX_NAME && !RESERVED.has(name.toUpperCase());
}

/** A column whose name had to change. */
export interface RenamedColumn {
  /** 1-based position in the file. */
  position: number;
  from: string;
  to: string;
}

/** The PSPP name of every column, and new names that cannot clash with them. */
export class PsppNames {
  private readonly names = new Map<string, string>();
  private readonly taken = new Set<string>();
  /** Columns whose name had to change, in file order. */
  readonly renamed: RenamedColumn[] = [];

  constructor(columns: readonly string[]) {
    // Valid names first, so a renamed column never takes a name the file already uses.
    for (const name of columns) {
      if (isSafePsppName(name) && !this.taken.has(name.toUpperCase())) {
        this.names.set(name, name);
        this.taken.add(name.toUpperCase());
      }
    }
    columns.forEach((name, i) => {
      if (this.names.has(name)) return;
      const to = this.fresh(suggestion(name, i + 1));
      this.names.set(name, to);
      this.renamed.push({ position: i + 1, from: name, to });
    });
  }

  /** The PSPP name of column `name`, or undefined when it is not a column. */
  get(name: string): string | undefined {
    return this.names.get(name);
  }

  /** A name built from `base` that no column and no earlier `fresh` name uses. */
  fresh(base: string): string {
    const stem = isSafePsppName(base) ? base : "v";
    let candidate = stem;
    for (let n = 2; this.taken.has(candidate.toUpperCase()) || !isSafePsppName(candidate); n++) {
      const suffix = `_${n}`;
      candidate = `${stem.slice(0, MAX_NAME - suffix.length)}${suffix}`;
    }
    this.taken.add(candidate.toUpperCase());
    return candidate;
  }
}

/** A readable safe name for an invalid one: folded to ASCII, other characters as `_`, else `v<position>`. */
function suggestion(name: string, position: number): string {
  const ascii = asciiFold(name)
    .replace(/[^A-Za-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 32)
    .replace(/_+$/, "");
  if (ascii === "") return `v${position}`;
  const lettered = /^[A-Za-z]/.test(ascii) ? ascii : `v${ascii}`;
  return RESERVED.has(lettered.toUpperCase()) ? `${lettered}_` : lettered;
}
