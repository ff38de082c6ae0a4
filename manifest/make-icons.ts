// Draws the Teams app icons with no image library: color.png (192×192, full-bleed background) and
// outline.png (32×32, white on transparent, as Teams requires). Run: node --import tsx manifest/make-icons.ts
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

type Rgba = [number, number, number, number];

/** Coverage (0..1) of the glyph at a point of the unit square: a calendar page with a speech-bubble tail. */
function glyph(u: number, v: number, stroke: number): number {
  const inRect = (x0: number, y0: number, x1: number, y1: number) => u >= x0 && u <= x1 && v >= y0 && v <= y1;
  const inRing = (x0: number, y0: number, x1: number, y1: number) => inRect(x0, y0, x1, y1) && !inRect(x0 + stroke, y0 + stroke, x1 - stroke, y1 - stroke);
  // Page outline, header band, binder rings.
  if (inRing(0.2, 0.24, 0.8, 0.78)) return 1;
  if (inRect(0.2, 0.24, 0.8, 0.38)) return 1;
  if (inRect(0.33, 0.16, 0.33 + stroke, 0.3) || inRect(0.67 - stroke, 0.16, 0.67, 0.3)) return 1;
  // Agenda lines.
  for (const y of [0.47, 0.57, 0.67]) if (inRect(0.3, y, y === 0.67 ? 0.55 : 0.7, y + stroke * 0.8)) return 1;
  // Bubble tail below the page.
  if (v > 0.78 && v < 0.9 && u > 0.3 && u < 0.44 && u - 0.3 < (0.9 - v) * 1.2) return 1;
  return 0;
}

function render(size: number, pixel: (coverage: number) => Rgba, stroke: number): Buffer {
  const samples = 4;
  const rows: Buffer[] = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4); // filter byte 0 + RGBA
    for (let x = 0; x < size; x++) {
      let c = 0;
      for (let sy = 0; sy < samples; sy++)
        for (let sx = 0; sx < samples; sx++) c += glyph((x + (sx + 0.5) / samples) / size, (y + (sy + 0.5) / samples) / size, stroke);
      const [r, g, b, a] = pixel(c / (samples * samples));
      row.set([r, g, b, a], 1 + x * 4);
    }
    rows.push(row);
  }
  return png(size, size, Buffer.concat(rows));
}

function png(width: number, height: number, raw: Buffer): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(td));
    return Buffer.concat([len, td, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

const bg: [number, number, number] = [0x0b, 0x2a, 0x5b];
const color = render(192, (c) => [Math.round(bg[0] + (255 - bg[0]) * c), Math.round(bg[1] + (255 - bg[1]) * c), Math.round(bg[2] + (255 - bg[2]) * c), 255], 0.045);
const outline = render(32, (c) => [255, 255, 255, Math.round(255 * c)], 0.07);
const dir = new URL('.', import.meta.url);
writeFileSync(new URL('color.png', dir), color);
writeFileSync(new URL('outline.png', dir), outline);
console.log(`wrote color.png (${color.length} bytes) and outline.png (${outline.length} bytes)`);
