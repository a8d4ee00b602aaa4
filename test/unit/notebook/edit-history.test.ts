import { describe, expect, it } from "vitest";
import { EditHistory } from "../../../src/notebook/edit-history";

describe("EditHistory", () => {
  it("undoes edits in reverse order and redoes them forward", () => {
    const history = new EditHistory<string>();
    let doc = "a";
    const edit = (label: string, next: string): void => {
      history.record(label, doc);
      doc = next;
    };
    edit("add b", "ab");
    edit("add c", "abc");
    expect(history.undoLabel).toBe("add c");
    const back = history.undo(doc);
    expect(back).toEqual({ label: "add c", state: "ab" });
    doc = back?.state ?? doc;
    expect(history.redoLabel).toBe("add c");
    doc = history.undo(doc)?.state ?? doc;
    expect(doc).toBe("a");
    expect(history.undo(doc)).toBeUndefined();
    doc = history.redo(doc)?.state ?? doc;
    expect(doc).toBe("ab");
    doc = history.redo(doc)?.state ?? doc;
    expect(doc).toBe("abc");
    expect(history.redo(doc)).toBeUndefined();
  });

  it("drops the redo side when a new edit follows an undo", () => {
    const history = new EditHistory<number>();
    history.record("one", 0);
    history.record("two", 1);
    expect(history.undo(2)?.state).toBe(1);
    history.record("other", 1);
    expect(history.redoLabel).toBeUndefined();
    expect(history.redo(5)).toBeUndefined();
    expect(history.undo(7)).toEqual({ label: "other", state: 1 });
    expect(history.undo(1)).toEqual({ label: "one", state: 0 });
  });

  it("keeps at most `limit` steps, dropping the oldest", () => {
    const history = new EditHistory<number>(3);
    for (let i = 0; i < 5; i++) history.record(`e${i}`, i);
    const seen: number[] = [];
    for (let step = history.undo(99); step; step = history.undo(step.state)) seen.push(step.state);
    expect(seen).toEqual([4, 3, 2]);
  });

  it("refuses a limit that is not a positive integer", () => {
    expect(() => new EditHistory(0)).toThrow(/positive integer/);
  });
});
