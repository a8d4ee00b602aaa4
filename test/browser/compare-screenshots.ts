/**
 * Two PNG screenshots compared pixel by pixel inside Chromium (no image library: the browser decodes
 * both into a canvas and `getImageData` gives their pixels). A pixel differs when one of its colour
 * channels moves by more than `channel` (of 255): anti-aliasing of the same glyph on the same
 * machine moves edges by a few levels, a moved box or a new colour by far more. The comparison
 * fails when the differing pixels exceed `share` of the image, or the sizes differ. The diff image
 * shows the actual screenshot faded, with differing pixels in magenta.
 */
import type { Browser } from "playwright-core";

/** How far two screenshots may differ and still be the same view. */
export interface Tolerance {
  /** Largest change of one colour channel (0–255) that still counts as the same pixel. */
  channel: number;
  /** Largest share (0–1) of differing pixels. */
  share: number;
}

/** What a comparison found. */
export interface ScreenshotDiff {
  width: number;
  height: number;
  /** The sizes differ (then every pixel counts as differing). */
  sizeMismatch: boolean;
  /** Pixels whose largest channel change is over the tolerance. */
  differing: number;
  /** `differing` over all pixels. */
  share: number;
  /** The largest channel change of any pixel. */
  maxChannel: number;
  /** True when the screenshots are the same view under the tolerance. */
  same: boolean;
  /** The diff image (PNG), when some pixel differs. */
  diffPng: Buffer | null;
}

/** Compare `actual` with `expected` (both PNG bytes) in a blank page of `browser`. */
export async function compareScreenshots(browser: Browser, expected: Buffer, actual: Buffer, tolerance: Tolerance): Promise<ScreenshotDiff> {
  const page = await browser.newPage();
  try {
    const found = await page.evaluate(
      async ({ expected, actual, channel }) => {
        const load = async (base64: string): Promise<ImageData> => {
          const image = new Image();
          image.src = `data:image/png;base64,${base64}`;
          await image.decode();
          const canvas = document.createElement("canvas");
          canvas.width = image.naturalWidth;
          canvas.height = image.naturalHeight;
          const context = canvas.getContext("2d", { willReadFrequently: true });
          if (!context) throw new Error("no 2d canvas");
          context.drawImage(image, 0, 0);
          return context.getImageData(0, 0, canvas.width, canvas.height);
        };
        const [a, b] = await Promise.all([load(expected), load(actual)]);
        const width = Math.max(a.width, b.width);
        const height = Math.max(a.height, b.height);
        const sizeMismatch = a.width !== b.width || a.height !== b.height;
        const canvas = document.createElement("canvas");
        canvas.width = b.width;
        canvas.height = b.height;
        const context = canvas.getContext("2d");
        if (!context) throw new Error("no 2d canvas");
        const diff = context.createImageData(b.width, b.height);
        let differing = 0;
        let maxChannel = 0;
        for (let y = 0; y < b.height; y++) {
          for (let x = 0; x < b.width; x++) {
            const j = 4 * (y * b.width + x);
            const inA = x < a.width && y < a.height;
            const i = 4 * (y * a.width + x);
            let d = 255;
            if (inA) d = Math.max(Math.abs((a.data[i] ?? 0) - (b.data[j] ?? 0)), Math.abs((a.data[i + 1] ?? 0) - (b.data[j + 1] ?? 0)), Math.abs((a.data[i + 2] ?? 0) - (b.data[j + 2] ?? 0)), Math.abs((a.data[i + 3] ?? 0) - (b.data[j + 3] ?? 0)));
            maxChannel = Math.max(maxChannel, d);
            const grey = 255 - Math.round((255 - ((b.data[j] ?? 0) + (b.data[j + 1] ?? 0) + (b.data[j + 2] ?? 0)) / 3) / 4);
            const off = d > channel;
            if (off) differing++;
            diff.data[j] = off ? 255 : grey;
            diff.data[j + 1] = off ? 0 : grey;
            diff.data[j + 2] = off ? 255 : grey;
            diff.data[j + 3] = 255;
          }
        }
        // Pixels of the expected image outside the actual one differ too.
        if (sizeMismatch) differing += Math.max(0, a.width * a.height - Math.min(a.width, b.width) * Math.min(a.height, b.height));
        context.putImageData(diff, 0, 0);
        return { width, height, sizeMismatch, differing, maxChannel, diff: differing > 0 ? canvas.toDataURL("image/png").replace(/^data:image\/png;base64,/, "") : null };
      },
      { expected: expected.toString("base64"), actual: actual.toString("base64"), channel: tolerance.channel },
    );
    const share = found.differing / (found.width * found.height);
    return {
      width: found.width,
      height: found.height,
      sizeMismatch: found.sizeMismatch,
      differing: found.differing,
      share,
      maxChannel: found.maxChannel,
      same: !found.sizeMismatch && share <= tolerance.share,
      diffPng: found.diff === null ? null : Buffer.from(found.diff, "base64"),
    };
  } finally {
    await page.close();
  }
}
