/**
 * Code loaded on first need (a dynamic import), once: every caller shares the one load; a load that
 * failed is tried again by the next caller (the network may be back).
 */
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () => {
    loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
    return loading;
  };
}
