/**
 * A builtin's error names its reference entry (base/builtin-problem.ts); the error box shows a
 * button that opens the reference panel there. The button carries the builtin's name; the
 * authoring bar listens for clicks on it (so the error display does not load the panels).
 */
import "./reference-link.css";
import type { BuiltinProblem } from "../../base/builtin-problem";
import { messages } from "../../base/locale/locale";
import { isProblemError } from "../../base/result";
import { documentLocale } from "../locale-controller";

/** The class of the button; the authoring bar's click listener looks for it. */
export const REFERENCE_LINK_CLASS = "nb-ref-link";

/** The builtin whose reference entry a thrown value names, if it is a builtin's Problem. */
export function referencedBuiltin(cause: unknown): string | undefined {
  if (!isProblemError(cause)) return undefined;
  const problem: BuiltinProblem = cause.problem;
  return problem.reference?.builtin;
}

/** The button for an error box, or null when the error names no builtin. */
export function referenceButton(doc: Document, cause: unknown): HTMLButtonElement | null {
  const builtin = referencedBuiltin(cause);
  if (!builtin) return null;
  const button = doc.createElement("button");
  button.type = "button";
  button.className = `nb-button ${REFERENCE_LINK_CLASS}`;
  button.dataset.reference = builtin;
  button.textContent = messages[documentLocale(doc).locale].inTheReference(builtin);
  return button;
}
