/**
 * `npm run chunks`: builds the app in memory and lists every JavaScript chunk with its gzip size,
 * whether a page loads it before its first draw (the shell's and the frame's entry and their static
 * imports; "worker" for a worker's chunk or own bundle, counted as bench/workbench.ts counts every .js file)
 * and what is in it (packages and source folders, their share of the chunk's bytes). Ends with what
 * would be a defect: a module in two chunks, or two copies of one package.
 * Not a test: the budgets are printed by `npm run bench` (bench/workbench.ts).
 */
import { gzipSync } from "node:zlib";
import path from "node:path";
import { build, type Rolldown } from "vite";

interface ChunkRow {
  file: string;
  gzip: number;
  raw: number;
  kind: string;
  parts: [string, number][];
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

async function main(): Promise<void> {
  const result = await build({ logLevel: "silent", build: { write: false } });
  const outputs = (Array.isArray(result) ? result : [result]).flatMap((r) => ("output" in r ? r.output : []));
  const chunks = outputs.filter((o): o is Rolldown.OutputChunk => o.type === "chunk");
  const byFile = new Map(chunks.map((c) => [c.fileName, c]));
  // Before the first draw: an entry and everything it imports statically.
  const early = new Set<string>();
  const visit = (file: string): void => {
    if (early.has(file)) return;
    early.add(file);
    for (const next of byFile.get(file)?.imports ?? []) visit(next);
  };
  // The load worker is a chunk of the build too (vite.config.ts, loadWorkerChunkPlugin): an entry no page loads.
  const worker = (chunk: Rolldown.OutputChunk): boolean => chunk.name === "load-worker";
  for (const chunk of chunks) if (chunk.isEntry && !worker(chunk)) visit(chunk.fileName);
  const rows: ChunkRow[] = chunks.map((chunk) => {
    const gzip = gzipSync(chunk.code, { level: 9 }).length;
    const sizes = new Map<string, number>();
    for (const [id, info] of Object.entries(chunk.modules)) sizes.set(owner(id), (sizes.get(owner(id)) ?? 0) + info.renderedLength);
    const total = [...sizes.values()].reduce((a, b) => a + b, 0) || 1;
    const parts = [...sizes].sort((a, b) => b[1] - a[1]).map(([name, bytes]): [string, number] => [name, (bytes / total) * gzip]);
    const kind = worker(chunk) ? "worker" : chunk.isEntry ? "entry" : early.has(chunk.fileName) ? "static" : chunk.isDynamicEntry ? "on demand" : "shared, on demand";
    return { file: chunk.fileName.replace(/^assets\//, ""), gzip, raw: chunk.code.length, kind, parts };
  });
  // A worker Vite bundles on its own (`new Worker(new URL(…))`) reaches this output as an asset.
  for (const asset of outputs) {
    if (asset.type !== "asset" || !asset.fileName.endsWith(".js")) continue;
    const code = typeof asset.source === "string" ? asset.source : Buffer.from(asset.source).toString("utf8");
    rows.push({ file: asset.fileName.replace(/^assets\//, ""), gzip: gzipSync(code, { level: 9 }).length, raw: code.length, kind: "worker", parts: [] });
  }
  rows.sort((a, b) => b.gzip - a.gzip);
  const kb = (n: number): string => (n / 1024).toFixed(1);
  console.log(`${"gzip KB".padStart(8)} ${"raw KB".padStart(7)}  ${"loaded".padEnd(17)} chunk — contents (≈ gzip KB each)`);
  for (const row of rows) {
    const parts = row.parts.filter(([, bytes]) => bytes >= 512).slice(0, 6).map(([name, bytes]) => `${name} ${kb(bytes)}`).join(", ");
    console.log(`${kb(row.gzip).padStart(8)} ${kb(row.raw).padStart(7)}  ${row.kind.padEnd(17)} ${row.file} — ${parts || (row.kind === "worker" ? "(its own bundle)" : "(small)")}`);
  }
  const total = rows.reduce((a, r) => a + r.gzip, 0);
  const before = rows.filter((r) => r.kind === "entry" || r.kind === "static").reduce((a, r) => a + r.gzip, 0);
  console.log(`\nAll chunks: ${kb(total)} KB gzip (${rows.length} chunks, workers included); entries and their static imports: ${kb(before)} KB (a chunk shared by both pages counted once; bench/workbench.ts counts it per page).`);
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
