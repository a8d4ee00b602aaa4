/** The deepest nesting of the elements named `tags` in some HTML, read off its tags (marked's output is well formed). */
export function htmlDepth(html: string, tags: readonly string[]): number {
  let depth = 0;
  let max = 0;
  for (const m of html.matchAll(/<(\/?)([a-z]+)[^>]*>/g)) {
    if (!tags.includes(m[2] ?? "")) continue;
    depth += m[1] ? -1 : 1;
    max = Math.max(max, depth);
  }
  return max;
}
