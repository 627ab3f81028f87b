// Where-they-go, as people do it with a finger, on the kiosk and on a phone:
// a facilitator starts a new event, imports a 25-place CSV and a map
// picture, pins 3 places by dragging them onto the map; a resident adds 5
// listed places and 1 new one, says how often they go and where they hear
// news, picks two barriers, reloads mid-way and finishes; the stored
// response holds exactly that; the facilitator merges the new place into a
// listed one and the two-mode network counts it there. Malformed CSVs are
// refused with a message naming the line, and change nothing.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { serve, launch, open, readStore, shot, text, KIOSK, PHONE } from "./harness.mjs";

let srv;
before(async () => { srv = await serve(); });
after(async () => { await srv.close(); });

const MAP_SVG = readFileSync(new URL("./fixtures/murton-map.svg", import.meta.url));

const CATEGORIES = ["venue", "group", "service", "information", "online"];
/** 25 places; the first three carry no pin so they wait in the tray. */
export function placesCsv() {
  const names = [
    "Welfare Hall", "Royal British Legion", "The Victoria", "Community Centre", "St Paul's Church",
    "Cricket club", "Gardening club", "Over-60s lunch club", "Knit and Natter", "Youth club",
    "Medical Group", "Jobcentre", "Food bank", "Post office", "Pharmacy",
    "Library", "Parish newsletter", "Noticeboard", "Murton Messenger", "Radio Durham",
    "Murton Matters Facebook", "Street WhatsApp", "Nextdoor", "Murton Mams online", "Council website",
  ];
  const rows = names.map((n, i) => {
    const pin = i < 3 ? ["", ""] : [((i % 5) * 0.18 + 0.08).toFixed(2), (Math.floor(i / 5) * 0.17 + 0.1).toFixed(2)];
    const desc = i === 0 ? "\"Dances, bingo, the \"\"big room\"\"\"" : "";
    return [n.includes(",") ? `"${n}"` : n, CATEGORIES[Math.floor(i / 5)], desc, ...pin].join(",");
  });
  return ["name,category,description,x,y", ...rows].join("\n") + "\n";
}

/**
 * A touch drag through CDP whose finger rests on the target for about 130 ms
 * before lifting, as a person does when dropping something exactly. (Lifting
 * while still moving makes Chromium start a fling, and then swallow the next
 * tap as the one that stops it.)
 */
async function touchDrag(page, from, to, steps = 12) {
  const cdp = await page.context().newCDPSession(page);
  const pt = (p) => [{ x: p.x, y: p.y, id: 1 }];
  await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: pt(from) });
  for (let i = 1; i <= steps; i++) {
    const p = { x: from.x + ((to.x - from.x) * i) / steps, y: from.y + ((to.y - from.y) * i) / steps };
    await cdp.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: pt(p) });
  }
  for (let i = 0; i < 8; i++) {
    await new Promise((r) => setTimeout(r, 16));
    await cdp.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: pt(to) });
  }
  await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
  await cdp.detach();
}

async function centre(locator) {
  const b = await locator.boundingBox();
  return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
}

async function tabTo(page, slug) {
  await page.locator(`[data-testid=tab-${slug}]`).tap();
  await page.waitForSelector(`#fac-panel-${slug}`);
}

/** Polls `read` until `ok` holds of its value (the store is written asynchronously). */
async function until(read, ok, what = "the stored data") {
  for (let i = 0; i < 100; i++) {
    const v = await read();
    if (ok(v)) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function saved(page) {
  await page.waitForSelector("[data-save-state=saved]");
}

/** The event as stored (meta/event), parsed. */
async function storedEvent(page) {
  return (await readStore(page)).meta.event;
}

async function newEvent(page) {
  page.on("dialog", (d) => d.accept());
  await open(page, srv.url, "#/facilitator/overview");
  await page.getByRole("button", { name: "Start a new, empty event" }).tap();
  await page.waitForFunction(() => document.querySelector("[data-testid=response-count]")?.textContent === "0");
}

async function importCsv(page, name, body) {
  await page.locator("[data-testid=csv-file]").setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(body) });
}

