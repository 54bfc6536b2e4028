import sharp from 'sharp';
import { sceneJpeg } from '../../../test/helpers/images';
import { differenceHash, differenceHashOfGrey, hammingDistance } from '../photo-hash.util';

describe('differenceHash', () => {
  it('sets a bit where a pixel is darker than its right neighbour, row by row', () => {
    const rising = Uint8Array.from({ length: 72 }, (_, i) => (i % 9) * 10);
    expect(differenceHashOfGrey(rising)).toBe('ffffffffffffffff');
    const falling = Uint8Array.from({ length: 72 }, (_, i) => 200 - (i % 9) * 10);
    expect(differenceHashOfGrey(falling)).toBe('0000000000000000');
    const firstRowOnly = Uint8Array.from({ length: 72 }, (_, i) => (i < 9 ? i : 0));
    expect(differenceHashOfGrey(firstRowOnly)).toBe('ff00000000000000');
    expect(() => differenceHashOfGrey(new Uint8Array(64))).toThrow();
  });

  it('counts differing bits', () => {
    expect(hammingDistance('0000000000000000', '0000000000000000')).toBe(0);
    expect(hammingDistance('ffffffffffffffff', '0000000000000000')).toBe(64);
    expect(hammingDistance('8000000000000001', '0000000000000000')).toBe(2);
    expect(() => hammingDistance('xyz', '0000000000000000')).toThrow();
  });

  it('keeps near-identical photos close and tells different scenes apart', async () => {
    const original = await sceneJpeg(1600, 1200, 'a');
    const recompressed = await sharp(original).resize(640).jpeg({ quality: 40 }).toBuffer();
    const brighter = await sharp(original).modulate({ brightness: 1.1 }).jpeg().toBuffer();
    const other = await sceneJpeg(1600, 1200, 'b');

    const hash = await differenceHash(original);
    expect(hash).toMatch(/^[0-9a-f]{16}$/);
    expect(hammingDistance(hash, await differenceHash(recompressed))).toBeLessThanOrEqual(4);
    expect(hammingDistance(hash, await differenceHash(brighter))).toBeLessThanOrEqual(4);
    expect(hammingDistance(hash, await differenceHash(other))).toBeGreaterThanOrEqual(16);
  });
});
