import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { extname, join, relative, resolve, sep } from "node:path";
import { runnerImport, type Plugin } from "vite";
import { defineConfig } from "vitest/config";
import { parse } from "acorn";
import { simple } from "acorn-walk";
// With its extension: Vite's config loader warns about an import without one.
import { appReference, type Reference } from "./scripts/reference/reference-types.js";
import { pureD3FactoriesPlugin } from "./scripts/bundle/pure-d3-factories.js";

/**
 * CSP hashes for the event-handler placeholders of htl, the template library under
 * @observablehq/inputs, computed from the installed Inputs source at build time (used by the frame's policy below).
 *
 * Why: htl writes a template such as html`<input oninput=${fn}>` as the text
 * `<input oninput="::1">`, parses it, and then swaps the attribute for a real listener. Chromium
 * checks an inline handler against the policy when the attribute is parsed — in any document of
 * the page's realm, inert ones included (measured: template.innerHTML, importNode, adoptNode,
 * createHTMLDocument and DOMParser all report it) — so without 'unsafe-inline' every Inputs
 * control logs a violation per render (8 on opening the demo, more per slider step), which would
 * hide a real one. 'unsafe-hashes' with the exact hashes of the placeholders ("::1", "::3", …)
 * allows exactly those texts as handlers. They are not valid JavaScript ("::3" is a syntax
 * error), so a handler allowed this way can never run anything; cell code gains nothing from them.
 *
 * The placeholder of a substitution is "::" + its 1-based position in the template, so the set is
 * found by parsing Inputs' source (acorn) and listing, for every html`…` template, the positions
 * whose preceding text ends in an `on…=` attribute.
 */

/** The placeholder texts htl writes into event-handler attributes of Inputs' templates, e.g. "::3". */
export function htlHandlerPlaceholders(source: string): string[] {
  const found = new Set<string>();
  simple(parse(source, { ecmaVersion: "latest", sourceType: "module" }), {
    TaggedTemplateExpression(node) {
      if (node.tag.type !== "Identifier" || node.tag.name !== "html") return;
      node.quasi.expressions.forEach((_, i) => {
        const before = node.quasi.quasis[i]?.value.raw ?? "";
        if (/\son[a-z]+=\s*$/i.test(before)) found.add(`::${i + 1}`);
      });
    },
  });
  return [...found].sort();
}

/** `'sha256-…'` sources for a CSP, one per placeholder used by the installed @observablehq/inputs. */
export function htlHandlerHashSources(): string[] {
  const path = createRequire(import.meta.url).resolve("@observablehq/inputs");
  const placeholders = htlHandlerPlaceholders(readFileSync(path, "utf8"));
  if (placeholders.length === 0) throw new Error(`${path}: found no event-handler placeholders; check how @observablehq/inputs builds its templates and update htlHandlerHashSources in vite.config.ts.`);
  return placeholders.map((text) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`);
}

/**
 * The Content-Security-Policy of the shell (index.html): the page that holds storage, the URL and
 * the user's file and runs no notebook code (so no 'unsafe-eval'); its one worker reads the user's
 * file (app/load-worker.ts, from our own assets). It may embed only frames from our
 * own origin (frame-src/child-src 'self'), which keeps the notebook frame's own navigations on our
 * origin: a notebook that sets `location` to another site ends on an error page, not there.
 * The dev server does not get it because Vite's HMR client needs an inline script and a websocket.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-src 'self'",
  "child-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");

/**
 * The Content-Security-Policy of the notebook frame (frame.html), which runs cell code in a sandbox
 * with an opaque origin: cell code is evaluated with `new Function` ('unsafe-eval'), scripts come
 * only from our assets, and nothing may be fetched, connected to, framed, embedded or submitted —
 * data reaches the frame only as messages from the shell. Images are drawn from data: and blob: URLs
 * (Plot, PNG export); styles may be inline (Plot, CodeMirror, Inputs). 'unsafe-hashes' admits only
 * the placeholder texts Observable Inputs' templates put into handler attributes for a moment
 * ("::3" — not even valid JavaScript), so the console stays clean without 'unsafe-inline' (see
 * htlHandlerHashSources above).
 */
export const frameContentSecurityPolicy = [
  "default-src 'none'",
  ["script-src 'self' 'unsafe-eval' 'unsafe-hashes'", ...htlHandlerHashSources()].join(" "),
  "style-src 'self' 'unsafe-inline'",
  "img-src data: blob:",
  "font-src 'self' data:",
  "connect-src 'none'",
  "media-src 'none'",
  "frame-src 'none'",
  "child-src 'none'",
  "worker-src 'none'",
  "object-src 'none'",
  "manifest-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");

/** The HTML entries: the shell and the notebook frame, each with its own policy. */
const entries = { main: "index.html", frame: "frame.html" } as const;

function cspPlugin(): Plugin {
  return {
    name: "tverrsnitt-csp",
    apply: "build",
    transformIndexHtml(html, context) {
      const policy = context.filename.endsWith(entries.frame) ? frameContentSecurityPolicy : contentSecurityPolicy;
      const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}">`;
      return html.replace("<head>", `<head>\n    ${meta}`);
    },
  };
}

