// The browser column of scripts/bench-analysis.sh: serves a release build of
// the app (dist/) with the bench graphs under bench-data/, opens
// #/bench-analysis?graph=NAME in Debian's headless Chromium (playwright-core),
// presses "Run" as a person would, and reads the page's timings: the first
// full result and the exact result of the analysis in the app's web worker,
// and the worker's wasm memory. CPU time is that of every Chromium process
// (this script's descendants, from /proc) between the click and the result.
// Usage: node browser-bench.mjs DIST DATA_DIR REPEAT GRAPH... ; prints JSON.
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

const server = await serve();
const url = `http://127.0.0.1:${server.address().port}/`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
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
      const errors = [];
      page.on("pageerror", (e) => errors.push(String(e)));
      await page.goto(`${url}#/bench-analysis?graph=${graph}`);
      const run = page.getByTestId("bench-run");
      await run.waitFor();
      await page.waitForFunction(() => {
        const b = document.querySelector("[data-testid=bench-run]");
        return b && !b.disabled;
      }, null, { timeout: 120000 });
      const cpu0 = await treeCpu(root);
      await run.click();
      const pre = page.getByTestId("bench-result");
      await pre.waitFor({ timeout: 30 * 60 * 1000 });
      const cpu = (await treeCpu(root)) - cpu0;
      const result = JSON.parse(await pre.textContent());
      result.cpu_ms = cpu;
      if (errors.length) result.errors = errors;
      runs.push(result);
      await page.close();
      process.stderr.write(`[browser] ${graph} run ${i + 1}: first ${result.first_ms?.toFixed(1)} ms, ` +
        `exact ${result.exact_ms?.toFixed(1)} ms, cpu ${cpu} ms, worker memory ${result.worker_memory_bytes}\n`);
    }
    runs.sort((a, b) => a.exact_ms - b.exact_ms);
    const best = runs[0];
    best.runs = runs.length;
    best.best_first_ms = Math.min(...runs.map((r) => r.first_ms));
    best.peak_worker_memory_bytes = Math.max(...runs.map((r) => r.worker_memory_bytes));
    out[graph] = best;
  }
} finally {
  await browser.close();
  server.close();
}
console.log(JSON.stringify(out));
