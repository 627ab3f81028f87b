#!/usr/bin/env node
// Play-back benchmark in headless Chromium (software rendering: no GPU here).
// For the demo event (150 residents) and generated 2,000-node/6,000-tie and
// 20,000-node/60,000-tie networks it measures: time to the first picture on screen,
// frames per second while the layout runs, and while panning (a pointer
// dragged every frame), and layout iterations per second. For a
// 500-resident event it measures the time from opening the play-back with a
// resident just finished to their highlighted point on screen (median, min
// and max over BENCH_YOU_RUNS runs, 5 by default).
//
// Two rates are reported, and they differ on purpose: the rAF rate is how
// often the page produces a frame (requestAnimationFrame callbacks per
// second: the page's responsiveness, and while panning each such frame shows
// the last picture moved by a CSS transform to follow the pointer); the
// picture rate is how often a freshly drawn picture is shown (the renderer's
// `data-pictures` counter per second: new positions while the layout runs,
// the sharp redraw while panning). While the layout runs, the rAF rate is
// also given from the moment the analysis's findings landed: in the first
// second or so the analysis runs in its worker beside the layout's.
//
// Each is measured with both renderers, forced from the address:
// `renderer=webgl` and `renderer=canvas2d`, the latter both painted in a
// worker (the default where the browser can) and on the page's thread
// (`paint=main`, BENCH_RENDERERS name `canvas2d-main`). By default the app
// uses WebGL 2 on a GPU and Canvas 2D on a software rasteriser, as here.
// The browser runs
// with the e2e harness's flags: with --disable-gpu this Chromium still
// offers WebGL 2 through SwiftShader (ANGLE on Vulkan), so no extra flag is
// needed, and the figures are a software rasteriser's: a real GPU does far
// better.
//
// Usage: trunk build --release && node scripts/bench-playback.mjs
//        (WEAVE_DIST=/path/to/dist to bench another build; BENCH_RENDERERS=webgl
//        or canvas2d for one renderer; BENCH_ONLY=2,000 for one network;
//        BENCH_SECONDS=N per measurement; BENCH_COLD=1 opens the play-back
//        before the app has warmed up)
import { serve, launch as launchWith, open, KIOSK, CHROMIUM_ARGS } from "../tests/e2e/harness.mjs";
import { loadavg } from "node:os";

// BENCH_FLAGS replaces the harness's --disable-gpu with other flags (see below).
const FLAGS = process.env.BENCH_FLAGS === undefined ? null
  : [...CHROMIUM_ARGS.filter((a) => a !== "--disable-gpu"), ...process.env.BENCH_FLAGS.split(" ").filter(Boolean)];
const launch = (dir, options) => launchWith(dir, FLAGS ? { ...options, replaceArgs: FLAGS } : options);

const CANVAS = "[data-testid=sociogram]";
const SECONDS = Number(process.env.BENCH_SECONDS || 4);

/** Counts animation frames in the page for `ms`; optionally drags a pointer. */
function measureFrames(page, ms, pan) {
  return page.evaluate(([ms, pan, sel]) => new Promise((done) => {
    const canvas = document.querySelector(sel);
    const r = canvas.getBoundingClientRect();
    const cx = r.left + r.width / 2, cy = r.top + r.height / 2;
    const it0 = Number(canvas.dataset.iterations);
    const pic0 = Number(canvas.dataset.pictures || 0);
    const fire = (type, x, y) => canvas.dispatchEvent(new PointerEvent(type, {
      bubbles: true, pointerId: 7, pointerType: "mouse", clientX: x, clientY: y, isPrimary: true }));
    if (pan) fire("pointerdown", cx, cy);
    const times = [];
    // When the analysis's findings landed (the first second or so of the
    // layout also runs the analysis in its worker).
    const analysing = () => Boolean(document.querySelector("[data-testid=pb-findings] .muted"));
    let analysed = analysing() ? null : 0;
    const start = performance.now();
    const frame = (now) => {
      times.push(now);
      if (analysed === null && !analysing()) analysed = now;
      if (pan) fire("pointermove", cx + 150 * Math.sin(times.length / 10), cy + 100 * Math.cos(times.length / 13));
      if (now - start < ms) requestAnimationFrame(frame);
      else {
        if (pan) fire("pointerup", cx, cy);
        const gaps = times.slice(1).map((t, i) => t - times[i]).sort((a, b) => a - b);
        const span = (times.at(-1) - times[0]) / 1000;
        // Frames a second from `a` to the end (null when under half a second).
        const rateFrom = (a) => {
          const after = times.filter((t) => t >= a);
          const s = (times.at(-1) - a) / 1000;
          return after.length > 1 && s >= 0.5 ? (after.length - 1) / s : null;
        };
        done({
          // Frames dropped: when (ms from the start) and for how long.
          drops: times.slice(1).map((t, i) => [times[i] - times[0], t - times[i]]).filter(([, g]) => g > 20)
            .map(([a, g]) => `${a.toFixed(0)}+${g.toFixed(0)}`).join(" "),
          fps: (times.length - 1) / span,
          fpsAnalysed: analysed === null ? null : rateFrom(Math.max(analysed, times[0])),
          pictures: (Number(canvas.dataset.pictures || 0) - pic0) / span,
          paint: canvas.dataset.paint, detail: canvas.dataset.detail, stride: canvas.dataset.stride, nodeScale: canvas.dataset.nodeScale,
          p95: gaps[Math.floor(gaps.length * 0.95)] || 0,
          iterationsPerSecond: (Number(canvas.dataset.iterations) - it0) / span,
          nodes: Number(canvas.dataset.nodes), edges: Number(canvas.dataset.edges),
        });
      }
    };
    requestAnimationFrame(frame);
  }), [ms, pan, CANVAS]);
}