for (const [label, device] of [["kiosk", KIOSK], ["phone", PHONE]]) {
  test(`a facilitator sets up places and a resident maps where they go (${label})`, async (t) => {
    const { context } = await launch(null, device);
    t.after(() => context.close());
    const page = await context.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(String(e)));

    // --- Facilitator: a new event, the CSV, the map, three pins.
    await newEvent(page);
    await tabTo(page, "places");
    await importCsv(page, "murton-places.csv", placesCsv());
    await page.waitForSelector("[data-testid=csv-preview]");
    assert.equal(await page.getAttribute("[data-testid=csv-added]", "data-count"), "25");
    assert.equal(await page.locator("[data-testid=place-row]").count(), 0, "nothing changes before confirming");
    await shot(page, `places-${label}-1-csv-preview`);
    await page.locator("[data-testid=csv-confirm]").tap();
    await page.waitForFunction(() => document.querySelectorAll("[data-testid=place-row]").length === 25);

    await page.locator("[data-testid=map-file]").setInputFiles({ name: "murton-map.svg", mimeType: "image/svg+xml", buffer: MAP_SVG });
    await page.waitForSelector("[data-testid=map-canvas][data-has-picture=true]");
    const wrap = page.locator(".map-setup .map-wrap");
    await wrap.evaluate((el) => el.scrollIntoView({ block: "start" }));
    assert.equal(await page.locator("[data-testid=pin-tray] .tray-place").count(), 3);
    await shot(page, `places-${label}-2-map-uploaded`);

    const picture = page.locator(".map-setup image.map-picture");
    const targets = [["welfare-hall", 0.3, 0.45], ["royal-british-legion", 0.55, 0.3], ["the-victoria", 0.75, 0.7]];
    for (const [id, fx, fy] of targets) {
      const chip = page.locator(`[data-testid=pin-tray] .tray-place[data-place="${id}"]`);
      const from = await centre(chip);
      const box = await picture.boundingBox();
      await touchDrag(page, from, { x: box.x + fx * box.width, y: box.y + fy * box.height }, 16);
      const pin = page.locator(`.map-setup .pin[data-place="${id}"]`);
      await pin.waitFor();
      assert.ok(Math.abs(Number(await pin.getAttribute("data-x")) - fx) < 0.02, `${id} x`);
      assert.ok(Math.abs(Number(await pin.getAttribute("data-y")) - fy) < 0.02, `${id} y`);
    }
    assert.equal(await page.locator("[data-testid=pin-tray] .tray-place").count(), 0);
    // Drag a pinned place a little further; one undo puts it back.
    const hall = page.locator('.map-setup .pin[data-place="welfare-hall"] .pin-dot');
    const box = await picture.boundingBox();
    await touchDrag(page, await centre(hall), { x: box.x + 0.35 * box.width, y: box.y + 0.5 * box.height });
    await page.waitForFunction(() => Number(document.querySelector('.map-setup .pin[data-place="welfare-hall"]').dataset.x) > 0.33);
    await until(() => storedEvent(page), (e) => e.places.find((p) => p.id === "welfare-hall").pin.x > 0.33, "the moved pin to be saved");
    await page.locator("[data-testid=places-undo]").tap();
    await page.waitForFunction(() => Math.abs(Number(document.querySelector('.map-setup .pin[data-place="welfare-hall"]').dataset.x) - 0.3) < 0.02);
    await wrap.evaluate((el) => el.scrollIntoView({ block: "start" }));
    await shot(page, `places-${label}-3-pinned`);
    // The picture is an image: its script and onload never ran, and it is not in the DOM as SVG.
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    assert.equal(await page.locator("svg script").count(), 0);
    const event = await until(() => storedEvent(page), (e) => e.places.filter((p) => p.pin).length === 25 && e.map
      && Math.abs(e.places[0].pin.x - 0.3) < 0.02, "the pins to be saved");
    assert.equal(event.places.length, 25);
    assert.equal(event.map.mime, "image/svg+xml");
    assert.deepEqual([event.map.width, event.map.height], [1200, 800]);
    const pinned = Object.fromEntries(event.places.filter((p) => p.pin).map((p) => [p.id, p.pin]));
    assert.equal(Object.keys(pinned).length, 25);
    assert.ok(Math.abs(pinned["welfare-hall"].x - 0.3) < 0.02);
    assert.equal(event.places[0].description, "Dances, bingo, the \"big room\"");

    // --- Resident: 5 listed places and a new one; frequency, news, barriers; a reload.
    await open(page, srv.url, "#/map");
    await page.locator("[data-testid=start-map]").tap();
    await page.locator("[data-testid=consent-agree]").tap();
    for (let i = 0; i < 7; i++) {
      const title = await text(page, "main h1");
      await page.locator("[data-testid=flow-next]").tap();
      await page.waitForFunction((t) => document.querySelector("main h1")?.textContent !== t, title);
    }
    assert.match(await text(page, "main h1"), /Where do you go/);
    await shot(page, `places-${label}-4-palette`);
    const small = await page.evaluate(() => [...document.querySelectorAll("main button, main input, main select")]
      .filter((e) => e.getClientRects().length && !e.closest("svg"))
      .map((e) => ({ t: e.textContent.trim() || e.getAttribute("aria-label"), r: e.getBoundingClientRect() }))
      .filter(({ r }) => r.width < 48 || r.height < 48).map(({ t, r }) => `${t} ${r.width}x${r.height}`));
    assert.deepEqual(small, [], "every control is a 48 px touch target");
    const chip = (id) => page.locator(`.palette .chip.place[data-place="${id}"]`);
    for (const id of ["welfare-hall", "cricket-club", "library"]) {
      await chip(id).tap();
      await page.waitForFunction((id) => document.querySelector(`.palette .chip.place[data-place="${id}"]`)?.getAttribute("aria-pressed") === "true", id);
    }
    await page.fill("[data-testid=place-search]", "Boxing club");
    await page.waitForSelector("[data-testid=add-new]");
    await shot(page, `places-${label}-5-add-new`);
    await page.locator('[data-testid=add-new] button[data-category="group"]').tap();
    await page.waitForFunction(() => !document.querySelector("[data-testid=add-new]"));
    await saved(page);

    // Reload mid-way: the step and every choice come back.
    await page.reload();
    await page.waitForSelector(".palette");
    assert.match(await text(page, "main h1"), /Where do you go/);
    for (const id of ["welfare-hall", "cricket-club", "library"]) {
      assert.equal(await chip(id).getAttribute("aria-pressed"), "true", `${id} survives the reload`);
    }
    // Search ignores case and accents; tap the two remaining places.
    await page.fill("[data-testid=place-search]", "FOOD");
    await chip("food-bank").tap();
    await page.fill("[data-testid=place-search]", "");
    await chip("street-whatsapp").tap();
    // A sixth place, then undo and redo and undo again: it is not kept.
    await chip("pharmacy").tap();
    await page.locator("[data-testid=undo]").tap();
    await page.locator("[data-testid=redo]").tap();
    await page.locator("[data-testid=undo]").tap();
    await page.waitForFunction(() => document.querySelector('.palette .chip.place[data-place="pharmacy"]')?.getAttribute("aria-pressed") === "false");

    // The map: pinned places where the facilitator put them, linked to me.
    if (label === "phone") await page.locator("[data-testid=pane-map]").tap();
    await page.waitForSelector(".pane-map [data-testid=map-canvas][data-has-picture=true]");
    await page.waitForFunction(() => document.querySelectorAll(".pane-map .link").length === 6);
    assert.equal(await page.locator(".pane-map .pin.chosen").count(), 5);
    assert.equal(await page.locator(".pane-map .fan-place").count(), 1);
    await shot(page, `places-${label}-6-my-map`);
    // Tapping a pin on the map adds the place; tapping again takes it off.
    const pharmacy = page.locator('.pane-map .pin[data-place="pharmacy"] .pin-dot');
    await pharmacy.tap();
    await page.waitForFunction(() => document.querySelectorAll(".pane-map .link").length === 7);
    await page.locator('.pane-map .pin[data-place="pharmacy"] .pin-dot').tap();
    await page.waitForFunction(() => document.querySelectorAll(".pane-map .link").length === 6);

    if (label === "phone") await page.locator("[data-testid=pane-mine]").tap();
    const card = (name) => page.locator(`.my-place[data-place-name="${name}"]`);
    const freq = { "Welfare Hall": "Every week", "Cricket club": "Every week", "Library": "Every month", "Boxing club": "Every day", "Food bank": "Less often" };
    for (const [name, f] of Object.entries(freq)) {
      await card(name).locator("fieldset.choices button", { hasText: f }).tap();
    }
    for (const name of ["Library", "Street WhatsApp"]) {
      await card(name).locator("[data-testid=info-toggle]").tap();
    }
    await page.locator("#barriers button", { hasText: "Transport" }).tap();
    await page.locator("#barriers button", { hasText: "Caring duties" }).tap();
    await saved(page);
    await shot(page, `places-${label}-7-my-places`);
    await page.locator("[data-testid=flow-next]").tap();
    await page.waitForSelector("[data-testid=saved-confirmation]");
    const code = await text(page, "[data-testid=withdrawal-code]");

    // The stored response holds exactly that.
    const store = await readStore(page);
    const r = Object.values(store.responses).find((x) => x.withdrawal_code === code);
    assert.ok(r, "the finished response is stored");
    assert.equal(r.status, "finished");
    assert.deepEqual(r.new_places, [{ id: 0, name: "Boxing club", category: "group" }]);
    const visits = r.places.map((v) => ({ place: v.place, frequency: v.frequency, information: v.information }));
    assert.deepEqual(visits, [
      { place: { listed: "welfare-hall" }, frequency: "weekly", information: false },
      { place: { listed: "cricket-club" }, frequency: "weekly", information: false },
      { place: { listed: "library" }, frequency: "monthly", information: true },
      { place: { new: 0 }, frequency: "daily", information: false },
      { place: { listed: "food-bank" }, frequency: "rarely", information: false },
      { place: { listed: "street-whatsapp" }, frequency: undefined, information: true },
    ]);
    assert.ok(r.places.every((v) => Number.isInteger(v.added_at) && v.added_at >= r.consented_at));
    assert.deepEqual(r.barriers, ["transport", "caring"]);

    // --- Facilitator: merge "Boxing club" into a listed place; the network counts it there.
    await open(page, srv.url, "#/facilitator/places");
    const group = page.locator('[data-testid=review-group][data-name="Boxing club"]');
    await group.waitFor();
    assert.equal(await group.getAttribute("data-state"), "pending");
    const row = page.locator('[data-testid=place-row][data-place="youth-club"] [data-testid=visitors]');
    assert.equal(await row.getAttribute("data-count"), "0");
    await group.evaluate((el) => el.scrollIntoView({ block: "center" }));
    await shot(page, `places-${label}-8-review`);
    await group.locator("[data-testid=review-merge-target]").selectOption("youth-club");
    await group.locator("[data-testid=review-merge]").tap();
    await page.waitForFunction(() => document.querySelector('[data-testid=review-group][data-name="Boxing club"]')?.dataset.state === "decided");
    assert.equal(await row.getAttribute("data-count"), "1", "the two-mode network sends the resident to the youth club");
    assert.match(await text(page, '[data-testid=review-group][data-name="Boxing club"] [data-testid=review-decided]'), /Youth club/);
    await shot(page, `places-${label}-9-merged`);
    // The decision is recorded, the response untouched; undoing it reopens it.
    const after = await until(() => readStore(page), (s) => (s.meta.place_decisions || []).length === 1, "the decision to be saved");
    assert.deepEqual(after.meta.place_decisions.map((d) => [d.response, d.new_place, d.resolution]),
      [[r.id, 0, { action: "merge_into", place: "youth-club" }]]);
    assert.deepEqual(after.responses[r.id], r);
    await group.locator("[data-testid=review-reopen]").tap();
    await page.waitForFunction(() => document.querySelector('[data-testid=review-group][data-name="Boxing club"]')?.dataset.state === "pending");
    assert.equal(await row.getAttribute("data-count"), "0");
    assert.deepEqual(errors, []);
  });
}

