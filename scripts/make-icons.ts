/**
 * Draws the add-in's icons (assets/icon-<size>.png) at the sizes manifest.xml names: a green rounded square
 * with a white check mark, anti-aliased by supersampling, written as RGBA PNGs with node:zlib. Deterministic:
 * running it again gives the same bytes.   npm run icons
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'node:zlib';

export const ICON_SIZES = [16, 32, 64, 80] as const;

const BACKGROUND = [0x1f, 0x6e, 0x43]; // Excel green
const SHEET = [0xff, 0xff, 0xff];
const SUPERSAMPLE = 8;

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  Buffer.from(data).copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** Encodes RGBA pixels (row-major, 4 bytes each) as a PNG. */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type RGBA
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter: none
    Buffer.from(rgba.subarray(y * width * 4, (y + 1) * width * 4)).copy(raw, y * (width * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

function insideRoundedSquare(x: number, y: number, radius: number): boolean {
  const cx = Math.min(Math.max(x, radius), 1 - radius);
  const cy = Math.min(Math.max(y, radius), 1 - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

function distanceToSegment(px: number, py: number, [ax, ay]: number[], [bx, by]: number[]): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

const CHECK = [
  [0.25, 0.52],
  [0.43, 0.7],
  [0.77, 0.32],
];

/** The icon at one size, as RGBA pixels. */
export function drawIcon(size: number): Uint8Array {
  const pixels = new Uint8Array(size * size * 4);
  const thickness = size <= 16 ? 0.075 : 0.06;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let background = 0;
      let mark = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const u = (x + (sx + 0.5) / SUPERSAMPLE) / size;
          const v = (y + (sy + 0.5) / SUPERSAMPLE) / size;
          if (!insideRoundedSquare(u, v, 0.2)) continue;
          const d = Math.min(distanceToSegment(u, v, CHECK[0], CHECK[1]), distanceToSegment(u, v, CHECK[1], CHECK[2]));
          if (d <= thickness) mark++;
          else background++;
        }
      }
      const samples = SUPERSAMPLE * SUPERSAMPLE;
      const coverage = (background + mark) / samples;
      const i = (y * size + x) * 4;
      if (coverage === 0) continue;
      for (let c = 0; c < 3; c++) pixels[i + c] = Math.round((BACKGROUND[c] * background + SHEET[c] * mark) / (background + mark));
      pixels[i + 3] = Math.round(coverage * 255);
    }
  }
  return pixels;
}

if (require.main === module) {
  const assets = path.join(__dirname, '..', 'assets');
  for (const size of ICON_SIZES) {
    const file = path.join(assets, `icon-${size}.png`);
    writeFileSync(file, encodePng(size, size, drawIcon(size)));
    console.log(`${path.relative(process.cwd(), file)}  ${size}×${size}`);
  }
}
