/**
 * The file gate: which paths a notebook frame may have the shell fetch. Only files under the app's
 * data/ folder, by plain relative paths; everything else is refused before any request is made.
 */
import { describe, expect, it } from "vitest";
import { dataFile, readDataFile } from "../../../../src/app/sandbox/file-gate";

const BASE = "https://example.org/app/index.html";

describe("dataFile", () => {
  it("resolves the forms notebooks use to one path under data/", () => {
    for (const [asked, path] of [
      ["demo/kommuner-1999.csv", "data/demo/kommuner-1999.csv"],
      ["./demo/kommuner-1999.csv", "data/demo/kommuner-1999.csv"],
      ["data/survey-1999/respondents.csv", "data/survey-1999/respondents.csv"],
      ["sources/000_7a6e6f7d2cc5bfc8.txt", "data/sources/000_7a6e6f7d2cc5bfc8.txt"],
    ]) {
      const file = dataFile(asked ?? "", BASE);
      expect(file.ok && file.value.path).toBe(path);
      expect(file.ok && file.value.url.href).toBe(`https://example.org/app/${path}`);
    }
  });

  it("refuses traversal, escapes, other hosts, schemes and absolute paths", () => {
    for (const asked of ["../index.html", "data/../notebooks/index.json", "data/%2e%2e/index.html", "/etc/passwd", "https://evil.example/x",
      "//evil.example/x", "data\\..\\index.html", "data//x.csv", "demo/.hidden", "demo/", "", "demo/a?b=1", "demo/a#b", "javascript:alert(1)", "demo/..", ".."]) {
      const file = dataFile(asked, BASE);
      expect(file.ok, asked).toBe(false);
      expect(file.ok ? "" : file.error.message).toMatch(/was not read: .*Notebooks read files under data\/ by a plain relative path/);
    }
  });
});

describe("readDataFile", () => {
  it("fetches only an allowed path, without following redirects, and says what failed", async () => {
    const asked: { url: string; init: RequestInit | undefined }[] = [];
    const fetcher: typeof fetch = (input, init) => {
      const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
      asked.push({ url, init });
      return Promise.resolve(url.endsWith("missing.csv") ? new Response("no", { status: 404 }) : new Response("a,b\n1,2\n"));
    };
    const good = await readDataFile("demo/x.csv", BASE, fetcher);
    expect(good.ok && { path: good.value.path, text: new TextDecoder().decode(good.value.bytes) }).toEqual({ path: "data/demo/x.csv", text: "a,b\n1,2\n" });
    expect(asked).toEqual([{ url: "https://example.org/app/data/demo/x.csv", init: { redirect: "error" } }]);
    const missing = await readDataFile("demo/missing.csv", BASE, fetcher);
    expect(missing.ok ? "" : missing.error.message).toBe("Could not load demo/missing.csv (HTTP 404); check the file name under data/.");
    const refused = await readDataFile("../index.html", BASE, fetcher);
    expect(refused.ok).toBe(false);
    expect(asked).toHaveLength(2);
  });
});
