// Draws Weave's app icons (a small woven network on the accent colour) as
// PNG files with Node's zlib only. Run once; the PNGs are committed:
//   node scripts/make-icons.mjs
import { deflateSync } from "node:zlib";
import { writeFileSync, mkdirSync } from "node:fs";

const ACCENT = [0x1f, 0x6f, 0x78];
const WHITE = [255, 255, 255];

function crc32(buf) {
  let c, crc = 0xffffffff;
  for (let n = 0; n < buf.length; n++) {
    c = (crc ^ buf[n]) & 0xff;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    crc = (crc >>> 8) ^ c;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

function png(size, pixel) {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x + 0.5, y + 0.5);
      raw.set([r, g, b, a], y * (size * 4 + 1) + 1 + x * 4);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0); ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; ihdr[9] = 6; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0;
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw, { level: 9 })), chunk("IEND", Buffer.alloc(0))]);
}

function distToSegment(px, py, ax, ay, bx, by) {
  const dx = bx - ax, dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** One icon: `inset` is the share of the side kept clear (maskable icons need 10%). */
function icon(size, { inset = 0, rounded = true } = {}) {
  const s = size, c = s / 2, r = (s / 2) * (1 - inset) * 0.62;
  const nodes = [[c, c]];
  for (let i = 0; i < 6; i++) {
    const a = -Math.PI / 2 + (i * Math.PI) / 3;
    nodes.push([c + r * Math.cos(a), c + r * Math.sin(a)]);
  }
  const edges = [[0, 1], [0, 3], [0, 5], [1, 2], [2, 3], [3, 4], [4, 5], [5, 6], [6, 1], [2, 5]];
  const line = s * 0.035, dot = s * 0.075, corner = s * 0.22;
  return png(s, (x, y) => {
    if (rounded) {
      const qx = Math.max(corner - x, x - (s - corner), 0), qy = Math.max(corner - y, y - (s - corner), 0);
      if (Math.hypot(qx, qy) > corner) return [0, 0, 0, 0];
    }
    const onNode = nodes.some(([nx, ny], i) => Math.hypot(x - nx, y - ny) < (i === 0 ? dot * 1.35 : dot));
    const onEdge = edges.some(([a, b]) => distToSegment(x, y, ...nodes[a], ...nodes[b]) < line / 2);
    return onNode || onEdge ? [...WHITE, 255] : [...ACCENT, 255];
  });
}

mkdirSync("static/icons", { recursive: true });
writeFileSync("static/icons/icon-192.png", icon(192));
writeFileSync("static/icons/icon-512.png", icon(512));
writeFileSync("static/icons/maskable-512.png", icon(512, { inset: 0.2, rounded: false }));
writeFileSync("static/icons/apple-touch-icon.png", icon(180, { rounded: false }));
console.log("icons written to static/icons/");
