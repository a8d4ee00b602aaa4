/** The build's compiled cells of the shipped notebooks (vite.config.ts, scripts/precompile/shipped-cells.ts). */
declare module "virtual:shipped-cells" {
  const table: readonly import("./runtime/cell-compilation").PrecompiledCell[];
  export default table;
}
