// The analysis runs in the web worker and the screens read it: the
// facilitator overview shows the community's figures and findings once the
// worker answers, and updates them after a merge decision; the play-back of
// a large network shows the worker's progress (sampled first, then refining)
// while the page stays live; the worker is one script under the page's CSP
// and the benchmark page reports its timings and memory.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, launch, open, watchErrors, shot, text } from "./harness.mjs";

let srv;
before(async () => { srv = await serve(process.env.WEAVE_DIST); });
after(async () => { await srv.close(); });

const figure = async (page, id) =>
  Number((await text(page, `[data-testid=analysis-figures] [data-figure=${id}]`)).replace(/[^\d.]/g, ""));

test("the overview shows the worker's figures and findings, and updates them after a merge", async (t) => {
  const { context } = await launch();
  t.after(() => context.close());
  const page = await context.newPage();
  page.on("dialog", (d) => d.accept());
  const errors = watchErrors(page);
  const workers = [];
  page.on("worker", (w) => workers.push(w.url()));
  await open(page, srv.url, "#/facilitator");
  await page.waitForSelector("[data-testid=analysis-figures][data-paths=exact]", { timeout: 60000 });
  // One worker script under the page's CSP, whatever the worker is for.
  assert.deepEqual([...new Set(workers.map((u) => new URL(u).pathname))], ["/weave-worker-loader.js"]);
  const people = await figure(page, "people");
  const ties = await figure(page, "ties");
  assert.ok(people > 500 && ties > people, `${people} people, ${ties} ties`);
  assert.ok(await figure(page, "communities") >= 1);
  assert.ok((await page.locator("[data-testid=analysis-findings] li").count()) >= 2);
  assert.match(await text(page, "[data-testid=analysis-findings]"), /%/);
  await page.locator("[data-testid=analysis-figures]").scrollIntoViewIfNeeded();
  await shot(page, "analysis-overview");

  // A merge decision joins two named people: one person fewer, found again by the worker.
  await page.getByRole("tab", { name: "Matching" }).click();
  await page.waitForSelector("[data-testid=review][data-busy=false]", { timeout: 30000 });
  await page.locator("[data-testid=suggestion]:not(:has([data-testid=unsure]))").first()
    .locator("[data-testid=merge]").click();
  await page.getByRole("tab", { name: "Overview" }).click();
  await page.waitForFunction((n) => {
    const el = document.querySelector("[data-testid=analysis-figures][data-paths=exact] [data-figure=people]");
    return el && Number(el.textContent) === n - 1;
  }, people, { timeout: 60000 });
  // Every worker is an instance of the one worker script: the overview's
  // analysis and the matching review's suggestions (each on its own core),
  // beside the spares the idle app keeps ready for a play-back.
  const spares = Number(await page.evaluate(() => document.documentElement.dataset.spareWorkers ?? 0));
  assert.ok(spares <= 2, `${spares} spare workers`);
  assert.ok(workers.length <= 2 + spares, `${workers.length} workers, ${spares} of them spares: ${workers.join()}`);
  assert.ok(workers.every((u) => new URL(u).pathname === "/weave-worker-loader.js"), workers.join());
  const wasm = srv.requests.filter((r) => r.startsWith("/weave-worker_bg.wasm")).length;
  // (+1: the service worker precaches it once.)
  assert.ok(wasm >= 1 && wasm <= workers.length + 1, `${wasm} fetches of the worker wasm`);

  // An empty event: the figures say there is nothing yet.
  await page.getByRole("button", { name: "Start a new, empty event" }).click();
  await page.waitForSelector("[data-testid=analysis-empty]");
  assert.deepEqual(errors, []);
});

/** The 8,000-node bench play-back, once its analysis progress bar shows. */
async function openLargePlayback(t) {
  const { context } = await launch(null, { viewport: { width: 1600, height: 900 } });
  t.after(() => context.close());
  const page = await context.newPage();
  const errors = watchErrors(page);
  await open(page, srv.url, "#/playback?bench=8000");
  const bar = page.locator("[data-testid=analysis-progress]");
  await bar.waitFor({ timeout: 30000 });
  return { page, errors, bar };
}

