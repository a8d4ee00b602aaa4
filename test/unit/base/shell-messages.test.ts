/**
 * The shell's words kept in step with the texts they stand in for: the header's English data notice
 * is the bundled survey's own notice (RECONSTRUCTION_NOTICE, which the analysis layer shows), and
 * a banner raised in one language reads in the other once switched.
 */
import { describe, expect, it } from "vitest";
import { messages, say } from "../../../src/base/locale/locale";
import { RECONSTRUCTION_NOTICE } from "../../../src/data/bundled-survey";

describe("the shell's catalogue", () => {
  it("says the bundled survey's notice in English word for word, and something else in norsk", () => {
    expect(messages.en.reconstructionNotice).toBe(RECONSTRUCTION_NOTICE);
    expect(messages.nb.reconstructionNotice).not.toBe(RECONSTRUCTION_NOTICE);
    expect(messages.nb.reconstructionNotice).toMatch(/rekonstruert/);
  });

  it("keeps a banner's words until shown, so it follows the language; fixed text stays as written", () => {
    const banner = (words: typeof messages.nb): string => words.noShareLinkMade("the notebook is too large.");
    expect(say(banner, messages.nb)).toBe("Ingen delingslenke ble laget – the notebook is too large.");
    expect(say(banner, messages.en)).toBe("No share link was made — the notebook is too large.");
    expect(say("A problem's own message.", messages.nb)).toBe("A problem's own message.");
  });
});
