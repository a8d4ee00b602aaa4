import js from "@eslint/js";
import tseslint from "typescript-eslint";
import globals from "globals";

/**
 * The rooms of src/ (see src/README.md) and which rooms each may import. A room not listed for
 * another is blocked wherever it sits in the path (a glob on the folder name catches
 * `../../app/x` too), so the room order cannot be broken from a nested folder. `base` is the floor every room may use.
 */
const ROOMS = {
  base: [],
  notebook: ["base"],
  data: ["base"],
  stats: ["base", "data"],
  runtime: ["base", "notebook"],
  analysis: ["base", "data", "stats"],
  app: ["base", "notebook", "data", "stats", "runtime", "analysis"],
  components: ["base", "notebook", "data", "stats", "runtime", "analysis", "app"],
};
/** The rooms that make up the pure core: no DOM globals, no Lit. */
const CORE = ["base", "notebook", "data", "stats", "runtime", "analysis"];

function roomRules() {
  return Object.entries(ROOMS).map(([room, allowed]) => {
    const blocked = Object.keys(ROOMS).filter((other) => other !== room && !allowed.includes(other));
    const patterns = blocked.map((other) => ({
      group: [`**/${other}/**`, `./${other}/**`],
      message: `src/${room}/ may import only ${allowed.length ? allowed.join(", ") : "nothing of ours"} (room order in src/README.md).`,
    }));
    if (CORE.includes(room)) patterns.push({ group: ["lit", "lit/*"], message: "The pure core does not use Lit; put UI in src/components." });
    return {
      files: [`src/${room}/**`],
      rules: {
        "no-restricted-imports": ["error", { patterns }],
        // The core runs under Node (tests, the headless runner) as well as in the page.
        ...(CORE.includes(room) ? { "no-restricted-globals": ["error", "document", "window", "localStorage", "indexedDB"] } : {}),
      },
    };
  });
}

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "test-output/**", "public/**", "coverage/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-new-func": "error",
      "no-eval": "error",
    },
  },
  ...roomRules(),
);
