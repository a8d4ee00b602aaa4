/**
 * Imported first by frame.ts, so it runs before the frame's other modules evaluate (about 100 ms:
 * marked builds its grammar, Lit defines the elements): it starts loading the code a survey
 * notebook needs first — the survey, the builtins (and Plot with them), the build's compiled cells,
 * DOMPurify — so those downloads do not wait for that (issue 12: cold start, sidebar). The modules
 * are used where they are imported again, as the same instances; a failed load surfaces there.
 */
void import("./analysis/survey-source").catch(() => undefined);
void import("./analysis/all-builtins").catch(() => undefined);
void import("virtual:shipped-cells").catch(() => undefined);
void import("dompurify").catch(() => undefined);
