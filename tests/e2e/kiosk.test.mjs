// Kiosk mode: a shared screen that forgets each resident. Canary names must
// never outlive their resident on the public screens; finished maps reach the
// facilitator, abandoned ones never do; the PIN guards the way out.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { serve, launch, open, readStore, shot, text, KIOSK } from "./harness.mjs";

let srv;
before(async () => { srv = await serve(); });
after(async () => { await srv.close(); });

const PIN = "2468";
const RESIDENTS = Number(process.env.KIOSK_RESIDENTS || 50);

async function setUpKiosk(page, { idle = 3, warning = 2 } = {}) {
  await open(page, srv.url, "#/facilitator");
  // Short timers for the test (the event's defaults are 60 s + 15 s).
  await page.evaluate(([idle, warning]) => new Promise((ok) => {
    const req = indexedDB.open("weave");
    req.onsuccess = () => {
      const tx = req.result.transaction("meta", "readwrite");
      const store = tx.objectStore("meta");
      const get = store.get("event");
      get.onsuccess = () => {
        const event = JSON.parse(get.result);
        event.kiosk.idle_seconds = idle;
        event.kiosk.warning_seconds = warning;
        store.put(JSON.stringify(event), "event");
      };
      tx.oncomplete = () => { req.result.close(); ok(); };
    };
  }), [idle, warning]);
  await page.reload();
  await page.waitForSelector("[data-testid=pin-new]");
  await page.fill("[data-testid=pin-new]", PIN);
  await page.fill("[data-testid=pin-again]", PIN);
  await page.click("[data-testid=pin-save]");
  await page.waitForSelector("[data-testid=kiosk-start]:not([disabled])");
  await page.click("[data-testid=kiosk-start]");
  await page.waitForSelector("[data-testid=start-map]");
}

async function begin(page, canary) {
  await page.click("[data-testid=start-map]");
  await page.click("[data-testid=consent-agree]");
  await page.click("[data-testid=flow-next]", { timeout: 8000 }).catch(async (e) => {
    await shot(page, "kiosk-begin-stuck");
    throw e;
  });
  await page.fill("[data-testid=name-input]", canary);
  await page.click("[data-testid=add-name]");
  await page.waitForSelector(`.bubble[data-name="${canary}"]`);
  await page.waitForSelector("[data-save-state=saved]");
}

async function finish(page) {
  for (let i = 0; i < 12; i++) {
    const next = page.locator("[data-testid=flow-next]");
    const label = await next.textContent();
    await next.click();
    if (/Finish/.test(label)) break;
  }
  await page.waitForSelector("[data-testid=saved-confirmation]");
  const code = await text(page, "[data-testid=withdrawal-code]");
  await page.click("[data-testid=thanks-done]");
  await page.waitForSelector("[data-testid=start-map]", { timeout: 10000 }).catch(async (e) => {
    await shot(page, "kiosk-finish-stuck");
    throw e;
  });
  return code;
}

async function traces(page, canary) {
  return page.evaluate((c) => {
    const found = [];
    if (document.documentElement.outerHTML.includes(c)) found.push("DOM");
    if (JSON.stringify({ ...sessionStorage }).includes(c)) found.push("sessionStorage");
    if (JSON.stringify({ ...localStorage }).includes(c)) found.push("localStorage");
    if (location.href.includes(encodeURIComponent(c)) || location.href.includes(c)) found.push("URL");
    if (JSON.stringify(history.state ?? null).includes(c)) found.push("history.state");
    return found;
  }, canary);
}

test(`${RESIDENTS} residents in a row leave no trace for the next`, async (t) => {
  const { context } = await launch(null, KIOSK);
  t.after(() => context.close());
  const page = await context.newPage();
  await setUpKiosk(page);
  const finished = [], abandoned = [];
  for (let i = 0; i < RESIDENTS; i++) {
    const canary = `Canary${i}Zq`;
    await begin(page, canary);
    if (i % 3 === 0) {
      finished.push(canary);
      await finish(page);
    } else if (i % 3 === 1) {
      abandoned.push(canary);
      await page.waitForSelector("[data-testid=idle-warning]");
      if (i === 1) await shot(page, "kiosk-idle-warning");
      await page.waitForSelector("[data-testid=start-map]", { timeout: 15000 });
    } else {
      abandoned.push(canary);
      await page.goBack();           // the back button leads nowhere private
      await page.waitForTimeout(50);
      assert.deepEqual(await traces(page, canary).then((f) => f.filter((x) => x !== "DOM")), []);
      await page.goto(srv.url + "#/map");
      await page.waitForSelector("[data-testid=start-map]", { timeout: 15000 });
    }
    assert.deepEqual(await traces(page, canary), [], `resident ${i} left a trace`);
    const store = await readStore(page);
    assert.ok(!JSON.stringify(store.drafts).includes(canary), `draft of resident ${i} kept`);
  }
  // The facilitator sees every finished map and no abandoned one.
  await page.click("[data-testid=attract-corner]");
  await page.fill("[data-testid=pin-input]", PIN);
  await page.click("[data-testid=pin-submit]");
  await page.waitForSelector("[data-testid=responses-table]");
  const all = JSON.stringify((await readStore(page)).responses);
  for (const c of finished) assert.ok(all.includes(c), `${c} missing`);
  for (const c of abandoned) assert.ok(!all.includes(c), `${c} kept`);
});

