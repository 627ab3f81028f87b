// Offline and installable: the service worker keeps the whole build, so after
// one load Weave opens and works with no network, under any sub-path of any
// static host; a new build is picked up on the next load and stored maps
// survive it. The manifest and its icons are served for installing.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { serve, launch, open, readStore, shot, text, watchErrors, KIOSK } from "./harness.mjs";

const DIST = resolve(new URL("../../dist", import.meta.url).pathname);
const SUB = "community/weave/";
let srv, root;
before(async () => {
  // The build copied under a sub-path, as on a shared static host.
  root = mkdtempSync(join(tmpdir(), "weave-static-"));
  mkdirSync(join(root, SUB), { recursive: true });
  cpSync(DIST, join(root, SUB), { recursive: true });
  srv = await serve(root);
});
after(async () => { await srv.close(); });

async function controlled(page) {
  await page.waitForFunction(() => navigator.serviceWorker && navigator.serviceWorker.controller !== null, null, { timeout: 30000 });
}

async function drawAndFinish(page, name) {
  await page.click("[data-testid=start-map]");
  await page.click("[data-testid=consent-agree]");
  await page.click("[data-testid=flow-next]");
  await page.fill("[data-testid=name-input]", name);
  await page.click("[data-testid=add-name]");
  await page.waitForSelector(`.bubble[data-name="${name}"]`);
  for (let i = 0; i < 12; i++) {
    const next = page.locator("[data-testid=flow-next]");
    const label = await next.textContent();
    await next.click();
    if (/Finish/.test(label)) break;
  }
  await page.waitForSelector("[data-testid=saved-confirmation]");
  const code = await text(page, "[data-testid=withdrawal-code]");
  await page.click("[data-testid=thanks-done]");
  return code;
}

const finishedWith = (store, name) =>
  Object.values(store.responses).filter((r) => r.status === "finished" && r.alters?.some((a) => a.name === name));

test("after one load Weave opens and records a map with no network, under a sub-path", { timeout: 180000 }, async (t) => {
  const { context } = await launch(null, KIOSK);
  t.after(() => context.close());
  const page = await context.newPage();
  const errors = watchErrors(page);
  const base = srv.url + SUB;
  await open(page, base, "#/");
  await controlled(page);
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  assert.equal(scope, base);

  await context.setOffline(true);
  await page.reload();
  await page.waitForSelector("main.screen:not(.loading)");
  assert.equal(await page.evaluate(() => navigator.onLine), false);
  await open(page, base, "#/map");
  const code = await drawAndFinish(page, "Offline Olive");
  await page.reload();
  await page.waitForSelector("main.screen:not(.loading)");
  const store = await readStore(page);
  assert.equal(finishedWith(store, "Offline Olive").length, 1);
  assert.equal(finishedWith(store, "Offline Olive")[0].withdrawal_code, code);
  await open(page, base, "#/facilitator");
  await page.reload();
  await page.waitForSelector("[data-testid=app-version]");
  assert.match(await text(page, "[data-testid=app-version]"), /^Weave \d+\.\d+\.\d+ \(build [0-9a-f]{12}\)$/);
  await shot(page, "offline-facilitator-version");
  await context.setOffline(false);
  assert.deepEqual(errors.filter((e) => !/ERR_INTERNET_DISCONNECTED/.test(e)), []);
});

test("a new build is used on the next load and stored maps survive it", { timeout: 180000 }, async (t) => {
  const { context } = await launch(null, KIOSK);
  t.after(() => context.close());
  const page = await context.newPage();
  const base = srv.url + SUB;
  await open(page, base, "#/map");
  await controlled(page);
  await drawAndFinish(page, "Update Ursula");
  await open(page, base, "#/facilitator");
  await page.reload();
  await page.waitForSelector("[data-testid=app-version]");
  const oldBuild = (await text(page, "[data-testid=app-version]")).match(/build (\w+)/)[1];

  // "Deploy" a second build: new index.html and service worker with a new build id.
  const dir = join(root, SUB);
  const newBuild = "0000feedbeef";
  for (const f of ["sw.js", "index.html"]) {
    writeFileSync(join(dir, f), readFileSync(join(dir, f), "utf8").replaceAll(oldBuild, newBuild));
  }
  t.after(() => {
    for (const f of ["sw.js", "index.html"]) {
      writeFileSync(join(dir, f), readFileSync(join(dir, f), "utf8").replaceAll(newBuild, oldBuild));
    }
  });
  await page.reload();
  // The new worker installs in the background and takes over; the page says so.
  await page.waitForSelector("[data-testid=update-ready]", { timeout: 30000 });
  await shot(page, "offline-update-ready");
  await page.click("[data-testid=update-ready] button");
  await page.waitForSelector("[data-testid=app-version]");
  assert.match(await text(page, "[data-testid=app-version]"), new RegExp(`build ${newBuild}`));
  assert.equal(finishedWith(await readStore(page), "Update Ursula").length, 1);
  const caches = await page.evaluate(() => caches.keys());
  assert.deepEqual(caches, [`weave-${newBuild}`]);
});

test("the manifest makes Weave installable, with icons that load", async (t) => {
  const { context } = await launch(null, KIOSK);
  t.after(() => context.close());
  const page = await context.newPage();
  await open(page, srv.url + SUB, "#/");
  const href = await page.getAttribute("link[rel=manifest]", "href");
  const manifest = await page.evaluate(async (h) => (await fetch(h)).json(), href);
  assert.equal(manifest.display, "standalone");
  assert.equal(manifest.start_url, "./");
  const sizes = [];
  for (const icon of manifest.icons) {
    const size = await page.evaluate(async (src) => {
      const img = new Image();
      img.src = new URL(src, new URL("manifest.webmanifest", location.href)).href;
      await img.decode();
      return `${img.naturalWidth}x${img.naturalHeight}`;
    }, icon.src);
    assert.equal(size, icon.sizes);
    sizes.push(size);
  }
  assert.ok(sizes.includes("512x512") && sizes.includes("192x192"));
  assert.ok(manifest.icons.some((i) => i.purpose === "maskable"));
});