test("a large play-back shows the worker's progress, sampled then refining, and stays live", async (t) => {
  const { page, errors, bar } = await openLargePlayback(t);
  // Every state of the bar the page renders, recorded in the page: the
  // worker is quick enough now that polling from here can miss stages.
  await page.evaluate(() => {
    window.__progress = [];
    const record = () => {
      const el = document.querySelector("[data-testid=analysis-progress]");
      const p = el && el.querySelector("progress");
      if (!p) return;
      const read = { stage: el.dataset.stage, value: Number(p.getAttribute("value")), label: p.getAttribute("aria-label") };
      const last = window.__progress.at(-1);
      if (!last || last.stage !== read.stage || last.value !== read.value) window.__progress.push(read);
    };
    record();
    new MutationObserver(record).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
  let shotTaken = false;
  // Poll as a person watching would: the page answers while the worker works.
  // Up to four minutes: the exact sweep of 8,000 nodes on a busy 2-core machine.
  const until = Date.now() + 240000;
  while (Date.now() < until && (await bar.count()) > 0) {
    const read = await bar.evaluate((el) => {
      const p = el.querySelector("progress");
      return { stage: el.dataset.stage, value: Number(p.getAttribute("value")), label: p.getAttribute("aria-label") };
    }, null, { timeout: 10000 }).catch(() => null);
    // The bar re-renders as it advances, or goes when the analysis ends.
    if (!read) { await page.waitForTimeout(100); continue; }
    const { stage, value } = read;
    if (stage === "analysis-stage-refining" && value > 5 && !shotTaken) {
      await shot(page, "analysis-playback-progress");
      shotTaken = true;
    }
    await page.waitForTimeout(100);
  }
  assert.equal(await bar.count(), 0, "the analysis finished");
  const seen = await page.evaluate(() => window.__progress);
  const stages = [...new Set(seen.map((s) => s.stage))];
  assert.ok(stages.includes("analysis-stage-refining"), stages.join());
  const refining = seen.filter((s) => s.stage === "analysis-stage-refining").map((s) => s.value);
  assert.ok(refining.length >= 3, `${refining.length} progress readings while refining`);
  assert.ok(refining.at(-1) > refining[0], `progress advanced: ${refining.join(",")}`);
  assert.equal(seen[0].label, "Analysis progress");
  // Brokers from the exact betweenness are on the picture.
  await page.locator("button[data-lens=brokers]").click();
  assert.ok((await page.locator("[data-testid=pb-legend] li").count()) >= 2);
  assert.deepEqual(errors, []);
});

test("when the analysis worker dies, the play-back says so in plain words and a retry starts it again", async (t) => {
  const { page, errors, bar } = await openLargePlayback(t);
  // Once the worker has taken the job and answered (the bar shows the
  // request before the worker has even loaded, and a worker that never
  // answered is given a minute to load on a busy machine)...
  await page.waitForFunction(() => {
    const p = document.querySelector("[data-testid=analysis-progress] progress");
    return p && Number(p.getAttribute("value")) > 0;
  }, null, { timeout: 60000 });
  // ...it goes away mid-job, as a crashed one does (every worker of the
  // page: the analysis's, the layout's and the painter's).
  const workers = page.workers();
  assert.ok(workers.length >= 1, "the page has its worker");
  for (const w of workers) await w.evaluate(() => self.close()).catch(() => {});
  const trouble = page.locator("[data-testid=analysis-trouble][data-kind=worker-lost]");
  await trouble.waitFor({ timeout: 60000 });
  assert.equal(await bar.count(), 0, "no progress bar left spinning");
  const alert = await trouble.getByRole("alert").textContent();
  assert.match(alert.replace(/[\u2068\u2069]/g, ""), /stopped responding.*Your maps are safe/);
  await shot(page, "analysis-worker-lost");
  // The page is still live: a lens can be chosen.
  await page.locator("button[data-lens=brokers]").click();
  await page.waitForSelector("main[data-lens=brokers]", { timeout: 5000 });
  // Retry, by keyboard as well as it would by touch: a fresh worker takes the job.
  const retry = page.getByRole("button", { name: "Try the analysis again" });
  await retry.focus();
  await page.keyboard.press("Enter");
  await bar.waitFor({ timeout: 30000 });
  assert.equal(await trouble.count(), 0, "the message goes with the retry");
  await page.waitForFunction(() => {
    const p = document.querySelector("[data-testid=analysis-progress] progress");
    return p && Number(p.getAttribute("value")) > 0;
  }, null, { timeout: 60000 });
  assert.deepEqual(errors, []);
});
