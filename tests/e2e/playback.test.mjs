// Play-back on the big screen (kiosk viewport): lenses and captions, a node
// card by tap, the timeline growing the network, PNG and SVG exports, both
// renderers (WebGL 2 and the Canvas 2D fallback) really drawing, size and
// colour choices, presentation mode, the facilitator's labels switch and
// search by name, and the privacy canary: a name a resident just drew
// appears nowhere in the play-back's DOM, canvas text or exports unless the
// facilitator turned names on, while their own point is highlighted.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { serve, launch, open, watchErrors, shot, text, readStore, KIOSK } from "./harness.mjs";

let srv;
before(async () => { srv = await serve(process.env.WEAVE_DIST); });
after(async () => { await srv.close(); });

const CANVAS = "[data-testid=sociogram]";
const data = (page, key) => page.$eval(CANVAS, (c, k) => c.dataset[k], key);

/**
 * Records every string drawn as canvas text (labels overlay and fallback),
 * and each label's box in CSS pixels with the canvas's drawing scale against
 * its backing store's density, in batches (a batch starts when a canvas is
 * cleared or painted over whole).
 */
async function recordCanvasText(context) {
  await context.addInitScript(() => {
    window.__canvasText = [];
    window.__labelBatches = [[]];
    const P = CanvasRenderingContext2D.prototype;
    for (const name of ["clearRect", "putImageData"]) {
      const original = P[name];
      P[name] = function (...args) {
        if (window.__labelBatches.at(-1).length) window.__labelBatches.push([]);
        return original.apply(this, args);
      };
    }
    for (const name of ["fillText", "strokeText"]) {
      const original = P[name];
      P[name] = function (text, x, y, ...rest) {
        window.__canvasText.push(String(text));
        if (name === "fillText") {
          const m = this.getTransform();
          const w = this.measureText(text);
          const c = this.canvas;
          window.__labelBatches.at(-1).push({
            text: String(text), scale: m.a, density: c.width / c.clientWidth,
            left: (m.a * x + m.e) / m.a, right: (m.a * (x + w.width) + m.e) / m.a,
            top: (m.d * (y - w.actualBoundingBoxAscent) + m.f) / m.d,
            bottom: (m.d * (y + w.actualBoundingBoxDescent) + m.f) / m.d,
          });
        }
        return original.call(this, text, x, y, ...rest);
      };
    }
  });
}
/** The labels of the last batch drawn. */
const lastLabels = (page) => page.evaluate(() => window.__labelBatches.findLast((b) => b.length) || []);
const canvasText = (page) => page.evaluate(() => window.__canvasText.join("\n"));

/** Share of the sociogram's pixels (in a screenshot) that are not background. */
async function inkShare(page) {
  const png = await page.locator(CANVAS).screenshot();
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = new OffscreenCanvas(img.width, img.height);
    const g = c.getContext("2d");
    g.drawImage(img, 0, 0);
    const d = g.getImageData(0, 0, img.width, img.height).data;
    let ink = 0;
    for (let i = 0; i < d.length; i += 4) {
      if (Math.abs(d[i] - 16) + Math.abs(d[i + 1] - 23) + Math.abs(d[i + 2] - 34) > 40) ink++;
    }
    return ink / (d.length / 4);
  }, png.toString("base64"));
}

async function playback(page) {
  await open(page, srv.url, "#/playback");
  await page.waitForSelector(`${CANVAS}[data-frames]`);
}

/**
 * A kiosk browser page with errors watched, closed when test `t` ends;
 * with `canvasText`, every text drawn on a canvas is recorded.
 */
async function kioskPage(t, { canvasText = false } = {}) {
  const { context } = await launch(null, KIOSK);
  t.after(() => context.close());
  if (canvasText) await recordCanvasText(context);
  const page = await context.newPage();
  return { page, errors: watchErrors(page) };
}

