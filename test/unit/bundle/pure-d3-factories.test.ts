/**
 * scripts/bundle/pure-d3-factories.ts: with d3's factory calls marked pure, a bundle that uses one
 * export of d3-random carries none of the others (Plot uses only `randomLcg`); and every top-level
 * call in the installed d3 modules is one of the factories it marks, so a new shape is read first.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { build, type Plugin, type Rolldown } from "vite";
import { describe, expect, it } from "vitest";
import { D3_FACTORY_CALL, isD3Module, markD3Factories, pureD3FactoriesPlugin, TOP_LEVEL_FUNCTION_CALL } from "../../../scripts/bundle/pure-d3-factories";

/** The minified bundle of `source` (an entry module), built with `plugins`. */
async function bundle(source: string, plugins: Plugin[]): Promise<string> {
  const entry = "\0entry";
  const input: Plugin = { name: "entry", resolveId: (id) => (id === "entry" ? entry : undefined), load: (id) => (id === entry ? source : undefined) };
  const result = await build({
    configFile: false,
    logLevel: "silent",
    plugins: [input, ...plugins],
    build: { write: false, minify: true, rolldownOptions: { input: "entry", output: { format: "es" } } },
  });
  const outputs = (Array.isArray(result) ? result : [result]).flatMap((r) => ("output" in r ? r.output : []));
  return outputs.filter((o): o is Rolldown.OutputChunk => o.type === "chunk").map((c) => c.code).join("\n");
}

describe("pure d3 factories", () => {
  it("drops d3-random's generators a bundle does not use", async () => {
    const code = await bundle('import { randomLcg } from "d3-random"; export const next = randomLcg(0.5);', [pureD3FactoriesPlugin()]);
    // randomLcg's multiplier is there; every other generator of d3-random draws with Math.log, sqrt or floor.
    expect(code).toMatch(/1664525|0x19660d/i);
    expect(code).not.toMatch(/Math\.(log|sqrt|floor)/);
  }, 60_000);

  it("marks every top-level call of the installed d3 modules, and only those", () => {
    const modules = readdirSync("node_modules")
      .filter((name) => name.startsWith("d3-"))
      .flatMap((name) => readdirSync(join("node_modules", name, "dist")).map((file) => resolve("node_modules", name, "dist", file)))
      .filter(isD3Module);
    expect(modules.length).toBeGreaterThan(20);
    let marked = 0;
    for (const file of modules) {
      const code = readFileSync(file, "utf8");
      const calls = code.match(TOP_LEVEL_FUNCTION_CALL)?.length ?? 0;
      const factories = code.match(D3_FACTORY_CALL)?.length ?? 0;
      expect(factories, `${file}: a top-level call that is not one of d3's factories; read it, and add its name to D3_FACTORY_CALL if it only builds a function`).toBe(calls);
      const pure = (text: string): number => text.match(/^(?:var|const) [\w$]+ = \/\* @__PURE__ \*\/ \(function\b/gm)?.length ?? 0;
      expect(pure(markD3Factories(code)), file).toBe(factories);
      marked += factories;
    }
    expect(marked).toBeGreaterThan(0);
  });
});
