// Play-back on the big screen (kiosk viewport): lenses and captions, a node
// card by tap, the timeline growing the network, PNG and SVG exports, and
// the privacy canary: a name a resident just drew appears nowhere in the
// play-back's DOM or exports, while their own point is highlighted.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { serve, launch, open, watchErrors, shot, text, KIOSK } from "./harness.mjs";

let srv;
before(async () => { srv = await serve(process.env.WEAVE_DIST); });
after(async () => { await srv.close(); });

const CANVAS = "[data-testid=sociogram]";
const data = (page, key) => page.$eval(CANVAS, (c, k) => c.dataset[k], key);

async function playback(page) {
  await open(page, srv.url, "#/playback");
  await page.waitForSelector(`${CANVAS}[data-frames]`);
}

/** Taps the largest node, re-reading its position until a card opens. */
async function tapNode(page) {
  const box = await page.locator(CANVAS).boundingBox();
  for (let i = 0; i < 5; i++) {
    const [x, y] = (await data(page, "sample")).split(",").map(Number);
    await page.touchscreen.tap(box.x + x, box.y + y);
    try {
      await page.waitForSelector("[data-testid=pb-card]", { timeout: 1500 });
      return;
    } catch { /* the layout moved it; try again */ }
  }
  assert.fail("no card opened");
}

test("lenses switch with captions; a tapped node opens a card without names", async (t) => {
  const { context } = await launch(null, KIOSK);
  t.after(() => context.close());
  const page = await context.newPage();
  const errors = watchErrors(page);
  await playback(page);
  assert.ok(Number(await data(page, "nodes")) > 600);
  await page.waitForFunction(() => document.querySelector("[data-testid=pb-findings] li"));
  const captions = new Set();
  for (const lens of ["communities", "isolates", "brokers", "change-makers", "places", "group"]) {
    const button = page.locator(`button[data-lens=${lens}]`);
    await button.tap();
    assert.equal(await button.getAttribute("aria-pressed"), "true");
    assert.equal(await page.locator("button[data-lens][aria-pressed=true]").count(), 1);
    const caption = await text(page, "[data-testid=pb-caption]");
    assert.ok(caption.length > 20, caption);
    captions.add(caption);
    assert.ok((await page.locator("[data-testid=pb-legend] li").count()) >= 2);
    await page.waitForTimeout(400); // let a few frames paint for the screenshot
    await shot(page, `playback-lens-${lens}`);
  }
  assert.equal(captions.size, 6);
  // Places are labelled in the places lens only; the card of a place may name it.
  await page.locator("button[data-lens=communities]").tap();
  await tapNode(page);
  const card = await text(page, "[data-testid=pb-card]");
  assert.match(card, /A resident|Someone a resident named/);
  assert.match(card, /group \d+/);
  await shot(page, "playback-card");
  await page.locator("[data-testid=pb-card-close]").tap();
  assert.equal(await page.locator("[data-testid=pb-card]").count(), 0);
  assert.deepEqual(errors, []);
});

test("the timeline plays the event back and the network grows", async (t) => {
  const { context } = await launch(null, KIOSK);
  t.after(() => context.close());
  const page = await context.newPage();
  await playback(page);
  const all = Number(await data(page, "nodes"));
  await page.$eval("[data-testid=pb-timeline]", (el) => {
    el.value = "0";
    el.dispatchEvent(new Event("input", { bubbles: true }));
  });
  await page.waitForFunction((s) => document.querySelector(s).dataset.nodes === "0", CANVAS);
  await page.locator("[data-testid=pb-play]").tap();
  await page.waitForFunction((s) => Number(document.querySelector(s).dataset.nodes) > 0, CANVAS);
  const early = Number(await data(page, "nodes"));
  await page.waitForFunction(([s, n]) => Number(document.querySelector(s).dataset.nodes) > n + 20,
    [CANVAS, early]);
  const later = Number(await data(page, "nodes"));
  assert.ok(later > early && later <= all, `${early} -> ${later} of ${all}`);
  assert.match(await text(page, "[data-testid=pb-timeline-value]"), /of 150 maps/);
  await shot(page, "playback-timeline");
});

