import sharp from 'sharp';

/**
 * Side of the fingerprint: a grey thumbnail of FINGERPRINT_SIDE × FINGERPRINT_SIDE pixels, the aspect
 * ratio ignored like the dHash's. 32 px keep the layout of a street scene (kerb, pole, manhole, the
 * skyline) while noise, JPEG blocks and fine texture are gone; 1,024 bytes, 1,368 as base64.
 */
export const FINGERPRINT_SIDE = 32;

const FINGERPRINT_BYTES = FINGERPRINT_SIDE * FINGERPRINT_SIDE;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * The stored fingerprint of a photo for finding a second photo of the same scene (duplicate detection,
 * photo-similarity.util.ts): its grey thumbnail as base64. Unlike the 64-bit dHash it keeps enough of
 * the picture to be compared under the shift, crop and zoom of a re-taken photo.
 */
export async function photoFingerprint(image: Buffer): Promise<string> {
  const pixels = await sharp(image)
    .greyscale()
    .resize(FINGERPRINT_SIDE, FINGERPRINT_SIDE, { fit: 'fill' })
    .toColourspace('b-w')
    .raw()
    .toBuffer();
  if (pixels.length !== FINGERPRINT_BYTES) throw new Error(`fingerprint needs ${FINGERPRINT_BYTES} grey pixels, got ${pixels.length}`);
  return pixels.toString('base64');
}

/** The thumbnail's pixels (row-major, 0–255), or null when the text is not a fingerprint. */
export function decodeFingerprint(fingerprint: string): Uint8Array | null {
  if (!BASE64.test(fingerprint)) return null;
  const bytes = Buffer.from(fingerprint, 'base64');
  return bytes.length === FINGERPRINT_BYTES ? new Uint8Array(bytes) : null;
}
