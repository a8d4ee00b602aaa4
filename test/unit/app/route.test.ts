import { describe, expect, it } from "vitest";
import { formatRoute, parseRoute, type Route } from "../../../src/app/route";

describe("hash routes", () => {
  it("reads bundled, local, share and home routes", () => {
    expect(parseRoute("#/nb/demo")).toEqual({ kind: "bundled", name: "demo" });
    expect(parseRoute("#/local/local%3Aabc")).toEqual({ kind: "local", key: "local:abc" });
    expect(parseRoute("#share=v1.3.00000000.abc")).toEqual({ kind: "share", payload: "v1.3.00000000.abc" });
    expect(parseRoute("")).toEqual({ kind: "home" });
    expect(parseRoute("#/")).toEqual({ kind: "home" });
  });

  it("refuses bundled names that would leave the notebooks folder", () => {
    expect(parseRoute("#/nb/..%2Fsecret")).toEqual({ kind: "home" });
    expect(parseRoute("#/nb/a%2Fb")).toEqual({ kind: "home" });
    expect(parseRoute("#/nb/%E0%A4%A")).toEqual({ kind: "home" });
  });

  it("formats the routes it parses back to the same route", () => {
    for (const route of [
      { kind: "bundled", name: "survey-overview" },
      { kind: "local", key: "shared:k1-x y" },
      { kind: "share", payload: "v1.1.00000000.A" },
    ] as const) {
      expect(parseRoute(formatRoute(route))).toEqual(route);
    }
  });
});

describe("hash routes with a survey filter", () => {
  const filter = { fylke: [11, 12], sizeClass: [5], respType: [1], adopted: ["q20" as const] };

  it("prints the filter as a readable, percent-encoded query", () => {
    expect(formatRoute({ kind: "bundled", name: "01-overview", filter: { fylke: [11], sizeClass: [5], respType: [], adopted: [] } })).toBe("#/nb/01-overview?filter=fylke%3D11%26size%3D5");
    expect(formatRoute({ kind: "bundled", name: "01-overview", filter })).toBe("#/nb/01-overview?filter=fylke%3D11,12%26size%3D5%26type%3D1%26adopted%3Dq20");
    expect(formatRoute({ kind: "local", key: "local:k", filter: { fylke: [3], sizeClass: [], respType: [], adopted: [] } })).toBe("#/local/local%3Ak?filter=fylke%3D3");
  });

  it("leaves an empty filter out of the hash", () => {
    expect(formatRoute({ kind: "bundled", name: "demo", filter: { fylke: [], sizeClass: [], respType: [], adopted: [] } })).toBe("#/nb/demo");
    expect(parseRoute("#/nb/demo?filter=")).toEqual({ kind: "bundled", name: "demo" });
  });

  it("reads the filter back to the same route (round trip)", () => {
    const routes: Route[] = [
      { kind: "bundled", name: "01-overview", filter },
      { kind: "local", key: "shared:k1-x y?z", filter: { fylke: [20], sizeClass: [1, 6], respType: [2], adopted: [] } },
      { kind: "bundled", name: "05-adopters", filter: { fylke: [], sizeClass: [], respType: [], adopted: ["q24", "q3"] } },
    ];
    for (const route of routes) {
      expect(parseRoute(formatRoute(route))).toEqual(route);
    }
  });

  it("reads a hand-typed filter with unencoded separators inside the filter value", () => {
    // "&" and "=" typed literally end the filter value at the first "&": only fylke is read.
    expect(parseRoute("#/nb/01-overview?filter=fylke=18")).toEqual({ kind: "bundled", name: "01-overview", filter: { fylke: [18], sizeClass: [], respType: [], adopted: [] } });
    // Other query parameters are ignored.
    expect(parseRoute("#/nb/01-overview?view=wide&filter=size%3D2")).toEqual({ kind: "bundled", name: "01-overview", filter: { fylke: [], sizeClass: [2], respType: [], adopted: [] } });
  });

  it("refuses garbage filters with a message, keeping the notebook route", () => {
    const unknown = parseRoute("#/nb/01-overview?filter=colour%3Dred");
    expect(unknown).toMatchObject({ kind: "bundled", name: "01-overview", filterError: 'Unknown filter "colour". Known filters: fylke, size, type, adopted.' });
    expect(unknown).not.toHaveProperty("filter");
    expect(parseRoute("#/nb/01-overview?filter=fylke%3D21")).toMatchObject({ kind: "bundled", filterError: expect.stringContaining('Filter "fylke" has "21", which is not a county number of 1999') });
    expect(parseRoute("#/nb/01-overview?filter=fylke%3D13")).toMatchObject({ kind: "bundled", filterError: expect.stringContaining("13 Bergen had merged into Hordaland") });
    expect(parseRoute("#/nb/01-overview?filter=fylke%3D11%26fylke%3D12")).toMatchObject({ kind: "bundled", filterError: expect.stringContaining('"fylke" appears twice') });
    // The whole filter twice (an edited link, or one a page appended to): neither is applied.
    const twice = parseRoute("#/nb/01-overview?filter=fylke%3D11&filter=size%3D6");
    expect(twice).toMatchObject({ kind: "bundled", name: "01-overview", filterError: "The link gives the filter 2 times, so which one was meant cannot be told. Choose the filter again in the filter bar, or ask the sender for a new link." });
    expect(twice).not.toHaveProperty("filter");
    expect(parseRoute("#/nb/01-overview?filter=size%3D")).toMatchObject({ kind: "bundled", filterError: expect.stringContaining('"size" has no value') });
    expect(parseRoute("#/nb/01-overview?filter=%E0%A4%A")).toMatchObject({ kind: "bundled", filterError: expect.stringContaining("percent-encoded") });
    expect(parseRoute("#/local/local%3Ak?filter=adopted%3Dq99")).toMatchObject({ kind: "local", key: "local:k", filterError: expect.stringContaining('unknown model "q99"') });
  });

  it("refuses a 10 000-character filter without decoding it", () => {
    const hostile = parseRoute(`#/nb/01-overview?filter=${"fylke%3D1%26".repeat(834)}`);
    expect(hostile.kind).toBe("bundled");
    expect(hostile).not.toHaveProperty("filter");
    expect(hostile).toMatchObject({ filterError: expect.stringContaining("characters long") });
    // Under the query cap, the filter model's own 500-character limit still applies.
    expect(parseRoute(`#/nb/01-overview?filter=${"fylke%3D1%26".repeat(70)}`)).toMatchObject({ filterError: expect.stringContaining("longer than 500") });
  });

  it("never writes a refused filter back", () => {
    expect(formatRoute({ kind: "bundled", name: "01-overview", filterError: "bad" })).toBe("#/nb/01-overview");
  });
});