/** A kiosk page (see `kioskPage`) with the play-back open on the demo event. */
async function kioskPlayback(t, options) {
  const opened = await kioskPage(t, options);
  await playback(opened.page);
  return opened;
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
  const { page, errors } = await kioskPlayback(t);
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
  const { page } = await kioskPlayback(t);
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
  const { page, errors } = await kioskPlayback(t);
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
  const { page, errors } = await kioskPage(t, { canvasText: true });
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
  // The PNG is the same SVG rasterised: it has no other text to draw.
  const drawn = await canvasText(page);
  assert.ok(drawn.length > 0, "the places lens labelled its places");
  assert.ok(!drawn.includes("Quillon") && !drawn.includes("Zabrinsky"), "canary in canvas text");
  assert.equal(await page.locator("[data-testid=pb-search]").count(), 0, "no search on the public screen");
  assert.equal(Number(await data(page, "nodes")) > 600, true);
  // After the highlight fades the whole picture returns.
  await page.waitForSelector("[data-testid=pb-you]", { state: "detached", timeout: 12000 });
  assert.deepEqual(errors, []);
});

test("the facilitator turns names on in the workspace, and finds a person by name", async (t) => {
  const { page, errors } = await kioskPlayback(t, { canvasText: true });
  await page.evaluate(() => { location.hash = "#/facilitator"; });
  await page.locator("[data-testid=pb-labels-everyone]").check();
  await page.waitForSelector("[role=note]");
  await shot(page, "playback-facilitator-setup");
  // The public screen now shows names (in the app, without a reload), a
  // few at a time so they stay readable.
  await page.locator("[data-testid=open-playback]").tap();
  await page.waitForSelector(`${CANVAS}[data-frames]`);
  await page.waitForFunction(() => window.__canvasText.some((t) => /^[A-Z][a-z]+ [A-Z][a-z]+$/.test(t)));
  const name = await page.evaluate(() => window.__canvasText.find((t) => /^[A-Z][a-z]+ [A-Z][a-z]+$/.test(t)));
  await shot(page, "playback-names-on");
  await page.evaluate(() => { location.hash = "#/facilitator"; });
  await page.locator("[data-testid=pb-labels-places]").check();
  await page.locator("[data-testid=open-playback-facilitator]").tap();
  await page.waitForSelector("[data-testid=pb-search]");
  await page.locator("[data-testid=pb-search-input]").fill(name.toLowerCase().slice(0, 6));
  await page.waitForSelector("[data-testid=pb-search-hit]");
  const hits = await page.locator("[data-testid=pb-search-hit]").allTextContents();
  assert.ok(hits.some((h) => h.includes(name)), hits.join(" | "));
  await page.locator("[data-testid=pb-search-hit]", { hasText: name }).first().tap();
  await page.waitForSelector("[data-testid=pb-card]");
  assert.match(await text(page, "[data-testid=pb-legend]"), /you searched for/);
  await shot(page, "playback-facilitator-search");
  await page.locator("[data-testid=pb-search-clear]").tap();
  await page.waitForFunction(() => !/you searched for/.test(document.querySelector("[data-testid=pb-legend]").textContent));
  assert.deepEqual(errors, []);
});

for (const renderer of ["webgl", "canvas2d"]) {
  test(`the ${renderer} renderer draws the picture and the places' labels`, async (t) => {
    const { page, errors } = await kioskPage(t, { canvasText: true });
    await open(page, srv.url, `#/playback?renderer=${renderer}`);
    await page.waitForSelector(`${CANVAS}[data-frames]`);
    await page.waitForFunction(([s, r]) => document.querySelector(s).dataset.renderer === r, [CANVAS, renderer]);
    await page.waitForTimeout(800);
    const ink = await inkShare(page);
    assert.ok(ink > 0.01 && ink < 0.6, `ink ${ink}`);
    assert.equal(await canvasText(page), "", "no labels in the groups lens");
    await page.locator("button[data-lens=places]").tap();
    await page.waitForFunction(() => window.__canvasText.length > 0);
    const labels = await canvasText(page);
    assert.match(labels, /[A-Za-z]{3}/);
    // Labels are drawn at their canvas's own pixel density (the picture
    // beneath may be drawn at less while it settles) and never overlap.
    await page.waitForTimeout(600);
    const drawn = await lastLabels(page);
    assert.ok(drawn.length >= 5, `${drawn.length} labels`);
    for (const l of drawn) assert.ok(Math.abs(l.scale - l.density) < 0.02, `${l.text} drawn at ${l.scale}, canvas at ${l.density}`);
    for (const [i, a] of drawn.entries()) {
      for (const b of drawn.slice(i + 1)) {
        const overlap = a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
        assert.ok(!overlap, `"${a.text}" overlaps "${b.text}"`);
      }
    }
    await shot(page, `playback-${renderer}-places`);
    // Panning moves the picture: the frame after a drag differs.
    const before = await page.locator(CANVAS).screenshot();
    const box = await page.locator(CANVAS).boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 200, box.y + box.height / 2 + 80, { steps: 8 });
    await page.mouse.up();
    await page.waitForTimeout(200);
    const after = await page.locator(CANVAS).screenshot();
    assert.notDeepEqual(before, after);
    assert.deepEqual(errors, []);
  });
}

