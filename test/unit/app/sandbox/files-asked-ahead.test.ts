import { describe, expect, it } from "vitest";
import { FilesAskedAhead } from "../../../../src/app/sandbox/files-asked-ahead";

const bytes = (text: string): ArrayBuffer => new TextEncoder().encode(text).buffer;

describe("FilesAskedAhead", () => {
  it("hands each file asked for ahead to the first read of its path only", async () => {
    const asked: string[] = [];
    const ahead = new FilesAskedAhead();
    ahead.ask(["a.csv", "b.json"], (path) => {
      asked.push(path);
      return Promise.resolve(bytes(path));
    });
    expect(asked).toEqual(["a.csv", "b.json"]);
    const first = ahead.take("a.csv");
    expect(first).toBeDefined();
    expect(new TextDecoder().decode(await first)).toBe("a.csv");
    expect(ahead.take("a.csv")).toBeUndefined();
    expect(ahead.take("c.csv")).toBeUndefined();
  });

  it("keeps a failure for the read that takes it, and forgets everything on clear", async () => {
    const ahead = new FilesAskedAhead();
    ahead.ask(["missing.csv", "b.json"], (path) => (path === "missing.csv" ? Promise.reject(new Error("not found")) : Promise.resolve(bytes(path))));
    await expect(ahead.take("missing.csv")).rejects.toThrow("not found");
    ahead.clear();
    expect(ahead.take("b.json")).toBeUndefined();
  });
});