test("a malformed place CSV names its line and changes nothing", async (t) => {
  const { context } = await launch(null, KIOSK);
  t.after(() => context.close());
  const page = await context.newPage();
  await newEvent(page);
  await tabTo(page, "places");
  await importCsv(page, "good.csv", placesCsv());
  await page.locator("[data-testid=csv-confirm]").tap();
  await page.waitForFunction(() => document.querySelectorAll("[data-testid=place-row]").length === 25);
  const before = await until(() => storedEvent(page), (e) => e.places.length === 25, "the import to be saved");

  const utf16 = Buffer.from("name,category\nPark,venue\n", "utf16le");
  const junk = Buffer.alloc(2 * 1024 * 1024);
  for (let i = 0, x = 7; i < junk.length; i++) { x = (x * 1103515245 + 12345) >>> 0; junk[i] = x >>> 24; }
  const cases = [
    ["missing-column.csv", Buffer.from("name,description\nPark,Green space\n"), /Line 1: the header has no “category” column/],
    ["bad-number.csv", Buffer.from("name,category,x,y\nPark,venue,0.5,0.5\nHall,venue,left,0.2\n"), /Line 3: x must be a number between 0 and 1, not “left”/],
    ["junk.csv", junk, /Line \d+: (this is not|the header)/],
    ["utf16.csv", utf16, /Line 1: this is not a text file, or it is UTF-16/],
    ["latin1.csv", Buffer.from([...Buffer.from("name,category\nPark,venue\nCaf"), 0xe9, ...Buffer.from(",venue\n")]), /Line 3: this is not UTF-8 text \(byte 0xE9\)\. It looks like Latin-1/],
  ];
  for (const [name, body, message] of cases) {
    await importCsv(page, name, body);
    await page.waitForSelector(`[data-testid=csv-error]:has-text("${name}")`);
    const shown = await text(page, "[data-testid=csv-error]");
    assert.match(shown, message, name);
    assert.match(shown, /Nothing has changed/);
    assert.equal(await page.locator("[data-testid=csv-preview]").count(), 0);
    if (name === "bad-number.csv") await shot(page, "places-kiosk-csv-error");
  }
  assert.equal(await page.locator("[data-testid=place-row]").count(), 25);
  assert.deepEqual(await storedEvent(page), before, "the stored event is unchanged");

  // A picture that is not one is refused with a message; nothing changes.
  await page.locator("[data-testid=map-file]").setInputFiles({ name: "notes.png", mimeType: "image/png", buffer: Buffer.from("name,category\n") });
  await page.waitForSelector("[data-testid=map-error]");
  assert.match(await text(page, "[data-testid=map-error]"), /not a PNG, JPEG or SVG/);
  assert.deepEqual(await storedEvent(page), before);
});

