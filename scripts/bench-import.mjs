#!/usr/bin/env node
// Does a big import freeze the page? In headless Chromium, the facilitator
// picks a generated GraphML file of about MB megabytes (default 50) in the
// import area while the page counts its animation frames. Prints the time
// from picking the file to its preview, the longest gap between two frames
// (the longest the page could not answer a tap) and how many gaps exceeded
// 100 ms. The parse itself runs in the web worker; what remains on the page
// is reading the file, handing the text to the worker and taking the preview
// back.
//
// Usage: trunk build --release && node scripts/bench-import.mjs [MB=50]
//        (run by scripts/bench-formats.sh; WEAVE_DIST=/path/to/dist for another build)
import { writeFileSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serve, launch, open } from "../tests/e2e/harness.mjs";

const mb = Number(process.argv[2] || 50);

/** A GraphML network like the native bench's: people, attributes, weighted ties. */
function graphml(targetBytes) {
  const head = `<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="l" for="node" attr.name="label" attr.type="string"/>
  <key id="a" for="node" attr.name="area" attr.type="string"/>
  <key id="g" for="node" attr.name="age" attr.type="long"/>
  <key id="w" for="edge" attr.name="weight" attr.type="double"/>
  <graph id="G" edgedefault="undirected">
`;
  const parts = [head];
  let size = head.length;
  const areas = ["Murton East", "Murton West", "Hawthorn", "Eppleton"];
  let seed = 1;
  const rand = (n) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
  const nodes = Math.floor(targetBytes / 560);
  for (let i = 0; i < nodes; i++) {
    const s = `    <node id="r${i}"><data key="l">Resident ${i}</data><data key="a">${areas[i % 4]}</data><data key="g">${16 + rand(80)}</data></node>\n`;
    parts.push(s); size += s.length;
  }
  while (size < targetBytes) {
    const s = `    <edge source="r${rand(nodes)}" target="r${rand(nodes)}"><data key="w">${1 + rand(3)}.0</data></edge>\n`;
    parts.push(s); size += s.length;
  }
  parts.push("  </graph>\n</graphml>\n");
  return parts.join("");
}

const dir = mkdtempSync(join(tmpdir(), "weave-import-bench-"));
const file = join(dir, `big-${mb}mb.graphml`);
writeFileSync(file, graphml(mb * 1024 * 1024));
const size = statSync(file).size / 1024 / 1024;

const srv = await serve(process.env.WEAVE_DIST || undefined);
const { context } = await launch();
const page = await context.newPage();
page.on("dialog", (d) => d.accept());
await open(page, srv.url, "#/facilitator/exchange");
await page.waitForSelector("[data-testid=import-file]");
await page.evaluate(() => {
  window.__frames = [];
  const tick = (t) => { window.__frames.push(t); if (!window.__stop) requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
  // When the area's status changes (Reading…, Checking…, the preview), to
  // say which stage each long gap fell in.
  window.__phases = [];
  const status = () => document.querySelector("[data-testid=import-status], [data-testid=import-preview], [data-testid=import-error]");
  let last = null;
  new MutationObserver(() => {
    const el = status();
    const text = el ? (el.dataset.testid === "import-status" ? el.textContent : el.dataset.testid) : null;
    if (text !== last) { last = text; window.__phases.push([performance.now(), text]); }
  }).observe(document.body, { subtree: true, childList: true, characterData: true });
});
const p0 = await page.evaluate(() => performance.now());
const t0 = Date.now();
await page.setInputFiles("[data-testid=import-file]", file);
await page.waitForSelector("[data-testid=import-preview], [data-testid=import-error]", { timeout: 600_000 });
const toPreview = (Date.now() - t0) / 1000;
const failed = await page.$("[data-testid=import-error]");
const frames = await page.evaluate(() => { window.__stop = true; return window.__frames; });
const gaps = frames.slice(1).map((t, i) => t - frames[i]);
const longest = Math.max(0, ...gaps);
const over100 = gaps.filter((g) => g > 100).length;
console.log(`import of a ${size.toFixed(1)} MB GraphML file in the app (headless Chromium)`);
if (failed) console.log(`  refused: ${await failed.textContent()}`);
console.log(`  picked -> preview: ${toPreview.toFixed(2)} s`);
console.log(`  longest frame gap: ${(longest / 1000).toFixed(2)} s; gaps over 100 ms: ${over100}`);
const phases = await page.evaluate(() => window.__phases);
const stageAt = (t) => (phases.filter(([at]) => at <= t).pop() || [0, "picking"])[1];
for (const [i, g] of gaps.entries()) {
  if (g <= 100) continue;
  const start = frames[i];
  console.log(`    ${(g / 1000).toFixed(2)} s from +${((start - p0) / 1000).toFixed(2)} s, during: ${stageAt(start)}`);
}
await context.close();
await srv.close();
rmSync(dir, { recursive: true, force: true });
