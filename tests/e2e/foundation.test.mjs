// Foundation: the app loads cleanly, keeps what was made across reloads and
// a killed tab, and says so plainly when storage is full or unavailable.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { serve, launch, open, watchErrors, readStore, shot, text, KIOSK } from "./harness.mjs";

let srv;
before(async () => { srv = await serve(); });
after(async () => { await srv.close(); });

async function addNames(page, names) {
  for (const n of names) {
    await page.fill("[data-testid=name-input]", n);
    await page.click("[data-testid=add-name]");
  }
}

async function startMap(page) {
  await page.click("[data-testid=start-map]");
  await page.click("[data-testid=consent-agree]");
  await page.click("[data-testid=flow-next]"); // about you -> first prompt
}

async function waitSaved(page) {
  await page.waitForSelector("[data-save-state=saved]", { timeout: 10000 });
}

test("the start screen loads with zero console errors and the demo event", async (t) => {
  const { context } = await launch(null, KIOSK);
  t.after(() => context.close());
  const page = await context.newPage();
  const errors = watchErrors(page);
  await open(page, srv.url);
  await page.waitForSelector("text=Draw my map");
  const name = await page.textContent("[data-testid=event-name]");
  assert.match(name, /Murton/);
  assert.match(await text(page, "main"), /150 people have drawn their maps/);
  await shot(page, "foundation-start");
  assert.deepEqual(errors, []);
  await context.close();
});

test("data made in the app is all there after a reload", async (t) => {
  const { context } = await launch(null, KIOSK);
  t.after(() => context.close());
  const page = await context.newPage();
  await open(page, srv.url, "#/map");
  await startMap(page);
  await addNames(page, ["Reload Rita", "Reload Ravi"]);
  await waitSaved(page);
  await page.reload();
  await page.waitForSelector("[data-testid=ego-canvas]");
  const names = await page.$$eval("[data-testid=ego-canvas] .bubble", (els) => els.map((e) => e.dataset.name));
  assert.deepEqual(names, ["Reload Rita", "Reload Ravi"]);
  await context.close();
});

test("a tab killed mid-edit loses no committed edit", async (t) => {
  const { context, dir } = await launch(null, KIOSK);
  t.after(() => context.close().catch(() => {}));
  let page = await context.newPage();
  await open(page, srv.url, "#/map");
  await startMap(page);
  await addNames(page, ["Killed Kate", "Killed Kofi", "Killed Kim"]);
  await waitSaved(page);
  // Crash the renderer: no pagehide, no unload, nothing runs.
  const crashed = new Promise((ok) => page.on("crash", ok));
  const cdp = await context.newCDPSession(page);
  cdp.send("Page.crash").catch(() => {}); // never answers: the renderer is gone
  await crashed;
  await context.close();
  // A new browser on the same profile, as after a power cut.
  const again = await launch(dir, KIOSK);
  t.after(() => again.context.close());
  page = await again.context.newPage();
  await open(page, srv.url, "#/map");
  await page.waitForSelector("[data-testid=ego-canvas]");
  const names = await page.$$eval("[data-testid=ego-canvas] .bubble", (els) => els.map((e) => e.dataset.name));
  assert.deepEqual(names, ["Killed Kate", "Killed Kofi", "Killed Kim"]);
  const stored = await readStore(page);
  assert.equal(stored.drafts.current.draft.response.alters.length, 3);
  await again.context.close();
});

test("a full quota shows a banner, keeps what was stored, and exports everything", async (t) => {
  const { context } = await launch(null, KIOSK);
  t.after(() => context.close());
  const page = await context.newPage();
  await open(page, srv.url, "#/map");
  await startMap(page);
  await addNames(page, ["Quota Quinn"]);
  await waitSaved(page);
  // From now on every write fails as a full disk would.
  await page.evaluate(() => {
    const fail = () => { throw new DOMException("The quota has been exceeded.", "QuotaExceededError"); };
    IDBObjectStore.prototype.put = fail;
    IDBObjectStore.prototype.add = fail;
  });
  await addNames(page, ["Quota Quentin"]);
  const banner = await page.waitForSelector("[data-testid=storage-banner][data-kind=error]");
  assert.match(await banner.textContent(), /storage is full/);
  await shot(page, "foundation-quota-banner");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.click("[data-testid=storage-banner] button"),
  ]);
  const backup = JSON.parse(readFileSync(await download.path(), "utf8"));
  assert.equal(backup.format, "weave");
  const names = backup.community.responses.flatMap((r) => r.alters.map((a) => a.name));
  assert.ok(names.includes("Quota Quinn") && names.includes("Quota Quentin"), names.join(","));
  // What was stored before the quota ran out is intact.
  const stored = await readStore(page);
  assert.deepEqual(stored.drafts.current.draft.response.alters.map((a) => a.name), ["Quota Quinn"]);
  await context.close();
});

test("unavailable storage (private mode) shows a banner and the app still works", async (t) => {
  const { context } = await launch(null, KIOSK);
  t.after(() => context.close());
  await context.addInitScript(() => {
    Object.defineProperty(window, "indexedDB", {
      get() { throw new DOMException("The operation is insecure.", "SecurityError"); },
    });
  });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await open(page, srv.url, "#/map");
  const banner = await page.waitForSelector("[data-testid=storage-banner]");
  assert.match(await banner.textContent(), /not keeping/);
  await startMap(page);
  await addNames(page, ["Private Pat"]);
  assert.equal(await page.locator("[data-testid=ego-canvas] .bubble").count(), 1);
  await shot(page, "foundation-unavailable-banner");
  assert.deepEqual(errors.filter((e) => !/SecurityError|insecure/.test(e)), []);
  await context.close();
});

test("a second tab is read-only and says so", async (t) => {
  const { context } = await launch(null, KIOSK);
  t.after(() => context.close());
  const first = await context.newPage();
  await open(first, srv.url);
  const second = await context.newPage();
  await open(second, srv.url);
  const banner = await second.waitForSelector("[data-testid=storage-banner][data-kind=info]");
  assert.match(await banner.textContent(), /open in another tab/);
  assert.equal(await first.locator("[data-testid=storage-banner]").count(), 0);
  await context.close();
});

test("the facilitator screen asks for persistent storage and shows the answer", async (t) => {
  const { context } = await launch(null, KIOSK);
  t.after(() => context.close());
  const page = await context.newPage();
  await open(page, srv.url, "#/facilitator");
  const cell = page.locator("[data-testid=persist-state]");
  await page.waitForFunction(() => document.querySelector("[data-testid=persist-state]")?.dataset.persisted !== "None");
  assert.match(await cell.textContent(), /browser/);
  await context.close();
});

test("data saved by a newer Weave is refused clearly and never overwritten", async (t) => {
  const { context } = await launch(null, KIOSK);
  t.after(() => context.close());
  const page = await context.newPage();
  await open(page, srv.url);
  await page.evaluate(() => new Promise((ok) => {
    const req = indexedDB.open("weave");
    req.onsuccess = () => {
      const tx = req.result.transaction("meta", "readwrite");
      tx.objectStore("meta").put("99", "schema");
      tx.oncomplete = () => { req.result.close(); ok(); };
    };
  }));
  await page.reload();
  const banner = await page.waitForSelector("[data-testid=storage-banner]");
  assert.match(await banner.textContent(), /newer version of Weave/);
  const stored = await readStore(page);
  assert.equal(stored.meta.schema, 99);
  assert.match(JSON.stringify(stored.meta.event), /Murton/);
  await context.close();
});
