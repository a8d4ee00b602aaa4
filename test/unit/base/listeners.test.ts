import { describe, expect, it } from "vitest";
import { Listeners } from "../../../src/base/listeners";

describe("Listeners", () => {
  it("tells every listener, in the order they subscribed, with the arguments given", () => {
    const listeners = new Listeners<[id: string, n: number]>();
    const heard: string[] = [];
    listeners.add((id, n) => heard.push(`a:${id}${n}`));
    listeners.add((id, n) => heard.push(`b:${id}${n}`));
    listeners.emit("x", 1);
    expect(heard).toEqual(["a:x1", "b:x1"]);
    expect(listeners.size).toBe(2);
  });

  it("stops telling a listener once removed, even from inside an emit, and removing twice is harmless", () => {
    const listeners = new Listeners<[]>();
    const heard: string[] = [];
    const removeB = listeners.add(() => heard.push("b"));
    const removeA = listeners.add(() => {
      heard.push("a");
      removeA();
    });
    listeners.emit();
    listeners.emit();
    expect(heard).toEqual(["b", "a", "b"]);
    removeB();
    removeB();
    listeners.emit();
    expect(heard).toEqual(["b", "a", "b"]);
    expect(listeners.size).toBe(0);
  });

  it("keeps a listener added twice once (a Set), and clear() removes all", () => {
    const listeners = new Listeners<[n: number]>();
    let total = 0;
    const add = (n: number): void => void (total += n);
    listeners.add(add);
    listeners.add(add);
    listeners.emit(5);
    expect(total).toBe(5);
    listeners.clear();
    listeners.emit(5);
    expect(total).toBe(5);
  });
});
