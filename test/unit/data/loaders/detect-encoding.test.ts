import { describe, expect, it } from "vitest";
import { AutoDecoder, decodeText, detectEncoding } from "../../../../src/data/detect-encoding";

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
/** Windows-1252 bytes of a Latin-1 string (every char < 256 is its own byte). */
const cp1252 = (s: string): Uint8Array => Uint8Array.from([...s].map((c) => c.charCodeAt(0)));

function byteByByte(bytes: Uint8Array): { text: string; decoder: AutoDecoder } {
  const decoder = new AutoDecoder();
  let text = "";
  for (const b of bytes) text += decoder.push(Uint8Array.of(b));
  return { text: text + decoder.end(), decoder };
}

describe("detectEncoding / AutoDecoder", () => {
  it("tells UTF-8, UTF-8 with BOM and Windows-1252 apart", () => {
    expect(detectEncoding(utf8("Bærum"))).toBe("utf-8");
    expect(detectEncoding(Uint8Array.of(0xef, 0xbb, 0xbf, ...utf8("Tromsø")))).toBe("utf-8-bom");
    expect(detectEncoding(cp1252("Åfjord"))).toBe("windows-1252");
    expect(detectEncoding(Uint8Array.of(0xff, 0xfe, 0x41, 0))).toBe("utf-16le");
  });

  it("decodes æøå right in each encoding and drops the BOM", () => {
    expect(decodeText(utf8("æøå ÆØÅ"))).toEqual({ text: "æøå ÆØÅ", encoding: "utf-8" });
    expect(decodeText(Uint8Array.of(0xef, 0xbb, 0xbf, ...utf8("æøå")))).toEqual({ text: "æøå", encoding: "utf-8-bom" });
    expect(decodeText(Uint8Array.of(0xe6, 0xf8, 0xe5, 0xc6, 0xd8, 0xc5))).toEqual({ text: "æøåÆØÅ", encoding: "windows-1252" });
    // 0x80 is the euro sign in Windows-1252 (not a C1 control as in ISO-8859-1)
    expect(decodeText(Uint8Array.of(0x80)).text).toBe("€");
    expect(decodeText(Uint8Array.of(0xff, 0xfe, 0xe6, 0, 0x41, 0))).toEqual({ text: "æA", encoding: "utf-16le" });
  });

  it("decodes the same when bytes arrive one at a time (sequences split across chunks)", () => {
    expect(byteByByte(utf8("q1;Bærum;Tromsø\n")).text).toBe("q1;Bærum;Tromsø\n");
    expect(byteByByte(Uint8Array.of(0xef, 0xbb, 0xbf, ...utf8("Ø"))).text).toBe("Ø");
    const latin = byteByByte(cp1252("ascii first, then Åfjord"));
    expect(latin.text).toBe("ascii first, then Åfjord");
    expect(latin.decoder.encoding).toBe("windows-1252");
    expect(latin.decoder.mixed).toBe(false);
  });

  it("switches to Windows-1252 at the first non-UTF-8 byte and flags a mixed file", () => {
    const d = new AutoDecoder();
    const text = d.push(utf8("Bærum\n")) + d.push(cp1252("Tromsø\n")) + d.end();
    expect(text).toBe("Bærum\nTromsø\n");
    expect(d.mixed).toBe(true);
  });

  it("reads a file that ends inside a UTF-8 sequence as Windows-1252", () => {
    expect(decodeText(Uint8Array.of(0x41, 0xc3))).toEqual({ text: "AÃ", encoding: "windows-1252" });
  });
});
