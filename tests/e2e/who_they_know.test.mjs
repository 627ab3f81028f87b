// Who-they-know, as a resident does it with a finger, on the kiosk and on a
// phone: consent, 6 people across 3 prompts (one named twice), a drag to a
// closer ring, delete + undo, a reload mid-way, 4 ties, finish; then the
// stored response must hold exactly that.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, launch, open, readStore, shot, touchDrag, text, kioskAfterConsent, KIOSK, PHONE } from "./harness.mjs";

let srv;
before(async () => { srv = await serve(); });
after(async () => { await srv.close(); });

const bubble = (page, name) => page.locator(`[data-testid=ego-canvas] .bubble[data-name="${name}"]`);

async function centre(locator) {
  const b = await locator.boundingBox();
  return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
}

async function add(page, name) {
  await page.fill("[data-testid=name-input]", name);
  await page.locator("[data-testid=add-name]").tap();
  await bubble(page, name).first().waitFor();
}

async function tapBubble(page, name) {
  await page.locator(`[data-testid=ego-canvas] .bubble[data-name="${name}"] circle`).tap();
}

async function next(page) {
  const title = await text(page, "main h1");
  await page.locator("[data-testid=flow-next]").tap();
  await page.waitForFunction((t) => document.querySelector("main h1")?.textContent !== t, title);
}

async function saved(page) {
  await page.waitForSelector("[data-save-state=saved]");
}

