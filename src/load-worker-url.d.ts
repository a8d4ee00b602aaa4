/** The URL of the load worker's module, a chunk of the app's build (vite.config.ts, loadWorkerChunkPlugin). */
declare module "virtual:load-worker-url" {
  const url: string;
  export default url;
}
