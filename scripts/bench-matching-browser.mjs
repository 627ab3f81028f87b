#!/usr/bin/env node
// The browser half of scripts/bench-matching.sh: opens
// #/facilitator/matching?bench=N in headless Chromium on a release build and
// reads how long candidate generation and scoring took in wasm, best of RUNS
// page loads (each load generates the community afresh): on the page's main
// thread, and as the review runs it in the web worker (from taking the input
// to having the suggestions back), with the part of that round trip that
// blocks the page (input, encoding, decoding) and the size of each message.
//
// Usage: node scripts/bench-matching-browser.mjs [residents=3000]
//        (WEAVE_DIST=/path/to/dist to bench another build; RUNS=3)
import { serve, launch, open } from "../tests/e2e/harness.mjs";

const residents = Number(process.argv[2] || 3000);
const runs = Number(process.env.RUNS || 3);
const srv = await serve(process.env.WEAVE_DIST);
const { context } = await launch();
try {
  const page = await context.newPage();
  const results = [];
  for (let i = 0; i < runs; i++) {
    await open(page, srv.url, `#/facilitator/matching?bench=${residents}`);
    const el = await page.waitForSelector("[data-testid=review-bench][data-busy=false]", { timeout: 300000 });
    const read = async (k) => Number(await el.getAttribute(`data-${k}`));
    results.push({
      suggest: await read("suggest-ms"), generate: await read("generate-ms"),
      suggestions: await read("suggestions"), planned: await read("planned"),
      worker: await read("worker-ms"), again: await read("worker-again-ms"), workerSuggestions: await read("worker-suggestions"),
      blocked: await read("blocked-ms"), input: await read("input-bytes"), output: await read("output-bytes"),
    });
    await page.goto("about:blank");
  }
  const best = results.reduce((a, b) => (b.suggest < a.suggest ? b : a));
  const bestWorker = results.reduce((a, b) => (b.worker < a.worker ? b : a));
  const bestAgain = results.reduce((a, b) => (b.again < a.again ? b : a));
  const bestBlocked = results.reduce((a, b) => (b.blocked < a.blocked ? b : a));
  const mb = (n) => (n / 1e6).toFixed(1);
  const all = (k) => results.map((r) => r[k]).join(", ");
  const s = (ms) => (ms / 1000).toFixed(3);
  if (results.some((r) => r.workerSuggestions !== r.suggestions)) throw new Error("the worker and the main thread disagree");
  console.log(`browser (headless Chromium, wasm release), best of ${runs}:`);
  console.log(`  on the page's main thread: candidate generation + scoring ${s(best.suggest)} s (${all("suggest")} ms); ${best.suggestions} suggestions, accept all likely merges ${best.planned} at the default threshold`);
  console.log(`  via the web worker, as the review runs it: ${s(bestWorker.worker)} s from taking the input to having the suggestions on a fresh worker (${all("worker")} ms), ${s(bestAgain.again)} s again after a decision (${all("again")} ms); of which the page is blocked ${s(bestBlocked.blocked)} s (taking the input, encoding it, decoding the reply: ${all("blocked")} ms)`);
  console.log(`  messages as JSON: input ${mb(best.input)} MB, suggestions ${mb(best.output)} MB; generating the community ${s(best.generate)} s`);
} finally {
  await context.close();
  await srv.close();
}
