/**
 * A reactive controller that keeps a component subscribed to one of the app's models (Workbench,
 * NotebookSession, DataSource, SurveyScope): it subscribes when the component connects, follows the
 * model when the component's property points to another one, and unsubscribes when it disconnects.
 * By default a change re-renders the component.
 */
import type { ReactiveController, ReactiveControllerHost } from "lit";

/** Subscribe `listener` to `model`; returns the unsubscribe function. */
export type Subscribe<M, A extends unknown[]> = (model: M, listener: (...args: A) => void) => () => void;

export class ModelController<M extends object, A extends unknown[] = []> implements ReactiveController {
  private model: M | undefined;
  private unsubscribe: (() => void) | undefined;
  private connected = false;

  /**
   * @param host the component
   * @param current reads the model the component shows now (its property)
   * @param subscribe how to listen to that model
   * @param onChange what a change does (default: re-render)
   */
  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly current: () => M | undefined,
    private readonly subscribe: Subscribe<M, A>,
    private readonly onChange: (...args: A) => void = () => host.requestUpdate(),
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.connected = true;
    this.follow();
  }

  hostUpdate(): void {
    this.follow();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.model = undefined;
  }

  private follow(): void {
    const model = this.connected ? this.current() : undefined;
    if (model === this.model) return;
    this.unsubscribe?.();
    this.model = model;
    this.unsubscribe = model ? this.subscribe(model, (...args: A) => this.onChange(...args)) : undefined;
  }
}
