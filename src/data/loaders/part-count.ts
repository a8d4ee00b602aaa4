/**
 * How many parts a file is read in (`split-load.ts`): one per core the browser offers, at most
 * {@link MAX_PARTS}, and none smaller than {@link MIN_PART_BYTES}. Its own module so the page can
 * decide how many workers to start without loading the loaders.
 */

/** No part smaller than this: below it, starting a worker and joining costs more than it saves. */
export const MIN_PART_BYTES = 8 * 1024 * 1024;

/** More workers than this only compete with the page for memory bandwidth. */
export const MAX_PARTS = 4;

/** Parts for a file of `size` bytes on a machine with `cores` logical cores (at least 1). */
export function partCount(size: number, cores: number, minPartBytes = MIN_PART_BYTES): number {
  const usable = Number.isFinite(cores) && cores >= 1 ? Math.floor(cores) : 1;
  return Math.max(1, Math.min(usable, MAX_PARTS, Math.floor(size / minPartBytes)));
}
