/**
 * What the editor offers as you type: the builtins and their members with their signatures (from
 * the generated reference), the names the notebook's cells define with their current values, and —
 * inside a string — the codebook's variables with their labels ("q20 — Balansert målstyring").
 */
import type { Completion, CompletionContext, CompletionResult } from "@codemirror/autocomplete";
import { syntaxTree } from "@codemirror/language";
import { authoringHost } from "./authoring-host";
import { listVariables } from "./codebook-variables";
import { loadReference, type LoadedEntry } from "./reference-data";
import { valueSummary } from "./value-summary";
import { messages, pickLabel } from "../../base/locale/locale";
import { documentLocale } from "../locale-controller";

const TYPES: Readonly<Record<string, string>> = { function: "function", namespace: "namespace", value: "variable" };

function entryCompletion(e: LoadedEntry, label: string): Completion {
  return { label, detail: e.signature.startsWith(e.name) ? e.signature.slice(e.name.length) || undefined : e.signature, info: e.description, type: TYPES[e.kind] ?? "variable", boost: e.group === "analysis" || e.group === "scope" ? 1 : 0 };
}

/** The start of the string the cursor is in (after its quote), or undefined outside strings. */
export function stringStart(context: CompletionContext): number | undefined {
  const node = syntaxTree(context.state).resolveInner(context.pos, -1);
  if (node.name === "String") return node.from + 1;
  // An unterminated string ("q2 at the end of the line) may not parse as one: count the quotes.
  const line = context.state.doc.lineAt(context.pos);
  const before = line.text.slice(0, context.pos - line.from);
  const m = /(["'])([\w]*)$/.exec(before);
  if (!m || m[1] === undefined) return undefined;
  const quotes = before.split(m[1]).length - 1;
  return quotes % 2 === 1 ? context.pos - (m[2]?.length ?? 0) : undefined;
}

async function variableOptions(context: CompletionContext, from: number): Promise<CompletionResult | null> {
  const typed = context.state.sliceDoc(from, context.pos);
  if (!/^\w*$/.test(typed)) return null;
  const host = authoringHost();
  if (!host) return null;
  const codebook = await host.scope.codebook();
  // A whole question (q20) before the items of another (q2_1 … q2_5) when both match what was typed.
  const locale = documentLocale(document).locale;
  const options = listVariables(codebook).map((v): Completion => ({ label: v.variable.name, detail: `— ${v.variable.label ? pickLabel(v.variable.label, locale) : v.label}`, info: pickLabel(v.variable, locale), type: "variable", boost: v.variable.name === v.variable.question ? 1 : 0 }));
  return { from, options, validFor: /^\w*$/ };
}

function notebookOptions(): Completion[] {
  const host = authoringHost();
  if (!host) return [];
  const values = host.session.namedValues();
  const names = new Set(host.session.doc.cells.flatMap((c) => host.session.state(c.id)?.defines ?? []));
  const locale = documentLocale(document).locale;
  return [...names].map((name) => ({ label: name, detail: name in values ? `= ${valueSummary(values[name], locale)}` : messages[locale].authoring.assistDefinedHere, type: "variable", boost: 2 }));
}

/** The completion source the editor installs (code-assist.ts). */
export async function completeCell(context: CompletionContext): Promise<CompletionResult | null> {
  const inString = stringStart(context);
  if (inString !== undefined) return variableOptions(context, inString);
  const node = syntaxTree(context.state).resolveInner(context.pos, -1);
  if (node.name === "LineComment" || node.name === "BlockComment" || node.name === "TemplateString") return null;
  const member = context.matchBefore(/[A-Za-z_$][\w$]*\.[\w$]*$/);
  if (member) {
    const dot = member.text.indexOf(".");
    const object = member.text.slice(0, dot);
    const entries = await loadReference();
    const prefix = `${object}.`;
    const members = entries.filter((e) => e.name.startsWith(prefix) && !e.name.slice(prefix.length).includes(".")).map((e) => entryCompletion(e, e.name.slice(prefix.length)));
    const fields = entries.find((e) => e.name === object)?.fields.map((f): Completion => ({ label: f.name, detail: f.type, info: f.doc, type: "property" })) ?? [];
    const options = [...members, ...fields];
    return options.length ? { from: member.from + dot + 1, options, validFor: /^[\w$]*$/ } : null;
  }
  const word = context.matchBefore(/[A-Za-z_$][\w$]*$/);
  if (!word || (word.from === word.to && !context.explicit)) return null;
  const entries = await loadReference();
  const builtins = entries.filter((e) => !e.name.includes(".")).map((e) => entryCompletion(e, e.name));
  return { from: word.from, options: [...notebookOptions(), ...builtins], validFor: /^[\w$]*$/ };
}