/**
 * The notebook frame is a sandboxed document with an opaque origin, and a module script (or a
 * `crossorigin` stylesheet) in such a document is fetched in CORS mode: our own assets must say
 * `Access-Control-Allow-Origin: *` or the frame cannot load them. Dev and preview servers send it
 * here; a host serving dist/ must send it too (README, "Hosting").
 */
const corsHeaders = { "Access-Control-Allow-Origin": "*" };

/** Folders the app fetches at run time (bundled notebooks, datasets); served raw in dev, copied into dist. */
const runtimeFolders = ["notebooks", "data"];

function listFiles(dir: string): string[] {
  let out: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of names) {
    if (name.startsWith(".")) continue;
    const path = join(dir, name);
    out = statSync(path).isDirectory() ? out.concat(listFiles(path)) : out.concat(path);
  }
  return out;
}

/** `notebooks/index.json`: the bundled notebooks, name (file stem) and `<title>`, for the notebook list. */
function notebookIndex(root: string): string {
  const entries = listFiles(join(root, "notebooks"))
    .filter((file) => extname(file) === ".html" && !relative(join(root, "notebooks"), file).includes(sep))
    .sort()
    .map((file) => {
      const text = readFileSync(file, "utf8");
      const title = /<title>([\s\S]*?)<\/title>/.exec(text)?.[1]?.trim() ?? "";
      return { name: relative(join(root, "notebooks"), file).replace(/\.html$/, ""), title };
    });
  return JSON.stringify(entries, null, 2);
}

const contentTypes: Record<string, string> = {
  ".html": "text/plain; charset=utf-8", // notebook files are data to the app, never pages
  ".json": "application/json; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
  ".md": "text/markdown; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
};

/**
 * Make `notebooks/` and `data/` reachable by the app: a dev-server middleware serves them raw (before
 * Vite's HTML transform could touch a notebook file), and the build emits them into `dist/` as-is,
 * plus a generated `notebooks/index.json`.
 */
function bundledFilesPlugin(): Plugin {
  let root = process.cwd();
  return {
    name: "tverrsnitt-bundled-files",
    configResolved(config) {
      root = config.root;
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const url = decodeURIComponent((req.url ?? "").split("?")[0] ?? "");
        const folder = runtimeFolders.find((f) => url.startsWith(`/${f}/`));
        if (!folder) return next();
        if (url === "/notebooks/index.json") {
          res.setHeader("Content-Type", "application/json; charset=utf-8");
          res.end(notebookIndex(root));
          return;
        }
        const file = resolve(root, "." + url);
        if (!file.startsWith(resolve(root, folder) + sep)) return next();
        try {
          const body = readFileSync(file);
          res.setHeader("Content-Type", contentTypes[extname(file)] ?? "application/octet-stream");
          res.end(body);
        } catch {
          res.statusCode = 404;
          res.end("not found");
        }
      });
    },
    generateBundle() {
      for (const folder of runtimeFolders) {
        for (const file of listFiles(join(root, folder))) {
          this.emitFile({ type: "asset", fileName: relative(root, file).split(sep).join("/"), source: readFileSync(file) });
        }
      }
      this.emitFile({ type: "asset", fileName: "notebooks/index.json", source: notebookIndex(root) });
    },
  };
}

/**
 * `virtual:shipped-cells`: the shipped notebooks' cells compiled at build time (scripts/precompile/),
 * which the notebook frame loads instead of the cell compiler (src/runtime/cell-compiler.ts). Built
 * fresh on every load, so the dev server follows edits to notebooks/ (a stale entry would only miss).
 * The compiler is our TypeScript, so it is loaded through Vite's module runner, not into this config.
 */
