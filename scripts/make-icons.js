"use strict";
// Draws Måltavlan's icon (a target: rings in Excel green around a white centre) as PNGs at the sizes the
// manifest needs, and one icon per ribbon button (a white sign on a green disc: a check mark for Validera, a plus
// for Skapa uppföljning, a sum sign for Sammanställ). Plain zlib, so the icons can be rebuilt anywhere:
// `node scripts/make-icons.js`.
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const GREEN = [16, 124, 65];
const WHITE = [255, 255, 255];

function crc32(buffer) {
  let crc = ~0;
  for (const byte of buffer) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(size, rows) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", zlib.deflateSync(Buffer.concat(rows))),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function icon(size) {
  const rows = [];
  const centre = (size - 1) / 2;
  for (let y = 0; y < size; y++) {
    const row = [0]; // filter byte: none
    for (let x = 0; x < size; x++) {
      const r = Math.hypot(x - centre, y - centre) / (size / 2);
      // Rings at fixed fractions of the radius; outside the disc is transparent.
      const inside = r <= 1;
      const colour = r < 0.22 || (r >= 0.44 && r < 0.66) || r >= 0.88 ? GREEN : WHITE;
      row.push(...colour, inside ? 255 : 0);
    }
    rows.push(Buffer.from(row));
  }
  return png(size, rows);
}

// Distance from (x, y) to the segment a–b, all in units of the icon's side.
function segmentDistance(x, y, [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - ax - t * dx, y - ay - t * dy);
}

// The ribbon buttons' signs: polylines drawn in white with round joins, in units of the icon's side.
const SIGNS = {
  validera: [
    [
      [0.29, 0.52],
      [0.44, 0.67],
      [0.72, 0.36],
    ],
  ],
  skapa: [
    [
      [0.5, 0.28],
      [0.5, 0.72],
    ],
    [
      [0.28, 0.5],
      [0.72, 0.5],
    ],
  ],
  sammanstall: [
    [
      [0.68, 0.31],
      [0.35, 0.31],
      [0.52, 0.5],
      [0.35, 0.69],
      [0.68, 0.69],
    ],
  ],
};

// A green disc with a white sign, anti-aliased by sampling each pixel 4 × 4 times.
function buttonIcon(size, sign) {
  const samples = 4;
  const stroke = Math.max(0.1, 1.6 / size) / 2;
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = [0];
    for (let x = 0; x < size; x++) {
      let alpha = 0;
      let white = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const u = (x + (sx + 0.5) / samples) / size;
          const v = (y + (sy + 0.5) / samples) / size;
          if (Math.hypot(u - 0.5, v - 0.5) > 0.5) continue;
          alpha++;
          const onSign = sign.some((line) =>
            line.slice(1).some((point, i) => segmentDistance(u, v, line[i], point) <= stroke),
          );
          if (onSign) white++;
        }
      }
      const share = alpha ? white / alpha : 0;
      const colour = GREEN.map((g, i) => Math.round(g + (WHITE[i] - g) * share));
      row.push(...colour, Math.round((255 * alpha) / (samples * samples)));
    }
    rows.push(Buffer.from(row));
  }
  return png(size, rows);
}

const assets = path.join(__dirname, "..", "assets");
for (const size of [16, 32, 64, 80, 128]) {
  fs.writeFileSync(path.join(assets, `icon-${size}.png`), icon(size));
}
for (const [name, sign] of Object.entries(SIGNS)) {
  for (const size of [16, 32, 80]) {
    fs.writeFileSync(path.join(assets, `${name}-${size}.png`), buttonIcon(size, sign));
  }
}
