/**
 * `npm run chunks`: builds the app in memory and lists every JavaScript chunk with its gzip size,
 * whether a page loads it before its first draw (a page's script or a static import of one;
 * "worker" for a worker's chunk or own bundle) and what is in it: packages and source folders with
 * their share of the chunk's gzip size, in proportion to the minified bytes the chunk's source map
 * gives each (bench/chunk-sources.ts; "(unmapped …)": JSON, the bundler's import lists, template text). With
 * `-- --modules`, every module of half a KB or more, chunk by chunk. The totals and the budget lines
 * are bench/js-sizes.ts's, the figures the size test (test/browser/js-size.test.ts) checks against
 * bench/js-budget.ts. Ends with what would be a defect: a module in two chunks, two copies of one
 * package, or a chunk whose static imports the sizes' reading of the code does not find.
 */
import path from "node:path";
import { build, type Rolldown } from "vite";
import { charsBySource, UNMAPPED } from "../bench/chunk-sources";
import { JS_BUDGET_KIB } from "../bench/js-budget";
import { jsSizes, pageScripts, staticImports } from "../bench/js-sizes";

interface ChunkRow {
  file: string;
  gzip: number;
  raw: number;
  kind: string;
  /** Packages and source folders, ≈ gzip bytes each. */
  parts: [string, number][];
  /** Modules, ≈ gzip bytes each. */
  modules: [string, number][];
}

/** "@scope/name" or "name" of a module in node_modules (the innermost), or its source folder. */
function owner(id: string): string {
  const clean = id.replace(/^\0/, "").split("?")[0] ?? id;
  const packages = [...clean.matchAll(/node_modules\/((?:@[^/]+\/)?[^/]+)/g)];
  const last = packages[packages.length - 1];
  if (last?.[1]) return last[1];
  const rel = path.relative(process.cwd(), clean);
  return rel.startsWith("src/") ? rel.split("/").slice(0, 2).join("/") : rel;
}

/** A module's name for the listing: its path in node_modules or in the repository. */
function moduleName(id: string): string {
  const clean = id.replace(/^\0/, "").split("?")[0] ?? id;
  const inPackage = clean.lastIndexOf("node_modules/");
  return inPackage >= 0 ? clean.slice(inPackage + "node_modules/".length) : path.relative(process.cwd(), clean) || clean;
}

/** Where each package is installed, by name: more than one place means two copies in the bundle. */
function packageCopies(ids: string[]): Map<string, Set<string>> {
  const copies = new Map<string, Set<string>>();
  for (const id of ids) {
    const match = /^(.*node_modules\/((?:@[^/]+\/)?[^/]+))\//.exec(id);
    if (!match?.[1] || !match[2]) continue;
    const set = copies.get(match[2]) ?? new Set<string>();
    set.add(path.relative(process.cwd(), match[1]));
    copies.set(match[2], set);
  }
  return copies;
}

/** `sizes` (characters by key) as shares of `gzip` bytes, largest first. */
function shares(sizes: Map<string, number>, gzip: number): [string, number][] {
  const total = [...sizes.values()].reduce((a, b) => a + b, 0) || 1;
  return [...sizes].sort((a, b) => b[1] - a[1]).map(([name, chars]): [string, number] => [name, (chars / total) * gzip]);
}

