#!/usr/bin/env node
// The browser half of scripts/bench-matching.sh: opens
// #/facilitator/matching?bench=N in headless Chromium on a release build and
// reads how long candidate generation and scoring (suggest) took in wasm,
// best of RUNS page loads (each load generates the community afresh).
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
      suggest: await read("suggest-ms"), plan: await read("plan-ms"), generate: await read("generate-ms"),
      suggestions: await read("suggestions"), planned: await read("planned"),
      worker: await read("worker-ms"), workerSuggestions: await read("worker-suggestions"),
    });
    await page.goto("about:blank");
  }
  const best = results.reduce((a, b) => (b.suggest < a.suggest ? b : a));
  const bestWorker = results.reduce((a, b) => (b.worker < a.worker ? b : a));
  const all = (k) => results.map((r) => r[k]).join(", ");
  const s = (ms) => (ms / 1000).toFixed(3);
  if (results.some((r) => r.workerSuggestions !== r.suggestions)) throw new Error("the worker and the main thread disagree");
  console.log(`browser (headless Chromium, wasm release): candidate generation + scoring ${s(best.suggest)} s on the main thread (best of ${runs}: ${all("suggest")} ms), ${s(bestWorker.worker)} s in the web worker as the review runs it, sending the event there and the suggestions back as JSON (${all("worker")} ms); ${best.suggestions} suggestions; accept all likely planned ${best.planned} merges in ${s(best.plan)} s; generating the community ${s(best.generate)} s`);
} finally {
  await context.close();
  await srv.close();
}
