import sharp from 'sharp';

/**
 * Decodes a photo and squeezes it to the model's square input (`fit: fill`, the same stretch nsfwjs
 * applies itself), upright per EXIF, as 8-bit sRGB without alpha. Runs on libvips's threads, so the
 * event loop only waits; JPEG shrink-on-load keeps a 2048 px photo at a few milliseconds.
 */
export async function toModelPixels(image: Buffer, size: number): Promise<Uint8Array> {
  const { data, info } = await sharp(image, { failOn: 'error' })
    .rotate()
    .resize(size, size, { fit: 'fill', kernel: 'lanczos3' })
    .toColourspace('srgb')
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  if (info.channels !== 3 || data.length !== size * size * 3) {
    throw new Error(`expected ${size}×${size}×3 pixels, got ${info.width}×${info.height}×${info.channels}`);
  }
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
