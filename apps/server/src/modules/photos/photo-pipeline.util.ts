import { ErrorCode, PHOTO_LIMITS, type PhotoQualityFlag } from '@ssp/contracts';
import { createHash } from 'node:crypto';
import sharp, { type Metadata, type OutputInfo } from 'sharp';
import { DomainError } from '../../core/errors/domain.error';
import { photoFingerprint } from './photo-fingerprint.util';
import { differenceHash } from './photo-hash.util';
import { measureLuminance, qualityFlagsOf } from './photo-quality.util';
import { sniffImageKind, type ImageKind } from './photo-sniff.util';

/** What is stored: a long side of 2048 px keeps street detail readable at a few hundred KB. */
export const PHOTO_OUTPUT = {
  maxLongSide: 2048,
  thumbLongSide: 320,
  quality: 82,
  thumbQuality: 75,
  mime: 'image/jpeg',
} as const;

export interface ProcessedPhoto {
  /** Re-encoded JPEG: auto-oriented, at most 2048 px, with no EXIF, GPS or other metadata. */
  image: Buffer;
  thumb: Buffer;
  mime: typeof PHOTO_OUTPUT.mime;
  width: number;
  height: number;
  /** sha256 (hex) of `image`, the bytes actually stored */
  sha256: string;
  /** 64-bit dHash of `image` as 16 hex characters */
  phash: string;
  /** 32×32 grey thumbnail of `image` as base64, for finding a re-taken photo of the same scene */
  fingerprint: string;
  flags: PhotoQualityFlag[];
}

function unsupportedType(): DomainError {
  return new DomainError(ErrorCode.UNSUPPORTED_MEDIA_TYPE, '只能上传 JPEG、PNG、WebP 或 HEIC 格式的照片', {
    accepted: [...PHOTO_LIMITS.acceptedMimeTypes],
  });
}

function undecodable(kind: ImageKind): DomainError {
  // Prebuilt sharp decodes HEIF only with the AV1 codec; iPhone HEIC (HEVC) lands here.
  const message =
    kind === 'heif'
      ? '无法读取这张 HEIC 照片，请在相机设置中选择“兼容性最佳”，或改传 JPEG 照片'
      : '无法读取这张照片，文件可能已损坏';
  return new DomainError(ErrorCode.UNSUPPORTED_MEDIA_TYPE, message);
}

function tooManyPixels(width: number, height: number, maxPixels: number): DomainError {
  const megapixels = Math.floor(maxPixels / 1_000_000);
  return new DomainError(ErrorCode.PAYLOAD_TOO_LARGE, `照片像素过多（${width}×${height}），最多 ${megapixels} 百万像素`, {
    width,
    height,
    maxPixels,
  });
}

function isPixelLimitError(error: unknown): boolean {
  return error instanceof Error && /pixel limit/i.test(error.message);
}

/**
 * Upload → stored photo: refuses what is not an image by its bytes, refuses decompression bombs before
 * decoding them (the header's dimensions, then libvips' own pixel limit as the second guard), applies
 * the EXIF orientation, re-encodes (which drops EXIF and GPS: residents' home locations must not leak
 * through a photo), makes the thumbnail, hashes, fingerprints and grades it.
 */
export async function processPhoto(input: Buffer, limits: { maxPixels: number }): Promise<ProcessedPhoto> {
  const kind = sniffImageKind(input);
  if (!kind) throw unsupportedType();

  let header: Metadata;
  try {
    header = await sharp(input, { limitInputPixels: false }).metadata();
  } catch {
    throw undecodable(kind);
  }
  const declaredWidth = header.width;
  const declaredHeight = header.pageHeight ?? header.height;
  if (declaredWidth * declaredHeight > limits.maxPixels) throw tooManyPixels(declaredWidth, declaredHeight, limits.maxPixels);

  let master: { data: Buffer; info: OutputInfo };
  try {
    master = await sharp(input, { limitInputPixels: limits.maxPixels, failOn: 'error' })
      .rotate()
      .resize(PHOTO_OUTPUT.maxLongSide, PHOTO_OUTPUT.maxLongSide, { fit: 'inside', withoutEnlargement: true })
      // JPEG has no alpha: transparent areas become white rather than whatever colour hid beneath them.
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: PHOTO_OUTPUT.quality, mozjpeg: true })
      .toBuffer({ resolveWithObject: true });
  } catch (error) {
    if (isPixelLimitError(error)) throw tooManyPixels(declaredWidth, declaredHeight, limits.maxPixels);
    throw undecodable(kind);
  }

  const image = master.data;
  const { width, height } = master.info;
  const [thumb, phash, fingerprint, luminance] = await Promise.all([
    sharp(image)
      .resize(PHOTO_OUTPUT.thumbLongSide, PHOTO_OUTPUT.thumbLongSide, { fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality: PHOTO_OUTPUT.thumbQuality, mozjpeg: true })
      .toBuffer(),
    differenceHash(image),
    photoFingerprint(image),
    measureLuminance(image),
  ]);
  return {
    image,
    thumb,
    mime: PHOTO_OUTPUT.mime,
    width,
    height,
    sha256: createHash('sha256').update(image).digest('hex'),
    phash,
    fingerprint,
    flags: qualityFlagsOf(luminance, { width, height }),
  };
}