test("without a GPU the play-back draws with Canvas 2D; WebGL when asked", async (t) => {
  const { page } = await kioskPlayback(t);
  await page.waitForFunction((s) => Number(document.querySelector(s).dataset.frames) > 3, CANVAS);
  // Headless Chromium here has only SwiftShader: a software rasteriser.
  assert.equal(await data(page, "software"), "true");
  assert.equal(await data(page, "renderer"), "canvas2d");
});

test("Canvas 2D paints in a worker where the browser can, on the page's thread when asked", async (t) => {
  for (const [hash, where] of [["#/playback?renderer=canvas2d", "worker"], ["#/playback?renderer=canvas2d&paint=main", "main"]]) {
    const { page, errors } = await kioskPage(t);
    await open(page, srv.url, hash);
    await page.waitForFunction((s) => Number(document.querySelector(s)?.dataset.pictures) > 3, CANVAS);
    assert.equal(await data(page, "paint"), where);
    // The worker's pictures keep coming while the layout settles, and show.
    const pictures = Number(await data(page, "pictures"));
    await page.waitForFunction(([s, n]) => Number(document.querySelector(s).dataset.pictures) > n, [CANVAS, pictures]);
    const ink = await inkShare(page);
    assert.ok(ink > 0.01 && ink < 0.6, `${where}: ink ${ink}`);
    assert.deepEqual(errors, []);
  }
});

test("the first picture stays on screen until the paint worker's replaces it, and the canvas keeps its size", async (t) => {
  // Once the app has warmed up, the paint worker takes the canvas with the
  // first picture; the overlay keeps that picture (cleared, the screen was
  // blank for ~150 ms) and the canvas is sized from the space left, not
  // from its backing store (which moved the side panel and resized, and
  // cleared, the canvas in the frames after the first picture).
  const { page, errors } = await kioskPage(t);
  await open(page, srv.url, "#/");
  await page.waitForSelector("html[data-warm=done]", { timeout: 20000 });
  const frames = await page.evaluate(() => new Promise((done) => {
    const seen = [];
    location.hash = "#/playback?renderer=canvas2d";
    const frame = () => {
      const c = document.querySelector("[data-testid=sociogram]");
      const o = document.querySelector(".sociogram-labels");
      if (c && o && Number(c.dataset.pictures) > 0) {
        const d = o.getContext("2d").getImageData(0, 0, o.width, o.height).data;
        let ink = 0;
        for (let i = 3; i < d.length; i += 4 * 31) if (d[i] > 0) ink++;
        seen.push({ pictures: Number(c.dataset.pictures), paint: c.dataset.paint, ink, size: `${c.clientWidth}x${c.clientHeight}` });
      }
      if (seen.length < 240 && !(seen.length > 5 && seen.at(-1).pictures > 3)) requestAnimationFrame(frame);
      else done(seen);
    };
    requestAnimationFrame(frame);
  }));
  const untilWorker = frames.filter((f) => f.pictures < 2);
  assert.ok(untilWorker.length >= 1 && frames.some((f) => f.pictures >= 2), `the worker's picture landed: ${JSON.stringify(frames.slice(0, 3))}`);
  for (const f of untilWorker) assert.ok(f.ink > 100, `the first picture is on screen until the worker's lands: ${JSON.stringify(f)}`);
  assert.deepEqual([...new Set(frames.map((f) => f.size))], [frames[0].size], "the canvas keeps its size");
  // The canvas is the worker's from the frame after the first picture.
  assert.equal(frames[1]?.paint, "worker");
  assert.deepEqual(errors, []);
});

