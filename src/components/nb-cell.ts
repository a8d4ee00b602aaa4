/**
 * <nb-cell>: one notebook cell — its source, its output, its status, and a strip of actions (run,
 * move, delete, add). The source shows as static text until the user clicks or focuses it; then the
 * CodeMirror 6 editor is loaded (on demand: it is the largest part of the bundle) and mounted in its
 * place. Shift-Enter runs the cell; an edit that has not been run is marked "changed". Rendered in
 * light DOM so that Inputs', Plot's and CodeMirror's global styles reach the output and the editor.
 *
 * A markdown cell being edited also shows its text in bokmål (and in any other language it has one
 * in) under its source: plain text, taken when the field loses focus (`nb-variant`).
 *
 * Events (bubbling, typed in events.ts): `nb-draft` {id, text}, `nb-run` {id}, `nb-variant` {id, lang, text}, `nb-cell-action` {id, action}.
 */
import { html, nothing, type PropertyValues } from "lit";
import { LightElement } from "./light-element";
import { customElement, property, state } from "lit/decorators.js";
import { guard } from "lit/directives/guard.js";
import { CELL_KIND_NAMES, type CellDoc, type CellKind } from "../notebook/document";
import { isMarkdownOutput, isUnsupportedCellOutput, type CellRuntimeState } from "../runtime/types";
import type { CodeEditor } from "./code-editor";
import { codeLines } from "../base/hidden-characters";
import { codeFragment } from "./highlight";
import { LocaleController } from "./locale-controller";
import { fire } from "./events";
import { makeOutputAccessible } from "./output-a11y";
import { cellViewport } from "../app/cell-viewport";
import { renderError, renderValue, showOutput, withExportMenus } from "./render-output";
import { isDisplayTable } from "../runtime/display-table";
import { followsLanguage, redrawTable } from "../runtime/localized-tables";
import { relabelInput } from "../runtime/localized-labels";
import { LOCALES, type Locale } from "../base/locale/locale";
import { reportCellTemplate } from "./report-cell";


/** A cell named for people: its defined names, else its number. */
export interface CellRef {
  id: string;
  label: string;
}

/** How long a pause in typing in a bokmål field commits its text (then autosaved like any edit). */
const VARIANT_COMMIT_PAUSE_MS = 600;

/** The short badge of each cell kind in the cell's bar. */
const KIND_BADGES: Readonly<Record<CellKind, string>> = {
  js: "JS", md: "MD", html: "HTML", tex: "TeX", sql: "SQL", dot: "DOT", ojs: "OJS", node: "NODE", python: "PY", other: "?",
};

@customElement("nb-cell")
export class NbCell extends LightElement {
  @property({ attribute: false }) cell!: CellDoc;
  @property({ attribute: false }) draft: string | undefined;
  @property({ attribute: false }) cellState: CellRuntimeState | undefined;
  @property({ attribute: false }) uses: CellRef[] = [];
  @property({ attribute: false }) usedBy: CellRef[] = [];
  @property({ type: Boolean }) preview = false;
  /** A bokmål field's commit waiting for a pause in typing, by language. */
  private readonly variantTimers = new Map<Locale, ReturnType<typeof setTimeout>>();
  /** Report view: the output alone, code folded (report-cell.ts). */
  @property({ type: Boolean }) report = false;
  @property({ type: Number }) index = 0;
  @property({ type: Number }) count = 0;
  /** Markdown cells hide their source until the user opens it. */
  @state() editing = false;
  /** Whether the CodeMirror editor replaces the static source. */
  @state() active = false;
  /** Report view: whether the reader unfolded this cell's code. */
  @state() codeOpen = false;
  private readonly i18n = new LocaleController(this);

  private editor: CodeEditor | undefined;
  private mounting: Promise<void> | undefined;
  private shownDisplays: unknown[] = [];
  private shownError: unknown;
  /** The language the output was drawn in: Arquero and Inputs tables write their numbers in it. */
  private shownLocale: Locale | undefined;
  /** Inputs tables drawn again in the language of the moment, by the display they replace. */
  private redrawn = new Map<unknown, unknown>();

