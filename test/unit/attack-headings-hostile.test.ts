/**
 * Report view draws its contents from the headings of every markdown cell's source, at each render
 * (nb-report-nav.ts → notebookHeadings), a shared notebook's too once it runs. The heading pattern
 * backtracked over a long run of blanks, and the link pattern over brackets that never close: one
 * 40,000-character heading line held the frame's thread 16 s, and a link may carry 2 MB of text
 * (compressed, a few hundred bytes). A heading is read in one pass, and only as far as the contents
 * show it.
 */
import { describe, expect, it } from "vitest";
import { markdownHeadings, notebookHeadings } from "../../src/notebook/headings";

const N = 200_000;

describe("a hostile markdown heading in report view's contents", () => {
  for (const [label, source, text] of [
    ["a long run of blanks before the end", `# Tittel${" ".repeat(N)}x`, "Tittel"],
    ["a long run of blanks and tabs before the end", `## Tittel${" \t".repeat(N / 2)}x`, "Tittel"],
    ["a long run of # after a blank, then text", `# Tittel ${"#".repeat(N)}x`, "Tittel"],
    ["brackets that never close", `# Tittel ${"[".repeat(N)}`, "Tittel ["],
    ["links that never close", `# Tittel ${"[a](".repeat(N / 4)}`, "Tittel [a]("],
    ["a setext heading of brackets", `${"[".repeat(N)}\n===`, "["],
  ] as const) {
    it(`is read at once: ${label}`, { timeout: 3000 }, () => {
      const [heading] = markdownHeadings(source);
      expect(heading?.text.startsWith(text)).toBe(true);
      expect(heading?.text.length).toBeLessThanOrEqual(300);
    });
  }

  it("reads ordinary headings as before: closing #s after a blank go, others stay", () => {
    const doc = { cells: [{ id: "1", kind: "md" as const, source: "# Kvalitet *1999* ##\n## C# #\n### [SSB](https://ssb.no) tall\n#### dypt" }] };
    expect(notebookHeadings(doc).map((h) => [h.level, h.text])).toEqual([
      [1, "Kvalitet 1999"],
      [2, "C#"],
      [3, "SSB tall"],
    ]);
  });
});