test("the PIN: wrong tries lock out, and only a hash is stored", async (t) => {
  const { context } = await launch(null, KIOSK);
  t.after(() => context.close());
  const page = await context.newPage();
  await setUpKiosk(page);
  await page.click("[data-testid=attract-corner]");
  for (let i = 0; i < 4; i++) {
    await page.fill("[data-testid=pin-input]", "1111");
    await page.click("[data-testid=pin-submit]");
    await page.waitForFunction((n) => /tr(y|ies) left/.test(document.querySelector("[data-testid=pin-message]").textContent), i);
  }
  await page.fill("[data-testid=pin-input]", "1111");
  await page.click("[data-testid=pin-submit]");
  await page.waitForFunction(() => /Too many wrong tries/.test(document.querySelector("[data-testid=pin-message]").textContent));
  // Locked: even the right PIN is refused now.
  await page.fill("[data-testid=pin-input]", PIN);
  await page.click("[data-testid=pin-submit]");
  await page.waitForFunction(() => /Too many wrong tries/.test(document.querySelector("[data-testid=pin-message]").textContent));
  assert.equal(await page.locator("[data-testid=responses-table]").count(), 0);
  await shot(page, "kiosk-pin-locked");
  const device = (await readStore(page)).device.kiosk;
  assert.ok(device.pin.hash.length === 32 && device.pin.salt.length === 16);
  assert.ok(device.pin.iterations >= 100000);
  assert.ok(!JSON.stringify(device).includes(PIN));
});

test("withdrawal by code removes exactly that map from the store and from a fresh export", async (t) => {
  const { context } = await launch(null, KIOSK);
  t.after(() => context.close());
  const page = await context.newPage();
  await setUpKiosk(page, { idle: 300, warning: 15 });
  await begin(page, "WithdrawMeQx");
  const code = await finish(page);
  await begin(page, "KeepMeQx");
  await finish(page);
  await page.click("[data-testid=attract-corner]");
  await page.fill("[data-testid=pin-input]", PIN);
  await page.click("[data-testid=pin-submit]");
  await page.waitForSelector("[data-testid=withdraw-code]");
  const before = Object.keys((await readStore(page)).responses).length;
  page.once("dialog", (d) => d.accept());
  await page.fill("[data-testid=withdraw-code]", code.toLowerCase());
  await page.click("[data-testid=withdraw-submit]");
  await page.waitForFunction(() => /Withdrawn/.test(document.querySelector("[data-testid=withdraw-message]").textContent));
  await page.waitForFunction(async (n) => {
    const store = await new Promise((ok) => {
      const r = indexedDB.open("weave");
      r.onsuccess = () => { const q = r.result.transaction("responses").objectStore("responses").count(); q.onsuccess = () => { r.result.close(); ok(q.result); }; };
    });
    return store === n - 1;
  }, before);
  const stored = JSON.stringify((await readStore(page)).responses);
  assert.ok(!stored.includes("WithdrawMeQx"));
  assert.ok(stored.includes("KeepMeQx"));
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("text=Export everything now")]);
  const backup = readFileSync(await download.path(), "utf8");
  assert.ok(!backup.includes("WithdrawMeQx"));
  assert.ok(backup.includes("KeepMeQx"));
  assert.ok(!backup.includes('"salt"') && !backup.includes('"iterations"'), "the PIN hash never leaves the device");
});

test("a full resident visit makes no request off 127.0.0.1 and breaks no CSP rule", async (t) => {
  const { context } = await launch(null, KIOSK);
  t.after(() => context.close());
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const page = await context.newPage();
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));
  await open(page, srv.url, "#/map");
  await begin(page, "Visitor<img src=x onerror=alert(1)>");
  await page.fill("[data-testid=name-input]", "javascript:alert(2)");
  await page.click("[data-testid=add-name]");
  await finish(page);
  const offsite = requests.filter((u) => !u.startsWith(srv.url) && !u.startsWith("data:") && !u.startsWith("blob:"));
  assert.deepEqual(offsite, [], "requests left 127.0.0.1");
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
  // After load, nothing more is fetched: the visit itself is offline. (The
  // manifest and its icons are fetched by the browser at load, for installing.)
  // blob: URLs are the page's own memory (the map picture), not requests.
  const after = requests.filter((u) => !u.startsWith("blob:"))
    .filter((u) => !/\.(js|wasm|css|webmanifest)$|\/icons\/[\w-]+\.png$|\/$|#/.test(new URL(u).pathname + new URL(u).hash));
  assert.deepEqual(after, []);
});

test("with 'do not record names' the people become numbered and no name is stored", async (t) => {
  const { context } = await launch(null, KIOSK);
  t.after(() => context.close());
  const page = await context.newPage();
  await open(page, srv.url, "#/facilitator");
  await page.click("[data-testid=no-names-toggle]");
  await page.waitForSelector("[data-testid=no-names-toggle][aria-pressed=true]");
  await page.goto(srv.url + "#/map");
  await page.click("[data-testid=start-map]");
  await page.click("[data-testid=consent-agree]");
  await page.click("[data-testid=flow-next]");
  for (const n of ["SecretSally", "SecretSam"]) {
    await page.fill("[data-testid=name-input]", n);
    await page.click("[data-testid=add-name]");
  }
  await page.waitForSelector('.bubble[data-name="Person 2"]');
  await page.waitForSelector("[data-save-state=saved]");
  const store = JSON.stringify(await readStore(page));
  assert.ok(!store.includes("SecretSally") && !store.includes("SecretSam"));
  assert.ok(!(await page.content()).includes("SecretSa"));
});
