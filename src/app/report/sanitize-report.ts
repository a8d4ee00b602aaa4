/**
 * A report snapshot from the notebook's frame made safe to show in the shell and to write into a
 * file another person opens. The frame is untrusted once a notebook runs, so its markup goes
 * through DOMPurify (HTML and SVG profiles: no scripts, no handlers, no `javascript:` URLs, no
 * forms, frames or embeds) and its CSS is re-read rule by rule: only style and media rules, none
 * that loads anything (`url(`, `image-set(`, `@import`) or reaches out of a shadow root (`:host`,
 * `::slotted`, `::part`), each scoped to the report body so the head the shell writes (title,
 * filter, data notice) cannot be hidden, restyled or covered. Both the shell (print) and the report file add a policy that fetches
 * and runs nothing, as a second line.
 *
 * Headings get ids (`report-h1`, …) for the report's table of contents. Other ids stay (SVG clip
 * paths and gradients refer to them); DOMPurify keeps them from clobbering the document's own
 * properties, the shell shows the report in a shadow root, and the report file runs no script.
 */
import DOMPurify from "dompurify";

/** A heading of the sanitised report, for its table of contents. */
export interface ReportHeading {
  id: string;
  level: number;
  text: string;
}

/** The sanitised report body. */
export interface SafeReport {
  html: string;
  css: string;
  headings: ReportHeading[];
}

/**
 * The element the notebook's outputs sit in, in the report file and the shell's print
 * (report-document.ts). Every rule of the notebook's CSS is scoped to it: the head around it — the
 * title, the filter, the data notice, which the shell writes — is out of the notebook's reach (a
 * notebook's `.nb-report-notice { display: none }` hid the reconstruction notice from the report).
 */
export const REPORT_BODY_CLASS = "nb-report-body";