  private get text(): string {
    return this.draft ?? this.cell.source;
  }

  /** Markdown and html cells are read as their rendered output; their source shows when edited. */
  private get rendersAsDocument(): boolean {
    return this.cell.kind === "md" || this.cell.kind === "html";
  }

  private get sourceVisible(): boolean {
    return !this.rendersAsDocument || this.preview || this.editing || this.cell.source.trim() === "";
  }


  override connectedCallback(): void {
    super.connectedCallback();
    // Cells far off screen run after the ones on screen are painted (app/cell-viewport.ts).
    if (this.cell) cellViewport().watch(this, this.cell.id);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const timer of this.variantTimers.values()) clearTimeout(timer);
    this.variantTimers.clear();
    cellViewport().unwatch(this);
    this.editor?.destroy();
    this.editor = undefined;
    this.active = false;
  }

  /** Switch from static source to the editor and focus it (no-op in preview). */
  async activate(): Promise<void> {
    if (this.preview || this.report) return;
    this.active = true;
    await this.updateComplete;
    await this.mountEditor();
    this.editor?.focus("end");
  }

  protected override firstUpdated(): void {
    // A new, empty cell is for typing into right away.
    if (this.cell.source === "" && !this.preview) void this.activate();
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has("cell")) cellViewport().watch(this, this.cell.id);
    // Status-only updates (refresh) must stay cheap: touch the editor only when its inputs changed.
    if (changed.has("cell") || changed.has("draft") || changed.has("preview") || changed.has("editing") || changed.has("active") || changed.has("report")) this.syncEditor();
    if (changed.has("cellState") || changed.has("preview") || changed.has("report")) this.renderOutput();
    // A language switch: tables drawn here (Arquero, Inputs.table) follow it without a rerun.
    else this.renderOutput();
  }

  /** Load CodeMirror (once per page) and mount it; concurrent calls share one mount. */
  private mountEditor(): Promise<void> {
    this.mounting ??= this.doMount().finally(() => {
      this.mounting = undefined;
    });
    return this.mounting;
  }

  private async doMount(): Promise<void> {
    const { createCodeEditor } = await import("./code-editor");
    const host = this.querySelector<HTMLElement>(".nb-cm");
    if (!host || this.editor) return;
    this.editor = createCodeEditor({
      parent: host,
      text: this.text,
      javascript: this.cell.kind === "js",
      label: this.i18n.words.cellSourceLabel(this.index + 1),
      onChange: (text) => fire(this, "nb-draft", { id: this.cell.id, text }),
      onRun: () => fire(this, "nb-run", { id: this.cell.id }),
    });
  }

  /** Keep the editor in step with the props; drop it when it is hidden or the cell turns read-only. */
  private syncEditor(): void {
    if ((this.preview || this.report) && this.active) this.active = false;
    const host = this.querySelector<HTMLElement>(".nb-cm");
    if (!host || !this.active) {
      this.editor?.destroy();
      this.editor = undefined;
      return;
    }
    if (this.editor) this.editor.setText(this.text);
    else void this.mountEditor();
  }

  /** The cell's own element: the one tab stop of the cell in command mode. */
  get article(): HTMLElement | null {
    return this.querySelector(":scope > article");
  }

  /** Select the cell in command mode (focus its article, scrolled into view). */
  focusCell(): void {
    const article = this.article;
    article?.focus({ preventScroll: true });
    article?.scrollIntoView({ block: "nearest" });
  }

  /** Enter: open the editor (a markdown or html cell shows its source first). */
  async edit(): Promise<void> {
    if (this.rendersAsDocument && !this.editing) this.editing = true;
    await this.activate();
  }

  private toggleSource(): void {
    this.editing = !this.editing;
    if (this.editing) void this.activate();
    else this.active = false;
  }

  /**
   * The source as highlighted static text. Drawn through `guard` on the text and kind: a filter
   * change re-renders every cell it reruns twice (pending, then its value), and highlighting every
   * line each time cost about a millisecond a cell.
   */
  private staticCode(): unknown {
    // Lines as JavaScript reads them, hidden characters shown (base/hidden-characters.ts).
    const lines = codeLines(this.text);
    // Not a tab stop of its own: the cell is (Enter edits it, command-mode.ts).
    return html`<pre
      class="nb-code"
      @click=${() => void this.activate()}
    >${codeFragment(this.ownerDocument, lines, this.cell.kind === "js")}</pre>`;
  }

  /**
   * The runtime may update a state object in place: re-render status and output from it.
   *
   * A cell out of view that a filter change makes pending is not drawn again before the viewport's
   * paint (issue 12): each of 01's ten cells below the fold cost a Lit update in the change's first
   * task, before the frame that shows the cells in view, only to write "running…" where no one
   * looks. Its pending state is drawn after that paint, unless a newer state (its value, usually)
   * came first and is drawn instead.
   */
  refresh(state: CellRuntimeState | undefined): void {
    if (state?.status === "pending" && this.cell && !cellViewport().isInView(this.cell.id)) {
      this.held = state;
      if (!this.holding) {
        this.holding = true;
        void cellViewport().nextPaint().then(() => this.drawHeld());
      }
      return;
    }
    this.held = undefined;
    this.draw(state);
  }

  /** A pending state held back for the paint (`refresh`); undefined once drawn or overtaken. */
  private held: CellRuntimeState | undefined;
  /** A paint is awaited to draw `held`. */
  private holding = false;

  private drawHeld(): void {
    this.holding = false;
    const state = this.held;
    this.held = undefined;
    if (state) this.draw(state);
  }

  private draw(state: CellRuntimeState | undefined): void {
    this.cellState = state;
    this.requestUpdate();
    this.renderOutput();
  }

  /** Rebuild the output only when what is shown changed, so a focused input is never torn down. */
  private renderOutput(): void {
    const out = this.querySelector<HTMLElement>(".nb-output");
    if (!out) return;
    const s = this.cellState;
    const error = this.preview ? undefined : s?.error;
    // A failed cell shows its error alone: a value from an earlier run next to it would mislead.
    const displays = this.preview || !s || error ? [] : s.displays.length > 0 ? s.displays : isMarkdownOutput(s.value) || isUnsupportedCellOutput(s.value) ? [s.value] : [];
    const same = error === this.shownError && displays.length === this.shownDisplays.length && displays.every((d, i) => d === this.shownDisplays[i]);
    const locale = this.i18n.locale;
    // An input's label given in each language changes in place: the input, and what the reader chose, stay.
    for (const d of displays) relabelInput(d, locale);
    // An error box is worded in the page's language too (its title, a markdown limit's message).
    const stale = locale !== this.shownLocale && (error !== undefined || displays.some((d) => isDisplayTable(d) || isUnsupportedCellOutput(d) || followsLanguage(d)));
    // While a run displays its outputs one by one, the outputs of the run before that it has not
    // redrawn yet stay (the next display() reuses their export buttons: withExportMenus); the run's
    // end takes away those it did not redraw.
    const running = s?.status === "running" && error === undefined;
    const wanted = error === undefined ? displays.length : 1;
    if (!stale && same) {
      if (!running) while (out.childNodes.length > wanted) out.lastChild?.remove();
      if (out.childNodes.length === wanted || (running && out.childNodes.length > wanted)) return;
    }
    if (!same) this.redrawn.clear();
    this.shownDisplays = displays;
    this.shownError = error;
    this.shownLocale = locale;
    const shown = displays.map((d) => {
      const now = this.redrawn.get(d) ?? d;
      const again = redrawTable(now, locale);
      if (again !== undefined) this.redrawn.set(d, again);
      return again ?? now;
    });
    const nodes: Node[] = shown.map((d) => renderValue(d, locale));
    const before = [...out.childNodes];
    const next = error ? [...nodes, renderError(error, locale)] : withExportMenus(shown, nodes, this.cellState?.defines[0] ?? `cell-${this.cell.id}`, before);
    showOutput(out, running ? [...next, ...before.slice(next.length).filter((n) => !next.includes(n))] : next);
    makeOutputAccessible(out);
  }

  private statusText(): string {
    const t = this.i18n.words;
    if (this.preview) return t.statusNotRun;
    const s = this.cellState;
    if (!s) return "";
    if (s.error) return t.statusError;
    if (s.status === "running" || s.status === "pending") return t.statusRunning;
    return s.lastRunMs !== undefined ? `${Math.round(s.lastRunMs)} ms` : "";
  }

  private refs(label: string, refs: CellRef[]): unknown {
    if (refs.length === 0) return nothing;
    return html`<span class="nb-deps-group"><span class="nb-deps-label">${label}</span>${refs.map(
      (r) => html`<a class="nb-dep" href="#cell-${r.id}" tabindex="-1" @click=${(e: Event) => this.jump(e, r.id)}>${r.label}</a>`,
    )}</span>`;
  }

  private jump(event: Event, id: string): void {
    event.preventDefault();
    document.getElementById(`cell-${id}`)?.scrollIntoView({ behavior: "smooth", block: "center" });
  }

  /**
   * A markdown cell's texts in other languages while its source is open: bokmål always (empty until
   * written), any other language the cell has a text in. A field commits when it loses focus. In a
   * preview, read-only: every text the cell has.
   */
  private variantFields(): unknown {
    if (this.cell.kind !== "md") return nothing;
    const t = this.i18n.words;
    const variants = this.cell.variants;
    // In a preview every text the cell may run is shown: the reader's language picks which one runs
    // once they agree, and a `${…}` in it is code (a stranger's bokmål text was run unseen, atk30).
    if (this.preview) {
      return LOCALES.filter((lang) => variants?.[lang] !== undefined).map(
        (lang) => html`<div class="nb-variant is-preview">
          <span class="nb-variant-label">${t.variantLabel(lang)}</span>
          <pre class="nb-variant-text" lang=${lang} data-lang=${lang}>${variants?.[lang] ?? ""}</pre>
        </div>`,
      );
    }
    if (!this.editing) return nothing;
    const langs = LOCALES.filter((lang) => lang === "nb" || variants?.[lang] !== undefined);
    return langs.map(
      (lang) => html`<label class="nb-variant">
        <span class="nb-variant-label">${t.variantLabel(lang)}</span>
        <textarea class="nb-variant-text" lang=${lang} data-lang=${lang} spellcheck="true" rows="6"
          .value=${variants?.[lang] ?? ""}
          @input=${(e: Event) => this.commitVariantSoon(e, lang)}
          @change=${(e: Event) => this.commitVariant(e, lang)}></textarea>
      </label>`,
    );
  }

  /**
   * Typing commits after a pause, not only when the field loses focus: the autosave then has the
   * text, and a tab closed mid-sentence loses at most the last pause's worth (the source editor
   * keeps a draft; this plain field commits instead). The commit lands in this task, so the field's
   * re-render never runs behind a keystroke.
   */
  private commitVariantSoon(event: Event, lang: Locale): void {
    const area = event.currentTarget;
    if (!(area instanceof HTMLTextAreaElement)) return;
    clearTimeout(this.variantTimers.get(lang));
    this.variantTimers.set(lang, setTimeout(() => this.commitVariantText(area, lang), VARIANT_COMMIT_PAUSE_MS));
  }

  private commitVariant(event: Event, lang: Locale): void {
    const area = event.currentTarget;
    if (area instanceof HTMLTextAreaElement) this.commitVariantText(area, lang);
  }

  private commitVariantText(area: HTMLTextAreaElement, lang: Locale): void {
    clearTimeout(this.variantTimers.get(lang));
    this.variantTimers.delete(lang);
    fire(this, "nb-variant", { id: this.cell.id, lang, text: area.value });
  }

  protected override render(): unknown {
    if (this.report) {
      return reportCellTemplate({ words: this.i18n.words, cell: this.cell, state: this.cellState, codeOpen: this.codeOpen, toggleCode: () => (this.codeOpen = !this.codeOpen), code: () => this.staticCode() });
    }
    const changed = this.draft !== undefined && this.draft !== this.cell.source;
    const s = this.cellState;
    const classes = ["nb-cell", `nb-cell-${this.cell.kind}`, changed ? "is-changed" : "", s?.error && !this.preview ? "has-error" : "", this.preview ? "is-preview" : ""].join(" ");
    const t = this.i18n.words;
    const name = t.cellName(this.index + 1, this.count, CELL_KIND_NAMES[this.cell.kind], changed, Boolean(s?.error) && !this.preview);
    // One tab stop per cell (command mode): the article; the buttons are for the mouse, keys do the same.
    return html`<article class=${classes} id=${`cell-${this.cell.id}`} data-cell-id=${this.cell.id} tabindex="0" aria-label=${name}
      aria-keyshortcuts=${this.preview ? nothing : "Enter Shift+Enter Control+Enter A B D"}>
      <div class="nb-cell-bar">
        <span class="nb-cell-kind" title=${t.cellKindTitle(CELL_KIND_NAMES[this.cell.kind])}>${KIND_BADGES[this.cell.kind]}</span>
        ${changed ? html`<span class="nb-changed" title=${t.changedTitle}>${t.changedHint}</span>` : nothing}
        <span class="nb-status">${this.statusText()}</span>
        <span class="nb-cell-actions">
          ${this.rendersAsDocument && !this.preview
            ? html`<button class="nb-icon" tabindex="-1" title=${this.editing ? t.hideSource : t.editSource} @click=${() => this.toggleSource()}>${this.editing ? t.hide : t.edit}</button>`
            : nothing}
          ${this.preview
            ? nothing
            : html`<button tabindex="-1" class="nb-icon nb-run" title=${t.runCellTitle} @click=${() => fire(this, "nb-run", { id: this.cell.id })}>▶</button>
                <button tabindex="-1" class="nb-icon" title=${t.moveUp} ?disabled=${this.index === 0} @click=${() => fire(this, "nb-cell-action", { id: this.cell.id, action: "up" })}>↑</button>
                <button tabindex="-1" class="nb-icon" title=${t.moveDown} ?disabled=${this.index >= this.count - 1} @click=${() => fire(this, "nb-cell-action", { id: this.cell.id, action: "down" })}>↓</button>
                <button tabindex="-1" class="nb-icon" title=${t.addJsBelow} @click=${() => fire(this, "nb-cell-action", { id: this.cell.id, action: "add-js" })}>+JS</button>
                <button tabindex="-1" class="nb-icon" title=${t.addMdBelow} @click=${() => fire(this, "nb-cell-action", { id: this.cell.id, action: "add-md" })}>+MD</button>
                <button tabindex="-1" class="nb-icon nb-delete" title=${t.deleteCell} @click=${() => fire(this, "nb-cell-action", { id: this.cell.id, action: "delete" })}>✕</button>`}
        </span>
      </div>
      ${this.rendersAsDocument ? html`<div class="nb-output" aria-live="polite"></div>` : nothing}
      ${this.sourceVisible ? html`<div class="nb-editor">${this.active ? html`<div class="nb-cm"></div>` : guard([this.text, this.cell.kind], () => this.staticCode())}</div>` : nothing}
      ${this.variantFields()}
      ${this.rendersAsDocument ? nothing : html`<div class="nb-output" aria-live="polite"></div>`}
      ${this.uses.length + this.usedBy.length > 0 && !this.preview
        ? html`<div class="nb-deps">${this.refs(t.uses, this.uses)}${this.refs(t.usedBy, this.usedBy)}</div>`
        : nothing}
    </article>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "nb-cell": NbCell;
  }
}