async function main(): Promise<void> {
  const listModules = process.argv.includes("--modules");
  // Hidden: the maps are made (for the breakdown) but the code carries no comment naming them, so
  // it is byte for byte what `npm run build` writes.
  const result = await build({ logLevel: "silent", build: { write: false, sourcemap: "hidden" } });
  const outDir = path.resolve(process.cwd(), "dist");
  const outputs = (Array.isArray(result) ? result : [result]).flatMap((r) => ("output" in r ? r.output : []));
  const chunks = outputs.filter((o): o is Rolldown.OutputChunk => o.type === "chunk");
  const pages = outputs.filter((o): o is Rolldown.OutputAsset => o.type === "asset" && o.fileName.endsWith(".html") && !o.fileName.includes("/"));
  // A worker Vite bundles on its own (`new Worker(new URL(…))`) reaches this output as an asset.
  const workerBundles = outputs.filter((o): o is Rolldown.OutputAsset => o.type === "asset" && o.fileName.endsWith(".js"));
  const sizes = jsSizes(
    [...chunks.map((c) => ({ fileName: c.fileName, code: c.code })), ...workerBundles.map((a) => ({ fileName: a.fileName, code: a.source }))],
    pages.flatMap((page) => pageScripts(typeof page.source === "string" ? page.source : Buffer.from(page.source).toString("utf8"))),
  );
  // The load worker is a chunk of the build too (vite.config.ts, loadWorkerChunkPlugin): an entry no page loads.
  const worker = (chunk: Rolldown.OutputChunk): boolean => chunk.name === "load-worker";
  const rows: ChunkRow[] = chunks.map((chunk) => {
    const gzip = sizes.gzip.get(chunk.fileName) ?? 0;
    const byModule = new Map<string, number>();
    const byOwner = new Map<string, number>();
    // A chunk without a map (one module whose plugin gives none: the compiled cells) by its modules' code before minifying.
    const mapped = chunk.map
      ? [...charsBySource(chunk.code, chunk.map)].map(([source, chars]): [string, number] => [source === UNMAPPED ? source : path.resolve(outDir, path.dirname(chunk.fileName), source), chars])
      : Object.entries(chunk.modules).map(([id, info]): [string, number] => [id, info.renderedLength]);
    for (const [id, chars] of mapped) {
      const name = id === UNMAPPED ? id : moduleName(id);
      const folder = id === UNMAPPED ? id : owner(id);
      byModule.set(name, (byModule.get(name) ?? 0) + chars);
      byOwner.set(folder, (byOwner.get(folder) ?? 0) + chars);
    }
    const kind = worker(chunk) ? "worker" : chunk.isEntry ? "entry" : sizes.early.has(chunk.fileName) ? "static" : chunk.isDynamicEntry ? "on demand" : "shared, on demand";
    return { file: chunk.fileName.replace(/^assets\//, ""), gzip, raw: chunk.code.length, kind, parts: shares(byOwner, gzip), modules: shares(byModule, gzip) };
  });
  for (const asset of workerBundles) {
    const code = typeof asset.source === "string" ? asset.source : Buffer.from(asset.source).toString("utf8");
    rows.push({ file: asset.fileName.replace(/^assets\//, ""), gzip: sizes.gzip.get(asset.fileName) ?? 0, raw: code.length, kind: "worker", parts: [], modules: [] });
  }
  rows.sort((a, b) => b.gzip - a.gzip);
  const kb = (n: number): string => (n / 1024).toFixed(1);
  console.log(`${"gzip KB".padStart(8)} ${"raw KB".padStart(7)}  ${"loaded".padEnd(17)} chunk — contents (≈ gzip KB each)`);
  for (const row of rows) {
    const parts = row.parts.filter(([, bytes]) => bytes >= 512).slice(0, 6).map(([name, bytes]) => `${name} ${kb(bytes)}`).join(", ");
    console.log(`${kb(row.gzip).padStart(8)} ${kb(row.raw).padStart(7)}  ${row.kind.padEnd(17)} ${row.file} — ${parts || (row.kind === "worker" ? "(its own bundle)" : "(small)")}`);
    if (listModules) for (const [name, bytes] of row.modules.filter(([, b]) => b >= 512)) console.log(`${"".padStart(36)}${kb(bytes).padStart(6)}  ${name}`);
  }
  console.log(`\nAll chunks: ${kb(sizes.all)} KB gzip (${rows.length} chunks, workers included; budget ${JS_BUDGET_KIB.all}, issue 12's target ${JS_BUDGET_KIB.allTarget}); the pages' scripts and their static imports: ${kb(sizes.firstRender)} KB (budget ${JS_BUDGET_KIB.firstRender}; a chunk both pages load counted once). KB = 1,024 bytes of gzip -9 (zlib).`);
  if (sizes.all > JS_BUDGET_KIB.all * 1024 || sizes.firstRender > JS_BUDGET_KIB.firstRender * 1024) console.log("Over the budget in bench/js-budget.ts: the size test fails.");
  const misread = chunks.filter((c) => [...staticImports(c.fileName, c.code)].sort().join() !== [...c.imports].sort().join());
  if (misread.length > 0) console.log(`Static imports the reading of the code (bench/js-sizes.ts) gets wrong: ${misread.map((c) => `${c.fileName} (${c.imports.join(", ")})`).join("; ")}`);
  const seen = new Map<string, string[]>();
  for (const chunk of chunks) for (const [id, info] of Object.entries(chunk.modules)) if (info.renderedLength > 0) seen.set(id, [...(seen.get(id) ?? []), chunk.fileName]);
  const twice = [...seen].filter(([, files]) => files.length > 1);
  const copies = [...packageCopies([...seen.keys()])].filter(([, places]) => places.size > 1);
  console.log(twice.length === 0 ? "No module is in two chunks." : `Modules in more than one chunk:\n${twice.map(([id, files]) => `  ${id}: ${files.join(", ")}`).join("\n")}`);
  console.log(copies.length === 0 ? "No package is bundled twice." : `Packages bundled from more than one place:\n${copies.map(([name, places]) => `  ${name}: ${[...places].join(", ")}`).join("\n")}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
