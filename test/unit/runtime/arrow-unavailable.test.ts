import { describe, expect, it } from "vitest";
import { runNotebookHeadless } from "../../../src/runtime/headless";
import { arrowUnavailable } from "../../../src/runtime/arrow-unavailable";

// The bundle replaces Arquero's Arrow library (vite.config.ts, `replacedPackages`); tests run with
// the same replacement, so a cell here meets what a cell in the app meets.
const host = { readText: async () => "", readBytes: async () => new Uint8Array() };

describe("Arrow is not in the bundle", () => {
  it("a cell asking Arquero for Arrow gets the Problem that names the CSV route; CSV still works", async () => {
    const run = await runNotebookHeadless(
      {
        title: "t",
        cells: [
          { id: "1", kind: "js", source: "const fromBytes = aq.fromArrow(new Uint8Array(16))" },
          { id: "2", kind: "js", source: "const ipc = aq.table({ a: [1, 2] }).toArrowIPC()" },
          { id: "3", kind: "js", source: "const rows = aq.fromCSV('a,b\\n1,x\\n2,y').numRows()" },
        ],
      },
      { host, idleTimeoutMs: 5000 },
    );
    expect(run.cells[0]).toMatchObject({ status: "rejected", error: { message: arrowUnavailable.message } });
    expect(run.cells[1]).toMatchObject({ status: "rejected", error: { message: arrowUnavailable.message } });
    expect(run.cells[2]).toMatchObject({ status: "fulfilled", names: { rows: 2 } });
  });
});
