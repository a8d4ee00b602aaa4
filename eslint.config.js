import js from "@eslint/js";
import tseslint from "typescript-eslint";
import globals from "globals";

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
  {
    // The pure core runs under Node and in a worker: it must not reach for the DOM or Lit.
    files: ["src/runtime/**", "src/notebook/**", "src/data/**", "src/stats/**", "src/analysis/**"],
    rules: {
      "no-restricted-imports": ["error", { patterns: ["lit", "lit/*", "../components/*", "../app/*"] }],
      "no-restricted-globals": ["error", "document", "window", "localStorage", "indexedDB"],
    },
  },
);