async function download(page, testid) {
  const [file] = await Promise.all([
    page.waitForEvent("download"),
    page.locator(`[data-testid=${testid}]`).tap(),
  ]);
  return readFileSync(await file.path());
}

async function parsesAsSvg(page, svg) {
  return page.evaluate((s) => {
    const doc = new DOMParser().parseFromString(s, "image/svg+xml");
    return !doc.querySelector("parsererror") && doc.documentElement.nodeName === "svg";
  }, svg);
}

test("the view exports as a PNG picture and an SVG drawing", async (t) => {
  const { context } = await launch(null, KIOSK);
  t.after(() => context.close());
  const page = await context.newPage();
  const errors = watchErrors(page);
  await playback(page);
  await page.locator("button[data-lens=places]").tap();
  const png = await download(page, "pb-export-png");
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  assert.ok(png.length > 10000, `${png.length} bytes`);
  const svg = (await download(page, "pb-export-svg")).toString("utf8");
  assert.ok(await parsesAsSvg(page, svg));
  assert.match(svg, /Squares are places/); // the caption
  assert.match(svg, /<rect x=/); // places as squares
  assert.deepEqual(errors, []);
});

async function next(page) {
  const title = await text(page, "main h1");
  await page.locator("[data-testid=flow-next]").tap();
  await page.waitForFunction((t) => document.querySelector("main h1")?.textContent !== t, title);
}

test("canary: a resident's names never reach the play-back, their own point is highlighted", async (t) => {
  const CANARY = "Quillon Zabrinsky";
  const { context } = await launch(null, KIOSK);
  t.after(() => context.close());
  const page = await context.newPage();
  const errors = watchErrors(page);
  await open(page, srv.url, "#/map");
  await page.locator("[data-testid=start-map]").tap();
  await page.locator("[data-testid=consent-agree]").tap();
  await next(page); // about you -> first prompt
  for (const name of [CANARY, "Wendeline Q"]) {
    await page.fill("[data-testid=name-input]", name);
    await page.locator("[data-testid=add-name]").tap();
    await page.waitForSelector(`.bubble[data-name="${name}"]`);
  }
  for (let i = 0; i < 12 && !(await page.$("[data-testid=saved-confirmation]")); i++) {
    await page.locator("[data-testid=flow-next]").tap();
    await page.waitForTimeout(150);
  }
  await page.waitForSelector("[data-testid=saved-confirmation]");
  await page.getByRole("button", { name: "See yourself in the community" }).tap();
  await page.waitForSelector(`${CANVAS}[data-you-ms]`);
  await page.waitForSelector("[data-testid=pb-you]");
  await shot(page, "playback-you");
  await page.waitForFunction(() => document.querySelector("[data-testid=pb-findings] li"));
  for (const lens of ["communities", "isolates", "brokers", "change-makers", "places", "group"]) {
    await page.locator(`button[data-lens=${lens}]`).tap();
    const html = await page.evaluate(() => document.documentElement.outerHTML);
    assert.ok(!html.includes("Quillon") && !html.includes("Zabrinsky"), `canary in DOM (${lens})`);
  }
  const svg = (await download(page, "pb-export-svg")).toString("utf8");
  assert.ok(await parsesAsSvg(page, svg));
  assert.ok(!svg.includes("Quillon") && !svg.includes("Zabrinsky"), "canary in the SVG");
  assert.equal(Number(await data(page, "nodes")) > 600, true);
  // After the highlight fades the whole picture returns.
  await page.waitForSelector("[data-testid=pb-you]", { state: "detached", timeout: 12000 });
  assert.deepEqual(errors, []);
});
