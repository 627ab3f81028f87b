// Shared Playwright harness: a static server for dist/ on 127.0.0.1 and
// Debian's Chromium driven by playwright-core (no browser download).
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { join, extname, resolve } from "node:path";
import { mkdtempSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { chromium } from "playwright-core";
import { afterEach } from "node:test";

/** Browsers open now. A test that failed midway left its browser open, and
 * that kept its file's process (and CI) waiting for ever: under the test
 * runner each test's browsers are closed when it ends, passed or not. */
const live = new Set();
if (process.env.NODE_TEST_CONTEXT) {
  afterEach(async () => {
    for (const context of [...live]) await context.close().catch(() => {});
    live.clear();
  });
}

const ROOT = resolve(new URL("../../dist", import.meta.url).pathname);
const TYPES = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".mjs": "text/javascript",
  ".css": "text/css", ".wasm": "application/wasm", ".json": "application/json",
  ".png": "image/png", ".svg": "image/svg+xml", ".webmanifest": "application/manifest+json",
};

/** Serves dist/ (or `root`) on a free 127.0.0.1 port. Records every request. */
export async function serve(root = ROOT) {
  const requests = [];
  const server = createServer(async (req, res) => {
    requests.push(req.url);
    try {
      const url = new URL(req.url, "http://x");
      let path = join(root, decodeURIComponent(url.pathname));
      if (!path.startsWith(root)) { res.writeHead(403).end(); return; }
      if ((await stat(path)).isDirectory()) path = join(path, "index.html");
      const body = await readFile(path);
      res.writeHead(200, { "content-type": TYPES[extname(path)] || "application/octet-stream",
        "cache-control": "no-store" });
      res.end(body);
    } catch {
      res.writeHead(404).end("not found");
    }
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}/`, requests, close: () => new Promise((ok) => { server.closeAllConnections(); server.close(ok); }) };
}

export const CHROMIUM_ARGS = [
  "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
  "--disable-dev-shm-usage",
];

/** A persistent-profile browser, so a test can close it and reopen the same storage. */
export async function launch(profileDir, options = {}) {
  const dir = profileDir || mkdtempSync(join(tmpdir(), "weave-e2e-"));
  mkdirSync(dir, { recursive: true });
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    // `args` adds to the usual flags; `replaceArgs` replaces them (the play-back bench).
    args: options.replaceArgs || [...CHROMIUM_ARGS, ...(options.args || [])],
    viewport: options.viewport || { width: 1920, height: 1080 },
    hasTouch: options.hasTouch ?? false,
    isMobile: options.isMobile ?? false,
    deviceScaleFactor: 1,
  });
  live.add(context);
  context.once("close", () => live.delete(context));
  return { context, dir };
}

export const KIOSK = { viewport: { width: 1920, height: 1080 }, hasTouch: true };
export const PHONE = { viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true };

/** Collects console errors and page errors, to assert there are none. */
export function watchErrors(page) {
  const errors = [];
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  // With its stack, so a failure on CI says where it was thrown.
  page.on("pageerror", (e) => errors.push(e.stack || String(e)));
  return errors;
}

/** Opens the app and waits until it has booted from storage. */
export async function open(page, url, hash = "#/") {
  await page.goto(url + hash);
  await page.waitForSelector("main.screen:not(.loading)", { timeout: 30000 });
}

/** A touch drag from one point to another through CDP (real touch events). */
export async function touchDrag(page, from, to, steps = 12) {
  const cdp = await page.context().newCDPSession(page);
  const pt = (p) => [{ x: p.x, y: p.y, id: 1 }];
  await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: pt(from) });
  for (let i = 1; i <= steps; i++) {
    const p = { x: from.x + ((to.x - from.x) * i) / steps, y: from.y + ((to.y - from.y) * i) / steps };
    await cdp.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: pt(p) });
  }
  await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
  await cdp.detach();
}

/** Reads every record of the app's IndexedDB, parsed. */
export async function readStore(page) {
  return page.evaluate(() => new Promise((ok, fail) => {
    const open = indexedDB.open("weave");
    open.onerror = () => fail(open.error);
    open.onsuccess = () => {
      const db = open.result, out = {};
      const names = [...db.objectStoreNames];
      const tx = db.transaction(names, "readonly");
      let left = names.length;
      names.forEach((n) => {
        out[n] = {};
        const req = tx.objectStore(n).openCursor();
        req.onsuccess = () => {
          const c = req.result;
          if (c) { try { out[n][c.key] = JSON.parse(c.value); } catch { out[n][c.key] = c.value; } c.continue(); }
          else if (--left === 0) { db.close(); ok(out); }
        };
      });
    };
  }));
}

export async function shot(page, name) {
  mkdirSync("tests/e2e/artifacts", { recursive: true });
  await page.screenshot({ path: `tests/e2e/artifacts/${name}.png` });
}

/** Visible text with Fluent's bidi isolation marks (U+2068/U+2069) removed. */
export async function text(page, selector) {
  const t = await page.textContent(selector);
  return (t || "").replace(/[\u2068\u2069]/g, "");
}

/** Opens the resident flow on a fresh kiosk page and gives consent. */
export async function kioskAfterConsent(t, srv) {
  const { context } = await launch(null, KIOSK);
  t.after(() => context.close());
  const page = await context.newPage();
  await open(page, srv.url, "#/map");
  await page.locator("[data-testid=start-map]").click();
  await page.locator("[data-testid=consent-agree]").click();
  return page;
}