/** Top-level parts of a selector list (commas inside brackets, parentheses and strings do not split it). */
function selectorParts(list: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote = "";
  let start = 0;
  for (let i = 0; i < list.length; i++) {
    const ch = list[i];
    if (quote) {
      if (ch === "\\") i++;
      else if (ch === quote) quote = "";
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === "(" || ch === "[") depth++;
    else if (ch === ")" || ch === "]") depth--;
    else if (ch === "," && depth === 0) {
      parts.push(list.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(list.slice(start).trim());
  return parts;
}

/** A leading `:root`, `html` or `body` (the frame's page) stands for the body of the report. */
const PAGE_ROOT = /^(?::root|html|body)(?=$|[\s>+~.:#[])/i;

/** One selector, scoped so that what it matches lies inside the report body (or is the body). */
function scopeSelector(selector: string): string {
  const scope = `.${REPORT_BODY_CLASS}`;
  return PAGE_ROOT.test(selector) ? selector.replace(PAGE_ROOT, scope) : `${scope} ${selector}`;
}

/** `rule` rewritten to apply inside the report body only, or "" if the browser would not take the scoped selector. */
function scopedRule(rule: CSSStyleRule): string {
  const scoped = selectorParts(rule.selectorText).map(scopeSelector).join(", ");
  rule.selectorText = scoped;
  // The setter ignores a selector it cannot parse: a rule that kept its old selector is dropped.
  const scope = `.${REPORT_BODY_CLASS}`;
  return selectorParts(rule.selectorText).every((part) => part.startsWith(scope)) ? rule.cssText : "";
}

/**
 * Whether the rules nested in a style rule stay inside the element it matches: each nested style
 * rule's selectors start with `&` (the browser writes a relative one so), with only declarations and
 * media and container queries between. A nested selector holding `&` elsewhere is not read from the
 * rule it sits in: `.x { :has(&) .nb-report-notice { display: none } }` hid the data notice.
 */
function nestedInside(rule: CSSGroupingRule, win: Window & typeof globalThis): boolean {
  return [...rule.cssRules].every((inner) =>
    inner instanceof win.CSSStyleRule
      ? selectorParts(inner.selectorText).every((part) => part.startsWith("&")) && nestedInside(inner, win)
      : inner instanceof win.CSSMediaRule || inner instanceof win.CSSContainerRule
        ? nestedInside(inner, win)
        : inner instanceof win.CSSNestedDeclarations);
}

const FORBIDDEN_CSS = /url\s*\(|image-set\s*\(|@import|:host|::slotted|::part|expression\s*\(|-moz-binding|behavior\s*:/i;

/**
 * Keep the rules of `css` that only style, scoped to the report body ({@link REPORT_BODY_CLASS});
 * drop any that loads, imports or escapes its root (a nested rule too), and the dark-scheme ones (a report is light).
 */
export function cleanReportCss(css: string, win: Window & typeof globalThis): string {
  const sheet = new win.CSSStyleSheet();
  try {
    sheet.replaceSync(css);
  } catch {
    return "";
  }
  const keep = (rule: CSSRule): string => {
    if (rule instanceof win.CSSStyleRule) return FORBIDDEN_CSS.test(rule.cssText) || !nestedInside(rule, win) ? "" : scopedRule(rule);
    // A report is read and printed on white: the workbench's dark palette stays out.
    if (rule instanceof win.CSSMediaRule && /prefers-color-scheme\s*:\s*dark/i.test(rule.conditionText)) return "";
    // A container query (06's crosswalk stacks its rows by its own width) is kept like a media query.
    if (rule instanceof win.CSSMediaRule || rule instanceof win.CSSContainerRule) {
      // A condition is written into the file as it stands: a container's style() query can hold a url().
      if (FORBIDDEN_CSS.test(rule.conditionText)) return "";
      const inner = [...rule.cssRules].map(keep).filter((t) => t !== "").join("\n");
      return inner === "" ? "" : `${rule instanceof win.CSSMediaRule ? "@media" : "@container"} ${rule.conditionText} {\n${inner}\n}`;
    }
    return "";
  };
  // `</` would end the <style> element the CSS is written into. A soft hyphen (06's crosswalk draws
  // one at a compound's joint as generated content) is serialised as the character itself: it is
  // written as its escape, so the file holds no invisible character a search or a copy would meet.
  return [...sheet.cssRules].map(keep).filter((t) => t !== "").join("\n").replace(/<\//g, "<\\/").replace(/\u00AD/g, "\\AD ");
}

/** Sanitise a report snapshot in the shell (`win`: the shell's window, for its parsers). */
export function sanitizeReport(snapshot: { html: string; css: string }, win: Window & typeof globalThis): SafeReport {
  const purify = DOMPurify(win);
  purify.addHook("uponSanitizeElement", (node, data) => {
    // Plot scopes its styles with a <style> inside each SVG: keep the harmless rules only.
    if (data.tagName === "style") node.textContent = cleanReportCss(node.textContent ?? "", win);
  });
  purify.addHook("afterSanitizeAttributes", (node) => {
    if (node.hasAttribute("target")) node.removeAttribute("target");
    // A report loads nothing: pictures only as data: URLs, SVG references only within the file.
    const src = node.getAttribute("src");
    if (src !== null && !/^data:image\//i.test(src.trim())) node.removeAttribute("src");
    if (node.tagName !== "A") {
      for (const name of ["href", "xlink:href"]) {
        const ref = node.getAttribute(name);
        if (ref !== null && !/^(#|data:image\/)/i.test(ref.trim())) node.removeAttribute(name);
      }
    }
    if (node.tagName === "A" && node.hasAttribute("href")) node.setAttribute("rel", "noopener noreferrer");
  });
  const fragment = purify.sanitize(snapshot.html, {
    USE_PROFILES: { html: true, svg: true, svgFilters: true },
    FORBID_TAGS: ["form", "iframe", "frame", "object", "embed", "link", "meta", "base", "foreignObject", "template", "dialog", "audio", "video", "source", "track"],
    FORBID_ATTR: ["form", "formaction", "action", "srcset", "ping", "autofocus", "tabindex", "contenteditable"],
    RETURN_DOM_FRAGMENT: true,
  });
  const headings: ReportHeading[] = [];
  for (const heading of fragment.querySelectorAll("h1, h2, h3")) {
    const id = `report-h${headings.length + 1}`;
    heading.setAttribute("id", id);
    headings.push({ id, level: Number(heading.tagName.slice(1)), text: (heading.textContent ?? "").replace(/\s+/g, " ").trim() });
  }
  const holder = win.document.createElement("div");
  holder.append(fragment);
  return { html: holder.innerHTML, css: cleanReportCss(snapshot.css, win), headings };
}
