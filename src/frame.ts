/**
 * Boots the notebook frame (`frame.html`, loaded by the shell into a sandboxed iframe with an
 * opaque origin): it waits for the shell to open a notebook, then shows it in <nb-notebook> with its
 * cells, outputs and the filter bar. Everything a notebook runs runs here; see app/sandbox/.
 */
// First: starts the notebook's big modules loading before the ones below evaluate (frame-early.ts).
import "./frame-early";
import "./components/workbench.css";
import "../node_modules/@observablehq/inputs/dist/index.css";
import { FrameController } from "./app/sandbox/frame-controller";
import type {} from "./app/test-hooks";
import { usePrecompiled } from "./runtime/cell-compiler";
import { loadSanitizer } from "./components/render-output";
import "./components/nb-notebook";

// The shipped notebooks' cells as the build compiled them: opening one needs no parser (the cell
// compiler and acorn load only for a cell not in the table). The frame controller waits for the
// table before it opens a notebook.
usePrecompiled(import("virtual:shipped-cells").then((m) => m.default));
// DOMPurify, which every markdown output goes through, loads beside the frame's first scripts
// rather than among them; a notebook is drawn only once it is there.
const sanitizer = loadSanitizer();

const controller = new FrameController(window, (opened) => {
  const notebook = document.createElement("nb-notebook");
  notebook.session = opened.session;
  notebook.scope = opened.scope;
  notebook.shared = opened.view === "shared";
  // A shared link opens as a report (once it runs: a preview shows the code to be trusted).
  notebook.report = opened.view === "shared";
  // Loaded long before the shell's `open` arrives in practice. If it cannot be loaded (tried twice),
  // nothing is drawn unsanitized: the frame says so instead.
  sanitizer
    .catch(() => loadSanitizer())
    .then(
      () => document.body.append(notebook),
      (error: unknown) => {
        document.body.textContent = `The notebook cannot be shown: part of the app did not load (${error instanceof Error ? error.message : String(error)}). Reload the page.`;
      },
    );
});
window.tverrsnitt = { ready: controller.whenOpen().then(() => undefined), idle: () => controller.idle() };