test("the place list is edited, reordered by drag and keyboard, deleted and restored", async (t) => {
  const { context } = await launch(null, KIOSK);
  t.after(() => context.close());
  const page = await context.newPage();
  await newEvent(page);
  await tabTo(page, "places");
  await page.fill("[data-testid=add-place-name]", "Murton Library");
  await page.selectOption("[data-testid=add-place-category]", "information");
  await page.locator("[data-testid=add-place]").tap();
  await page.fill("[data-testid=add-place-name]", "Cricket club");
  await page.selectOption("[data-testid=add-place-category]", "group");
  await page.locator("[data-testid=add-place]").tap();
  await page.fill("[data-testid=add-place-name]", "<img src=x onerror=window.__pwned=1> Hall");
  await page.locator("[data-testid=add-place]").tap();
  await page.waitForFunction(() => document.querySelectorAll("[data-testid=place-row]").length === 3);
  // A duplicate name is refused with a message.
  await page.fill("[data-testid=add-place-name]", "  murton   LIBRARY ");
  await page.locator("[data-testid=add-place]").tap();
  await page.waitForSelector(".add-place .status.error");
  assert.match(await text(page, ".add-place .status.error"), /already a place called “Murton Library”/);
  const order = () => page.$$eval("[data-testid=place-row]", (rows) => rows.map((r) => r.dataset.place));
  assert.deepEqual(await order(), ["murton-library", "cricket-club", "img-src-x-onerror-window-pwned-1-hall"]);
  // Drag the last row to the top by its handle (touch).
  await page.locator(".place-list").evaluate((el) => el.scrollIntoView({ block: "center" }));
  const handle = page.locator('[data-testid=place-row]:nth-child(3) .drag-handle');
  const top = await page.locator("[data-testid=place-row]").first().boundingBox();
  await touchDrag(page, await centre(handle), { x: top.x + 20, y: top.y + 4 });
  await page.waitForFunction(() => document.querySelector("[data-testid=place-row]").dataset.place.startsWith("img"));
  // Keyboard: the focused handle moves its row down.
  await page.locator('[data-testid=place-row]:first-child .drag-handle').focus();
  await page.keyboard.press("ArrowDown");
  await page.waitForFunction(() => document.querySelectorAll("[data-testid=place-row]")[1].dataset.place.startsWith("img"));
  assert.match(await page.evaluate(() => document.activeElement?.id || ""), /^handle-img/);
  // Edit a name and kind.
  await page.locator('[data-testid=place-row][data-place="cricket-club"] [data-testid=edit-place]').tap();
  await page.fill("[data-testid=edit-name]", "Murton Cricket Club");
  await page.locator("[data-testid=save-place]").tap();
  await page.waitForSelector('[data-testid=place-row][data-place="cricket-club"]:has-text("Murton Cricket Club")');
  // Delete, then undo: it comes back where it was.
  await page.locator('[data-testid=place-row][data-place="murton-library"] [data-testid=delete-place]').tap();
  await page.waitForSelector("[data-testid=places-notice]");
  assert.equal(await page.locator("[data-testid=place-row]").count(), 2);
  await page.locator("[data-testid=places-undo]").tap();
  await page.waitForFunction(() => document.querySelectorAll("[data-testid=place-row]").length === 3);
  const want = ["murton-library", "img-src-x-onerror-window-pwned-1-hall", "cricket-club"];
  assert.deepEqual(await order(), want);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  await shot(page, "places-kiosk-list-edited");
  // Saved with the event, in this order.
  await until(() => storedEvent(page), (e) => e.places.map((p) => p.id).join() === want.join(), "the order to be saved");
  await page.reload();
  await page.waitForSelector("[data-testid=place-row]");
  assert.deepEqual(await order(), want);
});

