/**
 * d3 builds many of its exports with a factory called once at the top of its module:
 * `var normal = (function sourceRandomNormal(source) { … return randomNormal; })(defaultSource);`
 * (d3-random's generators, d3-hierarchy's treemap tilings, d3-interpolate's rgb and zoom, d3-shape's
 * curves, d3-ease's eases). The bundler cannot tell such a call has no side effects, so it keeps every
 * one, used or not: Plot's chunk carried all of d3-random for Plot's one `randomLcg`. Each factory
 * only makes a function, sets properties on it and returns it, so the call is marked pure and
 * an unused one drops (issue 12: 1.7 KB gzip off Plot's chunk — d3-random 3.4 → 0.1 KB minified,
 * d3-hierarchy's two tilings, d3-interpolate's zoom). Used ones are untouched.
 *
 * Only the factories d3 writes this way are marked, by name; test/unit/bundle/pure-d3-factories.test.ts
 * fails when an installed d3 module has a top-level call of another shape, to be read before it is added.
 */
import type { Plugin } from "vite";

/** A top-level call of one of d3's factories: `var x = (function custom(` and the like. */
export const D3_FACTORY_CALL = /^(var|const) ([\w$]+) = \((function (?:custom|rgbGamma|zoomRho|sourceRandom[A-Z]\w*)\()/gm;

/** Any top-level call of a function expression, of whatever name (for the test's check). */
export const TOP_LEVEL_FUNCTION_CALL = /^(?:var|const|let) [\w$]+ = \(function\b/gm;

/** A d3 module's code with its factory calls marked pure. */
export function markD3Factories(code: string): string {
  return code.replace(D3_FACTORY_CALL, "$1 $2 = /* @__PURE__ */ ($3");
}

/** A d3 package's built module ("…/node_modules/d3-random/dist/d3-random.mjs"). */
export function isD3Module(id: string): boolean {
  return /[\\/]node_modules[\\/]d3-[a-z-]+[\\/]dist[\\/][^\\/]+\.mjs$/.test(id.split("?")[0] ?? id);
}

/** The Vite plugin: marks the factory calls of every d3 module the bundle reads. */
export function pureD3FactoriesPlugin(): Plugin {
  return {
    name: "tverrsnitt-pure-d3-factories",
    transform(code, id) {
      if (!isD3Module(id)) return undefined;
      const marked = markD3Factories(code);
      return marked === code ? undefined : { code: marked, map: null };
    },
  };
}
