// Data exchange: every export format from the demo event downloads a file
// that reads back (XML well-formed with the right node count, CSV rows, the
// JSON backup re-imports); a networkx GraphML file is previewed before it is
// imported; a malformed file names its line and changes nothing; a backup
// brings an event back after it was replaced.
//
// The expected node count is worked out here from the stored responses and
// merge log (residents plus named people, merged groups counted once), not
// read from the app's own export.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, mkdtempSync, openSync, ftruncateSync, closeSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serve, launch, open, watchErrors, readStore, shot } from "./harness.mjs";

const FIXTURES = new URL("../fixtures/formats/", import.meta.url).pathname;

let srv;
before(async () => { srv = await serve(process.env.WEAVE_DIST || undefined); });
after(async () => { await srv.close(); });

async function exchangePage(context) {
  const page = await context.newPage();
  page.on("dialog", (d) => d.accept());
  await open(page, srv.url, "#/facilitator/exchange");
  await page.waitForSelector("[data-testid=exchange]");
  return page;
}

/** Picks the format (and network) and returns the downloaded files' text, by name. */
async function exportFiles(page, { format, network, options = [], expect = 1 }) {
  await page.click(`#export-format [data-value=${format}]`);
  if (network) await page.click(`#export-network [data-value=${network}]`);
  for (const o of options) await page.click(`#export-options [data-value=${o}]`);
  const downloads = [];
  const got = new Promise((ok) => {
    const on = (d) => { downloads.push(d); if (downloads.length === expect) { page.off("download", on); ok(); } };
    page.on("download", on);
  });
  await page.click("[data-testid=export-run]");
  await got;
  await page.waitForSelector("[data-testid=export-status].ok");
  for (const o of options) await page.click(`#export-options [data-value=${o}]`);
  const out = {};
  for (const d of downloads) {
    const name = d.suggestedFilename();
    out[name] = { name, text: readFileSync(await d.path(), "utf8") };
  }
  return out;
}

/** Text without Fluent's bidi isolation marks around placeables. */
const plain = (s) => s.replace(/[\u2066-\u2069]/g, "");

/** Reads the store each animation frame until `check` holds (saves are asynchronous). */
async function storeUntil(page, check, frames = 600) {
  let store;
  for (let i = 0; i < frames; i++) {
    store = await readStore(page);
    if (check(store)) return store;
    await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => ok())));
  }
  return store;
}

/** The community as stored: responses, event and merge log. */
function community(store) {
  return {
    event: store.meta.event,
    merges: store.meta.merges || [],
    responses: Object.values(store.responses),
  };
}

/** Residents plus named people, with merged groups counted once. */
function peopleNodeCount(c) {
  const finished = c.responses.filter((r) => r.status === "finished");
  const alters = new Set();
  for (const r of finished) for (const a of r.alters) alters.add(`${r.id}:${a.id}`);
  const latest = new Map();
  for (const d of c.merges) {
    const [x, y] = [`${d.a.response}:${d.a.alter}`, `${d.b.response}:${d.b.alter}`].sort();
    latest.set(`${x}|${y}`, d.verdict);
  }
  const parent = new Map([...alters].map((a) => [a, a]));
  const find = (x) => { while (parent.get(x) !== x) x = parent.get(x); return x; };
  for (const [pair, verdict] of latest) {
    const [x, y] = pair.split("|");
    if (verdict === "same" && parent.has(x) && parent.has(y)) parent.set(find(x), find(y));
  }
  const roots = new Set([...alters].map(find));
  return finished.length + roots.size;
}

/** Parses XML in the page (DOMParser); returns its error, if any, and element counts. */
async function xmlFacts(page, text, tags) {
  return page.evaluate(({ text, tags }) => {
    const doc = new DOMParser().parseFromString(text, "application/xml");
    const error = doc.querySelector("parsererror")?.textContent || null;
    const counts = Object.fromEntries(tags.map((t) => [t, doc.getElementsByTagName(t).length]));
    return { error, counts };
  }, { text, tags });
}

/** CSV records, honouring quoted fields that hold commas, quotes or newlines. */
function csvRows(text) {
  const rows = [];
  let row = [], field = "", quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") { row.push(field); field = ""; }
    else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(field); rows.push(row); row = []; field = "";
    } else field += ch;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  return rows;
}

