/**
 * <nb-locale-switch>: the header's language switch, "norsk | English" — two buttons, the current
 * one pressed. Each language is named in itself, so a reader who does not know the current one
 * still finds their own. The choice is the shell's (AppLocale: remembered, sent to the notebook).
 */
import { html } from "lit";
import { LightElement } from "./light-element";
import { customElement, property } from "lit/decorators.js";
import type { AppLocale } from "../app/app-locale";
import { LOCALES, messages } from "../base/locale/locale";
import { ModelController } from "./model-controller";

@customElement("nb-locale-switch")
export class NbLocaleSwitch extends LightElement {
  @property({ attribute: false }) state: AppLocale | undefined;

  constructor() {
    super();
    new ModelController(this, () => this.state, (state, listener) => state.onChange(listener));
  }

  protected override render(): unknown {
    const current = this.state?.locale;
    return html`<div class="nb-locale-switch" role="group" aria-label=${messages[current ?? "nb"].languageSwitch}>
      ${LOCALES.map((locale) => html`<button type="button" class="nb-locale" lang=${locale} aria-pressed=${current === locale ? "true" : "false"}
        @click=${() => this.state?.set(locale)}>${messages[locale].languageName}</button>`)}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "nb-locale-switch": NbLocaleSwitch;
  }
}
