/**
 * A stranger's .sav file whose value-label records name variables many times over. A record (type
 * 3) holds labels and the list after it (type 4) names the variables they belong to, by index; the
 * reader copied every label into every variable named, once per mention, and decoded each copy.
 * A 48 KB file of 2,000 labels naming one variable 4,000 times took 42 s and 1 GB in the load
 * worker (Node, load 17), and a 1 MB file ran out of memory — which takes the page's process with
 * it. Checked by the work done, not by time: how many label texts are decoded, and that a file
 * attaching more than MAX_VALUE_LABELS labels in all is refused with the reason. Also here: an
 * encoding record of 2 MB, which overflowed the stack (readSav promises a problem, never a throw).
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { MAX_VALUE_LABELS, readSav } from "../../src/data/loaders/sav-reader";

/**
 * A little-endian .sav: `vars` numeric variables, one record of `labels` labels naming the 1-based
 * `indexes`, one case; its encoding record (7.20) names `encoding`.
 */
function labelBomb(vars: number, labels: number, indexes: readonly number[], encoding = "UTF-8"): Uint8Array {
  const parts: Uint8Array[] = [];
  const part = (n: number): DataView => {
    const b = new Uint8Array(n);
    parts.push(b);
    return new DataView(b.buffer);
  };
  const ascii = (view: DataView, at: number, text: string): void => new Uint8Array(view.buffer).set(new TextEncoder().encode(text), at);
  const head = part(176);
  ascii(head, 0, "$FL2@(#) hostile writer");
  [2, vars, 0, 0, 1].forEach((n, i) => head.setInt32(64 + i * 4, n, true));
  head.setFloat64(84, 100, true);
  for (let i = 0; i < vars; i++) {
    const v = part(32);
    [2, 0, 0, 0, 0x050800, 0x050800].forEach((n, k) => v.setInt32(k * 4, n, true));
    ascii(v, 24, `V${i}`.padEnd(8, " "));
  }
  const record = part(8 + labels * 16);
  [3, labels].forEach((n, k) => record.setInt32(k * 4, n, true));
  for (let i = 0; i < labels; i++) {
    record.setFloat64(8 + i * 16, i, true);
    record.setUint8(16 + i * 16, 7);
    ascii(record, 17 + i * 16, `Svar ${String(i % 100).padStart(2, "0")}`);
  }
  const list = part(8 + indexes.length * 4);
  [4, indexes.length, ...indexes].forEach((n, k) => list.setInt32(k * 4, n, true));
  // The file's encoding (record 7.20), so its texts go through TextDecoder.
  const named = part(16 + encoding.length);
  [7, 20, 1, encoding.length].forEach((n, k) => named.setInt32(k * 4, n, true));
  ascii(named, 16, encoding);
  part(8).setInt32(0, 999, true);
  const data = part(vars * 8);
  for (let i = 0; i < vars; i++) data.setFloat64(i * 8, 1, true);
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  parts.reduce((at, p) => (out.set(p, at), at + p.length), 0);
  return out;
}

describe("a stranger's .sav file with a hostile dictionary", () => {
  afterEach(() => vi.restoreAllMocks());

  it("decodes each label once, however often the list names its variable, and keeps every label", () => {
    const decode = vi.spyOn(TextDecoder.prototype, "decode");
    const file = labelBomb(1, 200, Array.from({ length: 400 }, () => 1));
    const read = readSav(file);
    if (!read.ok) throw new Error(read.error.message);
    expect(read.value.variables[0]?.valueLabels.size).toBe(200);
    expect(read.value.variables[0]?.valueLabels.get(199)).toBe("Svar 99");
    // Before: 200 labels × 400 mentions = 80,000 decodes (and as many copies kept).
    expect(decode.mock.calls.length).toBeLessThan(3 * 200);
  });

  it(`is refused, saying why, when its labels come to more than ${MAX_VALUE_LABELS.toLocaleString("en")} in all`, () => {
    const vars = 1_000;
    const labels = Math.floor(MAX_VALUE_LABELS / vars) + 1;
    const read = readSav(labelBomb(vars, labels, Array.from({ length: vars }, (_, i) => i + 1)));
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.error.kind).toBe("unsupported");
    expect(read.error.message).toContain("value labels in all");
  });

  it("reads a file whose encoding record is 2 MB long as a problem or a file, never a thrown RangeError", () => {
    // Before: String.fromCharCode(...2 MB) overflowed the stack, against readSav's promise.
    const read = readSav(labelBomb(1, 1, [1], "A".repeat(2_000_000)));
    expect(read.ok).toBe(true);
  });
});
