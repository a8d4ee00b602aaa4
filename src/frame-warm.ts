/**
 * The notebook frame's first script (issue 11, cold start), loaded by frame.html as an async module
 * of its own with no imports (vite.config.ts, `warmFrameEarlyPlugin`), so it runs while the frame's
 * other scripts are still downloading. The frame is a renderer process of its own, and its first
 * `Intl.NumberFormat` sets up the browser's number-formatting data for the process: 20–50 ms,
 * measured in a fresh Chromium page. Plot builds its default format ("en-US") when its module
 * evaluates, after the shell's `open`, where that set-up lay on the way to the drawn notebook; done
 * here it is done while the frame would otherwise wait, and Plot's own costs nothing.
 *
 * It reads and changes nothing of the page: the format is built and dropped.
 */
new Intl.NumberFormat("en-US").format(0);
