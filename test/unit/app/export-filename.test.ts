import { describe, expect, it } from "vitest";
import { exportFilename } from "../../../src/app/export-filename";
import { fileNameFor } from "../../../src/app/file-io";
import { hostileCorpus } from "../../fixtures/exports/hostile-corpus";

/** What any export's file name must look like: lower-case ASCII words joined by hyphens, one extension. */
const SAFE = /^[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?\.[a-z0-9]{1,8}$/;
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])\./;

describe("export file names", () => {
  it("spell out æ ø å instead of dropping them", () => {
    expect(exportFilename("bms-etter-størrelse", "csv")).toBe("bms-etter-storrelse.csv");
    expect(exportFilename("Innføring av modeller – Tabell 2.1", "svg")).toBe("innforing-av-modeller-tabell-2-1.svg");
    expect(exportFilename("Særskilt / Åpen", "png")).toBe("saerskilt-apen.png");
    expect(exportFilename("ÆRØ Ålesund é ü", "csv")).toBe("aero-alesund-e-u.csv");
    expect(fileNameFor("BMS etter størrelse")).toBe("bms-etter-storrelse.html");
  });

  it("have no path, no device name, no control character, and a fallback when nothing is left", () => {
    expect(exportFilename("../../etc/passwd", "csv")).toBe("etc-passwd.csv");
    expect(exportFilename("C:\\Windows\\system32", "csv")).toBe("c-windows-system32.csv");
    expect(exportFilename("CON", "csv")).toBe("con-1.csv");
    expect(exportFilename("lpt9", "png")).toBe("lpt9-1.png");
    expect(exportFilename("a\nb\u0000c", "svg")).toBe("a-b-c.svg");
    expect(exportFilename("..", "csv")).toBe("utdata.csv");
    expect(fileNameFor("???")).toBe("notebook.html");
    expect(exportFilename("x".repeat(300), "csv")).toBe(`${"x".repeat(80)}.csv`);
    expect(() => exportFilename("a", "../csv")).toThrow(/not a file extension/);
  });

  it.each(hostileCorpus().map((c) => [c.id, c.text] as const))("make a safe name of hostile title %s", (_id, text) => {
    for (const ext of ["csv", "svg", "png", "html"]) {
      const name = exportFilename(text, ext);
      expect(name).toMatch(SAFE);
      expect(name).not.toMatch(WINDOWS_DEVICE);
    }
  });
});