// The app warms the play-back's code up while it idles after it starts
// (`src/core/jobs/warm_up.rs`): at an event the play-back opens after a
// resident's minutes of drawing. The bench waits for that (`<html
// data-warm="done">`, about 1.4 s here) unless BENCH_COLD=1, which opens the
// play-back at once, as a link straight to it would.
const COLD = process.env.BENCH_COLD === "1";

/** Opens the start screen, then the play-back hash, timing to the first picture on screen. */
async function openPlayback(page, url, hash) {
  await open(page, url, "#/");
  if (!COLD) await page.waitForSelector("html[data-warm=done]", { timeout: 60000 });
  // A MutationObserver notes the first painted frame at once (polling from
  // here would wait for the page's next free moment, overstating it).
  const t0 = await page.evaluate((h) => {
    window.__firstFrame = new Promise((done) => {
      const seen = new MutationObserver(() => {
        const c = document.querySelector("[data-testid=sociogram]");
        // The first picture on screen (a paint worker's lands a frame or
        // two after the play-back's first frame asked for it).
        if (Number(c?.dataset.pictures) > 0) { seen.disconnect(); done(performance.now()); }
      });
      seen.observe(document.body, { subtree: true, attributes: true, childList: true });
    });
    const t = performance.now();
    location.hash = h;
    return t;
  }, hash);
  const t1 = await page.evaluate(() => window.__firstFrame);
  return t1 - t0;
}

async function bench(url, label, hash) {
  const { context } = await launch(null, KIOSK);
  try {
    const page = await context.newPage();
    const first = await openPlayback(page, url, hash);
    const layout = await measureFrames(page, SECONDS * 1000, false);
    if (process.env.BENCH_DROPS) console.error(`  ${hash}: frames dropped while the layout ran at ${layout.drops || "none"}`);
    // Panning is what a facilitator does once the picture is up: measured
    // after the analysis (brokers, findings) has finished.
    const analysed = await page
      .waitForFunction(() => !document.querySelector("[data-testid=pb-findings] .muted"), null, { timeout: 60000 })
      .then(() => true, () => false);
    if (!analysed) console.error(`  (${hash}: analysis still running after 60 s; panning measured anyway)`);
    const pan = await measureFrames(page, SECONDS * 1000, true);
    return { label, first, layout, pan };
  } finally {
    await context.close();
  }
}

async function youBench(url, hash) {
  const { context } = await launch(null, KIOSK);
  try {
    const page = await context.newPage();
    const first = await openPlayback(page, url, hash);
    await page.waitForSelector(`${CANVAS}[data-you-ms]`, { timeout: 60000 });
    const you = Number(await page.$eval(CANVAS, (c) => c.dataset.youMs));
    const nodes = Number(await page.$eval(CANVAS, (c) => c.dataset.nodes));
    return { first, you, nodes };
  } finally {
    await context.close();
  }
}

