// Synthetic street scenes for the evaluation, drawn as SVG and rasterised with sharp: sky, a row of
// buildings with windows, a textured ground and the problem's object (a lamp post, a manhole, a pile of
// rubbish…). Scenes of one template share their structure the way two photos of broken lamps do, so
// different scenes of the same category are hard negatives for the photo hash, not random noise.
import sharp from 'sharp';

/** The scene is larger than any photo of it, so a reframed or tilted photo still shows scene, not borders. */
export const WORLD = { width: 1200, height: 900 };
/** The first photo's frame: 80 % of the scene's width and height. */
export const FRAME = { width: 960, height: 720 };

/** @param {() => number} random */
const between = (random, low, high) => low + random() * (high - low);
const pickOf = (random, items) => items[Math.floor(random() * items.length)];
const grey = (random, low, high) => {
  const v = Math.round(between(random, low, high));
  return `rgb(${v},${v},${v})`;
};
const tint = (random, [r, g, b], spread) =>
  `rgb(${[r, g, b].map((c) => Math.max(0, Math.min(255, Math.round(c + between(random, -spread, spread))))).join(',')})`;

function background(random, horizon) {
  const { width, height } = WORLD;
  const parts = [
    `<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${tint(random, [150, 185, 215], 30)}"/>` +
      `<stop offset="1" stop-color="${tint(random, [215, 225, 230], 20)}"/></linearGradient></defs>`,
    `<rect width="${width}" height="${height}" fill="url(#sky)"/>`,
  ];
  let x = between(random, -60, 0);
  while (x < width) {
    const w = between(random, 90, 220);
    const h = between(random, 80, horizon - 30);
    const colour = tint(random, [150, 140, 130], 50);
    parts.push(`<rect x="${x.toFixed(0)}" y="${(horizon - h).toFixed(0)}" width="${w.toFixed(0)}" height="${h.toFixed(0)}" fill="${colour}"/>`);
    for (let wy = horizon - h + 12; wy < horizon - 20; wy += 26) {
      for (let wx = x + 10; wx < x + w - 18; wx += 24) {
        if (random() < 0.8) parts.push(`<rect x="${wx.toFixed(0)}" y="${wy.toFixed(0)}" width="12" height="14" fill="${grey(random, 40, 110)}"/>`);
      }
    }
    x += w + between(random, 0, 30);
  }
  parts.push(`<rect y="${horizon}" width="${width}" height="${height - horizon}" fill="${tint(random, [105, 105, 100], 20)}"/>`);
  for (let i = 0; i < 260; i++) {
    const y = between(random, horizon, height);
    parts.push(`<rect x="${between(random, 0, width).toFixed(0)}" y="${y.toFixed(0)}" width="${between(random, 2, 9).toFixed(0)}" height="${between(random, 2, 6).toFixed(0)}" fill="${grey(random, 60, 160)}"/>`);
  }
  // Kerb line: every street photo has one, at a slightly different height.
  parts.push(`<rect y="${(horizon + between(random, 20, 60)).toFixed(0)}" width="${width}" height="8" fill="${grey(random, 170, 210)}"/>`);
  return parts.join('');
}

