// Test helpers for QR hand-over: capture the codes a page shows (its QR
// canvas, every frame of a cycling sequence), write them as a Y4M video for
// Chromium's fake camera (--use-file-for-fake-video-capture), and build Weave
// frames by hand (base45 + transfer id) to tamper with a sealed map.
import { writeFileSync } from "node:fs";
import { createHash } from "node:crypto";

const W = 640, H = 480, SIDE = 440;

/** Every distinct picture the QR canvas `selector` shows, as greyscale images {side, luma}. */
export async function captureCodes(page, selector, timeoutMs = 30000) {
  const frames = new Map();
  const deadline = Date.now() + timeoutMs;
  let total = Infinity;
  while (frames.size < total && Date.now() < deadline) {
    const shot = await page.evaluate((sel) => {
      const c = document.querySelector(sel);
      if (!c || !c.width) return null;
      const d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
      let bin = "";
      for (let i = 0; i < c.width * c.height; i++) bin += String.fromCharCode(d[i * 4]);
      return { index: c.dataset.frame, total: Number(c.dataset.frames), side: c.width, luma: btoa(bin) };
    }, selector);
    if (shot) {
      total = shot.total;
      // Keyed by the picture itself: the scanner takes codes in any order,
      // so only distinct pictures matter, not which number each one had.
      if (!frames.has(shot.luma)) frames.set(shot.luma, { side: shot.side, luma: Buffer.from(shot.luma, "base64") });
    }
    await page.waitForTimeout(150);
  }
  if (frames.size < total) throw new Error(`captured ${frames.size} of ${total} codes`);
  return [...frames.values()];
}

/** A Y4M (I420) file showing each code centred on grey for `repeat` frames. */
export function writeY4m(path, codes, { repeat = 4, fps = 10 } = {}) {
  const header = Buffer.from(`YUV4MPEG2 W${W} H${H} F${fps}:1 Ip A1:1 C420jpeg\n`);
  const parts = [header];
  const chroma = Buffer.alloc((W / 2) * (H / 2), 128);
  for (const code of codes) {
    const y = Buffer.alloc(W * H, 200);
    const x0 = (W - SIDE) / 2, y0 = (H - SIDE) / 2;
    for (let j = 0; j < SIDE; j++) {
      for (let i = 0; i < SIDE; i++) {
        const sx = Math.floor((i * code.side) / SIDE), sy = Math.floor((j * code.side) / SIDE);
        y[(y0 + j) * W + x0 + i] = code.luma[sy * code.side + sx];
      }
    }
    for (let r = 0; r < repeat; r++) parts.push(Buffer.from("FRAME\n"), y, chroma, chroma);
  }
  writeFileSync(path, Buffer.concat(parts));
}

/** The fake-camera switches for one browser. */
export function cameraArgs(y4m) {
  return ["--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream",
    `--use-file-for-fake-video-capture=${y4m}`];
}

// --- Weave frames (RFC 9285 base45; see src/core/handover/frames.rs) ---
const B45 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";

export function base45Decode(text) {
  const out = [];
  for (let i = 0; i < text.length; i += 3) {
    const c = [...text.slice(i, i + 3)].map((ch) => B45.indexOf(ch));
    const n = c[0] + c[1] * 45 + (c.length === 3 ? c[2] * 2025 : 0);
    if (c.length === 3) out.push(n >> 8, n & 0xff); else out.push(n);
  }
  return Buffer.from(out);
}

export function base45Encode(bytes) {
  let s = "";
  for (let i = 0; i < bytes.length; i += 2) {
    if (i + 1 < bytes.length) {
      let n = bytes[i] * 256 + bytes[i + 1];
      s += B45[n % 45] + B45[Math.floor(n / 45) % 45] + B45[Math.floor(n / 2025)];
    } else {
      const n = bytes[i];
      s += B45[n % 45] + B45[Math.floor(n / 45)];
    }
  }
  return s;
}

/** The payload carried by the frame lines of a `.weave` file. */
export function payloadOf(fileText) {
  const lines = fileText.split("\n").filter((l) => l.startsWith("WV1/"));
  lines.sort((a, b) => Number(a.split("/")[3]) - Number(b.split("/")[3]));
  return Buffer.concat(lines.map((l) => base45Decode(l.split("/").slice(5).join("/"))));
}

/** A `.weave` file carrying `payload` (kind "R"), framed as Weave frames it. */
export function fileOf(payload, chunk = 280) {
  const id = createHash("sha256").update(payload).digest("hex").slice(0, 8).toUpperCase();
  const n = Math.max(1, Math.ceil(payload.length / chunk));
  const lines = [];
  for (let i = 0; i < n; i++) {
    lines.push(`WV1/R/${id}/${i + 1}/${n}/${base45Encode(payload.subarray(i * chunk, (i + 1) * chunk))}`);
  }
  return "Weave response (sealed).\n" + lines.join("\n") + "\n";
}
