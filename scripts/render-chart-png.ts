/**
 * Render the chart fixtures to PNG in real Chromium so a person can look at them:
 * `npx tsx scripts/render-chart-png.ts` writes `test-output/charts/<name>.png` (and the page as
 * `index.html`). The SVGs are rendered in Node under linkedom — the same path as the snapshot tests —
 * and then shown by the browser, which is what catches overlapping or cut-off text.
 *
 * It also runs the app's own export path (src/app/export-chart.ts, transpiled and injected into the
 * page) on the first chart and writes what it produces: `<name>.export.png` (canvas at 2×) and
 * `<name>.export.svg` (styles inlined), so the downloadable files are looked at too. Finally it bundles
 * <nb-export-menu> with Vite, clicks its CSV, SVG and PNG buttons and saves the three downloads as
 * `menu-download.*`.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { chromium, type Page } from "playwright-core";
import ts from "typescript";
import { build } from "vite";
import { parseHTML } from "linkedom";
import { chartFixtures, type FixtureChart } from "../test/unit/charts/chart-fixtures";

const outDir = resolve("test-output/charts");

async function main(): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  const charts = chartFixtures(() => parseHTML("<!DOCTYPE html><html><body></body></html>").document);
  const body = charts.map((c) => `<section id="${c.name}" style="display:inline-block;margin:8px">${c.svg.outerHTML}</section>`).join("\n");
  const page = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Charts</title></head><body style="margin:0;background:#f3f3f3">${body}</body></html>`;
  const htmlPath = join(outDir, "index.html");
  writeFileSync(htmlPath, page);
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
  try {
    const tab = await browser.newPage({ deviceScaleFactor: 2, viewport: { width: 1000, height: 800 }, acceptDownloads: true });
    await tab.goto(`file://${htmlPath}`);
    for (const c of charts) {
      const file = join(outDir, `${c.name}.png`);
      await tab.locator(`#${c.name} > svg`).screenshot({ path: file });
      console.log(`wrote ${file}`);
    }
    await checkBrowserRendering(tab, charts);
    await checkExportMenu(tab, charts[0]?.name ?? "");
    await checkExportPath(tab, charts[0]?.name ?? "");
  } finally {
    await browser.close();
  }
}

/** Bundle a TypeScript entry for the page with Vite (no project config: no data/ copying, no CSP). */
async function bundle(entry: string, fileName: string): Promise<string> {
  const bundleDir = join(outDir, "bundle");
  await build({
    configFile: false,
    publicDir: false,
    logLevel: "warn",
    build: { outDir: bundleDir, emptyOutDir: false, minify: false, lib: { entry: resolve(entry), formats: ["es"], fileName: () => fileName } },
  });
  return readFileSync(join(bundleDir, fileName), "utf8");
}

/**
 * Render the same fixtures in Chromium with its real DOM and require the same SVG text as under
 * linkedom: the charts must not depend on which document they are given.
 */
async function checkBrowserRendering(tab: Page, charts: FixtureChart[]): Promise<void> {
  const js = await bundle("test/unit/charts/chart-fixtures.ts", "chart-fixtures.js");
  const moduleUrl = `data:text/javascript;base64,${Buffer.from(js).toString("base64")}`;
  const inBrowser = await tab.evaluate(async (url) => {
    const mod: { chartFixtures: (doc: () => Document) => { name: string; svg: Element }[] } = await import(url);
    return mod.chartFixtures(() => document).map((c) => ({ name: c.name, html: c.svg.outerHTML }));
  }, moduleUrl);
  for (const chart of charts) {
    const other = inBrowser.find((c) => c.name === chart.name);
    const same = other !== undefined && canonicalSvg(other.html) === canonicalSvg(chart.svg.outerHTML);
    console.log(`browser DOM vs linkedom, ${chart.name}: ${same ? "identical SVG" : "DIFFERENT"}`);
    if (!same) {
      process.exitCode = 1;
      writeFileSync(join(outDir, `${chart.name}.browser.svg`), other?.html ?? "");
    }
  }
}

