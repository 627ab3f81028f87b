// Embedding: a partner page on one 127.0.0.1 port embeds Weave served from
// another with the copy-paste script. Capture works inside the frame, the
// host hears ready / height / finished (counts, never names), its reset
// works; a third origin's messages change nothing, and a host that is not on
// embed.json's allowlist hears nothing at all.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { serve, launch, KIOSK } from "./harness.mjs";

const DIST = resolve(new URL("../../dist", import.meta.url).pathname);
let weave, host, third, weaveDir, hostDir;
const NAME = "Embedded Esme";

function hostPage(weaveUrl, thirdUrl, event = "") {
  return `<!doctype html><html><head><meta charset="utf-8"><title>Partner</title></head><body>
<h1>Our neighbourhood</h1>
<div id="weave"></div>
<iframe id="third" src="${thirdUrl}third.html" title="advert"></iframe>
<script src="${weaveUrl}embed.js"></script>
<script>
  window.got = [];
  window.weave = Weave.mount("#weave", {
    mode: "capture", lang: "en", colours: { accent: "#aa3377" }, ${event ? `event: "${event}",` : ""}
    onReady: (m) => got.push(m), onFinished: (m) => got.push(m), onHeight: (h) => got.push({ type: "height", h }),
  });
</script></body></html>`;
}

before(async () => {
  hostDir = mkdtempSync(join(tmpdir(), "weave-host-"));
  const thirdDir = mkdtempSync(join(tmpdir(), "weave-third-"));
  weaveDir = mkdtempSync(join(tmpdir(), "weave-embedded-"));
  host = await serve(hostDir);
  third = await serve(thirdDir);
  cpSync(DIST, weaveDir, { recursive: true });
  writeFileSync(join(weaveDir, "embed.json"), JSON.stringify({ allowedOrigins: [host.url.replace(/\/$/, "")] }));
  weave = await serve(weaveDir);
  writeFileSync(join(hostDir, "index.html"), hostPage(weave.url, third.url));
  // The same page on an origin that is not allowed.
  writeFileSync(join(thirdDir, "index.html"), hostPage(weave.url, third.url));
  writeFileSync(join(thirdDir, "third.html"), "<!doctype html><title>advert</title><p>advert</p>");
});
after(async () => { await Promise.all([weave.close(), host.close(), third.close()]); });

const frameOf = (page) => page.frames().find((f) => f.url().startsWith(weave.url));

test("capture inside a partner's page, with the allowlisted message API", { timeout: 120000 }, async (t) => {
  const { context } = await launch(null, KIOSK);
  t.after(() => context.close());
  const page = await context.newPage();
  await page.goto(host.url);
  await page.waitForFunction(() => window.got.some((m) => m.type === "weave:ready"), null, { timeout: 30000 });
  await page.waitForFunction(() => window.got.some((m) => m.type === "height" && m.h > 200));
  const frame = frameOf(page);
  assert.equal(await frame.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue("--accent").trim()), "#aa3377");

  await frame.click("[data-testid=start-map]");
  await frame.click("[data-testid=consent-agree]");
  await frame.click("[data-testid=flow-next]");
  await frame.fill("[data-testid=name-input]", NAME);
  await frame.click("[data-testid=add-name]");
  await frame.waitForSelector(`.bubble[data-name="${NAME}"]`);

  // A third origin (an advert frame on the same page) tries to reset Weave and change its language.
  const advert = page.frames().find((f) => f.url().startsWith(third.url));
  await advert.evaluate(() => {
    const weaveWindow = parent.frames[0];
    weaveWindow.postMessage({ type: "weave:reset" }, "*");
    weaveWindow.postMessage({ type: "weave:language", lang: "xx" }, "*");
    weaveWindow.postMessage({ type: "weave:event", event: "WV1/E/00000000/1/1/00" }, "*");
  });
  await page.waitForTimeout(500);
  assert.equal(await frame.locator(`.bubble[data-name="${NAME}"]`).count(), 1, "the third origin changed nothing");

  for (let i = 0; i < 12; i++) {
    const next = frame.locator("[data-testid=flow-next]");
    const label = await next.textContent();
    await next.click();
    if (/Finish/.test(label)) break;
  }
  await frame.waitForSelector("[data-testid=saved-confirmation]");
  await page.waitForFunction(() => window.got.some((m) => m.type === "weave:finished"));
  const finished = await page.evaluate(() => window.got.find((m) => m.type === "weave:finished"));
  assert.equal(finished.summary.people, 1);
  assert.match(finished.summary.withdrawalCode, /^[A-Z0-9]{6}$/);
  assert.ok(!JSON.stringify(await page.evaluate(() => window.got)).includes(NAME), "names never leave the frame");
  await page.screenshot({ path: "tests/e2e/artifacts/embed-host-finished.png" });

  // The host (allowed) resets the frame for the next visitor.
  await page.evaluate(() => window.weave.reset());
  await frame.waitForSelector("[data-testid=start-map]");
});

