/**
 * `npm run reference` (also run before `npm run build`): extract the reference of every builtin from
 * the sources and write it — `src/base/reference/reference.json` for the reference panel (loaded on
 * demand) and `src/base/reference/index.json` (name → signature and a working call) for the
 * builtins' error messages. With `--check` it writes nothing and fails when either file is out of
 * date (the unit tests run the same comparison).
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { extractReference, referenceIndex } from "./extract-reference";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** The two generated files and their contents. */
export function referenceFiles(repo: string = root): { path: string; text: string }[] {
  const reference = extractReference(repo);
  return [
    { path: path.join(repo, "src/base/reference/reference.json"), text: `${JSON.stringify(reference, null, 1)}\n` },
    { path: path.join(repo, "src/base/reference/index.json"), text: `${JSON.stringify(referenceIndex(reference), null, 1)}\n` },
  ];
}

function current(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return "";
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const check = process.argv.includes("--check");
  let stale = 0;
  for (const file of referenceFiles()) {
    const same = current(file.path) === file.text;
    if (check && !same) {
      stale++;
      console.error(`${path.relative(root, file.path)} is out of date: run \`npm run reference\`.`);
    } else if (!check && !same) {
      writeFileSync(file.path, file.text);
      console.log(`wrote ${path.relative(root, file.path)} (${file.text.length} bytes)`);
    }
  }
  if (stale) process.exit(1);
}
