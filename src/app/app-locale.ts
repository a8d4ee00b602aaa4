/**
 * The app's language as the shell keeps it: chosen with the header's switch, remembered in
 * localStorage, and on a first visit taken from the browser's languages (nb, nn, no → norsk, any
 * other → English; docs/decisions.md). Every open notebook frame is told (protocol.ts `locale`);
 * inside it the language is the runtime builtin `locale` (SurveyScope).
 */
import { asLocale, localeFromLanguages, type Locale } from "../base/locale/locale";
import { Listeners } from "../base/listeners";

/** Where the choice is remembered. */
export const LOCALE_STORAGE_KEY = "tverrsnitt.locale";

/** What a frame session needs of the language. */
export interface LocaleState {
  readonly locale: Locale;
  onChange(listener: (locale: Locale) => void): () => void;
}

/** The part of `localStorage` the choice needs (absent or throwing: the choice is not remembered). */
export type LocaleStorage = Pick<Storage, "getItem" | "setItem">;

/** The shell's language (see the file comment). */
export class AppLocale implements LocaleState {
  private current: Locale;
  private readonly listeners = new Listeners<[locale: Locale]>();

  constructor(private readonly storage: LocaleStorage | undefined, languages: readonly string[]) {
    // The stored value is untrusted text (another tab, an old version, a hand edit): checked once here.
    const stored = asLocale(this.read());
    this.current = stored.ok ? stored.value : localeFromLanguages(languages);
  }

  get locale(): Locale {
    return this.current;
  }

  /** Switch the language, remember it, tell the listeners. No-op when it did not change. */
  set(locale: Locale): void {
    if (locale === this.current) return;
    this.current = locale;
    try {
      this.storage?.setItem(LOCALE_STORAGE_KEY, locale);
    } catch {
      // Storage full or blocked (private mode): the switch still works for this page.
    }
    this.listeners.emit(locale);
  }

  onChange(listener: (locale: Locale) => void): () => void {
    return this.listeners.add(listener);
  }

  private read(): string | null {
    try {
      return this.storage?.getItem(LOCALE_STORAGE_KEY) ?? null;
    } catch {
      return null;
    }
  }
}
