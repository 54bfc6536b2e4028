// A synthetic phone photo for the upload benchmark: 4000×3000, sky/ground gradients, a few "buildings"
// and a textured road, sensor-like noise, encoded like a phone camera (JPEG q92, 4:2:0) so it is a few
// megabytes and costs libvips what a real photo costs (noise defeats JPEG the way real detail does).
import sharp from 'sharp';

/** mulberry32 seeded PRNG: the same picture every run. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const clamp = (v) => (v < 0 ? 0 : v > 255 ? 255 : v);

/**
 * @param {{ width?: number, height?: number, quality?: number, noise?: number, seed?: number }} [options]
 * @returns {Promise<Buffer>} JPEG bytes
 */
export async function makeTestJpeg({ width = 4000, height = 3000, quality = 92, noise = 14, seed = 7 } = {}) {
  const random = prng(seed);
  const pixels = Buffer.alloc(width * height * 3);
  const horizon = Math.floor(height * 0.45);
  // A skyline of boxes with their own colours and window grids.
  const buildings = Array.from({ length: 14 }, () => {
    const w = 150 + Math.floor(random() * 400);
    const x = Math.floor(random() * (width - w));
    const top = Math.floor(height * (0.1 + random() * 0.3));
    const tone = 90 + random() * 110;
    return { x, w, top, r: tone * (0.8 + random() * 0.3), g: tone * (0.8 + random() * 0.3), b: tone * (0.8 + random() * 0.3) };
  });
  // Noise table: cheaper than one PRNG call per channel per pixel, and still not periodic to JPEG.
  const table = new Float32Array(1 << 16);
  for (let i = 0; i < table.length; i++) table[i] = (random() + random() + random() - 1.5) * noise;
  let n = Math.floor(random() * table.length);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let r;
      let g;
      let b;
      if (y < horizon) {
        const t = y / horizon; // sky: deep blue to hazy white
        r = 90 + 140 * t;
        g = 140 + 90 * t;
        b = 220 + 20 * t;
      } else {
        const t = (y - horizon) / (height - horizon); // ground: grey road with a brick-like texture
        const brick = ((Math.floor(x / 60) + Math.floor(y / 30)) & 1) * 18 + 8 * Math.sin(x / 7) * Math.sin(y / 5);
        r = 110 + 40 * t + brick;
        g = 105 + 30 * t + brick;
        b = 100 + 20 * t + brick;
      }
      for (const building of buildings) {
        if (x >= building.x && x < building.x + building.w && y >= building.top && y < horizon + 40) {
          const window = (x - building.x) % 40 < 22 && (y - building.top) % 55 < 30 ? 45 : 0;
          r = building.r + window;
          g = building.g + window;
          b = building.b + window * 1.2;
          break;
        }
      }
      const shade = 1 - 0.25 * Math.abs(x / width - 0.5); // vignetting
      const i = (y * width + x) * 3;
      const grain = table[n++ & 0xffff];
      pixels[i] = clamp(r * shade + grain + table[n++ & 0xffff] * 0.3);
      pixels[i + 1] = clamp(g * shade + grain + table[n++ & 0xffff] * 0.3);
      pixels[i + 2] = clamp(b * shade + grain + table[n++ & 0xffff] * 0.3);
      if ((n & 0xffff) < 4) n = Math.floor(random() * table.length);
    }
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } }).jpeg({ quality, chromaSubsampling: '4:2:0' }).toBuffer();
}
