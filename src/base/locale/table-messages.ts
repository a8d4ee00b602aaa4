/**
 * The words of the generated tables that are not the statistics tables' own headers (messages.ts):
 * the reconciliation of notebook 04, the thesis crosswalk of notebook 06, and the notes the
 * statistics kernels put under a result. One catalogue per language; `Messages` extends this, so
 * `messages[locale]` has every key, and a browser test walks 04 and 06 in each language against the
 * other language's strings from here.
 *
 * What stays in its own language is content, not chrome: the printed tables' captions and category
 * labels (Norwegian, as printed), the report's inconsistencies as recorded in printed-tables.json,
 * and the crosswalk's findings, rationales and thesis quotes (crosswalk-spec.ts, the thesis).
 */

/** The statuses of a reconciled figure (reconciliation/reconcile.ts). */
export type ReconciledStatusName = "match" | "conflict-met" | "soft" | "conflict-off" | "difference";

/** Every message of the generated tables. */
export interface TableMessages {
  // Notebook 04: the reconciliation.
  recStatus(status: ReconciledStatusName): string;
  recColumns: { table: string; row: string; variable: string; category: string; measure: string; printed: string; resolved: string; recomputed: string; residual: string; conflict: string };
  recSummaryCaption(filtered: boolean): string;
  recSummaryRows: { compared: string; exact: string; conflictsMet: string; soft: string; softOff: string; conflictsOff: string; differencesFiltered: string; differences: string; skipped: string; touching: string; inconsistencies: string };
  recUnmarked(count: number, where: "here" | "above"): string;
  recFlaggedCaption(count: number, filtered: boolean): string;
  recFlaggedAudit(n: string, filtered: boolean, soft: number, undocumented: number): string;
  recTableCaption(id: string, caption: string, c: { compared: number; exact: number; resolved: number; soft: number; differing: number }): string;
  recSeedLines(from: number, to: number): string;
  recNotRecounted(rows: string, kind: string): string;
  recHiddenMatching(count: number): string;
  recTermDescription: string;
  recTermReasoning: string;
  recTermResolution: string;
  recTouchesNone: string;
  recCellsCarry(count: number, statuses: string): string;
  recPrefixPrinted: string;
  recPrefixTarget: string;
  recPrefixRecomputed: string;
  recTextFigure(name: string): string;
  recTableRef(id: string): string;
  /** Percentage points after a residual of percentages. */
  percentagePoints: string;
  recHeadlineEmpty: string;
  recHeadlineFiltered(n: string): string;
  recHeadline(c: { compared: number; n: string; exact: number; conflictsMet: number; soft: number; softExact: number; differences: number }): string;
  /** A shared view of 1–2 respondents: the notice shown instead of the figures. */
  withheld(threshold: number): string;
}

