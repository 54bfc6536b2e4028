// Draws the tab bar icons (81×81 PNG, WeChat's recommended size) and the map marker of the ticket page
// from a few shapes, so the icons need no design tool, no network and no image dependency. Run after
// changing a shape or a colour:
//   node apps/client/scripts/make-tab-icons.js
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const SIZE = 81;
const SUPERSAMPLE = 4;
const COLORS = { idle: [0x8a, 0x94, 0xa3], active: [0x1d, 0x5f, 0xb4] }; // app.config.ts tabBar colours
const OUT_DIR = path.join(__dirname, '..', 'src', 'assets', 'tab-bar');
const MARKER_FILE = path.join(__dirname, '..', 'src', 'assets', 'map', 'marker.png');

const inTriangle = (x, y, [ax, ay], [bx, by], [cx, cy]) => {
  const side = (px, py, qx, qy) => (x - qx) * (py - qy) - (px - qx) * (y - qy);
  const d1 = side(ax, ay, bx, by);
  const d2 = side(bx, by, cx, cy);
  const d3 = side(cx, cy, ax, ay);
  return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0));
};
const inRect = (x, y, x0, y0, x1, y1) => x >= x0 && x <= x1 && y >= y0 && y <= y1;
const inEllipse = (x, y, cx, cy, rx, ry) => ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1;

/** Shapes in unit coordinates (0..1, y down); true = ink. */
const SHAPES = {
  home: (x, y) =>
    (inTriangle(x, y, [0.5, 0.12], [0.08, 0.5], [0.92, 0.5]) || inRect(x, y, 0.2, 0.45, 0.8, 0.86)) &&
    !inRect(x, y, 0.42, 0.62, 0.58, 0.87),
  // 我的上报: a sheet with three lines of text.
  mine: (x, y) =>
    (inRect(x, y, 0.2, 0.1, 0.8, 0.9) && !inRect(x, y, 0.27, 0.17, 0.73, 0.83)) ||
    inRect(x, y, 0.35, 0.3, 0.65, 0.36) ||
    inRect(x, y, 0.35, 0.47, 0.65, 0.53) ||
    inRect(x, y, 0.35, 0.64, 0.56, 0.7),
  me: (x, y) => inEllipse(x, y, 0.5, 0.33, 0.17, 0.17) || (inEllipse(x, y, 0.5, 0.92, 0.35, 0.36) && y <= 0.86),
};

/** A map pin: a ring with its point at the bottom centre, where the marker's anchor sits. */
const MARKER = (x, y) =>
  (inEllipse(x, y, 0.5, 0.36, 0.3, 0.3) || inTriangle(x, y, [0.24, 0.5], [0.76, 0.5], [0.5, 0.98])) &&
  !inEllipse(x, y, 0.5, 0.36, 0.12, 0.12);

function render(shape, [r, g, b]) {
  const rows = [];
  for (let py = 0; py < SIZE; py += 1) {
    const row = Buffer.alloc(1 + SIZE * 4); // leading 0 = PNG filter "none"
    for (let px = 0; px < SIZE; px += 1) {
      let hits = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy += 1) {
        for (let sx = 0; sx < SUPERSAMPLE; sx += 1) {
          if (shape((px + (sx + 0.5) / SUPERSAMPLE) / SIZE, (py + (sy + 0.5) / SUPERSAMPLE) / SIZE)) hits += 1;
        }
      }
      row.set([r, g, b, Math.round((255 * hits) / SUPERSAMPLE ** 2)], 1 + px * 4);
    }
    rows.push(row);
  }
  return rows;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(rows) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

fs.mkdirSync(OUT_DIR, { recursive: true });
fs.mkdirSync(path.dirname(MARKER_FILE), { recursive: true });
fs.writeFileSync(MARKER_FILE, png(render(MARKER, [0xc8, 0x38, 0x2f])));
console.log(path.relative(process.cwd(), MARKER_FILE));
for (const [name, shape] of Object.entries(SHAPES)) {
  for (const [state, color] of Object.entries(COLORS)) {
    const file = path.join(OUT_DIR, state === 'active' ? `${name}-active.png` : `${name}.png`);
    fs.writeFileSync(file, png(render(shape, color)));
    console.log(path.relative(process.cwd(), file));
  }
}
