// Phone -> event without a server. Page A (the facilitator's device) shows
// the event code; page B (a phone) reads it through Chromium's fake camera
// (a Y4M video of A's codes), draws a map offline and shows its sealed map as
// cycling codes; A reads those through its own fake camera and the map
// appears in A's data and play-back, once, however often it is scanned. A
// tampered file and a map sealed for another device's key get clear messages.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serve, launch, open, readStore, shot, text, watchErrors, PHONE } from "./harness.mjs";
import { captureCodes, writeY4m, cameraArgs, payloadOf, fileOf } from "./camera.mjs";

let srv;
const work = mkdtempSync(join(tmpdir(), "weave-handover-"));
before(async () => { srv = await serve(); });
after(async () => { await srv.close(); });

const DESK = { viewport: { width: 1280, height: 1000 } };
const CANARY = "Zebedee Canary";

async function finishMap(page) {
  await page.click("[data-testid=start-map]");
  await page.click("[data-testid=consent-agree]");
  await page.click("[data-testid=flow-next]");
  await page.fill("[data-testid=name-input]", CANARY);
  await page.click("[data-testid=add-name]");
  await page.waitForSelector(`.bubble[data-name="${CANARY}"]`);
  for (let i = 0; i < 12; i++) {
    const next = page.locator("[data-testid=flow-next]");
    const label = await next.textContent();
    await next.click();
    if (/Finish/.test(label)) break;
  }
}

test("a phone joins by the event code, hands its sealed map back, and it lands once", { timeout: 300000 }, async (t) => {
  const dirA = join(work, "facilitator");
  // 1. The facilitator's device shows the event code.
  let a = await launch(dirA, DESK);
  let pageA = await a.context.newPage();
  const errorsA = watchErrors(pageA);
  await open(pageA, srv.url, "#/playback");
  await pageA.waitForSelector("[data-testid=pb-counts]");
  const countsBefore = await text(pageA, "[data-testid=pb-counts]");
  await pageA.goto(srv.url + "#/facilitator/phones");
  await pageA.reload();
  await pageA.waitForSelector("[data-testid=event-qr]");
  const keyId = await text(pageA, "[data-testid=event-key-id]");
  assert.match(keyId, /^[0-9a-f]{4}-[0-9a-f]{4}$/);
  const eventCodes = await captureCodes(pageA, "[data-testid=event-qr]");
  await shot(pageA, "handover-facilitator-event-code");
  const before = await readStore(pageA);
  const responsesBefore = Object.keys(before.responses).length;
  assert.deepEqual(errorsA, []);
  await a.context.close();
  writeY4m(join(work, "event.y4m"), eventCodes);

  // 2. The phone scans it, draws a map and shows the sealed codes.
  const b = await launch(join(work, "phone"), { ...PHONE, args: cameraArgs(join(work, "event.y4m")) });
  t.after(() => b.context.close());
  const pageB = await b.context.newPage();
  const errorsB = watchErrors(pageB);
  await open(pageB, srv.url, "#/");
  await pageB.click("[data-testid=start-join]");
  await pageB.click("[data-testid=cam-start]");
  await pageB.waitForSelector("[data-testid=scan-progress]", { timeout: 30000 });
  await shot(pageB, "handover-phone-scanning");
  await pageB.waitForSelector("[data-testid=join-event-name]", { timeout: 60000 });
  await shot(pageB, "handover-phone-join");
  assert.equal(await text(pageB, "[data-testid=join-event-name]"), "Murton Big Local — community mapping day");
  await pageB.click("[data-testid=join-confirm]");
  await finishMap(pageB);
  await pageB.waitForSelector("[data-testid=response-qr]");
  const code = await text(pageB, "[data-testid=withdrawal-code]");
  const responseCodes = await captureCodes(pageB, "[data-testid=response-qr]");
  await shot(pageB, "handover-phone-codes");
  const [download] = await Promise.all([
    pageB.waitForEvent("download"),
    pageB.click("[data-testid=response-download]"),
  ]);
  const fileText = readFileSync(await download.path(), "utf8");
  // The phone keeps only the sealed copy: no plain map, no draft, no name anywhere in storage.
  const phoneStore = await readStore(pageB);
  assert.ok(!JSON.stringify(phoneStore).includes(CANARY), "the name must not be stored in the clear on the phone");
  assert.equal(Object.keys(phoneStore.drafts).length, 0);
  assert.equal(phoneStore.device.handover.outbox.length, 1);
  assert.ok(!fileText.includes(CANARY));
  assert.deepEqual(errorsB, []);
  writeY4m(join(work, "response.y4m"), responseCodes);

  // 3. The facilitator's device scans the phone's codes: added, then (the video loops) a repeat.
  a = await launch(dirA, { ...DESK, args: cameraArgs(join(work, "response.y4m")) });
  t.after(() => a.context.close());
  pageA = await a.context.newPage();
  await open(pageA, srv.url, "#/facilitator/phones");
  await pageA.click("[data-testid=cam-start]");
  await pageA.waitForSelector("[data-outcome=ho-received-added]", { timeout: 60000 });
  await pageA.waitForSelector("[data-outcome=ho-received-duplicate]", { timeout: 60000 });
  await shot(pageA, "handover-facilitator-received");
  const after = await readStore(pageA);
  const mine = Object.values(after.responses).filter((r) => r.alters?.some((x) => x.name === CANARY));
  assert.equal(mine.length, 1, "the map is stored exactly once");
  assert.equal(mine[0].withdrawal_code, code);
  assert.equal(Object.keys(after.responses).length, responsesBefore + 1);

  // 4. A tampered file (re-framed so only the seal can catch it) and a foreign key.
  const sealed = payloadOf(fileText);
  sealed[sealed.length - 20] ^= 0x01;
  await pageA.setInputFiles("[data-testid=scan-file]", { name: "tampered.weave", mimeType: "text/plain", buffer: Buffer.from(fileOf(sealed)) });
  await pageA.waitForSelector("[data-outcome=ho-received-tampered]");
  assert.match(await text(pageA, "[data-outcome=ho-received-tampered]"), /damaged or changed/);
  await pageA.setInputFiles("[data-testid=scan-file]", { name: "map.weave", mimeType: "text/plain", buffer: Buffer.from(fileText) });
  await pageA.waitForFunction(() => document.querySelectorAll("[data-outcome=ho-received-duplicate]").length >= 2);
  assert.equal(Object.keys((await readStore(pageA)).responses).length, responsesBefore + 1);

  // 5. The play-back includes the new map.
  await pageA.goto(srv.url + "#/playback");
  await pageA.reload();
  await pageA.waitForSelector("[data-testid=pb-counts]");
  const countsAfter = await text(pageA, "[data-testid=pb-counts]");
  const nodes = (s) => Number(s.match(/\d+/)[0]);
  assert.ok(nodes(countsAfter) > nodes(countsBefore), `${countsBefore} -> ${countsAfter}`);

  // 6. Another facilitator device (its own key) cannot open it, and says why.
  const c = await launch(join(work, "other"), DESK);
  t.after(() => c.context.close());
  const pageC = await c.context.newPage();
  await open(pageC, srv.url, "#/facilitator/phones");
  await pageC.waitForSelector("[data-testid=event-key-id]");
  await pageC.setInputFiles("[data-testid=scan-file]", { name: "map.weave", mimeType: "text/plain", buffer: Buffer.from(fileText) });
  await pageC.waitForSelector("[data-outcome=ho-received-other-key]");
  assert.match(await text(pageC, "[data-outcome=ho-received-other-key]"), new RegExp(keyId));
  await shot(pageC, "handover-foreign-key");
});
