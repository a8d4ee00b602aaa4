/**
 * 04's two big views — every figure by table (727 rows) and the flagged figures (hundreds under a
 * filter) — kept when drawn for a filter the second time, and given again as a copy whenever that
 * filter comes back (issue 12: back to "no filter" is the commonest what-if step, and drawing those
 * rows is most of 04's time).
 *
 * Surprising, so spelled out: the key is not the reconciliation object (a new one is built on
 * every change) but what it is a function of. A reconciliation built on a selection is made from
 * the selection's survey (its rows, print, codebook and ensemble of reconstructions) and the
 * filter's conditions alone (`reconcileSelection`; the figures' evidence from the same survey's
 * draws under the same conditions), and a view of it from the options (mask, threshold, only
 * flagged, language) — so those, with the document, are the key. A reconciliation not built by
 * `reconciliation.build` is drawn afresh every time.
 */
import { keepNewest } from "../../base/recent-entries";
import { conditionsKey } from "../evidence/frame-counter";
import type { Reconciliation } from "./reconcile";
import { selectionOfReconciliation } from "./reconciliation-evidence";
import type { ReconciliationRenderOptions } from "./render-reconciliation";
import { isElementNode } from "../../base/guards";

/**
 * Filters whose views are kept per survey, document and kind of view (the one asked for longest ago
 * goes first): a copy of every figure by table is some 20,000 nodes, and a county's flagged figures
 * as many. Two keep the commonest what-if, one filter and back to none, given both ways; a third
 * kept 30,000–40,000 more detached nodes in 04's frame (measured after GC, stop 23) for a filter
 * that comes back only after two others.
 */
export const VIEWS_KEPT = 2;

/** Per document, per survey, per kind of view: view key → the element as first drawn (never shown itself). */
const kept = new WeakMap<Document, WeakMap<object, Map<string, Map<string, Node>>>>();

/** The view keys drawn once, per map of kept views (a view is kept when drawn a second time). */
const seenKeys = new WeakMap<Map<string, Node>, Set<string>>();

/** View keys remembered as drawn once. */
const SEEN_KEPT = 32;

/** How often a view was given from the kept ones, and drawn afresh (for tests). */
export const keptViewStats = { hits: 0, draws: 0 };

/** A view kept or to keep: `copy`, a copy of it drawn before, or `keep(drawn)` once drawn (returns `drawn`). */
export interface ViewKeeper {
  copy: HTMLElement | undefined;
  keep(drawn: HTMLElement): HTMLElement;
}

/**
 * `rec`'s view `kind` under `options` as kept: a copy of it drawn before for the same survey,
 * conditions and options, or where to keep it once drawn (a view drawn over several tasks,
 * `reconciliation.tables`, is kept when its last part is drawn). The kept element is never handed
 * out, only copies, so nothing a page does to a view shown (a menu added, a row opened) reaches the next.
 */
export function viewKeeper(doc: Document, rec: Reconciliation, kind: string, options: ReconciliationRenderOptions): ViewKeeper {
  const selection = selectionOfReconciliation(rec);
  if (!selection) return { copy: undefined, keep: (drawn) => drawn };
  let bySurvey = kept.get(doc);
  if (!bySurvey) kept.set(doc, (bySurvey = new WeakMap()));
  let kinds = bySurvey.get(selection.survey);
  if (!kinds) bySurvey.set(selection.survey, (kinds = new Map()));
  // Every figure and only the flagged ones are two views, each with its own filters kept.
  const sort = `${kind}\u0000${options.onlyFlagged === true}`;
  let views = kinds.get(sort);
  if (!views) kinds.set(sort, (views = new Map()));
  // Every option the drawing reads is in the key: without `flaggedLimit`, a flagged table asked for
  // its 2 furthest figures was given a kept copy of the 12 another call asked for.
  const key = [conditionsKey(selection), rec.filtered, options.mask === true, options.threshold ?? "", options.onlyFlagged === true, options.locale ?? "", options.flaggedLimit ?? ""].join("\u0000");
  const known = views.get(key);
  if (known) {
    views.delete(key);
    views.set(key, known);
    const copy = known.cloneNode(true);
    if (isElementNode(copy)) {
      keptViewStats.hits++;
      return { copy, keep: (drawn) => drawn };
    }
  }
  const into = views;
  const keep = (drawn: HTMLElement): HTMLElement => {
    keptViewStats.draws++;
    // A copy to keep costs about a fifth of the drawing, so a view is kept only when its filter comes
    // back a second time: opening 04 and a filter tried once pay nothing.
    let seen = seenKeys.get(into);
    if (!seen) seenKeys.set(into, (seen = new Set()));
    if (!seen.has(key)) {
      seen.add(key);
      keepNewest(seen, SEEN_KEPT);
      return drawn;
    }
    into.set(key, drawn.cloneNode(true));
    keepNewest(into, VIEWS_KEPT);
    return drawn;
  };
  return { copy: undefined, keep };
}

/** `draw()` of `rec`'s view `kind` under `options`, or a copy of it drawn before ({@link viewKeeper}). */
export function keptView(doc: Document, rec: Reconciliation, kind: string, options: ReconciliationRenderOptions, draw: () => HTMLElement): HTMLElement {
  const keeper = viewKeeper(doc, rec, kind, options);
  return keeper.copy ?? keeper.keep(draw());
}
