// Writes the service worker for one build: the list of every file in the
// build output (Trunk's hashed names included) and a build id made from their
// contents, so a new build gets a new cache and an unchanged one keeps its
// cache. Also stamps the build id into index.html for the facilitator screen.
import { readFileSync, writeFileSync, readdirSync, statSync } from "node:fs";
import { createHash } from "node:crypto";
import { join, relative } from "node:path";

function files(dir, root = dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path, root) : [relative(root, path).split("\\").join("/")];
  });
}

export function writeServiceWorker(staging, source) {
  const list = files(staging).filter((f) => f !== "sw.js" && !f.startsWith("."));
  list.sort();
  const hash = createHash("sha256");
  for (const f of list) hash.update(f).update("\0").update(readFileSync(join(staging, f)));
  const build = hash.digest("hex").slice(0, 12);
  const template = readFileSync(join(source, "static", "sw.js"), "utf8");
  const sw = template
    .replace('"__WEAVE_BUILD__"', JSON.stringify(build))
    .replace("__WEAVE_FILES__", JSON.stringify(["./", ...list], null, 1));
  writeFileSync(join(staging, "sw.js"), sw);
  const index = join(staging, "index.html");
  const html = readFileSync(index, "utf8")
    .replace("</head>", `<meta name="weave-build" content="${build}">\n</head>`);
  writeFileSync(index, html);
  return { build, files: list.length };
}
