/**
 * The reference of every builtin in a cell's scope, extracted from our sources with the TypeScript
 * compiler API, so it cannot drift from the code: the names and types come from three declarations
 * — `AllAnalysisBuiltins` (src/analysis/all-builtins.ts), `ScopeBuiltins` (survey-scope.ts) and
 * `Stdlib` (src/runtime/stdlib.ts) — and the words from their JSDoc: the first sentence is the
 * one-line description, `@param` documents a parameter, `@example` is a cell that runs as is.
 * A property typed as an interface named `…Builtin` (StatsBuiltin, TablesBuiltin …) is a namespace:
 * each of its members gets an entry of its own. Other projects' libraries are written by hand
 * (library-entries.ts) and win over an extracted entry of the same name.
 */
import path from "node:path";
import ts from "typescript";
import { referenceAnchor } from "../../src/base/builtin-problem";
import { LIBRARY_ENTRIES } from "./library-entries";
import type { Reference, ReferenceEntry, ReferenceField, ReferenceParam, ReferenceSignature } from "./reference-types";

/** Where each group of names is declared: file (from the repository root) and type name. */
const ROOTS: readonly { file: string; type: string; group: ReferenceEntry["group"] }[] = [
  { file: "src/analysis/survey-scope.ts", type: "ScopeBuiltins", group: "scope" },
  { file: "src/analysis/all-builtins.ts", type: "AllAnalysisBuiltins", group: "analysis" },
  { file: "src/runtime/stdlib.ts", type: "Stdlib", group: "stdlib" },
];

/** A namespace's type is an interface or alias named like this. */
const NAMESPACE_TYPE = /Builtin$/;

/** The program over the roots, with the repository's compiler options. */
function program(root: string): ts.Program {
  const configPath = path.join(root, "tsconfig.json");
  const config = ts.readConfigFile(configPath, (p) => ts.sys.readFile(p));
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, root);
  return ts.createProgram(ROOTS.map((r) => path.join(root, r.file)), { ...parsed.options, noEmit: true });
}

/** Documentation text of a symbol or signature, whitespace tidied. */
function docText(parts: readonly ts.SymbolDisplayPart[]): string {
  return ts.displayPartsToString([...parts]).replace(/[ \t]*\n[ \t]*/g, "\n").trim();
}

/** The first sentence: up to the first ". " or ":" followed by an example, at most one paragraph. */
function firstSentence(text: string): string {
  const paragraph = (text.split(/\n\s*\n/)[0] ?? "").replace(/\s+/g, " ").trim();
  const match = /^(.+?[.!?])(\s|$)/.exec(paragraph);
  return (match?.[1] ?? paragraph).trim();
}

function tagText(tag: ts.JSDocTagInfo): string {
  return ts.displayPartsToString(tag.text ?? []).trim();
}

/** The source text of a declaration's type annotation, or the checker's name for the type. */
function typeText(checker: Checker, node: ts.Node | undefined, type: ts.Type | undefined): string {
  if (node && (ts.isParameter(node) || ts.isPropertySignature(node) || ts.isPropertyDeclaration(node)) && node.type) return node.type.getText().replace(/\s+/g, " ");
  return type ? checker.typeToString(type, undefined, ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.UseAliasDefinedOutsideCurrentScope) : "unknown";
}

type Checker = ts.TypeChecker;

function isOptionalParam(p: ts.ParameterDeclaration): boolean {
  return p.questionToken !== undefined || p.initializer !== undefined || p.dotDotDotToken !== undefined;
}

/** Parameter docs from the declaration's @param tags. */
function paramDoc(p: ts.ParameterDeclaration): string | undefined {
  const tag = ts.getJSDocParameterTags(p)[0];
  const comment = tag?.comment;
  if (comment === undefined) return undefined;
  return (typeof comment === "string" ? comment : comment.map((c) => c.text).join("")).replace(/^-\s*/, "").trim() || undefined;
}

/** The properties of an options type, with their declared types and docs. */
function fieldsOf(checker: Checker, type: ts.Type, where: ts.Node): ReferenceField[] {
  const out: ReferenceField[] = [];
  for (const prop of checker.getPropertiesOfType(checker.getApparentType(type))) {
    const decl = prop.valueDeclaration ?? prop.declarations?.[0];
    if (prop.name === "toJSON") continue;
    const propType = checker.getTypeOfSymbolAtLocation(prop, decl ?? where);
    const doc = docText(prop.getDocumentationComment(checker));
    // A symbol-keyed property's internal name ("__@iterator@15") carries a checker id that moves
    // whenever a source file is added; "[Symbol.iterator]" does not.
    const name = prop.name.startsWith("__@") ? checker.symbolToString(prop) : prop.name;
    out.push({ name, type: typeText(checker, decl, propType), optional: (prop.flags & ts.SymbolFlags.Optional) !== 0, ...(doc ? { doc } : {}) });
  }
  return out;
}

/** One call form of `name`. */
function signatureOf(checker: Checker, name: string, sig: ts.Signature): ReferenceSignature {
  const decl = sig.getDeclaration();
  const params: ReferenceParam[] = decl.parameters.map((p) => {
    const doc = paramDoc(p);
    const type = checker.getTypeAtLocation(p);
    return { name: p.name.getText(), type: typeText(checker, p, type), optional: isOptionalParam(p), ...(doc ? { doc } : {}) };
  });
  const returns = decl.type ? decl.type.getText().replace(/\s+/g, " ") : checker.typeToString(sig.getReturnType());
  const text = `${name}(${params.map((p) => `${p.name}${p.optional ? "?" : ""}: ${p.type}`).join(", ")}): ${returns}`;
  return { text, params, returns };
}

