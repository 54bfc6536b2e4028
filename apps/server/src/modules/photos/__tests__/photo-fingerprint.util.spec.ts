import sharp from 'sharp';
import { FINGERPRINT_SIDE, decodeFingerprint, photoFingerprint } from '../photo-fingerprint.util';

/** A 400 × 300 JPEG: dark left half, light right half. */
const halves = () =>
  sharp({ create: { width: 400, height: 300, channels: 3, background: '#202020' } })
    .composite([{ input: { create: { width: 200, height: 300, channels: 3, background: '#e0e0e0' } }, left: 200, top: 0 }])
    .jpeg()
    .toBuffer();

describe('photoFingerprint', () => {
  it('is the grey thumbnail of the photo, 32 × 32 whatever its size, as base64', async () => {
    const fingerprint = await photoFingerprint(await halves());
    expect(fingerprint).toHaveLength(1368);
    const pixels = decodeFingerprint(fingerprint);
    expect(pixels).toHaveLength(FINGERPRINT_SIDE * FINGERPRINT_SIDE);
    const row = pixels!.slice(16 * FINGERPRINT_SIDE, 17 * FINGERPRINT_SIDE);
    expect(row[2]).toBeLessThan(60);
    expect(row[FINGERPRINT_SIDE - 3]).toBeGreaterThan(190);
  });

  it('refuses what is not a fingerprint', () => {
    expect(decodeFingerprint('')).toBeNull();
    expect(decodeFingerprint('###')).toBeNull();
    expect(decodeFingerprint(Buffer.alloc(1000).toString('base64'))).toBeNull();
  });
});
