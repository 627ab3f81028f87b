// The browser column of scripts/bench-analysis.sh: serves a release build of
// the app (dist/) with the bench graphs under bench-data/, opens
// #/bench-analysis?graph=NAME in Debian's headless Chromium (playwright-core),
// presses "Run" as a person would, and reads the page's timings: the first
// full result and the exact result of the analysis in the app's web worker,
// and the worker's wasm memory. CPU time is measured three ways between the
// click and the result: every Chromium process (this script's descendants,
// from /proc), the web worker's own thread alone (Chromium names it
// "DedicatedWorker thread"; its run time from /proc/PID/task/TID/schedstat,
// nanoseconds), and the worker's own clock around its work (worker_busy_ms,
// reported by the page).
// Usage: node browser-bench.mjs DIST DATA_DIR REPEAT GRAPH... ; prints JSON.
// Environment, for investigating: WARM_RUNS=N runs the analysis N times on the
// same page before the measured run (a warm worker), EXTRA_ARGS adds Chromium
// flags (e.g. "--js-flags=--no-wasm-dynamic-tiering"), DEBUG_CONSOLE=1 copies
// the page's and workers' console to stderr.
import { createServer } from "node:http";
import { readFile, readdir } from "node:fs/promises";
import { readFileSync } from "node:fs";
import { join, extname, resolve } from "node:path";
import { chromium } from "playwright-core";

const [dist, data, repeatArg, ...graphs] = process.argv.slice(2);
const repeat = Math.max(1, Number(repeatArg) || 1);
const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript",
  ".css": "text/css", ".wasm": "application/wasm", ".json": "application/json" };

function serve() {
  const server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
      const file = path.startsWith("/bench-data/")
        ? join(resolve(data), path.slice("/bench-data/".length))
        : join(resolve(dist), path === "/" ? "index.html" : path);
      const body = await readFile(file);
      res.writeHead(200, { "content-type": TYPES[extname(file)] || "application/octet-stream" });
      res.end(body);
    } catch {
      res.writeHead(404).end("not found");
    }
  });
  return new Promise((ok) => server.listen(0, "127.0.0.1", () => ok(server)));
}

const TICK_MS = 10; // CLK_TCK is 100 on Linux

/** utime + stime (ms) of all descendants of `root`. */
async function treeCpu(root) {
  const stats = new Map();
  for (const pid of await readdir("/proc")) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const text = readFileSync(`/proc/${pid}/stat`, "utf8");
      const f = text.slice(text.lastIndexOf(")") + 2).split(" ");
      stats.set(Number(pid), { ppid: Number(f[1]), cpu: (Number(f[11]) + Number(f[12])) * TICK_MS });
    } catch { /* gone */ }
  }
  let total = 0;
  const inTree = (pid) => {
    for (let p = pid, hops = 0; p > 1 && hops < 20; hops++) {
      if (p === root) return true;
      p = stats.get(p)?.ppid ?? 0;
    }
    return false;
  };
  for (const [pid, s] of stats) if (pid !== root && inTree(pid)) total += s.cpu;
  return total;
}

/** Run time (ms) of every web-worker thread of `root`'s descendants, by thread id. */
async function workerThreads(root) {
  const parent = new Map();
  for (const pid of await readdir("/proc")) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const text = readFileSync(`/proc/${pid}/stat`, "utf8");
      parent.set(Number(pid), Number(text.slice(text.lastIndexOf(")") + 2).split(" ")[1]));
    } catch { /* gone */ }
  }
  const under = (pid) => {
    for (let p = parent.get(pid), hops = 0; p > 1 && hops < 20; hops++) {
      if (p === root) return true;
      p = parent.get(p) ?? 0;
    }
    return false;
  };
  const threads = new Map();
  for (const pid of parent.keys()) {
    if (!under(pid)) continue;
    let tids = [];
    try { tids = await readdir(`/proc/${pid}/task`); } catch { continue; }
    for (const tid of tids) {
      try {
        const comm = readFileSync(`/proc/${pid}/task/${tid}/comm`, "utf8").trim();
        if (!comm.startsWith("DedicatedWorker")) continue;
        const ns = Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, "utf8").split(" ")[0]);
        threads.set(`${pid}/${tid}`, ns / 1e6);
      } catch { /* gone */ }
    }
  }
  return threads;
}

/** CPU ms the worker threads ran between two `workerThreads` readings. */
function workerCpu(before, after) {
  let total = 0;
  for (const [tid, ms] of after) total += ms - (before.get(tid) ?? 0);
  return total;
}

const server = await serve();
const url = `http://127.0.0.1:${server.address().port}/`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  args: [...(process.env.EXTRA_ARGS ? process.env.EXTRA_ARGS.split(" ") : []), "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-dev-shm-usage"],
});
// Chromium's processes are this script's descendants (this process excluded).
const root = process.pid;
const out = {};
try {
  for (const graph of graphs) {
    const runs = [];
    for (let i = 0; i < repeat; i++) {
      const page = await browser.newPage();
      if (process.env.DEBUG_CONSOLE) page.on("console", (m) => console.error(m.text()));
      const errors = [];
      page.on("pageerror", (e) => errors.push(String(e)));
      await page.goto(`${url}#/bench-analysis?graph=${graph}`);
      const run = page.getByTestId("bench-run");
      await run.waitFor();
      await page.waitForFunction(() => {
        const b = document.querySelector("[data-testid=bench-run]");
        return b && !b.disabled;
      }, null, { timeout: 120000 });
      const pre = page.getByTestId("bench-result");
      for (let w = 0; w < Number(process.env.WARM_RUNS || 0); w++) {
        await run.click();
        await pre.waitFor({ timeout: 30 * 60 * 1000 });
        await page.waitForTimeout(300);
      }
      const cpu0 = await treeCpu(root);
      const threads0 = await workerThreads(root);
      await run.click();
      await pre.waitFor({ timeout: 30 * 60 * 1000 });
      const threads1 = await workerThreads(root);
      const cpu = (await treeCpu(root)) - cpu0;
      const result = JSON.parse(await pre.textContent());
      result.cpu_ms = cpu;
      result.worker_thread_cpu_ms = workerCpu(threads0, threads1);
      result.worker_threads = threads1.size;
      if (errors.length) result.errors = errors;
      runs.push(result);
      await page.close();
      process.stderr.write(`[browser] ${graph} run ${i + 1}: first ${result.first_ms?.toFixed(1)} ms, ` +
        `exact ${result.exact_ms?.toFixed(1)} ms, cpu ${cpu} ms (worker thread ${result.worker_thread_cpu_ms.toFixed(1)} ms ` +
        `of ${result.worker_threads} worker threads, worker busy ${result.worker_busy_ms?.toFixed(1)} ms), ` +
        `worker memory ${result.worker_memory_bytes}\n`);
    }
    runs.sort((a, b) => a.exact_ms - b.exact_ms);
    const best = runs[0];
    best.runs = runs.length;
    best.best_first_ms = Math.min(...runs.map((r) => r.first_ms));
    best.first_ms_runs = runs.map((r) => r.first_ms);
    best.best_worker_thread_cpu_ms = Math.min(...runs.map((r) => r.worker_thread_cpu_ms));
    best.best_worker_busy_ms = Math.min(...runs.map((r) => r.worker_busy_ms ?? Infinity));
    best.peak_worker_memory_bytes = Math.max(...runs.map((r) => r.worker_memory_bytes));
    out[graph] = best;
  }
} finally {
  await browser.close();
  server.close();
}
console.log(JSON.stringify(out));