/** The options argument of a call form: its last parameter when it is named `options`. */
function optionsOf(checker: Checker, sig: ts.Signature): ReferenceField[] {
  const last = sig.getDeclaration().parameters.at(-1);
  if (!last || last.name.getText() !== "options") return [];
  return fieldsOf(checker, checker.getNonNullableType(checker.getTypeAtLocation(last)), last);
}

function sourceOf(root: string, node: ts.Node | undefined): string {
  return node ? path.relative(root, node.getSourceFile().fileName).split(path.sep).join("/") : "";
}

/** The entry of one property `prop` named `name` (and, for namespaces, its members). */
function entriesOf(checker: Checker, root: string, name: string, prop: ts.Symbol, group: ReferenceEntry["group"]): ReferenceEntry[] {
  const decl = prop.valueDeclaration ?? prop.declarations?.[0];
  if (!decl) return [];
  const type = checker.getTypeOfSymbolAtLocation(prop, decl);
  const sigs = type.getCallSignatures();
  // Docs on the property win; a shorthand property without docs takes its function's.
  let doc = docText(prop.getDocumentationComment(checker));
  let tags = prop.getJsDocTags(checker);
  if (!doc && sigs[0]) {
    doc = docText(sigs[0].getDocumentationComment(checker));
    tags = sigs[0].getJsDocTags();
  }
  const example = tags.filter((t) => t.name === "example").map(tagText).join("\n");
  const declaredType = (ts.isPropertySignature(decl) || ts.isPropertyDeclaration(decl)) && decl.type ? decl.type.getText() : "";
  const aliasName = type.aliasSymbol?.name ?? type.getSymbol()?.name ?? "";
  const isNamespace = sigs.length === 0 && (NAMESPACE_TYPE.test(declaredType) || NAMESPACE_TYPE.test(aliasName));
  const base: ReferenceEntry = {
    name, anchor: referenceAnchor(name), kind: "value", group, signature: name, signatures: [], description: firstSentence(doc), details: doc,
    options: [], fields: [], example, members: [], links: [], source: sourceOf(root, sigs[0]?.getDeclaration() ?? decl),
  };
  if (sigs.length > 0) {
    const signatures = sigs.map((s) => signatureOf(checker, name, s));
    const first = signatures[0];
    const options = sigs.map((s) => optionsOf(checker, s)).find((o) => o.length > 0) ?? [];
    return [{ ...base, kind: "function", signature: `${name}(${(first?.params ?? []).map((p) => `${p.name}${p.optional ? "?" : ""}`).join(", ")})`, signatures, options }];
  }
  if (isNamespace) {
    const members = checker.getPropertiesOfType(type).filter((m) => m.name !== "toJSON");
    const memberEntries = members.flatMap((m) => entriesOf(checker, root, `${name}.${m.name}`, m, group));
    return [{ ...base, kind: "namespace", members: memberEntries.map((e) => e.name) }, ...memberEntries];
  }
  // Lists and tuples have no fields worth listing (their members are Array's).
  const listLike = checker.isArrayType(type) || checker.isTupleType(type) || checker.isArrayLikeType(type);
  return [{ ...base, fields: listLike ? [] : fieldsOf(checker, type, decl) }];
}

/** The type a root names. */
function rootType(checker: Checker, source: ts.SourceFile, typeName: string): ts.Type {
  let found: ts.Node | undefined;
  source.forEachChild((node) => {
    if ((ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node)) && node.name.text === typeName) found = node;
  });
  if (!found) throw new Error(`${source.fileName} declares no ${typeName}; the reference cannot be built.`);
  return checker.getTypeAtLocation(found);
}

/** Build the reference from the sources under `root` (the repository). */
export function extractReference(root: string): Reference {
  const prog = program(root);
  const checker = prog.getTypeChecker();
  const extracted: ReferenceEntry[] = [];
  for (const r of ROOTS) {
    const source = prog.getSourceFile(path.join(root, r.file));
    if (!source) throw new Error(`${r.file} is not in the program.`);
    for (const prop of checker.getPropertiesOfType(rootType(checker, source, r.type))) {
      extracted.push(...entriesOf(checker, root, prop.name, prop, r.group));
    }
  }
  const byHand = new Map(LIBRARY_ENTRIES.map((e) => [e.name, e]));
  const entries: ReferenceEntry[] = extracted.filter((e) => !byHand.has(e.name));
  for (const hand of LIBRARY_ENTRIES) {
    entries.push({ ...hand, anchor: referenceAnchor(hand.name), signatures: [], options: [], fields: [], members: [] });
  }
  return { version: 1, entries };
}

/** The small index the builtins' error messages read: name → short signature and a call that works. */
export function referenceIndex(reference: Reference): Record<string, { signature: string; call: string }> {
  const out: Record<string, { signature: string; call: string }> = {};
  for (const e of reference.entries) {
    const lines = e.example.split("\n");
    const call = lines.find((l) => l.includes(`${e.name}(`)) ?? lines[0] ?? e.signature;
    out[e.name] = { signature: e.signature, call: call.trim() };
  }
  return out;
}