/** The problem's object for each template, placed at random. */
const OBJECTS = {
  pole(random, horizon) {
    const x = between(random, 150, 800);
    const top = between(random, 60, horizon - 120);
    const head = pickOf(random, ['#ddd', '#333', '#c22', '#eec']);
    return `<rect x="${x}" y="${top}" width="14" height="${WORLD.height - top - 60}" fill="${grey(random, 50, 90)}"/>` +
      `<rect x="${x - 30}" y="${top - 20}" width="74" height="24" rx="8" fill="${head}"/>`;
  },
  hole(random, horizon) {
    const cx = between(random, 200, 760);
    const cy = between(random, horizon + 120, WORLD.height - 80);
    const r = between(random, 45, 90);
    return `<ellipse cx="${cx}" cy="${cy}" rx="${r * 1.6}" ry="${r * 0.7}" fill="${grey(random, 10, 40)}"/>` +
      `<ellipse cx="${cx}" cy="${cy}" rx="${r * 1.2}" ry="${r * 0.45}" fill="${grey(random, 0, 25)}"/>`;
  },
  shelter(random, horizon) {
    const x = between(random, 80, 500);
    const w = between(random, 260, 380);
    return `<rect x="${x}" y="${horizon - 160}" width="${w}" height="20" fill="#246"/>` +
      `<rect x="${x + 10}" y="${horizon - 140}" width="12" height="240" fill="#444"/><rect x="${x + w - 22}" y="${horizon - 140}" width="12" height="240" fill="#444"/>` +
      `<rect x="${x + 40}" y="${horizon + 30}" width="${w - 80}" height="18" fill="#a63"/>`;
  },
  railing(random, horizon) {
    const y = between(random, horizon + 40, horizon + 160);
    const bars = Array.from({ length: 14 }, (_, i) => `<rect x="${40 + i * 66 + between(random, -6, 6)}" y="${y}" width="8" height="${between(random, 50, 90)}" fill="#eee" transform="rotate(${between(random, -35, 35)} ${40 + i * 66} ${y + 80})"/>`);
    return `<rect x="0" y="${y}" width="${WORLD.width}" height="10" fill="#e8e8e8" transform="rotate(${between(random, -8, 8)} ${WORLD.width / 2} ${y})"/>${bars.join('')}`;
  },
  bin(random, horizon) {
    const x = between(random, 150, 700);
    const y = between(random, horizon + 40, WORLD.height - 260);
    const colour = pickOf(random, ['#283', '#36a', '#888', '#c33']);
    const spill = Array.from({ length: 25 }, () => `<circle cx="${x + between(random, -120, 220)}" cy="${y + between(random, 150, 230)}" r="${between(random, 6, 22)}" fill="${tint(random, [180, 170, 140], 60)}"/>`);
    return `<rect x="${x}" y="${y}" width="110" height="170" rx="10" fill="${colour}"/><rect x="${x - 8}" y="${y - 14}" width="126" height="20" fill="#222"/>${spill.join('')}`;
  },
  pile(random, horizon) {
    const cx = between(random, 200, 760);
    const cy = between(random, horizon + 100, WORLD.height - 100);
    const blobs = Array.from({ length: 45 }, () => `<circle cx="${cx + between(random, -170, 170)}" cy="${cy + between(random, -60, 60)}" r="${between(random, 12, 40)}" fill="${tint(random, [150, 140, 120], 80)}"/>`);
    return blobs.join('');
  },
  road(random, horizon) {
    const marks = Array.from({ length: 6 }, (_, i) => `<rect x="${i * 180 + between(random, 0, 60)}" y="${(horizon + WORLD.height) / 2}" width="90" height="12" fill="#eee"/>`);
    const cx = between(random, 180, 780);
    const cy = between(random, horizon + 80, WORLD.height - 60);
    const patch = `<path d="M ${cx - 120} ${cy} Q ${cx - 40} ${cy - between(random, 30, 70)} ${cx + 60} ${cy - 10} T ${cx + 150} ${cy + 20} Q ${cx} ${cy + between(random, 40, 80)} ${cx - 120} ${cy} Z" fill="${grey(random, 30, 80)}"/>`;
    return marks.join('') + patch;
  },
  wall(random, horizon) {
    const parts = [`<rect x="0" y="${horizon - 220}" width="${WORLD.width}" height="${WORLD.height - horizon + 140}" fill="${tint(random, [200, 195, 185], 30)}"/>`];
    for (let i = 0; i < 30; i++) {
      const x = between(random, 20, 900);
      const y = between(random, horizon - 200, WORLD.height - 120);
      parts.push(random() < 0.5
        ? `<rect x="${x}" y="${y}" width="${between(random, 30, 70)}" height="${between(random, 40, 80)}" fill="${tint(random, [230, 230, 210], 25)}"/>`
        : `<path d="M ${x} ${y} q 40 ${between(random, -60, 60)} 90 0 t 90 ${between(random, -40, 40)}" stroke="${pickOf(random, ['#c11', '#12c', '#111', '#1a3'])}" stroke-width="${between(random, 5, 14)}" fill="none"/>`);
    }
    return parts.join('');
  },
  tree(random, horizon) {
    const x = between(random, 150, 780);
    const lean = between(random, -50, 50);
    const leaves = Array.from({ length: 18 }, () => `<circle cx="${x + lean + between(random, -130, 130)}" cy="${horizon - 140 + between(random, -90, 90)}" r="${between(random, 35, 70)}" fill="${tint(random, [60, 120, 50], 35)}"/>`);
    return `<rect x="${x}" y="${horizon - 150}" width="34" height="${WORLD.height - horizon + 110}" fill="#5a3d22" transform="rotate(${lean / 2} ${x} ${WORLD.height - 40})"/>${leaves.join('')}`;
  },
  stall(random, horizon) {
    const x = between(random, 100, 600);
    const y = between(random, horizon + 20, horizon + 120);
    const goods = Array.from({ length: 30 }, () => `<circle cx="${x + between(random, 20, 300)}" cy="${y + between(random, 10, 50)}" r="${between(random, 8, 16)}" fill="${pickOf(random, ['#e52', '#fb2', '#3a3', '#d33', '#fe8'])}"/>`);
    return `<rect x="${x - 20}" y="${y - 120}" width="360" height="30" fill="${pickOf(random, ['#c33', '#36c', '#393'])}"/>` +
      `<rect x="${x}" y="${y}" width="320" height="90" fill="#765"/>${goods.join('')}`;
  },
  vehicle(random, horizon) {
    const parts = [];
    const count = 1 + Math.floor(random() * 4);
    for (let i = 0; i < count; i++) {
      const x = between(random, 20, 700);
      const y = between(random, horizon + 30, WORLD.height - 180);
      const colour = pickOf(random, ['#c22', '#222', '#eee', '#36c', '#fc3', '#888']);
      parts.push(`<rect x="${x}" y="${y}" width="240" height="90" rx="20" fill="${colour}"/><rect x="${x + 40}" y="${y - 50}" width="150" height="60" rx="14" fill="${colour}"/>` +
        `<circle cx="${x + 50}" cy="${y + 92}" r="26" fill="#111"/><circle cx="${x + 190}" cy="${y + 92}" r="26" fill="#111"/>`);
    }
    return parts.join('');
  },
  site(random, horizon) {
    const x = between(random, 0, 300);
    const crane = between(random, 300, 800);
    return `<rect x="${x}" y="${horizon - 60}" width="${between(random, 500, 800)}" height="140" fill="${pickOf(random, ['#2a6', '#38c', '#eee'])}"/>` +
      `<rect x="${crane}" y="40" width="16" height="${horizon - 40}" fill="#e90"/><rect x="${crane - 200}" y="40" width="420" height="14" fill="#e90"/>` +
      `<rect x="${x + 80}" y="${horizon + 120}" width="${between(random, 150, 300)}" height="${between(random, 60, 120)}" fill="#a87"/>`;
  },
};

