import type { Page } from 'playwright-core';

export interface CanvasPixels {
  width: number;
  height: number;
  /** Distinct colours among the sampled pixels. */
  colours: number;
  /** Sampled pixels within ±`tolerance` per channel of each asked colour. */
  matches: number[];
}

/**
 * Reads back the pixels of the 2D canvas inside a Taro `<Canvas>` (every 2nd pixel in each direction):
 * proof that something was drawn, and of which colours, without comparing screenshots.
 */
export function canvasPixels(
  page: Page,
  selector: string,
  colours: ReadonlyArray<[number, number, number]>,
  tolerance = 24,
): Promise<CanvasPixels> {
  return page.evaluate(
    ({ selector: css, wanted, within }) => {
      const canvas = document.querySelector<HTMLCanvasElement>(`${css} canvas`);
      const context = canvas?.getContext('2d');
      if (!canvas || !context || canvas.width === 0 || canvas.height === 0) return { width: 0, height: 0, colours: 0, matches: wanted.map(() => 0) };
      const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
      const seen = new Set<number>();
      const matches = wanted.map(() => 0);
      for (let y = 0; y < canvas.height; y += 2) {
        for (let x = 0; x < canvas.width; x += 2) {
          const i = (y * canvas.width + x) * 4;
          const [r, g, b, a] = [data[i], data[i + 1], data[i + 2], data[i + 3]];
          if (a === 0) continue;
          seen.add((r << 16) | (g << 8) | b);
          wanted.forEach(([wr, wg, wb], k) => {
            if (Math.abs(r - wr) <= within && Math.abs(g - wg) <= within && Math.abs(b - wb) <= within) matches[k] += 1;
          });
        }
      }
      return { width: canvas.width, height: canvas.height, colours: seen.size, matches };
    },
    { selector, wanted: colours.map((colour) => [...colour]), within: tolerance },
  );
}

/** Waits until the canvas has been painted (its backing store is sized and not a single colour). */
export async function waitForPainted(page: Page, selector: string): Promise<void> {
  await page.waitForFunction(
    (css) => {
      const canvas = document.querySelector<HTMLCanvasElement>(`${css} canvas`);
      const context = canvas?.getContext('2d');
      if (!canvas || !context || canvas.width < 10 || canvas.height < 10) return false;
      const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
      for (let i = 4; i < data.length; i += 4 * 97) {
        if (data[i] !== data[0] || data[i + 1] !== data[1] || data[i + 2] !== data[2] || data[i + 3] !== data[3]) return true;
      }
      return false;
    },
    selector,
    { timeout: 30_000 },
  );
}
