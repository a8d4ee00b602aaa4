import { readdirSync, readFileSync, statSync } from "node:fs";
import { extname, join, relative, resolve, sep } from "node:path";
import type { Plugin } from "vite";
import { defineConfig } from "vitest/config";

/**
 * The Content-Security-Policy of the built app. Cell code is evaluated with `new Function`, so
 * script-src needs 'unsafe-eval'; everything else stays on our own origin, which is what keeps a
 * hostile shared notebook from sending data elsewhere (connect-src 'self').
 * The dev server does not get it because Vite's HMR client needs an inline script and a websocket.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");

function cspPlugin(): Plugin {
  return {
    name: "tverrsnitt-csp",
    apply: "build",
    transformIndexHtml(html) {
      const meta = `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy}">`;
      return html.replace("<head>", `<head>\n    ${meta}`);
    },
  };
}

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

export default defineConfig({
  base: "./",
  plugins: [cspPlugin(), bundledFilesPlugin()],
  build: { target: "es2022", sourcemap: false, chunkSizeWarningLimit: 2000 },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          environment: "node",
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
        },
      },
    ],
  },
});
