export type PhotoQualityFlag = 'too_dark' | 'too_bright' | 'blank' | 'blurry' | 'low_resolution';

export interface PhotoView {
  id: string;
  /** Short-lived signed URL of the re-encoded photo. */
  url: string;
  thumbUrl: string;
  width: number;
  height: number;
  quality: { ok: boolean; flags: PhotoQualityFlag[] };
}

/** Upload limits shared by the client (checks before sending) and the server (enforces). */
export const PHOTO_LIMITS = {
  maxBytes: 10 * 1024 * 1024,
  maxPixels: 50_000_000,
  maxPerReport: 6,
  maxPerResolution: 6,
  acceptedMimeTypes: ['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'image/heif'],
} as const;
