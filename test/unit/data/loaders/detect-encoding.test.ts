import { describe, expect, it } from "vitest";
import { FieldDecoder, binaryReason, decodeText, detectEncoding } from "../../../../src/data/loaders/detect-encoding";
import { textBytes } from "../../../../src/data/loaders/text-bytes";

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
/** Windows-1252 bytes of a Latin-1 string (every char < 256 is its own byte). */
const cp1252 = (s: string): Uint8Array => Uint8Array.from([...s].map((c) => c.charCodeAt(0)));
/** UTF-16 bytes of a string, written by hand (no BOM). */
function utf16(s: string, little: boolean): Uint8Array {
  const out = new Uint8Array(s.length * 2);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out[2 * i + (little ? 0 : 1)] = c & 0xff;
    out[2 * i + (little ? 1 : 0)] = c >> 8;
  }
  return out;
}

/** Runs bytes through textBytes in chunks of `step` and decodes the result as UTF-8 or 1252. */
async function throughTextBytes(bytes: Uint8Array, encoding: Parameters<typeof textBytes>[1], step: number): Promise<string> {
  async function* chunks(): AsyncGenerator<Uint8Array> {
    for (let i = 0; i < bytes.length; i += step) yield bytes.subarray(i, i + step);
  }
  const parts: number[] = [];
  for await (const b of textBytes(chunks(), encoding)) parts.push(...b);
  return new TextDecoder().decode(Uint8Array.from(parts));
}

describe("detectEncoding", () => {
  it("tells UTF-8, UTF-8 with BOM, UTF-16 with BOM and Windows-1252 apart", () => {
    expect(detectEncoding(utf8("Bærum"))).toBe("utf-8");
    expect(detectEncoding(Uint8Array.of(0xef, 0xbb, 0xbf, ...utf8("Tromsø")))).toBe("utf-8-bom");
    expect(detectEncoding(cp1252("Åfjord"))).toBe("windows-1252");
    expect(detectEncoding(Uint8Array.of(0xff, 0xfe, 0x41, 0))).toBe("utf-16le");
  });

  it("tells UTF-16 without a BOM by its NUL bytes, in both byte orders", () => {
    expect(detectEncoding(utf16("resp_id;q1;navn\n1;2;Bærum\n", true))).toBe("utf-16le");
    expect(detectEncoding(utf16("resp_id;q1;navn\n1;2;Bærum\n", false))).toBe("utf-16be");
  });

  it("takes a head cut inside a UTF-8 sequence as UTF-8 when the file goes on", () => {
    const cut = utf8("abc æ").subarray(0, 5); // ends with the first byte of "æ"
    expect(detectEncoding(cut, false)).toBe("utf-8");
    expect(detectEncoding(cut, true)).toBe("windows-1252");
  });
});

describe("decodeText", () => {
  it("decodes æøå right in each encoding and drops the BOM", () => {
    expect(decodeText(utf8("æøå ÆØÅ"))).toEqual({ text: "æøå ÆØÅ", encoding: "utf-8" });
    expect(decodeText(Uint8Array.of(0xef, 0xbb, 0xbf, ...utf8("æøå")))).toEqual({ text: "æøå", encoding: "utf-8-bom" });
    expect(decodeText(Uint8Array.of(0xe6, 0xf8, 0xe5, 0xc6, 0xd8, 0xc5))).toEqual({ text: "æøåÆØÅ", encoding: "windows-1252" });
    // 0x80 is the euro sign in Windows-1252 (not a C1 control as in ISO-8859-1)
    expect(decodeText(Uint8Array.of(0x80)).text).toBe("€");
    expect(decodeText(Uint8Array.of(0xff, 0xfe, 0xe6, 0, 0x41, 0))).toEqual({ text: "æA", encoding: "utf-16le" });
  });

  it("reads a file that ends inside a UTF-8 sequence as Windows-1252", () => {
    expect(decodeText(Uint8Array.of(0x41, 0xc3))).toEqual({ text: "AÃ", encoding: "windows-1252" });
  });
});

describe("binaryReason", () => {
  it("passes text with tabs and line ends (and a stray control code), refuses what is full of them", () => {
    expect(binaryReason("a\tb;c\r\nd,e\n")).toBeUndefined();
    expect(binaryReason(`${"x".repeat(400)}\u0000`)).toBeUndefined();
    expect(binaryReason("PK\u0003\u0004\u0000\u0000")).toMatch(/4 of its first 6 characters are control codes, the first near character 3/);
    expect(binaryReason(`${"x".repeat(100)}\u0001\u0002`)).toMatch(/2 of its first 102 characters are control codes/);
  });
});

describe("FieldDecoder", () => {
  it("switches to Windows-1252 at the first non-UTF-8 field and flags a mixed file", () => {
    const d = new FieldDecoder("utf-8");
    const a = utf8("Bærum");
    const b = cp1252("Tromsø");
    expect(d.decode(a, 0, a.length)).toBe("Bærum");
    expect(d.decode(b, 0, b.length)).toBe("Tromsø");
    expect(d.encoding).toBe("windows-1252");
    expect(d.mixed).toBe(true);
  });

  it("is not mixed when only ASCII came before the switch", () => {
    const d = new FieldDecoder("utf-8");
    const a = utf8("Oslo");
    const b = cp1252("Åfjord");
    d.decode(a, 0, a.length);
    expect(d.decode(b, 0, b.length)).toBe("Åfjord");
    expect(d.mixed).toBe(false);
  });
});

describe("textBytes", () => {
  it("drops a BOM split over one-byte chunks and passes the rest through", async () => {
    expect(await throughTextBytes(Uint8Array.of(0xef, 0xbb, 0xbf, ...utf8("Ø;1\n")), "utf-8-bom", 1)).toBe("Ø;1\n");
  });

  it("transcodes UTF-16 to UTF-8 whatever the chunk size (code units split across chunks)", async () => {
    const text = "navn;q1\nSør-Varanger;2\n";
    for (const step of [1, 3, 7, 64]) {
      expect(await throughTextBytes(utf16(text, true), "utf-16le", step)).toBe(text);
      expect(await throughTextBytes(Uint8Array.of(0xfe, 0xff, ...utf16(text, false)), "utf-16be", step)).toBe(text);
    }
  });
});
