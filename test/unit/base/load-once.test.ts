import { describe, expect, it } from "vitest";
import { loadOnce } from "../../../src/base/load-once";

describe("loadOnce", () => {
  it("shares one load between callers, and tries again after a failure", async () => {
    let calls = 0;
    const load = loadOnce(() => (++calls === 1 ? Promise.reject(new Error("offline")) : Promise.resolve(calls)));
    await expect(load()).rejects.toThrow("offline");
    const [a, b] = await Promise.all([load(), load()]);
    expect([a, b, calls]).toEqual([2, 2, 2]);
    expect(await load()).toBe(2);
    expect(calls).toBe(2);
  });
});
