/**
 * <nb-reference-panel>: every builtin a cell can name — signature, one-line description, options
 * with their types, and an example that inserts as a cell and runs. Read from the generated
 * reference, so it says what the source says.
 */
import { LocaleController } from "../locale-controller";
import { html, nothing } from "lit";
import { LightElement } from "../light-element";
import { customElement, state } from "lit/decorators.js";
import { authoringHost } from "./authoring-host";
import { insertCells } from "./insert-cells";
import { loadReference, type LoadedEntry } from "./reference-data";

/** Doc text with its `code` spans set as code (the JSDoc's markdown backticks). */
function docText(text: string): unknown[] {
  return text.split(/`([^`]+)`/).map((part, i) => (i % 2 === 1 ? html`<code>${part}</code>` : part));
}


@customElement("nb-reference-panel")
export class NbReferencePanel extends LightElement {
  private readonly i18n = new LocaleController(this);
  @state() private entries: LoadedEntry[] = [];
  @state() private query = "";
  @state() private open = new Set<string>();

  override connectedCallback(): void {
    super.connectedCallback();
    void loadReference().then((entries) => (this.entries = entries));
  }

  /** Show one entry (by name, e.g. from an error's link) opened and scrolled to. */
  async show(name: string): Promise<void> {
    this.entries = await loadReference();
    this.query = "";
    this.open = new Set([...this.open, name]);
    await this.updateComplete;
    this.querySelector(`[data-name="${CSS.escape(name)}"]`)?.scrollIntoView({ block: "start" });
  }

  private shows(e: LoadedEntry): boolean {
    const q = this.query.trim().toLowerCase();
    // The details too: an analyst searches SPSS's words ("anova", "weight by", "select if"), which
    // the `stats` entry maps to builtins beyond its first sentence.
    return !q || e.name.toLowerCase().includes(q) || e.description.toLowerCase().includes(q) || e.details.toLowerCase().includes(q);
  }

  private toggle(name: string): void {
    const open = new Set(this.open);
    if (open.has(name)) open.delete(name);
    else open.add(name);
    this.open = open;
  }

  private insert(example: string): void {
    const host = authoringHost();
    if (host && !host.readonly) insertCells(host.session, [{ kind: "js", source: example }]);
  }

  private entry(e: LoadedEntry): unknown {
    const opened = this.open.has(e.name) || this.query.trim() !== "";
    const host = authoringHost();
    const a = this.i18n.words.authoring;
    return html`<article class="nb-ref-entry" id=${e.anchor} data-name=${e.name}>
      <button class="nb-ref-head" aria-expanded=${opened} @click=${() => this.toggle(e.name)}>
        <code class="nb-ref-signature">${e.signature}</code>
        <span class="nb-ref-description">${docText(e.description)}</span>
      </button>
      ${opened
        ? html`<div class="nb-ref-body">
            ${e.details && e.details !== e.description ? html`<p class="nb-ref-details">${docText(e.details)}</p>` : nothing}
            ${e.options.length
              ? html`<table class="nb-ref-options">
                  <caption>${a.optionsCaption}</caption>
                  <tbody>${e.options.map((o) => html`<tr><th scope="row"><code>${o.name}${o.optional ? "?" : ""}</code></th><td><code>${o.type}</code></td><td>${docText(o.doc ?? "")}</td></tr>`)}</tbody>
                </table>`
              : nothing}
            ${e.fields.length
              ? html`<table class="nb-ref-options">
                  <caption>${a.fieldsCaption}</caption>
                  <tbody>${e.fields.map((o) => html`<tr><th scope="row"><code>${o.name}</code></th><td><code>${o.type}</code></td><td>${docText(o.doc ?? "")}</td></tr>`)}</tbody>
                </table>`
              : nothing}
            ${e.members.length ? html`<p class="nb-ref-members">${a.members} ${e.members.map((m) => html`<a href=${`#${this.entries.find((x) => x.name === m)?.anchor ?? ""}`} @click=${(ev: Event) => (ev.preventDefault(), void this.show(m))}><code>${m}</code></a> `)}</p>` : nothing}
            <div class="nb-ref-example">
              <pre><code>${e.example}</code></pre>
              ${host && !host.readonly ? html`<button class="nb-button nb-primary" @click=${() => this.insert(e.example)}>${a.insertAsCell}</button>` : nothing}
            </div>
            ${e.links.length
              ? // The notebook's frame opens no other pages (it is sandboxed without popups): the address is shown to copy.
                html`<p class="nb-ref-links">${e.links.map((l) => html`<span>${l.label}: <code>${l.href}</code></span> `)}</p>`
              : nothing}
          </div>`
        : nothing}
    </article>`;
  }

  protected override render(): unknown {
    const a = this.i18n.words.authoring;
    if (this.entries.length === 0) return html`<p class="nb-panel-loading">${a.loadingReference}</p>`;
    const shown = this.entries.filter((e) => this.shows(e));
    const groups = [...new Set(shown.map((e) => e.group))];
    return html`<div class="nb-ref">
      <input class="nb-panel-search" type="search" placeholder=${a.searchReference} aria-label=${a.searchReferenceLabel} .value=${this.query} @input=${(e: Event) => (this.query = e.target instanceof HTMLInputElement ? e.target.value : "")} />
      <p class="nb-panel-count">${a.builtinCount(shown.length, this.entries.length)}</p>
      ${groups.map((g) => html`<section><h3>${Object.entries(a.groups).find(([key]) => key === g)?.[1] ?? g}</h3>${shown.filter((e) => e.group === g).map((e) => this.entry(e))}</section>`)}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "nb-reference-panel": NbReferencePanel;
  }
}
