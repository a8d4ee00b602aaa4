/**
 * A table builtin's options, read once (the `maybe*` way Plot normalises its marks): each option is
 * read with its default and checked, options meant for the statistics kernel are passed on, and an
 * option nobody read — a misspelling such as `percentage` for `percent` — is refused with the
 * closest known name, instead of being silently ignored.
 */
import { builtinError, describeValue } from "../../base/builtin-problem";
import { unknownOptionText } from "../../stats/option-names";

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Reads one options object for `builtin`; call `done()` after the last read. */
export class OptionReader {
  private readonly raw: Readonly<Record<string, unknown>>;
  private readonly read = new Set<string>();

  constructor(private readonly builtin: string, raw: unknown) {
    if (raw !== undefined && !isRecord(raw)) throw builtinError(builtin, "bad-option", `the options are an object {…}, but it got ${describeValue(raw)}.`);
    this.raw = raw ?? {};
  }

  private value(key: string): unknown {
    this.read.add(key);
    return this.raw[key];
  }

  private fail(key: string, expected: string, got: unknown): never {
    throw builtinError(this.builtin, "bad-option", `option ${key} is ${expected}, but it got ${describeValue(got)}.`);
  }

  /** A text option. */
  string(key: string): string | undefined {
    const v = this.value(key);
    if (v === undefined || typeof v === "string") return v;
    return this.fail(key, "a text", v);
  }

  /** A true/false option. */
  boolean(key: string, fallback: boolean): boolean {
    const v = this.value(key);
    if (v === undefined) return fallback;
    if (typeof v === "boolean") return v;
    return this.fail(key, "true or false", v);
  }

  /** A true/false option without a default (undefined when not given). */
  maybeBoolean(key: string): boolean | undefined {
    const v = this.value(key);
    if (v === undefined || typeof v === "boolean") return v;
    return this.fail(key, "true or false", v);
  }

  /** A whole number in [min, max]. */
  integer(key: string, fallback: number, min: number, max: number): number {
    const v = this.value(key);
    if (v === undefined) return fallback;
    if (typeof v === "number" && Number.isInteger(v) && v >= min && v <= max) return v;
    return this.fail(key, `a whole number from ${min} to ${max}`, v);
  }

  /** A whole number in [min, max] without a default. */
  maybeInteger(key: string, min: number, max: number): number | undefined {
    const v = this.value(key);
    if (v === undefined) return undefined;
    if (typeof v === "number" && Number.isInteger(v) && v >= min && v <= max) return v;
    return this.fail(key, `a whole number from ${min} to ${max}`, v);
  }

  /** One of `allowed`. */
  oneOf<T extends string>(key: string, allowed: readonly T[], fallback: T): T {
    const v = this.value(key);
    if (v === undefined) return fallback;
    const hit = allowed.find((a) => a === v);
    if (hit !== undefined) return hit;
    return this.fail(key, `one of ${allowed.map((a) => `"${a}"`).join(", ")}`, v);
  }

  /** One of `allowed` or a list of them (deduplicated, in the order of `allowed`). */
  someOf<T extends string>(key: string, allowed: readonly T[], fallback: readonly T[], none?: string): T[] {
    const v = this.value(key);
    if (v === undefined) return [...fallback];
    if (none !== undefined && v === none) return [];
    const list: unknown[] = Array.isArray(v) ? v : [v];
    const picked = allowed.filter((a) => list.includes(a));
    if (picked.length === list.length) return picked;
    return this.fail(key, `one of ${[...allowed, ...(none === undefined ? [] : [none])].map((a) => `"${a}"`).join(", ")} or a list of them`, v);
  }

  /** Options the kernel reads, passed on as given. */
  passOn(keys: readonly string[]): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const key of keys) {
      const v = this.value(key);
      if (v !== undefined) out[key] = v;
    }
    return out;
  }

  /** Refuse the options nobody read, naming the closest known one. */
  done(): void {
    const known = [...this.read];
    for (const key of Object.keys(this.raw)) {
      if (this.read.has(key)) continue;
      throw builtinError(this.builtin, "unknown-option", unknownOptionText(key, known));
    }
  }
}
