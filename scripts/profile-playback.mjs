#!/usr/bin/env node
// Where the play-back's main thread spends its time: a CPU profile (CDP
// `Profiler`) of the page while the layout runs, and while panning, for the
// networks of the benchmark; prints self and inclusive time per function
// (wasm functions by name when the build keeps them, see below) and the
// share of the main thread that was busy.
//
// Usage: a build with function names, e.g.
//   sed 's/data-wasm-opt="z"/data-wasm-opt="0" data-keep-debug/g' index.html > profile.tmp.html
//   trunk build --release=true --dist /tmp/dist-prof profile.tmp.html
//   WEAVE_DIST=/tmp/dist-prof node scripts/profile-playback.mjs
// PROFILE_CASES=2000:canvas2d:layout,20000:webgl:pan (network:renderer:mode),
// PROFILE_SECONDS=N, PROFILE_TOP=N. Mode `you` (e.g. event500:canvas2d:you)
// profiles from the hash change to the first frame showing the highlighted
// resident instead (per-frame figures are then for that one stretch); mode
// `start` profiles the first PROFILE_SECONDS (1 by default) from the hash
// change, where the workers start and the analysis lands. Each case opens
// the play-back once the app has warmed up (`<html data-warm="done">`, see
// `src/core/jobs/warm_up.rs`), or at once with PROFILE_COLD=1.
import { serve, launch, open, KIOSK } from "../tests/e2e/harness.mjs";

const CANVAS = "[data-testid=sociogram]";
const SECONDS = Number(process.env.PROFILE_SECONDS || 4);
const TOP = Number(process.env.PROFILE_TOP || 25);
const CASES = (process.env.PROFILE_CASES || "2000:canvas2d:layout,2000:webgl:layout,20000:canvas2d:layout,20000:webgl:layout,20000:canvas2d:pan,20000:webgl:pan")
  .split(",").map((c) => { const [n, renderer, mode] = c.split(":"); return { n, renderer, mode }; });

/** Drives frames for `ms` (dragging when `pan`), returns the frame count. */
function frames(page, ms, pan) {
  return page.evaluate(([ms, pan, sel]) => new Promise((done) => {
    const canvas = document.querySelector(sel);
    const r = canvas.getBoundingClientRect();
    const cx = r.left + r.width / 2, cy = r.top + r.height / 2;
    const fire = (type, x, y) => canvas.dispatchEvent(new PointerEvent(type, {
      bubbles: true, pointerId: 7, pointerType: "mouse", clientX: x, clientY: y, isPrimary: true }));
    if (pan) fire("pointerdown", cx, cy);
    let n = 0;
    const start = performance.now();
    const frame = (now) => {
      n++;
      if (pan) fire("pointermove", cx + 150 * Math.sin(n / 10), cy + 100 * Math.cos(n / 13));
      if (now - start < ms) requestAnimationFrame(frame);
      else { if (pan) fire("pointerup", cx, cy); done({ n, s: (now - start) / 1000 }); }
    };
    requestAnimationFrame(frame);
  }), [ms, pan, CANVAS]);
}

/** The page's CPU profile (sampled every 0.2 ms) while `during()` runs. */
async function profiled(context, page, during) {
  const cdp = await context.newCDPSession(page);
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
  await cdp.send("Profiler.start");
  await during();
  const { profile } = await cdp.send("Profiler.stop");
  await cdp.detach();
  return profile;
}

function summarise(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
  const name = (n) => {
    const f = n.callFrame;
    return f.functionName || (f.url ? `(anon ${f.url.split("/").pop()}:${f.lineNumber})` : "(anon)");
  };
  const self = new Map(), incl = new Map();
  let total = 0, idle = 0;
  profile.samples.forEach((id, i) => {
    const dt = (profile.timeDeltas[i + 1] ?? profile.timeDeltas[i]) / 1000;
    total += dt;
    const n = byId.get(id);
    const leaf = name(n);
    if (leaf === "(idle)" || leaf === "(program)") { idle += leaf === "(idle)" ? dt : 0; }
    self.set(leaf, (self.get(leaf) || 0) + dt);
    const seen = new Set();
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
      const nm = name(byId.get(cur));
      if (!seen.has(nm)) { seen.add(nm); incl.set(nm, (incl.get(nm) || 0) + dt); }
    }
  });
  return { self, incl, total, idle };
}

const srv = await serve(process.env.WEAVE_DIST);
try {
  for (const { n, renderer, mode } of CASES) {
    const { context } = await launch(null, KIOSK);
    try {
      const page = await context.newPage();
      await open(page, srv.url, "#/");
      if (process.env.PROFILE_COLD !== "1") await page.waitForSelector("html[data-warm=done]", { timeout: 60000 });
      const hash = `#/playback?bench=${n}&renderer=${renderer}`;
      if (mode === "you") {
        const profile = await profiled(context, page, async () => {
          await page.evaluate((h) => { location.hash = h; }, hash);
          await page.waitForSelector(`${CANVAS}[data-you-ms]`, { timeout: 60000, state: "attached" });
        });
        const you = await page.$eval(CANVAS, (c) => c.dataset.youMs);
        report(`${n}, ${renderer}, mount to highlight on screen: ${you} ms`, summarise(profile), 1);
        continue;
      }
      if (mode === "start") {
        let f;
        const profile = await profiled(context, page, async () => {
          await page.evaluate((h) => { location.hash = h; }, hash);
          f = await frames(page, Number(process.env.PROFILE_SECONDS || 1) * 1000, false);
        });
        report(`${n} nodes, ${renderer}, the first ${f.s.toFixed(1)} s from the hash change: ${(f.n / f.s).toFixed(1)} fps`, summarise(profile), f.n);
        continue;
      }
      await page.evaluate((h) => { location.hash = h; }, hash);
      await page.waitForSelector(`${CANVAS}[data-frames]`, { timeout: 120000, state: "attached" });
      if (mode === "pan") {
        await page.waitForFunction(() => !document.querySelector("[data-testid=pb-findings] .muted"), null, { timeout: 90000 }).catch(() => {});
      } else {
        await page.waitForTimeout(500);
      }
      let f;
      const profile = await profiled(context, page, async () => { f = await frames(page, SECONDS * 1000, mode === "pan"); });
      report(`${n} nodes, ${renderer}, ${mode}: ${(f.n / f.s).toFixed(1)} fps over ${f.s.toFixed(1)} s`, summarise(profile), f.n);
    } finally {
      await context.close();
    }
  }
} finally {
  await srv.close();
}

/** Prints a profile's summary, its times divided by `frames`. */
function report(title, { self, incl, total, idle }, frames) {
  const perFrame = (ms) => (ms / frames).toFixed(2);
  console.log(`\n## ${title}; main thread busy ${(100 * (1 - idle / total)).toFixed(0)}%`);
  console.log("| function | self ms/frame | incl ms/frame |");
  console.log("|---|---:|---:|");
  const rows = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, TOP);
  for (const [k, v] of rows) console.log(`| ${k.slice(0, 90)} | ${perFrame(v)} | ${perFrame(incl.get(k) || 0)} |`);
  console.log("\ninclusive, top:");
  const top = [...incl.entries()].sort((a, b) => b[1] - a[1]).slice(0, TOP * 2);
  for (const [k, v] of top) console.log(`  ${perFrame(v).padStart(8)} ms/frame  ${k.slice(0, 110)}`);
}
