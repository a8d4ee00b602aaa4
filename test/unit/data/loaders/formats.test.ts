import { describe, expect, it } from "vitest";
import { ok } from "../../../../src/base/result";
import type { FileFormat } from "../../../../src/data/loaders/file-format";
import { FILE_FORMATS, acceptAttribute, formatById, formatList } from "../../../../src/data/loaders/formats";
import { detectFormat } from "../../../../src/data/loaders/load-file";
import { makeSample } from "../../../../src/data/loaders/sample";
import { fixture, smallCodebook as codebook } from "./helpers";

describe("the loaders' registry", () => {
  it("has one entry per format, each with its own id, a label and dotted lower-case extensions", () => {
    const ids = FILE_FORMATS.map((f) => f.format);
    expect(new Set(ids).size).toBe(ids.length);
    for (const f of FILE_FORMATS) {
      expect(f.label.length).toBeGreaterThan(2);
      for (const ext of f.extensions) expect(ext).toMatch(/^\.[a-z0-9]+$/);
      expect(formatById(f.format)).toBe(f);
    }
  });

  it("gives the file picker every extension once, and people the labels", () => {
    const accept = acceptAttribute().split(",");
    expect(new Set(accept).size).toBe(accept.length);
    expect(accept.sort()).toEqual([...new Set(FILE_FORMATS.flatMap((f) => f.extensions))].sort());
    expect(formatList()).toBe("SPSS .sav, CSV or card image");
  });

  it("takes a new format from its entry alone (a Stata .dta sketch: magic bytes, label, extension)", () => {
    const dta: FileFormat = {
      format: "dta", label: "Stata .dta", extensions: [".dta"], needsCodebook: false,
      // Stata 13+ files start with "<stata_dta>".
      sniff: (s) => (new TextDecoder().decode(s.head.subarray(0, 11)) === "<stata_dta>" ? 1 : 0),
      read: () => Promise.resolve(ok({ columns: { names: [], columns: [], rows: 0 }, codebook, rowNumbers: new Int32Array(0), shape: "", encoding: "", bytes: 0 })),
    };
    const formats = [...FILE_FORMATS, dta];
    const file = new TextEncoder().encode("<stata_dta><header>…");
    expect(detectFormat(makeSample("survey.dta", file, true, codebook), formats)?.format).toBe("dta");
    // The other formats still win their own files.
    expect(detectFormat(makeSample("x.sav", fixture("small-compressed.sav"), true, codebook), formats)?.format).toBe("sav");
    expect(acceptAttribute(formats)).toContain(".dta");
    expect(formatList(formats)).toBe("SPSS .sav, CSV, card image or Stata .dta");
  });
});
