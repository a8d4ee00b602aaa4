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
  if (name === "survey") return valueSummary((await host.scope.survey()).table);
  if (name === "filter") return valueSummary(host.scope.filter);
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
  if (node.name === "String") {
    const variable = host ? listVariables(await host.scope.codebook()).find((v) => v.variable.name === word) : undefined;
    return variable ? tooltip(from, to, `${variable.variable.name} — ${variable.label}`, [variable.variable.no, variable.variable.codes.map((c) => `${c.code} ${c.no}`).join(" · ")]) : null;
  }
  const values = host?.session.namedValues() ?? {};
  const root = word.split(".")[0] ?? word;
  if (root in values && !word.includes(".")) return tooltip(from, to, word, [valueSummary(values[root])]);
  const entries = await referenceByName();
  // The longest dotted prefix the reference knows: hovering `crosstab` in `stats.crosstab(` shows stats.crosstab.
  const parts = word.split(".");
  for (let k = parts.length; k > 0; k--) {
    const entry = entries.get(parts.slice(0, k).join("."));
    if (entry) return tooltip(from, to, entry.signature, [entry.description, k === 1 ? ((await scopeLine(entry.name)) ?? "") : ""]);
  }
  return null;
}