export const SCENE_TEMPLATES = Object.keys(OBJECTS);

/** The scene as a PNG at WORLD size: what is really there, before anyone photographs it. */
export async function renderScene(template, random) {
  const draw = OBJECTS[template];
  if (!draw) throw new Error(`unknown scene template ${template}`);
  const horizon = between(random, WORLD.height * 0.35, WORLD.height * 0.55);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${WORLD.width}" height="${WORLD.height}">${background(random, horizon)}${draw(random, horizon)}</svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

/**
 * A photo of the scene: a view of `FRAME` size scaled by `1 - cropShare` (the crop), centred `shift`
 * (fractions of the frame, [-0.5, 0.5] each way) off the scene's centre, tilted by `rotateDegrees`,
 * exposed by `brightness` (1 = unchanged), resized to `width` and saved as JPEG at `quality`.
 */
export async function photograph(scene, { cropShare, shiftX, shiftY, rotateDegrees, brightness, width, quality }) {
  const viewWidth = Math.round(FRAME.width * (1 - cropShare));
  const viewHeight = Math.round(FRAME.height * (1 - cropShare));
  const centreX = WORLD.width / 2 + shiftX * FRAME.width;
  const centreY = WORLD.height / 2 + shiftY * FRAME.height;
  // Cut a square around the view's centre big enough for any tilt, rotate it about its centre, take the view.
  const side = Math.ceil(Math.hypot(viewWidth, viewHeight)) + 2;
  const left = Math.max(0, Math.min(WORLD.width - side, Math.round(centreX - side / 2)));
  const top = Math.max(0, Math.min(WORLD.height - side, Math.round(centreY - side / 2)));
  const around = await sharp(scene).extract({ left, top, width: Math.min(side, WORLD.width), height: Math.min(side, WORLD.height) }).png().toBuffer();
  const rotated = await sharp(around).rotate(rotateDegrees, { background: '#808080' }).png().toBuffer({ resolveWithObject: true });
  const offsetX = centreX - (left + side / 2);
  const offsetY = centreY - (top + side / 2);
  const viewLeft = Math.round(rotated.info.width / 2 + offsetX - viewWidth / 2);
  const viewTop = Math.round(rotated.info.height / 2 + offsetY - viewHeight / 2);
  return sharp(rotated.data)
    .extract({
      left: Math.max(0, Math.min(rotated.info.width - viewWidth, viewLeft)),
      top: Math.max(0, Math.min(rotated.info.height - viewHeight, viewTop)),
      width: viewWidth,
      height: viewHeight,
    })
    .modulate({ brightness })
    .resize({ width })
    .jpeg({ quality })
    .toBuffer();
}
