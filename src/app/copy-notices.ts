/**
 * Copies the user has not been told about yet. A tab's edits go to a copy when another tab saved the
 * notebook first; the tab says so in a banner — unless it is closing, which is when its last save
 * (and the conflict) often happens. So each copy is noted in localStorage, shared by the tabs, until
 * a tab has said it; the next tab that lists the notebooks says what the closed tab could not.
 */
import { namesUnder, pageLocalStorage, removeLocal } from "./page-local-storage";

const NOTICE_PREFIX = "tverrsnitt-copy:";

/** A copy `copy` of the notebook `key` that no tab has told the user about yet. */
export interface CopyNotice {
  key: string;
  copy: string;
}

/** Note that `key`'s edits were saved as `copy`; a full or blocked storage notes nothing (the copy is still listed). */
export function noteCopy(notice: CopyNotice): void {
  try {
    pageLocalStorage()?.setItem(NOTICE_PREFIX + notice.copy, notice.key);
  } catch {
    // Nothing noted: the copy itself is stored and listed.
  }
}

/** Every copy noted and not yet told. */
export function untoldCopies(): CopyNotice[] {
  const notices: CopyNotice[] = [];
  for (const copy of namesUnder(NOTICE_PREFIX)) {
    const key = pageLocalStorage()?.getItem(NOTICE_PREFIX + copy);
    if (key) notices.push({ key, copy });
  }
  return notices;
}

/** The user was told about `copy` (or it was deleted). */
export function forgetCopy(copy: string): void {
  removeLocal(NOTICE_PREFIX + copy);
}
