/**
 * What a cell showed on its previous run, offered to the builtins it calls while it runs again, so a
 * table or chart can be drawn into the element the cell already shows instead of a new one (issue
 * 12: a filter change reruns every cell that reads the selection; an output shown as the same node
 * is not torn down and built again by the page).
 *
 * Surprising: this is module state, set only during the synchronous stretch of one cell's body
 * (`offerEarlierOutputs`, called by the runtime). A builtin called at any other time — from an event
 * handler, after an `await`, from a cell that showed nothing — is offered nothing and draws afresh,
 * so an output can only ever be taken back by the cell that showed it, and each only once per run.
 */

interface Offer {
  outputs: readonly unknown[];
  taken: Set<unknown>;
}

let offered: Offer | undefined;

/** Run `body` (a cell's code) with `outputs` (its previous run's displays) on offer; returns what it returns. */
export function offerEarlierOutputs<T>(outputs: readonly unknown[], body: () => T): T {
  const outer = offered;
  offered = outputs.length > 0 ? { outputs, taken: new Set() } : undefined;
  try {
    return body();
  } finally {
    offered = outer;
  }
}

/**
 * The first output on offer for which `find` gives a value, taken (no later call of this run gets
 * it); undefined when nothing on offer fits or nothing is offered.
 */
export function takeEarlierOutput<R>(find: (output: unknown) => R | undefined): R | undefined {
  const offer = offered;
  if (!offer) return undefined;
  for (const output of offer.outputs) {
    if (offer.taken.has(output)) continue;
    const found = find(output);
    if (found === undefined) continue;
    offer.taken.add(output);
    return found;
  }
  return undefined;
}
