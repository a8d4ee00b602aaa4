/**
 * The sizes issue 12 budgets, worked out one way for `npm run chunks` (scripts/chunk-report.ts, from
 * the build in memory) and the size test (test/browser/js-size.test.ts, from dist/), so the two
 * cannot disagree: every chunk's bytes after zlib's gzip at level 9, summed; and what the pages load
 * before they first draw — the scripts their HTML names and every chunk those import statically,
 * found in the chunks' own code, a chunk both pages load counted once. A worker's chunk is in the
 * sum but not in the first draw: no page's script imports it.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

/** One built JavaScript file: its name under the build's folder ("assets/main-x.js") and its code. */
export interface BuiltJs {
  readonly fileName: string;
  readonly code: string | Uint8Array;
}

/** The sizes of a build's JavaScript, in bytes of gzip -9. */
export interface JsSizes {
  /** Every file. */
  readonly all: number;
  /** The pages' scripts and their static imports, each file once. */
  readonly firstRender: number;
  /** Each file's size. */
  readonly gzip: ReadonlyMap<string, number>;
  /** The files loaded before the first draw. */
  readonly early: ReadonlySet<string>;
}

/** Bytes of `code` after gzip at level 9 (zlib), as every size figure of the project counts them. */
export function gzipSize(code: string | Uint8Array): number {
  return gzipSync(code, { level: 9 }).length;
}

/**
 * The files a built chunk imports statically, by name under the build's folder: Rolldown writes
 * `import{a as b}from"./x.js"` and `import"./x.js"` (a dynamic `import("./x.js")` has a parenthesis
 * where these have a quote or a binding list, so it is not matched).
 */
export function staticImports(fileName: string, code: string): string[] {
  const folder = fileName.includes("/") ? fileName.slice(0, fileName.lastIndexOf("/") + 1) : "";
  const found = new Set<string>();
  for (const match of code.matchAll(/\bimport\s*(?:[\w$*{][^"'`()]*?\bfrom\s*)?["']\.\/([\w.$-]+\.js)["']/g)) if (match[1]) found.add(`${folder}${match[1]}`);
  return [...found];
}

/** The scripts an HTML page of the build runs, by name under the build's folder ("./assets/x.js" → "assets/x.js"). */
export function pageScripts(html: string): string[] {
  return [...html.matchAll(/<script\b[^>]*\bsrc="\.\/([^"]+\.js)"/g)].flatMap((match) => (match[1] ? [match[1]] : []));
}

/** The sizes of a build's JavaScript `files`, whose pages run `scripts` (pageScripts of each HTML page). */
export function jsSizes(files: readonly BuiltJs[], scripts: readonly string[]): JsSizes {
  const code = new Map(files.map((file) => [file.fileName, typeof file.code === "string" ? file.code : Buffer.from(file.code).toString("utf8")]));
  const gzip = new Map(files.map((file) => [file.fileName, gzipSize(file.code)]));
  const early = new Set<string>();
  const visit = (fileName: string): void => {
    if (early.has(fileName)) return;
    const text = code.get(fileName);
    if (text === undefined) throw new Error(`${fileName}: a page or a chunk loads it, but the build has no such file.`);
    early.add(fileName);
    for (const next of staticImports(fileName, text)) visit(next);
  };
  for (const script of scripts) visit(script);
  const sum = (names: Iterable<string>): number => [...names].reduce((total, name) => total + (gzip.get(name) ?? 0), 0);
  return { all: sum(gzip.keys()), firstRender: sum(early), gzip, early };
}

/** jsSizes of a build written to `dist`, whose `pages` (HTML files in it that exist) run the scripts of the first draw. */
export function distJsSizes(dist: string, pages: readonly string[] = ["index.html", "frame.html"]): JsSizes {
  const files = readdirSync(join(dist, "assets"))
    .filter((name) => name.endsWith(".js"))
    .map((name) => ({ fileName: `assets/${name}`, code: readFileSync(join(dist, "assets", name)) }));
  const scripts = pages.filter((page) => existsSync(join(dist, page))).flatMap((page) => pageScripts(readFileSync(join(dist, page), "utf8")));
  return jsSizes(files, scripts);
}
