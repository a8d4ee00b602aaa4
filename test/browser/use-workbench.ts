/**
 * The set-up every browser test file shares, in one call: the built app served on a free port,
 * Debian's Chromium launched, and — when the file works in one page throughout — a context and page
 * with the file's options. `useWorkbench` registers the `beforeAll` that makes them and the
 * `afterAll` that closes them, so call it once at the top of a test file (outside `describe`). A
 * file's own hooks registered after it run after this set-up and, vitest's hooks being a stack,
 * before its teardown.
 */
import { afterAll, beforeAll } from "vitest";
import type { Browser, BrowserContext, BrowserContextOptions, Page } from "playwright-core";
import { launchChromium, type LaunchOptions } from "./browser-helpers";
import { distRoot, serveDist, type RunningServer } from "./static-server";

/** Options of {@link useWorkbench}. */
export interface WorkbenchOptions extends LaunchOptions {
  /**
   * Make one context for the whole file, with these options (viewport, locale, downloads…). Leave
   * out when each test makes its own contexts from `browser`.
   */
  context?: BrowserContextOptions;
  /** Also open one page in that context for the whole file. */
  page?: boolean;
}

/** What {@link useWorkbench} made; read its fields inside hooks and tests, once the set-up has run. */
export interface Workbench {
  /** The server of the built app (`distRoot()`: dist/, or TVERRSNITT_DIST when set). */
  readonly server: RunningServer;
  readonly browser: Browser;
  /** The file's context; only with the `context` option. */
  readonly context: BrowserContext;
  /** The file's page; only with the `page` option. */
  readonly page: Page;
}

function made<T>(value: T | undefined, name: string): T {
  if (value === undefined) throw new Error(`useWorkbench: no ${name} — read it inside a hook or test${name === "page" || name === "context" ? `, and pass the ${name} option` : ""}`);
  return value;
}

/** Serve the built app and launch Chromium for this test file (see the file's header). */
export function useWorkbench(options: WorkbenchOptions = {}): Workbench {
  const { context: contextOptions, page: withPage = false, ...launch } = options;
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  let page: Page | undefined;
  beforeAll(async () => {
    server = await serveDist(distRoot());
    browser = await launchChromium(launch);
    if (contextOptions !== undefined || withPage) context = await browser.newContext(contextOptions);
    if (withPage) page = await context?.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get server() {
      return made(server, "server");
    },
    get browser() {
      return made(browser, "browser");
    },
    get context() {
      return made(context, "context");
    },
    get page() {
      return made(page, "page");
    },
  };
}
