import { FINGERPRINT_SIDE } from '../photo-fingerprint.util';

/** A street-like test scene: a sky-to-ground gradient and seeded rectangles, as brightness over [0, 1]². */
export type Scene = (u: number, v: number) => number;

export function sceneOf(seed: number): Scene {
  let state = seed >>> 0;
  const random = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
  const boxes = Array.from({ length: 14 }, () => ({ x: random() * 1.2 - 0.1, y: random() * 1.2 - 0.1, w: 0.05 + random() * 0.2, h: 0.05 + random() * 0.3, tone: random() * 120 - 60 }));
  return (u, v) => {
    let value = 150 - 60 * v;
    for (const box of boxes) if (u >= box.x && u < box.x + box.w && v >= box.y && v < box.y + box.h) value += box.tone;
    return value;
  };
}

/**
 * The fingerprint of a photo of `scene` that shows the window of side `zoom` centred at (cx, cy),
 * exposed by `brightness`: each pixel averages 4 × 4 samples like a downscale does.
 */
export function fingerprintOf(scene: Scene, view: { cx?: number; cy?: number; zoom?: number; brightness?: number } = {}): string {
  const { cx = 0.5, cy = 0.5, zoom = 1, brightness = 1 } = view;
  const side = FINGERPRINT_SIDE;
  const pixels = new Uint8Array(side * side);
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      let sum = 0;
      for (let k = 0; k < 16; k++) {
        const u = cx + (((x + ((k % 4) + 0.5) / 4) / side) - 0.5) * zoom;
        const v = cy + (((y + (Math.floor(k / 4) + 0.5) / 4) / side) - 0.5) * zoom;
        sum += scene(u, v);
      }
      pixels[y * side + x] = Math.max(0, Math.min(255, Math.round((sum / 16) * brightness)));
    }
  }
  return Buffer.from(pixels).toString('base64');
}