function shippedCellsPlugin(): Plugin {
  const id = "virtual:shipped-cells";
  let root = process.cwd();
  return {
    name: "tverrsnitt-shipped-cells",
    configResolved(config) {
      root = config.root;
    },
    resolveId: (source) => (source === id ? `\0${id}` : undefined),
    async load(resolved) {
      if (resolved !== `\0${id}`) return undefined;
      const { module } = await runnerImport<{ shippedCellsModule: (root: string) => string }>(resolve(root, "scripts/precompile/shipped-cells.ts"), { configFile: false, root, logLevel: "error" });
      return module.shippedCellsModule(root);
    },
  };
}

/**
 * frame.html preloads what frame-early.ts asks for (the compiled cells, DOMPurify, the survey, the
 * builtins) and the chunks those import, beside the frame's own scripts. frame-early.ts runs only
 * once the chunks the frame's entry imports have evaluated (Lit, the app's shared code, the word
 * catalogues), and Vite's import() wrapper waits a microtask more — until every module of the frame
 * has evaluated — so those downloads began late, and `open` then waited for the compiled cells and
 * DOMPurify (issue 11, cold start). Preloaded, each import() finds its chunks fetched and compiled.
 */
function preloadFrameEarlyPlugin(): Plugin {
  const early = "/src/frame-early.ts";
  let wanted: readonly string[] = [];
  return {
    name: "tverrsnitt-preload-frame-early",
    apply: "build",
    moduleParsed(info) {
      if (info.id.endsWith(early)) wanted = info.dynamicallyImportedIds;
    },
    transformIndexHtml: {
      order: "post",
      handler(html, context) {
        if (!context.filename.endsWith(entries.frame) || !context.bundle || !context.chunk) return html;
        const chunks = Object.values(context.bundle).flatMap((c) => (c.type === "chunk" ? [c] : []));
        const byFile = new Map(chunks.map((c) => [c.fileName, c]));
        // The entry's own chunks are in the page already (Vite's script and modulepreload tags).
        const have = new Set([context.chunk.fileName, ...context.chunk.imports]);
        const links: string[] = [];
        const add = (fileName: string): void => {
          if (have.has(fileName)) return;
          have.add(fileName);
          links.push(`<link rel="modulepreload" crossorigin href="./${fileName}">`);
          for (const imported of byFile.get(fileName)?.imports ?? []) add(imported);
        };
        for (const id of wanted) {
          // A package imported statically elsewhere too (DOMPurify) sits in a chunk it does not face.
          const chunk = chunks.find((c) => c.facadeModuleId === id) ?? chunks.find((c) => c.moduleIds.includes(id));
          if (!chunk) throw new Error(`frame.html: no chunk for ${id}, which ${early} imports; see preloadFrameEarlyPlugin in vite.config.ts.`);
          add(chunk.fileName);
        }
        if (links.length === 0) throw new Error(`frame.html: ${early} was not seen importing anything to preload; see preloadFrameEarlyPlugin in vite.config.ts.`);
        return html.replace("</head>", `  ${links.join("\n    ")}\n  </head>`);
      },
    },
  };
}

/**
 * frame.html loads src/frame-warm.ts first, as an async module of its own (a chunk with no imports):
 * it runs as soon as it arrives, while the frame's other scripts still download, and sets up what
 * the frame's process would otherwise set up later, on the way to the drawn notebook (issue 11,
 * cold start; the file says what). The build fails if the chunk is missing or imports anything.
 */
function warmFrameEarlyPlugin(): Plugin {
  const warm = "src/frame-warm.ts";
  return {
    name: "tverrsnitt-warm-frame-early",
    apply: "build",
    buildStart() {
      this.emitFile({ type: "chunk", id: resolve(import.meta.dirname, warm), name: "frame-warm" });
    },
    transformIndexHtml: {
      order: "post",
      handler(html, context) {
        if (!context.filename.endsWith(entries.frame) || !context.bundle) return html;
        const chunk = Object.values(context.bundle).find((c) => c.type === "chunk" && c.facadeModuleId === resolve(import.meta.dirname, warm));
        if (chunk?.type !== "chunk") throw new Error(`frame.html: no chunk for ${warm}; see warmFrameEarlyPlugin in vite.config.ts.`);
        if (chunk.imports.length > 0 || chunk.dynamicImports.length > 0) throw new Error(`frame.html: ${warm} must import nothing, so it runs before the frame's other scripts have loaded.`);
        // Before the entry's script tag, so it is asked for first; async, so it runs once it is in.
        const tag = `<script type="module" async fetchpriority="high" crossorigin src="./${chunk.fileName}"></script>`;
        const at = html.indexOf("<script");
        if (at < 0) throw new Error("frame.html: found no script tag to put the warm-up before; see warmFrameEarlyPlugin in vite.config.ts.");
        return `${html.slice(0, at)}${tag}\n    ${html.slice(at)}`;
      },
    },
  };
}

