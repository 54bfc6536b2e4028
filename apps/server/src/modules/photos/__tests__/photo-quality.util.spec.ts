import sharp from 'sharp';
import { sceneJpeg, solidImage } from '../../../test/helpers/images';
import { luminanceStats, measureLuminance, QUALITY_THRESHOLDS, qualityFlagsOf } from '../photo-quality.util';

async function flagsOf(image: Buffer) {
  const { width, height } = await sharp(image).metadata();
  return qualityFlagsOf(await measureLuminance(image), { width, height });
}

describe('photo quality', () => {
  it('measures mean, spread and edge energy of grey pixels', () => {
    const flat = luminanceStats(new Uint8Array(9).fill(100), 3, 3);
    expect(flat).toEqual({ mean: 100, stdDev: 0, laplacianVariance: 0 });
    // one bright pixel in the middle of a dark 3×3: the only interior Laplacian is -4·255
    const spot = luminanceStats(Uint8Array.from([0, 0, 0, 0, 255, 0, 0, 0, 0]), 3, 3);
    expect(spot.mean).toBeCloseTo(255 / 9);
    expect(spot.laplacianVariance).toBe(0);
    const stripes = luminanceStats(Uint8Array.from({ length: 16 }, (_, i) => (i % 2) * 200), 4, 4);
    expect(stripes.stdDev).toBeCloseTo(100);
    expect(stripes.laplacianVariance).toBeGreaterThan(0);
    expect(() => luminanceStats(new Uint8Array(5), 2, 2)).toThrow();
  });

  it('passes a sharp, well-exposed scene', async () => {
    expect(await flagsOf(await sceneJpeg(1600, 1200))).toEqual([]);
  });

  it('flags a black frame as too dark and blank, a white one as too bright and blank', async () => {
    expect(await flagsOf(await solidImage(1200, 900, '#000000'))).toEqual(['too_dark', 'blank']);
    expect(await flagsOf(await solidImage(1200, 900, '#ffffff'))).toEqual(['too_bright', 'blank']);
    expect(await flagsOf(await solidImage(1200, 900, '#7a7a7a'))).toEqual(['blank']);
  });

  it('flags a dim scene as too dark without calling it blank', async () => {
    const dim = await sharp(await sceneJpeg(1600, 1200)).linear(0.25, 0).jpeg().toBuffer();
    expect(await flagsOf(dim)).toEqual(['too_dark']);
  });

  it('flags an out-of-focus scene as blurry, and a slightly soft one not', async () => {
    const scene = await sceneJpeg(2048, 1536);
    expect(await flagsOf(await sharp(scene).blur(10).jpeg().toBuffer())).toEqual(['blurry']);
    expect(await flagsOf(await sharp(scene).blur(1).jpeg().toBuffer())).toEqual([]);
  });

  it('flags a photo whose short side is under the minimum as low resolution', async () => {
    const small = await sceneJpeg(640, QUALITY_THRESHOLDS.minShortSide - 1);
    expect(await flagsOf(small)).toEqual(['low_resolution']);
    expect(await flagsOf(await sceneJpeg(640, QUALITY_THRESHOLDS.minShortSide))).toEqual([]);
  });
});
