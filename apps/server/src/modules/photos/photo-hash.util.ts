import sharp from 'sharp';

/** dHash compares each pixel with its right neighbour: 9 columns give 8 comparisons per row, 8 rows. */
const DHASH_COLUMNS = 9;
const DHASH_ROWS = 8;

/** 64-bit difference hash of an 9×8 greyscale image as 16 hex characters (row-major, MSB first). */
export function differenceHashOfGrey(pixels: Uint8Array): string {
  if (pixels.length !== DHASH_COLUMNS * DHASH_ROWS) {
    throw new Error(`dHash needs ${DHASH_COLUMNS}x${DHASH_ROWS} grey pixels, got ${pixels.length}`);
  }
  let hash = 0n;
  for (let row = 0; row < DHASH_ROWS; row++) {
    for (let column = 0; column < DHASH_COLUMNS - 1; column++) {
      const index = row * DHASH_COLUMNS + column;
      hash = (hash << 1n) | (pixels[index] < pixels[index + 1] ? 1n : 0n);
    }
  }
  return hash.toString(16).padStart(16, '0');
}

/**
 * Perceptual hash that survives re-encoding, resizing and small edits, so the same photo sent twice (or by
 * two people) is found by a small Hamming distance. The aspect ratio is ignored on purpose.
 */
export async function differenceHash(image: Buffer): Promise<string> {
  const pixels = await sharp(image).greyscale().resize(DHASH_COLUMNS, DHASH_ROWS, { fit: 'fill' }).raw().toBuffer();
  return differenceHashOfGrey(pixels);
}

/** Bits in which two 16-hex-character hashes differ (0 = same picture, ≳ 20 = unrelated pictures). */
export function hammingDistance(a: string, b: string): number {
  if (!/^[0-9a-f]{16}$/.test(a) || !/^[0-9a-f]{16}$/.test(b)) throw new Error('hashes must be 16 hex characters');
  let difference = BigInt(`0x${a}`) ^ BigInt(`0x${b}`);
  let bits = 0;
  while (difference > 0n) {
    bits += Number(difference & 1n);
    difference >>= 1n;
  }
  return bits;
}

/**
 * Whether a hash says anything about the picture: a flat or nearly flat image (a black frame, a wall)
 * hashes to almost all zeros or ones, so every such photo "matches" every other.
 */
export function isInformativeHash(hash: string): boolean {
  const bits = hammingDistance(hash, '0000000000000000');
  return bits >= 8 && bits <= 56;
}
