/**
 * A small static file server for the built app (`dist/`) on a free localhost port, for the browser
 * tests and the benchmark. No Vite dev server: the tests exercise exactly what ships, CSP included.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, resolve, sep } from "node:path";

const types: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".csv": "text/csv; charset=utf-8",
  ".png": "image/png",
  ".txt": "text/plain; charset=utf-8",
  ".md": "text/markdown; charset=utf-8",
};

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

function listen(server: Server): Promise<number> {
  return new Promise((ok, fail) => {
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      if (address !== null && typeof address === "object") ok(address.port);
      else fail(new Error("server has no port"));
    });
  });
}

function closer(server: Server): () => Promise<void> {
  return () =>
    new Promise((ok) => {
      server.closeAllConnections();
      server.close(() => ok());
    });
}

/** The folder the browser tests serve: TVERRSNITT_DIST when set (a build made elsewhere), else dist/. */
export function distRoot(): string {
  return resolve(process.env.TVERRSNITT_DIST ?? "dist");
}

/** Serve `root` (default `dist/`). Notebook files under notebooks/ are served as text like in dev. */
export async function serveDist(root = resolve("dist")): Promise<RunningServer> {
  const base = resolve(root);
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    void (async () => {
      const path = decodeURIComponent((req.url ?? "/").split("?")[0] ?? "/");
      let file = resolve(join(base, path));
      if (file !== base && !file.startsWith(base + sep)) {
        res.writeHead(403).end();
        return;
      }
      try {
        if ((await stat(file)).isDirectory()) file = join(file, "index.html");
        const body = await readFile(file);
        const type = path.startsWith("/notebooks/") && extname(file) === ".html" ? "text/plain; charset=utf-8" : types[extname(file)];
        res.writeHead(200, { "Content-Type": type ?? "application/octet-stream", "Cache-Control": "no-store" }).end(body);
      } catch {
        res.writeHead(404, { "Content-Type": "text/plain" }).end("not found");
      }
    })();
  });
  const port = await listen(server);
  return { url: `http://127.0.0.1:${port}/`, port, close: closer(server) };
}

/** A server that only counts requests: the "other origin" a hostile cell tries to reach. */
export async function countingServer(): Promise<RunningServer & { hits: () => number }> {
  let hits = 0;
  const server = createServer((_req, res) => {
    hits++;
    res.writeHead(200, { "Access-Control-Allow-Origin": "*", "Content-Type": "text/plain" }).end("got it");
  });
  const port = await listen(server);
  return { url: `http://127.0.0.1:${port}/`, port, close: closer(server), hits: () => hits };
}
