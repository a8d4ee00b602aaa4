/**
 * The only files a notebook frame can get: files under `data/` on the app's own origin, fetched by
 * the shell (the frame itself has no network: its policy says `connect-src 'none'`). A path from
 * the frame is untrusted text, so it is checked before anything is fetched: plain path segments of
 * letters, digits, `.`, `_` and `-` only — no `..`, no `%`-escapes, no backslashes, no scheme, no
 * host — and the URL it resolves to must still be under `<app>/data/` on the app's origin.
 */
import { ok, problem, type Problem, type Result } from "../../base/result";

/** Largest file handed to a frame (the bundled files are under 1 MB). */
export const MAX_DATA_FILE_BYTES = 64 * 1024 * 1024;

const SEGMENT = /^[A-Za-z0-9_][A-Za-z0-9._-]*$/;

/** Why a file was not handed over. */
export type FileGateProblem = Problem<"file-refused" | "file-missing">;

function refused(path: string, why: string): { readonly ok: false; readonly error: FileGateProblem } {
  return problem("file-refused", `“${path.slice(0, 120)}” was not read: ${why}. Notebooks read files under data/ by a plain relative path, e.g. FileAttachment("demo/kommuner-1999.csv").`);
}

/** A data file a notebook may read: its path under the app ("data/demo/x.csv") and its URL. */
export interface DataFile {
  path: string;
  url: URL;
}

/**
 * The data file a notebook names, resolved against the app's base URL: "demo/x.csv",
 * "./demo/x.csv" and "data/demo/x.csv" all name `<app>/data/demo/x.csv`. A Problem for anything else.
 */
export function dataFile(path: string, appBase: string): Result<DataFile, FileGateProblem> {
  const relative = path.replace(/^\.\//, "");
  const inData = relative.startsWith("data/") ? relative : `data/${relative}`;
  if (inData.split("/").some((s) => !SEGMENT.test(s))) return refused(path, "a file name may hold only letters, digits, “.”, “_” and “-”, and no “..”");
  const base = new URL(appBase);
  const url = new URL(inData, base);
  // Belt and braces: the segments above cannot leave data/, and this says so for the resolved URL.
  if (url.origin !== base.origin || !url.pathname.startsWith(new URL("data/", base).pathname)) return refused(path, "it is not under data/");
  return ok({ path: inData, url });
}

/** Fetch a data file for a frame: its path and bytes, or a Problem that names the file and the fix. */
export async function readDataFile(path: string, appBase: string, fetcher: typeof fetch = fetch): Promise<Result<{ path: string; bytes: ArrayBuffer }, FileGateProblem>> {
  const file = dataFile(path, appBase);
  if (!file.ok) return file;
  const tooLarge = `it is larger than ${MAX_DATA_FILE_BYTES / 1024 / 1024} MB`;
  try {
    const response = await fetcher(file.value.url.href, { redirect: "error" });
    if (!response.ok) return problem("file-missing", `Could not load ${path} (HTTP ${response.status}); check the file name under data/.`);
    if (Number(response.headers.get("content-length") ?? "0") > MAX_DATA_FILE_BYTES) return refused(path, tooLarge);
    const bytes = await response.arrayBuffer();
    if (bytes.byteLength > MAX_DATA_FILE_BYTES) return refused(path, tooLarge);
    return ok({ path: file.value.path, bytes });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return problem("file-missing", `Could not load ${path} (${detail}); check that the app is served with its data/ folder.`);
  }
}

/** File requests a frame may have open at once; more are refused at once. */
const MAX_OPEN_REQUESTS = 16;

/** The answer to one file request of a frame: the bytes (to transfer), or why not. */
export type FileAnswer = { id: number; bytes: ArrayBuffer } | { id: number; error: string };

/**
 * The shell's desk for one frame's file requests: at most 16 open at once (a notebook cannot make
 * the shell fetch without limit), each read through `readFile` and, when handed over, recorded
 * with `onRead` (the header's data notice follows what a notebook read).
 */
export class FileRequests {
  private open = 0;

  constructor(
    private readonly readFile: (path: string) => Promise<Result<{ path: string; bytes: ArrayBuffer }>>,
    private readonly onRead: (path: string) => void,
  ) {}

  async answer(id: number, path: string): Promise<FileAnswer> {
    if (this.open >= MAX_OPEN_REQUESTS) return { id, error: `Too many files requested at once; ${path.slice(0, 80)} was not read. Read files one after another.` };
    this.open++;
    try {
      const result = await this.readFile(path);
      if (!result.ok) return { id, error: result.error.message };
      this.onRead(result.value.path);
      return { id, bytes: result.value.bytes };
    } finally {
      this.open--;
    }
  }
}
