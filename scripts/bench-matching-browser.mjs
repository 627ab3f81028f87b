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
    });
    await page.goto("about:blank");
  }
  const best = results.reduce((a, b) => (b.suggest < a.suggest ? b : a));
  const all = results.map((r) => r.suggest).join(", ");
  console.log(`browser (headless Chromium, wasm release): candidate generation + scoring ${(best.suggest / 1000).toFixed(3)} s (best of ${runs}: ${all} ms), ${best.suggestions} suggestions; accept all likely planned ${best.planned} merges in ${(best.plan / 1000).toFixed(3)} s; generating the community ${(best.generate / 1000).toFixed(3)} s`);
} finally {
  await context.close();
  await srv.close();
}