/**
 * `virtual:load-worker-url`: the URL of the load worker (src/app/load-worker.ts), which reads a
 * user's file off the shell's main thread. The worker is a chunk of this build, not a bundle of its
 * own (Vite's `new Worker(new URL(…))`), so it imports the loaders from the chunks the shell and the
 * frame load them from (issue 12: the loaders shipped twice, 21 KB gzip). Those chunks must then be
 * ones a worker can evaluate: frameOpenChunksPlugin keeps the worker's modules out of the chunks
 * that hold Lit or the page's code, and this plugin fails the build if any chunk the worker imports
 * holds a module outside the pure core (src/base, src/data; src/runtime's Arrow stand-in; Rolldown's runtime), and
 * if any worker is bundled on its own again. In dev the worker is the module Vite serves.
 */
const loadWorkerEntry = resolve(import.meta.dirname, "src/app/load-worker.ts");

function loadWorkerChunkPlugin(): Plugin {
  const id = "virtual:load-worker-url";
  const src = resolve(import.meta.dirname, "src") + sep;
  const pure = (module: string): boolean =>
    module === loadWorkerEntry || module === "\0rolldown/runtime.js" || module === replacedPackages["@uwdata/flechette"] || ["base", "data"].some((room) => module.startsWith(`${src}${room}${sep}`));
  let build = false;
  let reference: string | undefined;
  return {
    name: "tverrsnitt-load-worker-chunk",
    configResolved(config) {
      build = config.command === "build";
    },
    buildStart() {
      reference = build ? this.emitFile({ type: "chunk", id: loadWorkerEntry, name: "load-worker" }) : undefined;
    },
    resolveId: (source) => (source === id ? `\0${id}` : undefined),
    load(resolved) {
      if (resolved !== `\0${id}`) return undefined;
      return reference === undefined ? `export default ${JSON.stringify(`/${relative(import.meta.dirname, loadWorkerEntry).split(sep).join("/")}`)};` : `export default import.meta.ROLLUP_FILE_URL_${reference};`;
    },
    generateBundle(_options, bundle) {
      // A worker Vite bundles on its own (`new Worker(new URL("./x.ts", import.meta.url))`) arrives
      // as a .js asset and carries its own copy of every module it shares with the app.
      const separate = Object.values(bundle).filter((o) => o.type === "asset" && o.fileName.endsWith(".js")).map((o) => o.fileName);
      if (separate.length > 0) this.error(`${separate.join(", ")}: a worker bundled on its own, with its own copy of the modules it shares with the app; make it a chunk of the build as loadWorkerChunkPlugin in vite.config.ts does for the load worker.`);
      const chunks = new Map(Object.values(bundle).flatMap((c) => (c.type === "chunk" ? [[c.fileName, c] as const] : [])));
      const worker = [...chunks.values()].find((c) => c.facadeModuleId === loadWorkerEntry);
      if (!worker) return;
      const seen = new Set<string>();
      const visit = (fileName: string): void => {
        if (seen.has(fileName)) return;
        seen.add(fileName);
        const chunk = chunks.get(fileName);
        const impure = Object.keys(chunk?.modules ?? {}).filter((module) => !pure(module));
        if (impure.length > 0) this.error(`load worker: ${fileName}, which the worker imports, holds ${impure.slice(0, 3).join(", ")}, outside the pure core a worker can evaluate; see loadWorkerChunkPlugin in vite.config.ts.`);
        for (const next of chunk?.imports ?? []) visit(next);
      };
      visit(worker.fileName);
    },
  };
}

