/**
 * Type declarations for the two Observable packages that ship no types. Only the parts the
 * runtime uses are declared.
 */
declare module "@observablehq/runtime" {
  export interface Observer {
    pending?(): void;
    fulfilled?(value: unknown, name?: string | null): void;
    rejected?(error: unknown, name?: string | null): void;
  }
  export interface Variable {
    define(name: string | null, inputs: string[], definition: (...inputs: never[]) => unknown): Variable;
    delete(): Variable;
  }
  export interface Module {
    variable(observer?: Observer | boolean): Variable;
    value(name: string): Promise<unknown>;
    /** Replace the definition of a variable already defined in this module. */
    redefine(name: string, inputs: string[], definition: (...inputs: never[]) => unknown): Variable;
  }
  export class Runtime {
    constructor(builtins?: Record<string, () => unknown>, global?: (name: string) => unknown);
    module(): Module;
    dispose(): void;
    /** Set while a recomputation is scheduled or running (private in the runtime; read by idle()). */
    readonly _computing: Promise<void> | null;
    /** Generator pulls waiting for the next recompute (private). */
    readonly _precomputes: unknown[];
    readonly _disposed: boolean;
    /** The module that holds the builtins (private; redefined when the host's data changes). */
    readonly _builtin: Module;
    /** Schedules _computeNow (private; an animation frame by default). */
    _computeSoon: () => Promise<void>;
    _computeNow(): Promise<void>;
  }
  export class RuntimeError extends Error {
    constructor(message: string, input?: string);
    input?: string;
  }
}

declare module "@observablehq/inputs" {
  type InputFactory = (...args: unknown[]) => HTMLElement;
  export const button: InputFactory;
  export const checkbox: InputFactory;
  export const toggle: InputFactory;
  export const radio: InputFactory;
  export const range: InputFactory;
  export const number: InputFactory;
  export const select: InputFactory;
  export const text: InputFactory;
  export const textarea: InputFactory;
  export const search: InputFactory;
  export const table: InputFactory;
  export const date: InputFactory;
  export const color: InputFactory;
  export const form: InputFactory;
  export const bind: (target: HTMLElement, source: HTMLElement, invalidation?: Promise<unknown>) => HTMLElement;
  export const input: (value: unknown) => HTMLElement;
}