test("a host that is not on the allowlist hears nothing", { timeout: 60000 }, async (t) => {
  const { context } = await launch(null, KIOSK);
  t.after(() => context.close());
  const page = await context.newPage();
  const warnings = [];
  page.on("console", (m) => warnings.push(m.text()));
  await page.goto(third.url);
  const frame = await (async () => {
    for (let i = 0; i < 100 && !frameOf(page); i++) await page.waitForTimeout(100);
    return frameOf(page);
  })();
  await frame.waitForSelector("[data-testid=start-map]", { timeout: 30000 });
  await page.waitForTimeout(1500);
  assert.deepEqual(await page.evaluate(() => window.got), []);
  assert.ok(warnings.some((w) => /not in embed\.json's allowedOrigins/.test(w)));
});

test("with the facilitator's event file, the frame seals each map to the event's key", { timeout: 120000 }, async (t) => {
  const { context } = await launch(null, KIOSK);
  t.after(() => context.close());
  // The facilitator (on Weave's own origin) downloads the event file; it is published next to Weave.
  const fac = await context.newPage();
  await fac.goto(weave.url + "#/facilitator/phones");
  await fac.waitForSelector("[data-testid=event-key-id]");
  const [download] = await Promise.all([
    fac.waitForEvent("download"),
    fac.click("text=Download the event file"),
  ]);
  mkdirSync(join(weaveDir, "events"), { recursive: true });
  cpSync(await download.path(), join(weaveDir, "events", "fair.weave"));
  writeFileSync(join(hostDir, "event.html"), hostPage(weave.url, third.url, "events/fair.weave"));

  const page = await context.newPage();
  await page.goto(host.url + "event.html");
  await page.waitForFunction(() => window.got.some((m) => m.type === "weave:ready"), null, { timeout: 30000 });
  const frame = frameOf(page);
  await frame.click("[data-testid=start-map]");
  await frame.click("[data-testid=consent-agree]");
  await frame.click("[data-testid=flow-next]");
  await frame.fill("[data-testid=name-input]", NAME);
  await frame.click("[data-testid=add-name]");
  await frame.waitForSelector(`.bubble[data-name="${NAME}"]`);
  for (let i = 0; i < 12; i++) {
    const next = frame.locator("[data-testid=flow-next]");
    const label = await next.textContent();
    await next.click();
    if (/Finish/.test(label)) break;
  }
  await frame.waitForSelector("[data-testid=response-qr]");
  await page.waitForFunction(() => window.got.some((m) => m.type === "weave:finished"));
  const finished = await page.evaluate(() => window.got.find((m) => m.type === "weave:finished"));
  assert.match(finished.sealed, /^Weave response \(sealed\)/);
  assert.ok(finished.sealed.includes("WV1/R/"));
  assert.ok(!finished.sealed.includes(NAME));

  // The facilitator's device opens what the partner forwarded.
  await fac.reload();
  await fac.waitForSelector("[data-testid=scan-file]");
  await fac.setInputFiles("[data-testid=scan-file]", { name: "forwarded.weave", mimeType: "text/plain", buffer: Buffer.from(finished.sealed) });
  await fac.waitForSelector("[data-outcome=ho-received-added]");
});