/**
 * Two chunks for what the notebook frame loads to open its first notebook (issue 11, cold start).
 * frame-early.ts asks for the compiled cells, DOMPurify, the survey and the builtins (Plot was
 * among them until stop 25; the survey charts are drawn by hand now, and Plot is a chunk of its own
 * that runtime/stdlib.ts loads when a cell uses it). Left to automatic chunking, what those need was 18 chunks, each a request of its own;
 * the frame's requests go to the host beside the shell's, on two cores, and in the cold-start probe
 * the last of them (the builtins, Plot) arrived up to 600 ms after they were asked for, after `open`.
 * The static closure of those imports goes into (the load worker counts as the shell's):
 * - `frame-open`: every module of it the shell can never reach (statically or lazily), so the shell
 *   never fetches the frame's code;
 * - `data-formats`: our own modules of it that the shell loads lazily too (what the file formats
 *   and the codebook parser use; the shell asks for them at boot) and that need no package the
 *   shell's entry does not have, so the shell's lazy imports do not grow by a library; the modules
 *   the shell imports with import() keep chunks of their own;
 * - `worker-core`: what the load worker (loadWorkerChunkPlugin) shares with the pages' first
 *   chunks (result.ts, transferables.ts), so the worker imports none of those, which hold Lit;
 * and what is left (Arquero, acorn, DOMPurify, modules that use Arquero) stays in the chunks
 * automatic chunking gives it. The compiled cells stay a chunk of their own too: a frame that cannot
 * load them compiles the cells itself (runtime/cell-compiler.ts), which it could not do if they
 * shared a chunk with the builtins. The frame's entry's own modules stay in its chunks. Each group
 * imports only itself, the other group and chunks outside both, so no two chunks import each
 * other. The sets are worked out from the module graph when the build ends, before chunking calls
 * the groups' tests.
 */
const frameOpenGroups = { frameOpen: new Set<string>(), dataFormats: new Set<string>(), workerCore: new Set<string>() };

function frameOpenChunksPlugin(): Plugin {
  const early = "/src/frame-early.ts";
  const apart = "\0virtual:shipped-cells";
  const source = resolve(import.meta.dirname, "src") + sep;
  const shellEntry = resolve(import.meta.dirname, "src/main.ts");
  const frameEntry = resolve(import.meta.dirname, "src/frame.ts");
  return {
    name: "tverrsnitt-frame-open-chunks",
    apply: "build",
    buildEnd() {
      frameOpenGroups.frameOpen.clear();
      frameOpenGroups.dataFormats.clear();
      frameOpenGroups.workerCore.clear();
      const closure = (roots: readonly string[], lazy: boolean): Set<string> => {
        const seen = new Set<string>();
        const todo = [...roots];
        for (let id = todo.pop(); id !== undefined; id = todo.pop()) {
          if (seen.has(id)) continue;
          seen.add(id);
          const info = this.getModuleInfo(id);
          if (info) todo.push(...info.importedIds, ...(lazy ? info.dynamicallyImportedIds : []));
        }
        return seen;
      };
      const earlyId = [...this.getModuleIds()].find((id) => id.endsWith(early));
      const wanted = earlyId ? (this.getModuleInfo(earlyId)?.dynamicallyImportedIds ?? []) : [];
      if (wanted.length === 0) throw new Error(`frame chunks: ${early} was not seen importing anything; see frameOpenChunksPlugin in vite.config.ts.`);
      // The load worker is the shell's too (loadWorkerChunkPlugin), though no import names it.
      const shell = closure([shellEntry, loadWorkerEntry], true);
      const loaded = new Set([...closure([shellEntry], false), ...closure([frameEntry], false)]);
      // What the worker shares with the pages' first chunks goes into one chunk with nothing else.
      const worker = closure([loadWorkerEntry], false);
      for (const id of worker) if (loaded.has(id)) frameOpenGroups.workerCore.add(id);
      const ours = (id: string): boolean => id.startsWith(source);
      // What the shell imports lazily keeps a chunk of its own, under its own export names (the
      // file-load test imports the codebook parser's chunk by name) — unless the worker imports it
      // too: the formats' registry and the loaders import each other's modules, so apart they
      // would be two chunks importing each other.
      const shellLazy = new Set([...shell].flatMap((id) => this.getModuleInfo(id)?.dynamicallyImportedIds ?? []));
      for (const id of closure(wanted, false)) {
        if (loaded.has(id) || id === apart) continue;
        if (!shell.has(id)) frameOpenGroups.frameOpen.add(id);
        else if (ours(id) && (!shellLazy.has(id) || worker.has(id)) && [...closure([id], false)].every((dep) => loaded.has(dep) || ours(dep))) frameOpenGroups.dataFormats.add(id);
      }
    },
    // Chunks that import each other (directly or round a ring) evaluate in an order where one reads
    // the other's bindings before they are set: the app then fails with "undefined" at open.
    generateBundle(_options, bundle) {
      const imports = new Map(Object.values(bundle).flatMap((c) => (c.type === "chunk" ? [[c.fileName, c.imports] as const] : [])));
      const done = new Set<string>();
      const visit = (fileName: string, path: readonly string[]): void => {
        if (path.includes(fileName)) this.error(`chunks import each other: ${[...path.slice(path.indexOf(fileName)), fileName].join(" → ")}; see frameOpenChunksPlugin in vite.config.ts.`);
        if (done.has(fileName)) return;
        for (const next of imports.get(fileName) ?? []) visit(next, [...path, fileName]);
        done.add(fileName);
      };
      for (const fileName of imports.keys()) visit(fileName, []);
    },
  };
}

