/**
 * A reactive controller that gives a component the words of the page's language and re-renders it
 * when the language changes. The language is the document's `<html lang>`: the shell sets it from
 * the header's switch (main.ts, AppLocale) and the notebook frame from the shell's `locale` message
 * (frame-controller.ts). So every component of either page — header, dialogs, cells, authoring
 * tools — follows the one choice without a locale property handed down through every level, and
 * screen readers pronounce the text in the language it is written in.
 *
 * One MutationObserver per document, shared by every component; the subscribing is ModelController's.
 */
import type { ReactiveControllerHost } from "lit";
import { DEFAULT_LOCALE, isLocale, localeFromLanguages, messages, type Locale, type Messages } from "../base/locale/locale";
import { ModelController } from "./model-controller";
import { Listeners } from "../base/listeners";

/** The language of one document, as its `<html lang>` says. */
export class DocumentLocale {
  private readonly listeners = new Listeners<[locale: Locale]>();
  private observer: MutationObserver | undefined;
  private last: Locale;

  constructor(private readonly doc: Document) {
    this.last = this.locale;
  }

  /** The language: "nb" or "en"; another tag (index.html's "en" before boot, "en-US") by its language. */
  get locale(): Locale {
    const lang = this.doc.documentElement.lang;
    if (isLocale(lang)) return lang;
    return lang ? localeFromLanguages([lang]) : DEFAULT_LOCALE;
  }

  /** Call `listener` when the language changes; returns the unsubscribe function. */
  onChange(listener: (locale: Locale) => void): () => void {
    const remove = this.listeners.add(listener);
    if (!this.observer) {
      this.last = this.locale;
      this.observer = new MutationObserver(() => this.check());
      this.observer.observe(this.doc.documentElement, { attributes: true, attributeFilter: ["lang"] });
    }
    return () => {
      remove();
      if (this.listeners.size === 0) {
        this.observer?.disconnect();
        this.observer = undefined;
      }
    };
  }

  private check(): void {
    const locale = this.locale;
    if (locale === this.last) return;
    this.last = locale;
    this.listeners.emit(locale);
  }
}

const documents = new WeakMap<Document, DocumentLocale>();

/** The one {@link DocumentLocale} of `doc`. */
export function documentLocale(doc: Document): DocumentLocale {
  let found = documents.get(doc);
  if (!found) documents.set(doc, (found = new DocumentLocale(doc)));
  return found;
}

/** The controller (see the file comment): `controller.words` are the current language's messages. */
export class LocaleController {
  private readonly source: DocumentLocale;

  constructor(host: ReactiveControllerHost & Element) {
    this.source = documentLocale(host.ownerDocument);
    new ModelController(host, () => this.source, (source, listener) => source.onChange(listener));
  }

  /** The current language. */
  get locale(): Locale {
    return this.source.locale;
  }

  /** The current language's words. */
  get words(): Messages {
    return messages[this.locale];
  }
}
