import * as Inputs from "@observablehq/inputs";
import { DEFAULT_LOCALE, type Locale } from "../base/locale/locale";
import type * as PlotModule from "@observablehq/plot";
import type * as aq from "arquero";
import { headlessInputs, headlessInputsIn } from "./headless-inputs";
import { localizedTable } from "./localized-tables";
import { localizedInput } from "./localized-labels";
import { escapeHtml } from "../base/escape-html";
import { ProblemError, unwrap } from "../base/result";
import { htmlTooDeep } from "./html-limits";
import { markdownToHtml } from "./markdown-to-html";

/** The CSV reader (Papa Parse), loaded when a cell first reads a CSV: it need not load before the notebook draws. */
const csv = (): Promise<typeof import("./csv-table")> => import("./csv-table");
import type { MarkdownOutput } from "./types";

/** Where the stdlib gets files and (optionally) a DOM document from. */
export interface StdlibHost {
  /** Load a file from data/ (browser: fetch relative to the app; Node: read from repo's data/). */
  readText(path: string): Promise<string>;
  readBytes(path: string): Promise<Uint8Array>;
  /** A DOM document (browser: window.document; Node: linkedom) for html``, Inputs, Plot. */
  document?: Document;
  /**
   * The app's language when a cell runs: `Inputs.table` writes its numbers in it (default English,
   * Inputs' own), and an input's label given in each language is shown in it (headless: norsk).
   */
  tableLocale?: () => Locale;
}

/** The BCP 47 tag Observable Inputs formats numbers with, per app language ("502 867" / "502,867"). */
/**
 * Observable Inputs whose `table` writes numbers in the app's language unless the cell passes its
 * own `locale`, and whose other inputs take a label (and a select's option texts) in each language,
 * `{nb: "…", en: "…"}`. A language switch does not rerun the cells that build inputs (that would
 * reset what the reader chose): the page draws their tables again in the new language
 * (localized-tables.ts) and sets the new words into the inputs' own elements (localized-labels.ts).
 */
function inputsInLocale(locale: (() => Locale) | undefined): typeof Inputs {
  if (!locale) return Inputs;
  return new Proxy(Inputs, {
    get(target, prop, receiver) {
      const made: unknown = Reflect.get(target, prop, receiver);
      if (prop === "table") return (data: unknown, options?: unknown) => localizedTable((d, o) => Inputs.table(d, o), data, options, locale());
      if (typeof made !== "function") return made;
      // Every input takes its options last (toggle(options), select(data, options), range(extent, options)).
      return (...args: unknown[]): unknown => {
        const options = args.length > 0 ? args[args.length - 1] : undefined;
        return localizedInput((own) => Reflect.apply(made, target, [...args.slice(0, -1), own]), options, locale());
      };
    },
  });
}

function isNode(value: unknown): value is Node {
  return typeof value === "object" && value !== null && "nodeType" in value && typeof value.nodeType === "number" && "cloneNode" in value;
}

/**
 * html`…`: strings are escaped, DOM nodes are inserted as nodes. With a document it returns a
 * node (or a fragment for several); without one (Node, no linkedom) the HTML text. HTML nested
 * deeper than HTML_LIMITS.depth throws why, before it is parsed.
 */
export function createHtml(doc: Document | undefined) {
  return (strings: TemplateStringsArray, ...values: unknown[]): Node | string => {
    const nodes: Node[] = [];
    let text = strings[0] ?? "";
    values.forEach((value, i) => {
      if (doc && isNode(value)) {
        text += `<template data-tv-slot="${nodes.length}"></template>`;
        nodes.push(value);
      } else if (Array.isArray(value)) {
        text += value.map((v) => (isNode(v) && "outerHTML" in v ? String(v.outerHTML) : escapeHtml(String(v ?? "")))).join("");
      } else {
        text += escapeHtml(String(value ?? ""));
      }
      text += strings[i + 1] ?? "";
    });
    // Nested past the limit, the parse itself holds the page for seconds (html-limits.ts).
    const deep = htmlTooDeep(text, "html-literal");
    if (deep) throw new ProblemError(deep);
    if (!doc) return text;
    const template = doc.createElement("template");
    template.innerHTML = text.trim();
    for (const slot of Array.from(template.content.querySelectorAll("template[data-tv-slot]"))) {
      const node = nodes[Number(slot.getAttribute("data-tv-slot"))];
      if (node) slot.replaceWith(node);
    }
    const content = template.content;
    return content.childNodes.length === 1 && content.firstChild ? content.firstChild : content;
  };
}