test("every export format downloads a file that reads back", async () => {
  const { context } = await launch();
  const page = await exchangePage(context);
  const errors = watchErrors(page);
  const c = community(await readStore(page));
  const nodes = peopleNodeCount(c);
  assert.ok(nodes > 150, `demo people network has ${nodes} nodes`);

  const graphml = Object.values(await exportFiles(page, { format: "graphml", network: "people" }))[0];
  const g = await xmlFacts(page, graphml.text, ["node", "edge"]);
  assert.equal(g.error, null);
  assert.equal(g.counts.node, nodes);

  const gexf = Object.values(await exportFiles(page, { format: "gexf" }))[0];
  const x = await xmlFacts(page, gexf.text, ["node", "edge"]);
  assert.equal(x.error, null);
  assert.equal(x.counts.node, nodes);
  assert.equal(x.counts.edge, g.counts.edge);

  const csv = await exportFiles(page, { format: "csv", expect: 2 });
  const names = Object.keys(csv).sort();
  assert.equal(names.length, 2);
  assert.match(names[0], /people\.edges\.csv$/);
  assert.match(names[1], /people\.nodes\.csv$/);
  assert.equal(csvRows(csv[names[1]].text).length, nodes + 1);
  assert.equal(csvRows(csv[names[0]].text).length, g.counts.edge + 1);

  const matrix = Object.values(await exportFiles(page, { format: "adjacency" }))[0];
  const rows = csvRows(matrix.text);
  assert.equal(rows.length, nodes + 1);
  assert.ok(rows.every((r) => r.length === nodes + 1));

  const pajek = Object.values(await exportFiles(page, { format: "pajek" }))[0];
  assert.match(pajek.text, new RegExp(`^\\*Vertices ${nodes}\\b`, "m"));

  const dl = Object.values(await exportFiles(page, { format: "ucinet" }))[0];
  assert.match(dl.text, new RegExp(`^dl\\b[\\s\\S]*\\bn\\s*=\\s*${nodes}\\b`, "im"));

  const survey = Object.values(await exportFiles(page, { format: "survey" }))[0];
  assert.equal(csvRows(survey.text).length, c.responses.length + 1);

  const backup = Object.values(await exportFiles(page, { format: "backup" }))[0];
  const doc = JSON.parse(backup.text);
  assert.equal(doc.format, "weave");
  assert.equal(doc.community.responses.length, c.responses.length);
  assert.deepEqual(doc.community.event, c.event);

  // Two-mode: residents and every listed place, marked by kind.
  const twoMode = Object.values(await exportFiles(page, { format: "graphml", network: "people-places" }))[0];
  const t = await xmlFacts(page, twoMode.text, ["node"]);
  const finished = c.responses.filter((r) => r.status === "finished").length;
  assert.ok(t.counts.node >= finished + c.event.places.length, JSON.stringify(t.counts));
  assert.deepEqual(errors, []);
  await context.close();
});

test("metrics and pseudonyms: metric attributes present, names and response ids gone", async () => {
  const { context } = await launch();
  const page = await exchangePage(context);
  const c = community(await readStore(page));
  const files = await exportFiles(page, { format: "graphml", network: "people", options: ["metrics", "pseudonymise"] });
  const text = Object.values(files)[0].text;
  assert.match(text, /attr\.name="betweenness"/);
  assert.match(text, /attr\.name="pagerank"/);
  const someName = c.responses.flatMap((r) => r.alters).find((a) => a.name.length > 3).name;
  assert.ok(!text.includes(someName), `${someName} leaked into a pseudonymised export`);
  assert.ok(!text.includes(c.responses[0].id), "a response id leaked");
  const { counts } = await xmlFacts(page, text, ["node"]);
  assert.equal(counts.node, peopleNodeCount(c));
  await shot(page, "exchange-export");
  await context.close();
});

test("a networkx GraphML file is previewed, and imported only after confirming", async () => {
  const { context } = await launch();
  const page = await exchangePage(context);
  const before = await readStore(page);
  await page.setInputFiles("[data-testid=import-file]", FIXTURES + "nx_karate.graphml");
  await page.waitForSelector("[data-testid=import-preview]");
  const headline = await page.textContent("[data-testid=preview-headline]");
  assert.match(plain(headline), /GraphML network with 34 nodes and 78 ties/);
  assert.match(plain(await page.textContent("[data-testid=preview-counts]")), /34 maps/);
  await page.waitForSelector("[data-testid=preview-clean]");
  await shot(page, "exchange-import-preview");
  assert.deepEqual(await readStore(page), before, "nothing changes before confirming");

  await page.click("[data-testid=import-confirm]");
  await page.waitForSelector("[data-testid=import-status].ok");
  const after = await storeUntil(page, (s) => s.meta.event?.name === "nx_karate.graphml");
  assert.equal(after.meta.event.name, "nx_karate.graphml");
  const maps = Object.values(after.responses);
  assert.equal(maps.length, 34);
  // Zachary's club: member 0 has 16 ties, and names them all on its map.
  const zero = maps.find((r) => r.id === "imp-0");
  assert.equal(zero.alters.length, 16);
  await context.close();
});