test("leaving the play-back while it lays out and paints throws nothing and stops its workers", async (t) => {
  // The workers of a play-back left at once still have replies on the way:
  // they must find no handler rather than a dropped closure (the error was
  // 'closure invoked recursively or after being dropped', 2 in 15 tries).
  const { page, errors } = await kioskPage(t);
  await open(page, srv.url, "#/facilitator");
  for (let i = 0; i < 16; i++) {
    await page.evaluate(() => { location.hash = "#/playback"; });
    await page.waitForSelector(`${CANVAS}[data-frames]`);
    await page.waitForTimeout((i * 17) % 90);
    await page.evaluate(() => { location.hash = "#/facilitator"; });
    await page.waitForSelector("[data-testid=compare-panel]");
  }
  await page.waitForTimeout(1500);
  assert.deepEqual(errors, []);
  // The analysis worker stays, and the spares started for the next
  // play-back once the app idled (a layout worker and a paint worker); the
  // play-backs' own layout and paint workers went.
  const spares = Number(await page.evaluate(() => document.documentElement.dataset.spareWorkers ?? 0));
  assert.ok(spares <= 2, `${spares} spare workers`);
  assert.ok(page.workers().length <= 2 + spares, `${page.workers().length} workers still running, ${spares} of them spares`);
});

test("the app warms the play-back up while it idles and keeps its workers ready, not when it opens on the play-back", async (t) => {
  const { page, errors } = await kioskPage(t);
  await open(page, srv.url, "#/");
  await page.waitForSelector("html[data-warm=done]", { timeout: 20000 });
  // Warmed up, the app keeps a layout worker and a paint worker ready
  // beside its analysis worker...
  const spares = () => page.evaluate(() => document.documentElement.dataset.spareWorkers);
  assert.equal(await spares(), "2");
  assert.equal(page.workers().length, 3);
  // ...and the play-back takes them rather than starting its own.
  await page.evaluate(() => { location.hash = "#/playback"; });
  await page.waitForFunction((s) => Number(document.querySelector(s)?.dataset.pictures) > 0, CANVAS);
  await page.waitForFunction((s) => document.querySelector(s).dataset.paint === "worker", CANVAS);
  await page.waitForFunction(() => document.documentElement.dataset.spareWorkers === "0");
  assert.equal(page.workers().length, 3, "no workers started beside the spares");
  const ink = await inkShare(page);
  assert.ok(ink > 0.01 && ink < 0.6, `ink ${ink}`);
  // Back on the start screen, the play-back's workers stop and new spares
  // start once the app idles.
  await page.evaluate(() => { location.hash = "#/"; });
  await page.waitForFunction(() => document.documentElement.dataset.spareWorkers === "2", null, { timeout: 10000 });
  await page.waitForTimeout(500);
  assert.equal(page.workers().length, 3);
  assert.deepEqual(errors, []);
  // Opened straight on the play-back, the real thing runs and nothing else.
  const direct = await kioskPlayback(t);
  await direct.page.waitForTimeout(2500);
  assert.equal(await direct.page.evaluate(() => document.documentElement.dataset.warm ?? null), null);
  assert.deepEqual(direct.errors, []);
});

test("a browser without OffscreenCanvas paints Canvas 2D on the page's thread", async (t) => {
  const { page, errors } = await kioskPage(t);
  // As in browsers from before OffscreenCanvas (Safari before 16.4).
  await page.addInitScript(() => {
    delete HTMLCanvasElement.prototype.transferControlToOffscreen;
    delete globalThis.OffscreenCanvasRenderingContext2D;
  });
  await open(page, srv.url, "#/playback?renderer=canvas2d");
  await page.waitForFunction((s) => Number(document.querySelector(s)?.dataset.pictures) > 3, CANVAS);
  assert.equal(await data(page, "paint"), "main");
  const ink = await inkShare(page);
  assert.ok(ink > 0.01 && ink < 0.6, `ink ${ink}`);
  assert.deepEqual(errors, []);
});