/** md`…`: markdown to a <div> (with a document) or a MarkdownOutput value (without); too long or too deep, it throws why. */
export function createMd(doc: Document | undefined) {
  return (strings: TemplateStringsArray, ...values: unknown[]): HTMLElement | MarkdownOutput => {
    let text = strings[0] ?? "";
    values.forEach((value, i) => {
      text += String(value ?? "") + (strings[i + 1] ?? "");
    });
    const html = unwrap(markdownToHtml(text));
    if (!doc) return { kind: "markdown", html };
    const div = doc.createElement("div");
    div.innerHTML = html;
    return div;
  };
}

/** A file under data/ with Observable's FileAttachment methods. */
export interface DataFile {
  name: string;
  text(): Promise<string>;
  json(): Promise<unknown>;
  csv(): Promise<Record<string, unknown>[]>;
  arquero(): Promise<aq.ColumnTable>;
  bytes(): Promise<Uint8Array>;
}

/**
 * The names every cell has without imports (the reference, scripts/reference, is generated from
 * these JSDoc comments; aq, op, Plot and Inputs are other projects' and documented there by hand).
 */
export interface Stdlib {
  /** Arquero, the table library (loaded when a cell first names it; the runtime awaits it). */
  readonly aq: Promise<typeof aq>;
  /** Arquero's table expression functions (loaded with Arquero). */
  readonly op: Promise<typeof aq.op>;
  /** Observable Inputs (headless stand-ins off the page). */
  Inputs: typeof Inputs | typeof headlessInputs;
  /**
   * HTML from a template literal: interpolated text is escaped, DOM nodes (tables, charts) are
   * inserted as nodes.
   * @example html`<p>N = <b>${selection.n}</b> of ${selection.total}</p>`
   */
  html: ReturnType<typeof createHtml>;
  /**
   * Markdown from a template literal, rendered to HTML (the app sanitises it).
   * @example md`**${selection.n}** respondents: ${selection.description}`
   */
  md: ReturnType<typeof createMd>;
  /**
   * A CSV file under data/ as an Arquero table: header row, numbers typed, blanks as null.
   * @param path relative to data/, e.g. "survey-1999/municipalities.csv"
   * @example await loadCsv("survey-1999/municipalities.csv")
   */
  loadCsv(path: string): Promise<aq.ColumnTable>;
  /**
   * A file under data/ with Observable's methods: `.text()`, `.json()`, `.csv()`, `.arquero()`, `.bytes()`.
   * @param path relative to data/, e.g. "survey-1999/municipalities.csv"
   * @example (await FileAttachment("survey-1999/municipalities.csv").arquero()).numRows()
   */
  FileAttachment(path: string): DataFile;
  /** Observable Plot, loaded when a cell first uses it. */
  readonly Plot: Promise<typeof PlotModule>;
}

/**
 * The names every cell has without imports. `display`, `view` and `invalidation` are wired per
 * cell by the runtime. Inputs is Observable Inputs when the host's document is the page's own;
 * otherwise the headless inputs (same values, no DOM).
 */
export function createStdlib(host: StdlibHost): Stdlib {
  const doc = host.document;
  const pageDocument = "document" in globalThis ? Reflect.get(globalThis, "document") : undefined;
  const loadCsv = async (path: string) => (await csv()).csvToTable(await host.readText(path), path);
  const FileAttachment = (path: string): DataFile => ({
    name: path,
    text: () => host.readText(path),
    json: async () => JSON.parse(await host.readText(path)),
    csv: async () => (await csv()).parseCsvRows(await host.readText(path), path),
    arquero: () => loadCsv(path),
    bytes: () => host.readBytes(path),
  });
  const ownPage = doc !== undefined && doc === pageDocument;
  // Plot is the largest library a cell can use: load it when a cell first names it (the runtime
  // awaits the promise). Off the page (Node + linkedom) it must be told which document to build in.
  let plot: Promise<typeof PlotModule> | undefined;
  const loadPlot = (): Promise<typeof PlotModule> =>
    (plot ??= import("@observablehq/plot").then((Plot) =>
      doc && !ownPage ? { ...Plot, plot: (options: PlotModule.PlotOptions = {}) => Plot.plot({ document: doc, ...options }) } : Plot));
  // Arquero (with its Arrow reader) need not load before the notebook draws: like Plot, it loads
  // when a cell first names it (issue 13's budget for the frame's JavaScript before the notebook).
  let arquero: Promise<typeof aq> | undefined;
  const loadArquero = (): Promise<typeof aq> => (arquero ??= import("arquero"));
  return {
    get aq() {
      return loadArquero();
    },
    get op() {
      return loadArquero().then((m) => m.op);
    },
    Inputs: ownPage ? inputsInLocale(host.tableLocale) : headlessInputsIn(host.tableLocale ?? (() => DEFAULT_LOCALE)),
    html: createHtml(doc),
    md: createMd(doc),
    loadCsv,
    FileAttachment,
    get Plot() {
      return loadPlot();
    },
  };
}