test("a file dropped on the import area is previewed with its skipped records in plain words", async () => {
  const { context } = await launch();
  const page = await exchangePage(context);
  const text = readFileSync(FIXTURES + "malformed/unknown_nodes.graphml", "utf8");
  const transfer = await page.evaluateHandle((t) => {
    const dt = new DataTransfer();
    dt.items.add(new File([t], "unknown_nodes.graphml", { type: "application/xml" }));
    return dt;
  }, text);
  await page.dispatchEvent("[data-testid=import-drop]", "dragover", { dataTransfer: transfer });
  await page.dispatchEvent("[data-testid=import-drop]", "drop", { dataTransfer: transfer });
  await page.waitForSelector("[data-testid=preview-issues]");
  const issues = await page.$$eval("[data-testid=preview-issues] li", (els) => els.map((e) => e.textContent));
  const all = plain(issues.join("\n"));
  assert.match(all, /appeared twice/);
  assert.match(all, /created because a tie named it/);
  assert.match(all, /weight that is not a number/);
  assert.match(all, /lines? \d/);
  await page.click("[data-testid=import-cancel]");
  await page.waitForSelector("[data-testid=import-preview]", { state: "detached" });
  await context.close();
});

test("a malformed file shows an error naming the line and changes nothing", async () => {
  const { context } = await launch();
  const page = await exchangePage(context);
  const errors = watchErrors(page);
  const before = await readStore(page);
  await page.setInputFiles("[data-testid=import-file]", FIXTURES + "malformed/mismatched.gexf");
  const error = await page.waitForSelector("[data-testid=import-error]");
  const message = plain(await error.textContent());
  assert.match(message, /mismatched\.gexf/);
  assert.match(message, /line 6, column \d+/);
  assert.match(message, /Nothing has been changed/);
  await page.setInputFiles("[data-testid=import-file]", {
    name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("hello"),
  });
  await page.waitForSelector("[data-testid=import-error] >> text=does not know what kind of file");
  await shot(page, "exchange-import-error");
  // The rest of the bad-input list, as a person would meet it: a file with a
  // DOCTYPE (entity expansion refused), a spreadsheet saved as Latin-1, a
  // file over the size limit (a sparse file: nothing is really written).
  const cases = [
    [FIXTURES + "malformed/billion_laughs.graphml", /line 2, column \d+.*DOCTYPE/s],
    [FIXTURES + "malformed/latin1_nodes.csv", /line 2, column \d+.*Latin-1/s],
  ];
  for (const [file, want] of cases) {
    await page.setInputFiles("[data-testid=import-file]", file);
    await page.waitForFunction((name) =>
      document.querySelector("[data-testid=import-error]")?.textContent.includes(name), file.split("/").pop());
    const text = plain(await page.textContent("[data-testid=import-error]"));
    assert.match(text, want, text);
    assert.match(text, /Nothing has been changed/);
  }
  const dir = mkdtempSync(join(tmpdir(), "weave-big-"));
  const big = join(dir, "huge.graphml");
  const fd = openSync(big, "w");
  ftruncateSync(fd, 101 * 1024 * 1024);
  closeSync(fd);
  await page.setInputFiles("[data-testid=import-file]", big);
  await page.waitForSelector("text=Weave imports files up to 100 MB");
  await shot(page, "exchange-import-too-large");
  rmSync(dir, { recursive: true, force: true });
  assert.deepEqual(await readStore(page), before);
  assert.deepEqual(errors, []);
  await context.close();
});

test("export a backup, start a new empty event, import the backup: the data is back", async () => {
  const { context } = await launch();
  const page = await exchangePage(context);
  const original = community(await readStore(page));
  const backup = Object.values(await exportFiles(page, { format: "backup" }))[0];

  await page.click("[data-testid=tab-overview]");
  await page.click("text=Start a new, empty event");
  const empty = community(await storeUntil(page, (s) => Object.keys(s.responses).length === 0));
  assert.equal(empty.responses.length, 0);

  await page.click("[data-testid=tab-exchange]");
  await page.setInputFiles("[data-testid=import-file]", {
    name: backup.name, mimeType: "application/json", buffer: Buffer.from(backup.text),
  });
  await page.waitForSelector("[data-testid=import-preview]");
  assert.match(await page.textContent("[data-testid=preview-headline]"), /Weave backup/);
  await page.click("[data-testid=import-confirm]");
  await page.waitForSelector("[data-testid=import-status].ok");
  const restored = community(await storeUntil(page,
    (s) => Object.keys(s.responses).length === original.responses.length));
  const byId = (rs) => [...rs].sort((a, b) => a.id.localeCompare(b.id));
  assert.deepEqual(restored.event, original.event);
  assert.deepEqual(byId(restored.responses), byId(original.responses));
  assert.deepEqual(restored.merges, original.merges);
  await context.close();
});