for (const [label, device] of [["kiosk", KIOSK], ["phone", PHONE]]) {
  test(`a resident draws who they know by touch (${label})`, async (t) => {
    const { context } = await launch(null, device);
    t.after(() => context.close());
    const page = await context.newPage();
    await open(page, srv.url, "#/map");
    await shot(page, `wtk-${label}-1-attract`);
    await page.locator("[data-testid=start-map]").tap();
    await shot(page, `wtk-${label}-2-consent`);
    // Nothing is stored before consent.
    assert.equal((await readStore(page)).drafts.current, undefined);
    await page.locator("[data-testid=consent-agree]").tap();
    await shot(page, `wtk-${label}-3-about`);
    await page.locator("fieldset.choices button").first().tap(); // one optional answer
    await next(page);

    // Prompt 1: who do you rely on?
    assert.match(await text(page, "[data-testid=step-title]"), /rely on/);
    for (const n of ["Alice", "Bob", "Chen"]) await add(page, n);
    await shot(page, `wtk-${label}-4-prompt1`);
    await next(page);

    // Prompt 2: trust. Naming Alice again offers her existing bubble.
    for (const n of ["Dee", "Eli"]) await add(page, n);
    await page.fill("[data-testid=name-input]", "alice ");
    await page.locator("[data-testid=add-name]").tap();
    await page.waitForSelector("[data-testid=existing-offer]");
    await shot(page, `wtk-${label}-5-existing-offer`);
    await page.locator("[data-testid=offer-same]").tap();
    assert.equal(await page.locator("[data-testid=ego-canvas] .bubble").count(), 5);
    await next(page);

    // Prompt 3: information.
    await add(page, "Farah");
    // Drag Bob from the middle ring into the closest ring.
    assert.equal(await bubble(page, "Bob").getAttribute("data-ring"), "2");
    const me = await centre(page.locator("[data-testid=ego-canvas] .me circle"));
    const meBox = await page.locator("[data-testid=ego-canvas] .me circle").boundingBox();
    const scale = meBox.width / 72; // "me" is 36 world units in radius
    const from = await centre(page.locator('[data-testid=ego-canvas] .bubble[data-name="Bob"] circle'));
    const to = { x: me.x + 30 * scale, y: me.y - 70 * scale };
    await touchDrag(page, from, to);
    await page.waitForFunction(() =>
      document.querySelector('[data-testid=ego-canvas] .bubble[data-name="Bob"]')?.dataset.ring === "1");
    // Delete Chen, then undo the delete.
    await tapBubble(page, "Chen");
    await page.waitForSelector("[data-testid=questions]");
    await shot(page, `wtk-${label}-6-questions`);
    await page.locator("[data-testid=questions] button", { hasText: "Friend" }).tap();
    await page.locator("[data-testid=remove-person]").tap();
    assert.equal(await bubble(page, "Chen").count(), 0);
    await page.locator("[data-testid=undo]").tap();
    await bubble(page, "Chen").waitFor();
    await saved(page);
    await shot(page, `wtk-${label}-7-prompt3`);

    // Reload mid-way: everything is where it was.
    await page.reload();
    await page.waitForSelector("[data-testid=ego-canvas] .bubble");
    assert.match(await text(page, "[data-testid=step-title]"), /find out what's going on/);
    const names = await page.$$eval("[data-testid=ego-canvas] .bubble", (els) => els.map((e) => e.dataset.name));
    assert.deepEqual(names.sort(), ["Alice", "Bob", "Chen", "Dee", "Eli", "Farah"]);
    assert.equal(await bubble(page, "Bob").getAttribute("data-ring"), "1");

    await next(page); // prompt 4
    await next(page); // prompt 5
    await next(page); // ties
    assert.match(await text(page, "main h1"), /know each other/);
    // Tap one person, then another: Alice-Bob, Alice-Chen; then Dee-Eli, Dee-Farah.
    await tapBubble(page, "Alice");
    await tapBubble(page, "Bob");
    await tapBubble(page, "Chen");
    const canvas = await page.locator("[data-testid=ego-canvas]").boundingBox();
    await page.touchscreen.tap(canvas.x + 12, canvas.y + canvas.height - 12); // empty space clears
    await tapBubble(page, "Dee");
    await tapBubble(page, "Eli");
    await tapBubble(page, "Farah");
    await page.waitForFunction(() => document.querySelectorAll("[data-testid=ego-canvas] line.tie:not(.rubber)").length === 4);
    await saved(page);
    await shot(page, `wtk-${label}-8-ties`);
    await next(page); // places
    await shot(page, `wtk-${label}-9-places`);
    await page.locator("[data-testid=flow-next]").tap(); // finish
    await page.waitForSelector("[data-testid=saved-confirmation]");
    await shot(page, `wtk-${label}-10-thanks`);
    const code = await text(page, "[data-testid=withdrawal-code]");
    assert.match(code, /^[A-Z2-9]{6}$/);

    // The stored response holds exactly what was drawn.
    const store = await readStore(page);
    assert.equal(store.drafts.current, undefined, "the draft is cleared after finishing");
    const mine = Object.values(store.responses).filter((r) => r.withdrawal_code === code);
    assert.equal(mine.length, 1);
    const r = mine[0];
    assert.equal(r.status, "finished");
    const byName = Object.fromEntries(r.alters.map((a) => [a.name, a]));
    assert.deepEqual(Object.keys(byName).sort(), ["Alice", "Bob", "Chen", "Dee", "Eli", "Farah"]);
    assert.deepEqual(byName.Alice.prompts, ["help", "trust"]);
    assert.deepEqual(byName.Farah.prompts, ["info"]);
    assert.equal(byName.Bob.ring, 1);
    assert.equal(byName.Chen.relationship, "friend");
    const id = (n) => byName[n].id;
    const ties = r.ties.map((t) => [t.a, t.b].sort().join("-")).sort();
    const want = [["Alice", "Bob"], ["Alice", "Chen"], ["Dee", "Eli"], ["Dee", "Farah"]]
      .map(([a, b]) => [id(a), id(b)].sort().join("-")).sort();
    assert.deepEqual(ties, want);
    assert.equal(Object.keys(r.answers).length, 1);
    await context.close();
  });
}

test("hostile and unusual names render as plain text and keep the layout", async (t) => {
  const page = await kioskAfterConsent(t, srv);
  await page.locator("[data-testid=flow-next]").click();
  const scripts = await page.locator("script").count();
  const names = [
    "<img src=x onerror=window.__pwned=1>", "</text><script>window.__pwned=2</script>",
    "javascript:alert(1)", "🎉👩‍👩‍👧‍👦 Zoë", "محمد علی", "\u202Eevil\u202C", "W".repeat(200),
  ];
  for (const n of names) {
    await page.fill("[data-testid=name-input]", n);
    await page.click("[data-testid=add-name]");
  }
  await page.locator("[data-testid=ego-canvas] .bubble").nth(names.length - 1).waitFor();
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await page.locator("script").count(), scripts);
  assert.equal(await page.locator("[data-testid=ego-canvas] img").count(), 0);
  const attrs = await page.evaluate(() => [...document.querySelectorAll("*")]
    .flatMap((e) => [...e.attributes].map((a) => a.name)).filter((n) => n.startsWith("on")));
  assert.deepEqual(attrs, []);
  // No horizontal overflow: the page is never wider than the window.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page overflows by ${overflow}px`);
  await shot(page, "wtk-hostile-names");
});

test("touch targets are at least 48 px and kiosk text at least 18 px", async (t) => {
  const page = await kioskAfterConsent(t, srv);
  for (let i = 0; i < 2; i++) {
    const small = await page.evaluate(() => [...document.querySelectorAll("button, input, [role=button]")]
      .filter((e) => e.getClientRects().length && !e.closest("svg"))
      .map((e) => ({ t: e.textContent.trim() || e.getAttribute("aria-label"), r: e.getBoundingClientRect() }))
      .filter(({ r }) => r.width < 48 || r.height < 48).map(({ t, r }) => `${t} ${r.width}x${r.height}`));
    assert.deepEqual(small, []);
    const tiny = await page.evaluate(() => [...document.querySelectorAll("main *")]
      .filter((e) => e.childNodes.length && [...e.childNodes].some((c) => c.nodeType === 3 && c.textContent.trim()))
      .filter((e) => e.getClientRects().length)
      .map((e) => [e.tagName, parseFloat(getComputedStyle(e).fontSize), e.textContent.slice(0, 30)])
      .filter(([, size]) => size < 18));
    assert.deepEqual(tiny, []);
    await page.locator("[data-testid=flow-next]").click();
  }
});
