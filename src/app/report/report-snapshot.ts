/**
 * The notebook as a report, taken in the notebook's frame: the rendered output of every cell in
 * document order (not its code), with what the reader set — an input's value, a canvas's picture —
 * written into the markup, and the style sheets the outputs are drawn with. The shell sanitises it
 * before it prints it or writes the report file (sanitize-report.ts): whatever runs in the frame
 * may have written this, so nothing here is trusted.
 *
 * Outputs are copied from the page as they are, whichever view (report or edit) is on screen, so a
 * report never recomputes anything.
 */

/** What the frame sends for a report (`report` in protocol.ts). */
export interface ReportSnapshot {
  /** One `<section>` per cell that shows something. */
  html: string;
  /** The CSS of the frame's style sheets (ours, Inputs', Plot's), rules as the browser keeps them. */
  css: string;
}

/** Controls that act on the page (export buttons, folds); a report is read, not worked. */
const CONTROLS = "nb-export-menu, .nb-fold, button";

/** Write live state into attributes so a copy of the markup shows what the page shows. */
function freeze(original: Element, copy: Element): void {
  const sources = original.querySelectorAll("input, select, textarea, canvas");
  const targets = copy.querySelectorAll("input, select, textarea, canvas");
  sources.forEach((source, i) => {
    const target = targets[i];
    if (!target) return;
    if (source instanceof HTMLInputElement) {
      target.setAttribute("value", source.value);
      if (source.checked) target.setAttribute("checked", "");
      else target.removeAttribute("checked");
      target.setAttribute("disabled", "");
    } else if (source instanceof HTMLSelectElement) {
      const options = target.querySelectorAll("option");
      [...source.options].forEach((option, j) => {
        if (option.selected) options[j]?.setAttribute("selected", "");
        else options[j]?.removeAttribute("selected");
      });
      target.setAttribute("disabled", "");
    } else if (source instanceof HTMLTextAreaElement) {
      target.textContent = source.value;
      target.setAttribute("disabled", "");
    } else if (source instanceof HTMLCanvasElement) {
      const img = copy.ownerDocument.createElement("img");
      try {
        img.setAttribute("src", source.toDataURL("image/png"));
      } catch {
        return; // a tainted canvas cannot be read; it is left out
      }
      img.setAttribute("width", String(source.width));
      img.setAttribute("alt", source.getAttribute("aria-label") ?? "");
      target.replaceWith(img);
    }
  });
}

/** The CSS text of every style sheet the frame can read. */
function styleText(doc: Document): string {
  const parts: string[] = [];
  for (const sheet of doc.styleSheets) {
    try {
      for (const rule of sheet.cssRules) parts.push(rule.cssText);
    } catch {
      // A sheet the frame may not read (no CORS): its outputs are styled by the rest.
    }
  }
  return parts.join("\n");
}

/** The report of the notebook shown in `doc` (the frame's document). */
export function takeReportSnapshot(doc: Document): ReportSnapshot {
  const sections: string[] = [];
  for (const cell of doc.querySelectorAll("nb-cell")) {
    const output = cell.querySelector(".nb-output");
    if (!output || output.childNodes.length === 0) continue;
    const copy = output.cloneNode(true);
    if (!(copy instanceof Element)) continue;
    freeze(output, copy);
    for (const control of copy.querySelectorAll(CONTROLS)) control.remove();
    const kind = cell.querySelector("[data-cell-id]")?.className.match(/\bnb-cell-(\w+)\b/)?.[1] ?? "js";
    sections.push(`<section class="nb-report-cell nb-report-${kind}">${copy.innerHTML}</section>`);
  }
  return { html: sections.join("\n"), css: styleText(doc) };
}
