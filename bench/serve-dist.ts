/**
 * The tests' static server for a built app, as a process of its own: prints its URL on the first
 * line of stdout and serves until killed. The benchmark runs it apart from Playwright's client, so
 * the page's requests never wait behind the harness's own work (see bench/workbench.ts).
 */
import { serveDist } from "../test/browser/static-server";

const server = await serveDist(process.argv[2]);
process.stdout.write(`${server.url}\n`);
