import sharp from 'sharp';

/**
 * Scenes for the model spec, made with sharp so no photo lives in the repository: a street-like photo
 * (sky, facades with windows, asphalt, sensor noise), a flat colour, and a cartoon-like drawing (flat
 * fills with black outlines, as on a notice or a child's picture).
 */
export async function streetLikeJpeg(width = 400, height = 300, seed = 11): Promise<Buffer> {
  let state = seed >>> 0;
  const random = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const pixels = new Uint8Array(width * height * 3);
  const horizon = Math.floor(height * 0.55);
  const facadeCount = 9;
  const facades = Array.from({ length: facadeCount }, (_, i) => ({
    x0: Math.floor((i * width) / facadeCount),
    top: Math.floor(height * (0.1 + random() * 0.3)),
    tone: 80 + random() * 120,
  }));
  const put = (i: number, r: number, g: number, b: number) => {
    const noise = (random() - 0.5) * 16;
    pixels[i] = Math.max(0, Math.min(255, r + noise));
    pixels[i + 1] = Math.max(0, Math.min(255, g + noise));
    pixels[i + 2] = Math.max(0, Math.min(255, b + noise));
  };
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      const facade = facades[Math.min(facadeCount - 1, Math.floor((x * facadeCount) / width))];
      if (y >= horizon) {
        const marking = Math.abs(x - width / 2) < 4 && y % 40 < 20;
        const grit = random() * 40;
        if (marking) put(i, 230, 230, 220);
        else put(i, 70 + grit, 72 + grit, 75 + grit);
      } else if (y >= facade.top) {
        const window = (x - facade.x0) % 20 > 6 && (y - facade.top) % 26 > 9;
        if (window) put(i, 40, 55, 70);
        else put(i, facade.tone, facade.tone * 0.9, facade.tone * 0.8);
      } else {
        put(i, 120 + (y / horizon) * 80, 160 + (y / horizon) * 60, 220);
      }
    }
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } }).jpeg({ quality: 88 }).toBuffer();
}

export function drawingLikeJpeg(width = 800, height = 600): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <rect width="100%" height="100%" fill="#fffbe8"/>
    <g stroke="#000" stroke-width="8" stroke-linejoin="round">
      <circle cx="${width * 0.3}" cy="${height * 0.35}" r="${height * 0.18}" fill="#ffd23f"/>
      <rect x="${width * 0.5}" y="${height * 0.3}" width="${width * 0.35}" height="${height * 0.45}" fill="#3fa7ff"/>
      <polygon points="${width * 0.48},${height * 0.3} ${width * 0.675},${height * 0.1} ${width * 0.87},${height * 0.3}" fill="#ff5a5f"/>
      <rect x="${width * 0.62}" y="${height * 0.5}" width="${width * 0.1}" height="${height * 0.25}" fill="#8b5a2b"/>
      <path d="M ${width * 0.05} ${height * 0.9} Q ${width * 0.5} ${height * 0.7} ${width * 0.95} ${height * 0.9}" fill="none"/>
    </g></svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 90 }).toBuffer();
}
