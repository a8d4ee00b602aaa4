import { LitElement } from "lit";

/**
 * A Lit element that renders into itself (light DOM) instead of a shadow root, as Lit's docs show
 * (`createRenderRoot` returning `this`): the app's one stylesheet, Observable Inputs' and Plot's
 * styles and CodeMirror's reach what every `nb-*` component draws (docs/decisions.md, "Workbench
 * UI"). Every component extends it rather than repeating the override.
 */
export class LightElement extends LitElement {
  protected override createRenderRoot(): HTMLElement {
    return this;
  }
}
