import { describe, expect, it } from "vitest";
import { DocumentMirror } from "../../../../src/app/sandbox/document-mirror";
import { FRAME_LIMITS } from "../../../../src/app/sandbox/protocol";
import { newCell, type NotebookDoc } from "../../../../src/notebook/document";

function docWith(cells: number): NotebookDoc {
  return { title: "T", cells: Array.from({ length: cells }, (_, i) => newCell(`c${i}`, "js", `x${i} = ${i}`)) };
}

describe("DocumentMirror drafts", () => {
  it("refuses a draft that would take all drafts past a document's size, and keeps the ones before", () => {
    const mirror = new DocumentMirror(docWith(6), {}, undefined);
    const big = "a".repeat(FRAME_LIMITS.draftChars);
    const taken = [0, 1, 2, 3, 4, 5].map((i) => mirror.setDraft(`c${i}`, big));
    // 5 × 2 M = the 10 M a document may hold; the sixth would pass it.
    expect(taken).toEqual([true, true, true, true, true, false]);
    expect(Object.keys(mirror.draftRecord())).toEqual(["c0", "c1", "c2", "c3", "c4"]);
  });

  it("counts a replaced draft once, so a cell's draft may grow while the total stays under the limit", () => {
    const mirror = new DocumentMirror(docWith(5), {}, undefined);
    const big = "a".repeat(FRAME_LIMITS.draftChars);
    for (let i = 0; i < 5; i++) expect(mirror.setDraft(`c${i}`, big)).toBe(true);
    expect(mirror.setDraft("c0", "b".repeat(FRAME_LIMITS.draftChars))).toBe(true);
    expect(mirror.setDraft("c1", `${big}!`)).toBe(false);
    expect(mirror.draftRecord()["c1"]).toBe(big);
  });

  it("makes room again when a draft is dropped", () => {
    const mirror = new DocumentMirror(docWith(6), {}, undefined);
    const big = "a".repeat(FRAME_LIMITS.draftChars);
    for (let i = 0; i < 5; i++) mirror.setDraft(`c${i}`, big);
    expect(mirror.setDraft("c5", "y = 1")).toBe(false);
    expect(mirror.setDraft("c0", null)).toBe(true);
    expect(mirror.setDraft("c5", "y = 1")).toBe(true);
  });
});