test("40 places: the palette, the map and the list stay usable", async (t) => {
  const { context } = await launch(null, KIOSK);
  t.after(() => context.close());
  const page = await context.newPage();
  await newEvent(page);
  await tabTo(page, "places");
  const rows = Array.from({ length: 40 }, (_, i) =>
    `Place number ${i + 1},${CATEGORIES[i % 5]},,${((i % 8) * 0.12 + 0.05).toFixed(2)},${(Math.floor(i / 8) * 0.18 + 0.08).toFixed(2)}`);
  await importCsv(page, "forty.csv", ["name,category,description,x,y", ...rows].join("\n"));
  await page.locator("[data-testid=csv-confirm]").tap();
  await page.waitForFunction(() => document.querySelectorAll("[data-testid=place-row]").length === 40);
  await page.locator("[data-testid=map-file]").setInputFiles({ name: "murton-map.svg", mimeType: "image/svg+xml", buffer: MAP_SVG });
  await page.waitForSelector("[data-testid=map-canvas][data-has-picture=true]");
  await until(() => storedEvent(page), (e) => e.places.length === 40 && e.map, "the list and map to be saved");
  await open(page, srv.url, "#/map");
  await page.locator("[data-testid=start-map]").tap();
  await page.locator("[data-testid=consent-agree]").tap();
  for (let i = 0; i < 7; i++) {
    const title = await text(page, "main h1");
    await page.locator("[data-testid=flow-next]").tap();
    await page.waitForFunction((t) => document.querySelector("main h1")?.textContent !== t, title);
  }
  assert.equal(await page.locator(".palette .chip.place").count(), 40);
  await page.waitForSelector(".pane-map [data-testid=map-canvas][data-has-picture=true]");
  assert.equal(await page.locator(".pane-map .pin").count(), 40);
  for (const n of [3, 17, 38]) await page.locator(`.palette .chip.place[data-place="place-number-${n}"]`).tap();
  await page.waitForFunction(() => document.querySelectorAll(".pane-map .link").length === 3);
  await page.fill("[data-testid=place-search]", "number 2");
  assert.equal(await page.locator(".palette .chip.place").count(), 11, "2 and 20–29");
  await shot(page, "places-kiosk-40-places");
});
