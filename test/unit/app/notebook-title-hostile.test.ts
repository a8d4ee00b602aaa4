/**
 * Issue 11 §1 (the frame is untrusted in how much it sends): the shell words a notebook's title
 * from its first markdown heading after every edit the frame reports (frame-session.ts,
 * notebook-title.ts). Its patterns backtracked over a long run of blanks, `#`s or brackets:
 * a 40,000-character heading took the shell's thread 5.7 s, one of 200,000 several minutes —
 * the page, its Stop button and every other notebook frozen by one `cells` message (10 M
 * characters pass the protocol). A heading is read only as far as a title can use.
 */
import { describe, expect, it } from "vitest";
import { firstHeading, titleAfterEdit, UNTITLED } from "../../../src/app/notebook-title";
import type { CellDoc } from "../../../src/notebook/document";

const md = (source: string): CellDoc[] => [{ id: "1", kind: "md", source }];
const N = 200_000;

describe("a hostile first heading", () => {
  for (const [label, line] of [
    ["a long run of blanks before the end", `# Tittel${" ".repeat(N)}x`],
    ["a long run of #", `# Tittel ${"#".repeat(N)}x`],
    ["brackets that never close", `# ${"[".repeat(N)}`],
    ["links that never close", `# ${"[a](".repeat(N / 4)}`],
    ["interpolations that never close", `# ${"${".repeat(N / 2)}`],
  ] as const) {
    it(`is worded at once: ${label}`, { timeout: 3000 }, () => {
      const title = titleAfterEdit(UNTITLED, [], md(line));
      expect(title.startsWith(label.startsWith("a long") ? "Tittel" : "")).toBe(true);
      expect(title.length).toBeLessThanOrEqual(300);
    });
  }

  it("still words ordinary headings as before", () => {
    expect(firstHeading(md("intro\n## Kvalitet *1999* ##\n"))).toBe("Kvalitet 1999");
    expect(firstHeading(md("# [SSB](https://ssb.no) tall for ${år}"))).toBe("SSB tall for …");
  });
});
