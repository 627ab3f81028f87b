// Which crates the app's wasm is made of: reads the code section and the
// "name" section of the linked (pre-wasm-bindgen, pre-wasm-opt) release wasm
// and adds up function body sizes by the crate named first in each symbol.
// Sizes are before wasm-opt and gzip: use them as shares, not final bytes.
//   node scripts/wasm-weight.mjs $CARGO_TARGET_DIR/wasm32-unknown-unknown/release/weave-app.wasm
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";

const buf = readFileSync(process.argv[2]);
let pos = 8;
const leb = () => { let r = 0, s = 0, b; do { b = buf[pos++]; r += (b & 0x7f) * 2 ** s; s += 7; } while (b & 0x80); return r; };
let imports = 0, bodies = [], names = new Map();
while (pos < buf.length) {
  const id = buf[pos++], size = leb(), end = pos + size;
  if (id === 2) { const n = leb(); for (let i = 0; i < n; i++) { const m = leb(); pos += m; const f = leb(); pos += f; const kind = buf[pos++]; if (kind === 0) { leb(); imports++; } else if (kind === 1) { pos++; const fl = leb(); leb(); if (fl & 1) leb(); } else if (kind === 2) { const fl = leb(); leb(); if (fl & 1) leb(); } else { pos += 2; } } }
  if (id === 10) { const n = leb(); for (let i = 0; i < n; i++) { const s = leb(); bodies.push([pos, s]); pos += s; } }
  if (id === 0) {
    const nl = leb(); const name = buf.subarray(pos, pos + nl).toString(); pos += nl;
    if (name === "name") {
      while (pos < end) { const sub = buf[pos++], ss = leb(), se = pos + ss;
        if (sub === 1) { const n = leb(); for (let i = 0; i < n; i++) { const idx = leb(); const l = leb(); names.set(idx, buf.subarray(pos, pos + l).toString()); pos += l; } }
        pos = se; }
    }
  }
  pos = end;
}
// The crate (and, for weave, the module under it) that a mangled symbol names first.
const crateOf = (sym) => {
  const segs = [];
  const legacy = sym.match(/_ZN(.*)$/);
  if (legacy) {
    let rest = legacy[1];
    while (segs.length < 3) { const m = rest.match(/^(\d+)/); if (!m) break; const n = Number(m[1]); segs.push(rest.slice(m[1].length, m[1].length + n)); rest = rest.slice(m[1].length + n); }
  } else {
    const v0 = sym.match(/C[sa-zA-Z0-9]*?_(\d+)([a-z_][a-z0-9_]*)/);
    if (v0) segs.push(v0[2].slice(0, Number(v0[1])));
    const direct = sym.match(/^<?&?(?:mut )?([a-z_][a-z0-9_]*)::([a-z_]+)::([a-z_]+)/);
    if (!segs.length && direct) segs.push(direct[1], direct[2], direct[3]);
  }
  if (!segs.length) return "(other)";
  return segs[0] === "weave" ? segs.slice(0, 3).join("::") : segs[0];
};
const groups = new Map();
bodies.forEach(([start, size], i) => {
  const sym = names.get(imports + i) || "?";
  const crate = crateOf(sym);
  const g = groups.get(crate) || { size: 0, parts: [] };
  g.size += size; g.parts.push(buf.subarray(start, start + size));
  groups.set(crate, g);
});
const total = bodies.reduce((a, [, s]) => a + s, 0);
const rows = [...groups.entries()].sort((a, b) => b[1].size - a[1].size);
const pick = process.argv.slice(3);
console.log(`code section: ${total} bytes in ${bodies.length} functions (${names.size} named)`);
for (const [crate, g] of rows) {
  if (pick.length && !pick.includes(crate)) continue;
  const gz = gzipSync(Buffer.concat(g.parts), { level: 9 }).length;
  console.log(`${crate.padEnd(28)} ${String(g.size).padStart(9)} B  ${String(gz).padStart(8)} B gz (alone)`);
}
