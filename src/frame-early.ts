/**
 * Imported first by frame.ts: it starts loading the code a survey notebook needs first — the
 * build's compiled cells and DOMPurify (`open` and the first draw wait for them), the survey, the
 * builtins (and Plot with them) — so those downloads do not wait for the frame's other modules to
 * evaluate (issue 12: cold start, sidebar). frame.html also preloads them (vite.config.ts,
 * preloadFrameEarlyPlugin), in this order, beside the frame's own scripts, because even this module
 * runs only after the chunks the frame's entry imports. The modules are used where they are imported
 * again, as the same instances; a failed load surfaces there.
 */
void import("virtual:shipped-cells").catch(() => undefined);
void import("dompurify").catch(() => undefined);
void import("./analysis/survey-source").catch(() => undefined);
void import("./analysis/all-builtins").catch(() => undefined);