test("size and colour choices change the picture's key; presentation mode uses large type", async (t) => {
  const { page, errors } = await kioskPlayback(t);
  const colour = page.locator("[data-testid=pb-colour]");
  const options = await colour.locator("option").allTextContents();
  assert.ok(options.length >= 2, options.join("|"));
  await colour.selectOption({ index: 1 });
  await page.waitForFunction(() => /residents?$/.test((document.querySelector("[data-testid=pb-legend] li")?.textContent || "").replace(/[\u2068\u2069]/g, "")));
  const legend = await text(page, "[data-testid=pb-legend]");
  assert.match(legend, /did not answer/);
  assert.match(await text(page, "[data-testid=pb-caption]"), /Each colour is an answer to/);
  await page.locator("[data-testid=pb-size]").selectOption("mentions");
  await page.waitForTimeout(300);
  await shot(page, "playback-colour-by-answer");
  const small = await page.$eval("[data-testid=pb-caption]", (e) => parseFloat(getComputedStyle(e).fontSize));
  await page.locator("[data-testid=pb-fullscreen]").tap();
  await page.waitForSelector("main.playback.presenting");
  const large = await page.$eval("[data-testid=pb-caption]", (e) => parseFloat(getComputedStyle(e).fontSize));
  assert.ok(large > small * 1.2, `${small} -> ${large}`);
  assert.equal(await page.getAttribute("[data-testid=pb-fullscreen]", "aria-pressed"), "true");
  await shot(page, "playback-presenting");
  await page.locator("[data-testid=pb-fullscreen]").tap();
  await page.waitForSelector("main.playback:not(.presenting)");
  assert.deepEqual(errors, []);
});

/** Keeps the demo's event from last year for comparison, from the facilitator workspace. */
async function keepDemoEarlier(page) {
  await page.evaluate(() => { location.hash = "#/facilitator"; });
  await page.waitForSelector("[data-testid=compare-panel]");
  await page.locator("[data-testid=cmp-demo]").tap();
  await page.waitForSelector("[data-testid=cmp-held]");
}

const setStep = (page, v) => page.$eval("[data-testid=pb-timeline]", (el, value) => {
  el.value = String(value);
  el.dispatchEvent(new Event("input", { bubbles: true }));
}, v);

test("between two events: last year's picture grows into this year's, with a caption", async (t) => {
  const { page, errors } = await kioskPlayback(t);
  // Without an earlier event the timeline only plays this event.
  assert.equal(await page.locator("[data-testid=pb-mode-between]").count(), 0);
  await keepDemoEarlier(page);
  assert.match(await text(page, "[data-testid=cmp-held]"), /mapping day 2025 \(2025-06-14\), 110 maps/);
  // A bad file is refused in plain words, and the event held stays.
  await page.locator("[data-testid=cmp-file]").setInputFiles({
    name: "notes.json", mimeType: "application/json", buffer: Buffer.from("{ not weave"),
  });
  await page.waitForFunction(() => /could not be used/.test(document.querySelector("[data-testid=cmp-note]").textContent));
  assert.match(await text(page, "[data-testid=cmp-held]"), /mapping day 2025/);
  await shot(page, "compare-panel");
  // The current event is untouched.
  assert.equal(await text(page, "[data-testid=response-count]"), "150");
  await page.locator("[data-testid=open-playback]").tap();
  await page.waitForSelector(`${CANVAS}[data-frames]`);
  const alone = Number(await data(page, "nodes"));
  // Keyboard: the mode switch is a pair of buttons.
  await page.locator("[data-testid=pb-mode-between]").focus();
  await page.keyboard.press("Enter");
  await page.waitForSelector("[data-testid=pb-mode-between][aria-pressed=true]");
  const caption = await text(page, "[data-testid=pb-between-caption]");
  assert.match(caption,
    /^Since Murton Big Local — mapping day 2025: 150 residents drew maps, \d+ people are named for the first time, \d+ new ties link groups that were apart, \d+ people are no longer named\.$/, caption);
  const [named, linking, gone] = caption.match(/\d+/g).slice(2).map(Number);
  assert.ok(named >= 5 && linking >= 5 && gone >= 5, caption);
  assert.match(await text(page, "[data-testid=pb-timeline-value]"), /^0% of the way from Murton/);
  await page.waitForTimeout(1500); // let the overlay's layout settle a little
  const before = Number(await data(page, "nodes"));
  assert.ok(before > 300 && before !== alone, `${before} earlier, ${alone} this event`);
  const earlierPicture = await page.locator(CANVAS).screenshot();
  await shot(page, "playback-between-earlier");
  await page.locator("[data-testid=pb-play]").tap();
  await page.waitForFunction(() => /^(2|3|4)\d% /.test(document.querySelector("[data-testid=pb-timeline-value]").textContent.replace(/[\u2068\u2069]/g, "")));
  await shot(page, "playback-between-midway");
  await page.waitForFunction(() => /^100% /.test(document.querySelector("[data-testid=pb-timeline-value]").textContent.replace(/[\u2068\u2069]/g, "")), null, { timeout: 30000 });
  await page.waitForSelector("[data-testid=pb-play][aria-pressed=false]");
  await page.waitForTimeout(600);
  const after = Number(await data(page, "nodes"));
  assert.equal(after, alone, "the end of the timeline is this event's picture");
  const currentPicture = await page.locator(CANVAS).screenshot();
  assert.ok(!earlierPicture.equals(currentPicture), "the picture changed");
  await shot(page, "playback-between-current");
  // Step back by keyboard, and jump to either end.
  await page.locator("[data-testid=pb-timeline]").focus();
  await page.keyboard.press("ArrowLeft");
  assert.match(await text(page, "[data-testid=pb-timeline-value]"), /^99% /);
  await page.locator("[data-testid=pb-show-earlier]").tap();
  await page.waitForFunction(([s, n]) => Number(document.querySelector(s).dataset.nodes) === n, [CANVAS, before]);
  // Back to this event map by map; then the earlier event is removed.
  await page.locator("[data-testid=pb-mode-in-order]").tap();
  assert.match(await text(page, "[data-testid=pb-timeline-value]"), /of 150 maps/);
  await page.evaluate(() => { location.hash = "#/facilitator"; });
  await page.locator("[data-testid=cmp-remove]").tap();
  await page.waitForSelector("[data-testid=cmp-none]");
  assert.equal(await text(page, "[data-testid=response-count]"), "150");
  await page.locator("[data-testid=open-playback]").tap();
  await page.waitForSelector(`${CANVAS}[data-frames]`);
  assert.equal(await page.locator("[data-testid=pb-mode-between]").count(), 0);
  assert.deepEqual(errors, []);
});