const nb: TableMessages = {
  recStatus: (status) => ({ "match": "✓", "conflict-met": "✓ løsning", "soft": "≈ tekst", "conflict-off": "✗ bommer på løsningen", "difference": "✗ avviker" })[status],
  recColumns: { table: "Tabell", row: "Rad", variable: "Variabel", category: "Kategori", measure: "Mål", printed: "Trykt", resolved: "Løst", recomputed: "Beregnet", residual: "Residual", conflict: "Konflikt" },
  recSummaryCaption: (filtered) => (filtered ? "Trykte tall mot den filtrerte omregningen (ikke sammenlignbare)" : "Trykte tall mot omregningen"),
  recSummaryRows: {
    compared: "Tall sammenlignet",
    exact: "Nøyaktig like",
    conflictsMet: "Dokumenterte konflikter truffet på løst verdi",
    soft: "Myke tekstutsagn",
    softOff: "… av dem ikke nøyaktig det oppgitte runde tallet (omtrentlig ordlyd)",
    conflictsOff: "Dokumenterte konflikter der løsningen bommer",
    differencesFiltered: "Avvik (ventet under et filter)",
    differences: "Udokumenterte avvik",
    skipped: "Trykte rader uten noe å telle opp (lister)",
    touching: "Inkonsistenser som berører opptellbare celler",
    inconsistencies: "Inkonsistenser i alt (printed-tables.json)",
  },
  recUnmarked: (count, where) => `${count} ${count === 1 ? "beregnet tall" : "beregnede tall"} ${where === "here" ? "her" : "over"} har ingen markør: ingen opptelling av ensemblet deler dem (avledede variabler, utsagn i løpende tekst)`,
  recFlaggedCaption: (count, filtered) => `${count} ${count === 1 ? "tall avviker" : "tall avviker"} fra målet${filtered ? " (ventet under et filter)" : ""}`,
  recFlaggedAudit: (n, filtered, soft, undocumented) => `N = ${n}${filtered ? " (filtrert)" : ""} · residual = beregnet − mål; prosenter avrundet som trykt · ${soft} myke, ${undocumented} ${filtered ? "avviker under filteret" : "udokumenterte"} · motor: src/data/residuals.ts`,
  recTableCaption: (id, caption, c) => `${id} — ${caption} (${c.compared} tall: ${c.exact} nøyaktige, ${c.resolved} løst, ${c.soft} myke, ${c.differing} avviker)`,
  recSeedLines: (from, to) => `Kildelinje ${from}–${to}. Residual = beregnet − mål (trykt, eller løsningen på en dokumentert konflikt); prosenter sammenlignet etter avrunding som trykt.`,
  recNotRecounted: (rows, kind) => `Ikke talt opp: ${rows} (rader av typen ${kind}).`,
  recHiddenMatching: (count) => `${count} like tall skjult.`,
  recTermDescription: "Beskrivelse",
  recTermReasoning: "Begrunnelse",
  recTermResolution: "Løsning",
  recTouchesNone: "Berører ingen opptellbar celle (en liste, en tittel, spørreskjemaet eller en trykt sum): forklart, ikke beregnet.",
  recCellsCarry: (count, statuses) => `${count === 1 ? "1 beregnet celle har" : `${count} beregnede celler har`} denne id-en (${statuses})`,
  recPrefixPrinted: "trykt",
  recPrefixTarget: "mål",
  recPrefixRecomputed: "beregnet",
  recTextFigure: (name) => `teksttall «${name}»`,
  recTableRef: (id) => `Tabell ${id}`,
  percentagePoints: "pp",
  recHeadlineEmpty: "Ingen respondenter passer filteret: ingenting å beregne. De trykte tabellene gjelder alle 267; nullstill filteret for å avstemme.",
  recHeadlineFiltered: (n) => `Filtrert til ${n} respondenter: de trykte tabellene gjelder alle 267, så omregningen avviker fra trykket med vilje (tallene under sier hvor mye, og hvor mye det avhenger av rekonstruksjonen). Nullstill filteret for å avstemme.`,
  recHeadline: (c) => `${c.compared} trykte tall beregnet på nytt fra ${c.n} respondenter: ${c.exact} nøyaktige, ${c.conflictsMet} dokumenterte konflikter truffet på løst verdi, ${c.soft} myke tekstutsagn (${c.softExact} nøyaktig på det oppgitte tallet), ${c.differences === 0 ? "ingen udokumenterte avvik" : `${c.differences} udokumenterte avvik`}.`,
  withheld: (threshold) => `Delt visning: færre enn ${threshold} respondenter passer dette filteret, så tabellen er holdt tilbake (vern mot avsløring). Vid ut filteret for å se den.`,
};

