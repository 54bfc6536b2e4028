import type { PhotoView } from '@ssp/contracts';

/** An uploaded photo as the server describes it. */
export function photoView(id: string): PhotoView {
  return {
    id,
    url: `https://api.test/photos/${id}.jpg`,
    thumbUrl: `https://api.test/photos/${id}-thumb.jpg`,
    width: 1280,
    height: 960,
    quality: { ok: true, flags: [] },
  };
}

/** An error body as Taro.uploadFile hands it back: as text. */
export function errorText(code: string, message: string): string {
  return JSON.stringify({ error: { code, message } });
}
