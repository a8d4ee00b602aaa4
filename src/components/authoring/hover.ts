/**
 * Hover in the editor: over a builtin, its signature and description; over a name a cell defines,
 * its current value in one line; over `survey`/`selection`/`filter`, what they hold now; over a
 * variable name in a string, its label and question.
 */
import type { EditorView, Tooltip } from "@codemirror/view";
import { syntaxTree } from "@codemirror/language";
import { authoringHost } from "./authoring-host";
import { listVariables } from "./codebook-variables";
import { referenceByName } from "./reference-data";
import { valueSummary } from "./value-summary";
import { pickLabel } from "../../base/locale/locale";
import { documentLocale } from "../locale-controller";

function tooltip(from: number, to: number, title: string, lines: readonly string[]): Tooltip {
  return {
    pos: from,
    end: to,
    above: true,
    create: () => {
      const dom = document.createElement("div");
      dom.className = "nb-hover";
      const head = document.createElement("code");
      head.textContent = title;
      dom.append(head, ...lines.filter(Boolean).map((l) => Object.assign(document.createElement("p"), { textContent: l })));
      return { dom };
    },
  };
}

/** The current value of one of the scope's names, in a line. */
async function scopeLine(name: string): Promise<string | undefined> {
  const host = authoringHost();
  if (!host) return undefined;
  if (name === "selection") {
    const selection = await host.scope.selection();
    return `${selection.summary} (${selection.description})`;
  }
  const locale = documentLocale(document).locale;
  if (name === "survey") return valueSummary((await host.scope.survey()).table, locale);
  if (name === "filter") return valueSummary(host.scope.filter, locale);
  return undefined;
}

/** The hover source the editor installs (code-assist.ts). */
export async function hoverCell(view: EditorView, pos: number, side: -1 | 1): Promise<Tooltip | null> {
  const line = view.state.doc.lineAt(pos);
  const at = pos - line.from;
  let start = at;
  let end = at;
  while (start > 0 && /[\w$.]/.test(line.text[start - 1] ?? "")) start--;
  while (end < line.text.length && /[\w$]/.test(line.text[end] ?? "")) end++;
  if (start === end || (side < 0 && at === start) || (side > 0 && at === end)) return null;
  const word = line.text.slice(start, end).replace(/^\.+/, "");
  const from = line.from + start;
  const to = line.from + end;
  const host = authoringHost();
  const node = syntaxTree(view.state).resolveInner(pos, side);
  const locale = documentLocale(document).locale;
  if (node.name === "String") {
    // The codebook's own words in the app's language (it has both), as the tables label them.
    const variable = host ? listVariables(await host.scope.codebook()).find((v) => v.variable.name === word) : undefined;
    if (!variable) return null;
    const v = variable.variable;
    const label = v.label ? pickLabel(v.label, locale) : variable.label;
    return tooltip(from, to, `${v.name} — ${label}`, [pickLabel(v, locale), v.codes.map((c) => `${c.code} ${pickLabel(c, locale)}`).join(" · ")]);
  }
  const values = host?.session.namedValues() ?? {};
  const root = word.split(".")[0] ?? word;
  if (root in values && !word.includes(".")) return tooltip(from, to, word, [valueSummary(values[root], locale)]);
  const entries = await referenceByName();
  // The longest dotted prefix the reference knows: hovering `crosstab` in `stats.crosstab(` shows stats.crosstab.
  const parts = word.split(".");
  for (let k = parts.length; k > 0; k--) {
    const entry = entries.get(parts.slice(0, k).join("."));
    if (entry) return tooltip(from, to, entry.signature, [entry.description, k === 1 ? ((await scopeLine(entry.name)) ?? "") : ""]);
  }
  return null;
}
