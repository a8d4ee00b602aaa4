import { describe, expect, it } from "vitest";
import { htmlNesting } from "../../../src/runtime/html-nesting";

const FAR = 100_000;
const depth = (html: string) => htmlNesting(html, FAR).depth;

// Expected depths are Chromium's (a <template>'s innerHTML), checked against it when written.
describe("htmlNesting", () => {
  it("counts nested elements, and names the line where the deepest starts", () => {
    expect(htmlNesting("<div>\n<div>\n<span>x</span></div></div>", FAR)).toEqual({ depth: 3, line: 3, offset: 12 });
    expect(htmlNesting("plain text", FAR)).toEqual({ depth: 0, line: 1, offset: 0 });
  });

  it("closes what the parser closes without an end tag", () => {
    expect(depth("<p>a<p>b<p>c")).toBe(1);
    expect(depth("<ul><li>a<li>b<li>c</ul>")).toBe(2);
    expect(depth("<dl><dt>a<dd>b<dt>c</dl>")).toBe(2);
    expect(depth("<p>a<div>b</div>")).toBe(1);
    // A table's implied tbody and tr.
    expect(depth("<table><tr><td>a<td>b<tr><td>c</table>")).toBe(4);
    expect(depth("<table><td>x</table>")).toBe(4);
  });

  it("ignores what the parser ignores: an end tag with a table between it and its element, a table's parts outside a table", () => {
    // Each </div> is ignored inside the cell, so every repetition nests five deeper.
    expect(depth("<div><table><tr><td></div>".repeat(3))).toBe(15);
    expect(depth("<td><td><tr><tbody>x")).toBe(0);
  });

  it("counts the formatting elements the parser opens again after a block closed them", () => {
    // Every </div> closes the <b> in it, and the text after it opens each closed <b> again, one inside the other.
    expect(depth(Array.from({ length: 100 }, (_, k) => `<div><b class=c${k}></div>x`).join(""))).toBe(101);
    expect(depth("<b><i>x</i></b><b>y</b>")).toBe(2);
  });

  it("reads raw text, comments and SVG's empty elements as the parser does", () => {
    expect(depth(`<style>${"<div>".repeat(50)}</style><p>x`)).toBe(1);
    expect(depth(`<!-- ${"<div>".repeat(50)} --><p>x`)).toBe(1);
    expect(depth("<svg><g><path d='M0 0'/><circle r='1'/></g></svg><img src=x><br>")).toBe(3);
    // Inside SVG a <style> is not raw text: its tags are elements.
    expect(depth(`<svg><style>${"<g>".repeat(50)}</style></svg>`)).toBe(52);
  });

  it("stops reading once past the limit, naming the line where it went too deep", () => {
    expect(htmlNesting("<div>\n".repeat(19_000), 256)).toMatchObject({ depth: 257, line: 257 });
  });
});
