/**
 * Boots the notebook frame (`frame.html`, loaded by the shell into a sandboxed iframe with an
 * opaque origin): it waits for the shell to open a notebook, then shows it in <nb-notebook> with its
 * cells, outputs and the filter bar. Everything a notebook runs runs here; see app/sandbox/.
 */
import "./components/workbench.css";
import "../node_modules/@observablehq/inputs/dist/index.css";
import { FrameController } from "./app/sandbox/frame-controller";
import type {} from "./app/test-hooks";
import "./components/nb-notebook";

const controller = new FrameController(window, (opened) => {
  const notebook = document.createElement("nb-notebook");
  notebook.session = opened.session;
  notebook.scope = opened.scope;
  notebook.shared = opened.view === "shared";
  // A shared link opens as a report (once it runs: a preview shows the code to be trusted).
  notebook.report = opened.view === "shared";
  document.body.append(notebook);
});
window.tverrsnitt = { ready: controller.whenOpen().then(() => undefined), idle: () => controller.idle() };

// Before the shell opens a notebook (this frame loads with the page, or is preloaded while the
// reader is in another notebook), load the code a survey notebook needs first, so opening one
// waits for its data and cells and not for its modules (issue 12: cold start, sidebar).
void import("./analysis/survey-source").catch(() => undefined);
void import("./analysis/all-builtins").catch(() => undefined);
