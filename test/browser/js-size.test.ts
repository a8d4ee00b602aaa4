/**
 * Issue 12's size budget on the built app (dist/), counted as `npm run chunks` counts it
 * (bench/js-sizes.ts): all JavaScript together, and what the pages load before they first draw,
 * against bench/js-budget.ts. No browser needed; it is here because it reads the build.
 */
import { describe, expect, it } from "vitest";
import { JS_BUDGET_KIB } from "../../bench/js-budget";
import { distJsSizes, type JsSizes } from "../../bench/js-sizes";
import { distRoot } from "./static-server";

/** The largest files, for a failure message: "code-editor-x.js 145.2". */
function largest(sizes: JsSizes, only?: ReadonlySet<string>): string {
  return [...sizes.gzip]
    .filter(([name]) => !only || only.has(name))
    .sort((a, b) => b[1] - a[1])
    .slice(0, 6)
    .map(([name, bytes]) => `${name.replace(/^assets\//, "")} ${(bytes / 1024).toFixed(1)}`)
    .join(", ");
}

describe("built JavaScript size (issue 12)", () => {
  const sizes = distJsSizes(distRoot());

  it("stays within the budget for all chunks together", () => {
    expect(sizes.all / 1024, `all chunks, KB gzip (largest: ${largest(sizes)}); \`npm run chunks\` says what is in each`).toBeLessThanOrEqual(JS_BUDGET_KIB.all);
  });

  it("stays within the budget for what the pages load before their first draw", () => {
    // Both pages' entries are among them, and the editor and Plot, loaded on demand, are not.
    expect([...sizes.early].some((name) => /\/main-[^/]+\.js$/.test(name)) && [...sizes.early].some((name) => /\/frame-[^/]+\.js$/.test(name))).toBe(true);
    expect([...sizes.early].filter((name) => /code-editor|load-worker/.test(name))).toEqual([]);
    expect(sizes.firstRender / 1024, `first draw, KB gzip (largest: ${largest(sizes, sizes.early)})`).toBeLessThanOrEqual(JS_BUDGET_KIB.firstRender);
  });
});