test("canary: names from the earlier event never reach the public play-back between two events", async (t) => {
  const CANARY = ["Quillon Zabrinsky", "Wendeline Oxtaby"];
  const { page, errors } = await kioskPlayback(t, { canvasText: true });
  await keepDemoEarlier(page);
  // Last year's file, with two canary names among the people residents named
  // (one of them a well-known person's spelling changed) and in this year's
  // own event untouched.
  const store = await readStore(page);
  const backup = store.blobs["compare/earlier"];
  assert.equal(backup.format, "weave");
  const named = backup.community.responses.flatMap((r) => r.alters);
  named[0].name = CANARY[0];
  named[7].name = CANARY[1];
  backup.community.event.name = "Canary fair";
  await page.locator("[data-testid=cmp-file]").setInputFiles({
    name: "canary.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(backup)),
  });
  await page.waitForFunction(() => /Canary fair/.test(document.querySelector("[data-testid=cmp-held]")?.textContent || ""));
  await page.locator("[data-testid=open-playback]").tap();
  await page.waitForSelector(`${CANVAS}[data-frames]`);
  await page.locator("[data-testid=pb-mode-between]").tap();
  await page.waitForSelector("[data-testid=pb-between-caption]");
  const leaks = (s) => CANARY.some((n) => n.split(" ").some((w) => s.includes(w)));
  for (const step of [0, 30, 120]) {
    await setStep(page, step);
    for (const lens of ["communities", "isolates", "brokers", "change-makers", "places", "group"]) {
      await page.locator(`button[data-lens=${lens}]`).tap();
      await page.waitForTimeout(120);
      const html = await page.evaluate(() => document.documentElement.outerHTML);
      assert.ok(!leaks(html), `canary in DOM (step ${step}, ${lens})`);
    }
  }
  await setStep(page, 0);
  const svg = (await download(page, "pb-export-svg")).toString("utf8");
  assert.ok(await parsesAsSvg(page, svg));
  assert.ok(!leaks(svg), "canary in the SVG");
  const drawn = await canvasText(page);
  assert.ok(drawn.length > 0, "the places lens labelled its places");
  assert.ok(!leaks(drawn), "canary in canvas text");
  assert.deepEqual(errors, []);
});
