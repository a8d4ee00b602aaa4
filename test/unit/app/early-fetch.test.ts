import { describe, expect, it } from "vitest";
import { earlyFetch } from "../../../src/app/early-fetch";

/** A fetch that answers every URL with its name and the call's number, and records the calls. */
function countingFetch(): { fetcher: typeof fetch; calls: string[] } {
  const calls: string[] = [];
  const fetcher: typeof fetch = (input) => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    calls.push(url);
    return url === "missing" ? Promise.reject(new TypeError("network down")) : Promise.resolve(new Response(`${url} #${calls.length}`));
  };
  return { fetcher, calls };
}

describe("earlyFetch", () => {
  it("starts the given URLs at once and hands each response to the first caller only", async () => {
    const { fetcher, calls } = countingFetch();
    const early = earlyFetch(["notebooks/index.json", "notebooks/01-overview.html"], fetcher);
    expect(calls).toEqual(["notebooks/index.json", "notebooks/01-overview.html"]);
    expect(await (await early("notebooks/01-overview.html")).text()).toBe("notebooks/01-overview.html #2");
    // Asked again: a fresh request (a Response body can be read only once).
    expect(await (await early("notebooks/01-overview.html")).text()).toBe("notebooks/01-overview.html #3");
    expect(await (await early("notebooks/other.html")).text()).toBe("notebooks/other.html #4");
    expect(await (await early("notebooks/index.json")).text()).toBe("notebooks/index.json #1");
  });

  it("passes a request with options through, and a failed early fetch fails only its caller", async () => {
    const { fetcher, calls } = countingFetch();
    const early = earlyFetch(["a", "missing"], fetcher);
    expect(await (await early("a", { cache: "no-store" })).text()).toBe("a #3");
    await expect(early("missing")).rejects.toThrow("network down");
    expect(calls).toEqual(["a", "missing", "a"]);
  });
});
