// Trunk post-build hook: Trunk writes the wasm loader as an inline
// <script type="module">, which a strict Content-Security-Policy (no
// 'unsafe-inline') refuses to run. Move it into boot.js and load that instead.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error("TRUNK_STAGING_DIR is not set (run through trunk)");
const file = join(dir, "index.html");
let html = readFileSync(file, "utf8");
const inline = /<script type="module"(?: nonce="[^"]*")?>([\s\S]*?)<\/script>/g;
const bodies = [];
html = html.replace(inline, (_, body) => { bodies.push(body.trim()); return ""; });
if (bodies.length) {
  writeFileSync(join(dir, "boot.js"), bodies.join("\n") + "\n");
  html = html.replace("</head>", '<script type="module" src="./boot.js"></script>\n</head>');
}
// A static page cannot use a fixed nonce safely; drop any Trunk added.
html = html.replace(/ nonce="[^"]*"/g, "");
writeFileSync(file, html);

// Offline: the service worker with this build's exact file list (scripts/precache.mjs).
import { writeServiceWorker } from "./precache.mjs";
writeServiceWorker(dir, process.env.TRUNK_SOURCE_DIR || process.cwd());