/**
 * Serialization-independent form of an SVG: linkedom writes attributes in another order, self-closes
 * empty elements and spaces `style` differently from Chromium. Elements, sorted attributes and text
 * are what must agree.
 */
function canonicalSvg(html: string): string {
  const { document } = parseHTML(`<!DOCTYPE html><html><body>${html}</body></html>`);
  const isElement = (node: Node): node is Element => node.nodeType === 1;
  const out: string[] = [];
  const visit = (el: Element): void => {
    const attrs = [...el.attributes]
      .map((a) => `${a.name}=${a.name === "style" ? a.value.replace(/\s+/g, "").replace(/;$/, "") : a.value}`)
      .sort();
    out.push(`<${el.localName} ${attrs.join(" ")}>`);
    for (const child of el.childNodes) {
      if (isElement(child)) visit(child);
      else if (child.nodeType === 3) out.push(child.textContent ?? "");
    }
    out.push(`</${el.localName}>`);
  };
  const root = document.body.firstElementChild;
  if (root) visit(root);
  return out.join("");
}

/** Bundle <nb-export-menu>, attach it to a chart and a table, click each button and keep the downloads. */
async function checkExportMenu(tab: Page, name: string): Promise<void> {
  const js = await bundle("src/components/nb-export-menu.ts", "nb-export-menu.js");
  await tab.addScriptTag({ content: js, type: "module" });
  await tab.evaluate((id) => {
    const menu = document.createElement("nb-export-menu");
    menu.id = "menu";
    Object.assign(menu, {
      name: "Tabell 2.1 – status",
      chart: document.querySelector(`#${id}`),
      table: [{ modell: "Serviceerklæringer, SE", n: 253 }, { modell: "Servicetorg", n: 256 }],
    });
    document.body.prepend(menu);
  }, name);
  for (const format of ["csv", "svg", "png"]) {
    const [download] = await Promise.all([tab.waitForEvent("download"), tab.click(`#menu .nb-export-${format}`)]);
    const file = join(outDir, `menu-download.${format}`);
    await download.saveAs(file);
    console.log(`<nb-export-menu> ${format.toUpperCase()}: ${download.suggestedFilename()} → ${file}`);
  }
  await tab.evaluate(() => document.querySelector("#menu")?.remove());
}

/** Run pngBlob / serializeSvg from src/app/export-chart.ts in the page and save their output. */
async function checkExportPath(tab: Page, name: string): Promise<void> {
  const source = readFileSync(resolve("src/app/export-chart.ts"), "utf8");
  const js = ts.transpileModule(source, { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext } }).outputText;
  const moduleUrl = `data:text/javascript;base64,${Buffer.from(js).toString("base64")}`;
  const result = await tab.evaluate(
    async ({ url, id }) => {
      const mod: { pngBlob: (svg: Element, o: object) => Promise<Blob>; serializeSvg: (svg: Element) => string } = await import(url);
      const svg = document.querySelector(`#${id} > svg`);
      if (!svg) throw new Error(`no chart #${id}`);
      const png = await mod.pngBlob(svg, { scale: 2 });
      const bytes = Array.from(new Uint8Array(await png.arrayBuffer()));
      return { bytes, svg: mod.serializeSvg(svg) };
    },
    { url: moduleUrl, id: name },
  );
  const pngFile = join(outDir, `${name}.export.png`);
  writeFileSync(pngFile, Buffer.from(result.bytes));
  writeFileSync(join(outDir, `${name}.export.svg`), result.svg);
  console.log(`wrote ${pngFile} (${result.bytes.length} bytes) and ${name}.export.svg via src/app/export-chart.ts`);
  // Open the saved SVG file on its own, as another program would, and screenshot it (last step: the
  // tab leaves the chart page).
  await tab.goto(`file://${join(outDir, `${name}.export.svg`)}`);
  await tab.locator("svg").first().screenshot({ path: join(outDir, `${name}.export-svg.png`) });
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
