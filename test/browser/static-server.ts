/**
 * A small static file server for the built app (`dist/`) on a free localhost port, for the browser
 * tests and the benchmark. No Vite dev server: the tests exercise exactly what ships, CSP included.
 * It sends `Access-Control-Allow-Origin: *` like any host of the app must (README, "Hosting").
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
        // CORS open, as the README asks of any host: the notebook frame (an opaque origin) loads its
        // module scripts in CORS mode.
        res.writeHead(200, { "Content-Type": type ?? "application/octet-stream", "Cache-Control": "no-store", "Access-Control-Allow-Origin": "*" }).end(body);
      } catch {
        res.writeHead(404, { "Content-Type": "text/plain" }).end("not found");
      }
    })();
  });
  const port = await listen(server);
  return { url: `http://127.0.0.1:${port}/`, port, close: closer(server) };
}

/** One request the counting server received (a WebSocket upgrade counts as one). */
export interface ReceivedRequest {
  method: string;
  url: string;
  body: string;
}

/**
 * A server that only counts requests: the "other origin" a hostile cell tries to reach. It answers
 * everything with 200 (CORS open, so a request that gets out is not stopped by CORS instead of by
 * our policy), records method, URL and body, counts WebSocket upgrades as requests, and counts
 * bare TCP connections separately (a preconnect opens one without sending a request).
 */
export async function countingServer(): Promise<RunningServer & { hits: () => number; requests: () => ReceivedRequest[]; connections: () => number }> {
  const received: ReceivedRequest[] = [];
  let connections = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      received.push({ method: req.method ?? "", url: req.url ?? "", body: Buffer.concat(chunks).toString("utf8") });
      res.writeHead(200, { "Access-Control-Allow-Origin": "*", "Content-Type": "text/plain" }).end("got it");
    });
  });
  server.on("connection", () => connections++);
  server.on("upgrade", (req, socket) => {
    received.push({ method: "UPGRADE", url: req.url ?? "", body: "" });
    socket.destroy();
  });
  const port = await listen(server);
  return { url: `http://127.0.0.1:${port}/`, port, close: closer(server), hits: () => received.length, requests: () => [...received], connections: () => connections };
}