/**
 * The generated reference as the app loads it (src/components/authoring/reference-data.ts): without
 * the fields no part of the app reads (`FIELDS_NOT_IN_APP` in scripts/reference/reference-types.ts —
 * the full call forms and the source file), 3.9 KB gzip less of its on-demand chunk (issue 12).
 * reference.json on disk keeps them for the reference test and for developers. In dev and tests
 * too, so what they load is what the build ships.
 */
const referenceJson = resolve(import.meta.dirname, "src/base/reference/reference.json");

function appReferencePlugin(): Plugin {
  return {
    name: "tverrsnitt-app-reference",
    // Before Vite's JSON plugin turns the file into a module.
    enforce: "pre",
    transform(code, id) {
      if (id.split("?")[0] !== referenceJson) return undefined;
      const reference: Reference = JSON.parse(code);
      return { code: JSON.stringify(appReference(reference)), map: null };
    },
  };
}

/**
 * Packages replaced in the bundle (issue 12: all chunks ≤ 350 KB gzip). Arquero's Arrow library is
 * never used by the app and is swapped for a module whose functions throw a Problem naming the
 * CSV route (src/runtime/arrow-unavailable.ts says why). Tests run with the same replacement.
 */
const replacedPackages = { "@uwdata/flechette": resolve(import.meta.dirname, "src/runtime/arrow-unavailable.ts") };

export default defineConfig({
  base: "./",
  plugins: [cspPlugin(), bundledFilesPlugin(), shippedCellsPlugin(), preloadFrameEarlyPlugin(), warmFrameEarlyPlugin(), frameOpenChunksPlugin(), loadWorkerChunkPlugin(), appReferencePlugin(), pureD3FactoriesPlugin()],
  resolve: { alias: replacedPackages },
  server: { cors: { origin: "*" }, headers: corsHeaders },
  preview: { cors: { origin: "*" }, headers: corsHeaders },
  build: {
    target: "es2022",
    sourcemap: false,
    chunkSizeWarningLimit: 2000,
    rollupOptions: {
      input: { main: resolve(import.meta.dirname, entries.main), frame: resolve(import.meta.dirname, entries.frame) },
      output: {
        codeSplitting: {
          // Only the modules named (frameOpenChunksPlugin): their dependencies stay where they are.
          includeDependenciesRecursively: false,
          groups: [
            { name: "frame-open", test: (id: string) => frameOpenGroups.frameOpen.has(id) },
            { name: "data-formats", test: (id: string) => frameOpenGroups.dataFormats.has(id) },
            { name: "worker-core", test: (id: string) => frameOpenGroups.workerCore.has(id) },
          ],
        },
      },
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          environment: "node",
          // Through Vite, so Arquero gets the bundle's replacements (`replacedPackages`) in tests too.
          server: { deps: { inline: ["arquero"] } },
          include: ["test/unit/**/*.test.ts"],
          testTimeout: 20_000,
        },
      },
      {
        extends: true,
        test: {
          name: "browser",
          environment: "node",
          include: ["test/browser/**/*.test.ts"],
          fileParallelism: false,
          testTimeout: 90_000,
          hookTimeout: 120_000,
          // expect.poll gives up after 1 s by default, and a poll here waits on a page: cells run,
          // a language re-words, a filter recounts — seconds under load on 2 shared cores. 15 s, as
          // waitForOutput (browser-helpers.ts); a poll that needs more says so itself.
          expect: { poll: { timeout: 15_000 } },
        },
      },
    ],
  },
});
