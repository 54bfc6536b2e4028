import { ErrorCode } from '@ssp/contracts';
import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { DomainError } from '../../../core/errors/domain.error';
import { exifHasGps, phoneJpeg, pngDeclaring, rgbAt, sceneJpeg, undecodableHeic } from '../../../test/helpers/images';
import { differenceHash } from '../photo-hash.util';
import { PHOTO_OUTPUT, processPhoto } from '../photo-pipeline.util';

const limits = { maxPixels: 50_000_000 };

async function refusal(input: Buffer, maxPixels = limits.maxPixels): Promise<DomainError> {
  const error: unknown = await processPhoto(input, { maxPixels }).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof DomainError)) throw new Error(`expected a DomainError, got ${String(error)}`);
  return error;
}

describe('processPhoto', () => {
  it('re-encodes a phone photo: upright, no EXIF and no GPS left, thumbnail, hashes', async () => {
    const input = await phoneJpeg(800, 600);
    const inputMeta = await sharp(input).metadata();
    expect(inputMeta.orientation).toBe(6);
    expect(exifHasGps(inputMeta.exif!)).toBe(true);

    const photo = await processPhoto(input, limits);

    const meta = await sharp(photo.image).metadata();
    expect(meta.format).toBe('jpeg');
    expect(meta.exif).toBeUndefined();
    expect(meta.orientation).toBeUndefined();
    expect(photo.image.includes(Buffer.from('Exif\0\0', 'latin1'))).toBe(false);
    expect(photo.image.includes(Buffer.from('TestPhone'))).toBe(false);
    // stored sideways as 800×600 with orientation 6: upright it is 600×800, red on top, blue below
    expect([photo.width, photo.height]).toEqual([600, 800]);
    expect([meta.width, meta.height]).toEqual([600, 800]);
    const top = await rgbAt(photo.image, 300, 100);
    const bottom = await rgbAt(photo.image, 300, 700);
    expect(top[0]).toBeGreaterThan(180);
    expect(top[2]).toBeLessThan(60);
    expect(bottom[2]).toBeGreaterThan(180);
    expect(bottom[0]).toBeLessThan(60);

    const thumbMeta = await sharp(photo.thumb).metadata();
    expect([thumbMeta.width, thumbMeta.height]).toEqual([240, 320]);
    expect(thumbMeta.exif).toBeUndefined();
    expect(photo.mime).toBe('image/jpeg');
    expect(photo.sha256).toBe(createHash('sha256').update(photo.image).digest('hex'));
    expect(photo.phash).toBe(await differenceHash(photo.image));
  });

  it('shrinks a large photo to 2048 px on the long side and never enlarges a small one', async () => {
    const large = await processPhoto(await sceneJpeg(4000, 3000), limits);
    expect([large.width, large.height]).toEqual([PHOTO_OUTPUT.maxLongSide, 1536]);
    expect(large.flags).toEqual([]);
    const small = await processPhoto(await sceneJpeg(300, 200), limits);
    expect([small.width, small.height]).toEqual([300, 200]);
    expect(small.flags).toEqual(['low_resolution']);
  });

  it('accepts PNG (transparency becomes white) and WebP', async () => {
    const transparent = await sharp({ create: { width: 600, height: 600, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } })
      .png()
      .toBuffer();
    const fromPng = await processPhoto(transparent, limits);
    expect(await rgbAt(fromPng.image, 10, 10)).toEqual([255, 255, 255]);
    const webp = await sharp(await sceneJpeg(800, 600)).webp().toBuffer();
    expect((await processPhoto(webp, limits)).width).toBe(800);
  });

  it('refuses text named like a photo with 415 before decoding anything', async () => {
    const error = await refusal(Buffer.from('this is not a photo, whatever its name says'));
    expect(error.code).toBe(ErrorCode.UNSUPPORTED_MEDIA_TYPE);
  });

  it('refuses a broken JPEG and an undecodable HEIC with 415 and a hint for HEIC', async () => {
    const jpeg = await sceneJpeg(640, 480);
    const broken = await refusal(jpeg.subarray(0, Math.floor(jpeg.length / 3)));
    expect(broken.code).toBe(ErrorCode.UNSUPPORTED_MEDIA_TYPE);
    const heic = await refusal(undecodableHeic());
    expect(heic.code).toBe(ErrorCode.UNSUPPORTED_MEDIA_TYPE);
    expect(heic.message).toContain('HEIC');
  });

  it('refuses a header declaring 20000×20000 pixels with 413, without decoding it', async () => {
    const started = Date.now();
    const error = await refusal(pngDeclaring(20_000, 20_000));
    expect(error.code).toBe(ErrorCode.PAYLOAD_TOO_LARGE);
    expect(error.message).toContain('20000×20000');
    expect(error.details).toEqual({ width: 20_000, height: 20_000, maxPixels: limits.maxPixels });
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('refuses a real image over the configured pixel limit', async () => {
    const error = await refusal(await sceneJpeg(1200, 1000), 1_000_000);
    expect(error.code).toBe(ErrorCode.PAYLOAD_TOO_LARGE);
    expect((await processPhoto(await sceneJpeg(1000, 1000), { maxPixels: 1_000_000 })).width).toBe(1000);
  });
});