const en: TableMessages = {
  recStatus: (status) => ({ "match": "✓", "conflict-met": "✓ resolution", "soft": "≈ text", "conflict-off": "✗ misses resolution", "difference": "✗ differs" })[status],
  recColumns: { table: "Table", row: "Row", variable: "Variable", category: "Category", measure: "Measure", printed: "Printed", resolved: "Resolved", recomputed: "Recomputed", residual: "Residual", conflict: "Conflict" },
  recSummaryCaption: (filtered) => (filtered ? "Printed figures against the filtered recomputation (not comparable)" : "Printed figures against the recomputation"),
  recSummaryRows: {
    compared: "Figures compared",
    exact: "Exact matches",
    conflictsMet: "Documented conflicts met at their resolved value",
    soft: "Soft text statements",
    softOff: "… of which not exactly the stated round figure (approximate wording)",
    conflictsOff: "Documented conflicts whose resolution is missed",
    differencesFiltered: "Differences (expected under a filter)",
    differences: "Undocumented differences",
    skipped: "Printed rows with nothing to recount (lists)",
    touching: "Inconsistencies touching recountable cells",
    inconsistencies: "Inconsistencies in all (printed-tables.json)",
  },
  recUnmarked: (count, where) => `${count} recomputed figure${count === 1 ? "" : "s"} ${where} carry no marker: no recount of the ensemble shares them (derived variables, running-text statements)`,
  recFlaggedCaption: (count, filtered) => `${count} figure${count === 1 ? "" : "s"} differ from their target${filtered ? " (expected under a filter)" : ""}`,
  recFlaggedAudit: (n, filtered, soft, undocumented) => `N = ${n}${filtered ? " (filtered)" : ""} · residual = recomputed − target; percentages rounded as printed · ${soft} soft, ${undocumented} ${filtered ? "differing under the filter" : "undocumented"} · engine: src/data/residuals.ts`,
  recTableCaption: (id, caption, c) => `${id} — ${caption} (${c.compared} figures: ${c.exact} exact, ${c.resolved} resolved, ${c.soft} soft, ${c.differing} differing)`,
  recSeedLines: (from, to) => `Seed lines ${from}–${to}. Residual = recomputed − target (printed, or the resolution of a documented conflict); percentages compared after rounding as printed.`,
  recNotRecounted: (rows, kind) => `Not recounted: ${rows} (${kind} rows).`,
  recHiddenMatching: (count) => `${count} matching figures hidden.`,
  recTermDescription: "Description",
  recTermReasoning: "Reasoning",
  recTermResolution: "Resolution",
  recTouchesNone: "Touches no recountable cell (a list, a caption, the questionnaire or a printed sum): explained, not recomputed.",
  recCellsCarry: (count, statuses) => `${count === 1 ? "1 recomputed cell carries" : `${count} recomputed cells carry`} this id (${statuses})`,
  recPrefixPrinted: "printed",
  recPrefixTarget: "target",
  recPrefixRecomputed: "recomputed",
  recTextFigure: (name) => `text figure “${name}”`,
  recTableRef: (id) => `Table ${id}`,
  percentagePoints: "pp",
  recHeadlineEmpty: "No respondents match the filter: nothing to recompute. The printed tables are for all 267; clear the filter to reconcile.",
  recHeadlineFiltered: (n) => `Filtered to ${n} respondents: the printed tables are for all 267, so the recomputation diverges from the print by design (the counts below say by how much, and how much that depends on the reconstruction). Clear the filter to reconcile.`,
  recHeadline: (c) => `${c.compared} printed figures recomputed from ${c.n} respondents: ${c.exact} exact, ${c.conflictsMet} documented conflicts met at their resolved value, ${c.soft} soft text statements (${c.softExact} at exactly the stated figure), ${c.differences === 0 ? "no undocumented differences" : `${c.differences} undocumented difference${c.differences === 1 ? "" : "s"}`}.`,
  withheld: (threshold) => `Shared view: fewer than ${threshold} respondents match this filter, so the table is withheld (disclosure guard). Widen the filter to see it.`,
};

/** The generated tables' catalogue of each language (also inside `messages`). */
export const tableMessages = { nb, en } as const;
