import { describe, expect, it } from "vitest";
import { formatRoute, parseRoute } from "../../../src/app/route";

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