const f = (x, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : "-");
// `canvas2d` paints in a worker where the browser can (as here);
// `canvas2d-main` forces the same renderer onto the page's thread, the
// peer the worker is measured against.
const VARIANTS = { webgl: "renderer=webgl", canvas2d: "renderer=canvas2d", "canvas2d-main": "renderer=canvas2d&paint=main" };
const withRenderer = (hash, r) => `${hash}${hash.includes("?") ? "&" : "?"}${VARIANTS[r] ?? `renderer=${r}`}`;
const RENDERERS = (process.env.BENCH_RENDERERS || "webgl,canvas2d,canvas2d-main").split(",");
const NETWORKS = [
  ["demo event (150 residents)", "#/playback"],
  ["generated 2,000 / 6,000", "#/playback?bench=2000"],
  ["generated 20,000 / 60,000", "#/playback?bench=20000"],
].filter(([label]) => !process.env.BENCH_ONLY || label.includes(process.env.BENCH_ONLY));
// The machine is shared: the load before and after goes with the figures.
const loadAtStart = loadavg().map((l) => l.toFixed(2)).join(" ");
const srv = await serve(process.env.WEAVE_DIST);
try {
  const rows = [];
  for (const [label, hash] of NETWORKS) {
    for (const renderer of RENDERERS) {
      const row = await bench(srv.url, label, withRenderer(hash, renderer));
      rows.push({ ...row, renderer });
      console.error(`done: ${label} (${renderer}: ${f(row.layout.fps)} fps layout, ${f(row.pan.fps)} fps panning)`);
    }
  }
  const you = [];
  const RUNS = Number(process.env.BENCH_YOU_RUNS || 5);
  for (const renderer of RUNS > 0 ? RENDERERS : []) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await youBench(srv.url, withRenderer("#/playback?bench=event500", renderer)));
    const ms = runs.map((r) => r.you).sort((a, b) => a - b);
    const firsts = runs.map((r) => r.first).sort((a, b) => a - b);
    you.push({ renderer, nodes: runs[0].nodes, runs: ms, you: ms[Math.floor(ms.length / 2)], first: firsts[Math.floor(firsts.length / 2)] });
  }
  console.log(`\nPlay-back benchmark, headless Chromium ${KIOSK.viewport.width}x${KIOSK.viewport.height}, no GPU (WebGL 2 is SwiftShader, a software rasteriser), ${SECONDS} s per measurement, ${COLD ? "opened cold (BENCH_COLD=1: at once after the page loaded)" : "opened once the app had warmed up"}; load average ${loadAtStart} at the start, ${loadavg().map((l) => l.toFixed(2)).join(" ")} at the end\n`);
  console.log("| network | renderer | nodes | ties | first picture (ms) | layout running: rAF/s | once analysed | pictures/s | p95 gap (ms) | layout it/s | detail while settling | panning: rAF/s | pictures/s | p95 gap (ms) | detail at rest (share, tie stride, node scale) |");
  console.log("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---|");
  const lod = (m, renderer) => (renderer.startsWith("canvas2d") ? `${m.detail}, ${m.stride}, ${m.nodeScale}` : `stride ${m.stride}`);
  // Where Canvas 2D painted, as the page reports it (`data-paint`).
  const shown = (r) => (r.renderer.startsWith("canvas2d") ? `canvas2d, painted on the ${r.layout.paint === "worker" ? "worker" : "page's thread"}` : r.renderer);
  for (const r of rows) {
    console.log(`| ${r.label} | ${shown(r)} | ${r.layout.nodes} | ${r.layout.edges} | ${f(r.first, 0)} | ${f(r.layout.fps)} | ${f(r.layout.fpsAnalysed)} | ${f(r.layout.pictures)} | ${f(r.layout.p95)} | ${f(r.layout.iterationsPerSecond)} | ${lod(r.layout, r.renderer)} | ${f(r.pan.fps)} | ${f(r.pan.pictures)} | ${f(r.pan.p95)} | ${lod(r.pan, r.renderer)} |`);
  }
  console.log("");
  for (const y of you) {
    console.log(`500-resident event (${y.nodes} nodes drawn, ${y.renderer}): opening the play-back with a resident just finished -> their highlighted point on screen: median ${f(y.you, 0)} ms over ${y.runs.length} runs (${y.runs.map((v) => f(v, 0)).join(", ")}) (from the screen's first render; hash change to first frame, including generating the 500-resident demo: median ${f(y.first, 0)} ms)`);
  }
} finally {
  await srv.close();
}
